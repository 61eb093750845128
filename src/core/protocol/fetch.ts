/**
 * Replication by fetching (docs/scenario-format.md, "Fetch").
 *
 * The leader reads the response (records from the fetch offset, and its HW) *before* it takes
 * the request's fetch offset into account, as `Partition.fetchRecords` does; it then records the
 * follower's LEO = fetch offset, updates its caught-up time, expands the ISR if due, recomputes
 * its HW and completes waiting acks=all produces. The follower appends the records and sets its
 * HW = min(response HW, own LEO) (`ReplicaFetcherThread.processPartitionData`).
 *
 * A response carries whole batches up to `replica.fetch.max.bytes` (1 MiB, Kafka's default) per
 * partition, and always at least one batch (KIP-74).
 */
import type { FetchStep } from '../model/scenario';
import type { LogRecord, PartitionState, ReplicaState } from '../model/world';
import { logEndOffset } from '../model/world';
import { allPartitions, followerView, leaderReplica, replicaOf, type SimContext } from '../simContext';
import { maybeIncrementLeaderHighWatermark } from './highWatermark';
import { maybeExpandIsr, updateFollowerFetchState } from './inSyncReplicas';
import { assignEpoch } from './leaderEpochCache';

export const REPLICA_FETCH_MAX_BYTES = 1048576;

export interface FetchResponse {
  records: LogRecord[];
  highWatermark: number;
}

/** The leader reads what it will send: batches from `fetchOffset`, and its HW as it is now. */
export function readForFetch(leader: ReplicaState, fetchOffset: number): FetchResponse {
  const records: LogRecord[] = [];
  let bytes = 0;
  for (let offset = fetchOffset; offset < leader.log.length; offset++) {
    const record = leader.log[offset];
    if (records.length > 0 && bytes + record.sizeBytes > REPLICA_FETCH_MAX_BYTES) break;
    records.push(record);
    bytes += record.sizeBytes;
  }
  return { records, highWatermark: leader.highWatermark };
}

/** The leader's side of a follower's fetch at `fetchOffset` (`Partition.updateFollowerFetchState`). */
export function processFetchOnLeader(ctx: SimContext, p: PartitionState, follower: number, fetchOffset: number): FetchResponse {
  const leader = leaderReplica(p);
  const view = followerView(p, follower);
  if (!leader || !view) throw new Error(`assertion: ${follower} does not follow ${p.topic}-${p.partition}`);
  const response = readForFetch(leader, fetchOffset);
  updateFollowerFetchState(view, fetchOffset, logEndOffset(leader), ctx.world.timeMs);
  maybeExpandIsr(ctx, p, view);
  maybeIncrementLeaderHighWatermark(ctx, p);
  return response;
}

/** The follower appends the response's records and takes min(response HW, own LEO) as its HW. */
export function applyFetchResponse(ctx: SimContext, replica: ReplicaState, response: FetchResponse): void {
  const leaderEpochMode = ctx.world.settings.cluster.truncation === 'leader-epoch';
  for (const record of response.records) {
    if (record.offset !== logEndOffset(replica)) throw new Error('assertion: a fetch response must continue the log');
    const latest = replica.epochCache.at(-1);
    if (leaderEpochMode && (latest === undefined || record.leaderEpoch > latest[0])) {
      assignEpoch(replica.epochCache, record.leaderEpoch, record.offset);
    }
    replica.log.push(record);
  }
  replica.highWatermark = Math.min(response.highWatermark, logEndOffset(replica));
}

function isFollowing(ctx: SimContext, p: PartitionState, broker: number): boolean {
  return p.leader !== null && p.leader !== broker && p.replicas.includes(broker)
    && ctx.world.brokers.some((b) => b.id === p.leader && b.state === 'running');
}

/** One fetch round trip of `broker` for one partition (manual replication). */
function fetchRoundTrip(ctx: SimContext, p: PartitionState, broker: number, dropResponse: boolean): void {
  const replica = replicaOf(p, broker);
  if (!replica || p.leader === null || !isFollowing(ctx, p, broker)) return;
  const fetchOffset = logEndOffset(replica);
  const at = ctx.world.timeMs;
  ctx.events.push({ type: 'fetch-request', atMs: at, topic: p.topic, partition: p.partition, follower: broker, leader: p.leader, fetchOffset });
  const response = processFetchOnLeader(ctx, p, broker, fetchOffset);
  ctx.events.push({
    type: 'fetch-response', atMs: at, topic: p.topic, partition: p.partition, follower: broker, leader: p.leader,
    records: response.records.length, highWatermark: response.highWatermark, dropped: dropResponse,
  });
  if (!dropResponse) applyFetchResponse(ctx, replica, response);
}

/** The `fetch` step: one round trip for each partition `broker` follows, or the one named. */
export function fetchStep(ctx: SimContext, step: FetchStep): void {
  const brokerState = ctx.world.brokers.find((b) => b.id === step.broker);
  if (!brokerState || brokerState.state !== 'running') return;
  for (const p of allPartitions(ctx.world)) {
    if (step.topic !== null && p.topic !== step.topic) continue;
    if (step.partition !== null && p.partition !== step.partition) continue;
    fetchRoundTrip(ctx, p, step.broker, step.dropResponse);
  }
}
