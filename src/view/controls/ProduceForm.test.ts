/**
 * The producer form offers the cluster's topics at this position: a topic created by a `cli`
 * step can be written to, a deleted one cannot, and internal topics are not offered.
 */
import { describe, expect, it } from 'vitest';
import '../../core/allFeatures';
import { buildReport } from '../../core/scenario/report';
import { simulate } from '../../core/scenario/runScenario';
import { formatProblem, validateScenarioDocument } from '../../core/scenario/validateScenario';
import { producibleTopics } from './ProduceForm';

const document = {
  version: 1, seed: 1,
  cluster: { brokers: 3 },
  topics: [{ name: 'orders', partitions: 2, replicationFactor: 3 }],
  steps: [
    { op: 'cli', command: 'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic payments --partitions 3 --replication-factor 2' },
    { op: 'subscribe', group: 'g', member: 'c1', topics: ['orders'] },
    { op: 'run', ms: 5000 },
    { op: 'cli', command: 'kafka-topics.sh --bootstrap-server localhost:9092 --delete --topic orders' },
    { op: 'run', ms: 1000 },
  ],
};

describe('producibleTopics', () => {
  const parsed = validateScenarioDocument(document);
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  const scenario = parsed.scenario;
  const at = (n: number) => producibleTopics(scenario, buildReport(simulate(scenario, n)));

  it('before any step: the document\'s topics', () => {
    expect(at(0)).toEqual([{ name: 'orders', partitions: 2 }]);
  });
  it('after kafka-topics.sh --create: the new topic with its partition count', () => {
    expect(at(1)).toEqual([{ name: 'orders', partitions: 2 }, { name: 'payments', partitions: 3 }]);
  });
  it('with a group: __consumer_offsets exists but is not offered', () => {
    const report = buildReport(simulate(scenario, 3));
    expect(report.partitions.some((p) => p.topic === '__consumer_offsets')).toBe(true);
    expect(at(3).map((t) => t.name)).toEqual(['orders', 'payments']);
  });
  it('after --delete: the topic is gone from the form', () => {
    expect(at(5).map((t) => t.name)).toEqual(['payments']);
  });
});
