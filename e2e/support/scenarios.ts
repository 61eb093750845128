/** Scenario documents shared by the specs. */

/** Manual replication, RF 3: produce acks=all, then followers 2 and 3 fetch in turn. */
export const manualScenario = {
  version: 1,
  title: 'Manual replication, RF 3',
  seed: 7,
  cluster: { brokers: [1, 2, 3], metadata: 'kraft', truncation: 'leader-epoch', replication: 'manual' },
  producer: { acks: 'all' },
  topics: [{ name: 'orders', partitions: 1, replicationFactor: 3, assignment: [[1, 2, 3]] }],
  steps: [
    { op: 'produce', topic: 'orders', key: 'alice', value: 'hello', acks: 'all', note: 'acks=all: the leader appends' },
    { op: 'fetch', broker: 2 },
    { op: 'fetch', broker: 3 },
    { op: 'fetch', broker: 2, note: 'the leader learns that 2 has offset 0' },
    { op: 'fetch', broker: 3 },
    { op: 'fetch', broker: 2 },
    { op: 'fetch', broker: 3 },
    { op: 'run', ms: 1000, note: 'time passes' },
  ],
};

/** Leadership moves: a crash, an election, a restart and truncation (leader epochs). */
export const crashScenario = {
  version: 1,
  title: 'acks=1 and a crash',
  seed: 3,
  cluster: { brokers: 3, replication: 'manual', config: { 'min.insync.replicas': 1 } },
  topics: [{ name: 'orders', partitions: 1, replicationFactor: 3, assignment: [[1, 2, 3]] }],
  steps: [
    { op: 'produce', topic: 'orders', key: 'a', value: '1', acks: 1 },
    { op: 'fetch', broker: 2 },
    { op: 'fetch', broker: 3 },
    { op: 'fetch', broker: 2 },
    { op: 'fetch', broker: 3 },
    { op: 'produce', topic: 'orders', key: 'b', value: '2', acks: 1 },
    { op: 'crash', broker: 1 },
    { op: 'run', ms: 10000 },
    { op: 'produce', topic: 'orders', key: 'c', value: '3', acks: 1 },
    { op: 'restart', broker: 1 },
    { op: 'run', ms: 10000 },
    { op: 'fetch', broker: 1 },
  ],
};

/** Two groups read one topic; a second member joins billing and it rebalances (groups.spec.ts, consumerMarks.spec.ts). */
export const twoGroupsScenario = {
  version: 1, title: 'Two groups, one topic', seed: 5, cluster: { brokers: 3 },
  consumer: { config: { 'auto.offset.reset': 'earliest' } },
  topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
  steps: [
    { op: 'produce', topic: 'orders', key: 'k{i}', value: 'v{i}', count: 12 },
    { op: 'subscribe', group: 'billing', member: 'b1', topics: ['orders'] },
    { op: 'subscribe', group: 'audit', member: 'a1', topics: ['orders'] },
    { op: 'run', ms: 6000 },
    { op: 'subscribe', group: 'billing', member: 'b2', topics: ['orders'] },
    { op: 'run', ms: 10000 },
  ],
};
