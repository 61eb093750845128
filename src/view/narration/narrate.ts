/**
 * Every step explains itself: what happened, why (the rule that made it happen) and what it means
 * for the records, as a list of sentences `{ key, params }` in the `narration` namespace
 * (`i18n/narration.*.json`). Pure: the step's events, the world after it and the scenario in;
 * the component resolves the keys at render time, so a language switch needs no re-narration.
 *
 * Events are folded into one sentence per kind and place, so a 500 ms run with a dozen fetches
 * reads as a few sentences. `sentenceForGroup` switches over every `SimEvent['type']` with a
 * `never` default: a new event type does not compile until it is narrated.
 */
import type { SimEvent } from '../../core/model/events';
import type { ProducedReport } from '../../core/model/report';
import type { Scenario, Step } from '../../core/model/scenario';
import { logEndOffset, NEVER_MS, recordAt, type PartitionState, type World } from '../../core/model/world';
import { isrCheckIntervalMs } from '../../core/cluster';
import { followersOutsideIsrHoldingHw, highWatermarkCandidate } from '../../core/protocol/highWatermark';
import { brokerById, followerView, leaderReplica, newContext } from '../../core/simContext';
import { isOutOfSync } from '../../core/protocol/inSyncReplicas';
import { minInsyncReplicas } from '../../core/protocol/produce';
import { largestTimestampMs } from '../../core/protocol/retention';
import { parseTopicPartition } from '../../core/protocol/groups/topicPartition';

/** A parameter: numbers are formatted for the language, number lists joined as a list. */
export type Param = string | number | readonly number[];
export interface Sentence {
  key: string;
  params: Record<string, Param>;
  /**
   * A per-partition sentence whose kind was folded into one summary because the step touched
   * many partitions (`FOLD_ABOVE`): shown under "each partition" rather than in the main list.
   */
  detail?: true;
}

export interface NarrationInput {
  scenario: Scenario;
  /** Steps applied: the events belong to step `position - 1`; 0 = the initial state. */
  position: number;
  events: readonly SimEvent[];
  /** The world after the events. */
  world: World;
  /** True while the step is walked event by event (its events so far only). */
  partial?: boolean;
}

const say = (key: string, params: Record<string, Param> = {}): Sentence => ({ key, params });
/** A sentence about one thing or several: `key.one` / `key.many`, with the number as `n`. */
const sayCount = (key: string, n: number, params: Record<string, Param> = {}): Sentence => say(`${key}.${n === 1 ? 'one' : 'many'}`, { ...params, n });
const where = (e: { topic: string; partition: number }) => `${e.topic}-${e.partition}`;

function partitionOf(world: World, topic: string, partition: number): PartitionState | undefined {
  return world.topics.find((t) => t.name === topic)?.partitions[partition];
}

function sessionProperty(world: World): string {
  return world.settings.cluster.metadata === 'kraft' ? 'broker.session.timeout.ms' : 'zookeeper.session.timeout.ms';
}

/** A record as the producer sent it: `k0 = v0` (`{i}` already replaced in the report). */
export function recordText(record: Pick<ProducedReport, 'key' | 'value'>): string {
  const short = (s: string) => (s.length > 24 ? `${s.slice(0, 23)}…` : s);
  return `${record.key === null ? '∅' : short(record.key)} = ${short(record.value)}`;
}

// ---------------------------------------------------------------------------------------------
// The initial state

function initialSentences(scenario: Scenario, world: World): Sentence[] {
  const era = scenario.cluster.metadata === 'kraft' ? 'kraft' : 'zookeeper';
  const many = (n: number) => (n === 1 ? 'one' : 'many');
  const out = [say(`initial.cluster.${era}.${many(scenario.cluster.brokers.length)}`, { brokers: scenario.cluster.brokers })];
  for (const topic of world.topics) {
    if (topic.name.startsWith('__')) continue;
    const rf = topic.partitions[0]?.replicas.length ?? 0;
    out.push(say(`initial.topic.${many(topic.partitions.length)}.${many(rf)}`, { topic: topic.name, count: topic.partitions.length, rf }));
  }
  out.push(say('initial.leaders'));
  out.push(say('initial.offsets'));
  const acks = scenario.producer.acks;
  const minIsr = scenario.cluster.config['min.insync.replicas'];
  out.push(say(`acks.default.${acks}`, { minIsr }));
  out.push(say(`initial.replication.${scenario.cluster.replication}`));
  return out;
}

// ---------------------------------------------------------------------------------------------
// What the step itself did, before its events

function stepSentences(step: Step, world: World, events: readonly SimEvent[], position: number): Sentence[] {
  switch (step.op) {
    case 'crash': {
      const out: Sentence[] = [say('step.crash', { broker: step.broker })];
      if (step.lostTail > 0) out.push(sayCount('step.crashLostTail', step.lostTail, { broker: step.broker }));
      return out;
    }
    case 'isolate':
      return [say('step.isolate', { broker: step.broker })];
    case 'shutdown':
      return [say('step.shutdown', { broker: step.broker })];
    case 'heal':
      return [say('step.heal')];
    case 'run': {
      const from = world.timeMs - step.ms;
      const out = [say('step.run', { ms: step.ms, from, to: world.timeMs })];
      if (events.length === 0) out.push(say('step.runQuiet'));
      return out;
    }
    case 'fetch':
      return [say(step.dropResponse ? 'step.fetchDropped' : 'step.fetch', { broker: step.broker })];
    case 'subscribe':
      return [say('step.subscribe', { group: step.group, member: step.member, topics: step.topics.join(', '), assignor: step.assignor })];
    case 'leave':
    case 'poll':
    case 'commit':
    case 'kill':
    case 'pause':
    case 'resume':
      return [say(`step.${step.op}`, { group: step.group, member: step.member })];
    case 'cli':
      // The step's title shows the command itself.
      return [say('step.cli'), ...cliResultSentences(world, step.command, position - 1)];
    case 'restart':
    case 'produce':
      return [];
    default: {
      const unreachable: never = step;
      throw new Error(`unknown step ${JSON.stringify(unreachable)}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Events, folded into groups (one sentence or a few per group), in order of first occurrence

interface Group {
  id: string;
  events: SimEvent[];
}

/** The fold: events of one kind at one place make one group. */
function groupId(e: SimEvent): string {
  switch (e.type) {
    case 'append':
      return `append|${where(e)}|${e.broker}`;
    case 'produce-response':
      return e.acked ? `acked|${where(e)}` : `produce-error|${where(e)}|${e.error ?? ''}`;
    case 'fetch-request':
    case 'fetch-response':
      // Per leader too: a step in which leadership moves has fetches from both leaders.
      return e.type === 'fetch-response' && e.dropped ? `fetch-dropped|${where(e)}|${e.follower}` : `fetch|${where(e)}|${e.leader}`;
    case 'high-watermark':
      return `hw|${where(e)}`;
    case 'isr-shrink':
    case 'isr-expand':
    case 'isr-change':
    case 'leader-change':
      return `${e.type}|${where(e)}|${e.atMs}`;
    case 'truncate':
      return `truncate|${e.reason}|${where(e)}|${e.broker}`;
    case 'segments-deleted':
      return `retention|${e.reason}|${where(e)}|${e.broker}|${e.atMs}`;
    case 'log-start-offset':
      return `log-start|${where(e)}|${e.broker}`;
    case 'offset-reset':
      return `offset-reset|${e.group}|${e.member}|${where(e)}`;
    case 'broker-state':
      return `broker|${e.broker}|${e.atMs}|${e.state}|${e.fenced}`;
    case 'step-error':
      return `error|${e.broker}|${e.error}`;
    case 'anomaly':
      return `anomaly|${e.anomaly}|${where(e)}|${e.offset}`;
    case 'group-state':
      return `${e.type}|${e.group}|${e.atMs}|${e.to}`;
    case 'coordinator-change':
      return `${e.type}|${e.group}|${e.atMs}`;
    case 'group-member':
      return `member|${e.group}|${e.member}|${e.change}|${e.atMs}`;
    case 'group-assignment':
      return `assignment|${e.group}|${e.member}|${e.generation}`;
    case 'consumer-poll':
      return `poll|${e.group}|${e.member}`;
    case 'offset-commit':
      return `commit|${e.group}|${e.member}|${e.error ?? ''}`;
    case 'group-admin':
      return `admin|${e.group}|${e.action}`;
    default: {
      const unreachable: never = e;
      throw new Error(`unknown event ${JSON.stringify(unreachable)}`);
    }
  }
}

export function groupEvents(events: readonly SimEvent[]): Group[] {
  const groups = new Map<string, Group>();
  for (const e of events) {
    const id = groupId(e);
    const group = groups.get(id);
    if (group) group.events.push(e);
    else groups.set(id, { id, events: [e] });
  }
  return [...groups.values()];
}

interface Context {
  scenario: Scenario;
  step: Step | null;
  world: World;
  events: readonly SimEvent[];
  /** Walking a step event by event: the step's own sentence is not shown. */
  partial?: boolean;
}

/** The step's own sentence already says that this member joined (subscribe) or left (leave). */
function saidByStep(ctx: Context, e: Extract<SimEvent, { type: 'group-member' }>): boolean {
  const { step } = ctx;
  if (ctx.partial || !step || (step.op !== 'subscribe' && step.op !== 'leave')) return false;
  return step.group === e.group && step.member === e.member && e.change === (step.op === 'subscribe' ? 'joined' : 'left');
}

function of<T extends SimEvent['type']>(group: Group, type: T): Extract<SimEvent, { type: T }>[] {
  return group.events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);
}

function appendSentences(ctx: Context, group: Group): Sentence[] {
  const appends = of(group, 'append');
  const first = appends[0];
  const base = { broker: first.broker, where: where(first), epoch: first.leaderEpoch };
  if (appends.length === 1) {
    // A group's committed offset is a record too (core/protocol/groups/consumerClient.ts), with no producer.
    const commit = loggedRecord(ctx.world, first)?.offsetCommit;
    if (commit) {
      const tp = `${commit.topic}-${commit.partition}`;
      return [commit.offset < 0
        ? say('append.tombstone', { ...base, offset: first.offset, group: commit.group, tp })
        : say('append.commit', { ...base, offset: first.offset, group: commit.group, tp, committed: commit.offset })];
    }
    const produced = ctx.world.produced.find((p) => p.step === first.step && p.index === first.index);
    const retry = produced !== undefined && produced.attempts > 1 && ctx.step?.op !== 'produce';
    return [say(retry ? 'append.resent' : 'append.one', { ...base, offset: first.offset, record: produced ? recordText(produced) : '' })];
  }
  return [say('append.many', { ...base, count: appends.length, from: first.offset, to: appends[appends.length - 1].offset })];
}

/** The record an append event wrote, as the appending replica's log holds it at the step's end. */
function loggedRecord(world: World, event: { topic: string; partition: number; broker: number; offset: number }) {
  const log = partitionOf(world, event.topic, event.partition)?.replicaStates.find((r) => r.broker === event.broker)?.log;
  const record = log && log.length > 0 ? log[event.offset - log[0].offset] : undefined;
  return record?.offset === event.offset ? record : undefined;
}

function ackedSentences(ctx: Context, group: Group): Sentence[] {
  const responses = of(group, 'produce-response');
  const records = responses.map((r) => ctx.world.produced[r.produced]).filter((p): p is ProducedReport => p !== undefined);
  if (records.length === 0) return [];
  const acks = records[0].acks;
  const first = records[0];
  const p = partitionOf(ctx.world, first.topic, first.partition);
  const params = { where: where(first), record: recordText(first), offset: first.offset ?? -1, broker: p?.leader ?? '—' };
  // With one replica there is no follower to copy it: "before a follower copies it" would mislead.
  const alone = acks === 1 && p?.replicas.length === 1;
  const out = [sayCount(alone ? 'acked.1alone' : `acked.${acks}`, records.length, params)];
  if (acks === 'all') {
    const isr = p?.isr ?? [];
    // An ISR of one: acks=all waited for nobody (min.insync.replicas allowed it), so one broker holds the record.
    if (isr.length === 1) {
      out.push(say('acked.allWhyAlone', { isr, minIsr: minInsyncReplicas(ctx.world, first.topic) }));
    } else {
      out.push(say('acked.allWhy', { isr }));
    }
  }
  return out;
}

/** Whether the producer ended with record `produced` failed: its batch done, unacknowledged, with an error. */
function gaveUp(world: World, produced: number): boolean {
  const record = world.produced[produced];
  const batch = world.producerBatches[world.recordBatches[produced]];
  return record !== undefined && !record.acked && record.error !== null && (batch === undefined || batch.phase === 'done');
}

function produceErrorSentences(ctx: Context, group: Group): Sentence[] {
  const responses = of(group, 'produce-response');
  const first = responses[0];
  const error = first.error ?? 'UNKNOWN';
  const records = responses.map((r) => ctx.world.produced[r.produced]).filter((p): p is ProducedReport => p !== undefined);
  // `ctx.world` is the world at the end of the step: a batch retried and acknowledged later in
  // the same step is done by then, so "gave up" is said only of a record that ended with its error.
  const retrying = responses.some((r) => !gaveUp(ctx.world, r.produced));
  const out = [sayCount(retrying ? 'produceError.retrying' : 'produceError.final', records.length, {
    where: where(first), error, record: records[0] ? recordText(records[0]) : '',
    backoff: ctx.scenario.producer.config['retry.backoff.ms'],
  })];
  out.push(errorSentence(error, ctx.world, { topic: first.topic, partition: first.partition }));
  return out;
}

function fetchSentences(ctx: Context, group: Group): Sentence[] {
  // A leader answers a fetch that waited at it (long polling) even if the follower has gone down
  // since: that response goes nowhere, and the follower copies nothing.
  const down = new Set(group.events.map((e) => (e as { follower: number }).follower)
    .filter((f) => brokerById(ctx.world, f)?.state !== 'running'));
  const lost = group.events.filter((e): e is Extract<SimEvent, { type: 'fetch-response' }> => e.type === 'fetch-response' && down.has(e.follower));
  const out = lost.length > 0 ? [sayCount('fetch.toDown', down.size, {
    followers: [...down].sort((a, b) => a - b), leader: lost[0].leader, where: where(lost[0]), records: lost.reduce((sum, r) => sum + r.records, 0),
  })] : [];
  const delivered = group.events.filter((e) => !down.has((e as { follower: number }).follower));
  return delivered.length > 0 ? [...out, ...deliveredFetchSentences({ ...group, events: delivered })] : out;
}

function deliveredFetchSentences(group: Group): Sentence[] {
  const requests = of(group, 'fetch-request');
  const responses = of(group, 'fetch-response');
  const first = requests[0] ?? responses[0];
  const followers = [...new Set([...requests, ...responses].map((e) => e.follower))].sort((a, b) => a - b);
  const records = responses.reduce((sum, r) => sum + r.records, 0);
  const fetches = Math.max(requests.length, responses.length);
  const lastResponse = responses[responses.length - 1];
  const params = { followers, leader: first.leader, where: where(first), times: fetches, records, hw: lastResponse ? lastResponse.highWatermark : '—' };
  // Several followers: what each copied, when they copied the same, rather than a sum that reads
  // as if each had copied it all.
  const copied = followers.map((f) => responses.reduce((sum, r) => sum + (r.follower === f ? r.records : 0), 0));
  if (records > 0 && followers.length > 1 && copied.every((n) => n === copied[0])) return [say('fetch.copied.each', { ...params, each: copied[0] })];
  return [sayCount(records > 0 ? 'fetch.copied' : 'fetch.nothing', followers.length, params)];
}

function isIdleFetch(group: Group): boolean {
  const e = group.events[0];
  if (e.type !== 'fetch-request' && e.type !== 'fetch-response') return false;
  const responses = of(group, 'fetch-response');
  return !responses.some((r) => r.dropped) && responses.reduce((sum, r) => sum + r.records, 0) === 0;
}

/** Idle fetches of many partitions: how many, the user topics' partitions named, the internal ones counted. */
function idleFetchSentence(idle: Group[]): Sentence {
  // A partition whose leadership moved has idle fetches from both leaders: counted once.
  const places = [...new Set(idle.map((g) => where(g.events[0] as { topic: string; partition: number })))];
  const internal = places.filter((w) => w.startsWith('__consumer_offsets-')).length;
  const named = places.filter((w) => !w.startsWith('__consumer_offsets-'));
  const shown = named.slice(0, 4);
  const params = { count: places.length, partitions: shown.join(', '), more: named.length - shown.length, internal };
  if (named.length === 0) return say('fetch.idleInternal', params);
  if (internal === 0) return say(named.length > shown.length ? 'fetch.idleManyMore' : 'fetch.idleMany', params);
  return say(named.length > shown.length ? 'fetch.idleMixedMore' : 'fetch.idleMixed', params);
}

function fetchDroppedSentences(group: Group): Sentence[] {
  const e = of(group, 'fetch-response')[0];
  return [say('fetch.dropped', { follower: e.follower, leader: e.leader, where: where(e), records: e.records })];
}

function highWatermarkSentences(ctx: Context, group: Group): Sentence[] {
  const moves = of(group, 'high-watermark');
  const first = moves[0];
  const last = moves[moves.length - 1];
  const p = partitionOf(ctx.world, first.topic, first.partition);
  return [say('hw.rose', { where: where(first), from: first.from, to: last.to, leader: first.broker, isr: p?.isr ?? [] })];
}

/** Each ISR change of the group (two fencings at one instant change an ISR twice). */
function isrSentences(ctx: Context, group: Group): Sentence[] {
  return group.events.flatMap((e) => isrSentence(ctx, e));
}

function isrSentence(ctx: Context, e: SimEvent): Sentence[] {
  if (e.type === 'isr-shrink') {
    const leader = leaderWhen(ctx.events, e) ?? partitionOf(ctx.world, e.topic, e.partition)?.leader ?? '—';
    return [say(ctx.scenario.cluster.metadata === 'kraft' ? 'isr.shrink' : 'isr.shrinkZk', { where: where(e), removed: e.removed, isr: e.isr, lag: ctx.scenario.cluster.config['replica.lag.time.max.ms'], leader })];
  }
  if (e.type === 'isr-expand') {
    const p = partitionOf(ctx.world, e.topic, e.partition);
    return [say('isr.expand', { where: where(e), broker: e.added, isr: e.isr, leader: p?.leader ?? '—' })];
  }
  if (e.type === 'isr-change') {
    const era = ctx.scenario.cluster.metadata;
    return [say(`isr.controller.${era}`, { where: where(e), isr: e.isr, epoch: e.leaderEpoch })];
  }
  return [];
}

/** The first replica of `p` the controller counts available (registered and unfenced), if any. */
function availableReplica(world: World, p: PartitionState | undefined): number | undefined {
  return p?.replicas.find((b) => world.brokers.find((x) => x.id === b)?.fenced === false);
}

/** Whether `topic` has `unclean.leader.election.enable` (its own or the brokers'). */
function uncleanSetting(world: World, topic: string): boolean {
  return world.topics.find((t) => t.name === topic)?.config['unclean.leader.election.enable'] ?? false;
}

/** Why this leader: the controller's election rule (controller.ts `elect`), the era's balance, or the tool. */
function leaderSentences(ctx: Context, group: Group): Sentence[] {
  const e = group.events[0];
  if (e.type !== 'leader-change') return [];
  const era = ctx.scenario.cluster.metadata;
  const p = partitionOf(ctx.world, e.topic, e.partition);
  const replicas = p?.replicas ?? [];
  const base = { where: where(e), epoch: e.leaderEpoch, replicas, from: e.from ?? '—' };
  if (e.to === null) {
    const unclean = uncleanSetting(ctx.world, e.topic);
    const candidate = availableReplica(ctx.world, p);
    // 3.6's controller skips the unclean election the setting asks for (controller.ts).
    if (unclean && era === 'kraft' && candidate !== undefined) return [say('leader.uncleanIgnored', { ...base, isr: p?.isr ?? [], candidate })];
    return [say(unclean ? 'leader.noneAtAll' : 'leader.none', { ...base, isr: p?.isr ?? [] })];
  }
  const params = { ...base, to: e.to };
  if (e.cause === 'rebalance') {
    const config = ctx.scenario.cluster.config;
    return [say(`leader.rebalance.${era}`, { ...params, interval: config['leader.imbalance.check.interval.seconds'], percentage: config['leader.imbalance.per.broker.percentage'] })];
  }
  if (e.cause === 'admin') {
    const uncleanType = e.unclean || (ctx.step?.op === 'cli' && /unclean/i.test(ctx.step.command));
    const command = `kafka-leader-election.sh --election-type ${uncleanType ? 'unclean' : 'preferred'}`;
    if (e.unclean) return [say(`leader.admin.unclean.${era}`, { ...params, command })];
    return [say(uncleanType ? 'leader.admin.fromIsr' : 'leader.admin.preferred', { ...params, command })];
  }
  if (e.unclean) return [say('leader.unclean', params)];
  if (e.from !== null && ctx.step?.op === 'shutdown') return [say('leader.shutdown', params)];
  if (e.from === null) return [say('leader.registered', params)];
  return [say('leader.elected', params)];
}

function truncateSentences(group: Group): Sentence[] {
  const cuts = of(group, 'truncate');
  const first = cuts[0];
  const last = cuts[cuts.length - 1];
  // The log moves forward, not back: nothing it held is still on the leader.
  if (first.reason === 'below-leader-log-start') return [say('truncate.below-leader-log-start', { broker: first.broker, where: where(first), from: first.from, to: last.to })];
  const params = { broker: first.broker, where: where(first), from: first.from, to: last.to, last: first.from - 1 };
  return [sayCount(`truncate.${first.reason}`, first.from - last.to, params)];
}

/**
 * Retention (core/protocol/retention.ts): which segments went, by which setting and why (each
 * segment's age, or the log's size), and what the new log start offset means for readers.
 */
function retentionSentences(ctx: Context, group: Group): Sentence[] {
  const e = of(group, 'segments-deleted')[0];
  const config = ctx.world.topics.find((t) => t.name === e.topic)?.config;
  const deletedBytes = e.segments.reduce((sum, s) => sum + s.sizeBytes, 0);
  const newest = e.segments.reduce((max, s) => Math.max(max, s.largestTimestampMs), -1);
  const params = {
    broker: e.broker, where: where(e), n: e.segments.length, first: e.segments[0].baseOffset, last: e.logStartOffset - 1,
    bytes: deletedBytes, start: e.logStartOffset, size: e.sizeBytesBefore, after: e.sizeBytesBefore - deletedBytes,
    limitMs: config?.['retention.ms'] ?? -1, limitBytes: config?.['retention.bytes'] ?? -1, age: e.atMs - newest, was: e.logStartOffsetBefore,
  };
  const out = [sayCount(`retention.${e.reason}`, e.segments.length, params)];
  if (e.rolled) out.push(say('retention.rolled', { base: e.activeBaseOffset }));
  out.push(say('retention.means', { where: where(e), start: e.logStartOffset, broker: e.broker }));
  return out;
}

function logStartSentences(group: Group): Sentence[] {
  const moves = of(group, 'log-start-offset');
  const first = moves[0];
  const last = moves[moves.length - 1];
  return [say('retention.follower', { broker: first.broker, where: where(first), from: first.from, to: last.to, leader: first.leader ?? '—' })];
}

function offsetResetSentences(group: Group): Sentence[] {
  const e = of(group, 'offset-reset')[0];
  const params = { group: e.group, member: e.member, where: where(e), from: e.from, to: e.to ?? '—', start: e.logStartOffset, policy: e.policy };
  return [say(e.to === null ? 'retention.resetNone' : 'retention.reset', params)];
}

function brokerSentences(ctx: Context, group: Group): Sentence[] {
  const e = group.events[0];
  if (e.type !== 'broker-state') return [];
  const timeout = ctx.scenario.cluster.config.sessionTimeoutMs;
  const property = sessionProperty(ctx.world);
  if (e.fenced && (e.state === 'stopped' && ctx.step?.op === 'shutdown')) return [say('broker.stoppedCleanly', { broker: e.broker })];
  // A restarted process registers fenced and is unfenced once it has caught up (the same
  // instant here): the registration sentence tells it; "fenced: no heartbeat" would be wrong.
  if (e.fenced && e.state === 'running' && isRegistration(ctx, e.broker)) return [];
  if (e.fenced && ctx.step?.op !== 'crash' && ctx.step?.op !== 'isolate') {
    return [say(`broker.fenced.${ctx.scenario.cluster.metadata}`, { broker: e.broker, timeout, property })];
  }
  if (!e.fenced && e.state === 'running' && isRegistration(ctx, e.broker)) return [say('broker.registered', { broker: e.broker })];
  if (e.state === 'restarting') {
    const state = ctx.world.brokers.find((b) => b.id === e.broker);
    const remaining = state?.lostContactAtMs != null ? state.lostContactAtMs + timeout - ctx.world.timeMs : timeout;
    return [say('broker.restarting', { broker: e.broker, remaining, timeout, property })];
  }
  if (e.state === 'running' && ctx.step?.op === 'heal') return [say('broker.healed', { broker: e.broker })];
  return [];
}

/** A `broker-state` with fenced false is a registration when the broker was fenced before it. */
function isRegistration(ctx: Context, broker: number): boolean {
  return ctx.events.some((x) => x.type === 'broker-state' && x.broker === broker && !x.fenced)
    && (ctx.step?.op === 'restart' || ctx.step?.op === 'heal' || ctx.step?.op === 'run');
}

function stepErrorSentences(ctx: Context, group: Group): Sentence[] {
  const e = group.events[0];
  if (e.type !== 'step-error') return [];
  return [say('stepError', { broker: e.broker, error: e.error }), errorSentence(e.error, ctx.world, { broker: e.broker })];
}

/**
 * The leader of an event's partition when it happened (an anomaly found, an ISR shrink): the last
 * new leader before it in the step, else the one a later change in the step replaced (by the
 * step's end the partition may have none).
 */
function leaderWhen(events: readonly SimEvent[], event: SimEvent & { topic: string; partition: number }): number | null {
  const here = (x: SimEvent) => 'topic' in x && x.topic === event.topic && x.partition === event.partition;
  const at = events.indexOf(event);
  for (let i = at - 1; i >= 0; i--) {
    const x = events[i];
    if (here(x) && x.type === 'leader-change' && x.to !== null) return x.to;
  }
  for (let i = at + 1; i < events.length; i++) {
    const x = events[i];
    if (here(x) && x.type === 'leader-change') return x.from;
  }
  return null;
}

function anomalySentences(ctx: Context, group: Group): Sentence[] {
  const e = group.events[0];
  if (e.type !== 'anomaly') return [];
  const base = { where: where(e), offset: e.offset };
  switch (e.anomaly) {
    case 'acknowledged-record-lost': {
      const record = ctx.world.produced.find((p) => p.acked && p.topic === e.topic && p.partition === e.partition && p.offset === e.offset);
      const p = partitionOf(ctx.world, e.topic, e.partition);
      const holders = p && record
        ? p.replicaStates.filter((r) => recordAt(r, e.offset)?.step === record.step && recordAt(r, e.offset)?.index === record.index).map((r) => r.broker)
        : [];
      const here = (x: SimEvent) => 'topic' in x && x.topic === e.topic && x.partition === e.partition;
      const leader = leaderWhen(ctx.events, e) ?? p?.leader ?? null;
      const params = { ...base, record: record ? recordText(record) : '', acks: String(record?.acks ?? 1), holders, leader: leader ?? '—' };
      const out = [say(holders.length > 0 ? 'anomaly.lost' : 'anomaly.lostEverywhere', params), say(`anomaly.lostWhy.${record?.acks === 'all' ? 'all' : '1'}`, params)];
      if (ctx.events.some((x) => here(x) && x.type === 'leader-change' && x.to !== null)) {
        out.push(say(ctx.scenario.cluster.truncation === 'high-watermark' ? 'anomaly.lostHow.newLeaderHw' : 'anomaly.lostHow.newLeader', params));
      }
      else if (ctx.events.some((x) => here(x) && x.type === 'truncate' && x.reason === 'lost-tail' && x.broker === leader)) out.push(say('anomaly.lostHow.lostTail', params));
      return out;
    }
    case 'replica-divergence': {
      // The follower is in the world's report of it (the event names only the place).
      const found = ctx.world.anomalies.find((a) => a.type === e.anomaly && a.topic === e.topic && a.partition === e.partition && a.offset === e.offset);
      const p = partitionOf(ctx.world, e.topic, e.partition);
      const follower = p?.replicaStates.find((r) => r.broker === found?.broker);
      const leader = p && leaderReplica(p);
      const theirs = follower && recordAt(follower, e.offset);
      const ours = leader && recordAt(leader, e.offset);
      if (!follower || !leader || !theirs || !ours) return [say('anomaly.divergence', base)];
      return [say('anomaly.divergenceNamed', {
        ...base, follower: follower.broker, leader: leader.broker, theirs: recordText(theirs), ours: recordText(ours),
      })];
    }
    case 'duplicate-record':
      return [say('anomaly.duplicate', base)];
    default:
      return [say('anomaly.other', { ...base, anomaly: e.anomaly })];
  }
}

/**
 * Why a poll returned nothing, as the member stands at the step's end: it owns no partition yet
 * (the group is still rebalancing, or it has more members than partitions), or it has read up to
 * the HW of every partition it owns. Otherwise it is only said that nothing came.
 */
function emptyPollSentence(world: World, group: string, member: string): Sentence {
  const consumer = world.groups.consumers.find((c) => c.group === group && c.member === member);
  const state = world.groups.groups.find((g) => g.group === group)?.machine.value;
  if (consumer && consumer.assignment.length === 0 && state !== undefined) return say('group.pollEmpty.unassigned', { group, member, state });
  const caughtUp = consumer !== undefined && consumer.assignment.length > 0 && consumer.assignment.every((tp) => {
    const { topic, partition } = parseTopicPartition(tp);
    const p = partitionOf(world, topic, partition);
    const hw = p ? leaderReplica(p)?.highWatermark : undefined;
    return hw !== undefined && consumer.positions[tp] !== undefined && consumer.positions[tp] >= hw;
  });
  if (consumer && caughtUp) return say('group.pollEmpty.caughtUp', { group, member, partitions: consumer.assignment.join(', ') });
  return say('group.pollEmpty.other', { group, member });
}

/**
 * What a `cli` step did, from its output (world.cli): a failure with the tool's own reason, or,
 * for the commands that change the cluster without events of their own, what changed (a topic
 * created, with where its replicas went; a topic deleted).
 */
function cliResultSentences(world: World, command: string, stepIndex: number): Sentence[] {
  const entry = world.cli.find((c) => c.step === stepIndex);
  if (!entry) return [];
  if (entry.exitCode !== 0) return [say('cli.failed', { code: entry.exitCode, reason: cliFailureReason(entry.stdout, entry.stderr) })];
  const topic = /--topic[ =]("?)([^\s"]+)\1/.exec(command)?.[2];
  const printed = /Processed a total of (\d+) messages?/.exec(entry.stderr);
  if (/^kafka-console-consumer(?:\.sh)?\s/.test(command) && printed) {
    const n = Number(printed[1]);
    // Nothing printed while the topic has records above the HW: they are not committed yet.
    const pending = n === 0 && topic !== undefined && world.topics.find((t) => t.name === topic)?.partitions.some((p) => {
      const leader = leaderReplica(p);
      return leader !== undefined && leader.highWatermark < logEndOffset(leader);
    });
    return [sayCount('cli.printed', n, {}), ...(pending ? [say('cli.printedAboveHw', { topic: topic ?? '' })] : [])];
  }
  if (!/^kafka-topics(?:\.sh)?\s/.test(command) || topic === undefined) return [];
  if (/\s--delete(?:\s|$)/.test(command)) return world.topics.some((t) => t.name === topic) ? [] : [say('cli.deleted', { topic })];
  if (!/\s--create(?:\s|$)/.test(command)) return [];
  const created = world.topics.find((t) => t.name === topic);
  if (!created) return [];
  const partitions = created.partitions;
  const out = [say('cli.created', { topic, partitions: partitions.length, rf: partitions[0]?.replicas.length ?? 0 })];
  for (const p of partitions.slice(0, 4)) out.push(say('cli.placed', { where: where(p), replicas: p.replicas, leader: p.leader ?? '—' }));
  if (partitions.length > 4) out.push(say('cli.placedMore', { count: partitions.length - 4 }));
  return out;
}

/** The tool's own words for why it failed: TopicCommand's "Error while executing …", else the exception's message. */
function cliFailureReason(stdout: string, stderr: string): string {
  const executing = /^Error while executing [^:]*: (.+)$/m.exec(stdout);
  if (executing) return executing[1].trim();
  for (const line of `${stderr}\n${stdout}`.split('\n')) {
    const thrown = /([A-Za-z_$][\w$]*(?:Exception|Error))(?::\s*(.*))?$/.exec(line.trim());
    if (thrown && !/^\[/.test(line.trim())) return (thrown[2] ?? '').trim() || thrown[1];
  }
  return (stderr.split('\n').find((l) => l.trim() !== '') ?? stdout.split('\n').find((l) => l.trim() !== '') ?? '').trim();
}

/** Consumer groups: the coordinator's decisions and the consumers' polls and commits, with their rule. */
function groupSentences(ctx: Context, group: Group): Sentence[] {
  const e = group.events[0];
  switch (e.type) {
    case 'group-state':
      return [say(`group.state.${e.to}`, { group: e.group, from: e.from, generation: e.generation })];
    case 'group-member':
      return saidByStep(ctx, e) ? [] : [say(`group.member.${e.change}`, { group: e.group, member: e.member })];
    case 'group-assignment': {
      const last = of(group, 'group-assignment').at(-1) ?? e;
      return [say(last.assignment.length > 0 ? 'group.assigned' : 'group.assignedNothing', {
        group: e.group, member: e.member, generation: last.generation, assignment: last.assignment.join(', '), revoked: last.revoked.join(', '),
      })];
    }
    case 'consumer-poll': {
      const records = of(group, 'consumer-poll').reduce((sum, x) => sum + x.records, 0);
      if (records === 0) return [emptyPollSentence(ctx.world, e.group, e.member)];
      return [sayCount('group.poll', records, { group: e.group, member: e.member })];
    }
    case 'offset-commit': {
      const offsets = Object.entries(e.offsets).map(([tp, offset]) => `${tp} → ${offset}`).join(', ');
      if (e.error) return [say('group.commitFailed', { group: e.group, member: e.member, error: e.error }), errorSentence(e.error, ctx.world)];
      return [say(e.storage === 'zookeeper' ? 'group.commitZk' : 'group.commit', { group: e.group, member: e.member, offsets })];
    }
    case 'coordinator-change':
      return [say(e.to === null ? 'group.coordinatorNone' : 'group.coordinator', { group: e.group, broker: e.to ?? 0 })];
    case 'group-admin': {
      const offsets = Object.entries(e.offsets).map(([tp, offset]) => `${tp} → ${offset}`).join(', ');
      if (e.action === 'console-consumer') {
        return [say(offsets === '' ? 'group.consoleConsumer' : 'group.consoleConsumerCommits', { group: e.group, offsets, tool: 'kafka-console-consumer.sh' })];
      }
      const tool = 'kafka-consumer-groups.sh';
      if (e.action === 'reset-offsets') return [say('group.resetOffsets', { group: e.group, offsets, tool })];
      if (e.action === 'delete-offsets') return [say(offsets === '' ? 'group.deleteOffsetsNone' : 'group.deleteOffsets', { group: e.group, offsets, tool })];
      return [say(offsets === '' ? 'group.deleted' : 'group.deletedOffsets', { group: e.group, offsets, tool })];
    }
    default:
      return [];
  }
}

function sentenceForGroup(ctx: Context, group: Group): Sentence[] {
  const e = group.events[0];
  switch (e.type) {
    case 'append':
      return appendSentences(ctx, group);
    case 'produce-response':
      return e.acked ? ackedSentences(ctx, group) : produceErrorSentences(ctx, group);
    case 'fetch-request':
    case 'fetch-response':
      return e.type === 'fetch-response' && e.dropped ? fetchDroppedSentences(group) : fetchSentences(ctx, group);
    case 'high-watermark':
      return highWatermarkSentences(ctx, group);
    case 'isr-shrink':
    case 'isr-expand':
    case 'isr-change':
      return isrSentences(ctx, group);
    case 'leader-change':
      return leaderSentences(ctx, group);
    case 'truncate':
      return truncateSentences(group);
    case 'segments-deleted':
      return retentionSentences(ctx, group);
    case 'log-start-offset':
      return logStartSentences(group);
    case 'offset-reset':
      return offsetResetSentences(group);
    case 'broker-state':
      return brokerSentences(ctx, group);
    case 'step-error':
      return stepErrorSentences(ctx, group);
    case 'anomaly':
      return anomalySentences(ctx, group);
    case 'group-state':
    case 'group-member':
    case 'group-assignment':
    case 'consumer-poll':
    case 'offset-commit':
    case 'coordinator-change':
    case 'group-admin':
      return groupSentences(ctx, group);
    default: {
      const unreachable: never = e;
      throw new Error(`unknown event ${JSON.stringify(unreachable)}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// What is still waiting after the step: so a student is never left wondering what comes next

/**
 * ISR members behind their running leader's log end: when the leader's periodic ISR check drops
 * each if it has not caught up by then (ReplicaManager's isr-expiration task, every
 * replica.lag.time.max.ms / 2; Partition.getOutOfSyncReplicas: behind for more than the limit).
 */
function isrLagWaits(world: World, timePassed: boolean): Sentence[] {
  const next = world.queue.heap.find((queued) => queued.event.type === 'isr-check');
  if (!next) return [];
  const interval = isrCheckIntervalMs(world);
  const lag = world.settings.cluster.config['replica.lag.time.max.ms'];
  const manual = world.settings.cluster.replication === 'manual';
  // Followers of one partition last seen caught up at the same time share a sentence.
  const waits = new Map<string, { where: string; leader: number; since: number; at: number; followers: number[] }>();
  for (const topic of world.topics) {
    if (topic.name.startsWith('__')) continue;
    for (const p of topic.partitions) {
      const leader = leaderReplica(p);
      if (!leader || brokerById(world, p.leader)?.state !== 'running') continue;
      const end = logEndOffset(leader);
      for (const view of p.followers) {
        if (!p.isr.includes(view.broker) || view.logEndOffset === end) continue;
        // A running follower in auto replication is fetching and catches up within milliseconds;
        // in manual replication the clock matters when time passes. A follower down never catches up.
        const broker = brokerById(world, view.broker);
        if (broker?.state === 'running' && !(manual && timePassed)) continue;
        // The first of the leader's checks at which the follower, still where it is, is out of sync.
        let at = next.atMs;
        while (!isOutOfSync(view, end, at, lag)) at += interval;
        // The controller fences a broker it lost before that (pending.fence says when): it leaves the ISR then.
        if (broker && !broker.fenced && broker.lostContactAtMs !== null && broker.lostContactAtMs + world.settings.cluster.config.sessionTimeoutMs <= at) continue;
        const key = `${where(p)} ${view.lastCaughtUpTimeMs}`;
        const wait = waits.get(key) ?? { where: where(p), leader: leader.broker, since: view.lastCaughtUpTimeMs, at, followers: [] };
        wait.followers.push(view.broker);
        waits.set(key, wait);
      }
    }
  }
  const all = [...waits.values()];
  if (all.length > FOLD_ABOVE) {
    const { list, more } = placeList(all.flatMap((w) => w.followers.map((f) => `${f} @ ${w.where}`)));
    const at = Math.min(...all.map((w) => w.at));
    return [say(more > 0 ? 'pending.isrLagManyMore' : 'pending.isrLagMany', { count: all.reduce((n, w) => n + w.followers.length, 0), list, more, lag, at, remaining: at - world.timeMs })];
  }
  return all.map((w) => {
    const params = { followers: w.followers, where: w.where, leader: w.leader, at: w.at, interval, lag, remaining: w.at - world.timeMs };
    return w.since === NEVER_MS
      ? sayCount('pending.isrLagNever', w.followers.length, params)
      : sayCount('pending.isrLag', w.followers.length, { ...params, since: w.since });
  });
}

function pendingSentences(ctx: Context): Sentence[] {
  const out: Sentence[] = [];
  const { world, scenario } = ctx;
  const timeout = scenario.cluster.config.sessionTimeoutMs;
  // Brokers lost at the same instant are noticed together: one sentence.
  const fences = new Map<number, number[]>();
  for (const broker of world.brokers) {
    if (broker.fenced || broker.lostContactAtMs === null) continue;
    // A restart refused with NODE_EXISTS already says when the old session expires (errorSentence).
    if (ctx.events.some((e) => e.type === 'step-error' && e.error === 'NODE_EXISTS' && e.broker === broker.id)) continue;
    const at = broker.lostContactAtMs + timeout;
    const together = fences.get(at);
    if (together) together.push(broker.id);
    else fences.set(at, [broker.id]);
  }
  for (const [at, brokers] of [...fences].sort(([a], [b]) => a - b)) {
    const params = { at, remaining: at - world.timeMs, timeout, property: sessionProperty(world) };
    out.push(brokers.length === 1 ? say('pending.fence', { ...params, broker: brokers[0] }) : say('pending.fenceMany', { ...params, brokers }));
  }
  out.push(...isrLagWaits(world, ctx.step?.op === 'run'));
  out.push(...consumerWaits(world));
  out.push(...retentionWaits(ctx));
  // acks=all answers still held, one sentence per partition (a burst of records would
  // otherwise repeat the same rule once per record).
  const held = new Map<string, { first: string; count: number; offset: number; isr: number[]; topic: string; partition: number; leader: number; timesOutAt: number }>();
  const requestTimeout = world.settings.producer.config['request.timeout.ms'];
  for (const pending of world.pendingProduces) {
    // `request` is an id: answered requests leave the list, so it is not an index.
    const request = world.producerRequests.find((r) => r.id === pending.request);
    const batch = world.producerBatches[request?.batches[pending.slot] ?? -1];
    const record = batch ? world.produced[batch.records[0]] : undefined;
    const p = partitionOf(world, pending.topic, pending.partition);
    if (!record || !p || !batch) continue;
    const key = where(pending);
    const last = pending.offset;
    const seen = held.get(key);
    if (seen) {
      seen.count += batch.records.length;
      seen.offset = Math.max(seen.offset, last);
    } else {
      held.set(key, {
        first: recordText(record), count: batch.records.length, offset: last, isr: p.isr, topic: p.topic, partition: p.partition,
        leader: pending.leader, timesOutAt: (request?.sentAtMs ?? world.timeMs) + requestTimeout,
      });
    }
  }
  // Held on many partitions: one summary, the per-partition sentences as details (why a HW is
  // held beyond the usual rule stays in the main list).
  const foldHeld = held.size > FOLD_ABOVE;
  const details: Sentence[] = [];
  if (foldHeld) {
    const { list, more } = placeList([...held.keys()]);
    out.push(say(more > 0 ? 'fold.ackAllHeldMore' : 'fold.ackAllHeld', { records: [...held.values()].reduce((sum, h) => sum + h.count, 0), partitions: held.size, list, more }));
  }
  for (const [key, h] of held) {
    const p = partitionOf(world, h.topic, h.partition);
    // Every ISR follower may hold the records already while the leader does not know it yet: it
    // learns what a follower has only from that follower's next fetch offset (the HW's second round).
    const unseen = p ? followersNotYetSeen(p, h.offset) : null;
    // Held by a leader that is down or cut off: no fetch reaches it, only the request's timeout ends the wait.
    const stranded = world.brokers.find((b) => b.id === h.leader)?.state !== 'running';
    const sentence = stranded
      ? sayCount('pending.ackAllStranded', h.count, { record: h.first, where: key, leader: h.leader, at: h.timesOutAt, timeout: requestTimeout })
      : unseen
      ? sayCount('pending.ackAllUnseen', unseen.length, { where: key, offset: h.offset, leader: p?.leader ?? '—', followers: unseen })
      : h.count === 1
        ? say('pending.ackAll', { record: h.first, where: key, offset: h.offset, isr: h.isr })
        : say('pending.ackAllMany', { count: h.count, where: key, offset: h.offset, isr: h.isr });
    if (foldHeld) details.push({ ...sentence, detail: true });
    else out.push(sentence);
    if (p) out.push(...heldHighWatermarkSentences(world, p));
  }
  out.push(...unansweredSentences(world));
  // A batch never sent waits in its partition's queue (core/model/world.ts): those, in the order
  // they were made, rather than every batch of the session.
  const waiting = world.producers.flatMap((producer) => producer.partitions.flatMap((state) => state.queue)).sort((a, b) => a - b);
  for (const id of waiting) {
    const batch = world.producerBatches[id];
    const record = world.produced[batch.records[0]];
    const p = partitionOf(world, batch.topic, batch.partition);
    if (batch.phase === 'waiting' && batch.attempts === 0 && p?.leader === null && record) out.push(say('pending.noLeader', { record: recordText(record), where: where(record) }));
  }
  out.push(...rebalanceWaitSentences(world));
  if (scenario.cluster.metadata === 'kraft') out.push(...uncleanWaitSentences(world));
  if (scenario.cluster.replication === 'manual') out.push(...manualSentences(world));
  return [...(out.length > 6 ? [...out.slice(0, 6), say('pending.more', { count: out.length - 6 })] : out), ...details];
}

/**
 * auto.leader.rebalance.enable: a partition led by another broker while its preferred replica
 * (first in the assignment) is back in the ISR and unfenced gets it back at the controller's next
 * balance (leaderBalance.ts): when that is, and in 2.8 the percentage it depends on.
 */
function rebalanceWaitSentences(world: World): Sentence[] {
  const config = world.settings.cluster.config;
  if (!config['auto.leader.rebalance.enable']) return [];
  const waiting = world.topics.filter((t) => !t.name.startsWith('__')).flatMap((t) => t.partitions).filter((p) => {
    const preferred = p.replicas[0];
    return p.leader !== preferred && p.isr.includes(preferred) && world.brokers.find((b) => b.id === preferred)?.fenced === false;
  });
  if (waiting.length === 0) return [];
  // The controller's next balance: the queue is scanned only when some partition waits for it.
  let next = Infinity;
  for (const q of world.queue.heap) if (q.event.type === 'leader-rebalance' && q.atMs < next) next = q.atMs;
  if (!Number.isFinite(next) || next <= world.timeMs) return [];
  const kraft = world.settings.cluster.metadata === 'kraft';
  const first = waiting[0];
  const more = waiting.length - 1;
  return [say(kraft ? 'pending.rebalance' : 'pending.rebalanceZk', {
    broker: first.replicas[0], where: where(first), at: next, remaining: next - world.timeMs,
    interval: config['leader.imbalance.check.interval.seconds'], percentage: config['leader.imbalance.per.broker.percentage'],
  }), ...(more > 0 ? [say('pending.rebalanceMore', { count: more })] : [])];
}

/**
 * When every ISR member already holds offset `last` but the leader's view of some of them (their
 * last fetch offset) is not past it: those followers, else null.
 */
function followersNotYetSeen(p: PartitionState, last: number): number[] | null {
  const followers = p.isr.filter((b) => b !== p.leader);
  const holdsIt = followers.every((b) => {
    const replica = p.replicaStates.find((r) => r.broker === b);
    return replica !== undefined && logEndOffset(replica) > last;
  });
  const unseen = followers.filter((b) => (followerView(p, b)?.logEndOffset ?? -1) <= last);
  return holdsIt && unseen.length > 0 ? unseen : null;
}

/**
 * Requests sent to a leader that was down or cut off (the producer's metadata still named it):
 * they were lost, no answer comes, and only request.timeout.ms after sending does the client give
 * up on the request and retry (NetworkClient's request timeout). One sentence per broker and partition.
 */
function unansweredSentences(world: World): Sentence[] {
  const timeout = world.settings.producer.config['request.timeout.ms'];
  const lost = new Map<string, { broker: number; where: string; first: ProducedReport; n: number; at: number }>();
  for (const request of world.producerRequests) {
    if (world.producers[request.producer]?.acks === 0) continue;
    request.batches.forEach((id, slot) => {
      const batch = world.producerBatches[id];
      const first = batch ? world.produced[batch.records[0]] : undefined;
      // A leader answers at once or holds the batch (pendingProduces): neither means it never
      // got there, and a network that heals since does not bring it back.
      if (request.results[slot] !== null || !batch || !first) return;
      if (world.pendingProduces.some((held) => held.request === request.id && held.slot === slot)) return;
      const key = `${request.broker}|${where(batch)}`;
      const seen = lost.get(key);
      if (seen) {
        seen.n += batch.records.length;
        seen.at = Math.min(seen.at, request.sentAtMs + timeout);
      } else lost.set(key, { broker: request.broker, where: where(batch), first, n: batch.records.length, at: request.sentAtMs + timeout });
    });
  }
  return [...lost.values()].map((l) => sayCount('pending.noAnswer', l.n, { broker: l.broker, where: l.where, record: recordText(l.first), at: l.at, timeout }));
}

/**
 * Why a held HW is where it is, beyond "every ISR member must fetch": a follower outside the ISR
 * that Kafka still waits for (`Partition.maybeIncrementLeaderHW`), or a HW that could rise but
 * that nothing has recomputed yet (2.8: KAFKA-13091).
 */
function heldHighWatermarkSentences(world: World, p: PartitionState): Sentence[] {
  const ctx = newContext(world);
  const out: Sentence[] = [];
  const lag = world.settings.cluster.config['replica.lag.time.max.ms'];
  const kraft = world.settings.cluster.metadata === 'kraft';
  for (const view of followersOutsideIsrHoldingHw(ctx, p)) {
    out.push(say(kraft ? 'pending.outsideIsrKraft' : 'pending.outsideIsrZk', {
      broker: view.broker, where: where(p), leo: view.logEndOffset, lag, until: view.lastCaughtUpTimeMs + lag,
    }));
  }
  const leader = leaderReplica(p);
  const candidate = highWatermarkCandidate(ctx, p);
  if (leader && candidate !== null && candidate > leader.highWatermark) {
    out.push(say(kraft ? 'pending.hwNotRecomputed' : 'pending.hwNotRecomputedZk', { where: where(p), hw: leader.highWatermark, could: candidate }));
  }
  return out;
}

/** The next `retention-check` on the clock (core/protocol/retention.ts), or null. */
function nextRetentionCheck(world: World): number | null {
  let at: number | null = null;
  for (const q of world.queue.heap) if (q.event.type === 'retention-check' && (at === null || q.atMs < at)) at = q.atMs;
  return at;
}

/**
 * Retention runs only at its checks (the first 30 s after the brokers start, then every
 * log.retention.check.interval.ms): after a check deleted segments, when the next one runs; while
 * a leader's oldest segment already qualifies (older than retention.ms, or the log over
 * retention.bytes by at least its size, and below the HW) but no check has run, when it will go.
 */
function retentionWaits(ctx: Context): Sentence[] {
  const { world } = ctx;
  const at = nextRetentionCheck(world);
  if (at === null) return [];
  const interval = world.settings.cluster.config['log.retention.check.interval.ms'];
  const params = { at, remaining: at - world.timeMs, interval };
  if (ctx.events.some((e) => e.type === 'segments-deleted')) return [say('pending.retentionNext', params)];
  for (const topic of world.topics) {
    if (topic.name === '__consumer_offsets') continue;
    for (const p of topic.partitions) {
      const leader = leaderReplica(p);
      const segments = leader?.layout.segments ?? [];
      if (!leader || segments.length < 2 || segments[1].baseOffset > leader.highWatermark) continue;
      const oldest = segments[0];
      const size = segments.reduce((sum, x) => sum + x.sizeBytes, 0);
      const retentionMs = topic.config['retention.ms'];
      const retentionBytes = topic.config['retention.bytes'];
      const byTime = retentionMs >= 0 && world.timeMs - largestTimestampMs(leader, oldest) > retentionMs;
      const bySize = retentionBytes >= 0 && size - retentionBytes >= oldest.sizeBytes;
      if (byTime || bySize) return [say('pending.retentionDue', { ...params, where: where(p), setting: byTime ? 'retention.ms' : 'retention.bytes' })];
    }
  }
  return [];
}

/**
 * Consumers that will be dropped if time runs: a stalled one leaves max.poll.interval.ms after its
 * last poll (the Java client's `maybeLeaveGroup`; a static member stops heartbeating then), and a
 * killed one stays a member until its session times out on the coordinator.
 */
function consumerWaits(world: World): Sentence[] {
  const out: Sentence[] = [];
  const latest = new Map<string, World['groups']['consumers'][number]>();
  for (const c of world.groups.consumers) latest.set(JSON.stringify([c.group, c.member]), c);
  for (const c of latest.values()) {
    if (c.process !== 'running' || !c.machine.paused || c.machine.pollTimedOut) continue;
    const interval = c.config['max.poll.interval.ms'];
    const at = c.lastPollMs + interval;
    if (at > world.timeMs) out.push(say(c.instanceId === null ? 'pending.pollTimeout' : 'pending.pollTimeoutStatic', { group: c.group, member: c.member, at, interval, remaining: at - world.timeMs }));
  }
  for (const g of world.groups.groups) {
    if (g.machine.value === 'PreparingRebalance') {
      // The coordinator's delayed join (DelayedJoin / InitialDelayedJoin) and when it fires.
      const due = world.queue.heap.find((q) => q.event.type === 'group-join-expire' && q.event.group === g.group && q.event.joinSeq === g.joinSeq);
      if (due && due.atMs > world.timeMs) {
        const params = { group: g.group, at: due.atMs, remaining: due.atMs - world.timeMs, delay: world.settings.cluster.config['group.initial.rebalance.delay.ms'] };
        out.push(say(g.initialRemainingMs !== null ? 'pending.joinInitial' : 'pending.joinRejoin', params));
      }
    }
    for (const m of g.members) {
      const killed = latest.get(JSON.stringify([g.group, m.member]));
      if (killed?.process !== 'killed' || killed.memberId !== m.memberId || m.sessionDeadlineMs === null || m.sessionDeadlineMs <= world.timeMs) continue;
      out.push(say('pending.memberExpire', { group: g.group, member: m.member, at: m.sessionDeadlineMs, timeout: m.sessionTimeoutMs, remaining: m.sessionDeadlineMs - world.timeMs }));
    }
  }
  return out;
}

/**
 * KRaft: a leaderless partition whose topic asks for unclean election while a replica outside the
 * ISR is available. 3.6's controller will not elect it; the tool would (the student's next move).
 */
function uncleanWaitSentences(world: World): Sentence[] {
  const out: Sentence[] = [];
  for (const p of allLeaderless(world)) {
    const candidate = availableReplica(world, p);
    if (candidate === undefined || !uncleanSetting(world, p.topic)) continue;
    const command = `kafka-leader-election.sh --bootstrap-server localhost:9092 --election-type unclean --topic ${p.topic} --partition ${p.partition}`;
    out.push(say('pending.uncleanIgnored', { where: where(p), candidate, isr: p.isr, command }));
  }
  return out;
}

function allLeaderless(world: World): PartitionState[] {
  return world.topics.flatMap((t) => t.partitions.filter((p) => p.leader === null));
}

/** Manual replication: followers behind their leader fetch only when told (the student's next move). */
function manualSentences(world: World): Sentence[] {
  /** Followers lacking records, and those that have them all but not the leader's HW yet. */
  const behind = new Set<number>();
  const hwOnly = new Set<number>();
  for (const topic of world.topics) {
    if (topic.name.startsWith('__')) continue;
    for (const p of topic.partitions) {
      const leader = leaderReplica(p);
      if (!leader) continue;
      for (const r of p.replicaStates) {
        const running = world.brokers.find((b) => b.id === r.broker)?.state === 'running';
        if (r === leader || !running) continue;
        if (logEndOffset(r) < logEndOffset(leader)) behind.add(r.broker);
        else if (r.highWatermark < leader.highWatermark) hwOnly.add(r.broker);
      }
    }
  }
  for (const b of behind) hwOnly.delete(b);
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return [
    ...(behind.size === 0 ? [] : [sayCount('pending.manualFetch', behind.size, { followers: sorted(behind) })]),
    ...(hwOnly.size === 0 ? [] : [sayCount('pending.manualHw', hwOnly.size, { followers: sorted(hwOnly) })]),
  ];
}

// ---------------------------------------------------------------------------------------------

export function narrate(input: NarrationInput): Sentence[] {
  const { scenario, position, events, world } = input;
  if (position === 0 && events.length === 0) return initialSentences(scenario, world);
  const step = scenario.steps[position - 1] ?? null;
  const ctx: Context = { scenario, step, world, events, partial: input.partial };
  const out: Sentence[] = step && !input.partial ? stepSentences(step, world, events, position) : [];
  if (input.partial && events.length === 0) out.push(say('partial.start'));
  // Fetches that found nothing new are folded into one sentence when there are more than two
  // (a run with consumer groups touches every __consumer_offsets partition).
  const groups = groupEvents(events);
  const idle = groups.filter(isIdleFetch);
  const folded = new Set(idle.length > 2 ? idle : []);
  const wide = widelyTouchedKinds(groups.filter((g) => !folded.has(g)));
  const details: Sentence[] = [];
  const summarised = new Set<FoldKind>();
  let idleSaid = false;
  for (const group of groups) {
    if (folded.has(group)) {
      if (!idleSaid) out.push(idleFetchSentence(idle));
      idleSaid = true;
      continue;
    }
    const kind = foldKind(group);
    if (kind !== null && wide.has(kind)) {
      if (!summarised.has(kind)) out.push(foldSentence(ctx, kind, groups.filter((g) => !folded.has(g) && foldKind(g) === kind)));
      summarised.add(kind);
      details.push(...sentenceForGroup(ctx, group).map((sentence) => ({ ...sentence, detail: true as const })));
    } else out.push(...sentenceForGroup(ctx, group));
  }
  out.push(...pendingSentences(ctx));
  const same = foldSamePlaces(out);
  return [...same.main, ...details, ...same.details];
}

/**
 * The same sentence on several partitions, word for word but for the partition (a broker with 25
 * __consumer_offsets partitions on it fails: 25 × "has no leader", then 25 × "became leader";
 * two topics wait for the same follower): the first is said, then one short sentence names the
 * others; theirs are kept as details.
 */
function foldSamePlaces(sentences: readonly Sentence[]): { main: Sentence[]; details: Sentence[] } {
  const signature = (sentence: Sentence) => {
    const { where: place, ...rest } = sentence.params;
    return place === undefined ? null : `${sentence.key} ${JSON.stringify(rest)}`;
  };
  const places = new Map<string, string[]>();
  for (const sentence of sentences) {
    const sig = signature(sentence);
    if (sig === null) continue;
    const list = places.get(sig);
    if (list) list.push(String(sentence.params.where));
    else places.set(sig, [String(sentence.params.where)]);
  }
  const main: Sentence[] = [];
  const details: Sentence[] = [];
  const said = new Set<string>();
  for (const sentence of sentences) {
    const sig = signature(sentence);
    const all = sig === null ? [] : [...new Set(places.get(sig))];
    if (sig === null || all.length === 1) {
      main.push(sentence);
    } else if (!said.has(sig)) {
      said.add(sig);
      const { list, more } = placeList(all.slice(1));
      const key = all.length === 2 ? 'fold.sameOne' : more > 0 ? 'fold.sameMore' : 'fold.same';
      main.push(sentence, say(key, { count: all.length - 1, list, more }));
    } else {
      details.push({ ...sentence, detail: true });
    }
  }
  return { main, details };
}

// ---------------------------------------------------------------------------------------------
// A step that touches many partitions (a 200 ms run on 30 partitions makes ~80 sentences): the
// routine kinds (appends, copies, HW rises, acknowledgements) are summed up in one sentence each,
// their per-partition sentences kept as details. Everything unusual (ISR changes, elections,
// truncation, errors, anomalies) stays in the main list, one sentence per place.

/** More partitions than this with the same routine kind in one step: one summary sentence. */
export const FOLD_ABOVE = 4;

type FoldKind = 'append' | 'fetch' | 'hw' | 'acked';

function foldKind(group: Group): FoldKind | null {
  const e = group.events[0];
  switch (e.type) {
    case 'append':
      return 'append';
    case 'fetch-request':
    case 'fetch-response':
      return e.type === 'fetch-response' && e.dropped ? null : 'fetch';
    case 'high-watermark':
      return 'hw';
    case 'produce-response':
      return e.acked ? 'acked' : null;
    default:
      return null;
  }
}

function widelyTouchedKinds(groups: readonly Group[]): Set<FoldKind> {
  const places = new Map<FoldKind, Set<string>>();
  for (const group of groups) {
    const kind = foldKind(group);
    if (kind === null) continue;
    const e = group.events[0] as { topic: string; partition: number };
    const set = places.get(kind) ?? new Set<string>();
    set.add(where(e));
    places.set(kind, set);
  }
  return new Set([...places].filter(([, set]) => set.size > FOLD_ABOVE).map(([kind]) => kind));
}

/** The first few places named ("events-3 → 4" for HW rises), the rest counted. */
function placeList(items: readonly string[]): { list: string; more: number } {
  const unique = [...new Set(items)];
  const shown = unique.slice(0, 4);
  return { list: shown.join(', '), more: unique.length - shown.length };
}

function foldSentence(ctx: Context, kind: FoldKind, groups: readonly Group[]): Sentence {
  const events = groups.flatMap((g) => g.events);
  const partitions = new Set(events.map((e) => where(e as { topic: string; partition: number }))).size;
  switch (kind) {
    case 'append': {
      const appends = events.filter((e): e is Extract<SimEvent, { type: 'append' }> => e.type === 'append');
      const { list, more } = placeList(appends.map(where));
      return say(more > 0 ? 'fold.appendMore' : 'fold.append', { records: appends.length, partitions, list, more });
    }
    case 'fetch': {
      const responses = events.filter((e): e is Extract<SimEvent, { type: 'fetch-response' }> => e.type === 'fetch-response');
      const followers = [...new Set(events.map((e) => (e as { follower: number }).follower))].sort((a, b) => a - b);
      const { list, more } = placeList(groups.map((g) => where(g.events[0] as { topic: string; partition: number })));
      return say(more > 0 ? 'fold.fetchMore' : 'fold.fetch', { records: responses.reduce((sum, r) => sum + r.records, 0), partitions, followers, list, more });
    }
    case 'hw': {
      const rises = groups.map((g) => {
        const moves = of(g, 'high-watermark');
        return `${where(moves[0])} → ${moves[moves.length - 1].to}`;
      });
      const { list, more } = placeList(rises);
      return say(more > 0 ? 'fold.hwMore' : 'fold.hw', { partitions, list, more });
    }
    case 'acked': {
      const responses = events.filter((e): e is Extract<SimEvent, { type: 'produce-response' }> => e.type === 'produce-response');
      const acks = ctx.world.produced[responses[0].produced]?.acks ?? ctx.scenario.producer.acks;
      return say(`fold.acked.${acks}`, { records: responses.length, partitions });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Errors: what each means here and what to do

/** Error names with an explanation in the catalog (`errors.<NAME>`); others get `errors.other`. */
export const EXPLAINED_ERRORS = [
  'NODE_EXISTS', 'NOT_ENOUGH_REPLICAS', 'NOT_ENOUGH_REPLICAS_AFTER_APPEND', 'NETWORK_EXCEPTION',
  'REQUEST_TIMED_OUT', 'NOT_LEADER_OR_FOLLOWER', 'FENCED_LEADER_EPOCH', 'OFFSET_OUT_OF_RANGE',
  'OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_TOPIC_OR_PARTITION', 'COORDINATOR_NOT_AVAILABLE',
  'NOT_COORDINATOR', 'INVALID_GROUP_ID', 'MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE',
  'DUPLICATE_BROKER_REGISTRATION', 'UNKNOWN_MEMBER_ID', 'ILLEGAL_GENERATION', 'REBALANCE_IN_PROGRESS',
] as const;

export interface ErrorPlace {
  broker?: number;
  topic?: string;
  partition?: number;
}

/**
 * One sentence on what `error` means here and what to do, with numbers from the world (for
 * NODE_EXISTS: how long until the old session expires). Works with any world of the scenario
 * (the step list explains a past step's error with the current world's settings).
 */
export function errorSentence(error: string, world: World, place: ErrorPlace = {}): Sentence {
  const known = (EXPLAINED_ERRORS as readonly string[]).includes(error);
  const config = world.settings.cluster.config;
  const topicConfig = place.topic ? world.topics.find((t) => t.name === place.topic)?.config : undefined;
  const params: Record<string, Param> = {
    error,
    broker: place.broker ?? '—',
    where: place.topic !== undefined ? `${place.topic}-${place.partition ?? 0}` : '—',
    timeout: config.sessionTimeoutMs,
    minIsr: topicConfig?.['min.insync.replicas'] ?? config['min.insync.replicas'],
    requestTimeout: world.settings.producer.config['request.timeout.ms'],
    deliveryTimeout: world.settings.producer.config['delivery.timeout.ms'],
  };
  if (error === 'NODE_EXISTS' && place.broker !== undefined) {
    const state = world.brokers.find((b) => b.id === place.broker);
    if (state && !state.fenced && state.lostContactAtMs !== null) {
      const remaining = state.lostContactAtMs + config.sessionTimeoutMs - world.timeMs;
      return say('errors.NODE_EXISTS_wait', { ...params, remaining, at: state.lostContactAtMs + config.sessionTimeoutMs });
    }
  }
  return say(known ? `errors.${error}` : 'errors.other', params);
}
