/**
 * fast-check generators of valid scenario documents (manual replication, the ops that have
 * landed), for property tests and the swarm.
 */
import fc from 'fast-check';
import { validateScenarioDocument } from '../scenario/validateScenario';

export interface GeneratedDocument {
  version: 1;
  seed: number;
  cluster: Record<string, unknown>;
  producer: Record<string, unknown>;
  topics: { name: string; partitions: number; replicationFactor: number; config: Record<string, unknown> }[];
  steps: Record<string, unknown>[];
}

const topicNames = ['orders', 'payments', 'audit'];

export const arbitraryDocument: fc.Arbitrary<GeneratedDocument> = fc
  .record({
    seed: fc.nat({ max: 0xffffffff }),
    brokerCount: fc.integer({ min: 1, max: 5 }),
    metadata: fc.constantFrom('kraft', 'zookeeper'),
    truncation: fc.constantFrom('leader-epoch', 'high-watermark'),
    lagMs: fc.constantFrom(2, 100, 1000, 30000),
    partitioner: fc.constantFrom('built-in', 'sticky', 'round-robin'),
    acks: fc.constantFrom(0, 1, 'all'),
    topicCount: fc.integer({ min: 1, max: 3 }),
  })
  .chain((c) =>
    fc
      .record({
        topics: fc.tuple(
          ...Array.from({ length: c.topicCount }, (_, i) =>
            fc.record({
              name: fc.constant(topicNames[i]),
              partitions: fc.integer({ min: 1, max: 4 }),
              replicationFactor: fc.integer({ min: 1, max: c.brokerCount }),
              minIsr: fc.integer({ min: 1, max: 3 }),
            }),
          ),
        ),
      })
      .chain(({ topics }) => {
        const step = fc.oneof(
          fc.record({
            op: fc.constant('produce'),
            topicIndex: fc.nat({ max: topics.length - 1 }),
            key: fc.oneof(fc.constant(null), fc.string({ maxLength: 6 }), fc.constantFrom('k{i}', '订单{i}')),
            count: fc.integer({ min: 1, max: 5 }),
            acks: fc.option(fc.constantFrom(0, 1, 'all'), { nil: undefined }),
            partitionSeed: fc.option(fc.nat(), { nil: undefined }),
          }),
          fc.record({
            op: fc.constant('fetch'),
            broker: fc.integer({ min: 1, max: c.brokerCount }),
            drop: fc.boolean(),
            topicIndex: fc.option(fc.nat({ max: topics.length - 1 }), { nil: undefined }),
          }),
          fc.record({ op: fc.constant('run'), ms: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 40000 })) }),
        );
        return fc.array(step, { maxLength: 40 }).map((rawSteps) => ({ c, topics, rawSteps }));
      }),
  )
  .map(({ c, topics, rawSteps }) => ({
    version: 1 as const,
    seed: c.seed,
    cluster: {
      brokers: c.brokerCount, metadata: c.metadata, truncation: c.truncation, replication: 'manual',
      config: { 'replica.lag.time.max.ms': c.lagMs, 'replica.fetch.wait.max.ms': Math.min(500, c.lagMs) },
    },
    producer: { partitioner: c.partitioner, acks: c.acks, config: c.acks === 'all' ? {} : { 'enable.idempotence': false } },
    topics: topics.map((t) => ({
      name: t.name, partitions: t.partitions, replicationFactor: t.replicationFactor,
      config: { 'min.insync.replicas': Math.min(t.minIsr, t.replicationFactor) },
    })),
    steps: rawSteps.map((s) => {
      if (s.op === 'produce') {
        const topic = topics[s.topicIndex];
        const step: Record<string, unknown> = { op: 'produce', topic: topic.name, key: s.key, value: 'v{i}', count: s.count };
        if (s.acks !== undefined) step.acks = s.acks;
        if (s.partitionSeed !== undefined) step.partition = s.partitionSeed % topic.partitions;
        return step;
      }
      if (s.op === 'fetch') {
        const step: Record<string, unknown> = { op: 'fetch', broker: s.broker };
        if (s.topicIndex !== undefined) step.topic = topics[s.topicIndex].name;
        if (s.drop) step.response = 'drop';
        return step;
      }
      return { op: 'run', ms: s.ms };
    }),
  }))
  // Documents within the work budget only (a few extreme draws would run for minutes).
  .filter((document) => {
    const parsed = validateScenarioDocument(document);
    return parsed.ok || !parsed.problems[0].message.startsWith('asks for more work');
  });
