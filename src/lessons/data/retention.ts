/**
 * Chapter "the log on disk": retention. `retention.ms` deletes whole segments at the retention
 * check (30 s after start, then every `log.retention.check.interval.ms`), the log start offset
 * moves, a consumer whose position was deleted resets by `auto.offset.reset`, and a follower
 * below the leader's log start starts over there (as scenarios/retention-follower-starts-over.json).
 */
import { isrOf, partitionOf, polledValues, replicaOf, same, stops, valuesOn } from '../reportQueries';
import type { Report } from '../../core/model/report';
import type { Lesson } from '../types';

const leader = { topic: 'orders', partition: 0, broker: 1 };
const follower = { topic: 'orders', partition: 0, broker: 2 };
const start = (r: Report, broker: number) => replicaOf(r, 'orders', 0, broker).logStartOffset;
const bases = (r: Report, broker: number) => replicaOf(r, 'orders', 0, broker).segments.map((s) => s.baseOffset);
const polledAt = (r: Report, step: number) => polledValues(r, 'readers', 'c1', step);

export const retention: Lesson = {
  id: 'retention',
  chapter: 'storage',
  scenario: {
    version: 1, seed: 1,
    cluster: { brokers: 2, replication: 'manual', config: { 'log.retention.check.interval.ms': 15000, 'offsets.topic.replication.factor': 1 } },
    producer: { acks: 1 },
    consumer: { config: { 'auto.offset.reset': 'earliest', 'enable.auto.commit': false } },
    // segment.bytes 150: two records of about 70 bytes share a segment; retention.ms 20 s.
    topics: [{ name: 'orders', assignment: [[1, 2]], config: { 'segment.bytes': 150, 'retention.ms': 20000 } }],
    steps: [
      { op: 'produce', topic: 'orders', key: null, value: 'v0' },
      { op: 'fetch', broker: 2 },
      { op: 'fetch', broker: 2 },
      { op: 'crash', broker: 2 },
      { op: 'produce', topic: 'orders', key: null, value: 'v1' },
      { op: 'subscribe', group: 'readers', member: 'c1', topics: ['orders'] },
      { op: 'run', ms: 3000 },
      { op: 'poll', group: 'readers', member: 'c1' },
      { op: 'produce', topic: 'orders', key: null, value: 'v2' },
      { op: 'run', ms: 15000 },
      { op: 'produce', topic: 'orders', key: null, value: 'v3' },
      { op: 'run', ms: 15000 },
      { op: 'poll', group: 'readers', member: 'c1' },
      { op: 'restart', broker: 2 },
      { op: 'fetch', broker: 2 },
      { op: 'run', ms: 30000 },
    ],
  },
  stops: stops(17, {
    0: { highlight: [leader, follower], callout: true },
    1: { highlight: [{ ...leader, offset: 0 }] },
    2: { highlight: [{ ...follower, offset: 0 }] },
    4: { highlight: [{ broker: 2 }] },
    5: { highlight: [{ ...leader, offset: 1 }] },
    8: { highlight: [{ ...leader, offset: 0 }] },
    9: { highlight: [{ ...leader, offset: 2 }], disk: leader },
    11: {
      highlight: [{ ...leader, offset: 2 }, { ...leader, offset: 3 }],
      disk: leader,
      question: {
        revealAt: 12,
        choices: [
          { id: 'segment', correct: true, holds: (r) => same(valuesOn(r, 'orders', 0, 1), ['v2', 'v3']) && start(r, 1) === 2 },
          { id: 'records', correct: false, holds: (r) => same(valuesOn(r, 'orders', 0, 1), ['v3']) },
          { id: 'all', correct: false, holds: (r) => valuesOn(r, 'orders', 0, 1).length === 4 },
        ],
      },
    },
    12: {
      highlight: [leader],
      disk: leader,
      question: {
        revealAt: 13,
        choices: [
          { id: 'reset', correct: true, holds: (r) => same(polledAt(r, 12), ['v2', 'v3']) },
          { id: 'v1', correct: false, holds: (r) => polledAt(r, 12).includes('v1') },
          { id: 'stuck', correct: false, holds: (r) => polledAt(r, 12).length === 0 },
        ],
      },
    },
    13: { highlight: [{ ...leader, offset: 2 }, { ...leader, offset: 3 }], callout: true },
    14: {
      highlight: [follower],
      question: {
        revealAt: 15,
        choices: [
          { id: 'over', correct: true, holds: (r) => start(r, 2) === 2 && same(valuesOn(r, 'orders', 0, 2), ['v2', 'v3']) },
          { id: 'keeps', correct: false, holds: (r) => valuesOn(r, 'orders', 0, 2).includes('v0') },
        ],
      },
    },
    15: { highlight: [follower] },
    16: { highlight: [leader, follower], disk: leader },
  }),
  claims: [
    { at: 3, says: 'broker 2 has v0 and the leader\'s HW is 1', holds: (r) => same(valuesOn(r, 'orders', 0, 2), ['v0']) && partitionOf(r, 'orders').highWatermark === 1 },
    { at: 5, says: 'v1 shares segment 0 with v0; the HW stays 1 while crashed broker 2 is in the ISR', holds: (r) => same(bases(r, 1), [0]) && partitionOf(r, 'orders').highWatermark === 1 && same(isrOf(r, 'orders'), [1, 2]) },
    { at: 8, says: 'c1 reads only v0 (below the HW): its position is 1', holds: (r) => same(polledAt(r, 7), ['v0']) },
    { at: 9, says: 'v2 starts a new segment at offset 2', holds: (r) => same(bases(r, 1), [0, 2]) },
    { at: 10, says: 'at 18 s broker 2 is out of the ISR and the HW is 3', holds: (r) => same(isrOf(r, 'orders'), [1]) && partitionOf(r, 'orders').highWatermark === 3 && r.timeMs === 18000 },
    { at: 11, says: 'v3 joins segment 2; nothing deleted yet (the first check is at 30 s)', holds: (r) => same(bases(r, 1), [0, 2]) && start(r, 1) === 0 },
    { at: 12, says: 'the check at 30 s deleted segment 0 on broker 1 only; the crashed broker 2 still has v0, log start 0', holds: (r) => start(r, 1) === 2 && same(bases(r, 1), [2]) && same(valuesOn(r, 'orders', 0, 2), ['v0']) && start(r, 2) === 0 },
    { at: 13, says: 'c1, reset to the log start, read v2 and v3; nobody in readers ever read v1', holds: (r) => same(polledAt(r, 12), ['v2', 'v3']) && !polledValues(r, 'readers', 'c1').includes('v1') },
    { at: 15, says: 'broker 2 emptied its log, starts at 2 and copied v2, v3', holds: (r) => start(r, 2) === 2 && same(valuesOn(r, 'orders', 0, 2), ['v2', 'v3']) },
    { at: 16, says: 'at 45 s both replicas deleted segment 2, rolling an empty segment at 4 first: log start 4 = LEO', holds: (r) => [1, 2].every((b) => start(r, b) === 4 && replicaOf(r, 'orders', 0, b).logEndOffset === 4 && same(bases(r, b), [4]) && valuesOn(r, 'orders', 0, b).length === 0) },
  ],
};
