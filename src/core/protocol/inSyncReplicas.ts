/**
 * The ISR (docs/scenario-format.md, "ISR").
 *
 * - Caught-up time: Kafka's `Replica.updateFetchState` (times only ever raised).
 * - Shrink: every `replica.lag.time.max.ms / 2` (one global phase), a leader removes followers
 *   that are not caught up: `isCaughtUp` is `leaderLEO == followerLEO || now - lastCaughtUpTime
 *   <= lag` (`Partition.getOutOfSyncReplicas`, strictly more than lag to be removed).
 * - Expand: on a fetch, a follower rejoins when its LEO ≥ the leader's HW and ≥ the start offset
 *   of the leader's current epoch (KAFKA-7128), and in `kraft` its broker is unfenced and not
 *   shutting down (KIP-841). It is appended at the end of the ISR.
 * The leader's own ISR changes never bump the leader epoch, in either era.
 */
import type { FollowerView, PartitionState } from '../model/world';
import { logEndOffset, NEVER_MS } from '../model/world';
import { brokerById, followerView, leaderReplica, react, type SimContext } from '../simContext';
import { updateHighWatermark } from './highWatermark';

/**
 * `Replica.updateFetchState`: the leader learns a follower's LEO (its fetch offset) and raises its
 * caught-up time. Kafka 3.6 keeps the larger of the old and new "leader LEO at the previous fetch"
 * (`math.max`); 2.8 takes the new one.
 */
export function updateFollowerFetchState(view: FollowerView, fetchOffset: number, leaderLogEndOffset: number, nowMs: number, metadata: 'kraft' | 'zookeeper'): void {
  if (fetchOffset >= leaderLogEndOffset) {
    view.lastCaughtUpTimeMs = Math.max(view.lastCaughtUpTimeMs, nowMs);
  } else if (fetchOffset >= view.lastFetchLeaderLogEndOffset) {
    view.lastCaughtUpTimeMs = Math.max(view.lastCaughtUpTimeMs, view.lastFetchTimeMs);
  }
  view.logEndOffset = fetchOffset;
  view.lastFetchLeaderLogEndOffset = metadata === 'kraft' ? Math.max(leaderLogEndOffset, view.lastFetchLeaderLogEndOffset) : leaderLogEndOffset;
  view.lastFetchTimeMs = nowMs;
  view.brokerEpochCurrent = true;
}

/**
 * What a broker that becomes leader knows of its followers (3.6 `Replica.resetReplicaState` with
 * `isNewLeader`; 2.8 `resetLastCaughtUpTime` then `updateFetchState` with unknown offsets): no
 * LEO, no previous fetch, and a caught-up time of now for ISR members, never for the others.
 */
export function resetFollowerViews(p: PartitionState, nowMs: number): void {
  p.followers = p.replicas
    .filter((b) => b !== p.leader)
    .map((broker) => ({
      broker,
      logEndOffset: -1,
      lastCaughtUpTimeMs: p.isr.includes(broker) ? nowMs : NEVER_MS,
      lastFetchLeaderLogEndOffset: -1,
      lastFetchTimeMs: NEVER_MS,
      brokerEpochCurrent: false,
    }));
}

/**
 * A leader that takes a new epoch while already leading keeps its followers' LEOs and resets
 * their times: caught up now if in the ISR, else never; the previous fetch is taken to be at its
 * LEO now (2.8 `resetLastCaughtUpTime`: at time now for every follower; 3.6 `resetReplicaState`
 * without `isNewLeader`: now for ISR members, never for the others).
 */
export function refreshFollowerViews(ctx: SimContext, p: PartitionState, leaderLogEndOffset: number): void {
  const now = ctx.world.timeMs;
  const kraft = ctx.world.settings.cluster.metadata === 'kraft';
  for (const view of p.followers) {
    const inIsr = p.isr.includes(view.broker);
    view.lastCaughtUpTimeMs = inIsr ? now : NEVER_MS;
    view.lastFetchTimeMs = inIsr || !kraft ? now : NEVER_MS;
    view.lastFetchLeaderLogEndOffset = leaderLogEndOffset;
  }
}

/**
 * A broker registered again (a new broker epoch): until it fetches, no leader's stored epoch for
 * it matches the controller's, so 3.6's `isReplicaIsrEligible` is false for it.
 */
export function forgetBrokerEpoch(ctx: SimContext, broker: number): void {
  for (const topic of ctx.world.topics) {
    for (const p of topic.partitions) {
      const view = followerView(p, broker);
      if (view) view.brokerEpochCurrent = false;
    }
  }
}

/** KIP-841 (3.3+): in `kraft` only an unfenced broker that is not shutting down may join the ISR. */
export function brokerEligibleForIsr(ctx: SimContext, broker: number): boolean {
  if (ctx.world.settings.cluster.metadata !== 'kraft') return true;
  const state = brokerById(ctx.world, broker);
  return state !== undefined && !state.fenced && state.state !== 'stopped';
}

export function maybeExpandIsr(ctx: SimContext, p: PartitionState, view: FollowerView): void {
  const leader = leaderReplica(p);
  if (!leader || p.isr.includes(view.broker)) return;
  if (view.logEndOffset < leader.highWatermark || view.logEndOffset < p.leaderEpochStartOffset) return;
  if (!brokerEligibleForIsr(ctx, view.broker)) return;
  p.isr = [...p.isr, view.broker];
  ctx.events.push({
    type: 'isr-expand', atMs: ctx.world.timeMs, topic: p.topic, partition: p.partition,
    added: view.broker, isr: [...p.isr],
  });
  // 3.6 recomputes when the AlterPartition commits; 2.8's AlterIsr commit does not (a member
  // added never raises the HW, but the recompute could let a lapsed non-ISR follower go).
  if (ctx.world.settings.cluster.metadata === 'kraft') updateHighWatermark(ctx, p);
}

/**
 * `Partition.getOutOfSyncReplicas` (`Replica.isCaughtUp`): a follower the leader sees behind its
 * log end and not caught up for more than `replica.lag.time.max.ms` at `now`.
 */
export function isOutOfSync(view: FollowerView, leaderEnd: number, now: number, lagMs: number): boolean {
  return view.logEndOffset !== leaderEnd && now - view.lastCaughtUpTimeMs > lagMs;
}

export function maybeShrinkIsr(ctx: SimContext, p: PartitionState): void {
  const leader = leaderReplica(p);
  if (!leader) return;
  const now = ctx.world.timeMs;
  const lagMs = ctx.world.settings.cluster.config['replica.lag.time.max.ms'];
  const leaderEnd = logEndOffset(leader);
  const removed = p.followers
    .filter((view) => p.isr.includes(view.broker) && isOutOfSync(view, leaderEnd, now, lagMs))
    .map((view) => view.broker);
  if (removed.length === 0) return;
  p.isr = p.isr.filter((b) => !removed.includes(b));
  ctx.events.push({
    type: 'isr-shrink', atMs: now, topic: p.topic, partition: p.partition, removed, isr: [...p.isr],
  });
  // 3.6 recomputes the HW when the AlterPartition commits; 2.8's AlterIsr commit does not
  // (KAFKA-13091, fixed in 3.1): a record that waited only for the removed follower waits on.
  if (ctx.world.settings.cluster.metadata === 'kraft') updateHighWatermark(ctx, p);
}

/**
 * The global ISR-check phase: every leader checks its partitions, in report order, each an
 * `isr-check` reaction, so that what one shrink releases is answered before the next check.
 */
export function checkAllIsrs(ctx: SimContext): void {
  for (const topic of ctx.world.topics) {
    for (const p of topic.partitions) react(ctx, { type: 'isr-check', topic: p.topic, partition: p.partition });
  }
}

/** The `isr-check` reaction: the partition's leader, if running, removes the followers that lag. */
export function checkIsr(ctx: SimContext, p: PartitionState): void {
  const leaderBroker = brokerById(ctx.world, p.leader);
  if (leaderBroker && leaderBroker.state === 'running') maybeShrinkIsr(ctx, p);
}
