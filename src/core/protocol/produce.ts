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
 * While the partition has no leader the record waits unsent (no attempt) and expires with
 * REQUEST_TIMED_OUT at `delivery.timeout.ms`; once a leader is elected it is sent.
 * Retries arrive with Foundation 3: until then a produce's first error is final.
 */
import type { ProduceStep, Acks } from '../model/scenario';
import type { LogRecord, PartitionState } from '../model/world';
import { logEndOffset } from '../model/world';
import { findTopic, getPartition, leaderReplica, type SimContext } from '../simContext';
import { schedule } from '../time/eventQueue';
import { maybeIncrementLeaderHighWatermark } from './highWatermark';
import { isServingLeader } from './leadership';
import { recordAppended } from './replicationSession';
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
    if (pending.topic !== p.topic || pending.partition !== p.partition || pending.leader !== leader.broker) return true;
    if (pending.offset < 0) return true; // never reached the leader
    if (leader.highWatermark <= pending.offset) return true;
    if (p.isr.length < minIsr) respond(ctx, pending.produced, false, 'NOT_ENOUGH_REPLICAS_AFTER_APPEND');
    else respond(ctx, pending.produced, true, null);
    return false;
  });
  ctx.world.pendingProduces = stillWaiting;
}

/**
 * `request.timeout.ms` after a produce was sent with no answer yet. A leader that is up answers
 * its `DelayedProduce` REQUEST_TIMED_OUT; a crashed or isolated one never answers, and the client
 * gives up at the same instant: REQUEST_TIMED_OUT in the 3.6 client, NETWORK_EXCEPTION in 2.8's.
 */
export function expireDelayedProduce(ctx: SimContext, produced: number): void {
  const pending = ctx.world.pendingProduces;
  const index = pending.findIndex((entry) => entry.produced === produced);
  if (index < 0) return; // already answered
  const [entry] = pending.splice(index, 1);
  const leader = ctx.world.brokers.find((b) => b.id === entry.leader);
  const brokerAnswers = entry.offset >= 0 && !entry.orphaned && leader?.state === 'running';
  const clientError = ctx.world.settings.cluster.metadata === 'kraft' ? 'REQUEST_TIMED_OUT' : 'NETWORK_EXCEPTION';
  respond(ctx, produced, false, brokerAnswers ? 'REQUEST_TIMED_OUT' : clientError);
}

/**
 * The old leader loses leadership while produces wait on it: a running one answers them
 * NOT_LEADER_OR_FOLLOWER at once (`Partition.makeFollower` completes its delayed produces); the
 * producer's retries arrive with Foundation 3.
 */
export function abandonDelayedProduces(ctx: SimContext, p: PartitionState, broker: number): void {
  const waiting = ctx.world.pendingProduces;
  ctx.world.pendingProduces = waiting.filter((pending) => {
    if (pending.topic !== p.topic || pending.partition !== p.partition || pending.leader !== broker) return true;
    respond(ctx, pending.produced, false, 'NOT_LEADER_OR_FOLLOWER');
    return false;
  });
}

/** The broker crashed: the process that held these requests is gone and will never answer. */
export function orphanDelayedProduces(ctx: SimContext, broker: number): void {
  for (const pending of ctx.world.pendingProduces) if (pending.leader === broker) pending.orphaned = true;
}

/** Records held unsent while the partition had no leader go out once it has one. */
export function sendUnsentProduces(ctx: SimContext, p: PartitionState): void {
  const ready = ctx.world.unsentProduces.filter((u) => u.topic === p.topic && u.partition === p.partition);
  if (ready.length === 0) return;
  ctx.world.unsentProduces = ctx.world.unsentProduces.filter((u) => !ready.includes(u));
  for (const unsent of ready) sendToLeader(ctx, unsent.produced);
}

/** `delivery.timeout.ms` passed while the record waited unsent: the Java producer expires the batch. */
export function expireUnsentProduce(ctx: SimContext, produced: number): void {
  const index = ctx.world.unsentProduces.findIndex((u) => u.produced === produced);
  if (index < 0) return;
  ctx.world.unsentProduces.splice(index, 1);
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
    value: record.value, acks: record.acks, offset: null, acked: false, error: null, attempts: 0,
  });
  const p = getPartition(world, record.topic, partition);
  if (p.leader === null) {
    // No leader in the producer's metadata: the record waits unsent, no attempt counted.
    const deadlineMs = world.timeMs + world.settings.producer.config['delivery.timeout.ms'];
    world.unsentProduces.push({ produced, topic: p.topic, partition: p.partition, deadlineMs });
    schedule(world.queue, deadlineMs, { type: 'unsent-expire', produced });
    return;
  }
  sendToLeader(ctx, produced);
}

/**
 * One attempt: the request reaches the leader in the metadata at this instant. A leader that is
 * not up and reachable never answers, so the producer times out after `request.timeout.ms`.
 */
function sendToLeader(ctx: SimContext, produced: number): void {
  const world = ctx.world;
  const entry = world.produced[produced];
  const p = getPartition(world, entry.topic, entry.partition);
  const leaderId = p.leader;
  if (leaderId === null) throw new Error('assertion: sendToLeader needs a leader');
  entry.attempts += 1;
  const timeoutAt = world.timeMs + world.settings.producer.config['request.timeout.ms'];
  const leader = leaderReplica(p);
  if (!leader || !isServingLeader(ctx, p)) {
    world.pendingProduces.push({ produced, topic: p.topic, partition: p.partition, leader: leaderId, offset: -1 });
    schedule(world.queue, timeoutAt, { type: 'produce-timeout', produced });
    return;
  }
  if (entry.acks === 'all' && p.isr.length < minInsyncReplicas(ctx, entry.topic)) {
    respond(ctx, produced, false, 'NOT_ENOUGH_REPLICAS');
    return;
  }
  const appended: LogRecord = {
    offset: logEndOffset(leader), leaderEpoch: p.leaderEpoch, step: entry.step, index: entry.index,
    key: entry.key, value: entry.value, sizeBytes: singleRecordBatchSize(entry.key, entry.value),
  };
  leader.log.push(appended);
  ctx.events.push({
    type: 'append', atMs: world.timeMs, topic: p.topic, partition: p.partition, broker: leader.broker,
    offset: appended.offset, leaderEpoch: appended.leaderEpoch, step: entry.step, index: entry.index,
  });
  entry.offset = entry.acks === 0 ? -1 : appended.offset;
  if (entry.acks === 'all') {
    world.pendingProduces.push({ produced, topic: p.topic, partition: p.partition, leader: leader.broker, offset: appended.offset });
    schedule(world.queue, timeoutAt, { type: 'produce-timeout', produced });
  }
  recordAppended(ctx, p);
  maybeIncrementLeaderHighWatermark(ctx, p);
  if (entry.acks !== 'all') respond(ctx, produced, true, null);
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
