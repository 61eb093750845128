/**
 * The leader's high watermark (docs/scenario-format.md, "HW"), as Kafka's
 * `Partition.maybeIncrementLeaderHW`: the minimum LEO, as the leader knows it, over the ISR (the
 * leader included) and over every follower outside the ISR that is caught up
 * (`ReplicaState.isCaughtUp`: its last caught-up time at most `replica.lag.time.max.ms` ago), so a
 * follower about to rejoin holds the HW back until it has caught up. In `kraft` (3.6
 * `shouldWaitForReplicaToJoinIsr`) such a follower counts only if it is also ISR-eligible
 * (`isReplicaIsrEligible`: its broker unfenced, not shutting down, and it has fetched since its
 * broker last registered and since this leader took over); 2.8 asks nothing of its broker. A
 * follower whose LEO the leader does not know yet counts as -1 (`UnifiedLog.UnknownOffset`), so
 * the HW cannot rise until every ISR member has fetched. It never decreases while the broker leads.
 *
 * When the HW is recomputed is the callers' business, and differs by era (fetch.ts,
 * inSyncReplicas.ts, leadership.ts, produce.ts). What follows from a rise (waiting acks=all
 * produces complete) is not done here: `updateHighWatermark` queues a `high-watermark-advanced`
 * reaction for `step.ts`'s loop, and `produce.raiseHighWatermark` completes the purgatory at once.
 */
import type { FollowerView, PartitionState } from '../model/world';
import { logEndOffset } from '../model/world';
import { followerView, leaderReplica, react, type SimContext } from '../simContext';

/** 3.6 `isReplicaIsrEligible` in KRaft mode, with the broker epoch check as `brokerEpochCurrent`. */
function isrEligible(ctx: SimContext, view: FollowerView): boolean {
  const broker = ctx.world.brokers.find((b) => b.id === view.broker);
  return broker !== undefined && !broker.fenced && broker.state !== 'stopped' && view.brokerEpochCurrent;
}

/** Whether the leader waits for `view` although it is outside the ISR. */
function waitsForFollowerOutsideIsr(ctx: SimContext, view: FollowerView, leaderLogEndOffset: number): boolean {
  const lagMs = ctx.world.settings.cluster.config['replica.lag.time.max.ms'];
  const caughtUp = view.logEndOffset === leaderLogEndOffset || ctx.world.timeMs - view.lastCaughtUpTimeMs <= lagMs;
  if (!caughtUp) return false;
  return ctx.world.settings.cluster.metadata === 'kraft' ? isrEligible(ctx, view) : true;
}

/** The followers outside the ISR that the leader waits for now (for the narration and inspector). */
export function followersOutsideIsrHoldingHw(ctx: SimContext, p: PartitionState): FollowerView[] {
  const leader = leaderReplica(p);
  if (!leader) return [];
  const leaderEnd = logEndOffset(leader);
  return p.followers.filter((view) => view.broker !== p.leader && !p.isr.includes(view.broker)
    && view.logEndOffset < leaderEnd && waitsForFollowerOutsideIsr(ctx, view, leaderEnd));
}

/** The HW the leader would take now (never below its current one is not checked here). */
export function highWatermarkCandidate(ctx: SimContext, p: PartitionState): number | null {
  const leader = leaderReplica(p);
  if (!leader) return null;
  const leaderEnd = logEndOffset(leader);
  let candidate = leaderEnd;
  for (const member of p.isr) {
    if (member !== p.leader) candidate = Math.min(candidate, followerView(p, member)?.logEndOffset ?? -1);
  }
  for (const view of p.followers) {
    if (view.broker === p.leader || p.isr.includes(view.broker)) continue;
    if (view.logEndOffset < candidate && waitsForFollowerOutsideIsr(ctx, view, leaderEnd)) candidate = view.logEndOffset;
  }
  return candidate;
}

/** Raises the leader's HW if it can; returns whether it rose. */
export function maybeIncrementLeaderHighWatermark(ctx: SimContext, p: PartitionState): boolean {
  const leader = leaderReplica(p);
  const candidate = highWatermarkCandidate(ctx, p);
  if (!leader || candidate === null || candidate <= leader.highWatermark) return false;
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
