/**
 * The controller (docs/scenario-format.md, "Controller"): it knows only what a real controller
 * knows — a broker is available while it is registered and unfenced.
 *
 * - Fencing: when the session timeout has passed since a broker last reached it. Fencing removes
 *   the broker from every ISR except as the last member (no KIP-966) and re-elects where it led.
 * - Election: the first replica in assignment order that is in the ISR and available; with
 *   `unclean.leader.election.enable` and none such, the first available replica, whose log becomes
 *   the truth (ISR = {it}).
 * - Leader epochs: every leader change bumps the epoch once, a change to no leader included; in
 *   `zookeeper` (Kafka 2.8) the controller's own ISR removals bump it too; in `kraft` (3.6 with
 *   KAFKA-15021) only leader changes do.
 * - Preferred leaders: every `leader.imbalance.check.interval.seconds`, brokers whose share of
 *   preferred partitions led elsewhere exceeds `leader.imbalance.per.broker.percentage` get them back.
 */
import type { BrokerState, PartitionState } from '../model/world';
import { allPartitions, type SimContext } from '../simContext';
import { schedule } from '../time/eventQueue';
import { brokerMachines } from '../features';
import { applyMetadata, publishPartition } from './leadership';
import { isServingLeader } from './roles';
import { raiseHighWatermark } from './produce';
import { forgetBrokerEpoch } from './inSyncReplicas';
import { sendUnsentProduces, takeAnswers } from './producerClient';
import { leadershipMoved } from './replicationSession';

export function brokerState(ctx: SimContext, id: number): BrokerState {
  const state = ctx.world.brokers.find((b) => b.id === id);
  if (!state) throw new Error(`assertion: no broker ${id}`);
  return state;
}

/** Available to the controller: registered and unfenced. */
function isAvailable(ctx: SimContext, id: number, excluding: number | null): boolean {
  return id !== excluding && !brokerState(ctx, id).fenced;
}

interface Election {
  leader: number | null;
  unclean: boolean;
}

function elect(ctx: SimContext, p: PartitionState, excluding: number | null): Election {
  const clean = p.replicas.find((b) => p.isr.includes(b) && isAvailable(ctx, b, excluding));
  if (clean !== undefined) return { leader: clean, unclean: false };
  const topic = ctx.world.topics.find((t) => t.name === p.topic);
  if (topic?.config['unclean.leader.election.enable']) {
    const unclean = p.replicas.find((b) => isAvailable(ctx, b, excluding));
    if (unclean !== undefined) return { leader: unclean, unclean: true };
  }
  return { leader: null, unclean: false };
}

/** Applies one controller decision to a partition: one epoch bump, then every broker learns it. */
function decide(ctx: SimContext, p: PartitionState, leader: number | null, isr: number[], unclean: boolean): void {
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
    ctx.events.push({ type: 'leader-change', atMs: ctx.world.timeMs, topic: p.topic, partition: p.partition, from, to: leader, leaderEpoch: p.leaderEpoch, unclean });
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

/** `auto.leader.rebalance.enable`: the preferred-replica imbalance check. */
export function rebalanceLeaders(ctx: SimContext): void {
  const config = ctx.world.settings.cluster.config;
  const threshold = config['leader.imbalance.per.broker.percentage'] / 100;
  for (const broker of ctx.world.brokers) {
    const preferred = [...allPartitions(ctx.world)].filter((p) => p.replicas[0] === broker.id);
    if (preferred.length === 0) continue;
    const notLed = preferred.filter((p) => p.leader !== broker.id);
    if (notLed.length / preferred.length <= threshold) continue;
    for (const p of notLed) {
      if (p.isr.includes(broker.id) && !broker.fenced) decide(ctx, p, broker.id, [...p.isr], false);
    }
  }
}

export function scheduleLeaderRebalance(ctx: SimContext): void {
  const config = ctx.world.settings.cluster.config;
  if (!config['auto.leader.rebalance.enable']) return;
  schedule(ctx.world.queue, ctx.world.timeMs + config['leader.imbalance.check.interval.seconds'] * 1000, { type: 'leader-rebalance' });
}

export type AdminElectionOutcome = 'elected' | 'not-needed' | 'not-available';

/**
 * `kafka-leader-election.sh` (ElectLeaders). Preferred: the first replica, if it is in the ISR and
 * available and does not lead already. Unclean: only a partition without a leader (3.6
 * `ReplicationControlManager.electLeader`; 2.8 also one whose leader is not live), first from the
 * ISR, else the first available replica, whose log becomes the truth (ISR = {it}).
 */
export function electLeaderByAdmin(ctx: SimContext, p: PartitionState, type: 'preferred' | 'unclean'): AdminElectionOutcome {
  if (type === 'preferred') {
    const preferred = p.replicas[0];
    if (p.leader === preferred) return 'not-needed';
    if (!p.isr.includes(preferred) || !isAvailable(ctx, preferred, null)) return 'not-available';
    decide(ctx, p, preferred, [...p.isr], false);
    return 'elected';
  }
  const leaderLive = p.leader !== null && (ctx.world.settings.cluster.metadata === 'kraft' || isAvailable(ctx, p.leader, null));
  if (leaderLive) return 'not-needed';
  const clean = p.replicas.find((b) => p.isr.includes(b) && isAvailable(ctx, b, p.leader));
  if (clean !== undefined) {
    decide(ctx, p, clean, [...p.isr], false);
    return 'elected';
  }
  const unclean = p.replicas.find((b) => isAvailable(ctx, b, p.leader));
  if (unclean === undefined) return 'not-available';
  decide(ctx, p, unclean, [unclean], true);
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
