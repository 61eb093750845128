/**
 * The Java consumer (3.6 `KafkaConsumer`, `ConsumerCoordinator`, `Fetcher`; 2.8 alike for what is
 * modelled), one per `subscribe` step (docs/scenario-format.md, "Steps", "Groups", "Timing").
 *
 * - Fetching: from each assigned partition's leader (up and reachable, leading in the current
 *   epoch), records from the position up to the leader's HW, never at or above it (a consumer's
 *   fetch is bounded by the HW: `FetchIsolation.HIGH_WATERMARK`), at most `max.poll.records` per
 *   poll, partitions in assignment order. A position without a committed offset resets by
 *   `auto.offset.reset` (earliest: the log start offset; latest: the HW, as ListOffsets answers a
 *   read_uncommitted consumer); a position below the log start offset or past the LEO is answered
 *   OFFSET_OUT_OF_RANGE and resets the same way (`none`: the partition is not fetched).
 * - In `auto` replication the consumer polls on its own: one fetch in flight, answered at once
 *   when records below the HW wait for it, otherwise held by the leaders until one of its
 *   partitions' HW passes its position or `fetch.max.wait.ms` passes. In `manual` replication it
 *   polls only on `poll` steps (and `resume`).
 * - Auto commit (`enable.auto.commit`): inside poll, when `auto.commit.interval.ms` has passed
 *   since the last (`maybeAutoCommitOffsetsAsync`), it commits the positions, i.e. what earlier
 *   polls returned; and before it revokes partitions in a rebalance (`onJoinPrepare`) and when
 *   it leaves (`close`).
 * - Heartbeats go every `heartbeat.interval.ms` from the member's last join; a member hears of a
 *   rebalance at its next heartbeat and rejoins then (a paused member only when it polls again).
 *   Eager assignors (range, roundrobin, sticky) revoke every partition before rejoining;
 *   cooperative-sticky keeps them and revokes only what the new assignment takes away, then
 *   rejoins at once (KIP-429's second rebalance).
 * - `kill`: no more polls or heartbeats; the coordinator expires it `session.timeout.ms` after
 *   its last heartbeat. `pause`: no polls; heartbeats go on until `max.poll.interval.ms` passes
 *   since the last poll: a dynamic member then sends LeaveGroup (`maybeLeaveGroup`), a static one
 *   stops heartbeating. `leave`: close (auto commit, then LeaveGroup; a static member sends none).
 */
import type { ConsumerState, GroupState, GroupTimedEvent, PolledRecord } from '../../model/groups';
import type { GroupStep, SubscribeStep } from '../../model/scenario';
import type { LogRecord, PartitionState, ReplicaState } from '../../model/world';
import { logEndOffset, recordAt } from '../../model/world';
import { findTopic, layoutConfig, leaderReplica, type SimContext } from '../../simContext';
import { schedule } from '../../time/eventQueue';
import { advanceMember, initialMemberMachine, type MemberEvent } from '../../machines/groupMachine';
import { appendBatch } from '../logLayout';
import { updateHighWatermark } from '../highWatermark';
import { isServingLeader } from '../roles';
import { recordAppended } from '../replicationSession';
import { parseTopicPartition } from './topicPartition';
import type { GroupNotice, GroupNoticeSink } from './groupNotices';
import {
  coordinatorFor, expireSessionAt, findGroup, heartbeatResumed, joinGroup, onJoinExpire, onSessionExpire, removeFromGroup,
  syncCoordinator, validateCommit, type GroupError,
} from './groupCoordinator';
import { coordinatorPartitionState, OFFSETS_TOPIC, offsetCommitBatchSize, servingCoordinator } from './offsetsTopic';

function currentStep(ctx: SimContext): number {
  return ctx.world.stepsApplied;
}

function stepError(ctx: SimContext, error: string, message: string): void {
  ctx.world.stepErrors.push({ step: currentStep(ctx), error, message });
}

export function findConsumer(ctx: SimContext, group: string, member: string): ConsumerState | undefined {
  // The latest process of that name (an earlier one may have left or died).
  for (let i = ctx.world.groups.consumers.length - 1; i >= 0; i--) {
    const c = ctx.world.groups.consumers[i];
    if (c.group === group && c.member === member) return c;
  }
  return undefined;
}

function consumerByMemberId(ctx: SimContext, group: string, memberId: string): ConsumerState | undefined {
  return ctx.world.groups.consumers.find((c) => c.group === group && c.memberId === memberId && c.process === 'running');
}

function isAuto(ctx: SimContext): boolean {
  return ctx.world.settings.cluster.replication === 'auto';
}

function move(c: ConsumerState, event: MemberEvent): void {
  c.machine = advanceMember(c.machine, event);
}

function heartbeatMs(c: ConsumerState): number {
  return Math.max(1, c.config['heartbeat.interval.ms']);
}

function lastHeartbeat(c: ConsumerState, now: number): number {
  const hb = heartbeatMs(c);
  return c.heartbeatBaseMs + Math.floor(Math.max(0, now - c.heartbeatBaseMs) / hb) * hb;
}

function nextHeartbeat(c: ConsumerState, now: number): number {
  return lastHeartbeat(c, now) + heartbeatMs(c);
}

// ---------------------------------------------------------------------------------------------
// Reading from leaders

function partitionOf(ctx: SimContext, tp: string): PartitionState | undefined {
  const { topic, partition } = parseTopicPartition(tp);
  return findTopic(ctx.world, topic)?.partitions[partition];
}

export function servingLeader(ctx: SimContext, p: PartitionState): ReplicaState | undefined {
  return isServingLeader(ctx, p) ? leaderReplica(p) : undefined;
}

/** `auto.offset.reset`: where a position without a valid offset goes; null for `none`. */
function resetPosition(c: ConsumerState, leader: ReplicaState): number | null {
  switch (c.config['auto.offset.reset']) {
    case 'earliest':
      return leader.logStartOffset;
    case 'latest':
      return leader.highWatermark;
    default:
      return null;
  }
}

/** The position to fetch `tp` from: known, else the committed offset (OffsetFetch), else reset. */
function resolvePosition(ctx: SimContext, c: ConsumerState, tp: string, leader: ReplicaState): number | null {
  let position: number | null | undefined = c.positions[tp];
  if (position === undefined) {
    if (!canFetchCommitted(ctx, c, tp)) return null;
    position = findGroup(ctx, c.group)?.committed[tp] ?? resetPosition(c, leader);
  }
  if (position !== null && (position < leader.logStartOffset || position > logEndOffset(leader))) {
    // The leader answers OFFSET_OUT_OF_RANGE (`UnifiedLog.read` → `checkLogStartOffset`); the
    // consumer resets by `auto.offset.reset` (`Fetcher`'s `handleOffsetOutOfRange`).
    const from = position;
    position = resetPosition(c, leader);
    const { topic, partition } = parseTopicPartition(tp);
    ctx.events.push({
      type: 'offset-reset', atMs: ctx.world.timeMs, group: c.group, member: c.member, topic, partition,
      from, to: position, logStartOffset: leader.logStartOffset, policy: c.config['auto.offset.reset'],
    });
  }
  if (position === null) delete c.positions[tp];
  else c.positions[tp] = position;
  return position;
}

/**
 * OffsetFetch needs the coordinator; and the member's own synchronous commit (before a rebalance,
 * or a `commit`) must have completed first, since `commitSync` returns only then.
 */
function canFetchCommitted(ctx: SimContext, c: ConsumerState, tp: string): boolean {
  const g = findGroup(ctx, c.group);
  return !!g && servingCoordinator(ctx, c.group) !== null && !g.pendingCommits.some((pending) => pending.topicPartition === tp);
}

function hasFetchable(ctx: SimContext, c: ConsumerState): boolean {
  return c.assignment.some((tp) => {
    const p = partitionOf(ctx, tp);
    const leader = p && servingLeader(ctx, p);
    if (!leader) return false;
    const position = c.positions[tp];
    if (position === undefined) return canFetchCommitted(ctx, c, tp) && (findGroup(ctx, c.group)?.committed[tp] !== undefined || c.config['auto.offset.reset'] !== 'none');
    return position < leader.highWatermark || position > logEndOffset(leader) || position < leader.logStartOffset;
  });
}

/** What a held fetch waits on: each assigned partition's leader, HW and log bounds, and the commits pending. */
function fetchSignature(ctx: SimContext, c: ConsumerState): string {
  const parts = c.assignment.map((tp) => {
    const p = partitionOf(ctx, tp);
    const leader = p && servingLeader(ctx, p);
    return leader ? `${p.leader}:${leader.highWatermark}:${leader.logStartOffset}:${logEndOffset(leader)}` : '-';
  });
  const g = findGroup(ctx, c.group);
  return `${parts.join(',')}|${g?.pendingCommits.length ?? 0}|${servingCoordinator(ctx, c.group)}`;
}

function canPoll(c: ConsumerState): boolean {
  return c.process === 'running' && !c.machine.paused;
}

/** One `poll()`: auto commit if due, then records below the HW. Returns what it got. */
function doPoll(ctx: SimContext, c: ConsumerState, maxRecords: number): PolledRecord[] {
  const now = ctx.world.timeMs;
  c.lastPollMs = now;
  if (c.config['enable.auto.commit'] && now >= c.nextAutoCommitMs && c.machine.value === 'stable') {
    c.nextAutoCommitMs = now + c.config['auto.commit.interval.ms'];
    commitPositions(ctx, c);
  }
  const records: PolledRecord[] = [];
  if (c.machine.value !== 'stable') return records;
  for (const tp of c.assignment) {
    if (records.length >= maxRecords) break;
    const p = partitionOf(ctx, tp);
    const leader = p && servingLeader(ctx, p);
    if (!p || !leader) continue;
    const position = resolvePosition(ctx, c, tp, leader);
    if (position === null) continue;
    let offset = position;
    while (offset < leader.highWatermark && records.length < maxRecords) {
      const record = recordAt(leader, offset);
      if (!record) break;
      records.push({ topic: p.topic, partition: p.partition, offset, key: record.key, value: record.value, producedStep: record.step, producedIndex: record.index });
      offset += 1;
    }
    c.positions[tp] = offset;
  }
  return records;
}

function recordPolled(ctx: SimContext, c: ConsumerState, records: PolledRecord[], always: boolean): void {
  if (records.length === 0 && !always) return;
  ctx.world.groups.polled.push({ step: currentStep(ctx), group: c.group, member: c.member, records });
  ctx.events.push({ type: 'consumer-poll', atMs: ctx.world.timeMs, group: c.group, member: c.member, records: records.length });
}

/** `auto` replication: the next poll of the consumer's own loop, now. */
function pollNow(ctx: SimContext, c: ConsumerState): void {
  c.pollSeq += 1;
  c.fetchHeldSinceMs = null;
  if (!isAuto(ctx) || !canPoll(c) || c.machine.value !== 'stable') return;
  schedule(ctx.world.queue, ctx.world.timeMs, { type: 'consumer-poll', group: c.group, member: c.member, pollSeq: c.pollSeq });
}

function onPollEvent(ctx: SimContext, c: ConsumerState): void {
  if (!isAuto(ctx) || !canPoll(c) || c.machine.value !== 'stable') return;
  const records = doPoll(ctx, c, c.config['max.poll.records']);
  recordPolled(ctx, c, records, false);
  c.pollSeq += 1;
  if (records.length > 0) {
    schedule(ctx.world.queue, ctx.world.timeMs, { type: 'consumer-poll', group: c.group, member: c.member, pollSeq: c.pollSeq });
  } else {
    c.fetchHeldSinceMs = ctx.world.timeMs;
    c.heldSignature = fetchSignature(ctx, c);
    schedule(ctx.world.queue, ctx.world.timeMs + c.config['fetch.max.wait.ms'], { type: 'consumer-poll', group: c.group, member: c.member, pollSeq: c.pollSeq });
  }
}

// ---------------------------------------------------------------------------------------------
// Commits

/**
 * Appends one offset-commit record to the group's `__consumer_offsets` partition; `offset` null
 * is the tombstone `GroupMetadataManager.cleanupGroupMetadata` writes when a group is deleted.
 */
export function appendCommitRecord(ctx: SimContext, p: PartitionState, leader: ReplicaState, group: string, tp: string, offset: number | null): LogRecord {
  const { topic, partition } = parseTopicPartition(tp);
  const index = ctx.world.groups.nextCommitIndex++;
  const offsetAt = logEndOffset(leader);
  const record: LogRecord = {
    offset: offsetAt, baseOffset: offsetAt, lastOffset: offsetAt, leaderEpoch: p.leaderEpoch, step: currentStep(ctx), index,
    key: `[${group},${topic},${partition}]`, value: offset === null ? '' : `offset=${offset} commitTimestamp=${ctx.world.timeMs}`,
    sizeBytes: offsetCommitBatchSize(group, topic, offset === null), maxTimestampMs: ctx.world.timeMs, timestampMs: ctx.world.timeMs,
    offsetCommit: { group, topic, partition, offset: offset ?? -1 },
  };
  appendBatch(leader.layout, record.offset, record.sizeBytes, layoutConfig(ctx.world, p.topic));
  leader.log.push(record);
  ctx.events.push({
    type: 'append', atMs: ctx.world.timeMs, topic: p.topic, partition: p.partition, broker: leader.broker,
    offset: record.offset, leaderEpoch: record.leaderEpoch, step: record.step, index,
  });
  recordAppended(ctx, p);
  return record;
}

/** Who sends an OffsetCommit: a group member, or a client outside the group (generation -1, no member id). */
export interface OffsetCommitter {
  group: string;
  /** The name narration uses (the member's client.id, or the tool's). */
  member: string;
  memberId: string | null;
  generation: number;
  storage: 'kafka' | 'zookeeper';
}

/** OffsetCommit of `offsets`; returns the error, or null when the coordinator took it. */
export function commitOffsets(ctx: SimContext, who: OffsetCommitter, offsets: Record<string, number>, announce = true): GroupError | null {
  // A commit outside the group (generation -1) creates an unknown group, as `handleCommitOffsets`
  // does for groups that only use Kafka to store offsets.
  const found = coordinatorFor(ctx, who.group, who.generation < 0);
  if (typeof found === 'string') return found;
  const g = found;
  const error = validateCommit(g, who.memberId, who.generation);
  const storage = who.storage;
  if (announce) ctx.events.push({ type: 'offset-commit', atMs: ctx.world.timeMs, group: who.group, member: who.member, offsets: { ...offsets }, storage, error });
  if (error) return error;
  if (storage === 'zookeeper') {
    // The pre-0.9 consumer wrote /consumers/<group>/offsets/<topic>/<partition> itself; 2.8's
    // kafka-consumer-groups.sh reads only __consumer_offsets, so the group remembers which.
    Object.assign(g.committed, offsets);
    g.zookeeperOffsets = [...new Set([...(g.zookeeperOffsets ?? []), ...Object.keys(offsets)])];
    return null;
  }
  const p = coordinatorPartitionState(ctx, who.group);
  const leader = p && servingLeader(ctx, p);
  if (!p || !leader || p.leader === null) return 'COORDINATOR_NOT_AVAILABLE';
  for (const [tp, offset] of Object.entries(offsets)) {
    const record = appendCommitRecord(ctx, p, leader, who.group, tp, offset);
    g.pendingCommits.push({ topicPartition: tp, offset, recordOffset: record.offset, leader: p.leader });
  }
  updateHighWatermark(ctx, p);
  completeCommits(ctx, g);
  return null;
}

/** The commit's records are replicated (the HW passed them): the coordinator's cache takes them. */
function completeCommits(ctx: SimContext, g: GroupState): void {
  if (g.pendingCommits.length === 0) return;
  const p = coordinatorPartitionState(ctx, g.group);
  const leader = p && leaderReplica(p);
  if (!p || !leader) return;
  const waiting = [];
  for (const pending of g.pendingCommits) {
    if (pending.leader === p.leader && leader.highWatermark > pending.recordOffset) {
      g.committed[pending.topicPartition] = pending.offset;
      if (g.zookeeperOffsets) g.zookeeperOffsets = g.zookeeperOffsets.filter((tp) => tp !== pending.topicPartition);
    } else waiting.push(pending);
  }
  g.pendingCommits = waiting;
}

function commitPositions(ctx: SimContext, c: ConsumerState): GroupError | null {
  const offsets: Record<string, number> = {};
  for (const tp of c.assignment) if (c.positions[tp] !== undefined) offsets[tp] = c.positions[tp];
  if (Object.keys(offsets).length === 0) return null;
  return commitOffsets(ctx, { group: c.group, member: c.member, memberId: c.memberId, generation: c.generation, storage: c.config['offsets.storage'] }, offsets);
}

// ---------------------------------------------------------------------------------------------
// Membership

function joinRequest(c: ConsumerState) {
  const cooperative = c.assignor === 'cooperative-sticky';
  const keepsOwned = cooperative || c.assignor === 'sticky';
  return {
    memberId: c.memberId, member: c.member, instanceId: c.instanceId, topics: c.topics, assignor: c.assignor,
    rebalanceTimeoutMs: c.config['max.poll.interval.ms'], sessionTimeoutMs: c.config['session.timeout.ms'],
    // Eager sticky sends its previous assignment in its user data (it has revoked it by now).
    owned: keepsOwned ? (cooperative ? c.assignment : c.previousAssignment).filter((tp) => c.topics.includes(parseTopicPartition(tp).topic)) : [],
    ownedGeneration: keepsOwned ? c.generation : -1,
  };
}

/** `onJoinPrepare`: an eager member commits (auto commit) and revokes everything before JoinGroup. */
function prepareJoin(ctx: SimContext, c: ConsumerState): void {
  if (c.assignor === 'cooperative-sticky' || c.assignment.length === 0) return;
  if (c.config['enable.auto.commit'] && c.memberId !== null) commitPositions(ctx, c);
  c.assignment = [];
  c.positions = {};
}

/** Sends JoinGroup if the member machine says it is joining. */
function sendJoin(ctx: SimContext, c: ConsumerState, sink: GroupNoticeSink): void {
  if (c.process !== 'running' || c.machine.value !== 'joining') return;
  const found = coordinatorFor(ctx, c.group, true);
  if (typeof found === 'string') return; // retried when a coordinator loads the group
  const g = found;
  if (c.memberId !== null && !g.members.some((m) => m.memberId === c.memberId)) c.memberId = null; // UNKNOWN_MEMBER_ID: start over
  prepareJoin(ctx, c);
  const result = joinGroup(ctx, g, joinRequest(c), sink);
  if ('error' in result) {
    if (c.memberId === null) stepError(ctx, result.error, `${c.member} cannot join group "${c.group}": ${result.error}`);
    move(c, { type: 'KILL' });
    c.process = 'closed';
    return;
  }
  c.memberId = result.memberId;
}

function stopHeartbeats(ctx: SimContext, c: ConsumerState): void {
  const g = findGroup(ctx, c.group);
  if (g && c.memberId !== null) expireSessionAt(ctx, g, c.memberId, lastHeartbeat(c, ctx.world.timeMs));
}

/** Delivers the coordinator's notices to the members they concern, until none is left. */
function deliver(ctx: SimContext, sink: GroupNoticeSink): void {
  for (let i = 0; i < sink.length; i++) {
    const notice: GroupNotice = sink[i];
    const c = consumerByMemberId(ctx, notice.group, notice.memberId);
    if (!c) continue;
    switch (notice.kind) {
      case 'rebalance': {
        c.rejoinSeq += 1;
        schedule(ctx.world.queue, nextHeartbeat(c, ctx.world.timeMs), { type: 'consumer-rejoin', group: c.group, member: c.member, rejoinSeq: c.rejoinSeq });
        break;
      }
      case 'assigned': {
        if (c.machine.value !== 'joining') break; // a member that has not rejoined learns it when it does
        const kept = new Set(notice.assignment);
        for (const tp of Object.keys(c.positions)) if (!kept.has(tp)) delete c.positions[tp];
        c.assignment = [...notice.assignment];
        c.previousAssignment = [...notice.assignment];
        c.generation = notice.generation;
        c.heartbeatBaseMs = ctx.world.timeMs;
        move(c, { type: 'ASSIGNED' });
        ctx.events.push({ type: 'group-assignment', atMs: ctx.world.timeMs, group: c.group, member: c.member, generation: c.generation, assignment: [...c.assignment], revoked: notice.revoked });
        if (notice.revoked.length > 0) {
          // KIP-429: revoked partitions mean another rebalance, at once.
          move(c, { type: 'REBALANCE' });
          sendJoin(ctx, c, sink);
        } else pollNow(ctx, c);
        break;
      }
      case 'removed': {
        if (c.instanceId === null) {
          c.memberId = null;
          c.generation = -1;
        }
        c.assignment = [];
        c.positions = {};
        move(c, { type: 'REMOVED' });
        sendJoin(ctx, c, sink);
        break;
      }
      case 'fenced': {
        move(c, { type: 'KILL' });
        c.process = 'closed';
        break;
      }
      case 'coordinator-loaded': {
        if (c.machine.value === 'joining') sendJoin(ctx, c, sink);
        break;
      }
    }
  }
  sink.length = 0;
}

function armPollTimer(ctx: SimContext, c: ConsumerState): void {
  if (c.pollTimerAtMs !== null) return;
  c.pollTimerAtMs = c.lastPollMs + c.config['max.poll.interval.ms'];
  schedule(ctx.world.queue, c.pollTimerAtMs, { type: 'consumer-poll-timeout', group: c.group, member: c.member });
}

function onPollTimeout(ctx: SimContext, c: ConsumerState, sink: GroupNoticeSink): void {
  c.pollTimerAtMs = null;
  if (c.process !== 'running' || c.machine.pollTimedOut) return;
  const pollsOnItsOwn = isAuto(ctx) && !c.machine.paused;
  if (pollsOnItsOwn) return;
  const due = c.lastPollMs + c.config['max.poll.interval.ms'];
  if (ctx.world.timeMs < due) {
    armPollTimer(ctx, c);
    return;
  }
  move(c, { type: 'POLL_TIMEOUT' });
  const g = findGroup(ctx, c.group);
  if (c.instanceId !== null) {
    stopHeartbeats(ctx, c);
    return;
  }
  // `maybeLeaveGroup`: LeaveGroup, then the member forgets its id and partitions.
  if (g && c.memberId !== null && servingCoordinator(ctx, c.group) !== null) removeFromGroup(ctx, g, c.memberId, 'poll-timeout', sink);
  c.memberId = null;
  c.generation = -1;
  c.assignment = [];
  c.positions = {};
}

// ---------------------------------------------------------------------------------------------
// Steps

function subscribe(ctx: SimContext, step: SubscribeStep, sink: GroupNoticeSink): void {
  const now = ctx.world.timeMs;
  const c: ConsumerState = {
    group: step.group, member: step.member, memberId: null, instanceId: step.instanceId, topics: [...step.topics],
    assignor: step.assignor, config: { ...step.config }, machine: initialMemberMachine(step.instanceId !== null),
    generation: -1, assignment: [], previousAssignment: [], positions: {}, lastPollMs: now,
    nextAutoCommitMs: now + step.config['auto.commit.interval.ms'], heartbeatBaseMs: now,
    pollSeq: 0, rejoinSeq: 0, pollTimerAtMs: null, fetchHeldSinceMs: null, heldSignature: null, process: 'running',
  };
  const found = coordinatorFor(ctx, step.group, true);
  if (typeof found === 'string') {
    stepError(ctx, found, found === 'INVALID_GROUP_ID'
      ? 'the group id is empty: JoinGroup refuses it'
      : `no coordinator for group "${step.group}": ${OFFSETS_TOPIC} has no serving leader for its partition (or cannot be created with offsets.topic.replication.factor ${ctx.world.settings.cluster.config['offsets.topic.replication.factor']})`);
    if (found === 'INVALID_GROUP_ID') {
      c.process = 'closed';
      c.machine = advanceMember(c.machine, { type: 'KILL' });
    }
  }
  ctx.world.groups.consumers.push(c);
  if (c.process !== 'running') return;
  move(c, { type: 'JOIN' });
  if (typeof found !== 'string') sendJoin(ctx, c, sink);
  if (!isAuto(ctx)) armPollTimer(ctx, c);
}

function leave(ctx: SimContext, c: ConsumerState, sink: GroupNoticeSink): void {
  if (c.config['enable.auto.commit'] && c.machine.value === 'stable') commitPositions(ctx, c);
  const g = findGroup(ctx, c.group);
  if (c.instanceId === null) {
    if (g && c.memberId !== null && servingCoordinator(ctx, c.group) !== null) removeFromGroup(ctx, g, c.memberId, 'left', sink);
  } else stopHeartbeats(ctx, c);
  move(c, { type: 'LEAVE' });
  c.process = 'closed';
  c.assignment = [];
}

function kill(ctx: SimContext, c: ConsumerState): void {
  stopHeartbeats(ctx, c);
  move(c, { type: 'KILL' });
  c.process = 'killed';
}

function resume(ctx: SimContext, c: ConsumerState, sink: GroupNoticeSink): void {
  const wasTimedOut = c.machine.pollTimedOut;
  move(c, { type: 'RESUME' });
  c.lastPollMs = ctx.world.timeMs;
  const g = findGroup(ctx, c.group);
  if (wasTimedOut && c.instanceId !== null && g && c.memberId !== null) {
    if (g.members.some((m) => m.memberId === c.memberId)) heartbeatResumed(g, c.memberId);
    else {
      move(c, { type: 'REMOVED' });
      c.assignment = [];
    }
  }
  if (c.machine.value === 'unjoined') move(c, { type: 'JOIN' });
  sendJoin(ctx, c, sink);
  const records = doPoll(ctx, c, c.config['max.poll.records']);
  recordPolled(ctx, c, records, !isAuto(ctx));
  if (isAuto(ctx)) pollNow(ctx, c);
  else armPollTimer(ctx, c);
}

function poll(ctx: SimContext, c: ConsumerState, maxRecords: number | null, sink: GroupNoticeSink): void {
  if (c.machine.paused) return;
  if (c.machine.value === 'unjoined' && c.machine.rejoinPending) {
    move(c, { type: 'JOIN' });
    sendJoin(ctx, c, sink);
  }
  const records = doPoll(ctx, c, Math.min(maxRecords ?? c.config['max.poll.records'], c.config['max.poll.records']));
  recordPolled(ctx, c, records, true);
  if (!isAuto(ctx)) armPollTimer(ctx, c);
}

/** A group step (docs/scenario-format.md, "Steps"). */
export function groupStep(ctx: SimContext, step: GroupStep): void {
  const sink: GroupNoticeSink = [];
  if (step.op === 'subscribe') {
    subscribe(ctx, step, sink);
  } else {
    const c = findConsumer(ctx, step.group, step.member);
    if (step.group === '') stepError(ctx, 'INVALID_GROUP_ID', 'the group id is empty');
    else if (c && c.process === 'running') {
      switch (step.op) {
        case 'leave':
          leave(ctx, c, sink);
          break;
        case 'kill':
          kill(ctx, c);
          break;
        case 'pause':
          move(c, { type: 'PAUSE' });
          c.pollSeq += 1;
          c.fetchHeldSinceMs = null;
          armPollTimer(ctx, c);
          break;
        case 'resume':
          resume(ctx, c, sink);
          break;
        case 'poll':
          poll(ctx, c, step.maxRecords, sink);
          break;
        case 'commit': {
          const error = commitPositions(ctx, c);
          if (error) stepError(ctx, error, `${c.member}'s commit to group "${c.group}" failed: ${error}`);
          break;
        }
      }
    }
  }
  deliver(ctx, sink);
}

/** A group timer fired. */
export function onGroupTimer(ctx: SimContext, event: GroupTimedEvent): void {
  const sink: GroupNoticeSink = [];
  switch (event.type) {
    case 'group-join-expire': {
      const g = findGroup(ctx, event.group);
      if (g) onJoinExpire(ctx, g, event.joinSeq, sink);
      break;
    }
    case 'member-session-expire': {
      const g = findGroup(ctx, event.group);
      if (g) onSessionExpire(ctx, g, event.memberId, event.sessionSeq, sink);
      break;
    }
    case 'consumer-rejoin': {
      const c = findConsumer(ctx, event.group, event.member);
      if (c && c.rejoinSeq === event.rejoinSeq && c.process === 'running' && c.machine.value === 'stable') {
        move(c, { type: 'REBALANCE' });
        sendJoin(ctx, c, sink);
      }
      break;
    }
    case 'consumer-poll': {
      const c = findConsumer(ctx, event.group, event.member);
      if (c && c.pollSeq === event.pollSeq) {
        c.fetchHeldSinceMs = null;
        onPollEvent(ctx, c);
      }
      break;
    }
    case 'consumer-poll-timeout': {
      const c = findConsumer(ctx, event.group, event.member);
      if (c) onPollTimeout(ctx, c, sink);
      break;
    }
  }
  deliver(ctx, sink);
}

/**
 * After every step and event: groups follow their coordinator partition's leadership, commits
 * whose records the HW has passed complete, and held consumer fetches complete when a HW passes
 * their position.
 */
export function settleGroups(ctx: SimContext): void {
  const { groups, consumers } = ctx.world.groups;
  if (groups.length === 0) return;
  const sink: GroupNoticeSink = [];
  for (const g of groups) {
    syncCoordinator(ctx, g.group, sink);
    completeCommits(ctx, g);
  }
  deliver(ctx, sink);
  for (const c of consumers) {
    // A held fetch completes when something it waits on changed and data is there (never twice for one state).
    if (c.fetchHeldSinceMs !== null && canPoll(c) && c.heldSignature !== fetchSignature(ctx, c) && hasFetchable(ctx, c)) pollNow(ctx, c);
  }
}
