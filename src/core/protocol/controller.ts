/**
 * The controller (docs/scenario-format.md, "Controller"): it knows only what a real controller
 * knows — a broker is available while it is registered and unfenced.
 *
 * - Fencing: when the session timeout has passed since a broker last reached it. Fencing removes
 *   the broker from every ISR except as the last member (no KIP-966) and re-elects where it led.
 * - Election: the first replica in assignment order that is in the ISR and available. In
 *   `zookeeper`, with `unclean.leader.election.enable` and none such, the first available replica,
 *   whose log becomes the truth (ISR = {it}) (2.8 `PartitionLeaderElectionAlgorithms
 *   .offlinePartitionLeaderElection`). In `kraft` the setting does nothing here: 3.6's
 *   `ConfigurationControlManager.uncleanLeaderElectionEnabledForTopic` always returns false
 *   (KAFKA-12670 made it work in 4.0); only `kafka-leader-election.sh --election-type unclean` does it.
 * - Leader epochs: every leader change bumps the epoch once, a change to no leader included; in
 *   `zookeeper` (2.8 `removeReplicasFromIsr` writes `newLeaderAndIsr`, epoch + 1) the controller's
 *   own ISR removals bump it too; in `kraft` (3.6 `PartitionChangeBuilder
 *   .triggerLeaderEpochBumpIfNeeded` with metadata.version 3.6, KAFKA-15021) only leader changes do.
 * - Preferred leaders: `leaderBalance.ts`, each era's own schedule and rule.
 */
import type { LeaderChangeEvent } from '../model/events';
import type { BrokerState, PartitionState } from '../model/world';
import { allPartitions, brokerById, type SimContext } from '../simContext';
import { schedule } from '../time/eventQueue';
import { brokerMachines } from '../features';
import { applyMetadata, publishPartition } from './leadership';
import { isServingLeader } from './roles';
import { raiseHighWatermark } from './produce';
import { forgetBrokerEpoch } from './inSyncReplicas';
import { sendUnsentProduces, takeAnswers } from './producerClient';
import { leadershipMoved } from './replicationSession';

export function brokerState(ctx: SimContext, id: number): BrokerState {
  const state = brokerById(ctx.world, id);
  if (!state) throw new Error(`assertion: no broker ${id}`);
  return state;
}

/** Available to the controller: registered and unfenced. */
export function isAvailable(ctx: SimContext, id: number, excluding: number | null): boolean {
  return id !== excluding && !brokerState(ctx, id).fenced;
}

interface Election {
  leader: number | null;
  unclean: boolean;
}

/**
 * Whether the controller itself may elect outside the ISR: 2.8 reads the topic's
 * `unclean.leader.election.enable` (`collectUncleanLeaderElectionState`); 3.6's
 * `uncleanLeaderElectionEnabledForTopic` returns false whatever the setting ("TODO: support
 * configuring unclean leader election", ConfigurationControlManager at 3.6.2).
 */
export function controllerMayElectUnclean(ctx: SimContext, topic: string): boolean {
  if (ctx.world.settings.cluster.metadata === 'kraft') return false;
  return ctx.world.topics.find((t) => t.name === topic)?.config['unclean.leader.election.enable'] ?? false;
}

function elect(ctx: SimContext, p: PartitionState, excluding: number | null): Election {
  const clean = p.replicas.find((b) => p.isr.includes(b) && isAvailable(ctx, b, excluding));
  if (clean !== undefined) return { leader: clean, unclean: false };
  if (controllerMayElectUnclean(ctx, p.topic)) {
    const unclean = p.replicas.find((b) => isAvailable(ctx, b, excluding));
    if (unclean !== undefined) return { leader: unclean, unclean: true };
  }
  return { leader: null, unclean: false };
}

/** Who asked for a leader change: the controller's own elections, the leader balance, or an admin (ElectLeaders). */
export type LeaderChangeCause = LeaderChangeEvent['cause'];

/**
 * Applies one controller decision to a partition: one epoch bump, then every broker learns it.
 * A leader change away from the preferred replica is noted on the context; `leaderBalance.ts`
 * reads the note (in `kraft` only) to schedule a balance, as 3.6 replays a PartitionChangeRecord
 * into `imbalancedPartitions`.
 */
export function decide(ctx: SimContext, p: PartitionState, leader: number | null, isr: number[], unclean: boolean, cause: LeaderChangeCause = 'controller'): void {
  const leaderChanged = leader !== p.leader;
  const isrChanged = isr.length !== p.isr.length || isr.some((b, i) => b !== p.isr[i]);
  if (!leaderChanged && !isrChanged) return;
  const bump = leaderChanged || ctx.world.settings.cluster.metadata === 'zookeeper';
  const from = p.leader;
  p.isr = isr;
  if (bump) p.leaderEpoch += 1;
  if (leaderChanged) {
    p.leader = leader;
    if (leader !== null) p.lastLeader = leader;
    ctx.events.push({ type: 'leader-change', atMs: ctx.world.timeMs, topic: p.topic, partition: p.partition, from, to: leader, leaderEpoch: p.leaderEpoch, unclean, cause });
    if (leader !== p.replicas[0]) ctx.leadershipImbalanced = true;
  } else {
    ctx.events.push({ type: 'isr-change', atMs: ctx.world.timeMs, topic: p.topic, partition: p.partition, isr: [...isr], leaderEpoch: p.leaderEpoch });
  }
  if (leaderChanged) leadershipMoved(ctx, p, from);
  publishPartition(ctx, p);
  // A smaller ISR can raise the leader's HW (`maybeIncrementLeaderHW` on an ISR update).
  if (!leaderChanged && isServingLeader(ctx, p)) takeAnswers(ctx, raiseHighWatermark(ctx, p));
  if (leaderChanged && leader !== null) sendUnsentProduces(ctx, p.topic, p.partition);
}

/**
 * Takes `broker` out of the partition as fencing or a controlled shutdown does: out of the ISR
 * unless it is the last member, and a new election where it led.
 */
function removeBroker(ctx: SimContext, p: PartitionState, broker: number): void {
  if (!p.replicas.includes(broker)) return;
  const isr = p.isr.includes(broker) && p.isr.length > 1 ? p.isr.filter((b) => b !== broker) : [...p.isr];
  if (p.leader !== broker) {
    decide(ctx, p, p.leader, isr, false);
    return;
  }
  const before = p.isr;
  p.isr = isr; // elect from the ISR without the departing broker
  const election = elect(ctx, p, broker);
  p.isr = before;
  decide(ctx, p, election.leader, election.unclean && election.leader !== null ? [election.leader] : isr, election.unclean);
}

export function fenceBroker(ctx: SimContext, broker: number): void {
  const state = brokerState(ctx, broker);
  if (state.fenced) return;
  state.fenced = brokerMachines().advanceControllerView(state.fenced, { type: 'FENCE' });
  state.lostContactAtMs = null;
  ctx.events.push({ type: 'broker-state', atMs: ctx.world.timeMs, broker, state: state.state, fenced: true });
  for (const p of allPartitions(ctx.world)) removeBroker(ctx, p, broker);
}

/** Controlled shutdown: leadership moves away at once and the broker leaves the ISRs. */
export function controlledShutdown(ctx: SimContext, broker: number): void {
  const state = brokerState(ctx, broker);
  state.fenced = brokerMachines().advanceControllerView(state.fenced, { type: 'FENCE' });
  for (const p of allPartitions(ctx.world)) removeBroker(ctx, p, broker);
}

/**
 * A broker registers (after a restart, or healing after it was fenced): unfenced, it follows the
 * current leaders, and becomes leader of leaderless partitions it can lead.
 */
export function registerBroker(ctx: SimContext, broker: number): void {
  const state = brokerState(ctx, broker);
  state.fenced = brokerMachines().advanceControllerView(state.fenced, { type: 'UNFENCE' });
  state.lostContactAtMs = null;
  state.sessionGeneration += 1;
  ctx.events.push({ type: 'broker-state', atMs: ctx.world.timeMs, broker, state: state.state, fenced: false });
  forgetBrokerEpoch(ctx, broker);
  for (const p of allPartitions(ctx.world)) {
    if (p.leader !== null || !p.replicas.includes(broker)) continue;
    const election = elect(ctx, p, null);
    if (election.leader !== null) decide(ctx, p, election.leader, election.unclean ? [election.leader] : [...p.isr], election.unclean);
  }
  applyMetadata(ctx, broker);
}

/** The controller stops hearing from `broker` now; it will fence it when the session times out. */
export function loseContact(ctx: SimContext, broker: number): void {
  const state = brokerState(ctx, broker);
  if (state.fenced || state.lostContactAtMs !== null) return;
  state.lostContactAtMs = ctx.world.timeMs;
  state.sessionGeneration += 1;
  const timeoutMs = ctx.world.settings.cluster.config.sessionTimeoutMs;
  schedule(ctx.world.queue, ctx.world.timeMs + timeoutMs, { type: 'session-expire', broker, generation: state.sessionGeneration });
}

/** The broker reaches the controller again before its session expired: nothing changes for it. */
export function regainContact(ctx: SimContext, broker: number): void {
  const state = brokerState(ctx, broker);
  state.lostContactAtMs = null;
  state.sessionGeneration += 1;
}

/** The session timed out: the controller fences the broker; returns whether it did. */
export function sessionExpired(ctx: SimContext, broker: number, generation: number): boolean {
  const state = brokerState(ctx, broker);
  if (state.sessionGeneration !== generation || state.lostContactAtMs === null) return false;
  fenceBroker(ctx, broker);
  return true;
}

export type AdminElectionOutcome = 'elected' | 'not-needed' | 'not-available';

/**
 * `kafka-leader-election.sh` (ElectLeaders). Preferred: the first replica, if it is in the ISR and
 * available and does not lead already (2.8 `preferredReplicaPartitionLeaderElection`; 3.6
 * `electPreferredLeader`, which for a partition with a leader keeps it rather than pick another).
 * Unclean: only a partition without a leader (3.6 `ReplicationControlManager.electLeader`:
 * `hasLeader()` is ELECTION_NOT_NEEDED; 2.8 `processReplicaLeaderElection` also takes one whose
 * leader is not live), first from the ISR, else the first available replica, whose log becomes the
 * truth (ISR = {it}: 3.6 `PartitionChangeBuilder.tryElection`, 2.8 `Election.leaderForOffline`
 * with `allowUnclean` true for an admin request). This is the only unclean election in `kraft`.
 */
export function electLeaderByAdmin(ctx: SimContext, p: PartitionState, type: 'preferred' | 'unclean'): AdminElectionOutcome {
  if (type === 'preferred') {
    const preferred = p.replicas[0];
    if (p.leader === preferred) return 'not-needed';
    if (!p.isr.includes(preferred) || !isAvailable(ctx, preferred, null)) return 'not-available';
    decide(ctx, p, preferred, [...p.isr], false, 'admin');
    return 'elected';
  }
  const zookeeper = ctx.world.settings.cluster.metadata === 'zookeeper';
  const leaderLive = p.leader !== null && (!zookeeper || isAvailable(ctx, p.leader, null));
  if (leaderLive) return 'not-needed';
  const clean = p.replicas.find((b) => p.isr.includes(b) && isAvailable(ctx, b, p.leader));
  if (clean !== undefined) {
    // 2.8 `leaderForOffline` keeps only the ISR members that are live; 3.6 leaves the ISR as it is.
    const isr = zookeeper ? p.isr.filter((b) => isAvailable(ctx, b, p.leader)) : [...p.isr];
    decide(ctx, p, clean, isr, false, 'admin');
    return 'elected';
  }
  const unclean = p.replicas.find((b) => isAvailable(ctx, b, p.leader));
  if (unclean === undefined) return 'not-available';
  decide(ctx, p, unclean, [unclean], true, 'admin');
  return 'elected';
}

/**
 * 2.8: a topic's `unclean.leader.election.enable` turned on through the CLI makes the controller
 * try its leaderless partitions at once (`KafkaController.processTopicUncleanLeaderElectionEnable`).
 */
export function electLeaderlessPartitions(ctx: SimContext, partitions: PartitionState[]): void {
  for (const p of partitions) {
    if (p.leader !== null) continue;
    const election = elect(ctx, p, null);
    if (election.leader !== null) decide(ctx, p, election.leader, election.unclean ? [election.leader] : [...p.isr], election.unclean);
  }
}
