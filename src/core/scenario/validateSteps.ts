/**
 * Validation of `steps[]` (docs/scenario-format.md, "Steps"). Validation is static: a step may
 * name only brokers, topics and partitions the document declares. Ops of the format that the
 * simulator does not model yet are refused by name, so a scenario never runs half-understood.
 */
import type { ConsumerConfig, Era, ReplicationMode, Step, TopicSpec } from '../model/scenario';
import { javaUtf8Length } from '../protocol/javaUtf8';
import { FieldReader, type JsonObject } from './fieldReader';
import { LIMITS, readAcks } from './validateCluster';
import { GROUP_FIELDS, GROUP_OPS, newGroupValidationState, readGroupStep, type GroupOp, type GroupValidationState } from './validateGroupSteps';
import { createdTopic } from '../cli/createdTopic';

export const SUPPORTED_OPS = ['produce', 'run', 'fetch', 'crash', 'restart', 'shutdown', 'isolate', 'heal', 'cli', ...GROUP_OPS] as const;

export interface StepContext {
  brokers: number[] | undefined;
  topics: TopicSpec[] | undefined;
  replication: ReplicationMode | undefined;
  /** For group steps: the era and the document's consumer defaults (absent: not checked). */
  era?: Era | undefined;
  consumer?: ConsumerConfig | undefined;
}

function readTopicName(reader: FieldReader, value: unknown, path: string, context: StepContext): TopicSpec | undefined {
  const name = reader.string(value, path);
  if (name === undefined || !context.topics) return undefined;
  const topic = context.topics.find((t) => t.name === name);
  if (!topic) {
    const declared = context.topics.map((t) => t.name);
    reader.problems.add(path, `topic "${name}" is not declared (${declared.length ? `topics are ${declared.join(', ')}` : 'the document declares no topics'})`);
  }
  return topic;
}

function readPartition(reader: FieldReader, value: unknown, path: string, topic: TopicSpec | undefined): number | undefined {
  if (!topic) return reader.integer(value, path, 0, LIMITS.partitions - 1);
  const partition = reader.integer(value, path, 0, 2147483647);
  if (partition !== undefined && partition >= topic.partitions) {
    reader.problems.add(path, `topic "${topic.name}" has partitions 0 to ${topic.partitions - 1}, not ${partition}`);
    return undefined;
  }
  return partition;
}

function readBroker(reader: FieldReader, value: unknown, path: string, brokers: number[] | undefined): number | undefined {
  const id = reader.integer(value, path, 1, 2147483647);
  if (id !== undefined && brokers && !brokers.includes(id)) {
    reader.problems.add(path, `broker ${id} does not exist (brokers are ${brokers.join(', ')})`);
    return undefined;
  }
  return id;
}

/** The UTF-8 bytes of the longest of `count` substituted copies of `value` (`{i}` → 0 … count − 1). */
export function substitutedValueBytes(value: string, count: number): number {
  const occurrences = value.split('{i}').length - 1;
  return javaUtf8Length(value) + occurrences * (String(count - 1).length - 3);
}

function readProduce(reader: FieldReader, o: JsonObject, path: string, context: StepContext): Step | undefined {
  const topic = readTopicName(reader, reader.required(o, 'topic', path), `${path}.topic`, context);
  const rawKey = reader.required(o, 'key', path);
  const key = rawKey === null ? null : reader.string(rawKey, `${path}.key`);
  const value = reader.string(reader.required(o, 'value', path), `${path}.value`);
  const partition = o.partition === undefined ? null : readPartition(reader, o.partition, `${path}.partition`, topic);
  const acks = o.acks === undefined ? null : readAcks(reader, o.acks, `${path}.acks`);
  const count = o.count === undefined ? 1 : reader.integer(o.count, `${path}.count`, 1, LIMITS.recordsPerProduce);
  if (value !== undefined && count !== undefined && substitutedValueBytes(value, count) > LIMITS.valueBytes) {
    reader.problems.add(`${path}.value`, `is over the limit of 1 MiB (${LIMITS.valueBytes} bytes in UTF-8) per record value`);
    return undefined;
  }
  if (!topic || key === undefined || value === undefined || partition === undefined || acks === undefined || count === undefined) return undefined;
  return { op: 'produce', topic: topic.name, key, value, partition, acks, count };
}

function readFetch(reader: FieldReader, o: JsonObject, path: string, context: StepContext): Step | undefined {
  if (context.replication === 'auto') {
    reader.problems.add(`${path}.op`, 'a fetch step needs cluster.replication "manual" (with "auto", followers fetch by themselves)');
  }
  const broker = readBroker(reader, reader.required(o, 'broker', path), `${path}.broker`, context.brokers);
  const topic = o.topic === undefined ? null : readTopicName(reader, o.topic, `${path}.topic`, context);
  let partition: number | null | undefined = null;
  if (o.partition !== undefined) {
    if (o.topic === undefined) reader.problems.add(`${path}.partition`, 'needs a topic beside it');
    partition = readPartition(reader, o.partition, `${path}.partition`, topic ?? undefined);
  }
  const response = o.response === undefined ? undefined : reader.oneOf(o.response, `${path}.response`, ['drop'] as const);
  if (broker === undefined || topic === undefined || partition === undefined || (o.response !== undefined && !response)) return undefined;
  return { op: 'fetch', broker, topic: topic ? topic.name : null, partition, dropResponse: response === 'drop' };
}

const FIELDS: Record<(typeof SUPPORTED_OPS)[number], string[]> = {
  produce: ['op', 'note', 'topic', 'key', 'value', 'partition', 'acks', 'count'],
  run: ['op', 'note', 'ms'],
  fetch: ['op', 'note', 'broker', 'topic', 'partition', 'response'],
  crash: ['op', 'note', 'broker', 'lostTail'],
  restart: ['op', 'note', 'broker'],
  shutdown: ['op', 'note', 'broker'],
  isolate: ['op', 'note', 'broker'],
  heal: ['op', 'note'],
  ...GROUP_FIELDS,
  cli: ['op', 'note', 'command', 'input'],
};

/** Lines a command line or input may hold, and how long each may be. */
const CLI_INPUT_LINES = 10000;

/**
 * A `cli` step. A `kafka-topics.sh --create --topic X` makes X a name later steps may use (its
 * partitions are checked when the step runs: UNKNOWN_TOPIC_OR_PARTITION).
 */
function readCli(reader: FieldReader, o: JsonObject, path: string, context: StepContext): Step | undefined {
  const command = reader.string(reader.required(o, 'command', path), `${path}.command`);
  let input: string[] | undefined = [];
  if (o.input !== undefined) {
    const list = reader.array(o.input, `${path}.input`);
    if (list && list.length > CLI_INPUT_LINES) reader.problems.add(`${path}.input`, `has ${list.length} lines, over the limit of ${CLI_INPUT_LINES}`);
    const lines = list?.map((line, j) => reader.string(line, `${path}.input[${j}]`));
    input = lines && lines.every((line): line is string => line !== undefined) ? lines : undefined;
  }
  if (command === undefined || input === undefined) return undefined;
  if (command.length > LIMITS.valueBytes) {
    reader.problems.add(`${path}.command`, 'is over the limit of 1 MiB');
    return undefined;
  }
  const created = createdTopic(command);
  if (created !== null && context.topics && !context.topics.some((t) => t.name === created)) {
    const inherited = context.topics[0]?.config;
    context.topics.push({ name: created, partitions: LIMITS.partitions, replicationFactor: 1, assignment: null, config: inherited ?? ({} as TopicSpec['config']) });
  }
  return { op: 'cli', command, input: input as string[] };
}

function readBrokerStep(reader: FieldReader, o: JsonObject, path: string, context: StepContext, op: 'crash' | 'restart' | 'shutdown' | 'isolate'): Step | undefined {
  const broker = readBroker(reader, reader.required(o, 'broker', path), `${path}.broker`, context.brokers);
  if (op !== 'crash') return broker === undefined ? undefined : { op, broker };
  const lostTail = o.lostTail === undefined ? 0 : reader.integer(o.lostTail, `${path}.lostTail`, 0, 2147483647);
  return broker === undefined || lostTail === undefined ? undefined : { op, broker, lostTail };
}

function readStep(reader: FieldReader, raw: unknown, i: number, context: StepContext, groups: GroupValidationState): Step | undefined {
  const path = `steps[${i}]`;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    reader.problems.add(path, 'a step must be an object with an "op"');
    return undefined;
  }
  const op = (raw as JsonObject).op;
  if (typeof op !== 'string') {
    reader.problems.add(`${path}.op`, op === undefined ? 'is required' : 'must be a string naming the step');
    return undefined;
  }
  if (!(SUPPORTED_OPS as readonly string[]).includes(op)) {
    reader.problems.add(`${path}.op`, `unknown op "${op}" (expected one of: ${[...SUPPORTED_OPS.filter((o) => o !== 'cli'), 'cli'].join(', ')})`);
    return undefined;
  }
  const known = op as (typeof SUPPORTED_OPS)[number];
  const o = reader.object(raw, path, FIELDS[known]);
  if (!o) return undefined;
  const note = o.note === undefined ? undefined : reader.string(o.note, `${path}.note`);
  let step: Step | undefined;
  if (known === 'produce') step = readProduce(reader, o, path, context);
  else if (known === 'fetch') step = readFetch(reader, o, path, context);
  else if (known === 'heal') step = { op: 'heal' };
  else if ((GROUP_OPS as readonly string[]).includes(known)) {
    step = readGroupStep(reader, o, path, known as GroupOp, { topics: context.topics, era: context.era, consumer: context.consumer }, groups);
  }
  else if (known === 'cli') step = readCli(reader, o, path, context);
  else if (known === 'run') {
    const ms = reader.integer(reader.required(o, 'ms', path), `${path}.ms`, 0, LIMITS.runMs);
    step = ms === undefined ? undefined : { op: 'run', ms };
  } else step = readBrokerStep(reader, o, path, context, known as 'crash' | 'restart' | 'shutdown' | 'isolate');
  if (step && note !== undefined) step.note = note;
  return o.note !== undefined && note === undefined ? undefined : step;
}

export function readSteps(reader: FieldReader, value: unknown, context: StepContext): Step[] | undefined {
  if (value === undefined) return [];
  const list = reader.array(value, 'steps');
  if (!list) return undefined;
  if (list.length > LIMITS.steps) {
    reader.problems.add('steps', `has ${list.length} steps, over the limit of ${LIMITS.steps}`);
    return undefined;
  }
  const steps: Step[] = [];
  let failed = false;
  const groups = newGroupValidationState();
  // Names created by `cli` steps join a copy of the declared topics, step by step.
  if (context.topics) context = { ...context, topics: [...context.topics] };
  list.forEach((raw, i) => {
    const step = readStep(reader, raw, i, context, groups);
    if (step) steps.push(step);
    else failed = true;
  });
  return failed ? undefined : steps;
}
