/**
 * Sizes in Kafka's v2 record-batch format (KIP-98; `DefaultRecordBatch`, `DefaultRecord`).
 * A batch is the 61-byte header plus its records, each `DefaultRecord.sizeInBytes` at its offset
 * delta and timestamp delta from the batch's first record (`MemoryRecordsBuilder.hasRoomFor`
 * uses the same size to decide whether a record joins a waiting batch). A record:
 *
 *   length: varint | attributes: int8 | timestampDelta: varlong | offsetDelta: varint |
 *   keyLength: varint | key | valueLength: varint | value | headerCount: varint
 *
 * Varints are zig-zag encoded (`ByteUtils.sizeOfVarint`); a null key has length -1, one byte.
 * The first record of a batch has timestamp and offset deltas 0 (one byte each) and no headers.
 */
import { javaUtf8Length } from './javaUtf8';

/** `DefaultRecordBatch.RECORD_BATCH_OVERHEAD`: the v2 batch header. */
export const RECORD_BATCH_OVERHEAD = 61;

/** Bytes of a zig-zag varint of a 32-bit value (`ByteUtils.sizeOfVarint`). */
export function sizeOfVarint(value: number): number {
  let v = ((value << 1) ^ (value >> 31)) >>> 0;
  let bytes = 1;
  while (v >= 0x80) {
    v >>>= 7;
    bytes++;
  }
  return bytes;
}

/** Bytes of a zig-zag varlong of a non-negative integer up to 2^52 (`ByteUtils.sizeOfVarlong`). */
export function sizeOfVarlong(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`sizeOfVarlong: ${value}`);
  let v = value * 2; // zig-zag of a non-negative value
  let bytes = 1;
  while (v >= 0x80) {
    v = Math.floor(v / 128);
    bytes++;
  }
  return bytes;
}

/**
 * Body size of a record (everything after its length varint), key and value as UTF-8 lengths,
 * at `offsetDelta` and `timestampDelta` from its batch's first record (0 and 0 for the first).
 */
export function recordBodySize(keyBytes: number | null, valueBytes: number | null, offsetDelta = 0, timestampDeltaMs = 0): number {
  const attributes = 1;
  const timestampDeltaBytes = sizeOfVarlong(timestampDeltaMs);
  const offsetDeltaBytes = sizeOfVarint(offsetDelta);
  const key = keyBytes === null ? sizeOfVarint(-1) : sizeOfVarint(keyBytes) + keyBytes;
  const value = valueBytes === null ? sizeOfVarint(-1) : sizeOfVarint(valueBytes) + valueBytes;
  const headerCount = sizeOfVarint(0);
  return attributes + timestampDeltaBytes + offsetDeltaBytes + key + value + headerCount;
}

/** `DefaultRecord.MAX_RECORD_OVERHEAD`: attributes 1 + timestamp delta ≤ 10 + offset delta ≤ 5 + length ≤ 5. */
export const MAX_RECORD_OVERHEAD = 21;

/**
 * `DefaultRecordBatch.estimateBatchSizeUpperBound`: what `KafkaProducer.doSend` compares with
 * `max.request.size` before it accepts a record (`ensureValidRecordSize`).
 */
export function batchSizeUpperBound(key: string | null, value: string | null): number {
  return RECORD_BATCH_OVERHEAD + MAX_RECORD_OVERHEAD + lengthPrefixedSize(key) + lengthPrefixedSize(value) + sizeOfVarint(0);
}

/** A key or value as a record writes it: its length as a varint (-1 for null), then its bytes. */
function lengthPrefixedSize(text: string | null): number {
  if (text === null) return sizeOfVarint(-1);
  const bytes = javaUtf8Length(text);
  return sizeOfVarint(bytes) + bytes;
}

/** Size of a one-record v2 batch holding this key and value, serialized as Java's UTF-8. */
export function singleRecordBatchSize(key: string | null, value: string | null): number {
  const body = recordBodySize(
    key === null ? null : javaUtf8Length(key),
    value === null ? null : javaUtf8Length(value),
  );
  return RECORD_BATCH_OVERHEAD + sizeOfVarint(body) + body;
}

/**
 * `DefaultRecord.sizeInBytes(offsetDelta, timestampDelta, key, value, headers)`: a record's size
 * inside a batch, its length varint included (no headers).
 */
export function recordSizeInBatch(key: string | null, value: string | null, offsetDelta: number, timestampDeltaMs: number): number {
  const body = recordBodySize(
    key === null ? null : javaUtf8Length(key),
    value === null ? null : javaUtf8Length(value),
    offsetDelta,
    timestampDeltaMs,
  );
  return sizeOfVarint(body) + body;
}
