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
import { logEndOffset } from '../model/world';
import { leaderReplica, react, type SimContext } from '../simContext';
import { updateHighWatermark } from './highWatermark';

export function updateFollowerFetchState(view: FollowerView, fetchOffset: number, leaderLogEndOffset: number, nowMs: number): void {
  if (fetchOffset >= leaderLogEndOffset) {
    view.lastCaughtUpTimeMs = Math.max(view.lastCaughtUpTimeMs, nowMs);
  } else if (fetchOffset >= view.lastFetchLeaderLogEndOffset) {
    view.lastCaughtUpTimeMs = Math.max(view.lastCaughtUpTimeMs, view.lastFetchTimeMs);
  }
  view.logEndOffset = fetchOffset;
  view.lastFetchLeaderLogEndOffset = leaderLogEndOffset;
  view.lastFetchTimeMs = nowMs;
}

/** `Partition.makeLeader` / `resetReplicaState`: what a new leader (or new epoch) knows of its followers. */
export function resetFollowerViews(p: PartitionState, nowMs: number): void {
  const leader = leaderReplica(p);
  const leaderEnd = leader ? logEndOffset(leader) : 0;
  p.followers = p.replicas
    .filter((b) => b !== p.leader)
    .map((broker) => ({
      broker,
      logEndOffset: -1,
      lastCaughtUpTimeMs: p.isr.includes(broker) ? nowMs : 0,
      lastFetchLeaderLogEndOffset: leaderEnd,
      lastFetchTimeMs: nowMs,
    }));
}

function brokerEligibleForIsr(ctx: SimContext, broker: number): boolean {
  if (ctx.world.settings.cluster.metadata !== 'kraft') return true;
  const state = ctx.world.brokers.find((b) => b.id === broker);
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
  updateHighWatermark(ctx, p);
}

export function maybeShrinkIsr(ctx: SimContext, p: PartitionState): void {
  const leader = leaderReplica(p);
  if (!leader) return;
  const now = ctx.world.timeMs;
  const lagMs = ctx.world.settings.cluster.config['replica.lag.time.max.ms'];
  const leaderEnd = logEndOffset(leader);
  const removed = p.followers
    .filter((view) => p.isr.includes(view.broker))
    .filter((view) => view.logEndOffset !== leaderEnd && now - view.lastCaughtUpTimeMs > lagMs)
    .map((view) => view.broker);
  if (removed.length === 0) return;
  p.isr = p.isr.filter((b) => !removed.includes(b));
  ctx.events.push({
    type: 'isr-shrink', atMs: now, topic: p.topic, partition: p.partition, removed, isr: [...p.isr],
  });
  updateHighWatermark(ctx, p);
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
  const leaderBroker = ctx.world.brokers.find((b) => b.id === p.leader);
  if (leaderBroker && leaderBroker.state === 'running') maybeShrinkIsr(ctx, p);
}
