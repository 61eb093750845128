/**
 * Validation of the consumer-group steps (docs/scenario-format.md, "Steps"): `subscribe`,
 * `leave`, `poll`, `commit`, `kill`, `pause`, `resume`. Static, like the rest: a step may name
 * only declared topics, and only members that subscribed in an earlier step; a member's config
 * is checked like `consumer.config` (configProperties.ts) over the document's consumer defaults.
 */
import type { ConsumerConfig, Era, GroupStep, TopicSpec } from '../model/scenario';
import { CONSUMER_PROPERTIES, eraDefaults } from './configProperties';
import type { FieldReader, JsonObject } from './fieldReader';
import { childPath } from './problems';
import { readProperties } from './validateCluster';

export const GROUP_OPS = ['subscribe', 'leave', 'poll', 'commit', 'kill', 'pause', 'resume'] as const;
export type GroupOp = (typeof GROUP_OPS)[number];

export const GROUP_FIELDS: Record<GroupOp, string[]> = {
  subscribe: ['op', 'note', 'group', 'member', 'topics', 'assignor', 'instanceId', 'config'],
  leave: ['op', 'note', 'group', 'member'],
  poll: ['op', 'note', 'group', 'member', 'maxRecords'],
  commit: ['op', 'note', 'group', 'member'],
  kill: ['op', 'note', 'group', 'member'],
  pause: ['op', 'note', 'group', 'member'],
  resume: ['op', 'note', 'group', 'member'],
};

const ASSIGNORS = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'] as const;

/** What validation remembers between steps: who has subscribed, and who is still running. */
export interface GroupValidationState {
  /** `group` → members that subscribed in an earlier step. */
  subscribed: Map<string, Set<string>>;
  /** `group` → members whose process is running (subscribed, not left or killed since). */
  running: Map<string, Set<string>>;
}

export function newGroupValidationState(): GroupValidationState {
  return { subscribed: new Map(), running: new Map() };
}

export interface GroupStepContext {
  topics: TopicSpec[] | undefined;
  era: Era | undefined;
  /** The document's `consumer.config` with defaults, when it was valid. */
  consumer: ConsumerConfig | undefined;
}

function setOf(map: Map<string, Set<string>>, key: string): Set<string> {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  return set;
}

function readMemberConfig(reader: FieldReader, value: unknown, path: string, context: GroupStepContext): ConsumerConfig | undefined {
  if (!context.era || !context.consumer) {
    if (value !== undefined) readProperties(reader, value, path, CONSUMER_PROPERTIES, context.era, 'consumer');
    return undefined;
  }
  const before = reader.problems.count;
  const set = readProperties(reader, value, path, CONSUMER_PROPERTIES, context.era, 'consumer');
  const config = { ...context.consumer, ...set } as ConsumerConfig;
  if (set['offsets.storage'] === 'zookeeper' && context.era !== 'zookeeper') {
    reader.problems.add(childPath(path, 'offsets.storage'), '"zookeeper" exists only in the zookeeper era (consumers before 0.9 committed offsets to ZooKeeper)');
  }
  if (config['heartbeat.interval.ms'] >= config['session.timeout.ms'] && ('heartbeat.interval.ms' in set || 'session.timeout.ms' in set)) {
    reader.problems.add(childPath(path, 'heartbeat.interval.ms' in set ? 'heartbeat.interval.ms' : 'session.timeout.ms'), 'heartbeat.interval.ms must be lower than session.timeout.ms (Kafka\'s Heartbeat requires it)');
  }
  void eraDefaults;
  return reader.problems.count > before ? undefined : config;
}

function readTopics(reader: FieldReader, value: unknown, path: string, context: GroupStepContext): string[] | undefined {
  const list = reader.array(value, path);
  if (!list) return undefined;
  if (list.length === 0) {
    reader.problems.add(path, 'must name at least one topic');
    return undefined;
  }
  const names: string[] = [];
  let failed = false;
  list.forEach((raw, i) => {
    const name = reader.string(raw, `${path}[${i}]`);
    if (name === undefined) {
      failed = true;
      return;
    }
    if (context.topics && !context.topics.some((t) => t.name === name)) {
      const declared = context.topics.map((t) => t.name);
      reader.problems.add(`${path}[${i}]`, `topic "${name}" is not declared (${declared.length ? `topics are ${declared.join(', ')}` : 'the document declares no topics'})`);
      failed = true;
      return;
    }
    if (names.includes(name)) {
      reader.problems.add(`${path}[${i}]`, `topic "${name}" is listed twice`);
      failed = true;
      return;
    }
    names.push(name);
  });
  return failed ? undefined : names;
}

export function readGroupStep(reader: FieldReader, o: JsonObject, path: string, op: GroupOp, context: GroupStepContext, state: GroupValidationState): GroupStep | undefined {
  const group = reader.string(reader.required(o, 'group', path), `${path}.group`);
  const member = reader.string(reader.required(o, 'member', path), `${path}.member`);
  if (member === '') reader.problems.add(`${path}.member`, 'must not be empty (it is the consumer\'s client.id)');
  if (op === 'subscribe') {
    const topics = readTopics(reader, reader.required(o, 'topics', path), `${path}.topics`, context);
    const assignor = o.assignor === undefined ? 'range' : reader.oneOf(o.assignor, `${path}.assignor`, ASSIGNORS);
    let instanceId: string | null | undefined = null;
    if (o.instanceId !== undefined) {
      instanceId = reader.string(o.instanceId, `${path}.instanceId`);
      if (instanceId === '') {
        reader.problems.add(`${path}.instanceId`, 'must not be empty (group.instance.id must be a non-empty string)');
        instanceId = undefined;
      }
    }
    const config = readMemberConfig(reader, o.config, `${path}.config`, context);
    if (group === undefined || member === undefined || member === '') return undefined;
    if (setOf(state.running, group).has(member)) {
      reader.problems.add(`${path}.member`, `"${member}" is already subscribed to group "${group}" (member names are unique within a group; leave or kill it first)`);
      return undefined;
    }
    setOf(state.subscribed, group).add(member);
    setOf(state.running, group).add(member);
    if (!topics || !assignor || instanceId === undefined || !config) return undefined;
    return { op, group, member, topics, assignor, instanceId, config };
  }
  const maxRecords = op === 'poll' && o.maxRecords !== undefined ? reader.integer(o.maxRecords, `${path}.maxRecords`, 1, 2147483647) : null;
  if (group === undefined || member === undefined || member === '') return undefined;
  if (!setOf(state.subscribed, group).has(member)) {
    reader.problems.add(`${path}.member`, `"${member}" has not subscribed to group "${group}" in an earlier step`);
    return undefined;
  }
  if (op === 'leave' || op === 'kill') setOf(state.running, group).delete(member);
  if (op === 'poll') return maxRecords === undefined ? undefined : { op, group, member, maxRecords };
  return { op, group, member };
}
