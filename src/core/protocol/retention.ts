/**
 * Retention (docs/scenario-format.md, "Retention"): deleting whole segments from the front of a
 * log, and the log start offset that moves with them.
 *
 * Sources (apache/kafka). 3.6.2: `core/.../log/LogManager.scala` (`startup` schedules
 * `kafka-log-retention` with `InitialTaskDelayMs` = 30 s, then every
 * `log.retention.check.interval.ms`; `cleanupLogs` skips compacted logs), `core/.../log/UnifiedLog.scala`
 * (`deleteOldSegments`, `deleteLogStartOffsetBreachedSegments`, `deleteRetentionSizeBreachedSegments`,
 * `deleteRetentionMsBreachedSegments`, `deleteSegments`, `maybeIncrementLogStartOffset`),
 * `core/.../log/LocalLog.scala` (`deletableSegments`), `core/.../server/ReplicaFetcherThread.scala`
 * (`processPartitionData`: the follower takes the leader's log start offset). 2.8.2: the same
 * rules in `core/.../log/Log.scala` and `LogManager.scala`.
 *
 * - One global task (a stated simplification: Kafka's phase is per broker start): every running
 *   broker, isolated or not, checks each replica it holds, leader or follower, on its own.
 * - Each check runs three passes in Kafka's order, each over the segments left by the one before:
 *   3.6: the log start offset (segments wholly below it), then `retention.bytes`, then
 *   `retention.ms`; 2.8: `retention.ms`, `retention.bytes`, then the log start offset.
 *   The last two apply only with `cleanup.policy=delete`; a compacted log (`__consumer_offsets`)
 *   is skipped altogether by `cleanupLogs` (its cleaner is not modelled).
 * - A pass takes segments oldest first while each is deletable: the replica's own HW is at or past
 *   the next segment's base (its LEO for the last), the pass's predicate holds, and it is not an
 *   empty active segment. Deleting every segment rolls a new empty one at the LEO first.
 * - The new log start offset is the first remaining segment's base, if higher; the epoch cache
 *   then forgets what lies below it (`LeaderEpochFileCache.truncateFromStart`).
 */
import type { RetentionReason } from '../model/events';
import type { PartitionState, ReplicaState, World } from '../model/world';
import { firstOffset, logEndOffset } from '../model/world';
import { allPartitions, findTopic, type SimContext } from '../simContext';
import { schedule } from '../time/eventQueue';
import { truncateEpochsFromStart } from './leaderEpochCache';
import { activeSegment, type SegmentState } from './logLayout';

/** `LogManager.InitialTaskDelayMs`: the retention task's first run after the broker starts. */
export const INITIAL_TASK_DELAY_MS = 30_000;

/** Puts the first retention check on the clock (the Start state: every broker starts at 0). */
export function scheduleFirstRetentionCheck(world: World): void {
  schedule(world.queue, INITIAL_TASK_DELAY_MS, { type: 'retention-check' });
}

/** `LogManager.cleanupLogs` on every running broker, then the next check one period later. */
export function retentionCheck(ctx: SimContext): void {
  const { world } = ctx;
  const running = new Set(world.brokers.filter((b) => b.state === 'running' || b.state === 'isolated').map((b) => b.id));
  for (const p of allPartitions(world)) {
    if (p.topic === '__consumer_offsets') continue; // cleanup.policy=compact: not this task's
    for (const replica of p.replicaStates) if (running.has(replica.broker)) deleteOldSegments(ctx, p, replica);
  }
  schedule(world.queue, world.timeMs + world.settings.cluster.config['log.retention.check.interval.ms'], { type: 'retention-check' });
}

/** A segment's largest record timestamp (`LogSegment.largestTimestamp`), from its batches' max timestamps. */
export function largestTimestampMs(replica: ReplicaState, segment: SegmentState): number {
  const first = firstOffset(replica);
  let largest = -1;
  for (let i = 0; i < segment.positions.length; i++) {
    const record = replica.log[segment.baseOffset + i - first];
    if (record && record.maxTimestampMs > largest) largest = record.maxTimestampMs;
  }
  return largest;
}

/** `UnifiedLog.size`: the bytes of every segment. */
export function logSizeBytes(replica: ReplicaState): number {
  return replica.layout.segments.reduce((sum, s) => sum + s.sizeBytes, 0);
}

/**
 * `UnifiedLog.deleteOldSegments()` (3.6.2): the log-start pass, then `retention.bytes`, then
 * `retention.ms`. 2.8.2's `Log.deleteOldSegments()` runs `retention.ms`, `retention.bytes`, then
 * the log-start pass. Each deletes a prefix, and the size pass measures what the passes before
 * left, so both orders end at the same log start; only which pass names a segment differs.
 */
export function deleteOldSegments(ctx: SimContext, p: PartitionState, replica: ReplicaState): void {
  const config = findTopic(ctx.world, p.topic)?.config;
  if (!config) return;
  const passes: RetentionReason[] = ctx.world.settings.cluster.metadata === 'zookeeper'
    ? ['retention-ms', 'retention-bytes', 'log-start-offset']
    : ['log-start-offset', 'retention-bytes', 'retention-ms'];
  for (const pass of passes) {
    if (pass === 'log-start-offset') {
      deletePass(ctx, p, replica, pass, (_segment, next) => next !== undefined && next.baseOffset <= replica.logStartOffset);
    } else if (pass === 'retention-bytes') {
      const retentionBytes = config['retention.bytes'];
      const size = logSizeBytes(replica);
      if (retentionBytes < 0 || size < retentionBytes) continue;
      let diff = size - retentionBytes;
      deletePass(ctx, p, replica, pass, (segment) => {
        if (diff - segment.sizeBytes < 0) return false;
        diff -= segment.sizeBytes;
        return true;
      });
    } else {
      const retentionMs = config['retention.ms'];
      if (retentionMs < 0) continue;
      deletePass(ctx, p, replica, pass, (segment) => ctx.world.timeMs - largestTimestampMs(replica, segment) > retentionMs);
    }
  }
}

/**
 * `UnifiedLog.deleteOldSegments(predicate, reason)` with `LocalLog.deletableSegments`: the oldest
 * segments while each is below the HW, satisfies `predicate` and is not an empty active segment;
 * then `deleteSegments`.
 */
function deletePass(ctx: SimContext, p: PartitionState, replica: ReplicaState, reason: RetentionReason, predicate: (segment: SegmentState, next: SegmentState | undefined) => boolean): void {
  const { segments } = replica.layout;
  const sizeBefore = logSizeBytes(replica);
  let count = 0;
  while (count < segments.length) {
    const segment = segments[count];
    const next = segments[count + 1] as SegmentState | undefined;
    const upperBound = next ? next.baseOffset : logEndOffset(replica);
    const lastAndEmpty = next === undefined && segment.sizeBytes === 0;
    // The HW check comes first: the size predicate counts only segments it is asked about.
    if (replica.highWatermark >= upperBound && predicate(segment, next) && !lastAndEmpty) count++;
    else break;
  }
  if (count === 0) return;
  const deleted = segments.slice(0, count).map((s) => ({ baseOffset: s.baseOffset, sizeBytes: s.sizeBytes, largestTimestampMs: largestTimestampMs(replica, s) }));
  // "We must always have at least one segment": deleting them all rolls a new one at the LEO.
  const rolled = count === segments.length;
  if (rolled) segments.push({ baseOffset: logEndOffset(replica), sizeBytes: 0, index: [], bytesSinceLastIndexEntry: 0, positions: [] });
  const from = firstOffset(replica);
  segments.splice(0, count);
  replica.log.splice(0, firstOffset(replica) - from);
  const fromStart = replica.logStartOffset;
  maybeIncrementLogStartOffset(replica, firstOffset(replica));
  ctx.events.push({
    type: 'segments-deleted', atMs: ctx.world.timeMs, topic: p.topic, partition: p.partition, broker: replica.broker, reason,
    segments: deleted, rolled, sizeBytesBefore: sizeBefore, logStartOffsetBefore: fromStart, logStartOffset: replica.logStartOffset,
    activeBaseOffset: activeSegment(replica.layout).baseOffset,
  });
}

/**
 * `UnifiedLog.maybeIncrementLogStartOffset`: only ever up, and then the epoch cache forgets the
 * epochs wholly below it. (Kafka refuses a new start past the HW; callers never ask for one.)
 * Returns whether it moved.
 */
export function maybeIncrementLogStartOffset(replica: ReplicaState, newLogStartOffset: number): boolean {
  if (newLogStartOffset <= replica.logStartOffset) return false;
  replica.logStartOffset = newLogStartOffset;
  truncateEpochsFromStart(replica.epochCache, newLogStartOffset);
  return true;
}

/**
 * The follower's side of a fetch response (`ReplicaFetcherThread.processPartitionData`): after its
 * HW, it raises its log start offset to the leader's. `maybeIncrementLogStartOffset` throws
 * OffsetOutOfRangeException for a start past the follower's HW, failing the partition's fetcher;
 * that cannot happen on this path (the follower's HW is at least its fetch offset's min with the
 * leader's HW, both at or past the leader's start), so a start past the HW is simply not taken.
 * The segments below it go at the follower's next retention check (the log-start pass).
 */
export function followLeaderLogStart(ctx: SimContext, p: PartitionState, replica: ReplicaState, leaderLogStartOffset: number): void {
  if (leaderLogStartOffset > replica.highWatermark) return;
  const from = replica.logStartOffset;
  if (!maybeIncrementLogStartOffset(replica, leaderLogStartOffset)) return;
  ctx.events.push({
    type: 'log-start-offset', atMs: ctx.world.timeMs, topic: p.topic, partition: p.partition, broker: replica.broker,
    from, to: replica.logStartOffset, leader: p.leader,
  });
}
