/**
 * Replication by fetching (docs/scenario-format.md, "Fetch", "Truncation").
 *
 * Leader side, per partition of a request (`Partition.fetchRecords`):
 * - an older `currentLeaderEpoch` is answered FENCED_LEADER_EPOCH (KIP-320);
 * - in `leader-epoch` mode a diverging `LastFetchedEpoch` is answered with `DivergingEpoch` and
 *   no records, and the leader records nothing about the follower;
 * - a fetch offset past the leader's LEO is answered OFFSET_OUT_OF_RANGE (the follower then
 *   truncates to the leader's LEO, as `ReplicaFetcherThread.handleOffsetOutOfRange`);
 * - otherwise the leader reads the response (records from the fetch offset, and its HW) *before*
 *   it takes the fetch offset into account, then records the follower's LEO = fetch offset,
 *   updates its caught-up time, expands the ISR if due, recomputes its HW and completes waiting
 *   acks=all produces.
 * Follower side (`ReplicaFetcherThread.processPartitionData`): append the records, then HW =
 * min(response HW, own LEO).
 *
 * A response carries whole batches up to `replica.fetch.max.bytes` (1 MiB, Kafka's default) per
 * partition, and always at least one batch (KIP-74).
 */
import type { FetchStep } from '../model/scenario';
import type { FetchPartitionError, FetchPartitionRequest, FetchPartitionResponse, LogRecord, PartitionState, ReplicaState } from '../model/world';
import { firstOffset, logEndOffset, recordAt } from '../model/world';
import { allPartitions, brokerById, followerView, getPartition, layoutConfig, leaderReplica, react, replicaOf, type SimContext } from '../simContext';
import { appendBatches, readEndOffset, type BatchToAppend } from './logLayout';
import { updateProducerState } from './producerState';
import { updateHighWatermark } from './highWatermark';
import { maybeExpandIsr, updateFollowerFetchState } from './inSyncReplicas';
import { assignEpoch } from './leaderEpochCache';
import { isCurrentFollower, isServingLeader } from './roles';
import { divergingEpoch, latestCachedEpoch, truncateFullyAndStartAt, truncateOnDivergingEpoch, truncateTo } from './truncation';
import { followLeaderLogStart } from './retention';

export const REPLICA_FETCH_MAX_BYTES = 1048576;

/**
 * The leader reads whole batches from `fetchOffset`: within the one segment that holds it
 * (`LocalLog.read`), up to the size limit, at least one.
 */
export function readRecords(leader: ReplicaState, fetchOffset: number): LogRecord[] {
  // `LogSegment.read` starts at the batch holding the fetch offset (one inside a batch can come
  // from a follower whose log diverged from the leader's: see appendFetchedRecords).
  const start = recordAt(leader, fetchOffset)?.baseOffset ?? fetchOffset;
  const first = firstOffset(leader);
  return leader.log.slice(start - first, readEndOffset(leader.layout, start, REPLICA_FETCH_MAX_BYTES) - first);
}

/**
 * The leader's read for a follower at `fetchOffset`: OFFSET_OUT_OF_RANGE below its log start
 * offset (`UnifiedLog.read` → `checkLogStartOffset`) or past its LEO, else the records and its HW.
 * Every answer carries the leader's log start offset (the fetch response's `logStartOffset`).
 */
export function readForFollower(leader: ReplicaState, request: FetchPartitionRequest): FetchPartitionResponse {
  if (request.fetchOffset < leader.logStartOffset || request.fetchOffset > logEndOffset(leader)) {
    return fetchResponse(request, [], leader.highWatermark, 'OFFSET_OUT_OF_RANGE', null, logEndOffset(leader), leader.logStartOffset);
  }
  return fetchResponse(request, readRecords(leader, request.fetchOffset), leader.highWatermark, null, null, -1, leader.logStartOffset);
}

/** What a follower asks for `p` now. */
export function buildFetchRequest(ctx: SimContext, p: PartitionState, replica: ReplicaState): FetchPartitionRequest {
  const leaderEpochMode = ctx.world.settings.cluster.truncation === 'leader-epoch';
  return {
    topic: p.topic, partition: p.partition, fetchOffset: logEndOffset(replica),
    lastFetchedEpoch: leaderEpochMode ? replica.lastFetchedEpoch : null, currentLeaderEpoch: replica.appliedEpoch,
  };
}

/**
 * One partition's answer, every field in one order. Built field by field, not spread from parts:
 * responses are made per fetch and partition, and V8 copies spread objects on a slow path and
 * gives objects built in different orders different shapes, which slows every reader of them
 * (built by spreads, they took two thirds of a long replay: 400 ms against 120 ms for 10,000
 * steps in Node).
 */
export function fetchResponse(
  request: FetchPartitionRequest, records: LogRecord[], highWatermark: number, error: FetchPartitionError | null,
  divergingEpoch: FetchPartitionResponse['divergingEpoch'], leaderLogEndOffset: number, leaderLogStartOffset: number,
): FetchPartitionResponse {
  return {
    topic: request.topic, partition: request.partition, currentLeaderEpoch: request.currentLeaderEpoch,
    records, highWatermark, error, divergingEpoch, leaderLogEndOffset, leaderLogStartOffset,
  };
}

/** An error answer: no records, no HW. */
export function fetchError(request: FetchPartitionRequest, error: FetchPartitionError): FetchPartitionResponse {
  return fetchResponse(request, [], 0, error, null, -1, 0);
}

/** The leader processes one partition of a fetch from `follower` on arrival. */
export function processFetchOnLeader(ctx: SimContext, p: PartitionState, follower: number, request: FetchPartitionRequest): FetchPartitionResponse {
  const leader = leaderReplica(p);
  const view = followerView(p, follower);
  if (!leader || !view || !isServingLeader(ctx, p)) return fetchError(request, 'NOT_LEADER_OR_FOLLOWER');
  if (request.currentLeaderEpoch < p.leaderEpoch) return fetchError(request, 'FENCED_LEADER_EPOCH');
  const diverging = divergingEpoch(leader, request.fetchOffset, request.lastFetchedEpoch);
  if (diverging) return fetchResponse(request, [], leader.highWatermark, null, diverging, -1, leader.logStartOffset);
  const response = readForFollower(leader, request);
  if (response.error !== null) return response;
  const knownBefore = view.logEndOffset;
  updateFollowerFetchState(view, request.fetchOffset, logEndOffset(leader), ctx.world.timeMs, ctx.world.settings.cluster.metadata);
  maybeExpandIsr(ctx, p, view);
  // `Partition.updateFollowerFetchState` recomputes the HW only when the follower's LEO changed.
  if (view.logEndOffset !== knownBefore) updateHighWatermark(ctx, p);
  return response;
}

/**
 * `UnifiedLog.updateHighWatermark` on a follower: the leader's HW, bounded by its own LEO above
 * and its own log start offset below.
 */
function followerHighWatermark(replica: ReplicaState, leaderHighWatermark: number): number {
  return Math.max(replica.logStartOffset, Math.min(leaderHighWatermark, logEndOffset(replica)));
}

/** The follower appends the records and takes min(response HW, own LEO) as its HW. */
export function appendFetchedRecords(ctx: SimContext, p: PartitionState, replica: ReplicaState, records: LogRecord[], highWatermark: number, leaderLogStartOffset: number): void {
  const leaderEpochMode = ctx.world.settings.cluster.truncation === 'leader-epoch';
  // A response that no longer continues the log (stale) is dropped; the rest is one append
  // (`appendAsFollower`: one `LogSegment.append` for the whole fetched set).
  const first = records[0];
  if (first && first.offset < logEndOffset(replica) && first.lastOffset >= logEndOffset(replica)) {
    // The follower's log ends inside one of the leader's batches (its own diverged there, which
    // truncation to the HW allows): it takes the leader's batch whole, from its first offset.
    truncateTo(ctx, p, replica, first.offset, leaderEpochMode ? 'diverging-epoch' : 'high-watermark');
  }
  if (records.length === 0 || first.offset !== logEndOffset(replica)) {
    replica.highWatermark = followerHighWatermark(replica, highWatermark);
    followLeaderLogStart(ctx, p, replica, leaderLogStartOffset);
    return;
  }
  const batches: BatchToAppend[] = [];
  for (const r of records) {
    if (r.offset === r.baseOffset) batches.push({ offset: r.offset, sizeBytes: r.sizeBytes, records: r.lastOffset - r.baseOffset + 1 });
  }
  appendBatches(replica.layout, batches, layoutConfig(ctx.world, p.topic));
  for (const record of records) {
    const latest = replica.epochCache.at(-1);
    if (leaderEpochMode && (latest === undefined || record.leaderEpoch > latest[0])) {
      assignEpoch(replica.epochCache, record.leaderEpoch, record.offset);
    }
    replica.log.push(record);
  }
  // `processFetchRequest`: the next fetch carries the epoch of the last appended batch.
  if (leaderEpochMode) replica.lastFetchedEpoch = records[records.length - 1].leaderEpoch;
  updateProducerState(replica, records);
  replica.highWatermark = followerHighWatermark(replica, highWatermark);
  followLeaderLogStart(ctx, p, replica, leaderLogStartOffset);
}

/**
 * `AbstractFetcherThread.fetchOffsetAndTruncate`: a follower past the leader's LEO truncates to
 * it (`ReplicaFetcherThread.handleOffsetOutOfRange`); one whose log ends below the leader's log
 * start offset has only stale data, so it empties its log and starts at the leader's start
 * (`truncateFullyAndStartAt`); otherwise it just fetches again from its LEO.
 */
function handleOffsetOutOfRange(ctx: SimContext, p: PartitionState, replica: ReplicaState, response: FetchPartitionResponse): void {
  const leo = logEndOffset(replica);
  if (response.leaderLogEndOffset < leo) truncateTo(ctx, p, replica, response.leaderLogEndOffset, 'offset-out-of-range');
  else if (response.leaderLogStartOffset > leo) truncateFullyAndStartAt(ctx, p, replica, response.leaderLogStartOffset, 'below-leader-log-start');
}

export type FollowerOutcome = 'appended' | 'truncated-again' | 'truncated' | 'ignored';

/** The follower applies one partition of a response; `truncated-again` means ask again at once. */
export function applyFetchResponse(ctx: SimContext, p: PartitionState, replica: ReplicaState, response: FetchPartitionResponse): FollowerOutcome {
  if (!isCurrentFollower(ctx, p, replica.broker) || response.currentLeaderEpoch !== p.leaderEpoch) return 'ignored';
  // After any truncation the fetcher's state takes the latest epoch of the replica's own cache
  // (`updateFetchOffsetAndMaybeMarkTruncationComplete`, `handleOutOfRangeError`), truncated or not.
  if (response.divergingEpoch) {
    const done = truncateOnDivergingEpoch(ctx, p, replica, response.divergingEpoch);
    replica.lastFetchedEpoch = latestCachedEpoch(replica);
    return done ? 'truncated' : 'truncated-again';
  }
  if (response.error === 'OFFSET_OUT_OF_RANGE') {
    handleOffsetOutOfRange(ctx, p, replica, response);
    replica.lastFetchedEpoch = latestCachedEpoch(replica);
    return 'truncated';
  }
  if (response.error !== null) return 'ignored';
  appendFetchedRecords(ctx, p, replica, response.records, response.highWatermark, response.leaderLogStartOffset);
  return 'appended';
}

/**
 * One manual `fetch` for one partition: the truncation exchanges (DivergingEpoch, KIP-279's
 * iteration; or OFFSET_OUT_OF_RANGE) and then the ordinary fetch, each a full round trip. Each
 * exchange is a reaction (`fetch-exchange`), and the follower takes the leader's answer in the
 * next (`fetch-exchange-answered`), after the acks the leader's processing completed.
 */
export function fetchExchange(ctx: SimContext, r: { follower: number; topic: string; partition: number; dropResponse: boolean; exchange: number }): void {
  const p = getPartition(ctx.world, r.topic, r.partition);
  const broker = r.follower;
  const replica = replicaOf(p, broker);
  if (!replica || p.leader === null) return;
  if (r.exchange === 0 && (!isCurrentFollower(ctx, p, broker) || !isServingLeader(ctx, p))) return;
  const request = buildFetchRequest(ctx, p, replica);
  ctx.events.push({ type: 'fetch-request', atMs: ctx.world.timeMs, topic: p.topic, partition: p.partition, follower: broker, leader: p.leader, fetchOffset: request.fetchOffset });
  const response = processFetchOnLeader(ctx, p, broker, request);
  react(ctx, { type: 'fetch-exchange-answered', follower: r.follower, topic: r.topic, partition: r.partition, dropResponse: r.dropResponse, exchange: r.exchange, response });
}

export function fetchExchangeAnswered(ctx: SimContext, r: { follower: number; topic: string; partition: number; dropResponse: boolean; exchange: number; response: FetchPartitionResponse }): void {
  const p = getPartition(ctx.world, r.topic, r.partition);
  const replica = replicaOf(p, r.follower);
  if (!replica || p.leader === null) return;
  const { response } = r;
  const isTruncation = response.divergingEpoch !== null || response.error === 'OFFSET_OUT_OF_RANGE';
  ctx.events.push({
    type: 'fetch-response', atMs: ctx.world.timeMs, topic: p.topic, partition: p.partition, follower: r.follower, leader: p.leader,
    records: response.records.length, highWatermark: response.highWatermark, dropped: r.dropResponse && !isTruncation,
  });
  // `"response": "drop"` loses the ordinary fetch's response only.
  if (r.dropResponse && !isTruncation) return;
  const outcome = applyFetchResponse(ctx, p, replica, response);
  if (outcome !== 'truncated-again' && outcome !== 'truncated') return;
  // Then the next exchange (at most a few more than the follower's epochs: KIP-279's iteration ends).
  const exchange = r.exchange + 1;
  if (exchange <= replica.epochCache.length + 2) {
    react(ctx, { type: 'fetch-exchange', follower: r.follower, topic: r.topic, partition: r.partition, dropResponse: r.dropResponse, exchange });
  }
}

/** The `fetch` step: one round trip for each partition `broker` follows, or the one named, in order. */
export function fetchStep(ctx: SimContext, step: FetchStep): void {
  const brokerState = brokerById(ctx.world, step.broker);
  if (!brokerState || brokerState.state !== 'running') return;
  for (const p of allPartitions(ctx.world)) {
    if (p.topic.startsWith('__')) continue; // internal topics replicate on their own
    if (step.topic !== null && p.topic !== step.topic) continue;
    if (step.partition !== null && p.partition !== step.partition) continue;
    react(ctx, { type: 'fetch-exchange', follower: step.broker, topic: p.topic, partition: p.partition, dropResponse: step.dropResponse, exchange: 0 });
  }
}
