/**
 * The leader's high watermark (docs/scenario-format.md, "HW"), as Kafka's
 * `Partition.maybeIncrementLeaderHW`: the minimum LEO over the ISR, the leader included, where a
 * follower whose LEO the leader does not know yet counts as -1 (`UnifiedLog.UnknownOffset`, after
 * `makeLeader` reset it), so the HW cannot rise until every ISR member has fetched. It never
 * decreases while the broker leads.
 *
 * What follows from a rise (waiting acks=all produces complete) is not done here: `updateHighWatermark`
 * queues a `high-watermark-advanced` reaction for `step.ts`'s loop (fetch and ISR handling), and
 * `produce.raiseHighWatermark` completes the purgatory at once (appends, leadership changes).
 */
import type { PartitionState } from '../model/world';
import { logEndOffset } from '../model/world';
import { followerView, leaderReplica, react, type SimContext } from '../simContext';

/** Raises the leader's HW if it can; returns whether it rose. */
export function maybeIncrementLeaderHighWatermark(ctx: SimContext, p: PartitionState): boolean {
  const leader = leaderReplica(p);
  if (!leader) return false;
  let candidate = logEndOffset(leader);
  for (const member of p.isr) {
    if (member === p.leader) continue;
    const view = followerView(p, member);
    candidate = Math.min(candidate, view ? view.logEndOffset : -1);
  }
  if (candidate <= leader.highWatermark) return false;
  ctx.events.push({
    type: 'high-watermark', atMs: ctx.world.timeMs, topic: p.topic, partition: p.partition,
    broker: leader.broker, from: leader.highWatermark, to: candidate,
  });
  leader.highWatermark = candidate;
  return true;
}

/** Raises the leader's HW if it can and queues what follows (`high-watermark-advanced`). */
export function updateHighWatermark(ctx: SimContext, p: PartitionState): void {
  if (maybeIncrementLeaderHighWatermark(ctx, p)) react(ctx, { type: 'high-watermark-advanced', topic: p.topic, partition: p.partition });
}
