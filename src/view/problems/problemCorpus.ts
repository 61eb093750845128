/**
 * Bad documents whose problems, between them, use every code of problems.en.json (checked by
 * translateProblem.test.ts against the real validator). Test data only.
 */
const base = () => ({
  version: 1,
  cluster: { brokers: 3, replication: 'manual' } as Record<string, unknown>,
  topics: [{ name: 'orders', partitions: 2, replicationFactor: 3 }] as Record<string, unknown>[],
  steps: [{ op: 'produce', topic: 'orders', key: 'k', value: 'v' }] as unknown[],
});

export const problemCorpus: unknown[] = [
  '{"version":1,"steps":[],"steps":[]}',
  `{"version":1,"title":${'['.repeat(100)}${']'.repeat(100)}}`,
  { ...base(), version: 2, extra: 1, title: 5, seed: 'x' },
  { ...base(), cluster: { brokers: 'three', replication: true, metadata: 'nope' } },
  { ...base(), cluster: { brokers: [1, 1], replication: 'manual' } },
  { ...base(), cluster: { brokers: 99, replication: 'manual' } },
  { ...base(), cluster: { brokers: 3, replication: 'manual', config: { 'no.such': 1, 'replica.lag.time.max.ms': -5 } } },
  { ...base(), cluster: { brokers: 3, replication: 'manual', config: 7 } },
  { ...base(), cluster: { brokers: 3, replication: 'manual', metadata: 'kraft', config: { 'zookeeper.session.timeout.ms': 6000 } } },
  { ...base(), topics: [{ name: '', partitions: 2, replicationFactor: 9 }, { name: 'orders', partitions: 2000, replicationFactor: 1 }, { name: 'orders', partitions: 1, replicationFactor: 1 }] },
  { ...base(), topics: [{ name: 'a', partitions: 2, replicationFactor: 2, assignment: [[1, 1], [1, 9, 2]] }, { name: 'b', partitions: 3, replicationFactor: 1, assignment: [[]] }, { name: 'c', partitions: 1, replicationFactor: 1, assignment: [] }] },
  { ...base(), topics: 'none' },
  // Empty values inside a message: an op of "", and no valid broker list to name.
  { ...base(), steps: [{ op: '' }] },
  { ...base(), cluster: { brokers: 'x', replication: 'manual' }, topics: [{ name: 'a', partitions: 1, replicationFactor: 1, assignment: [[1]] }] },
  { ...base(), steps: [1, { op: 7 }, {}, { op: 'dance' }, { op: 'produce', topic: 'nope', key: 'k', value: 'v' }, { op: 'produce', topic: 'orders', partition: 5, key: 'k', value: 'x'.repeat(1048577) }, { op: 'crash', broker: 9 }, { op: 'fetch', partition: 0, broker: 2 }] },
  { ...base(), topics: [], steps: [{ op: 'produce', topic: 'nope', key: 'k', value: 'v' }] },
  { ...base(), cluster: { brokers: 3, replication: 'auto' }, steps: [{ op: 'fetch', broker: 2 }] },
  { ...base(), steps: Array.from({ length: 100001 }, () => ({ op: 'heal' })) },
  { ...base(), steps: [{ op: 'subscribe', group: 'g', member: '', topics: [] }, { op: 'subscribe', group: 'g', member: 'c', topics: ['orders', 'orders', 'nope'] }, { op: 'poll', group: 'g', member: 'z' }, { op: 'run', ms: 'x' }, { op: 'heal', extra: [] }] },
  { ...base(), consumer: { config: { 'heartbeat.interval.ms': 50000, 'session.timeout.ms': 45000 } } },
  { ...base(), cluster: 5 },
  { ...base(), producer: { config: { 'enable.idempotence': 'yes' } } },
  { ...base(), topics: [{ name: 'orders', partitions: 1, replicationFactor: 1 }, { name: 'orders', partitions: 1, replicationFactor: 1 }] },
  { ...base(), topics: [{ name: 'a', partitions: 600, replicationFactor: 1 }, { name: 'b', partitions: 600, replicationFactor: 1 }] },
  { ...base(), topics: [{ name: 'a', partitions: 2, replicationFactor: 3, assignment: [[1, 2]] }] },
  { ...base(), cluster: { brokers: [], replication: 'manual' } },
  { ...base(), steps: [{ op: 'cli', command: 'x'.repeat(1048577) }, { op: 'cli', command: 'kafka-topics.sh --list', input: Array.from({ length: 100001 }, () => 'y') }] },
  (() => { const shared = { name: 't', partitions: 1, replicationFactor: 1 }; return { ...base(), topics: [shared, shared] }; })(),
  { ...base(), steps: [{ op: 'subscribe', group: 'g', member: 'c', topics: ['orders'] }, { op: 'subscribe', group: 'g', member: 'c', topics: ['orders'], instanceId: '' }] },
  { ...base(), topics: [{ name: '..', partitions: 1, replicationFactor: 1 }, { name: 'x'.repeat(300), partitions: 1, replicationFactor: 1 }, { name: 'a.b', partitions: 1, replicationFactor: 1 }, { name: 'a_b', partitions: 1, replicationFactor: 1 }] },
  { ...base(), producer: { partitioner: 'round-robin', config: { 'partitioner.ignore.keys': true } } },
  { ...base(), cluster: { brokers: 3, replication: 'manual', config: { 'replica.lag.time.max.ms': 1000, 'replica.fetch.wait.max.ms': 2000 } } },
  { ...base(), steps: [{ op: 'subscribe', group: 'g', member: 'c', topics: ['orders'], config: { 'heartbeat.interval.ms': 50000 } }] },
  { ...base(), cluster: { brokers: 3, replication: 'manual', metadata: 'kraft' }, consumer: { config: { 'offsets.storage': 'zookeeper' } } },
];
