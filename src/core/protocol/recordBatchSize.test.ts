/**
 * Golden tests for v2 record-batch sizes, every expected number worked by hand from the format.
 *
 * Sources (apache/kafka, clients/src/main/java/org/apache/kafka/common/record/):
 * - `DefaultRecordBatch.RECORD_BATCH_OVERHEAD` = 61, the batch header:
 *     baseOffset int64 8 + batchLength int32 4 + partitionLeaderEpoch int32 4 + magic int8 1
 *     + crc uint32 4 + attributes int16 2 + lastOffsetDelta int32 4 + baseTimestamp int64 8
 *     + maxTimestamp int64 8 + producerId int64 8 + producerEpoch int16 2 + baseSequence int32 4
 *     + recordsCount int32 4 = 61.
 * - `DefaultRecord.sizeInBytes` = sizeOfVarint(body) + body, where `sizeOfBodyInBytes` is
 *     attributes 1 + sizeOfVarint(offsetDelta) + sizeOfVarlong(timestampDelta)
 *     + (key == null ? 1 : sizeOfVarint(keyLen) + keyLen)
 *     + (value == null ? 1 : sizeOfVarint(valueLen) + valueLen)
 *     + sizeOfVarint(headers.length).
 *   For the first (only) record of a batch offsetDelta = timestampDelta = 0 (1 byte each) and it
 *   has no headers (count 0, 1 byte). So body = 3 + keyPart + valuePart + 1.
 * - `ByteUtils.sizeOfVarint`: zig-zag (v << 1) ^ (v >> 31), then 7 bits per byte. A length L ≥ 0
 *   zig-zags to 2L, so it takes 1 byte for L ≤ 63, 2 for L ≤ 8191, 3 for L ≤ 1048575, then 4.
 *   Expected sizes: clients/src/test/java/org/apache/kafka/common/utils/ByteUtilsTest.java,
 *   `testVarintSerde` (the byte length of each expected encoding).
 * - Keys and values are serialized by `StringSerializer`: `String.getBytes(UTF_8)`; an unpaired
 *   surrogate is one byte '?'.
 *
 * Throughout: total = 61 + sizeOfVarint(body) + body.
 */
import { describe, expect, it } from 'vitest';
import { RECORD_BATCH_OVERHEAD, recordBodySize, singleRecordBatchSize, sizeOfVarint } from './recordBatchSize';

describe('sizeOfVarint: Kafka ByteUtils.sizeOfVarint (ByteUtilsTest.testVarintSerde encodings)', () => {
  it.each([
    // [value, bytes, the expected encoding in ByteUtilsTest.testVarintSerde]
    [0, 1, '{x00}'],
    [-1, 1, '{x01}'],
    [1, 1, '{x02}'],
    [63, 1, '{x7E}'],
    [-64, 1, '{x7F}'],
    [64, 2, '{x80, x01}'],
    [-65, 2, '{x81, x01}'],
    [8191, 2, '{xFE, x7F}'],
    [-8192, 2, '{xFF, x7F}'],
    [8192, 3, '{x80, x80, x01}'],
    [-8193, 3, '{x81, x80, x01}'],
    [1048575, 3, '{xFE, xFF, x7F}'],
    [-1048576, 3, '{xFF, xFF, x7F}'],
    [1048576, 4, '{x80, x80, x80, x01}'],
    [-1048577, 4, '{x81, x80, x80, x01}'],
    [134217727, 4, '{xFE, xFF, xFF, x7F}'],
    [-134217728, 4, '{xFF, xFF, xFF, x7F}'],
    [134217728, 5, '{x80, x80, x80, x80, x01}'],
    [-134217729, 5, '{x81, x80, x80, x80, x01}'],
    [2147483647, 5, '{xFE, xFF, xFF, xFF, x0F} (Integer.MAX_VALUE)'],
    [-2147483648, 5, '{xFF, xFF, xFF, xFF, x0F} (Integer.MIN_VALUE)'],
  ])('sizeOfVarint(%i) === %i, encoded %s', (value, bytes) => {
    expect(sizeOfVarint(value)).toBe(bytes);
  });
});

describe('RECORD_BATCH_OVERHEAD: DefaultRecordBatch.RECORD_BATCH_OVERHEAD', () => {
  it('is 61 = 8+4+4+1+4+2+4+8+8+8+2+4+4 (the v2 header fields)', () => {
    expect(8 + 4 + 4 + 1 + 4 + 2 + 4 + 8 + 8 + 8 + 2 + 4 + 4).toBe(61);
    expect(RECORD_BATCH_OVERHEAD).toBe(61);
  });
});

describe('recordBodySize: DefaultRecord.sizeOfBodyInBytes (offsetDelta 0, timestampDelta 0, no headers)', () => {
  it.each<[number | null, number | null, number, string]>([
    // [keyBytes, valueBytes, body, arithmetic]
    [5, 5, 16, '3 + (1+5) + (1+5) + 1'],
    [null, 5, 11, '3 + 1 (null key, varint -1) + (1+5) + 1'],
    [0, 5, 11, '3 + (1+0) + (1+5) + 1'],
    [null, null, 6, '3 + 1 + 1 + 1'],
    [0, 0, 6, '3 + (1+0) + (1+0) + 1'],
    [63, 0, 69, '3 + (1+63) + (1+0) + 1: 63 is the last 1-byte length'],
    [64, 0, 71, '3 + (2+64) + (1+0) + 1: 64 zig-zags to 128, 2 bytes'],
    [null, 8191, 8198, '3 + 1 + (2+8191) + 1'],
    [null, 8192, 8200, '3 + 1 + (3+8192) + 1: 8192 zig-zags to 16384, 3 bytes'],
  ])('recordBodySize(%s, %s) === %i: %s', (keyBytes, valueBytes, body) => {
    expect(recordBodySize(keyBytes, valueBytes)).toBe(body);
  });
});

/** A short test-name form of a key or value: long runs of one character as "x"×N. */
function show(text: string | null): string {
  if (text === null) return 'null';
  if (text.length > 20 && text === text[0].repeat(text.length)) return `"${text[0]}"×${text.length}`;
  return JSON.stringify(text);
}

const batches: [string | null, string | null, number, string][] = [
  // [key, value, total, arithmetic: body = 3 + keyPart + valuePart + 1; total = 61 + varint(body) + body]
  ['alice', 'hello', 78,
    'body = 3 + (1+5) + (1+5) + 1 = 16; 61 + 1 + 16 = 78 (the contract\'s Report example, "sizeBytes": 78)'],
  [null, 'hello', 73, 'null key is varint(-1), 1 byte: body = 3 + 1 + (1+5) + 1 = 11; 61 + 1 + 11 = 73'],
  ['', 'hello', 73, 'empty key: varint(0) 1 byte + 0: body = 3 + 1 + 6 + 1 = 11; 61 + 1 + 11 = 73'],
  ['', '', 68, 'body = 3 + 1 + 1 + 1 = 6; 61 + 1 + 6 = 68 (the smallest batch)'],
  [null, null, 68, 'null value (a tombstone) is 1 byte too: body 6; 68'],
  ['k', null, 69, 'body = 3 + (1+1) + 1 + 1 = 7; 61 + 1 + 7 = 69'],
  [null, 'x'.repeat(63), 132,
    'value 63: valuePart 1+63 = 64; body = 3 + 1 + 64 + 1 = 69, varint(69) 2 bytes (138 ≥ 128); 61 + 2 + 69 = 132'],
  [null, 'x'.repeat(64), 134,
    'value 64: its length zig-zags to 128, 2 bytes: valuePart 66; body = 3 + 1 + 66 + 1 = 71; 61 + 2 + 71 = 134'],
  ['k', 'x'.repeat(200), 271,
    'value 200: varint(200) 2 bytes (400): valuePart 202; body = 3 + (1+1) + 202 + 1 = 208; 61 + 2 + 208 = 271'],
  ['订单', 'v', 75, 'key 2 Chinese chars × 3 bytes = 6: body = 3 + (1+6) + (1+1) + 1 = 13; 61 + 1 + 13 = 75'],
  ['订单-42', 'hello', 82, 'key 3+3+1+1+1 = 9 bytes: body = 3 + (1+9) + (1+5) + 1 = 20; 61 + 1 + 20 = 82'],
  ['😀', 'hello', 77, 'emoji = a surrogate pair = 4 bytes: body = 3 + (1+4) + 6 + 1 = 15; 61 + 1 + 15 = 77'],
  ['a\uD800b', 'hello', 76,
    'unpaired surrogate = 1 byte \'?\': key 3 bytes; body = 3 + (1+3) + 6 + 1 = 14; 61 + 1 + 14 = 76'],
  ['\uDC00', '', 69, 'lone low surrogate = 1 byte \'?\': body = 3 + (1+1) + (1+0) + 1 = 7; 61 + 1 + 7 = 69'],
  ['k', 'héllo', 75, 'é is 2 bytes: value 6; body = 3 + (1+1) + (1+6) + 1 = 13; 61 + 1 + 13 = 75'],
  [null, 'x'.repeat(8000), 8070,
    'valuePart 2+8000; body = 3 + 1 + 8002 + 1 = 8007, varint 2 bytes (16014 < 16384); 61 + 2 + 8007 = 8070'],
  [null, 'x'.repeat(8192), 8264,
    'valuePart 3+8192 (16384); body = 3 + 1 + 8195 + 1 = 8200, varint 3 bytes; 61 + 3 + 8200 = 8264'],
  [null, 'x'.repeat(1048576), 1048650,
    '1 MiB value (the contract\'s limit): 2^20 zig-zags to 2^21, 4 bytes: valuePart 1048580; '
    + 'body = 3 + 1 + 1048580 + 1 = 1048585, varint 4 bytes; 61 + 4 + 1048585 = 1048650'],
];

describe('singleRecordBatchSize: one-record v2 batch, worked by hand', () => {
  it.each(batches.map(([key, value, total, why]) => [show(key), show(value), total, why, key, value] as const))(
    'key %s, value %s: %i bytes (%s)',
    (_k, _v, total, _why, key, value) => {
      expect(singleRecordBatchSize(key, value)).toBe(total);
    },
  );

  it('four "alice"/"hello" batches fill 312 bytes, the segment size in the contract\'s Report example', () => {
    // The example's replica holds offsets 0..3 (LEO 4) in one segment of "sizeBytes": 312 = 4 × 78.
    expect(4 * singleRecordBatchSize('alice', 'hello')).toBe(312);
  });

  it('the record-length varint crosses 63 → 64 between two values one byte apart (+2 bytes)', () => {
    // Null key: body = 3 + 1 + (1+v) + 1 = 6 + v for v ≤ 63.
    // v = 57: body 63 (zig-zag 126, 1 byte): 61 + 1 + 63 = 125.
    // v = 58: body 64 (zig-zag 128, 2 bytes): 61 + 2 + 64 = 127.
    expect(singleRecordBatchSize(null, 'x'.repeat(57))).toBe(125);
    expect(singleRecordBatchSize(null, 'x'.repeat(58))).toBe(127);
    // Key "alice": body = 3 + 6 + (1+v) + 1 = 11 + v: v = 52 → body 63 → 125; v = 53 → body 64 → 127.
    expect(singleRecordBatchSize('alice', 'x'.repeat(52))).toBe(125);
    expect(singleRecordBatchSize('alice', 'x'.repeat(53))).toBe(127);
  });

  it('counts Java UTF-8 bytes, not UTF-16 code units or TextEncoder bytes', () => {
    // "订单" is 2 code units but 6 bytes; TextEncoder would make "\uDC00" 3 bytes (U+FFFD), Java 1.
    expect(singleRecordBatchSize('订单', '')).toBe(singleRecordBatchSize('xxxxxx', ''));
    expect(singleRecordBatchSize('\uDC00', '')).toBe(singleRecordBatchSize('?', ''));
  });
});
