/** Scenario documents for the controls specs. */

/** Three brokers, automatic replication: crashing a broker leads to fencing and an election. */
export const autoScenario = {
  version: 1,
  title: 'Auto replication, RF 3',
  seed: 5,
  cluster: { brokers: 3, metadata: 'kraft', replication: 'auto', config: { 'min.insync.replicas': 2 } },
  topics: [{ name: 'orders', partitions: 1, replicationFactor: 3, assignment: [[1, 2, 3]] }],
  steps: [
    { op: 'produce', topic: 'orders', key: 'a', value: '1', acks: 'all' },
    { op: 'run', ms: 1000 },
  ],
};

/** Manual replication with min.insync.replicas=2: 45 s without fetches shrinks the ISR to the leader. */
export const shrunkIsrScenario = {
  version: 1,
  title: 'A shrunken ISR',
  seed: 2,
  cluster: { brokers: 3, replication: 'manual', config: { 'min.insync.replicas': 2 } },
  topics: [{ name: 'orders', partitions: 1, replicationFactor: 3, assignment: [[1, 2, 3]] }],
  steps: [
    { op: 'produce', topic: 'orders', key: 'a', value: '1', acks: 1 },
    { op: 'run', ms: 45000 },
  ],
};

/** 9 brokers × 30 partitions at RF 3, automatic replication: the large-cluster case. */
export function largeClusterScenario(steps = 20) {
  const script: unknown[] = [];
  for (let i = 0; i < steps; i += 1) {
    script.push({ op: 'produce', topic: 'events', key: null, value: `v{i}`, acks: 1, count: 10 });
    script.push({ op: 'run', ms: 500 });
  }
  script.splice(6, 0, { op: 'crash', broker: 4 });
  return {
    version: 1,
    title: '9 brokers × 30 partitions',
    seed: 9,
    cluster: { brokers: 9, replication: 'auto' },
    topics: [{ name: 'events', partitions: 30, replicationFactor: 3 }],
    steps: script,
  };
}
