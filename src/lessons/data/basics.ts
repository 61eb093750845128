/** Chapters "why a message queue" and "the basic concepts"; the log on disk. */
import { assignmentOf, groupOf, partitionOf, producedWith, replicaOf, same, stops } from '../reportQueries';
import type { Report } from '../../core/model/report';
import type { Lesson } from '../types';

const orders0 = { topic: 'orders', partition: 0, broker: 1 };

const warehouse = (r: Report) => groupOf(r, 'warehouse');
/** The group's lag on orders-0 as the groups panel shows it: the HW minus the committed offset. */
const lagOf = (r: Report) => {
  const committed = warehouse(r).committed['orders-0'];
  return committed === undefined ? undefined : partitionOf(r, 'orders', 0).highWatermark - committed;
};
const lagChart = { lagChart: 'warehouse' };

export const whyQueue: Lesson = {
  id: 'why-queue',
  chapter: 'why',
  scenario: {
    version: 1, seed: 1,
    // One broker, manual replication: the HW follows the LEO at once, and the consumer reads only
    // on its poll steps, so the warehouse is as slow as the lesson makes it.
    cluster: { brokers: 1, replication: 'manual', config: { 'offsets.topic.replication.factor': 1 } },
    producer: { acks: 1 },
    consumer: { config: { 'auto.offset.reset': 'earliest', 'enable.auto.commit': false, 'max.poll.records': 10 } },
    topics: [{ name: 'orders', assignment: [[1]] }],
    steps: [
      { op: 'produce', topic: 'orders', key: null, value: 'order', count: 3 },
      { op: 'run', ms: 1000 },
      { op: 'produce', topic: 'orders', key: null, value: 'order', count: 20 },
      { op: 'run', ms: 1000 },
      { op: 'produce', topic: 'orders', key: null, value: 'order', count: 2 },
      { op: 'subscribe', group: 'warehouse', member: 'w1', topics: ['orders'] },
      { op: 'run', ms: 3000 },
      { op: 'poll', group: 'warehouse', member: 'w1' },
      { op: 'commit', group: 'warehouse', member: 'w1' },
      { op: 'poll', group: 'warehouse', member: 'w1' },
      { op: 'commit', group: 'warehouse', member: 'w1' },
      { op: 'poll', group: 'warehouse', member: 'w1' },
      { op: 'commit', group: 'warehouse', member: 'w1' },
    ],
  },
  stops: stops(14, {
    0: { highlight: [{ broker: 1 }], callout: true },
    1: { highlight: [orders0] },
    2: {
      highlight: [orders0],
      question: {
        revealAt: 3,
        choices: [
          { id: 'refused', correct: false, holds: (r) => r.produced.some((p) => p.error !== null) },
          { id: 'kept', correct: true, holds: (r) => replicaOf(r, 'orders', 0, 1).logEndOffset === 23 && r.produced.every((p) => p.acked) },
          { id: 'dropped', correct: false, holds: (r) => replicaOf(r, 'orders', 0, 1).logEndOffset < 23 },
        ],
      },
    },
    3: { highlight: [orders0] },
    5: { highlight: [orders0] },
    7: {
      highlight: [{ ...orders0, offset: 0 }],
      question: {
        revealAt: 9,
        choices: [
          { id: 'fifteen', correct: true, holds: (r) => lagOf(r) === 15 },
          { id: 'zero', correct: false, holds: (r) => lagOf(r) === 0 },
          { id: 'twentyfive', correct: false, holds: (r) => lagOf(r) === 25 },
        ],
      },
    },
    8: { highlight: Array.from({ length: 10 }, (_, offset) => ({ ...orders0, offset })) },
    9: { highlight: [lagChart] },
    11: { highlight: [lagChart] },
    12: { highlight: [20, 21, 22, 23, 24].map((offset) => ({ ...orders0, offset })) },
    13: { highlight: [lagChart], callout: true },
  }),
  claims: [
    { at: 1, says: 'three orders wait in the log at offsets 0-2', holds: (r) => replicaOf(r, 'orders', 0, 1).logEndOffset === 3 },
    { at: 3, says: 'the peak of 20 is kept: 23 records', holds: (r) => replicaOf(r, 'orders', 0, 1).logEndOffset === 23 },
    { at: 5, says: 'the backlog is 25 records, all acknowledged, nobody reading', holds: (r) => replicaOf(r, 'orders', 0, 1).logEndOffset === 25 && r.produced.length === 25 && r.produced.every((p) => p.acked) && r.groups.length === 0 },
    { at: 7, says: 'the warehouse group is Stable, w1 owns orders-0, nothing committed (no lag yet)', holds: (r) => warehouse(r).state === 'Stable' && same(assignmentOf(r, 'warehouse', 'w1'), ['orders-0']) && lagOf(r) === undefined },
    { at: 8, says: 'the first poll returns offsets 0-9 (max.poll.records 10)', holds: (r) => same(r.polled.filter((p) => p.step === 7).flatMap((p) => p.records.map((x) => x.offset)), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]) },
    { at: 9, says: 'committed 10: lag 15', holds: (r) => warehouse(r).committed['orders-0'] === 10 && lagOf(r) === 15 },
    { at: 11, says: 'committed 20: lag 5', holds: (r) => lagOf(r) === 5 },
    { at: 12, says: 'the third poll returns only the 5 left, offsets 20-24', holds: (r) => same(r.polled.filter((p) => p.step === 11).flatMap((p) => p.records.map((x) => x.offset)), [20, 21, 22, 23, 24]) },
    { at: 13, says: 'committed 25 = HW: the backlog is drained, lag 0', holds: (r) => lagOf(r) === 0 && partitionOf(r, 'orders', 0).highWatermark === 25 },
  ],
};

export const topicsPartitions: Lesson = {
  id: 'topics-partitions',
  chapter: 'basics',
  scenario: {
    version: 1, seed: 1,
    cluster: { brokers: 3, replication: 'auto' },
    producer: { acks: 1 },
    topics: [{ name: 'orders', assignment: [[1], [2], [3]] }, { name: 'payments', assignment: [[2]] }],
    steps: [
      { op: 'produce', topic: 'orders', partition: 0, key: null, value: 'o1' },
      { op: 'produce', topic: 'orders', partition: 0, key: null, value: 'o2' },
      { op: 'produce', topic: 'orders', partition: 1, key: null, value: 'o3' },
      { op: 'produce', topic: 'orders', partition: 2, key: null, value: 'o4' },
      { op: 'produce', topic: 'orders', partition: 2, key: null, value: 'o5' },
      { op: 'produce', topic: 'payments', partition: 0, key: null, value: 'pay1' },
      { op: 'produce', topic: 'orders', partition: 1, key: null, value: 'o6' },
    ],
  },
  stops: stops(8, {
    0: { highlight: [{ broker: 1 }, { broker: 2 }, { broker: 3 }], callout: true },
    1: { highlight: [{ ...orders0, offset: 0 }] },
    2: { highlight: [{ ...orders0, offset: 1 }] },
    3: { highlight: [{ topic: 'orders', partition: 1, broker: 2, offset: 0 }] },
    5: { highlight: [{ topic: 'orders', partition: 2, broker: 3 }] },
    6: {
      highlight: [{ topic: 'payments', partition: 0, broker: 2, offset: 0 }, { topic: 'orders', partition: 1, broker: 2 }],
      question: {
        revealAt: 7,
        choices: [
          { id: 'one', correct: true, holds: (r) => producedWith(r, 'o6')[0].offset === 1 },
          { id: 'five', correct: false, holds: (r) => producedWith(r, 'o6')[0].offset === 5 },
          { id: 'six', correct: false, holds: (r) => producedWith(r, 'o6')[0].offset === 6 },
        ],
      },
    },
    7: { highlight: [{ topic: 'orders', partition: 1, broker: 2, offset: 1 }] },
  }),
  claims: [
    { at: 2, says: 'o1 and o2 take offsets 0 and 1 of orders-0', holds: (r) => producedWith(r, 'o2')[0].offset === 1 },
    { at: 3, says: 'o3 starts orders-1 at offset 0', holds: (r) => producedWith(r, 'o3')[0].offset === 0 },
    { at: 6, says: 'payments-0 lives on broker 2 and starts at offset 0', holds: (r) => producedWith(r, 'pay1')[0].offset === 0 && partitionOf(r, 'payments').leader === 2 },
  ],
};
const partitionOfValue = (r: Parameters<typeof producedWith>[0], value: string) => producedWith(r, value)[0].partition;

export const partitioner: Lesson = {
  id: 'partitioner',
  chapter: 'producer',
  scenario: {
    version: 1, seed: 4,
    cluster: { brokers: 3, replication: 'auto' },
    producer: { acks: 1, partitioner: 'built-in' },
    topics: [{ name: 'orders', assignment: [[1], [2], [3]] }],
    steps: [
      { op: 'produce', topic: 'orders', partition: 1, key: 'alice', value: 'book' },
      { op: 'produce', topic: 'orders', key: 'alice', value: 'pen' },
      { op: 'produce', topic: 'orders', key: 'carol', value: 'lamp' },
      { op: 'produce', topic: 'orders', key: 'alice', value: 'ink' },
      { op: 'produce', topic: 'orders', key: null, value: 'n1' },
      { op: 'produce', topic: 'orders', key: null, value: 'n2' },
      { op: 'produce', topic: 'orders', key: null, value: 'n3' },
      { op: 'produce', topic: 'orders', key: null, value: 'n4' },
    ],
  },
  stops: stops(9, {
    1: { highlight: [{ topic: 'orders', partition: 1, broker: 2, offset: 0 }] },
    2: { highlight: [{ topic: 'orders', partition: 0, broker: 1, offset: 0 }] },
    3: {
      highlight: [{ topic: 'orders', partition: 2, broker: 3, offset: 0 }],
      question: {
        revealAt: 4,
        choices: [
          { id: 'same', correct: true, holds: (r) => partitionOfValue(r, 'ink') === partitionOfValue(r, 'pen') },
          { id: 'book', correct: false, holds: (r) => partitionOfValue(r, 'ink') === partitionOfValue(r, 'book') },
          { id: 'next', correct: false, holds: (r) => partitionOfValue(r, 'ink') === (partitionOfValue(r, 'pen') + 1) % 3 },
        ],
      },
    },
    4: {
      highlight: [{ topic: 'orders', partition: 0, broker: 1 }],
      callout: true,
      question: {
        revealAt: 8,
        choices: [
          { id: 'spread', correct: false, holds: (r) => new Set(['n1', 'n2', 'n3', 'n4'].map((v) => partitionOfValue(r, v))).size > 1 },
          { id: 'together', correct: true, holds: (r) => new Set(['n1', 'n2', 'n3', 'n4'].map((v) => partitionOfValue(r, v))).size === 1 },
        ],
      },
    },
  }),
  claims: [
    { at: 1, says: 'an explicit partition wins over the key', holds: (r) => partitionOfValue(r, 'book') === 1 },
    { at: 2, says: 'murmur2("alice") % 3 is partition 0', holds: (r) => partitionOfValue(r, 'pen') === 0 },
    { at: 3, says: 'murmur2("carol") % 3 is partition 2', holds: (r) => partitionOfValue(r, 'lamp') === 2 },
    { at: 8, says: 'the four null-key records land on one partition', holds: (r) => new Set(['n1', 'n2', 'n3', 'n4'].map((v) => partitionOfValue(r, v))).size === 1 },
  ],
};

const segmentsOf = (r: Parameters<typeof replicaOf>[0]) => replicaOf(r, 'orders', 0, 1).segments;
const disk = { topic: 'orders', partition: 0, broker: 1 };

export const logSegments: Lesson = {
  id: 'log-segments',
  chapter: 'storage',
  scenario: {
    version: 1, seed: 1,
    cluster: { brokers: 1, replication: 'manual' },
    producer: { acks: 1 },
    topics: [{ name: 'orders', assignment: [[1]], config: { 'segment.bytes': 400, 'index.interval.bytes': 150 } }],
    steps: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ op: 'produce', topic: 'orders', key: 'k', value: `order-${n}` })),
  },
  stops: stops(9, {
    0: { highlight: [disk] },
    1: { highlight: [{ ...disk, offset: 0 }], disk },
    2: { highlight: [{ ...disk, offset: 1 }] },
    3: { highlight: [{ ...disk, offset: 2 }], disk, callout: true },
    5: {
      disk,
      question: {
        revealAt: 6,
        choices: [
          { id: 'roll', correct: true, holds: (r) => segmentsOf(r).length === 2 && segmentsOf(r)[1].baseOffset === 5 },
          { id: 'grow', correct: false, holds: (r) => segmentsOf(r).length === 1 },
          { id: 'refuse', correct: false, holds: (r) => producedWith(r, 'order-6')[0].error !== null },
        ],
      },
    },
    6: { highlight: [{ ...disk, offset: 5 }], disk },
    8: { highlight: [{ ...disk, offset: 7 }], disk },
  }),
  claims: [
    { at: 1, says: 'one record is a 76-byte batch at position 0', holds: (r) => replicaOf(r, 'orders', 0, 1).log[0].sizeBytes === 76 && replicaOf(r, 'orders', 0, 1).log[0].position === 0 },
    { at: 3, says: 'after 152 bytes the index gets its first entry: offset 2 at position 152', holds: (r) => JSON.stringify(segmentsOf(r)[0].index) === '[[2,152]]' },
    { at: 5, says: 'five records, two index entries: the index is sparse', holds: (r) => JSON.stringify(segmentsOf(r)[0].index) === '[[2,152],[4,304]]' },
    { at: 6, says: 'order-6 opens 00000000000000000005.log', holds: (r) => segmentsOf(r)[1].file === '00000000000000000005.log' },
    { at: 8, says: 'the second segment indexes offset 7 at position 152', holds: (r) => JSON.stringify(segmentsOf(r)[1].index) === '[[7,152]]' },
  ],
};
