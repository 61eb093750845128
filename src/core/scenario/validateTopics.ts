/**
 * Validation of `topics[]`: Kafka's topic-name rules (`org.apache.kafka.common.internals.Topic`),
 * replication factor against the brokers, explicit assignments, topic-level properties.
 */
import type { BrokerConfig, Era, TopicConfig, TopicSpec } from '../model/scenario';
import { TOPIC_PROPERTIES } from './configProperties';
import { FieldReader } from './fieldReader';
import { LIMITS, readProperties } from './validateCluster';

const LEGAL_TOPIC_NAME = /^[a-zA-Z0-9._-]+$/;
const MAX_TOPIC_NAME_LENGTH = 249;
const INTERNAL_TOPICS = ['__consumer_offsets', '__transaction_state'];

/** `Topic.validate`, plus the internal names a document may not declare. */
export function topicNameProblem(name: string): string | null {
  if (name.length === 0) return 'a topic name cannot be empty';
  if (name === '.' || name === '..') return 'a topic name cannot be "." or ".."';
  if (name.length > MAX_TOPIC_NAME_LENGTH) return `a topic name can be at most ${MAX_TOPIC_NAME_LENGTH} characters long`;
  if (!LEGAL_TOPIC_NAME.test(name)) return `"${name}" is illegal: a topic name may contain only ASCII letters, digits, ".", "_" and "-"`;
  if (INTERNAL_TOPICS.includes(name)) return `"${name}" is an internal topic; the cluster creates it itself`;
  return null;
}

/** Kafka refuses a topic whose name equals another's once "." and "_" are treated alike. */
function collisionName(name: string): string {
  return name.replace(/\./g, '_');
}

function readAssignment(reader: FieldReader, value: unknown, path: string, brokers: number[] | undefined): number[][] | undefined {
  const list = reader.array(value, path);
  if (!list) return undefined;
  if (list.length === 0) {
    reader.problems.add(path, 'must list at least one partition');
    return undefined;
  }
  const before = reader.problems.count;
  const assignment: number[][] = [];
  list.forEach((raw, p) => {
    const replicas = reader.array(raw, `${path}[${p}]`);
    if (!replicas) return;
    if (replicas.length === 0) reader.problems.add(`${path}[${p}]`, 'a partition needs at least one replica');
    const ids: number[] = [];
    replicas.forEach((id, r) => {
      const broker = reader.integer(id, `${path}[${p}][${r}]`, 1, 2147483647);
      if (broker === undefined) return;
      if (brokers && !brokers.includes(broker)) reader.problems.add(`${path}[${p}][${r}]`, `broker ${broker} does not exist (brokers are ${brokers.join(', ')})`);
      else if (ids.includes(broker)) reader.problems.add(`${path}[${p}][${r}]`, `broker ${broker} appears twice in one partition's replicas`);
      ids.push(broker);
    });
    if (assignment.length > 0 && ids.length !== assignment[0].length) {
      reader.problems.add(`${path}[${p}]`, `has ${ids.length} replicas but partition 0 has ${assignment[0].length}: all partitions must have the same number of replicas`);
    }
    assignment.push(ids);
  });
  return reader.problems.count > before ? undefined : assignment;
}

function readTopicConfig(reader: FieldReader, value: unknown, path: string, broker: BrokerConfig | undefined, era: Era | undefined): TopicConfig | undefined {
  const before = reader.problems.count;
  const set = readProperties(reader, value, path, TOPIC_PROPERTIES, era, 'topic');
  if (reader.problems.count > before || !broker) return undefined;
  const config: Record<string, number | boolean | string> = {};
  for (const [key, def] of Object.entries(TOPIC_PROPERTIES)) {
    config[key] = set[key] ?? (broker as unknown as Record<string, number | boolean>)[def.inherits];
  }
  return config as unknown as TopicConfig;
}

function readTopic(reader: FieldReader, raw: unknown, i: number, brokers: number[] | undefined, config: BrokerConfig | undefined, era: Era | undefined): TopicSpec | undefined {
  const path = `topics[${i}]`;
  const object = reader.object(raw, path, ['name', 'partitions', 'replicationFactor', 'assignment', 'config']);
  if (!object) return undefined;
  let name = reader.string(reader.required(object, 'name', path), `${path}.name`);
  const nameProblem = name === undefined ? null : topicNameProblem(name);
  if (nameProblem) {
    reader.problems.add(`${path}.name`, nameProblem);
    name = undefined;
  }
  const assignment = object.assignment === undefined ? null : readAssignment(reader, object.assignment, `${path}.assignment`, brokers);
  const partitions = object.partitions !== undefined
    ? reader.integer(object.partitions, `${path}.partitions`, 1, LIMITS.partitions)
    : assignment ? assignment.length : 1;
  const maxReplication = brokers ? brokers.length : LIMITS.brokers;
  let replicationFactor = object.replicationFactor !== undefined
    ? reader.integer(object.replicationFactor, `${path}.replicationFactor`, 1, 32767)
    : assignment ? assignment[0].length : 1;
  if (replicationFactor !== undefined && replicationFactor > maxReplication) {
    reader.problems.add(`${path}.replicationFactor`, `${replicationFactor} is larger than the number of brokers (${maxReplication}), as Kafka's INVALID_REPLICATION_FACTOR says`);
    replicationFactor = undefined;
  }
  if (assignment && partitions !== undefined && assignment.length !== partitions) {
    reader.problems.add(`${path}.assignment`, `lists ${assignment.length} partitions but partitions is ${partitions}`);
  }
  if (assignment && replicationFactor !== undefined && assignment[0].length !== replicationFactor) {
    reader.problems.add(`${path}.assignment`, `gives ${assignment[0].length} replicas per partition but replicationFactor is ${replicationFactor}`);
  }
  const topicConfig = readTopicConfig(reader, object.config, `${path}.config`, config, era);
  if (name === undefined || partitions === undefined || replicationFactor === undefined || assignment === undefined || !topicConfig) return undefined;
  return { name, partitions, replicationFactor, assignment, config: topicConfig };
}

export function readTopics(reader: FieldReader, value: unknown, brokers: number[] | undefined, config: BrokerConfig | undefined, era: Era | undefined): TopicSpec[] | undefined {
  if (value === undefined) return [];
  const list = reader.array(value, 'topics');
  if (!list) return undefined;
  const topics: TopicSpec[] = [];
  const seen = new Map<string, string>();
  let partitionTotal = 0;
  let failed = false;
  list.forEach((raw, i) => {
    const topic = readTopic(reader, raw, i, brokers, config, era);
    if (!topic) {
      failed = true;
      return;
    }
    const clash = seen.get(collisionName(topic.name));
    if (clash !== undefined) {
      reader.problems.add(`topics[${i}].name`, clash === topic.name ? `topic "${topic.name}" is declared twice` : `"${topic.name}" collides with topic "${clash}" (Kafka treats "." and "_" alike in topic names)`);
      failed = true;
      return;
    }
    seen.set(collisionName(topic.name), topic.name);
    partitionTotal += topic.partitions;
    if (partitionTotal > LIMITS.partitions) {
      reader.problems.add(`topics[${i}].partitions`, `brings the cluster to ${partitionTotal} partitions in all, over the limit of ${LIMITS.partitions}`);
      failed = true;
    }
    topics.push(topic);
  });
  return failed ? undefined : topics;
}
