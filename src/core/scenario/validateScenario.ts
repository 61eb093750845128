/**
 * The one way into the simulator: a parsed document (text goes through scenarioText.ts first) → a validated `Scenario`
 * with every default filled in, or every problem found, each naming its JSON path, in document
 * order (docs/scenario-format.md, "The headless runner"). Links, saved sessions, lessons, the
 * runner and tests all come through here.
 */
import type { Scenario, Step, TopicSpec } from '../model/scenario';
import { FieldReader } from './fieldReader';
import { valueNestingProblem } from './nesting';
import { ProblemList, type Problem } from './problems';
import { LIMITS, readCluster, readConsumer, readProducer } from './validateCluster';
import { GROUP_OPS, type GroupOp } from './validateGroupSteps';
import { usesGroupCoordinator } from '../cli/groupUse';
import { readSteps } from './validateSteps';
import { readTopics } from './validateTopics';
import { workBudgetProblem } from './workBudget';

export { formatProblem, type Problem } from './problems';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

const TOP_LEVEL = ['version', 'title', 'seed', 'cluster', 'producer', 'consumer', 'topics', 'steps'];

export function validateScenarioDocument(document: unknown): ParseResult {
  // Too deep (or not tree-shaped): that one problem, before anything walks the document.
  const shape = valueNestingProblem(document);
  if (shape) return { ok: false, problems: [shape] };
  const problems = new ProblemList(document);
  const reader = new FieldReader(problems);
  const root = reader.object(document, '$', TOP_LEVEL);
  if (!root) return { ok: false, problems: problems.sorted() };
  const version = reader.required(root, 'version', '$');
  if (version !== undefined && version !== 1) problems.add('version', `must be 1 (this is scenario format 1), not ${JSON.stringify(version)}`);
  const title = root.title === undefined ? '' : reader.string(root.title, 'title');
  const seed = root.seed === undefined ? 1 : reader.integer(root.seed, 'seed', 0, 4294967295);
  const cluster = readCluster(reader, root.cluster);
  const era = cluster?.metadata ?? eraOf(root.cluster);
  const producer = readProducer(reader, root.producer, era);
  const consumer = readConsumer(reader, root.consumer, era);
  const topics = readTopics(reader, root.topics, cluster?.brokers ?? brokersOf(root.cluster), cluster?.config, era);
  const steps = readSteps(reader, root.steps, {
    brokers: cluster?.brokers ?? brokersOf(root.cluster),
    topics,
    replication: cluster?.replication ?? replicationOf(root.cluster),
    era,
    consumer: consumer?.config,
  });
  if (steps && topics && cluster) checkOffsetsTopicPartitions(reader, steps, topics, cluster.config['offsets.topic.num.partitions']);
  if (problems.count > 0 || title === undefined || seed === undefined || !cluster || !producer || !consumer || !topics || !steps) {
    return { ok: false, problems: problems.sorted() };
  }
  const scenario: Scenario = { version: 1, title, seed, cluster, producer, consumer, topics, steps };
  // Only a document with no other problem is measured against the work budget.
  const overBudget = workBudgetProblem(scenario);
  if (overBudget) return { ok: false, problems: [overBudget] };
  return { ok: true, scenario };
}

/*
 * When the cluster section has a problem, later sections are still checked against what can be
 * read of it, so one run reports the problems of every section.
 */
function field(cluster: unknown, key: string): unknown {
  return cluster !== null && typeof cluster === 'object' && !Array.isArray(cluster) ? (cluster as Record<string, unknown>)[key] : undefined;
}

function eraOf(cluster: unknown): 'kraft' | 'zookeeper' | undefined {
  const metadata = field(cluster, 'metadata');
  if (metadata === undefined) return 'kraft';
  return metadata === 'kraft' || metadata === 'zookeeper' ? metadata : undefined;
}

function replicationOf(cluster: unknown): 'auto' | 'manual' | undefined {
  const replication = field(cluster, 'replication');
  if (replication === undefined) return 'auto';
  return replication === 'auto' || replication === 'manual' ? replication : undefined;
}

function brokersOf(cluster: unknown): number[] | undefined {
  const brokers = field(cluster, 'brokers');
  if (brokers === undefined) return [1, 2, 3];
  if (typeof brokers === 'number' && Number.isInteger(brokers) && brokers >= 1 && brokers <= 32) return Array.from({ length: brokers }, (_, i) => i + 1);
  if (Array.isArray(brokers) && brokers.every((b) => Number.isInteger(b) && b >= 1)) return brokers as number[];
  return undefined;
}

/**
 * The partition limit counts `__consumer_offsets` when the document has a group step (its first
 * use creates it), a `cli` step that finds a group coordinator included (cli/groupUse.ts).
 */
function checkOffsetsTopicPartitions(reader: FieldReader, steps: Step[], topics: TopicSpec[], offsetsPartitions: number): void {
  const first = steps.findIndex((s) => GROUP_OPS.includes(s.op as GroupOp) || (s.op === 'cli' && usesGroupCoordinator(s.command)));
  if (first < 0) return;
  const total = topics.reduce((sum, t) => sum + t.partitions, 0) + offsetsPartitions;
  if (total > LIMITS.partitions) {
    reader.problems.add(`steps[${first}].op`, `creates __consumer_offsets with ${offsetsPartitions} partitions (offsets.topic.num.partitions), bringing the cluster to ${total} partitions in all, over the limit of ${LIMITS.partitions}`);
  }
}
