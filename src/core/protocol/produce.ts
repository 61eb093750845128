/**
 * Produce, the leader's side (docs/scenario-format.md, "Produce"; Kafka's
 * `ReplicaManager.appendRecords`, `Partition.appendRecordsToLeader`, `DelayedProduce`):
 *
 * - A request reaches the leader in the producer's metadata at the instant it is sent; a leader
 *   that is down or unreachable never answers (producerClient.ts times the request out).
 * - acks=all is refused with NOT_ENOUGH_REPLICAS before the append when the ISR is smaller than
 *   `min.insync.replicas`.
 * - The leader appends each batch of a request as a whole (consecutive offsets, one leader
 *   epoch). An idempotent batch equal to one of the last 5 of its producer id that the leader's
 *   own log holds (replicated with the records, so a new leader knows them too) is not appended
 *   again: the answer carries the original offsets; a batch out of sequence is refused with
 *   OUT_OF_ORDER_SEQUENCE_NUMBER (producerState.ts).
 * - acks=1 is answered at once; acks=all waits until the HW passes the batch, then is answered
 *   NOT_ENOUGH_REPLICAS_AFTER_APPEND if the ISR is smaller than `min.insync.replicas`, else
 *   success (`Partition.checkEnoughReplicasReachOffset`). A leader that loses leadership while
 *   up answers NOT_LEADER_OR_FOLLOWER at once.
 *
 * The leader's answers are returned as data (`ProduceAnswer`, one per batch of a request) to the
 * caller, which hands them to the producer (producerClient.ts); this file never calls it back.
 */
import type { ProduceAnswer } from '../model/reactions';
import type { LogRecord, PartitionState, PendingProduce, ProduceRequestState, ReplicaState, World } from '../model/world';
import { logEndOffset } from '../model/world';
import { brokerById, findTopic, getPartition, layoutConfig, leaderReplica, type SimContext } from '../simContext';
import { appendBatch, exceedsSegmentBytes } from './logLayout';
import { maybeIncrementLeaderHighWatermark } from './highWatermark';
import { isServingLeader } from './roles';
import { checkIdempotentBatch, updateProducerState } from './producerState';
import { recordAppended } from './replicationSession';
import { reportDuplicate } from '../anomalies';

/** The producer id the cluster gives the scenario's idempotent producer (InitProducerId). */
export const PRODUCER_ID = 0;

/** The topic's `min.insync.replicas` (its own setting, else the cluster's, filled in at creation). */
export function minInsyncReplicas(world: World, topic: string): number {
  const state = findTopic(world, topic);
  if (!state) throw new Error(`assertion: unknown topic ${topic}`);
  return state.config['min.insync.replicas'];
}

/** `DelayedProduce.tryComplete` for every acks=all batch this partition's leader holds: their answers. */
export function completeDelayedProduces(ctx: SimContext, p: PartitionState): ProduceAnswer[] {
  const leader = leaderReplica(p);
  if (!leader || ctx.world.pendingProduces.length === 0) return [];
  const minIsr = minInsyncReplicas(ctx.world, p.topic);
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
  return done.map((pending) => ({ request: pending.request, slot: pending.slot, error, baseOffset: pending.baseOffset }));
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
  return abandoned.map((pending) => ({ request: pending.request, slot: pending.slot, error: 'NOT_LEADER_OR_FOLLOWER', baseOffset: null }));
}

/** The broker's process died: what it held is gone, unanswered. */
export function dropDelayedProduces(ctx: SimContext, broker: number): void {
  ctx.world.pendingProduces = ctx.world.pendingProduces.filter((pending) => pending.leader !== broker);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function append(ctx: SimContext, p: PartitionState, leader: ReplicaState, request: ProduceRequestState, slot: number): LogRecord[] {
  const batch = ctx.world.producerBatches[request.batches[slot]];
  const producer = ctx.world.producers[batch.producer];
  const baseOffset = logEndOffset(leader);
  const lastOffset = baseOffset + batch.records.length - 1;
  const idempotent = producer.idempotent && batch.baseSequence !== null && batch.producerEpoch !== null;
  // Field by field, without spreading the idempotence fields in: this runs once per record.
  const records: LogRecord[] = new Array<LogRecord>(batch.records.length);
  for (let i = 0; i < records.length; i++) {
    const entry = ctx.world.produced[batch.records[i]];
    const record: Mutable<LogRecord> = {
      offset: baseOffset + i, leaderEpoch: p.leaderEpoch, step: entry.step, index: entry.index,
      key: entry.key, value: entry.value, sizeBytes: batch.sizeBytes, baseOffset, lastOffset,
      maxTimestampMs: batch.maxTimestampMs, timestampMs: batch.timestampsMs[i] ?? batch.maxTimestampMs,
    };
    if (idempotent) {
      record.producerId = PRODUCER_ID;
      record.producerEpoch = batch.producerEpoch as number;
      record.sequence = batch.baseSequence as number;
    }
    records[i] = record;
  }
  if (batch.attempts > 1) for (const record of records) reportDuplicate(ctx, p, leader, record);
  appendBatch(leader.layout, baseOffset, batch.sizeBytes, layoutConfig(ctx.world, p.topic), records.length);
  for (const record of records) {
    leader.log.push(record);
    ctx.events.push({
      type: 'append', atMs: ctx.world.timeMs, topic: p.topic, partition: p.partition, broker: leader.broker,
      offset: record.offset, leaderEpoch: record.leaderEpoch, step: record.step, index: record.index,
    });
  }
  updateProducerState(leader, records);
  recordAppended(ctx, p);
  return records;
}

/** The leader's answer to one batch of a request. */
function answerOf(request: ProduceRequestState, slot: number, error: string | null, baseOffset: number | null): ProduceAnswer {
  return { request: request.id, slot, error, baseOffset };
}

/** What `checkIdempotentBatch` would say of a batch without a sequence: append it (one shared value). */
const APPEND = { kind: 'append' } as const;

/**
 * The leader handles one batch of a produce request (`slot` of request `request`) and returns the
 * answers it gives at once, in order: to this batch, and to acks=all batches its HW rise
 * completes. None: no answer for this batch now.
 */
export function handleProduceBatch(ctx: SimContext, request: ProduceRequestState, slot: number): ProduceAnswer[] {
  const batch = ctx.world.producerBatches[request.batches[slot]];
  const acks = ctx.world.producers[batch.producer].acks;
  const p = getPartition(ctx.world, batch.topic, batch.partition);
  const leader = leaderReplica(p);
  // Sent to the leader in the producer's metadata; one that is down or unreachable never answers.
  if (!leader || p.leader === null || !isServingLeader(ctx, p)) return [];
  if (acks === 'all' && p.isr.length < minInsyncReplicas(ctx.world, batch.topic)) return [answerOf(request, slot, 'NOT_ENOUGH_REPLICAS', null)];
  let baseOffset: number;
  let lastOffset: number;
  let duplicate = false;
  const check = batch.baseSequence !== null && batch.producerEpoch !== null
    ? checkIdempotentBatch(leader, { producerId: PRODUCER_ID, producerEpoch: batch.producerEpoch, baseSequence: batch.baseSequence, records: batch.records.length })
    : APPEND;
  if (check.kind === 'error') return [answerOf(request, slot, check.error, null)];
  if (check.kind === 'duplicate') {
    duplicate = true;
    baseOffset = check.batch.firstOffset;
    lastOffset = check.batch.lastOffset;
  } else {
    if (exceedsSegmentBytes(batch.sizeBytes, layoutConfig(ctx.world, p.topic).segmentBytes)) {
      // `UnifiedLog.append` refuses a batch larger than segment.bytes (RecordBatchTooLargeException).
      return [answerOf(request, slot, 'RECORD_LIST_TOO_LARGE', null)];
    }
    const records = append(ctx, p, leader, request, slot);
    baseOffset = records[0].offset;
    lastOffset = records[records.length - 1].offset;
  }
  if (acks !== 0) {
    // The report's offset of a record not (yet) acknowledged: that of its latest append on a leader.
    for (let i = 0; i < batch.records.length; i++) ctx.world.produced[batch.records[i]].offset = baseOffset + i;
  }
  if (acks === 'all') {
    ctx.world.pendingProduces.push({ request: request.id, slot, topic: p.topic, partition: p.partition, leader: p.leader, baseOffset, offset: lastOffset });
  }
  // Held produces complete when the HW moves (maybeIncrementLeaderHighWatermark sees to it); a
  // duplicate found already in the log may be committed already, with no HW move to wait for.
  const released = maybeIncrementLeaderHighWatermark(ctx, p) || duplicate ? completeDelayedProduces(ctx, p) : null;
  if (acks === 'all') return released ?? [];
  // acks 0 and 1 are answered after what the append released (one record of a burst at a time).
  const own = answerOf(request, slot, null, baseOffset);
  if (!released || released.length === 0) return [own];
  released.push(own);
  return released;
}

function brokerAnswers(ctx: SimContext, broker: number): boolean {
  return brokerById(ctx.world, broker)?.state === 'running';
}

/**
 * The request's timeout passed on the broker: a leader that is up and holds batches of it answers
 * them REQUEST_TIMED_OUT (`DelayedProduce.onExpiration`). Returns those answers, or null if none comes.
 */
export function expireDelayedProduce(ctx: SimContext, request: ProduceRequestState): ProduceAnswer[] | null {
  const held = ctx.world.pendingProduces.filter((pending) => pending.request === request.id);
  if (held.length === 0) return null;
  ctx.world.pendingProduces = ctx.world.pendingProduces.filter((pending) => pending.request !== request.id);
  if (!brokerAnswers(ctx, request.broker)) return null; // an isolated leader's answer cannot reach the client
  return held.map((pending) => ({ request: request.id, slot: pending.slot, error: 'REQUEST_TIMED_OUT', baseOffset: null }));
}
