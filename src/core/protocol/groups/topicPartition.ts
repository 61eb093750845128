/**
 * Kafka's `TopicPartition` as plain data, with the two things the assignors need from the Java
 * class: its text form `topic-partition` (`TopicPartition.toString`) and its `hashCode`, which
 * decides where it sits in a `java.util.HashSet` (javaHashMap.ts).
 */
import { javaStringHashCode } from './coordinator';

export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** `TopicPartition.toString()`: `orders-0`. */
export function tpName(tp: TopicPartition): string {
  return `${tp.topic}-${tp.partition}`;
}

/** Reads `orders-0` back; the partition is the digits after the last `-` (topics may contain `-`). */
export function parseTopicPartition(name: string): TopicPartition {
  const dash = name.lastIndexOf('-');
  const partition = Number(name.slice(dash + 1));
  if (dash <= 0 || !/^\d+$/.test(name.slice(dash + 1)) || !Number.isSafeInteger(partition)) {
    throw new RangeError(`not a topic-partition: ${JSON.stringify(name)}`);
  }
  return { topic: name.slice(0, dash), partition };
}

/**
 * `TopicPartition.hashCode()`: `31 * (31 * 1 + partition) + Objects.hashCode(topic)`, in 32-bit
 * int arithmetic.
 */
export function topicPartitionHashCode(tp: TopicPartition): number {
  return (Math.imul(31 + tp.partition, 31) + javaStringHashCode(tp.topic)) | 0;
}

/** Java's `String.compareTo`: UTF-16 code unit order (never `localeCompare`). */
export function compareJavaStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Topic, then partition: `Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition)`. */
export function compareByTopicThenPartition(a: TopicPartition, b: TopicPartition): number {
  return compareJavaStrings(a.topic, b.topic) || a.partition - b.partition;
}
