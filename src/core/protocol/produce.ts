/**
 * Produce, the leader's side (docs/scenario-format.md, "Produce"; Kafka's
 * `ReplicaManager.appendRecords`, `Partition.appendRecordsToLeader`, `DelayedProduce`):
 *
 * - A request reaches the leader in the producer's metadata at the instant it is sent; a leader
 *   that is down or unreachable never answers (producerClient.ts times the request out).
 * - acks=all is refused with NOT_ENOUGH_REPLICAS before the append when the ISR is smaller than
 *   `min.insync.replicas`.
 * - The leader appends. An idempotent batch whose producer id and sequence the log already holds
 *   (replicated with the records, so a new leader knows them too) is not appended again: the
 *   answer carries the original offset (`ProducerStateManager`, KIP-98).
 * - acks=1 is answered at once; acks=all waits until the HW passes the record, then is answered
 *   NOT_ENOUGH_REPLICAS_AFTER_APPEND if the ISR is smaller than `min.insync.replicas`, else
 *   success (`Partition.checkEnoughReplicasReachOffset`). A leader that loses leadership while
 *   up answers NOT_LEADER_OR_FOLLOWER at once.
 *
 * The leader's answers are returned as data (`ProduceAnswer`) to the caller, which hands them to
 * the producer (producerClient.ts); this file never calls the producer back.
 */
import type { ProduceAnswer } from '../model/reactions';
import type { LogRecord, PartitionState, PendingProduce, ReplicaState } from '../model/world';
import { logEndOffset } from '../model/world';
import { findTopic, getPartition, layoutConfig, leaderReplica, type SimContext } from '../simContext';
import { appendBatch, exceedsSegmentBytes } from './logLayout';
import { maybeIncrementLeaderHighWatermark } from './highWatermark';
import { isServingLeader } from './roles';
import { singleRecordBatchSize } from './recordBatchSize';
import { recordAppended } from './replicationSession';
import { reportDuplicate } from '../anomalies';

/** The producer id the cluster gives the scenario's idempotent producer (InitProducerId). */
export const PRODUCER_ID = 0;

function minInsyncReplicas(ctx: SimContext, topic: string): number {
  const state = findTopic(ctx.world, topic);
  if (!state) throw new Error(`assertion: unknown topic ${topic}`);
  return state.config['min.insync.replicas'];
}

/** `DelayedProduce.tryComplete` for every acks=all request this partition's leader holds: their answers. */
export function completeDelayedProduces(ctx: SimContext, p: PartitionState): ProduceAnswer[] {
  const leader = leaderReplica(p);
  if (!leader || ctx.world.pendingProduces.length === 0) return [];
  const minIsr = minInsyncReplicas(ctx, p.topic);
  // One pass (a burst of 10,000 acks=all records waits here at once).
  const done: PendingProduce[] = [];
  const waiting: PendingProduce[] = [];
  for (const pending of ctx.world.pendingProduces) {
    const satisfied = pending.topic === p.topic && pending.partition === p.partition
      && pending.leader === leader.broker && leader.highWatermark > pending.offset;
    (satisfied ? done : waiting).push(pending);
  }
  if (done.length === 0) return [];
  ctx.world.pendingProduces = waiting;
  const error = p.isr.length < minIsr ? 'NOT_ENOUGH_REPLICAS_AFTER_APPEND' : null;
  return done.map((pending) => ({ produced: pending.produced, attempt: pending.attempt, error, offset: pending.offset }));
}

/**
 * Raises the leader's HW if it can (a leadership change, the leader's own append) and completes
 * what that releases at once, as `ReplicaManager` does after the change: the answers, in order.
 */
export function raiseHighWatermark(ctx: SimContext, p: PartitionState): ProduceAnswer[] {
  return maybeIncrementLeaderHighWatermark(ctx, p) ? completeDelayedProduces(ctx, p) : [];
}

/** The old leader, still up, loses leadership: it answers what it held NOT_LEADER_OR_FOLLOWER. */
export function abandonDelayedProduces(ctx: SimContext, p: PartitionState, broker: number): ProduceAnswer[] {
  const abandoned: PendingProduce[] = [];
  const waiting: PendingProduce[] = [];
  for (const pending of ctx.world.pendingProduces) {
    (pending.topic === p.topic && pending.partition === p.partition && pending.leader === broker ? abandoned : waiting).push(pending);
  }
  if (abandoned.length === 0) return [];
  ctx.world.pendingProduces = waiting;
  return abandoned.map((pending) => ({ produced: pending.produced, attempt: pending.attempt, error: 'NOT_LEADER_OR_FOLLOWER', offset: null }));
}

/** The broker's process died: what it held is gone, unanswered. */
export function dropDelayedProduces(ctx: SimContext, broker: number): void {
  ctx.world.pendingProduces = ctx.world.pendingProduces.filter((pending) => pending.leader !== broker);
}

/**
 * Finds an idempotent batch already in the log by producer id and sequence. Only a resend can
 * find one (a first attempt was never appended), so only resends pay for the search.
 */
function findBySequence(leader: ReplicaState, producerId: number, sequence: number): LogRecord | undefined {
  for (let i = leader.log.length - 1; i >= 0; i--) {
    const record = leader.log[i];
    if (record.producerId === producerId && record.sequence === sequence) return record;
  }
  return undefined;
}

function append(ctx: SimContext, p: PartitionState, leader: ReplicaState, produced: number): LogRecord {
  const entry = ctx.world.produced[produced];
  const client = ctx.world.producerRecords[produced];
  const record: LogRecord = {
    offset: logEndOffset(leader), leaderEpoch: p.leaderEpoch, step: entry.step, index: entry.index,
    key: entry.key, value: entry.value, sizeBytes: singleRecordBatchSize(entry.key, entry.value),
    ...(client.idempotent && client.sequence !== null ? { producerId: PRODUCER_ID, sequence: client.sequence } : {}),
  };
  if (client.attempt > 1) reportDuplicate(ctx, p, leader, record);
  appendBatch(leader.layout, record.offset, record.sizeBytes, layoutConfig(ctx.world, p.topic));
  leader.log.push(record);
  ctx.events.push({
    type: 'append', atMs: ctx.world.timeMs, topic: p.topic, partition: p.partition, broker: leader.broker,
    offset: record.offset, leaderEpoch: record.leaderEpoch, step: entry.step, index: entry.index,
  });
  recordAppended(ctx, p);
  return record;
}

/**
 * The leader handles one produce request (attempt `attempt` of record `produced`) and returns the
 * answers it gives at once, in order: to this request, and to acks=all requests its HW rise
 * completes (`ReplicaManager.appendRecords`' `tryCompleteElseWatch`). None: no answer will come now.
 */
export function handleProduceRequest(ctx: SimContext, produced: number, attempt: number): ProduceAnswer[] {
  const entry = ctx.world.produced[produced];
  const client = ctx.world.producerRecords[produced];
  const p = getPartition(ctx.world, entry.topic, entry.partition);
  const leader = leaderReplica(p);
  if (!leader || p.leader === null || !isServingLeader(ctx, p)) return []; // no answer will come
  if (entry.acks === 'all' && p.isr.length < minInsyncReplicas(ctx, entry.topic)) {
    return [{ produced, attempt, error: 'NOT_ENOUGH_REPLICAS', offset: null }];
  }
  const original = client.idempotent && client.sequence !== null && attempt > 1 ? findBySequence(leader, PRODUCER_ID, client.sequence) : undefined;
  if (!original && exceedsSegmentBytes(singleRecordBatchSize(entry.key, entry.value), layoutConfig(ctx.world, p.topic).segmentBytes)) {
    // `UnifiedLog.append` refuses a batch larger than segment.bytes (RecordBatchTooLargeException).
    return [{ produced, attempt, error: 'RECORD_LIST_TOO_LARGE', offset: null }];
  }
  const record = original ?? append(ctx, p, leader, produced);
  if (entry.acks !== 0) entry.offset = record.offset;
  if (entry.acks === 'all') {
    ctx.world.pendingProduces.push({ produced, attempt, topic: p.topic, partition: p.partition, leader: p.leader, offset: record.offset });
  }
  // Held produces complete when the HW moves; a resend found already in the log may be
  // committed already, with no HW move to wait for.
  const answers = maybeIncrementLeaderHighWatermark(ctx, p) || original ? completeDelayedProduces(ctx, p) : [];
  if (entry.acks === 1) answers.push({ produced, attempt, error: null, offset: record.offset });
  return answers;
}

/**
 * The request's timeout passed on the broker: a leader that is up and holds the request answers
 * REQUEST_TIMED_OUT (`DelayedProduce.onExpiration`). Returns that answer, or null if none comes.
 */
export function expireDelayedProduce(ctx: SimContext, produced: number, attempt: number): ProduceAnswer | null {
  const index = ctx.world.pendingProduces.findIndex((pending) => pending.produced === produced && pending.attempt === attempt);
  if (index < 0) return null;
  const [pending] = ctx.world.pendingProduces.splice(index, 1);
  const broker = ctx.world.brokers.find((b) => b.id === pending.leader);
  if (broker?.state !== 'running') return null; // an isolated leader's answer cannot reach the client
  return { produced, attempt, error: 'REQUEST_TIMED_OUT', offset: null };
}
