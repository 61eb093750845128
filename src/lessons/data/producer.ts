/** Chapter "the producer": acks, retries and the duplicate, the idempotent producer. */
import type { Report } from '../../core/model/report';
import { hasAnomaly, leaderOf, producedWith, same, stops, valuesOn } from '../reportQueries';
import type { Lesson } from '../types';

const t = 'orders';
const replica = (broker: number) => ({ topic: t, partition: 0, broker });

export const acks: Lesson = {
  id: 'acks',
  chapter: 'producer',
  scenario: {
    version: 1, seed: 1,
    cluster: { brokers: 3, replication: 'manual' },
    topics: [{ name: t, assignment: [[1, 2, 3]] }],
    steps: [
      { op: 'produce', topic: t, key: null, value: 'm0', acks: 0 },
      { op: 'produce', topic: t, key: null, value: 'm1', acks: 1 },
      { op: 'produce', topic: t, key: null, value: 'm2', acks: 'all' },
      { op: 'fetch', broker: 2 },
      { op: 'fetch', broker: 3 },
      { op: 'fetch', broker: 2 },
      { op: 'fetch', broker: 3 },
      { op: 'produce', topic: t, key: null, value: 'm3', acks: 1 },
      { op: 'crash', broker: 1 },
      { op: 'run', ms: 9000 },
    ],
  },
  stops: stops(11, {
    1: { highlight: [{ ...replica(1), offset: 0 }] },
    2: { highlight: [{ ...replica(1), offset: 1 }] },
    3: { highlight: [{ ...replica(1), offset: 2 }] },
    4: { highlight: [replica(2)] },
    5: { highlight: [replica(3)] },
    7: { highlight: [{ topic: t, partition: 0 }] },
    8: {
      highlight: [{ ...replica(1), offset: 3 }],
      question: {
        revealAt: 10,
        choices: [
          { id: 'four', correct: false, holds: (r) => leaderOf(r, t) !== null && same(valuesOn(r, t, 0, leaderOf(r, t)!), ['m0', 'm1', 'm2', 'm3']) },
          { id: 'three', correct: true, holds: (r) => leaderOf(r, t) !== null && same(valuesOn(r, t, 0, leaderOf(r, t)!), ['m0', 'm1', 'm2']) },
          { id: 'none', correct: false, holds: (r) => leaderOf(r, t) === null },
        ],
      },
    },
    9: { highlight: [{ broker: 1 }] },
    10: { highlight: [replica(2)] },
  }),
  claims: [
    { at: 1, says: 'acks=0: "acknowledged" at once with offset -1', holds: (r) => producedWith(r, 'm0')[0].acked && producedWith(r, 'm0')[0].offset === -1 },
    { at: 2, says: 'acks=1: acknowledged as soon as the leader appends', holds: (r) => producedWith(r, 'm1')[0].acked },
    { at: 3, says: 'acks=all: waiting for the ISR', holds: (r) => !producedWith(r, 'm2')[0].acked },
    { at: 7, says: 'the followers told the leader they hold m2: HW 3, m2 acknowledged', holds: (r) => producedWith(r, 'm2')[0].acked && r.partitions[0].highWatermark === 3 },
    { at: 8, says: 'm3 is acknowledged but only on broker 1', holds: (r) => producedWith(r, 'm3')[0].acked && same(valuesOn(r, t, 0, 2), ['m0', 'm1', 'm2']) },
    { at: 10, says: 'broker 2 leads without m3: an acknowledged record is lost', holds: (r) => leaderOf(r, t) === 2 && hasAnomaly(r, 'acknowledged-record-lost') },
  ],
};

function retryScenario(idempotent: boolean) {
  return {
    version: 1, seed: 1,
    cluster: { brokers: 3, replication: 'auto' },
    producer: { acks: 'all', config: { 'enable.idempotence': idempotent } },
    topics: [{ name: t, assignment: [[1, 2, 3]] }],
    steps: [
      { op: 'produce', topic: t, key: 'a', value: 'm1' },
      { op: 'run', ms: 1000 },
      { op: 'produce', topic: t, key: 'a', value: 'm2' },
      { op: 'run', ms: 1 },
      { op: 'crash', broker: 1 },
      { op: 'run', ms: 9000 },
      { op: 'run', ms: 21000 },
      { op: 'run', ms: 2000 },
    ],
  };
}

const newLeaderLog = (r: Report) => valuesOn(r, t, 0, 2);
const retryChoices = (duplicate: boolean) => [
  { id: 'once', correct: !duplicate, holds: (r: Report) => same(newLeaderLog(r), ['m1', 'm2']) },
  { id: 'twice', correct: duplicate, holds: (r: Report) => same(newLeaderLog(r), ['m1', 'm2', 'm2']) },
  { id: 'lost', correct: false, holds: (r: Report) => same(newLeaderLog(r), ['m1']) },
];

export const retries: Lesson = {
  id: 'retries',
  chapter: 'producer',
  scenario: retryScenario(false),
  stops: stops(9, {
    1: { highlight: [{ ...replica(1), offset: 0 }] },
    3: { highlight: [{ ...replica(1), offset: 1 }] },
    4: { highlight: [{ ...replica(2), offset: 1 }, { ...replica(3), offset: 1 }], question: { revealAt: 8, choices: retryChoices(true) } },
    5: { highlight: [{ broker: 1 }] },
    6: { highlight: [replica(2)] },
    8: { highlight: [{ ...replica(2), offset: 2 }] },
  }),
  claims: [
    { at: 4, says: 'the followers hold m2, the leader has not heard so: m2 unacknowledged', holds: (r) => !producedWith(r, 'm2')[0].acked && same(newLeaderLog(r), ['m1', 'm2']) },
    { at: 6, says: 'broker 2 is the new leader', holds: (r) => leaderOf(r, t) === 2 },
    { at: 7, says: 'the request times out after 30 s', holds: (r) => producedWith(r, 'm2')[0].error === 'REQUEST_TIMED_OUT' && !producedWith(r, 'm2')[0].acked },
    { at: 8, says: 'the resend is appended again: a duplicate at offset 2', holds: (r) => hasAnomaly(r, 'duplicate-record') && producedWith(r, 'm2')[0].offset === 2 && producedWith(r, 'm2')[0].attempts === 2 },
  ],
  next: 'idempotence',
};

export const idempotence: Lesson = {
  id: 'idempotence',
  chapter: 'producer',
  scenario: retryScenario(true),
  stops: stops(9, {
    3: { highlight: [{ ...replica(1), offset: 1 }] },
    4: { highlight: [{ ...replica(2), offset: 1 }], question: { revealAt: 8, choices: retryChoices(false) } },
    5: { highlight: [{ broker: 1 }] },
    8: { highlight: [{ ...replica(2), offset: 1 }] },
  }),
  claims: [
    { at: 7, says: 'the request times out after 30 s', holds: (r) => producedWith(r, 'm2')[0].error === 'REQUEST_TIMED_OUT' },
    { at: 8, says: 'the resend is answered with the original offset 1; no duplicate', holds: (r) => !hasAnomaly(r, 'duplicate-record') && producedWith(r, 'm2')[0].acked && producedWith(r, 'm2')[0].offset === 1 && producedWith(r, 'm2')[0].attempts === 2 },
  ],
};
