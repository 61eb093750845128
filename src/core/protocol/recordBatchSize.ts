/**
 * Sizes in Kafka's v2 record-batch format (KIP-98; `DefaultRecordBatch`, `DefaultRecord`).
 * The model writes one record per batch (no batching), so a produced record's size on disk is
 * the 61-byte batch header plus one record:
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

/** Body size of a record (everything after its length varint), key and value as UTF-8 lengths. */
export function recordBodySize(keyBytes: number | null, valueBytes: number | null): number {
  const attributes = 1;
  const timestampDelta = 1;
  const offsetDelta = 1;
  const key = keyBytes === null ? sizeOfVarint(-1) : sizeOfVarint(keyBytes) + keyBytes;
  const value = valueBytes === null ? sizeOfVarint(-1) : sizeOfVarint(valueBytes) + valueBytes;
  const headerCount = sizeOfVarint(0);
  return attributes + timestampDelta + offsetDelta + key + value + headerCount;
}

/** `DefaultRecord.MAX_RECORD_OVERHEAD`: attributes 1 + timestamp delta ≤ 10 + offset delta ≤ 5 + length ≤ 5. */
export const MAX_RECORD_OVERHEAD = 21;

/**
 * `DefaultRecordBatch.estimateBatchSizeUpperBound`: what `KafkaProducer.doSend` compares with
 * `max.request.size` before it accepts a record (`ensureValidRecordSize`).
 */
export function batchSizeUpperBound(key: string | null, value: string | null): number {
  const field = (text: string | null) => {
    if (text === null) return sizeOfVarint(-1);
    const bytes = javaUtf8Length(text);
    return sizeOfVarint(bytes) + bytes;
  };
  return RECORD_BATCH_OVERHEAD + MAX_RECORD_OVERHEAD + field(key) + field(value) + sizeOfVarint(0);
}

/** Size of a one-record v2 batch holding this key and value, serialized as Java's UTF-8. */
export function singleRecordBatchSize(key: string | null, value: string | null): number {
  const body = recordBodySize(
    key === null ? null : javaUtf8Length(key),
    value === null ? null : javaUtf8Length(value),
  );
  return RECORD_BATCH_OVERHEAD + sizeOfVarint(body) + body;
}
