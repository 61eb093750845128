/** Chapter "replicas and the ISR": the ISR and its lag, min.insync.replicas, why not a majority. */
import { isrOf, leaderOf, producedWith, replicaOf, same, stops, valuesOn } from '../reportQueries';
import type { Lesson } from '../types';

const t = 'orders';
const replica = (broker: number) => ({ topic: t, partition: 0, broker });
const fetch = (broker: number) => ({ op: 'fetch', broker });
const produce = (value: string, extra: Record<string, unknown> = {}) => ({ op: 'produce', topic: t, key: null, value, ...extra });

export const isr: Lesson = {
  id: 'isr',
  chapter: 'replication',
  scenario: {
    version: 1, seed: 1,
    cluster: { brokers: 3, replication: 'manual', config: { 'replica.lag.time.max.ms': 10000 } },
    producer: { acks: 'all' },
    topics: [{ name: t, assignment: [[1, 2, 3]] }],
    steps: [
      produce('m1'), fetch(2), fetch(3), fetch(2), fetch(3),
      produce('m2'), fetch(2), fetch(2),
      { op: 'run', ms: 9000 },
      { op: 'run', ms: 7000 },
      fetch(3), fetch(3),
    ],
  },
  stops: stops(13, {
    0: { highlight: [{ topic: t, partition: 0 }] },
    1: { highlight: [{ ...replica(1), offset: 0 }] },
    5: { highlight: [{ topic: t, partition: 0 }] },
    6: { highlight: [{ ...replica(1), offset: 1 }] },
    8: { highlight: [replica(3)] },
    9: {
      highlight: [replica(3)],
      question: {
        revealAt: 10,
        choices: [
          { id: 'removed', correct: true, holds: (r) => same(isrOf(r, t), [1, 2]) && producedWith(r, 'm2')[0].acked },
          { id: 'stays', correct: false, holds: (r) => isrOf(r, t).includes(3) },
          { id: 'fenced', correct: false, holds: (r) => r.brokers.find((b) => b.id === 3)!.fenced },
        ],
      },
    },
    10: { highlight: [replica(3)], callout: true },
    12: { highlight: [replica(3)] },
  }),
  claims: [
    { at: 8, says: 'a silent follower holds acks=all back', holds: (r) => !producedWith(r, 'm2')[0].acked && isrOf(r, t).includes(3) },
    { at: 9, says: 'at 9 s broker 3 is still in the ISR', holds: (r) => same(isrOf(r, t), [1, 2, 3]) },
    { at: 10, says: 'past replica.lag.time.max.ms the leader drops broker 3; m2 is acknowledged', holds: (r) => same(isrOf(r, t), [1, 2]) && producedWith(r, 'm2')[0].acked },
    { at: 12, says: 'broker 3 catches up and rejoins at the end of the ISR', holds: (r) => same(isrOf(r, t), [1, 2, 3]) },
  ],
};

export const minInsync: Lesson = {
  id: 'min-insync',
  chapter: 'replication',
  scenario: {
    version: 1, seed: 1,
    cluster: { brokers: 3, replication: 'manual' },
    producer: { acks: 'all' },
    topics: [{ name: t, assignment: [[1, 2, 3]], config: { 'min.insync.replicas': 2 } }],
    steps: [
      produce('m1'), fetch(2), fetch(3), fetch(2), fetch(3),
      { op: 'shutdown', broker: 3 },
      produce('m2'), fetch(2), fetch(2),
      { op: 'shutdown', broker: 2 },
      produce('m3'),
      produce('m4', { acks: 1 }),
      { op: 'restart', broker: 2 },
      fetch(2), fetch(2),
      { op: 'run', ms: 200 },
      fetch(2), fetch(2),
    ],
  },
  stops: stops(19, {
    0: { highlight: [{ topic: t, partition: 0 }] },
    6: { highlight: [{ topic: t, partition: 0 }] },
    9: { highlight: [{ ...replica(1), offset: 1 }] },
    10: {
      highlight: [{ topic: t, partition: 0 }],
      question: {
        revealAt: 11,
        choices: [
          { id: 'refused', correct: true, holds: (r) => producedWith(r, 'm3')[0].error === 'NOT_ENOUGH_REPLICAS' && !valuesOn(r, t, 0, 1).includes('m3') },
          { id: 'waits', correct: false, holds: (r) => valuesOn(r, t, 0, 1).includes('m3') && !producedWith(r, 'm3')[0].acked },
          { id: 'accepted', correct: false, holds: (r) => producedWith(r, 'm3')[0].acked },
        ],
      },
    },
    11: { callout: true },
    12: { highlight: [{ ...replica(1), offset: 2 }] },
    15: { highlight: [replica(2)] },
    16: { highlight: [{ ...replica(1), offset: 3 }] },
    18: { highlight: [{ ...replica(2), offset: 3 }] },
  }),
  claims: [
    { at: 9, says: 'with ISR {1, 2} acks=all still works', holds: (r) => producedWith(r, 'm2')[0].acked && same(isrOf(r, t), [1, 2]) },
    { at: 12, says: 'acks=1 ignores min.insync.replicas: m4 at offset 2', holds: (r) => producedWith(r, 'm4')[0].acked && producedWith(r, 'm4')[0].offset === 2 },
    { at: 15, says: 'broker 2 catches up and rejoins', holds: (r) => same(isrOf(r, t), [1, 2]) },
    { at: 16, says: 'the retry lands after m4, at offset 3', holds: (r) => producedWith(r, 'm3')[0].offset === 3 && producedWith(r, 'm3')[0].attempts === 2 },
    { at: 18, says: 'm3 is acknowledged at last', holds: (r) => producedWith(r, 'm3')[0].acked },
  ],
};

export const whyIsr: Lesson = {
  id: 'why-isr',
  chapter: 'replication',
  scenario: {
    version: 1, seed: 1,
    cluster: { brokers: 3, replication: 'auto' },
    producer: { acks: 'all' },
    topics: [{ name: t, assignment: [[1, 2, 3]] }],
    steps: [
      produce('m1'),
      { op: 'run', ms: 1000 },
      { op: 'crash', broker: 3 },
      { op: 'crash', broker: 2 },
      produce('m2'),
      { op: 'run', ms: 9000 },
      produce('m3'),
      { op: 'run', ms: 1000 },
    ],
  },
  stops: stops(9, {
    0: { highlight: [{ topic: t, partition: 0 }] },
    2: {
      highlight: [{ broker: 2 }, { broker: 3 }],
      question: {
        revealAt: 7,
        choices: [
          { id: 'yes', correct: true, holds: (r) => producedWith(r, 'm3')[0].acked && same(isrOf(r, t), [1]) },
          { id: 'no', correct: false, holds: (r) => !producedWith(r, 'm3')[0].acked },
        ],
      },
    },
    5: { highlight: [{ ...replica(1), offset: 1 }] },
    6: { highlight: [{ topic: t, partition: 0 }] },
    7: { highlight: [{ ...replica(1), offset: 2 }] },
  }),
  claims: [
    { at: 5, says: 'm2 waits while the crashed followers are still in the ISR', holds: (r) => !producedWith(r, 'm2')[0].acked && same(isrOf(r, t), [1, 2, 3]) },
    { at: 6, says: 'fencing shrinks the ISR to {1}: m2 is acknowledged', holds: (r) => producedWith(r, 'm2')[0].acked && same(isrOf(r, t), [1]) },
    { at: 8, says: 'one replica of three still takes writes', holds: (r) => producedWith(r, 'm3')[0].acked && leaderOf(r, t) === 1 && replicaOf(r, t, 0, 1).logEndOffset === 3 },
  ],
};
