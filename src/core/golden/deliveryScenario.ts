/**
 * The delivery-guarantees scenario shared by the runner's golden test (consumers.test.ts), the
 * consumer marks' unit test and their e2e: one broker, manual replication (consumers poll only on
 * poll steps, the HW follows the LEO at once), four records on t-0; c1 polls them all, then
 * `middle` (a commit before processing, or nothing), c1 is killed, and c2 takes t-0 once c1's
 * session (45 s) expires, and polls.
 */
export function deliveryDocument(middle: object[]) {
  return {
    version: 1, title: 'Delivery guarantees',
    cluster: { brokers: 1, replication: 'manual', config: { 'offsets.topic.replication.factor': 1 } },
    consumer: { config: { 'auto.offset.reset': 'earliest', 'enable.auto.commit': false } },
    topics: [{ name: 't', partitions: 1, replicationFactor: 1 }],
    steps: [
      { op: 'subscribe', group: 'g', member: 'c1', topics: ['t'] }, { op: 'run', ms: 3000 },
      { op: 'produce', topic: 't', key: null, value: 'v{i}', count: 4 },
      { op: 'poll', group: 'g', member: 'c1' },
      ...middle,
      { op: 'kill', group: 'g', member: 'c1' },
      { op: 'subscribe', group: 'g', member: 'c2', topics: ['t'] },
      { op: 'run', ms: 60000 },
      { op: 'poll', group: 'g', member: 'c2' },
    ],
  };
}
