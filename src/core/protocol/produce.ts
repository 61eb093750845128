/**
 * Produce (docs/scenario-format.md, "Produce"), the leader side of Kafka's
 * `ReplicaManager.appendRecords` and `Partition.appendRecordsToLeader`:
 *
 * - acks=all is refused with NOT_ENOUGH_REPLICAS before the append when the ISR is smaller than
 *   `min.insync.replicas`.
 * - The leader appends at once; acks=0 is answered with offset -1, acks=1 with the offset.
 * - acks=all waits in a `DelayedProduce` until the HW passes the record; if the ISR is then
 *   smaller than `min.insync.replicas` the answer is NOT_ENOUGH_REPLICAS_AFTER_APPEND (the record
 *   stays), as `Partition.checkEnoughReplicasReachOffset`. After the request's timeout
 *   (`request.timeout.ms`) on the broker it is REQUEST_TIMED_OUT.
 * Retries arrive with Foundation 3: until then a produce's first error is final (attempts 1).
 */
import type { ProduceStep, Acks } from '../model/scenario';
import type { LogRecord, PartitionState } from '../model/world';
import { logEndOffset } from '../model/world';
import { findTopic, getPartition, leaderReplica, type SimContext } from '../simContext';
import { schedule } from '../time/eventQueue';
import { maybeIncrementLeaderHighWatermark } from './highWatermark';
import { choosePartition } from './partitioner';
import { singleRecordBatchSize } from './recordBatchSize';

function minInsyncReplicas(ctx: SimContext, topic: string): number {
  const state = findTopic(ctx.world, topic);
  if (!state) throw new Error(`assertion: unknown topic ${topic}`);
  return state.config['min.insync.replicas'];
}

function respond(ctx: SimContext, produced: number, acked: boolean, error: string | null): void {
  const entry = ctx.world.produced[produced];
  entry.acked = acked;
  entry.error = error;
  ctx.events.push({
    type: 'produce-response', atMs: ctx.world.timeMs, produced, topic: entry.topic,
    partition: entry.partition, acked, error,
  });
}

/** `DelayedProduce.tryComplete` for every acks=all request waiting on this partition. */
export function completeDelayedProduces(ctx: SimContext, p: PartitionState): void {
  const leader = leaderReplica(p);
  if (!leader) return;
  const minIsr = minInsyncReplicas(ctx, p.topic);
  const waiting = ctx.world.pendingProduces;
  const stillWaiting = waiting.filter((pending) => {
    if (pending.topic !== p.topic || pending.partition !== p.partition) return true;
    if (leader.highWatermark <= pending.offset) return true;
    if (p.isr.length < minIsr) respond(ctx, pending.produced, false, 'NOT_ENOUGH_REPLICAS_AFTER_APPEND');
    else respond(ctx, pending.produced, true, null);
    return false;
  });
  ctx.world.pendingProduces = stillWaiting;
}

/** A `DelayedProduce` that reached the request's timeout on the broker. */
export function expireDelayedProduce(ctx: SimContext, produced: number): void {
  const pending = ctx.world.pendingProduces;
  const index = pending.findIndex((entry) => entry.produced === produced);
  if (index < 0) return; // already answered
  pending.splice(index, 1);
  respond(ctx, produced, false, 'REQUEST_TIMED_OUT');
}

interface OutgoingRecord {
  step: number;
  index: number;
  topic: string;
  key: string | null;
  value: string;
  explicitPartition: number | null;
  acks: Acks;
}

function sendRecord(ctx: SimContext, record: OutgoingRecord): void {
  const world = ctx.world;
  const topic = findTopic(world, record.topic);
  if (!topic) throw new Error(`assertion: unknown topic ${record.topic}`);
  const sizeBytes = singleRecordBatchSize(record.key, record.value);
  const partition = choosePartition(world, world.settings.producer.partitioner, {
    topic, key: record.key, explicitPartition: record.explicitPartition, sizeBytes,
  });
  const produced = world.produced.length;
  world.produced.push({
    step: record.step, index: record.index, topic: record.topic, partition, key: record.key,
    value: record.value, acks: record.acks, offset: null, acked: false, error: null, attempts: 1,
  });
  const p = getPartition(world, record.topic, partition);
  const leader = leaderReplica(p);
  if (!leader) throw new Error('assertion: a partition without a leader needs the producer retries of Foundation 3');
  if (record.acks === 'all' && p.isr.length < minInsyncReplicas(ctx, record.topic)) {
    respond(ctx, produced, false, 'NOT_ENOUGH_REPLICAS');
    return;
  }
  const appended: LogRecord = {
    offset: logEndOffset(leader), leaderEpoch: p.leaderEpoch, step: record.step, index: record.index,
    key: record.key, value: record.value, sizeBytes,
  };
  leader.log.push(appended);
  ctx.events.push({
    type: 'append', atMs: world.timeMs, topic: p.topic, partition: p.partition, broker: leader.broker,
    offset: appended.offset, leaderEpoch: appended.leaderEpoch, step: record.step, index: record.index,
  });
  world.produced[produced].offset = record.acks === 0 ? -1 : appended.offset;
  if (record.acks === 'all') {
    world.pendingProduces.push({ produced, topic: p.topic, partition: p.partition, leader: leader.broker, offset: appended.offset });
    schedule(world.queue, world.timeMs + world.settings.producer.config['request.timeout.ms'], { type: 'produce-timeout', produced });
  }
  maybeIncrementLeaderHighWatermark(ctx, p);
  if (record.acks !== 'all') respond(ctx, produced, true, null);
}

function substitute(text: string, i: number): string {
  return text.split('{i}').join(String(i));
}

/** The `produce` step: `count` records, one after another at the same instant, each its own batch. */
export function produceStep(ctx: SimContext, step: ProduceStep, stepIndex: number): void {
  const acks = step.acks ?? ctx.world.settings.producer.acks;
  for (let i = 0; i < step.count; i++) {
    sendRecord(ctx, {
      step: stepIndex, index: i, topic: step.topic,
      key: step.key === null ? null : substitute(step.key, i),
      value: substitute(step.value, i), explicitPartition: step.partition, acks,
    });
  }
}
