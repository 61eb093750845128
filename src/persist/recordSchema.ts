/**
 * What a record read back from IndexedDB must look like before the app trusts it. Storage can be
 * damaged outside the app (devtools, an extension, a half-written record, an older build): every
 * record is checked against its schema when read, and what fails is reported, never used.
 *
 * - A saved session: its fields (the document itself then goes through the scenario validator).
 * - The `meta.last` marker: a string session id.
 * - A checkpoint: the shape of a world for this scenario at this position: finite times, the
 *   scenario's brokers in order, every topic of the scenario with its partitions and replicas,
 *   logs whose offsets count up from 0, a well-formed event queue. A checkpoint that fails is
 *   dropped and rebuilt by replaying the scenario (ui-contract.md, "Persistence").
 *
 * Each check returns the first problem as `path: reason` text, or null. The walks are loops over
 * a fixed shape: nothing recurses on stored data.
 */
import type { Scenario } from '../core/model/scenario';
import type { World } from '../core/model/world';

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isCount = (v: unknown): v is number => isWhole(v) && v >= 0;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** The first problem of a saved session record's own fields (not its document), or null. */
export function sessionRecordProblem(record: unknown): string | null {
  if (!isObject(record)) return 'session: must be an object';
  if (typeof record.id !== 'string' || record.id === '') return 'session.id: must be a non-empty string';
  if (typeof record.title !== 'string') return 'session.title: must be a string';
  if (!isCount(record.position)) return 'session.position: must be a whole number ≥ 0';
  if (!isWhole(record.semantics)) return 'session.semantics: must be a whole number';
  if (!isTime(record.updatedAt)) return 'session.updatedAt: must be a time in milliseconds';
  if (!isObject(record.origin) || typeof record.origin.kind !== 'string') return 'session.origin: must name where the session came from';
  return null;
}

/** The first problem of the `last` marker, or null. */
export function lastMarkerProblem(marker: unknown): string | null {
  if (!isObject(marker) || typeof marker.sessionId !== 'string' || marker.sessionId === '') return 'meta.last.sessionId: must be a saved session\'s id';
  return null;
}

function arrayProblem(value: unknown, path: string): string | null {
  return Array.isArray(value) ? null : `${path}: must be an array`;
}

function brokersProblem(brokers: unknown, scenario: Scenario): string | null {
  if (!Array.isArray(brokers)) return 'world.brokers: must be an array';
  const ids = scenario.cluster.brokers;
  if (brokers.length !== ids.length) return `world.brokers: must hold the scenario's ${ids.length} brokers, not ${brokers.length}`;
  for (let i = 0; i < brokers.length; i++) {
    const b = brokers[i] as unknown;
    if (!isObject(b) || b.id !== ids[i]) return `world.brokers[${i}].id: must be broker ${ids[i]}`;
    if (typeof b.state !== 'string' || typeof b.fenced !== 'boolean') return `world.brokers[${i}]: must have a state and fenced`;
    if (b.lostContactAtMs !== null && !isTime(b.lostContactAtMs)) return `world.brokers[${i}].lostContactAtMs: must be null or a time`;
    if (!isCount(b.sessionGeneration)) return `world.brokers[${i}].sessionGeneration: must be a whole number ≥ 0`;
  }
  return null;
}

/** A log holds contiguous offsets from `first` (its first segment's base: retention deletes from the front). */
function logProblem(log: unknown, first: number, path: string): string | null {
  if (!Array.isArray(log)) return `${path}: must be an array`;
  for (let i = 0; i < log.length; i++) {
    const r = log[i] as unknown;
    const offset = first + i;
    // `timestampMs` (each record's CreateTime) came after the first checkpoints were saved: one
    // without it is rebuilt from the scenario rather than read with holes.
    if (!isObject(r) || r.offset !== offset || !isCount(r.leaderEpoch) || typeof r.value !== 'string' || !isCount(r.sizeBytes)
      || (r.key !== null && typeof r.key !== 'string') || !isTime(r.timestampMs)) {
      return `${path}[${i}]: must be the record at offset ${offset}`;
    }
  }
  return null;
}

/** The base offset of the layout's first segment, or null when the layout has none. */
function firstSegmentBase(layout: unknown): number | null {
  if (!isObject(layout) || !Array.isArray(layout.segments) || layout.segments.length === 0) return null;
  const segment = layout.segments[0] as unknown;
  return isObject(segment) && isCount(segment.baseOffset) ? segment.baseOffset : null;
}

function replicaProblem(replica: unknown, broker: unknown, path: string): string | null {
  if (!isObject(replica) || replica.broker !== broker) return `${path}.broker: must be broker ${String(broker)}`;
  const first = firstSegmentBase(replica.layout);
  if (first === null) return `${path}.layout: must have segments`;
  const logIssue = logProblem(replica.log, first, `${path}.log`);
  if (logIssue) return logIssue;
  const end = first + (replica.log as unknown[]).length;
  if (!isCount(replica.logStartOffset) || replica.logStartOffset < first) return `${path}.logStartOffset: must be at or past the first segment's base (${first})`;
  if (!isCount(replica.highWatermark) || replica.highWatermark < replica.logStartOffset || replica.highWatermark > end) {
    return `${path}.highWatermark: must be from the log start offset to the log's end (${end})`;
  }
  if (!Array.isArray(replica.epochCache) || !replica.epochCache.every((e) => Array.isArray(e) && e.length === 2 && isWhole(e[0]) && isCount(e[1]))) {
    return `${path}.epochCache: must be [epoch, start offset] pairs`;
  }
  if (!isWhole(replica.appliedEpoch) || !isObject(replica.layout)) return `${path}: must have appliedEpoch and a layout`;
  return null;
}

function partitionProblem(p: unknown, topic: string, index: number, path: string): string | null {
  if (!isObject(p) || p.topic !== topic || p.partition !== index) return `${path}: must be partition ${topic}-${index}`;
  const replicas = p.replicas;
  if (!Array.isArray(replicas) || replicas.length === 0 || !replicas.every(isWhole)) return `${path}.replicas: must list broker ids`;
  if (p.leader !== null && !isWhole(p.leader)) return `${path}.leader: must be null or a broker id`;
  if (!isWhole(p.leaderEpoch) || !Array.isArray(p.isr) || !p.isr.every(isWhole)) return `${path}: must have a leaderEpoch and an isr`;
  if (!Array.isArray(p.replicaStates) || p.replicaStates.length !== replicas.length) return `${path}.replicaStates: must hold one state per replica`;
  if (!Array.isArray(p.followers)) return `${path}.followers: must be an array`;
  for (let i = 0; i < replicas.length; i++) {
    const issue = replicaProblem(p.replicaStates[i], replicas[i], `${path}.replicaStates[${i}]`);
    if (issue) return issue;
  }
  return null;
}

function topicsProblem(topics: unknown, scenario: Scenario): string | null {
  if (!Array.isArray(topics)) return 'world.topics: must be an array';
  for (let t = 0; t < topics.length; t++) {
    const topic = topics[t] as unknown;
    if (!isObject(topic) || typeof topic.name !== 'string' || !Array.isArray(topic.partitions) || !isObject(topic.config) || !isObject(topic.partitioner)) {
      return `world.topics[${t}]: must be a topic with a name, a config, partitions and a partitioner`;
    }
    for (let i = 0; i < topic.partitions.length; i++) {
      const issue = partitionProblem(topic.partitions[i], topic.name, i, `world.topics[${t}].partitions[${i}]`);
      if (issue) return issue;
    }
  }
  for (const spec of scenario.topics) {
    const found = (topics as Obj[]).find((t) => t.name === spec.name);
    if (!found || (found.partitions as unknown[]).length !== spec.partitions) return `world.topics: must hold topic "${spec.name}" with ${spec.partitions} partitions`;
  }
  return null;
}

function queueProblem(queue: unknown): string | null {
  if (!isObject(queue) || !Array.isArray(queue.heap) || !isCount(queue.nextSeq)) return 'world.queue: must be an event queue';
  for (let i = 0; i < queue.heap.length; i++) {
    const q = queue.heap[i] as unknown;
    if (!isObject(q) || !isTime(q.atMs) || !isCount(q.seq) || !isObject(q.event) || typeof q.event.type !== 'string') return `world.queue.heap[${i}]: must be a timed event`;
  }
  return null;
}

/** The first problem of a checkpoint's world for `scenario` after `position` steps, or null. */
export function worldProblem(world: unknown, scenario: Scenario, position: number): string | null {
  if (!isObject(world)) return 'world: must be an object';
  if (!isTime(world.timeMs) || !Number.isSafeInteger(world.timeMs)) return 'world.timeMs: must be a whole number of ms ≥ 0';
  if (world.stepsApplied !== position) return `world.stepsApplied: must be ${position}`;
  if (!isObject(world.settings) || !isObject(world.random)) return 'world: must have settings and random state';
  for (const key of ['produced', 'pendingProduces', 'recordBatches', 'producers', 'producerBatches', 'producerRequests', 'fetchSessions', 'heldFetches', 'stepErrors', 'anomalies', 'cli'] as const) {
    const issue = arrayProblem(world[key], `world.${key}`);
    if (issue) return issue;
  }
  // One batch id per produced record (-1 for a record refused before it was batched).
  if ((world.recordBatches as unknown[]).length !== (world.produced as unknown[]).length) return 'world.recordBatches: must match world.produced';
  const batches = world.producerBatches as unknown[];
  for (let i = 0; i < batches.length; i++) {
    const b = batches[i] as unknown;
    if (!isObject(b) || !Array.isArray(b.records) || !Array.isArray(b.timestampsMs) || b.timestampsMs.length !== b.records.length) {
      return `world.producerBatches[${i}]: must list a timestamp per record`;
    }
  }
  if (!isObject(world.groups)) return 'world.groups: must be an object';
  return brokersProblem(world.brokers, scenario) ?? topicsProblem(world.topics, scenario) ?? queueProblem(world.queue);
}

/** Narrows a checked world. */
export function isWorldFor(world: unknown, scenario: Scenario, position: number): world is World {
  return worldProblem(world, scenario, position) === null;
}
