/**
 * The Java producer's side of a produce (docs/scenario-format.md, "Produce" and "Batches and the
 * in-flight window"): Kafka 3.6's `RecordAccumulator`, `Sender` and, for the idempotent producer,
 * `TransactionManager`, with `linger.ms` 0.
 *
 * - **Accumulator** (`RecordAccumulator.append`, `MemoryRecordsBuilder.hasRoomFor`): a record joins
 *   its partition's last waiting batch (one never sent) if the batch's v2 size with it stays
 *   within `batch.size`; otherwise it opens a new batch (a first record always fits). Records for
 *   a partition without a leader wait and batch the same way.
 * - **Sender** (`Sender.sendProducerData`, `RecordAccumulator.drainBatchesForOneNode`): at most
 *   `max.in.flight.requests.per.connection` requests unanswered per leader broker. Whenever a
 *   leader's window has room (a produce step, an answer that frees a slot, the end of a retry
 *   backoff, a new leader), one request goes carrying the first waiting batch of each partition
 *   the broker leads, from the node's drain index round, up to `max.request.size`, skipping a
 *   batch in backoff; draining stops at a partition whose batch must wait for its sequence
 *   (`shouldStopDrainBatchesForPartition`). acks=0 requests expect no answer and hold no slot.
 * - A request is answered once every batch in it has its answer (one response per request, as
 *   `DelayedProduce` completes). With no answer within `request.timeout.ms` every batch of it
 *   fails with REQUEST_TIMED_OUT (3.6 client) or NETWORK_EXCEPTION (2.8 client), unless the
 *   leader, still up, answers first with its own REQUEST_TIMED_OUT.
 * - **Retries** (`Sender.canRetry`): a retriable error is retried while sends ≤ `retries` and the
 *   batch has not reached `delivery.timeout.ms`; the batch goes back to the head of its queue (in
 *   sequence order: `insertInSequenceOrder`) and waits `retry.backoff.ms`. Without idempotence a
 *   retried batch can therefore land after a later batch of the same partition.
 * - **Idempotence** (KIP-98; `TransactionManager`): a batch gets its producer epoch and base
 *   sequence when first drained; `canRetry` retries OUT_OF_ORDER_SEQUENCE_NUMBER for a batch that
 *   is not the next one due, and when it is, bumps the producer epoch and restarts the partition's
 *   in-flight sequences at 0 (`bumpIdempotentProducerEpoch`, `startSequencesAtBeginning`). A
 *   retried batch is drained only when it is the partition's first in flight by sequence.
 * - `delivery.timeout.ms` after a batch was created it expires with REQUEST_TIMED_OUT wherever it
 *   is (KIP-91); an expired batch that had been retried leaves its sequence unresolved.
 */
import type { ProduceAnswer } from '../model/reactions';
import type { Acks, ProduceStep } from '../model/scenario';
import type { ProduceRequestState, ProducerBatch, ProducerClientState, ProducerPartition } from '../model/world';
import { findTopic, getPartition, type SimContext } from '../simContext';
import { schedule } from '../time/eventQueue';
import { builtInAppended, choosePartition, type PartitionChoice, usesBuiltInPartitioner } from './partitioner';
import { expireDelayedProduce, handleProduceBatch } from './produce';
import { batchSizeUpperBound, recordSizeInBatch, singleRecordBatchSize } from './recordBatchSize';

const RETRIABLE = ['NOT_LEADER_OR_FOLLOWER', 'NOT_ENOUGH_REPLICAS', 'NOT_ENOUGH_REPLICAS_AFTER_APPEND', 'REQUEST_TIMED_OUT', 'NETWORK_EXCEPTION'];

/** `max.request.size`, the Java producer's default (not configurable in the model yet). */
export const MAX_REQUEST_SIZE = 1048576;

// ---------------------------------------------------------------------------------------------
// Producers and their bookkeeping

/** The producer a step's records go through: one per acks value (a step that overrides acks stands for another producer). */
function producerFor(ctx: SimContext, acks: Acks): number {
  const found = ctx.world.producers.findIndex((p) => p.acks === acks);
  if (found >= 0) return found;
  ctx.world.producers.push({
    acks, idempotent: acks === 'all' && ctx.world.settings.producer.config['enable.idempotence'],
    producerEpoch: 0, epochBumpRequired: false, partitionsToRewrite: [], partitions: [], windows: [],
  });
  return ctx.world.producers.length - 1;
}

/** The producer's state for one partition, if it has sent there (a loop: this runs for every record). */
function findPartitionState(producer: ProducerClientState, topic: string, partition: number): ProducerPartition | undefined {
  for (const state of producer.partitions) if (state.partition === partition && state.topic === topic) return state;
  return undefined;
}

function partitionOf(producer: ProducerClientState, topic: string, partition: number): ProducerPartition {
  let state = findPartitionState(producer, topic, partition);
  if (!state) {
    state = { topic, partition, queue: [], producerEpoch: producer.producerEpoch, nextSequence: 0, lastAckedSequence: -1, inFlight: [], unresolved: null };
    producer.partitions.push(state);
  }
  return state;
}

function windowOf(producer: ProducerClientState, broker: number): { broker: number; inFlight: number; drainIndex: number } {
  for (const window of producer.windows) if (window.broker === broker) return window;
  const window = { broker, inFlight: 0, drainIndex: 0 };
  producer.windows.push(window);
  return window;
}

function batchOf(ctx: SimContext, id: number): ProducerBatch {
  return ctx.world.producerBatches[id];
}

const lastSequence = (batch: ProducerBatch) => (batch.baseSequence as number) + batch.records.length - 1;

/** `TransactionManager.requestEpochBumpForPartition`. */
function requestEpochBump(producer: ProducerClientState, state: ProducerPartition): void {
  producer.epochBumpRequired = true;
  const name = `${state.topic}-${state.partition}`;
  if (!producer.partitionsToRewrite.includes(name)) producer.partitionsToRewrite.push(name);
}

/** `TxnPartitionMap.startSequencesAtBeginning`: in-flight batches renumbered from 0 in the new epoch. */
function startSequencesAtBeginning(ctx: SimContext, producer: ProducerClientState, state: ProducerPartition): void {
  let sequence = 0;
  for (const id of state.inFlight) {
    const batch = batchOf(ctx, id);
    batch.producerEpoch = producer.producerEpoch;
    batch.baseSequence = sequence;
    batch.sequenceReset = true;
    sequence += batch.records.length;
  }
  state.producerEpoch = producer.producerEpoch;
  state.nextSequence = sequence;
  state.lastAckedSequence = -1;
}

/** `bumpIdempotentEpochAndResetIdIfNeeded`, which the sender runs before it sends. */
function maybeBumpEpoch(ctx: SimContext, producer: ProducerClientState): void {
  if (!producer.epochBumpRequired) return;
  producer.producerEpoch += 1;
  for (const state of producer.partitions) {
    if (!producer.partitionsToRewrite.includes(`${state.topic}-${state.partition}`)) continue;
    startSequencesAtBeginning(ctx, producer, state);
    state.unresolved = null;
  }
  producer.partitionsToRewrite = [];
  producer.epochBumpRequired = false;
}

/** `TransactionManager.maybeResolveSequences`. */
function maybeResolveSequences(producer: ProducerClientState): void {
  for (const state of producer.partitions) {
    if (state.unresolved === null || state.inFlight.length > 0) continue;
    if (state.nextSequence - state.lastAckedSequence !== 1) requestEpochBump(producer, state);
    state.unresolved = null;
  }
}

function removeInFlight(state: ProducerPartition, id: number): void {
  const i = state.inFlight.indexOf(id);
  if (i >= 0) state.inFlight.splice(i, 1);
}

// ---------------------------------------------------------------------------------------------
// Outcomes

function respond(ctx: SimContext, batch: ProducerBatch, acked: boolean, error: string | null): void {
  for (const produced of batch.records) {
    const entry = ctx.world.produced[produced];
    entry.acked = acked;
    entry.error = error;
    ctx.events.push({ type: 'produce-response', atMs: ctx.world.timeMs, produced, topic: entry.topic, partition: entry.partition, acked, error });
  }
}

function finish(ctx: SimContext, batch: ProducerBatch, acked: boolean, error: string | null): void {
  batch.phase = 'done';
  respond(ctx, batch, acked, error);
}

/** `Sender.failBatch` → `TransactionManager.handleFailedBatch`. */
function failBatch(ctx: SimContext, batch: ProducerBatch, error: string, adjustSequenceNumbers: boolean): void {
  const producer = ctx.world.producers[batch.producer];
  const state = partitionOf(producer, batch.topic, batch.partition);
  const queued = state.queue.indexOf(batch.id);
  if (queued >= 0) state.queue.splice(queued, 1);
  finish(ctx, batch, false, error);
  if (!producer.idempotent) return;
  removeInFlight(state, batch.id);
  if (error === 'OUT_OF_ORDER_SEQUENCE_NUMBER' || adjustSequenceNumbers) requestEpochBump(producer, state);
}

/** `TransactionManager.canRetry` (idempotent, not transactional) or, without idempotence, a retriable error. */
function errorAllowsRetry(producer: ProducerClientState, state: ProducerPartition, batch: ProducerBatch, error: string): boolean {
  if (producer.idempotent && error === 'OUT_OF_ORDER_SEQUENCE_NUMBER') {
    const isNext = (batch.baseSequence as number) - state.lastAckedSequence === 1;
    if (state.unresolved === null && (batch.sequenceReset || !isNext)) return true;
    if (state.unresolved === null || state.unresolved === batch.baseSequence) requestEpochBump(producer, state);
    return true;
  }
  return RETRIABLE.includes(error);
}

/** `RecordAccumulator.reenqueue`: back to the head of its queue, in sequence order (`insertInSequenceOrder`). */
function reenqueue(ctx: SimContext, state: ProducerPartition, batch: ProducerBatch): void {
  let at = 0;
  if (batch.baseSequence !== null) {
    while (at < state.queue.length) {
      const other = batchOf(ctx, state.queue[at]);
      if (other.baseSequence === null || other.baseSequence > batch.baseSequence) break;
      at++;
    }
  }
  state.queue.splice(at, 0, batch.id);
}

/** `Sender.completeBatch` for one batch of an answered request. */
function completeBatch(ctx: SimContext, batch: ProducerBatch, error: string | null, baseOffset: number | null): void {
  if (batch.phase !== 'in-flight') return; // expired meanwhile: nobody waits for this answer
  const producer = ctx.world.producers[batch.producer];
  const state = partitionOf(producer, batch.topic, batch.partition);
  if (error === null) {
    if (producer.idempotent && batch.baseSequence !== null) {
      state.lastAckedSequence = Math.max(state.lastAckedSequence, lastSequence(batch));
      removeInFlight(state, batch.id);
    }
    if (producer.acks !== 0 && baseOffset !== null) for (let i = 0; i < batch.records.length; i++) ctx.world.produced[batch.records[i]].offset = baseOffset + i;
    finish(ctx, batch, true, null);
    return;
  }
  const config = ctx.world.settings.producer.config;
  const withinLimits = batch.attempts <= config.retries && ctx.world.timeMs < batch.deadlineMs;
  if (withinLimits && errorAllowsRetry(producer, state, batch, error)) {
    respond(ctx, batch, false, error);
    batch.phase = 'backoff';
    batch.retried = true;
    reenqueue(ctx, state, batch);
    schedule(ctx.world.queue, ctx.world.timeMs + config['retry.backoff.ms'], { type: 'produce-retry', batch: batch.id, attempts: batch.attempts });
    return;
  }
  failBatch(ctx, batch, error, batch.attempts <= config.retries);
}

/** Every batch of the request has its answer: the response reaches the client and frees a slot. */
function completeRequest(ctx: SimContext, request: ProduceRequestState): void {
  const world = ctx.world;
  world.producerRequests.splice(world.producerRequests.indexOf(request), 1);
  const producer = world.producers[request.producer];
  windowOf(producer, request.broker).inFlight -= 1;
  // The brokers to wake, in first-seen order (a request's batches mostly share one leader).
  const wake = [request.broker];
  for (let slot = 0; slot < request.batches.length; slot++) {
    const result = request.results[slot];
    const batch = batchOf(ctx, request.batches[slot]);
    completeBatch(ctx, batch, result ? result.error : null, result ? result.baseOffset : null);
    const leader = getPartition(world, batch.topic, batch.partition).leader;
    if (leader !== null && !wake.includes(leader)) wake.push(leader);
  }
  maybeResolveSequences(producer);
  for (const broker of wake) wakeSender(ctx, request.producer, broker);
}

function requestById(ctx: SimContext, id: number): ProduceRequestState | undefined {
  for (const request of ctx.world.producerRequests) if (request.id === id) return request;
  return undefined;
}

function allAnswered(request: ProduceRequestState): boolean {
  for (const result of request.results) if (result === null) return false;
  return true;
}

/** The leaders' answers, in the order they were given. */
export function takeAnswers(ctx: SimContext, answers: readonly ProduceAnswer[]): void {
  for (const a of answers) onBatchResult(ctx, a.request, a.slot, a.error, a.baseOffset);
}

/** The leader's answer for one batch of a request: an error name, or null with the batch's first offset. */
export function onBatchResult(ctx: SimContext, requestId: number, slot: number, error: string | null, baseOffset: number | null): void {
  const request = requestById(ctx, requestId);
  if (!request || request.results[slot]) return;
  request.results[slot] = { error, baseOffset };
  if (!request.sending && allAnswered(request)) completeRequest(ctx, request);
}

// ---------------------------------------------------------------------------------------------
// The sender

/** `shouldStopDrainBatchesForPartition`: the idempotent producer keeps each partition's sequences in order. */
function mustWait(ctx: SimContext, producer: ProducerClientState, state: ProducerPartition, first: ProducerBatch): boolean {
  if (!producer.idempotent) return false;
  if (first.baseSequence === null) {
    if (state.inFlight.length > 0 && state.producerEpoch !== producer.producerEpoch) return true;
    if (state.unresolved !== null) return true;
  }
  const firstInFlight = state.inFlight.length > 0 ? batchOf(ctx, state.inFlight[0]).baseSequence : null;
  return firstInFlight !== null && first.baseSequence !== null && first.baseSequence !== firstInFlight;
}

/** With one request in flight per connection the sender mutes a partition that has a batch in flight. */
function muted(ctx: SimContext, producer: number, topic: string, partition: number): boolean {
  if (ctx.world.settings.producer.config['max.in.flight.requests.per.connection'] !== 1) return false;
  return ctx.world.producerRequests.some((r) => r.producer === producer
    && r.batches.some((id) => batchOf(ctx, id).topic === topic && batchOf(ctx, id).partition === partition));
}

/** `RecordAccumulator.drainBatchesForOneNode`: batch ids for one request to `broker` (maybe none). */
function drain(ctx: SimContext, producerIndex: number, broker: number): number[] | null {
  const producer = ctx.world.producers[producerIndex];
  // Counted first, without allocating: the sender drains once more after every request it sends,
  // and for a burst of acks=1 records that second drain, which finds nothing, runs once per record.
  let led = 0;
  let waiting = false;
  for (const topic of ctx.world.topics) {
    for (const p of topic.partitions) {
      if (p.leader !== broker) continue;
      led++;
      if (!waiting) waiting = (findPartitionState(producer, p.topic, p.partition)?.queue.length ?? 0) > 0;
    }
  }
  if (led === 0) return null;
  const window = windowOf(producer, broker);
  if (!waiting) {
    // The round below would visit every partition and stop on the one before where it began.
    window.drainIndex = (window.drainIndex % led + led - 1) % led;
    return null;
  }
  const parts = new Array<{ topic: string; partition: number }>(led);
  let k = 0;
  for (const topic of ctx.world.topics) for (const p of topic.partitions) if (p.leader === broker) parts[k++] = p;
  let i = window.drainIndex % parts.length;
  const start = i;
  let ready: number[] | null = null;
  let size = 0;
  do {
    const part = parts[i];
    window.drainIndex = i;
    i = (i + 1) % parts.length;
    const state = findPartitionState(producer, part.topic, part.partition);
    if (!state || state.queue.length === 0 || muted(ctx, producerIndex, part.topic, part.partition)) continue;
    const first = batchOf(ctx, state.queue[0]);
    if (first.phase === 'backoff') continue;
    if (size + first.sizeBytes > MAX_REQUEST_SIZE && ready) break;
    if (mustWait(ctx, producer, state, first)) break;
    state.queue.shift();
    if (producer.idempotent && first.baseSequence === null) {
      // `maybeUpdateProducerIdAndEpoch`: a partition whose batches are all done starts the new epoch at 0.
      if (state.producerEpoch !== producer.producerEpoch && state.inFlight.length === 0) startSequencesAtBeginning(ctx, producer, state);
      first.producerEpoch = producer.producerEpoch;
      first.baseSequence = state.nextSequence;
      state.nextSequence += first.records.length;
      state.inFlight.push(first.id);
    }
    size += first.sizeBytes;
    if (ready) ready.push(first.id);
    else ready = [first.id];
  } while (i !== start);
  return ready;
}

function send(ctx: SimContext, producerIndex: number, broker: number, batches: number[]): void {
  const world = ctx.world;
  const producer = world.producers[producerIndex];
  const request: ProduceRequestState = {
    id: world.nextRequestId++, producer: producerIndex, broker, sentAtMs: world.timeMs, batches,
    results: new Array<ProduceRequestState['results'][number]>(batches.length).fill(null), sending: true,
  };
  world.producerRequests.push(request);
  for (const id of batches) {
    const batch = batchOf(ctx, id);
    batch.phase = 'in-flight';
    batch.attempts += 1;
    for (const produced of batch.records) world.produced[produced].attempts = batch.attempts;
    // acks=0: the producer expects no answer; the record counts as acknowledged at once.
    if (producer.acks === 0) finish(ctx, batch, true, null);
  }
  if (producer.acks !== 0) windowOf(producer, broker).inFlight += 1;
  for (let slot = 0; slot < batches.length; slot++) takeAnswers(ctx, handleProduceBatch(ctx, request, slot));
  request.sending = false;
  if (producer.acks === 0) {
    world.producerRequests.splice(world.producerRequests.indexOf(request), 1);
    return;
  }
  if (allAnswered(request)) completeRequest(ctx, request);
  else schedule(world.queue, world.timeMs + world.settings.producer.config['request.timeout.ms'], { type: 'produce-timeout', request: request.id });
}

function hasWaiting(producer: ProducerClientState): boolean {
  for (const state of producer.partitions) if (state.queue.length > 0) return true;
  return false;
}

/** Sends requests to `broker` while its window has room and batches are ready for it. */
function runSender(ctx: SimContext, producerIndex: number, broker: number): void {
  const producer = ctx.world.producers[producerIndex];
  maybeBumpEpoch(ctx, producer);
  if (!hasWaiting(producer)) return;
  const max = ctx.world.settings.producer.config['max.in.flight.requests.per.connection'];
  while (producer.acks === 0 || windowOf(producer, broker).inFlight < max) {
    const batches = drain(ctx, producerIndex, broker);
    if (!batches) return;
    send(ctx, producerIndex, broker, batches);
  }
}

/**
 * Asks the sender to look at `broker`'s window. The sender runs when the current event (or step)
 * is done with everything else (`flushSender`), at the same instant: an answer that frees a slot
 * while a follower's fetch is being processed sends the next request after that fetch, and
 * answers that arrive while a request is being sent only queue work, so requests leave in the
 * order they were drained.
 */
function wakeSender(ctx: SimContext, producer: number, broker: number): void {
  (ctx.producerWork ??= []).push(producer, broker);
}

/** Runs the sender for every window woken so far (step.ts calls it after each event and step). */
export function flushSender(ctx: SimContext): void {
  const work = ctx.producerWork;
  if (!work || work.length === 0 || ctx.producerSending) return;
  ctx.producerSending = true;
  try {
    while (work.length > 0) {
      const producer = work.shift() as number;
      runSender(ctx, producer, work.shift() as number);
    }
  } finally {
    ctx.producerSending = false;
  }
}

// ---------------------------------------------------------------------------------------------
// Timers

/** `request.timeout.ms` after the request was sent. */
export function onProduceTimeout(ctx: SimContext, requestId: number): void {
  const request = requestById(ctx, requestId);
  if (!request) return;
  const answers = expireDelayedProduce(ctx, request);
  if (answers) takeAnswers(ctx, answers);
  if (!ctx.world.producerRequests.includes(request)) return; // the leader's answer completed it
  if (answers) {
    request.results = request.results.map((r) => r ?? { error: 'REQUEST_TIMED_OUT', baseOffset: null });
  } else {
    // No response: every batch of the request fails with the client's error.
    const error = ctx.world.settings.cluster.metadata === 'kraft' ? 'REQUEST_TIMED_OUT' : 'NETWORK_EXCEPTION';
    ctx.world.pendingProduces = ctx.world.pendingProduces.filter((pending) => pending.request !== request.id);
    request.results = request.batches.map(() => ({ error, baseOffset: null }));
  }
  completeRequest(ctx, request);
}

export function onProduceRetry(ctx: SimContext, batchId: number, attempts: number): void {
  const batch = batchOf(ctx, batchId);
  if (batch.phase !== 'backoff' || batch.attempts !== attempts) return;
  batch.phase = 'waiting';
  const leader = getPartition(ctx.world, batch.topic, batch.partition).leader;
  if (leader !== null) wakeSender(ctx, batch.producer, leader);
}

/** KIP-91: the batch expires `delivery.timeout.ms` after it was created, sent or not. */
export function onDeliveryExpire(ctx: SimContext, batchId: number): void {
  const batch = batchOf(ctx, batchId);
  if (batch.phase === 'done') return;
  const producer = ctx.world.producers[batch.producer];
  const state = partitionOf(producer, batch.topic, batch.partition);
  failBatch(ctx, batch, 'REQUEST_TIMED_OUT', false);
  if (producer.idempotent && batch.retried && batch.baseSequence !== null) {
    // `markSequenceUnresolved`
    state.unresolved = Math.max(state.unresolved ?? 0, lastSequence(batch) + 1);
  }
  maybeResolveSequences(producer);
  const leader = getPartition(ctx.world, batch.topic, batch.partition).leader;
  if (leader !== null) wakeSender(ctx, batch.producer, leader);
}

/** A partition got a (new) leader: batches waiting for it may go there now. */
export function sendUnsentProduces(ctx: SimContext, topic: string, partition: number): void {
  const leader = getPartition(ctx.world, topic, partition).leader;
  if (leader === null) return;
  ctx.world.producers.forEach((producer, i) => {
    if (producer.partitions.some((s) => s.topic === topic && s.partition === partition && s.queue.length > 0)) wakeSender(ctx, i, leader);
  });
}

// ---------------------------------------------------------------------------------------------
// The accumulator

/**
 * A step's key or value with `{i}` replaced by the record's index, compiled once per step: a
 * burst of 10,000 records then builds each text by one concatenation.
 */
function template(text: string): (i: number) => string {
  const at = text.indexOf('{i}');
  if (at < 0) return () => text;
  const head = text.slice(0, at);
  const tail = text.slice(at + 3);
  if (!tail.includes('{i}')) return (i) => head + i + tail;
  return (i) => text.replaceAll('{i}', String(i));
}

/** The last batch of the queue if records may still join it (never sent). */
function openBatch(ctx: SimContext, state: ProducerPartition | undefined): ProducerBatch | undefined {
  if (!state || state.queue.length === 0) return undefined;
  const last = batchOf(ctx, state.queue[state.queue.length - 1]);
  return last.attempts === 0 && last.phase === 'waiting' ? last : undefined;
}

/** The record's size if it joined `batch` (`MemoryRecordsBuilder.hasRoomFor`), or null if it does not fit. */
function sizeIfJoined(ctx: SimContext, batch: ProducerBatch | undefined, key: string | null, value: string): number | null {
  if (!batch) return null;
  const size = recordSizeInBatch(key, value, batch.records.length, ctx.world.timeMs - batch.createdMs);
  return batch.sizeBytes + size <= ctx.world.settings.producer.config['batch.size'] ? size : null;
}

/** `RecordAccumulator.append`: returns the bytes the record added to its partition's batches. */
function accumulate(ctx: SimContext, producerIndex: number, produced: number): number {
  const world = ctx.world;
  const entry = world.produced[produced];
  const state = partitionOf(world.producers[producerIndex], entry.topic, entry.partition);
  const open = openBatch(ctx, state);
  const joined = sizeIfJoined(ctx, open, entry.key, entry.value);
  if (open && joined !== null) {
    open.records.push(produced);
    open.sizeBytes += joined;
    open.maxTimestampMs = world.timeMs;
    open.timestampsMs.push(world.timeMs);
    world.recordBatches.push(open.id);
    return joined;
  }
  const batch: ProducerBatch = {
    id: world.producerBatches.length, producer: producerIndex, topic: entry.topic, partition: entry.partition,
    records: [produced], sizeBytes: singleRecordBatchSize(entry.key, entry.value), createdMs: world.timeMs,
    maxTimestampMs: world.timeMs, timestampsMs: [world.timeMs], deadlineMs: world.timeMs + world.settings.producer.config['delivery.timeout.ms'], phase: 'waiting',
    attempts: 0, retried: false, sequenceReset: false, producerEpoch: null, baseSequence: null,
  };
  world.producerBatches.push(batch);
  world.recordBatches.push(batch.id);
  state.queue.push(batch.id);
  schedule(world.queue, batch.deadlineMs, { type: 'delivery-expire', batch: batch.id });
  return batch.sizeBytes;
}

/** `allBatchesFull`: the partition's last waiting batch, if any, takes no more records. */
function allBatchesFull(ctx: SimContext, producerIndex: number, topic: string, partition: number): boolean {
  const state = partitionOf(ctx.world.producers[producerIndex], topic, partition);
  const open = openBatch(ctx, state);
  return !open || open.sizeBytes >= ctx.world.settings.producer.config['batch.size'];
}

/** The `produce` step: `count` records one after another at the same instant. */
/** The `produce` step; `records` (a console producer's lines) are sent as given, without `{i}` substitution. */
export function produceStep(ctx: SimContext, step: ProduceStep, stepIndex: number, records?: { key: string | null; value: string }[]): void {
  const world = ctx.world;
  const acks = step.acks ?? world.settings.producer.acks;
  const producerIndex = producerFor(ctx, acks);
  const producer = world.producers[producerIndex];
  const topic = findTopic(world, step.topic);
  if (!topic) throw new Error(`assertion: unknown topic ${step.topic}`);
  const mode = world.settings.producer.partitioner;
  const count = records ? records.length : step.count;
  const keyOf = step.key === null ? null : template(step.key);
  const valueOf = template(step.value);
  let key: string | null = null;
  let value = '';
  // One choice per step, its key updated per record (a burst allocates no closure per record).
  const choice: PartitionChoice = {
    topic, key, explicitPartition: step.partition,
    // Whether the record would open a new batch on `partition` (the sticky partitioner's `onNewBatch`).
    opensBatch: (partition: number) => sizeIfJoined(ctx, openBatch(ctx, findPartitionState(producer, topic.name, partition)), key, value) === null,
  };
  for (let i = 0; i < count; i++) {
    key = records ? records[i].key : keyOf === null ? null : keyOf(i);
    value = records ? records[i].value : valueOf(i);
    choice.key = key;
    const partition = choosePartition(world, mode, choice);
    const produced = world.produced.length;
    world.produced.push({ step: stepIndex, index: i, topic: step.topic, partition, key, value, acks, offset: acks === 0 ? -1 : null, acked: false, error: null, attempts: 0 });
    // `KafkaProducer.ensureValidRecordSize`: refused before it is ever sent (RecordTooLargeException).
    if (batchSizeUpperBound(key, value) > MAX_REQUEST_SIZE) {
      world.recordBatches.push(-1);
      const entry = world.produced[produced];
      entry.error = 'MESSAGE_TOO_LARGE';
      ctx.events.push({ type: 'produce-response', atMs: world.timeMs, produced, topic: step.topic, partition, acked: false, error: 'MESSAGE_TOO_LARGE' });
      continue;
    }
    const appendedBytes = accumulate(ctx, producerIndex, produced);
    if (usesBuiltInPartitioner(world, mode, choice)) {
      builtInAppended(world, topic, appendedBytes, allBatchesFull(ctx, producerIndex, topic.name, partition));
    }
    const leader = getPartition(world, step.topic, partition).leader;
    if (leader !== null) wakeSender(ctx, producerIndex, leader);
    flushSender(ctx);
  }
}

/** Whether the record's producer is done with it (its batch answered, failed or expired). */
export function recordDone(world: { recordBatches: number[]; producerBatches: ProducerBatch[] }, produced: number): boolean {
  const id = world.recordBatches[produced];
  return id < 0 || world.producerBatches[id].phase === 'done';
}
