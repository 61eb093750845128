/**
 * The Java producer's choice of partition (docs/scenario-format.md, "Partitioner").
 *
 * - An explicit partition wins.
 * - A key: `toPositive(murmur2(utf8(key))) % partitionCount` over all partitions, available or
 *   not (`BuiltInPartitioner.partitionForKey`, and `DefaultPartitioner` before it).
 * - A null key, by client generation:
 *   - `round-robin`: Kafka 2.3's `DefaultPartitioner` (clients before 2.4).
 *   - `sticky`: KIP-480's `StickyPartitionCache` as `KafkaProducer.doSend` drives it (2.4–3.2).
 *   - `built-in`: KIP-794's `BuiltInPartitioner` with equal load (3.3+).
 *
 * All random draws come from the topic's stream `partitioner:<topic>`.
 */
import type { PartitionerMode } from '../model/scenario';
import type { TopicState, World } from '../model/world';
import { randomStream } from '../simContext';
import { next32, toPositive } from '../time/random';
import { encodeJavaUtf8 } from './javaUtf8';
import { murmur2 } from './murmur2';

export interface PartitionChoice {
  topic: TopicState;
  key: string | null;
  explicitPartition: number | null;
  /** Whether the record would open a new batch on that partition (no waiting batch with room for it). */
  opensBatch: (partition: number) => boolean;
}

export function partitionForKey(key: string, partitionCount: number): number {
  return toPositive(murmur2(encodeJavaUtf8(key))) % partitionCount;
}

/** `Cluster.availablePartitionsForTopic`: the partitions that have a leader, by number. */
function availablePartitions(topic: TopicState): number[] {
  return topic.partitions.filter((p) => p.leader !== null).map((p) => p.partition);
}

function drawFrom(world: World, topic: TopicState, candidates: number[]): number {
  const random = toPositive(next32(randomStream(world, `partitioner:${topic.name}`)));
  if (candidates.length > 0) return candidates[random % candidates.length];
  return random % topic.partitions.length;
}

/** Kafka 2.3 `DefaultPartitioner`: a per-topic counter from a random start, over available partitions. */
function roundRobin(world: World, topic: TopicState): number {
  const state = topic.partitioner;
  if (state.roundRobinCounter === null) state.roundRobinCounter = next32(randomStream(world, `partitioner:${topic.name}`));
  const value = state.roundRobinCounter;
  state.roundRobinCounter = (value + 1) | 0; // Java's AtomicInteger.getAndIncrement wraps
  const available = availablePartitions(topic);
  if (available.length > 0) return available[toPositive(value) % available.length];
  return toPositive(value) % topic.partitions.length;
}

/**
 * `StickyPartitionCache.nextPartition(topic, cluster, prevPartition)`: draws a new sticky
 * partition when the topic has none or when `prevPartition` is the sticky one; with more than
 * one available partition it draws until the result differs from the old sticky partition.
 */
function stickyNextPartition(world: World, topic: TopicState, prevPartition: number): void {
  const state = topic.partitioner;
  const old = state.stickyPartition;
  if (old !== null && old !== prevPartition) return;
  const available = availablePartitions(topic);
  let chosen: number;
  if (available.length === 1) chosen = available[0];
  else if (available.length === 0) chosen = drawFrom(world, topic, available);
  else {
    do chosen = drawFrom(world, topic, available);
    while (chosen === old);
  }
  state.stickyPartition = chosen;
}

/**
 * `KafkaProducer.doSend` with a 2.4–3.2 client: a record (keyed, explicit or null-key) that
 * would open a new batch on its partition aborts the append (`abortOnNewBatch`), which calls
 * `onNewBatch(prevPartition)`; a null-key record then asks the partitioner again and goes to the
 * sticky partition as it now stands. A record that joins a waiting batch changes nothing.
 */
function sticky(world: World, choice: PartitionChoice): number {
  const { topic } = choice;
  let partition = fixedPartition(choice);
  if (partition === null) {
    if (topic.partitioner.stickyPartition === null) stickyNextPartition(world, topic, -1);
    partition = topic.partitioner.stickyPartition as number;
  }
  if (!choice.opensBatch(partition)) return partition;
  stickyNextPartition(world, topic, partition);
  return fixedPartition(choice) ?? (topic.partitioner.stickyPartition as number);
}

/**
 * KIP-794 `BuiltInPartitioner.peekCurrentPartitionInfo`: a null-key record goes to the current
 * sticky partition, drawn uniformly among available partitions when there is none.
 */
function builtIn(world: World, choice: PartitionChoice): number {
  const state = choice.topic.partitioner;
  if (state.builtInPartition === null) {
    state.builtInPartition = drawFrom(world, choice.topic, availablePartitions(choice.topic));
    state.builtInProducedBytes = 0;
  }
  return state.builtInPartition;
}

/** Whether the built-in partitioner placed this record (a null key, or any key with `partitioner.ignore.keys`). */
export function usesBuiltInPartitioner(world: World, mode: PartitionerMode, choice: Pick<PartitionChoice, 'key' | 'explicitPartition'>): boolean {
  if (mode !== 'built-in' || choice.explicitPartition !== null) return false;
  return choice.key === null || world.settings.producer.config['partitioner.ignore.keys'];
}

/**
 * `BuiltInPartitioner.updatePartitionInfo` after the record was appended: `appendedBytes` (a new
 * batch's size, or the record's size in the batch it joined) count toward the sticky partition;
 * it switches once `batch.size` bytes have gone there if `enableSwitch` (`allBatchesFull`: no
 * waiting batch with room left), and always once 2 × `batch.size` have.
 */
export function builtInAppended(world: World, topic: TopicState, appendedBytes: number, enableSwitch: boolean): void {
  const state = topic.partitioner;
  const batchSize = world.settings.producer.config['batch.size'];
  state.builtInProducedBytes += appendedBytes;
  if (state.builtInProducedBytes >= 2 * batchSize || (enableSwitch && state.builtInProducedBytes >= batchSize)) state.builtInPartition = null;
}

function fixedPartition(choice: PartitionChoice): number | null {
  if (choice.explicitPartition !== null) return choice.explicitPartition;
  if (choice.key !== null) return partitionForKey(choice.key, choice.topic.partitions.length);
  return null;
}

export function choosePartition(world: World, mode: PartitionerMode, choice: PartitionChoice): number {
  const config = world.settings.producer.config;
  switch (mode) {
    case 'sticky':
      return sticky(world, choice);
    case 'round-robin':
      return fixedPartition(choice) ?? roundRobin(world, choice.topic);
    case 'built-in': {
      const ignoreKeys = config['partitioner.ignore.keys'];
      if (choice.explicitPartition !== null) return choice.explicitPartition;
      if (choice.key !== null && !ignoreKeys) return partitionForKey(choice.key, choice.topic.partitions.length);
      return builtIn(world, choice);
    }
    default: {
      const unreachable: never = mode;
      throw new Error(`unknown partitioner ${String(unreachable)}`);
    }
  }
}
