/** Chapter "the basic concepts" (consumer groups) and chapter "consumers": groups, rebalances, offsets. */
import { assignmentOf, groupOf, polledValues, same, stops } from '../reportQueries';
import type { Lesson } from '../types';

const earliest = { 'auto.offset.reset': 'earliest' };
const p0 = { topic: 'orders', partition: 0 };
const p1 = { topic: 'orders', partition: 1 };
const all = ['o0', 'o1', 'o2', 'p0', 'p1'];

export const consumerGroups: Lesson = {
  id: 'consumer-groups',
  chapter: 'basics',
  scenario: {
    version: 1, seed: 1,
    cluster: { brokers: 3, replication: 'manual' },
    producer: { acks: 1 },
    consumer: { config: earliest },
    topics: [{ name: 'orders', assignment: [[1], [2]] }],
    steps: [
      { op: 'produce', topic: 'orders', partition: 0, key: null, value: 'o{i}', count: 3 },
      { op: 'produce', topic: 'orders', partition: 1, key: null, value: 'p{i}', count: 2 },
      { op: 'subscribe', group: 'billing', member: 'b1', topics: ['orders'] },
      { op: 'subscribe', group: 'billing', member: 'b2', topics: ['orders'] },
      { op: 'run', ms: 6000 },
      { op: 'poll', group: 'billing', member: 'b1' },
      { op: 'poll', group: 'billing', member: 'b2' },
      { op: 'subscribe', group: 'audit', member: 'a1', topics: ['orders'] },
      { op: 'run', ms: 3000 },
      { op: 'poll', group: 'audit', member: 'a1' },
    ],
  },
  stops: stops(11, {
    0: { highlight: [p0, p1] },
    1: { highlight: [{ ...p0, broker: 1 }] },
    2: { highlight: [{ ...p1, broker: 2 }] },
    4: {
      question: {
        revealAt: 5,
        choices: [
          { id: 'split', correct: true, holds: (r) => same(assignmentOf(r, 'billing', 'b1'), ['orders-0']) && same(assignmentOf(r, 'billing', 'b2'), ['orders-1']) },
          { id: 'both', correct: false, holds: (r) => assignmentOf(r, 'billing', 'b1').length === 2 && assignmentOf(r, 'billing', 'b2').length === 2 },
          { id: 'first', correct: false, holds: (r) => assignmentOf(r, 'billing', 'b1').length === 2 && assignmentOf(r, 'billing', 'b2').length === 0 },
        ],
      },
    },
    5: { highlight: [p0, p1] },
    6: { highlight: [{ ...p0, broker: 1 }] },
    7: {
      highlight: [{ ...p1, broker: 2 }],
      question: {
        revealAt: 10,
        choices: [
          { id: 'all', correct: true, holds: (r) => same(polledValues(r, 'audit', 'a1'), all) },
          { id: 'none', correct: false, holds: (r) => polledValues(r, 'audit', 'a1').length === 0 },
          { id: 'new', correct: false, holds: (r) => polledValues(r, 'audit', 'a1').length > 0 && polledValues(r, 'audit', 'a1').length < 5 },
        ],
      },
    },
    9: { highlight: [p0, p1] },
    10: { highlight: [p0, p1] },
  }),
  claims: [
    { at: 4, says: 'billing is still waiting for members (PreparingRebalance, nobody owns a partition)', holds: (r) => groupOf(r, 'billing').state === 'PreparingRebalance' && assignmentOf(r, 'billing', 'b1').length === 0 },
    { at: 5, says: 'billing is Stable in generation 1 with the range assignor', holds: (r) => groupOf(r, 'billing').state === 'Stable' && groupOf(r, 'billing').generation === 1 && groupOf(r, 'billing').assignor === 'range' },
    { at: 6, says: 'b1 reads o0, o1, o2 from orders-0 only', holds: (r) => same(polledValues(r, 'billing', 'b1'), ['o0', 'o1', 'o2']) },
    { at: 7, says: 'b2 reads p0, p1 from orders-1 only', holds: (r) => same(polledValues(r, 'billing', 'b2'), ['p0', 'p1']) },
    { at: 9, says: 'audit is its own group: a1 alone owns both partitions, billing unchanged', holds: (r) => same(assignmentOf(r, 'audit', 'a1'), ['orders-0', 'orders-1']) && same(assignmentOf(r, 'billing', 'b1'), ['orders-0']) && groupOf(r, 'billing').generation === 1 },
    { at: 10, says: 'a1 reads all five records, in order within each partition', holds: (r) => same(polledValues(r, 'audit', 'a1'), all) },
  ],
};

const members = (r: Parameters<typeof groupOf>[0]) => groupOf(r, 'g').members.map((m) => m.member);
const partitions3 = [0, 1, 2].map((partition) => ({ topic: 'orders', partition }));

export const rebalance: Lesson = {
  id: 'rebalance',
  chapter: 'consumers',
  scenario: {
    version: 1, seed: 1,
    cluster: { brokers: 3 },
    producer: { acks: 1 },
    consumer: { config: { ...earliest, 'session.timeout.ms': 10000 } },
    topics: [{ name: 'orders', assignment: [[1], [2], [3]] }],
    steps: [
      { op: 'subscribe', group: 'g', member: 'c1', topics: ['orders'] },
      { op: 'subscribe', group: 'g', member: 'c2', topics: ['orders'] },
      { op: 'run', ms: 6000 },
      { op: 'subscribe', group: 'g', member: 'c3', topics: ['orders'] },
      { op: 'run', ms: 3000 },
      { op: 'kill', group: 'g', member: 'c2' },
      { op: 'produce', topic: 'orders', partition: 1, key: null, value: 'o0' },
      { op: 'run', ms: 5000 },
      { op: 'run', ms: 8000 },
      { op: 'leave', group: 'g', member: 'c3' },
      { op: 'run', ms: 3000 },
    ],
  },
  stops: stops(12, {
    0: { highlight: partitions3 },
    3: {
      highlight: partitions3,
      question: {
        revealAt: 5,
        choices: [
          { id: 'moves', correct: true, holds: (r) => same(assignmentOf(r, 'g', 'c1'), ['orders-0']) && same(assignmentOf(r, 'g', 'c3'), ['orders-2']) && groupOf(r, 'g').generation === 2 },
          { id: 'keeps', correct: false, holds: (r) => assignmentOf(r, 'g', 'c1').length === 2 && assignmentOf(r, 'g', 'c3').length === 0 },
        ],
      },
    },
    5: { highlight: partitions3 },
    6: { highlight: [{ topic: 'orders', partition: 1 }], callout: true },
    7: {
      highlight: [{ topic: 'orders', partition: 1, broker: 2, offset: 0 }],
      question: {
        revealAt: 8,
        choices: [
          { id: 'waits', correct: true, holds: (r) => r.polled.every((p) => p.records.length === 0) && members(r).includes('c2') },
          { id: 'other', correct: false, holds: (r) => r.polled.some((p) => p.records.some((x) => x.value === 'o0')) },
          { id: 'gone', correct: false, holds: (r) => !members(r).includes('c2') },
        ],
      },
    },
    9: { highlight: [{ topic: 'orders', partition: 1, broker: 2, offset: 0 }] },
    10: {
      highlight: [{ topic: 'orders', partition: 2 }],
      question: {
        revealAt: 11,
        choices: [
          { id: 'soon', correct: true, holds: (r) => same(assignmentOf(r, 'g', 'c1'), ['orders-0', 'orders-1', 'orders-2']) && groupOf(r, 'g').generation === 4 },
          { id: 'timeout', correct: false, holds: (r) => assignmentOf(r, 'g', 'c1').length < 3 },
        ],
      },
    },
    11: { highlight: partitions3, callout: true },
  }),
  claims: [
    { at: 2, says: 'before the initial delay the group is PreparingRebalance, generation 0', holds: (r) => groupOf(r, 'g').state === 'PreparingRebalance' && groupOf(r, 'g').generation === 0 },
    { at: 3, says: 'generation 1: range gives c1 orders-0 and orders-1, c2 orders-2', holds: (r) => groupOf(r, 'g').generation === 1 && same(assignmentOf(r, 'g', 'c1'), ['orders-0', 'orders-1']) && same(assignmentOf(r, 'g', 'c2'), ['orders-2']) },
    { at: 4, says: 'c3 joining a Stable group starts a rebalance at once, c3 owns nothing yet, the old owners keep theirs', holds: (r) => groupOf(r, 'g').state === 'PreparingRebalance' && groupOf(r, 'g').generation === 1 && assignmentOf(r, 'g', 'c3').length === 0 },
    { at: 5, says: 'generation 2: one partition each', holds: (r) => groupOf(r, 'g').state === 'Stable' && same(assignmentOf(r, 'g', 'c2'), ['orders-1']) },
    { at: 6, says: 'the killed member is still in the group', holds: (r) => groupOf(r, 'g').state === 'Stable' && members(r).includes('c2') },
    { at: 8, says: 'five seconds later c2 is still a member and o0 is unread', holds: (r) => members(r).includes('c2') && groupOf(r, 'g').generation === 2 && r.polled.every((p) => p.records.length === 0) },
    { at: 9, says: 'the session expired: generation 3, c1 owns orders-0 and orders-1 and read o0', holds: (r) => groupOf(r, 'g').state === 'Stable' && groupOf(r, 'g').generation === 3 && same(members(r), ['c1', 'c3']) && same(assignmentOf(r, 'g', 'c1'), ['orders-0', 'orders-1']) && same(polledValues(r, 'g', 'c1'), ['o0']) },
    { at: 10, says: 'a clean leave starts the rebalance at once', holds: (r) => groupOf(r, 'g').state === 'PreparingRebalance' && same(members(r), ['c1']) },
    { at: 11, says: 'generation 4: c1 alone owns all three partitions', holds: (r) => groupOf(r, 'g').state === 'Stable' && groupOf(r, 'g').generation === 4 },
  ],
};

const committedOf = (r: Parameters<typeof groupOf>[0]) => groupOf(r, 'g').committed['orders-0'];
const orders0 = { topic: 'orders', partition: 0, broker: 1 };

export const consumerOffsets: Lesson = {
  id: 'consumer-offsets',
  chapter: 'consumers',
  scenario: {
    version: 1, seed: 1,
    cluster: { brokers: 3, replication: 'manual' },
    producer: { acks: 1 },
    consumer: { config: { ...earliest, 'session.timeout.ms': 10000 } },
    topics: [{ name: 'orders', assignment: [[1]] }],
    steps: [
      { op: 'produce', topic: 'orders', key: null, value: 'm{i}', count: 6 },
      { op: 'subscribe', group: 'g', member: 'c1', topics: ['orders'] },
      { op: 'run', ms: 3000 },
      { op: 'poll', group: 'g', member: 'c1', maxRecords: 3 },
      { op: 'run', ms: 5000 },
      { op: 'poll', group: 'g', member: 'c1', maxRecords: 2 },
      { op: 'run', ms: 100 },
      { op: 'kill', group: 'g', member: 'c1' },
      { op: 'subscribe', group: 'g', member: 'c2', topics: ['orders'] },
      { op: 'run', ms: 15000 },
      { op: 'poll', group: 'g', member: 'c2' },
    ],
  },
  stops: stops(12, {
    0: { highlight: [orders0] },
    1: { highlight: [orders0] },
    4: {
      highlight: [0, 1, 2].map((offset) => ({ ...orders0, offset })),
      question: {
        revealAt: 5,
        choices: [
          { id: 'no', correct: true, holds: (r) => committedOf(r) === undefined },
          { id: 'yes', correct: false, holds: (r) => committedOf(r) === 3 },
        ],
      },
    },
    6: { highlight: [3, 4].map((offset) => ({ ...orders0, offset })) },
    7: { highlight: [{ ...orders0, offset: 3 }], callout: true },
    9: {
      question: {
        revealAt: 11,
        choices: [
          { id: 'committed', correct: true, holds: (r) => same(polledValues(r, 'g', 'c2'), ['m3', 'm4', 'm5']) },
          { id: 'earliest', correct: false, holds: (r) => polledValues(r, 'g', 'c2')[0] === 'm0' },
          { id: 'after', correct: false, holds: (r) => same(polledValues(r, 'g', 'c2'), ['m5']) },
        ],
      },
    },
    11: { highlight: [3, 4, 5].map((offset) => ({ ...orders0, offset })), callout: true },
  }),
  claims: [
    { at: 4, says: 'c1 polled m0-m2 and nothing is committed', holds: (r) => same(polledValues(r, 'g', 'c1'), ['m0', 'm1', 'm2']) && committedOf(r) === undefined },
    { at: 5, says: 'no poll, no auto commit: still nothing committed after 5 s', holds: (r) => committedOf(r) === undefined },
    { at: 6, says: 'the second poll returned m3, m4; the commit it sent is not counted yet', holds: (r) => same(polledValues(r, 'g', 'c1', 5), ['m3', 'm4']) && committedOf(r) === undefined },
    { at: 7, says: 'the group committed offset 3 for orders-0', holds: (r) => committedOf(r) === 3 },
    { at: 8, says: 'the killed c1 is still a member; the committed offset stays 3', holds: (r) => same(assignmentOf(r, 'g', 'c1'), ['orders-0']) && committedOf(r) === 3 },
    { at: 10, says: 'generation 2: c2 owns orders-0', holds: (r) => groupOf(r, 'g').generation === 2 && same(assignmentOf(r, 'g', 'c2'), ['orders-0']) },
    { at: 11, says: 'c2 reads m3, m4 again, then m5', holds: (r) => same(polledValues(r, 'g', 'c2'), ['m3', 'm4', 'm5']) },
  ],
};

const offsetsLogs = (r: Parameters<typeof groupOf>[0]) => r.partitions.filter((p) => p.topic === '__consumer_offsets')
  .flatMap((p) => p.replicaStates[0].log.map((x) => ({ partition: p.partition, key: x.key, value: x.value })));
const modernRecord = { topic: '__consumer_offsets', partition: 1, broker: 1, offset: 0 };

export const offsetsStorage: Lesson = {
  id: 'offsets-storage',
  chapter: 'consumers',
  scenario: {
    version: 1, seed: 1,
    cluster: { brokers: 3, metadata: 'zookeeper' },
    consumer: { config: { ...earliest, 'enable.auto.commit': false } },
    topics: [{ name: 'orders', assignment: [[1]] }],
    steps: [
      { op: 'produce', topic: 'orders', key: null, value: 'm{i}', count: 4 },
      { op: 'subscribe', group: 'legacy', member: 'l1', topics: ['orders'], config: { 'offsets.storage': 'zookeeper' } },
      { op: 'subscribe', group: 'modern', member: 'k1', topics: ['orders'] },
      { op: 'run', ms: 3000 },
      { op: 'commit', group: 'legacy', member: 'l1' },
      { op: 'commit', group: 'modern', member: 'k1' },
      { op: 'run', ms: 100 },
    ],
  },
  stops: stops(8, {
    0: { highlight: [{ topic: 'orders', partition: 0 }], callout: true },
    1: { highlight: [{ topic: 'orders', partition: 0, broker: 1 }] },
    4: {
      highlight: [{ topic: 'orders', partition: 0 }],
      question: {
        revealAt: 5,
        choices: [
          { id: 'zk', correct: true, holds: (r) => groupOf(r, 'legacy').committed['orders-0'] === 4 && offsetsLogs(r).length === 0 },
          { id: 'topic', correct: false, holds: (r) => offsetsLogs(r).length > 0 },
        ],
      },
    },
    5: {
      question: {
        revealAt: 6,
        choices: [
          { id: 'topic', correct: true, holds: (r) => offsetsLogs(r).some((x) => x.partition === 1 && x.key === '[modern,orders,0]') },
          { id: 'zk', correct: false, holds: (r) => offsetsLogs(r).length === 0 },
        ],
      },
    },
    6: { highlight: [modernRecord] },
    7: { highlight: [modernRecord], callout: true },
  }),
  claims: [
    { at: 4, says: 'both groups are Stable, each alone on orders-0, both read m0-m3, nothing committed', holds: (r) => same(polledValues(r, 'legacy', 'l1'), ['m0', 'm1', 'm2', 'm3']) && same(polledValues(r, 'modern', 'k1'), ['m0', 'm1', 'm2', 'm3']) && Object.keys(groupOf(r, 'legacy').committed).length === 0 && Object.keys(groupOf(r, 'modern').committed).length === 0 },
    { at: 4, says: 'coordinators: modern partition 1, legacy partition 37, both on broker 1', holds: (r) => groupOf(r, 'modern').coordinator.partition === 1 && groupOf(r, 'modern').coordinator.broker === 1 && groupOf(r, 'legacy').coordinator.partition === 37 && groupOf(r, 'legacy').coordinator.broker === 1 },
    { at: 6, says: 'the record is appended but not committed yet (HW 0); modern has no committed offset', holds: (r) => r.partitions.find((p) => p.topic === '__consumer_offsets' && p.partition === 1)?.highWatermark === 0 && groupOf(r, 'modern').committed['orders-0'] === undefined },
    { at: 6, says: 'the record is key [modern,orders,0], value offset=4', holds: (r) => offsetsLogs(r).length === 1 && (offsetsLogs(r)[0].value ?? '').startsWith('offset=4') },
    { at: 7, says: 'replicated: modern committed 4, legacy still 4 outside the topic', holds: (r) => groupOf(r, 'modern').committed['orders-0'] === 4 && groupOf(r, 'legacy').committed['orders-0'] === 4 && offsetsLogs(r).length === 1 },
  ],
};

const records = (r: Parameters<typeof groupOf>[0], group: string, member: string, step?: number) => polledValues(r, group, member, step);
const m0m3 = ['m0', 'm1', 'm2', 'm3'];
const ordersLog = [0, 1, 2, 3].map((offset) => ({ topic: 'orders', partition: 0, broker: 1, offset }));

/**
 * At-most-once vs at-least-once by commit order (the runner test "delivery guarantees" in
 * src/core/golden/consumers.test.ts, told as two groups side by side): `early` commits right after
 * its poll, before processing; `late` processes first and commits after. Both are killed between
 * poll and the end of their work; the next owner of orders-0 starts at the group's committed offset.
 */
export const deliverySemantics: Lesson = {
  id: 'delivery-semantics',
  chapter: 'consumers',
  scenario: {
    version: 1, seed: 1,
    cluster: { brokers: 1, replication: 'manual', config: { 'offsets.topic.replication.factor': 1 } },
    producer: { acks: 1 },
    consumer: { config: { ...earliest, 'enable.auto.commit': false, 'session.timeout.ms': 10000 } },
    topics: [{ name: 'orders', assignment: [[1]] }],
    steps: [
      { op: 'produce', topic: 'orders', key: null, value: 'm{i}', count: 4 },
      { op: 'subscribe', group: 'early', member: 'e1', topics: ['orders'] },
      { op: 'subscribe', group: 'late', member: 'l1', topics: ['orders'] },
      { op: 'run', ms: 3000 },
      { op: 'poll', group: 'early', member: 'e1' },
      { op: 'commit', group: 'early', member: 'e1' },
      { op: 'poll', group: 'late', member: 'l1' },
      { op: 'run', ms: 100 },
      { op: 'kill', group: 'early', member: 'e1' },
      { op: 'kill', group: 'late', member: 'l1' },
      { op: 'subscribe', group: 'early', member: 'e2', topics: ['orders'] },
      { op: 'subscribe', group: 'late', member: 'l2', topics: ['orders'] },
      { op: 'run', ms: 15000 },
      { op: 'poll', group: 'early', member: 'e2' },
      { op: 'poll', group: 'late', member: 'l2' },
      { op: 'commit', group: 'late', member: 'l2' },
    ],
  },
  stops: stops(17, {
    0: { highlight: [{ topic: 'orders', partition: 0 }] },
    1: { highlight: ordersLog },
    4: { highlight: [{ topic: 'orders', partition: 0, broker: 1 }] },
    5: {
      highlight: ordersLog,
      question: {
        revealAt: 6,
        choices: [
          { id: 'four', correct: true, holds: (r) => groupOf(r, 'early').committed['orders-0'] === 4 },
          { id: 'three', correct: false, holds: (r) => groupOf(r, 'early').committed['orders-0'] === 3 },
        ],
      },
    },
    7: { highlight: ordersLog },
    9: { highlight: [ordersLog[2], ordersLog[3]] },
    10: { highlight: ordersLog },
    13: {
      question: {
        revealAt: 14,
        choices: [
          { id: 'nothing', correct: true, holds: (r) => records(r, 'early', 'e2', 13).length === 0 },
          { id: 'all', correct: false, holds: (r) => same(records(r, 'early', 'e2', 13), m0m3) },
          { id: 'rest', correct: false, holds: (r) => same(records(r, 'early', 'e2', 13), ['m2', 'm3']) },
        ],
      },
    },
    14: {
      question: {
        revealAt: 15,
        choices: [
          { id: 'again', correct: true, holds: (r) => same(records(r, 'late', 'l2', 14), m0m3) },
          { id: 'nothing', correct: false, holds: (r) => records(r, 'late', 'l2', 14).length === 0 },
        ],
      },
    },
    15: { highlight: ordersLog },
    16: { highlight: ordersLog, callout: true },
  }),
  claims: [
    { at: 4, says: 'each group is Stable with its one member owning orders-0, nothing committed', holds: (r) => same(assignmentOf(r, 'early', 'e1'), ['orders-0']) && same(assignmentOf(r, 'late', 'l1'), ['orders-0']) && Object.keys(groupOf(r, 'early').committed).length === 0 },
    { at: 5, says: 'e1 polled m0-m3', holds: (r) => same(records(r, 'early', 'e1'), m0m3) },
    { at: 7, says: 'l1 polled m0-m3 too (another group, its own position); late has committed nothing', holds: (r) => same(records(r, 'late', 'l1'), m0m3) && groupOf(r, 'late').committed['orders-0'] === undefined },
    { at: 10, says: 'both killed members are still in their groups (until session.timeout.ms)', holds: (r) => same(assignmentOf(r, 'early', 'e1'), ['orders-0']) && same(assignmentOf(r, 'late', 'l1'), ['orders-0']) },
    { at: 13, says: 'generation 2: e2 and l2 own orders-0; early committed 4, late nothing', holds: (r) => groupOf(r, 'early').generation === 2 && groupOf(r, 'late').generation === 2 && same(assignmentOf(r, 'early', 'e2'), ['orders-0']) && same(assignmentOf(r, 'late', 'l2'), ['orders-0']) && groupOf(r, 'early').committed['orders-0'] === 4 && groupOf(r, 'late').committed['orders-0'] === undefined },
    { at: 16, says: 'late committed 4 after its second reading', holds: (r) => groupOf(r, 'late').committed['orders-0'] === 4 },
  ],
};
