/**
 * The group coordinator's side of the classic rebalance protocol, as Kafka 3.6's
 * `GroupCoordinator` (2.8's is the same for everything modelled here). Requests from consumers
 * reach it at the instant of their step or event (docs/scenario-format.md, "Timing"). It answers
 * with notices, plain data that consumerClient.ts delivers to the members:
 *
 * - JoinGroup (`handleJoinGroup`): an Empty group prepares a rebalance with `InitialDelayedJoin`
 *   (group.initial.rebalance.delay.ms, extended by the same delay while new members keep joining
 *   in generation 0, up to the rebalance timeout); a Stable or CompletingRebalance group with a
 *   `DelayedJoin` (the rebalance timeout = the largest member `max.poll.interval.ms`), which
 *   completes as soon as every member has rejoined (`hasAllMembersJoined`). The other members
 *   hear of it through their next heartbeat (REBALANCE_IN_PROGRESS). A known static member that
 *   rejoins a Stable group with the same protocol takes its old assignment without a rebalance
 *   (KIP-345); its old instance is fenced (FENCED_INSTANCE_ID).
 * - Completing the join (`onCompleteJoin`): dynamic members that have not rejoined are removed
 *   (static ones stay), the generation increments, the leader runs the group's assignor on the
 *   members' subscriptions and its SyncGroup makes the group Stable at the same instant.
 * - LeaveGroup and heartbeat expiry (`removeMemberAndUpdateGroup`).
 * - OffsetCommit (`handleCommitOffsets`, `validateOffsetCommit`): Empty groups accept commits
 *   from anyone; otherwise an unknown member gets UNKNOWN_MEMBER_ID, a stale generation
 *   ILLEGAL_GENERATION, and CompletingRebalance REBALANCE_IN_PROGRESS.
 *
 * The protocol (assignor) is the one every member supports: a member whose assignor differs from
 * the others' is refused INCONSISTENT_GROUP_PROTOCOL. Members here support one assignor each.
 */
import type { GroupNoticeSink } from './groupNotices';
import type { CoordinatorMember, GroupState } from '../../model/groups';
import type { SimContext } from '../../simContext';
import { drawIndex } from '../../simContext';
import { schedule } from '../../time/eventQueue';
import { advanceGroup, initialGroupMachine, type GroupEvent } from '../../machines/groupMachine';
import type { AssignorName, GroupAssignment, GroupMember } from './assignor';
import { rangeAssign } from './rangeAssignor';
import { roundRobinAssign } from './roundRobinAssignor';
import { stickyAssign } from './stickyAssignor';
import { cooperativeStickyAssign } from './cooperativeStickyAssignor';
import { coordinatorPartitionState, ensureOffsetsTopic, loadCommittedOffsets, servingCoordinator } from './offsetsTopic';

/** `group.min.session.timeout.ms` and `group.max.session.timeout.ms` (both eras' defaults). */
export const GROUP_MIN_SESSION_TIMEOUT_MS = 6000;
export const GROUP_MAX_SESSION_TIMEOUT_MS = 1800000;

export type GroupError = 'INVALID_GROUP_ID' | 'COORDINATOR_NOT_AVAILABLE' | 'INCONSISTENT_GROUP_PROTOCOL' | 'INVALID_SESSION_TIMEOUT'
  | 'UNKNOWN_MEMBER_ID' | 'ILLEGAL_GENERATION' | 'REBALANCE_IN_PROGRESS';

export function findGroup(ctx: SimContext, group: string): GroupState | undefined {
  return ctx.world.groups.groups.find((g) => g.group === group);
}

function transitionGroup(ctx: SimContext, g: GroupState, event: GroupEvent): boolean {
  const from = g.machine.value;
  const { data, changed } = advanceGroup(g.machine, event);
  g.machine = data;
  if (changed) ctx.events.push({ type: 'group-state', atMs: ctx.world.timeMs, group: g.group, from, to: data.value, generation: data.generation });
  return changed;
}

/**
 * FindCoordinator: the group's coordinator if one serves it now (creating `__consumer_offsets` on
 * first use), creating the group's metadata on first use. Keeps the group loaded where it is led.
 */
export function coordinatorFor(ctx: SimContext, group: string, create: boolean): GroupState | GroupError {
  if (group === '') return 'INVALID_GROUP_ID';
  if (!ensureOffsetsTopic(ctx)) return 'COORDINATOR_NOT_AVAILABLE';
  syncCoordinator(ctx, group);
  const broker = servingCoordinator(ctx, group);
  if (broker === null) return 'COORDINATOR_NOT_AVAILABLE';
  let g = findGroup(ctx, group);
  if (!g) {
    if (!create) return 'COORDINATOR_NOT_AVAILABLE';
    g = {
      group, machine: initialGroupMachine(), protocol: null, leaderId: null, members: [], newMemberAdded: false,
      joinSeq: 0, initialRemainingMs: null, committed: {}, pendingCommits: [], loadedOn: broker,
    };
    ctx.world.groups.groups.push(g);
    ctx.world.groups.groups.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  }
  return g;
}

/** A seeded `UUID.randomUUID().toString()`: 122 random bits, version 4, IETF variant. */
export function drawUuid(ctx: SimContext, stream: string): string {
  const words = [0, 1, 2, 3].map(() => {
    const hi = drawIndex(ctx.world, stream, 0x10000);
    const lo = drawIndex(ctx.world, stream, 0x10000);
    return ((hi << 16) | lo) >>> 0;
  });
  words[1] = ((words[1] & 0xffff0fff) | 0x00004000) >>> 0;
  words[2] = ((words[2] & 0x3fffffff) | 0x80000000) >>> 0;
  const hex = words.map((w) => w.toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function rebalanceTimeoutMs(g: GroupState): number {
  return Math.max(0, ...g.members.map((m) => m.rebalanceTimeoutMs));
}

function scheduleJoin(ctx: SimContext, g: GroupState, delayMs: number, initialRemainingMs: number | null): void {
  g.joinSeq += 1;
  g.initialRemainingMs = initialRemainingMs;
  schedule(ctx.world.queue, ctx.world.timeMs + delayMs, { type: 'group-join-expire', group: g.group, joinSeq: g.joinSeq });
}

/** `prepareRebalance`: the delayed join, and every member that has not rejoined hears of it at its next heartbeat. */
function prepareRebalance(ctx: SimContext, g: GroupState, wasEmpty: boolean, sink: GroupNoticeSink): void {
  if (wasEmpty) {
    const delay = ctx.world.settings.cluster.config['group.initial.rebalance.delay.ms'];
    scheduleJoin(ctx, g, delay, Math.max(rebalanceTimeoutMs(g) - delay, 0));
  } else {
    scheduleJoin(ctx, g, rebalanceTimeoutMs(g), null);
  }
  for (const m of g.members) if (!m.awaitingJoin) sink.push({ kind: 'rebalance', group: g.group, memberId: m.memberId });
  tryCompleteJoin(ctx, g, sink);
}

/** `maybePrepareRebalance` driven by the group machine: JOIN or REMOVE, then the delayed join if it began one. */
function signal(ctx: SimContext, g: GroupState, event: GroupEvent, sink: GroupNoticeSink): void {
  const before = g.machine.value;
  transitionGroup(ctx, g, event);
  if (g.machine.value === 'PreparingRebalance' && before !== 'PreparingRebalance') prepareRebalance(ctx, g, before === 'Empty', sink);
  else if (g.machine.value === 'PreparingRebalance') tryCompleteJoin(ctx, g, sink);
}

/** `DelayedJoin.tryComplete` (an `InitialDelayedJoin` completes only on its timer). */
function tryCompleteJoin(ctx: SimContext, g: GroupState, sink: GroupNoticeSink): void {
  if (g.machine.value !== 'PreparingRebalance' || g.initialRemainingMs !== null) return;
  if (g.members.every((m) => m.awaitingJoin)) completeJoin(ctx, g, sink);
}

function removeMember(ctx: SimContext, g: GroupState, m: CoordinatorMember, change: 'left' | 'expired' | 'not-rejoined' | 'poll-timeout'): void {
  g.members = g.members.filter((x) => x !== m);
  if (g.leaderId === m.memberId) g.leaderId = g.members[0]?.memberId ?? null;
  m.sessionSeq += 1;
  ctx.events.push({ type: 'group-member', atMs: ctx.world.timeMs, group: g.group, member: m.member, memberId: m.memberId, change });
}

export interface JoinRequest {
  memberId: string | null;
  member: string;
  instanceId: string | null;
  topics: string[];
  assignor: AssignorName;
  rebalanceTimeoutMs: number;
  sessionTimeoutMs: number;
  owned: string[];
  ownedGeneration: number;
}

/** `handleJoinGroup`. Returns the member id the member now has, or the error it gets. */
export function joinGroup(ctx: SimContext, g: GroupState, request: JoinRequest, sink: GroupNoticeSink): { memberId: string } | { error: GroupError } {
  if (request.sessionTimeoutMs < GROUP_MIN_SESSION_TIMEOUT_MS || request.sessionTimeoutMs > GROUP_MAX_SESSION_TIMEOUT_MS) return { error: 'INVALID_SESSION_TIMEOUT' };
  const others = g.members.filter((m) => m.memberId !== request.memberId && (request.instanceId === null || m.instanceId !== request.instanceId));
  if (others.some((m) => m.assignor !== request.assignor)) return { error: 'INCONSISTENT_GROUP_PROTOCOL' };
  const known = request.memberId === null ? undefined : g.members.find((m) => m.memberId === request.memberId);
  const staticOld = request.instanceId === null ? undefined : g.members.find((m) => m.instanceId === request.instanceId);
  if (known) {
    // A known member rejoins: in Stable, only the leader or changed metadata start a rebalance.
    const changed = known.topics.join('\u0000') !== request.topics.join('\u0000') || known.owned.join('\u0000') !== request.owned.join('\u0000');
    Object.assign(known, { topics: [...request.topics], owned: [...request.owned], ownedGeneration: request.ownedGeneration, awaitingJoin: true, sessionDeadlineMs: null });
    known.sessionSeq += 1;
    if (g.machine.value === 'Stable' && g.leaderId !== known.memberId && !changed) {
      known.awaitingJoin = false;
      sink.push({ kind: 'assigned', group: g.group, memberId: known.memberId, generation: g.machine.generation, assignment: [...known.assignment], revoked: [] });
      return { memberId: known.memberId };
    }
    signal(ctx, g, { type: 'JOIN', staticRejoinSameProtocol: false }, sink);
    return { memberId: known.memberId };
  }
  const memberId = `${request.instanceId ?? request.member}-${drawUuid(ctx, `member-id:${g.group}`)}`;
  const fresh: CoordinatorMember = {
    memberId, member: request.member, instanceId: request.instanceId, topics: [...request.topics], assignor: request.assignor,
    rebalanceTimeoutMs: request.rebalanceTimeoutMs, sessionTimeoutMs: request.sessionTimeoutMs, awaitingJoin: true,
    assignment: [], owned: [...request.owned], ownedGeneration: request.ownedGeneration, sessionDeadlineMs: null, sessionSeq: 0,
  };
  if (staticOld) {
    // KIP-345 `updateStaticMemberAndRebalance`: the new instance takes the old one's place; the old is fenced.
    g.members[g.members.indexOf(staticOld)] = fresh;
    staticOld.sessionSeq += 1;
    if (g.leaderId === staticOld.memberId) g.leaderId = memberId;
    fresh.assignment = [...staticOld.assignment];
    fresh.owned = [...staticOld.owned];
    fresh.ownedGeneration = staticOld.ownedGeneration;
    ctx.events.push({ type: 'group-member', atMs: ctx.world.timeMs, group: g.group, member: staticOld.member, memberId: staticOld.memberId, change: 'replaced' });
    ctx.events.push({ type: 'group-member', atMs: ctx.world.timeMs, group: g.group, member: fresh.member, memberId, change: 'joined' });
    sink.push({ kind: 'fenced', group: g.group, memberId: staticOld.memberId });
    if (g.machine.value === 'Stable') {
      fresh.awaitingJoin = false;
      sink.push({ kind: 'assigned', group: g.group, memberId, generation: g.machine.generation, assignment: [...fresh.assignment], revoked: [] });
      return { memberId };
    }
    signal(ctx, g, { type: 'JOIN', staticRejoinSameProtocol: false }, sink);
    return { memberId };
  }
  g.members.push(fresh);
  if (g.leaderId === null) g.leaderId = memberId;
  if (g.machine.value === 'PreparingRebalance' && g.machine.generation === 0) g.newMemberAdded = true;
  ctx.events.push({ type: 'group-member', atMs: ctx.world.timeMs, group: g.group, member: fresh.member, memberId, change: 'joined' });
  signal(ctx, g, { type: 'JOIN', staticRejoinSameProtocol: false }, sink);
  return { memberId };
}

/** The delayed join's timer (`InitialDelayedJoin.onComplete`, `DelayedJoin.onExpiration`). */
export function onJoinExpire(ctx: SimContext, g: GroupState, joinSeq: number, sink: GroupNoticeSink): void {
  if (g.joinSeq !== joinSeq || g.machine.value !== 'PreparingRebalance' || servingCoordinator(ctx, g.group) === null) return;
  const remaining = g.initialRemainingMs;
  if (remaining !== null && g.newMemberAdded && remaining !== 0) {
    g.newMemberAdded = false;
    const delay = ctx.world.settings.cluster.config['group.initial.rebalance.delay.ms'];
    scheduleJoin(ctx, g, Math.min(delay, remaining), Math.max(remaining - delay, 0));
    return;
  }
  g.initialRemainingMs = null;
  completeJoin(ctx, g, sink);
}

function assign(g: GroupState, members: GroupMember[], partitionsPerTopic: Record<string, number>): { assignment: GroupAssignment; revoked: GroupAssignment } {
  const input = { members, partitionsPerTopic };
  switch (g.protocol) {
    case 'roundrobin':
      return { assignment: roundRobinAssign(input), revoked: {} };
    case 'sticky':
      return { assignment: stickyAssign(input), revoked: {} };
    case 'cooperative-sticky': {
      const result = cooperativeStickyAssign(input);
      return { assignment: result.assignment, revoked: result.revoked };
    }
    default:
      return { assignment: rangeAssign(input), revoked: {} };
  }
}

/** `onCompleteJoin`, then the leader's SyncGroup at the same instant. */
function completeJoin(ctx: SimContext, g: GroupState, sink: GroupNoticeSink): void {
  for (const m of [...g.members]) {
    if (!m.awaitingJoin && m.instanceId === null) {
      removeMember(ctx, g, m, 'not-rejoined');
      sink.push({ kind: 'removed', group: g.group, memberId: m.memberId });
    }
  }
  if (g.members.length > 0 && !g.members.some((m) => m.awaitingJoin)) {
    // Nobody rejoined: wait another rebalance timeout for the session timeouts to remove them.
    scheduleJoin(ctx, g, rebalanceTimeoutMs(g), null);
    return;
  }
  const leader = g.members.find((m) => m.memberId === g.leaderId);
  if (leader && !leader.awaitingJoin) g.leaderId = g.members.find((m) => m.awaitingJoin)?.memberId ?? null;
  g.joinSeq += 1;
  g.initialRemainingMs = null;
  transitionGroup(ctx, g, { type: 'JOIN_COMPLETE', members: g.members.length });
  if (g.machine.value === 'Empty') {
    g.protocol = null;
    g.leaderId = null;
    return;
  }
  g.protocol = g.members[0].assignor;
  const partitionsPerTopic: Record<string, number> = {};
  for (const t of ctx.world.topics) partitionsPerTopic[t.name] = t.partitions.length;
  const members: GroupMember[] = g.members.map((m) => ({
    memberId: m.memberId, groupInstanceId: m.instanceId, topics: m.topics, ownedPartitions: m.owned,
    ...(m.ownedGeneration >= 0 ? { generation: m.ownedGeneration } : {}),
  }));
  const { assignment, revoked } = assign(g, members, partitionsPerTopic);
  transitionGroup(ctx, g, { type: 'SYNC' });
  for (const m of g.members) {
    m.assignment = [...(assignment[m.memberId] ?? [])];
    m.awaitingJoin = false;
    sink.push({ kind: 'assigned', group: g.group, memberId: m.memberId, generation: g.machine.generation, assignment: [...m.assignment], revoked: [...(revoked[m.memberId] ?? [])] });
  }
}

/** LeaveGroup, heartbeat expiry, or the client's poll timeout: `removeMemberAndUpdateGroup`. */
export function removeFromGroup(ctx: SimContext, g: GroupState, memberId: string, change: 'left' | 'expired' | 'poll-timeout', sink: GroupNoticeSink): boolean {
  const m = g.members.find((x) => x.memberId === memberId);
  if (!m) return false;
  removeMember(ctx, g, m, change);
  signal(ctx, g, { type: 'REMOVE' }, sink);
  return true;
}

/** The coordinator schedules `memberId`'s heartbeat expiration (its client stopped heartbeating at `lastHeartbeatMs`). */
export function expireSessionAt(ctx: SimContext, g: GroupState, memberId: string, lastHeartbeatMs: number): void {
  const m = g.members.find((x) => x.memberId === memberId);
  if (!m) return;
  m.sessionSeq += 1;
  m.sessionDeadlineMs = Math.max(lastHeartbeatMs, 0) + m.sessionTimeoutMs;
  schedule(ctx.world.queue, Math.max(m.sessionDeadlineMs, ctx.world.timeMs), { type: 'member-session-expire', group: g.group, memberId, sessionSeq: m.sessionSeq });
}

/** The member heartbeats again (a static member resumed polling): its pending expiration is cancelled. */
export function heartbeatResumed(g: GroupState, memberId: string): void {
  const m = g.members.find((x) => x.memberId === memberId);
  if (!m) return;
  m.sessionSeq += 1;
  m.sessionDeadlineMs = null;
}

export function onSessionExpire(ctx: SimContext, g: GroupState, memberId: string, sessionSeq: number, sink: GroupNoticeSink): void {
  const m = g.members.find((x) => x.memberId === memberId);
  if (!m || m.sessionSeq !== sessionSeq || servingCoordinator(ctx, g.group) === null) return;
  removeFromGroup(ctx, g, memberId, 'expired', sink);
  sink.push({ kind: 'removed', group: g.group, memberId });
}

/** `validateOffsetCommit` and the state check of `doCommitOffsets`. */
export function validateCommit(g: GroupState, memberId: string | null, generation: number): GroupError | null {
  if (g.machine.value === 'Dead') return 'COORDINATOR_NOT_AVAILABLE';
  if (g.machine.value === 'Empty' && generation < 0) return null;
  const m = memberId === null ? undefined : g.members.find((x) => x.memberId === memberId);
  if (!m) return 'UNKNOWN_MEMBER_ID';
  if (generation !== g.machine.generation) return 'ILLEGAL_GENERATION';
  if (g.machine.value === 'CompletingRebalance') return 'REBALANCE_IN_PROGRESS';
  return null;
}

/**
 * Keeps the group where its partition is led: while no broker serves the partition the group is
 * Dead (unloaded); a new coordinator loads it (`GroupMetadataManager.loadGroupsAndOffsets`):
 * committed offsets from its own log, members and generation as stored, each member's heartbeat
 * expiration rescheduled from now. Pending commits the old coordinator held fail.
 */
export function syncCoordinator(ctx: SimContext, group: string, sink?: GroupNoticeSink): void {
  const g = findGroup(ctx, group);
  if (!g) return;
  const broker = servingCoordinator(ctx, group);
  if (broker === g.loadedOn) return;
  ctx.events.push({ type: 'coordinator-change', atMs: ctx.world.timeMs, group, from: g.loadedOn, to: broker });
  g.pendingCommits = [];
  g.joinSeq += 1;
  if (g.machine.value !== 'Dead') transitionGroup(ctx, g, { type: 'UNLOAD' });
  g.loadedOn = broker;
  if (broker === null) return;
  const p = coordinatorPartitionState(ctx, group);
  if (p) g.committed = loadCommittedOffsets(p, group);
  for (const m of g.members) m.awaitingJoin = false;
  transitionGroup(ctx, g, { type: 'LOAD', members: g.members.length });
  for (const m of g.members) {
    if (m.sessionDeadlineMs !== null) expireSessionAt(ctx, g, m.memberId, ctx.world.timeMs);
  }
  if (sink) for (const m of g.members) sink.push({ kind: 'coordinator-loaded', group, memberId: m.memberId });
}
