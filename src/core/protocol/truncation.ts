/**
 * Log truncation (docs/scenario-format.md, "Truncation").
 *
 * - `truncateTo`: `UnifiedLog.truncateTo`: drop records at and past the offset, clamp the HW to
 *   the new LEO, and drop epoch-cache entries that start at or past it
 *   (`LeaderEpochFileCache.truncateFromEnd`).
 * - `high-watermark` mode (brokers before 0.11): a replica truncates to its own HW whenever it
 *   becomes a follower.
 * - `leader-epoch` mode (KIP-101, KIP-279, KIP-595's `DivergingEpoch` on the fetch path): the
 *   leader answers a fetch whose `LastFetchedEpoch` diverges from its log with its largest epoch
 *   ≤ the follower's and that epoch's end offset (`LeaderEpochFileCache.endOffsetFor`); the
 *   follower truncates as `AbstractFetcherThread.getOffsetTruncationState`.
 */
import type { PartitionState, ReplicaState } from '../model/world';
import type { TruncationReason } from '../model/events';
import { firstOffset, logEndOffset, recordAt } from '../model/world';
import { layoutConfig, type SimContext } from '../simContext';
import { emptyLayout, recoverLayoutTo, truncateLayoutTo } from './logLayout';
import { rebuildProducerState } from './producerState';

/** `LeaderEpochFileCache.truncateFromEnd`: remove the entries that start at or past `offset`. */
function dropEpochsFrom(replica: ReplicaState, offset: number): void {
  while (replica.epochCache.length > 0 && replica.epochCache[replica.epochCache.length - 1][1] >= offset) replica.epochCache.pop();
}

export function truncateTo(ctx: SimContext, p: PartitionState, replica: ReplicaState, offset: number, reason: TruncationReason): void {
  const before = logEndOffset(replica);
  if (offset >= before) {
    // No record goes, but `UnifiedLog.truncateTo` still drops epoch-cache entries that start at
    // or past the LEO: an epoch this replica took as leader and wrote nothing in would otherwise
    // be its LastFetchedEpoch again and again.
    dropEpochsFrom(replica, before);
    return;
  }
  offset = Math.max(0, offset);
  // Below the first segment's base: `UnifiedLog.truncateTo` empties the log and starts it there.
  if (offset < firstOffset(replica)) {
    truncateFullyAndStartAt(ctx, p, replica, offset, reason);
    return;
  }
  // A target inside a batch removes the whole batch (`LogSegment.truncateTo` cuts at its start).
  const cut = recordAt(replica, offset);
  if (cut && cut.baseOffset < offset) offset = cut.baseOffset;
  replica.log.length = offset - firstOffset(replica);
  truncateLayoutTo(replica.layout, logEndOffset(replica));
  // `logStartOffset = math.min(targetOffset, logStartOffset)`: a truncation can lower it.
  replica.logStartOffset = Math.min(replica.logStartOffset, logEndOffset(replica));
  replica.highWatermark = Math.min(replica.highWatermark, logEndOffset(replica));
  dropEpochsFrom(replica, logEndOffset(replica));
  afterTruncation(ctx, p, replica, before, reason);
}

function afterTruncation(ctx: SimContext, p: PartitionState, replica: ReplicaState, before: number, reason: TruncationReason): void {
  replica.verifiedUpTo = Math.min(replica.verifiedUpTo, logEndOffset(replica));
  rebuildProducerState(replica);
  // Records the leader's followers were verified against may be gone too.
  if (p.leader === replica.broker) for (const r of p.replicaStates) r.verifiedUpTo = Math.min(r.verifiedUpTo, logEndOffset(replica));
  ctx.events.push({
    type: 'truncate', atMs: ctx.world.timeMs, topic: p.topic, partition: p.partition, broker: replica.broker,
    from: before, to: logEndOffset(replica), reason,
  });
}

/**
 * `UnifiedLog.truncateFullyAndStartAt` (2.8 `Log.truncateFullyAndStartAt`): every segment goes,
 * one empty segment starts at `offset`, which becomes the LEO, the HW and the log start offset;
 * the epoch cache is cleared (`clearAndFlush`). A follower does it when its log ends below its
 * leader's log start offset (`AbstractFetcherThread.fetchOffsetAndTruncate`), and a truncation
 * below the first segment does it too.
 */
export function truncateFullyAndStartAt(ctx: SimContext, p: PartitionState, replica: ReplicaState, offset: number, reason: TruncationReason): void {
  const before = logEndOffset(replica);
  replica.log = [];
  replica.layout = emptyLayout(offset);
  replica.logStartOffset = offset;
  replica.highWatermark = offset;
  replica.epochCache.length = 0;
  afterTruncation(ctx, p, replica, before, reason);
}

/**
 * A crash: the last `records` records were only in the page cache and are gone; log recovery
 * (`LogLoader.recoverLog`, `LogSegment.recover`) rebuilds the active segment's index.
 */
export function recoverAfterCrash(ctx: SimContext, p: PartitionState, replica: ReplicaState, records: number): void {
  // Only what the log still holds can be lost: past its first offset the tail stops there (a log
  // from 0 keeps the old arithmetic: a target below 0 is 0).
  const target = logEndOffset(replica) - records;
  if (records > 0) truncateTo(ctx, p, replica, firstOffset(replica) > 0 ? Math.max(firstOffset(replica), target) : target, 'lost-tail');
  recoverLayoutTo(replica.layout, logEndOffset(replica), layoutConfig(ctx.world, p.topic));
}

/** `AbstractFetcherThread.latestEpoch`: the latest epoch in the replica's own cache, null if empty. */
export function latestCachedEpoch(replica: ReplicaState): number | null {
  const latest = replica.epochCache.at(-1);
  return latest ? latest[0] : null;
}

/**
 * `LeaderEpochFileCache.endOffsetFor(requestedEpoch, logEndOffset)`: the largest cached epoch ≤
 * the requested one and the start offset of the next epoch (the LEO for the latest epoch).
 * Returns null for Kafka's (UNDEFINED_EPOCH, UNDEFINED_EPOCH_OFFSET).
 */
export function endOffsetFor(cache: readonly [number, number][], requestedEpoch: number, leo: number): { epoch: number; endOffset: number } | null {
  const latest = cache[cache.length - 1];
  if (latest && latest[0] === requestedEpoch) return { epoch: requestedEpoch, endOffset: leo };
  const higher = cache.find(([epoch]) => epoch > requestedEpoch);
  if (!higher) return null;
  let floor: [number, number] | undefined;
  for (const entry of cache) if (entry[0] <= requestedEpoch) floor = entry;
  if (!floor) return { epoch: requestedEpoch, endOffset: higher[1] };
  return { epoch: floor[0], endOffset: higher[1] };
}

/**
 * The leader's divergence check (`Partition.fetchRecords` → `lastOffsetForLeaderEpoch`): diverging
 * when its end offset for the follower's last fetched epoch is in an older epoch or ends before
 * the fetch offset.
 */
export function divergingEpoch(leader: ReplicaState, fetchOffset: number, fetchedEpoch: number | null): { epoch: number; endOffset: number } | null {
  if (fetchedEpoch === null) return null;
  const found = endOffsetFor(leader.epochCache, fetchedEpoch, logEndOffset(leader));
  const answer = found ?? { epoch: -1, endOffset: -1 };
  if (answer.epoch < fetchedEpoch || answer.endOffset < fetchOffset) return answer;
  return null;
}

/**
 * The follower's side (`AbstractFetcherThread.getOffsetTruncationState`): returns whether the
 * truncation is complete; if not, the follower asks again with its new last epoch (KIP-279).
 */
export function truncateOnDivergingEpoch(ctx: SimContext, p: PartitionState, replica: ReplicaState, diverging: { epoch: number; endOffset: number }): boolean {
  const leo = logEndOffset(replica);
  if (diverging.endOffset < 0) {
    // UNDEFINED from the leader: Kafka truncates to the HW and goes on fetching.
    truncateTo(ctx, p, replica, replica.highWatermark, 'diverging-epoch');
    return true;
  }
  const own = endOffsetFor(replica.epochCache, diverging.epoch, leo);
  if (own === null) {
    truncateTo(ctx, p, replica, Math.min(diverging.endOffset, leo), 'diverging-epoch');
    return true;
  }
  if (own.epoch !== diverging.epoch) {
    truncateTo(ctx, p, replica, Math.min(own.endOffset, leo), 'diverging-epoch');
    return false;
  }
  truncateTo(ctx, p, replica, Math.min(own.endOffset, diverging.endOffset, leo), 'diverging-epoch');
  return true;
}
