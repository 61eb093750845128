/**
 * The Java producer's side of a produce (docs/scenario-format.md, "Produce"; Kafka's `Sender`,
 * `RecordAccumulator`, KIP-91's `delivery.timeout.ms`). One produce step's records are each their
 * own batch, sent at the step's instant (no batching is modelled).
 *
 * - acks=0 is acknowledged with offset -1 at once: the producer expects no answer.
 * - A request with no answer within `request.timeout.ms` fails with REQUEST_TIMED_OUT (3.6
 *   client) or NETWORK_EXCEPTION (2.8 client), unless the leader, still up, answers first with
 *   its own REQUEST_TIMED_OUT.
 * - A retriable error (NOT_LEADER_OR_FOLLOWER, NOT_ENOUGH_REPLICAS,
 *   NOT_ENOUGH_REPLICAS_AFTER_APPEND, REQUEST_TIMED_OUT, NETWORK_EXCEPTION) is retried to the
 *   current leader after `retry.backoff.ms` while attempts ≤ `retries` and the batch has not
 *   reached `delivery.timeout.ms` (`Sender.canRetry`).
 * - While the partition has no leader the batch waits unsent, no attempt counted.
 * - `delivery.timeout.ms` after creation the batch expires with REQUEST_TIMED_OUT, wherever it is.
 * - Idempotence (KIP-98): acks=all batches of an idempotent producer carry the producer id and a
 *   per-partition sequence number assigned at their first send; a step that overrides acks to 0
 *   or 1 stands for another, non-idempotent producer.
 */
import type { ProduceAnswer } from '../model/reactions';
import type { Acks, ProduceStep } from '../model/scenario';
import { findTopic, getPartition, type SimContext } from '../simContext';
import { schedule } from '../time/eventQueue';
import { choosePartition } from './partitioner';
import { expireDelayedProduce, handleProduceRequest } from './produce';
import { batchSizeUpperBound, singleRecordBatchSize } from './recordBatchSize';

const RETRIABLE = ['NOT_LEADER_OR_FOLLOWER', 'NOT_ENOUGH_REPLICAS', 'NOT_ENOUGH_REPLICAS_AFTER_APPEND', 'REQUEST_TIMED_OUT', 'NETWORK_EXCEPTION'];

function finish(ctx: SimContext, produced: number, acked: boolean, error: string | null): void {
  const entry = ctx.world.produced[produced];
  ctx.world.producerRecords[produced].phase = 'done';
  entry.acked = acked;
  entry.error = error;
  ctx.events.push({ type: 'produce-response', atMs: ctx.world.timeMs, produced, topic: entry.topic, partition: entry.partition, acked, error });
}

function nextSequence(ctx: SimContext, topic: string, partition: number): number {
  let counter = ctx.world.producerSequences.find((s) => s.topic === topic && s.partition === partition);
  if (!counter) {
    counter = { topic, partition, next: 0 };
    ctx.world.producerSequences.push(counter);
  }
  return counter.next++;
}

/** Sends the record now if its partition has a leader; otherwise it waits unsent. */
function trySend(ctx: SimContext, produced: number): void {
  const entry = ctx.world.produced[produced];
  const client = ctx.world.producerRecords[produced];
  const p = getPartition(ctx.world, entry.topic, entry.partition);
  if (p.leader === null) {
    client.phase = 'unsent';
    return;
  }
  if (client.idempotent && client.sequence === null) client.sequence = nextSequence(ctx, entry.topic, entry.partition);
  client.phase = 'in-flight';
  client.attempt += 1;
  entry.attempts += 1;
  const attempt = client.attempt;
  if (entry.acks === 0) finish(ctx, produced, true, null);
  takeAnswers(ctx, handleProduceRequest(ctx, produced, attempt));
  // Answered at once (acks 0 and 1, most errors): no timer. Otherwise the request times out.
  if (client.phase === 'in-flight' && client.attempt === attempt) {
    schedule(ctx.world.queue, ctx.world.timeMs + ctx.world.settings.producer.config['request.timeout.ms'], { type: 'produce-timeout', produced, attempt });
  }
}

/** The leaders' answers, in the order they were given. */
export function takeAnswers(ctx: SimContext, answers: readonly ProduceAnswer[]): void {
  for (const a of answers) onProduceResponse(ctx, a.produced, a.attempt, a.error, a.offset);
}

/** A response from the leader for attempt `attempt`: an error name, or null for success. */
export function onProduceResponse(ctx: SimContext, produced: number, attempt: number, error: string | null, offset: number | null): void {
  const entry = ctx.world.produced[produced];
  const client = ctx.world.producerRecords[produced];
  if (client.phase !== 'in-flight' || client.attempt !== attempt) return; // an answer nobody waits for
  if (error === null) {
    if (offset !== null) entry.offset = offset;
    finish(ctx, produced, true, null);
    return;
  }
  failAttempt(ctx, produced, error);
}

function failAttempt(ctx: SimContext, produced: number, error: string): void {
  const entry = ctx.world.produced[produced];
  const client = ctx.world.producerRecords[produced];
  const config = ctx.world.settings.producer.config;
  const canRetry = RETRIABLE.includes(error) && entry.attempts <= config.retries && ctx.world.timeMs < client.deadlineMs;
  if (!canRetry) {
    finish(ctx, produced, false, error);
    return;
  }
  entry.error = error;
  client.phase = 'backoff';
  ctx.events.push({ type: 'produce-response', atMs: ctx.world.timeMs, produced, topic: entry.topic, partition: entry.partition, acked: false, error });
  schedule(ctx.world.queue, ctx.world.timeMs + config['retry.backoff.ms'], { type: 'produce-retry', produced, attempt: client.attempt });
}

/** `request.timeout.ms` after attempt `attempt` was sent. */
export function onProduceTimeout(ctx: SimContext, produced: number, attempt: number): void {
  const client = ctx.world.producerRecords[produced];
  if (client.phase !== 'in-flight' || client.attempt !== attempt) return;
  const answer = expireDelayedProduce(ctx, produced, attempt);
  if (answer) {
    takeAnswers(ctx, [answer]);
    return;
  }
  failAttempt(ctx, produced, ctx.world.settings.cluster.metadata === 'kraft' ? 'REQUEST_TIMED_OUT' : 'NETWORK_EXCEPTION');
}

export function onProduceRetry(ctx: SimContext, produced: number, attempt: number): void {
  const client = ctx.world.producerRecords[produced];
  if (client.phase === 'backoff' && client.attempt === attempt) trySend(ctx, produced);
}

/** KIP-91: the batch expires `delivery.timeout.ms` after it was created, sent or not. */
export function onDeliveryExpire(ctx: SimContext, produced: number): void {
  const client = ctx.world.producerRecords[produced];
  if (client.phase === 'done') return;
  ctx.world.pendingProduces = ctx.world.pendingProduces.filter((pending) => pending.produced !== produced);
  finish(ctx, produced, false, 'REQUEST_TIMED_OUT');
}

/** A partition got a leader: the records waiting unsent for it go out. */
export function sendUnsentProduces(ctx: SimContext, topic: string, partition: number): void {
  ctx.world.produced.forEach((entry, produced) => {
    if (entry.topic === topic && entry.partition === partition && ctx.world.producerRecords[produced].phase === 'unsent') trySend(ctx, produced);
  });
}

function substitute(text: string, i: number): string {
  return text.split('{i}').join(String(i));
}

function createRecord(ctx: SimContext, stepIndex: number, i: number, step: ProduceStep, acks: Acks): number {
  const key = step.key === null ? null : substitute(step.key, i);
  return createRecordOf(ctx, stepIndex, i, step, key, substitute(step.value, i), acks);
}

function createRecordOf(ctx: SimContext, stepIndex: number, i: number, step: ProduceStep, key: string | null, value: string, acks: Acks): number {
  const world = ctx.world;
  const topic = findTopic(world, step.topic);
  if (!topic) throw new Error(`assertion: unknown topic ${step.topic}`);
  const partition = choosePartition(world, world.settings.producer.partitioner, {
    topic, key, explicitPartition: step.partition, sizeBytes: singleRecordBatchSize(key, value),
  });
  const produced = world.produced.length;
  world.produced.push({ step: stepIndex, index: i, topic: step.topic, partition, key, value, acks, offset: acks === 0 ? -1 : null, acked: false, error: null, attempts: 0 });
  const deadlineMs = world.timeMs + world.settings.producer.config['delivery.timeout.ms'];
  const idempotent = acks === 'all' && world.settings.producer.config['enable.idempotence'];
  world.producerRecords.push({ phase: 'unsent', attempt: 0, deadlineMs, idempotent, sequence: null });
  return produced;
}

/** `max.request.size`, the Java producer's default (not configurable in the model yet). */
export const MAX_REQUEST_SIZE = 1048576;

/** The `produce` step: `count` records one after another at the same instant, each its own batch. */
export function produceStep(ctx: SimContext, step: ProduceStep, stepIndex: number, records?: { key: string | null; value: string }[]): void {
  const acks = step.acks ?? ctx.world.settings.producer.acks;
  for (let i = 0; i < (records ? records.length : step.count); i++) {
    // `records`: given as they are (a console producer's lines), no `{i}` substitution.
    const produced = records ? createRecordOf(ctx, stepIndex, i, step, records[i].key, records[i].value, acks) : createRecord(ctx, stepIndex, i, step, acks);
    const entry = ctx.world.produced[produced];
    // `KafkaProducer.ensureValidRecordSize`: refused before it is ever sent (RecordTooLargeException).
    if (batchSizeUpperBound(entry.key, entry.value) > MAX_REQUEST_SIZE) finish(ctx, produced, false, 'MESSAGE_TOO_LARGE');
    else trySend(ctx, produced);
    // Only a record still waiting needs its delivery deadline on the clock.
    const client = ctx.world.producerRecords[produced];
    if (client.phase !== 'done') schedule(ctx.world.queue, client.deadlineMs, { type: 'delivery-expire', produced });
  }
}
