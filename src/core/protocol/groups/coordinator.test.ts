/**
 * Golden tests for the group coordinator partition: Kafka 3.6 `GroupMetadataManager.partitionFor`
 * = `Utils.abs(groupId.hashCode) % offsets.topic.num.partitions` (also
 * `GroupCoordinatorService.partitionFor` in the KIP-848 coordinator), with
 * `Utils.abs(n) = (n == Integer.MIN_VALUE) ? 0 : Math.abs(n)`
 * (apache/kafka clients/src/main/java/org/apache/kafka/common/utils/Utils.java).
 *
 * Hash vectors: worked by hand below, and checked against OpenJDK 17's `String.hashCode` with a
 * throwaway program (not part of the repository).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupCoordinator, groupCoordinatorPartition, javaStringHashCode, kafkaUtilsAbs } from './coordinator';

describe("Java's String.hashCode", () => {
  it.each([
    ['', 0, 'empty string: 0 (String.hashCode Javadoc)'],
    ['a', 97, "'a' = 97"],
    ['ab', 3105, '97*31 + 98 = 3007 + 98'],
    ['hello', 99162322, '((((104*31+101)*31+108)*31+108)*31+111'],
    ['group', 98629247, 'JDK 17'],
    ['my-group', -1906497762, 'wraps past 2^31 (JDK 17)'],
    ['orders', -1008770331, 'JDK 17'],
    // 订 U+8BA2 = 35746, 单 U+5355 = 21333, 组 U+7EC4 = 32452:
    // 35746*31^2 + 21333*31 + 32452 = 34351906 + 661323 + 32452 = 35045681
    ['订单组', 35045681, 'Chinese group id, BMP code units'],
    ['消费者组-1', -361645708, 'Chinese group id that wraps negative (JDK 17)'],
    // U+1F600 is two UTF-16 code units (D83D DE00), hashed one after the other as Java chars
    ['😀group', -1231696132, 'a surrogate pair counts as two chars (JDK 17)'],
  ])('%j.hashCode() === %i (%s)', (s, expected) => {
    expect(javaStringHashCode(s)).toBe(expected);
  });

  it('strings whose hashCode is Integer.MIN_VALUE (JDK 17: "polygenelubricants", "GydZG_", "DESIGNING WORKHOUSES")', () => {
    for (const s of ['polygenelubricants', 'GydZG_', 'DESIGNING WORKHOUSES']) expect(javaStringHashCode(s)).toBe(-2147483648);
  });

  it('is 31*h + c per char, wrapped to a signed 32-bit int', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 0, max: 0xffff }), (prefix, unit) => {
        const expected = (javaStringHashCode(prefix) * 31 + unit) | 0;
        // 31*h fits well within 2^53, so plain arithmetic then `| 0` is exact here
        expect(javaStringHashCode(prefix + String.fromCharCode(unit))).toBe(expected);
      }),
    );
  });
});

describe("Kafka's Utils.abs", () => {
  it.each([
    [0, 0],
    [5, 5],
    [-5, 5],
    [2147483647, 2147483647],
    [-2147483647, 2147483647],
    [-2147483648, 0], // (n == Integer.MIN_VALUE) ? 0 : Math.abs(n)
  ])('Utils.abs(%i) === %i', (n, expected) => {
    expect(kafkaUtilsAbs(n)).toBe(expected);
  });
});

describe('groupCoordinatorPartition = Utils.abs(groupId.hashCode) % partitions', () => {
  it.each([
    ['a', 50, 47, '97 % 50'],
    ['ab', 50, 5, '3105 % 50'],
    ['hello', 50, 22, '99162322 % 50'],
    ['group', 50, 47, '98629247 % 50'],
    ['my-group', 50, 12, '1906497762 % 50'],
    ['订单组', 50, 31, '35045681 % 50'],
    ['订单组', 3, 2, '35045681 % 3'],
    ['消费者组-1', 50, 8, '361645708 % 50'],
    ['polygenelubricants', 50, 0, 'hashCode MIN_VALUE → Utils.abs gives 0'],
    ['polygenelubricants', 7, 0, 'still 0 whatever the count (toPositive would give 0 too, Math.abs would be negative)'],
  ])('%j over %i partitions → %i (%s)', (groupId, partitions, expected) => {
    expect(groupCoordinatorPartition(groupId, partitions)).toBe(expected);
  });

  it('is always in [0, partitions)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 1, max: 1000 }), (g, n) => {
        const p = groupCoordinatorPartition(g, n);
        expect(Number.isInteger(p) && p >= 0 && p < n).toBe(true);
      }),
    );
  });

  it('rejects a non-positive partition count', () => {
    expect(() => groupCoordinatorPartition('g', 0)).toThrow(RangeError);
  });

  it('the coordinator broker is the leader of that partition', () => {
    expect(groupCoordinator('my-group', 50, (p) => (p === 12 ? 3 : 1))).toEqual({ partition: 12, broker: 3 });
    expect(groupCoordinator('my-group', 50, () => null)).toEqual({ partition: 12, broker: null });
  });
});
