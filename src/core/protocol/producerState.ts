/**
 * The broker's idempotent-producer state (docs/scenario-format.md, "Batches and the in-flight
 * window"; KIP-98). Each replica keeps it from the batches in its own log, leader and follower
 * alike, and rebuilds it after a truncation (`UnifiedLog.truncateTo` → `loadProducerState`).
 *
 * Sources (apache/kafka 3.6.2, storage/src/main/java/org/apache/kafka/storage/internals/log/):
 * - `ProducerStateEntry`: `NUM_BATCHES_TO_RETAIN` = 5; `addBatch` drops the oldest past 5;
 *   `update` clears the batches when the epoch changes; `findDuplicateBatch` matches a batch of
 *   the same epoch with the same first and last sequence.
 * - `ProducerAppendInfo.checkProducerEpoch`: an epoch older than the entry's is refused
 *   (INVALID_PRODUCER_EPOCH for a client's produce).
 * - `ProducerAppendInfo.checkSequence`: a new epoch must start at sequence 0 (unless the entry
 *   has no epoch); in the same epoch the first sequence must be the last + 1; a producer id
 *   with no state accepts any sequence.
 */
import type { LogRecord, ProducerBatchMetadata, ProducerStateEntry, ReplicaState } from '../model/world';

export const NUM_BATCHES_TO_RETAIN = 5;

/** An idempotent batch as the leader receives it. */
export interface IdempotentBatch {
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  records: number;
}

export type SequenceCheck =
  | { kind: 'append' }
  | { kind: 'duplicate'; batch: ProducerBatchMetadata }
  | { kind: 'error'; error: 'OUT_OF_ORDER_SEQUENCE_NUMBER' | 'INVALID_PRODUCER_EPOCH' };

function entryOf(replica: ReplicaState, producerId: number): ProducerStateEntry | undefined {
  return replica.producers.find((e) => e.producerId === producerId);
}

/** `UnifiedLog.analyzeAndValidateProducerState` for a client's batch: duplicate, then epoch, then sequence. */
export function checkIdempotentBatch(replica: ReplicaState, batch: IdempotentBatch): SequenceCheck {
  const entry = entryOf(replica, batch.producerId);
  if (!entry) return { kind: 'append' };
  const lastSeq = batch.baseSequence + batch.records - 1;
  if (entry.producerEpoch === batch.producerEpoch) {
    const duplicate = entry.batches.find((b) => b.firstSeq === batch.baseSequence && b.lastSeq === lastSeq);
    if (duplicate) return { kind: 'duplicate', batch: duplicate };
  }
  if (batch.producerEpoch < entry.producerEpoch) return { kind: 'error', error: 'INVALID_PRODUCER_EPOCH' };
  if (batch.producerEpoch !== entry.producerEpoch) {
    return batch.baseSequence === 0 ? { kind: 'append' } : { kind: 'error', error: 'OUT_OF_ORDER_SEQUENCE_NUMBER' };
  }
  const last = entry.batches[entry.batches.length - 1];
  if (last && batch.baseSequence !== last.lastSeq + 1) return { kind: 'error', error: 'OUT_OF_ORDER_SEQUENCE_NUMBER' };
  return { kind: 'append' };
}

/** `ProducerStateEntry.update` / `addBatch` for a batch now in the replica's log. */
function addBatch(producers: ProducerStateEntry[], first: LogRecord): void {
  if (first.producerId === undefined || first.producerEpoch === undefined || first.sequence === undefined) return;
  let entry = producers.find((e) => e.producerId === first.producerId);
  if (!entry) {
    entry = { producerId: first.producerId, producerEpoch: first.producerEpoch, batches: [] };
    producers.push(entry);
  }
  if (entry.producerEpoch !== first.producerEpoch) {
    entry.producerEpoch = first.producerEpoch;
    entry.batches = [];
  }
  entry.batches.push({
    firstSeq: first.sequence, lastSeq: first.sequence + first.lastOffset - first.baseOffset,
    firstOffset: first.baseOffset, lastOffset: first.lastOffset,
  });
  if (entry.batches.length > NUM_BATCHES_TO_RETAIN) entry.batches.shift();
}

/** The replica appended these records (whole batches): its producer state takes their batches. */
export function updateProducerState(replica: ReplicaState, records: readonly LogRecord[]): void {
  for (const record of records) if (record.offset === record.baseOffset && record.producerId !== undefined) addBatch(replica.producers, record);
}

/**
 * Rebuilds the replica's producer state from its log (after a truncation): for each producer id
 * the latest epoch and its last 5 batches, found from the end of the log backwards.
 */
export function rebuildProducerState(replica: ReplicaState): void {
  const firsts: LogRecord[] = [];
  const done = new Set<number>();
  const epochs = new Map<number, number>();
  const counts = new Map<number, number>();
  for (let i = replica.log.length - 1; i >= 0; i--) {
    const record = replica.log[i];
    i = record.baseOffset - (replica.log[0]?.offset ?? 0); // jump to the batch's first record
    const first = replica.log[i];
    const id = first.producerId;
    if (id === undefined || first.producerEpoch === undefined || done.has(id)) continue;
    const epoch = epochs.get(id) ?? first.producerEpoch;
    epochs.set(id, epoch);
    if (first.producerEpoch !== epoch) {
      done.add(id);
      continue;
    }
    firsts.push(first);
    const count = (counts.get(id) ?? 0) + 1;
    counts.set(id, count);
    if (count === NUM_BATCHES_TO_RETAIN) done.add(id);
  }
  replica.producers = [];
  for (let i = firsts.length - 1; i >= 0; i--) addBatch(replica.producers, firsts[i]);
}
