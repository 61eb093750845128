/**
 * Golden tests for `murmur2` and `toPositive` against Kafka's own expectations.
 *
 * Sources:
 * - apache/kafka clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java,
 *   `testMurmur2` (the six vectors below, copied as Java `int`s).
 * - apache/kafka clients/src/main/java/org/apache/kafka/common/utils/Utils.java,
 *   `toPositive(int number) { return number & 0x7fffffff; }` (values worked by hand below).
 */
import { describe, expect, it } from 'vitest';
import { toPositive } from '../time/random';
import { murmur2 } from './murmur2';

/** ASCII bytes, as the test's `"...".getBytes()` gives for these ASCII-only strings. */
function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

describe('murmur2: Kafka UtilsTest.testMurmur2', () => {
  const cases: [string, Uint8Array, number][] = [
    ['"21"', ascii('21'), -973932308],
    ['"foobar"', ascii('foobar'), -790332482],
    ['"a-little-bit-long-string"', ascii('a-little-bit-long-string'), -985981536],
    ['"a-little-bit-longer-string"', ascii('a-little-bit-longer-string'), -1486304829],
    ['"lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8"', ascii('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'), -58897971],
    ["new byte[] {'a', 'b', 'c'}", new Uint8Array([0x61, 0x62, 0x63]), 479470107],
  ];

  it.each(cases)('murmur2(%s) === %i (UtilsTest.testMurmur2)', (_name, bytes, expected) => {
    expect(murmur2(bytes)).toBe(expected);
  });

  it('returns a signed 32-bit int, as Java\'s murmur2 returns int (UtilsTest.testMurmur2 has negatives)', () => {
    for (const [, bytes, expected] of cases) {
      const h = murmur2(bytes);
      expect(Number.isInteger(h)).toBe(true);
      expect(h).toBe(h | 0);
      expect(Math.sign(h)).toBe(Math.sign(expected));
    }
  });

  it('does not modify its input and is deterministic', () => {
    const bytes = ascii('a-little-bit-longer-string');
    const copy = Uint8Array.from(bytes);
    expect(murmur2(bytes)).toBe(murmur2(bytes));
    expect(bytes).toEqual(copy);
  });

  it('reads bytes >= 0x80 as unsigned (Kafka masks each byte with & 0xff), also through an offset view', () => {
    // The UTF-8 of "订单-42" (e8 ae a2 e5 | 8d 95 2d 34 | 32): two blocks with high bytes + tail 1.
    // Expected value: tools/KeyPartitionVectors.java (Kafka's Utils.murmur2 run on the JDK).
    const backing = new Uint8Array([0x00, 0xe8, 0xae, 0xa2, 0xe5, 0x8d, 0x95, 0x2d, 0x34, 0x32]);
    const view = backing.subarray(1);
    expect(murmur2(Uint8Array.from(view))).toBe(-519504440);
    expect(murmur2(view)).toBe(-519504440);
  });
});

describe('toPositive: Kafka Utils.toPositive (number & 0x7fffffff)', () => {
  it.each([
    // [input, expected, hand-worked reason]
    [0, 0, '0 & 0x7fffffff = 0'],
    [1, 1, 'positive values are unchanged'],
    [2147483647, 2147483647, 'Integer.MAX_VALUE is unchanged'],
    [-2147483648, 0, 'Integer.MIN_VALUE = 0x80000000, only the sign bit: 0 (where Math.abs would overflow)'],
    [-1, 2147483647, '-1 = 0xffffffff -> 0x7fffffff'],
    [-10, 2147483638, '-10 = 0xfffffff6 -> 0x7ffffff6 = 2147483638 (not 10: toPositive is not abs)'],
    [-2147483647, 1, 'MIN_VALUE + 1 = 0x80000001 -> 1'],
  ])('toPositive(%i) === %i: %s', (input, expected) => {
    expect(toPositive(input)).toBe(expected);
  });

  it('toPositive of the UtilsTest.testMurmur2 hashes (hand-worked: negative h -> h + 2^31)', () => {
    // For a negative 32-bit int h, h & 0x7fffffff = h + 2^31 = h + 2147483648.
    expect(toPositive(-973932308)).toBe(1173551340);
    expect(toPositive(-790332482)).toBe(1357151166);
    expect(toPositive(-985981536)).toBe(1161502112);
    expect(toPositive(-1486304829)).toBe(661178819);
    expect(toPositive(-58897971)).toBe(2088585677);
    expect(toPositive(479470107)).toBe(479470107);
  });
});
