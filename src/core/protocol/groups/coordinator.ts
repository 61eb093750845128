/**
 * Which `__consumer_offsets` partition — and so which broker — coordinates a group.
 *
 * Kafka 3.6: `GroupMetadataManager.partitionFor(groupId)` (core, Scala; the default coordinator)
 * is `Utils.abs(groupId.hashCode) % groupMetadataTopicPartitionCount`, and the new
 * `GroupCoordinatorService.partitionFor` (KIP-848, group-coordinator module) keeps the same
 * formula, `Utils.abs(groupId.hashCode()) % numPartitions`. The coordinator is the leader of that
 * partition; `offsets.topic.num.partitions` (default 50) is the partition count.
 */

/**
 * Java's `String.hashCode()`: `s[0]*31^(n-1) + … + s[n-1]` over UTF-16 code units, in 32-bit
 * two's-complement arithmetic (so it wraps, and may be negative). JavaScript strings are UTF-16
 * too, so `charCodeAt` gives exactly Java's `char`s (a character outside the BMP is two of them).
 */
export function javaStringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * Kafka's `org.apache.kafka.common.utils.Utils.abs(int)`:
 * `(n == Integer.MIN_VALUE) ? 0 : Math.abs(n)`. Java's `Math.abs(Integer.MIN_VALUE)` overflows
 * to MIN_VALUE itself; Kafka maps it to 0 instead. (Not `Utils.toPositive`, which masks the sign
 * bit: toPositive(-10) is 2147483638, abs(-10) is 10.)
 */
export function kafkaUtilsAbs(n: number): number {
  const v = n | 0;
  return v === -2147483648 ? 0 : Math.abs(v);
}

/** `GroupMetadataManager.partitionFor`: the `__consumer_offsets` partition that holds `groupId`. */
export function groupCoordinatorPartition(groupId: string, offsetsTopicPartitions: number): number {
  if (!Number.isInteger(offsetsTopicPartitions) || offsetsTopicPartitions < 1) {
    throw new RangeError(`offsets.topic.num.partitions must be a positive integer, got ${offsetsTopicPartitions}`);
  }
  return kafkaUtilsAbs(javaStringHashCode(groupId)) % offsetsTopicPartitions;
}

/**
 * The coordinator as the Report shows it: the partition, and its current leader (`null` while the
 * partition has none: FindCoordinator then answers COORDINATOR_NOT_AVAILABLE).
 */
export function groupCoordinator(
  groupId: string,
  offsetsTopicPartitions: number,
  leaderOf: (partition: number) => number | null,
): { partition: number; broker: number | null } {
  const partition = groupCoordinatorPartition(groupId, offsetsTopicPartitions);
  return { partition, broker: leaderOf(partition) };
}
