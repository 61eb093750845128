/**
 * Topics created, grown, reconfigured and deleted while the cluster runs (the CLI's
 * CreateTopics, CreatePartitions, IncrementalAlterConfigs and DeleteTopics), as the controller
 * carries them out (docs/scenario-format.md, "Placement"; 3.6 `ReplicationControlManager`, 2.8
 * `KafkaController` / `AdminZkClient`).
 *
 * - A new partition's ISR is its replicas that are registered and unfenced (3.6
 *   `clusterControl::isActive`; 2.8's live brokers), its leader the first of them, at leader epoch
 *   0; every broker that is up applies it at once (`makeLeader` / `makeFollower`), so the
 *   followers start fetching.
 * - Placement without an assignment: `AdminUtils.assignReplicasToBrokers` over the brokers
 *   registered and unfenced now, `startIndex` and `nextReplicaShift` from the `placement:<topic>`
 *   stream (the contract's one algorithm for both eras).
 * - Deletion removes the topic from the world at once: its replicas, the producer's records still
 *   waiting for it (they fail UNKNOWN_TOPIC_OR_PARTITION) and the leaders' held fetches for it.
 */
import type { TopicConfig } from '../model/scenario';
import type { PartitionState, TopicState } from '../model/world';
import { drawTopicId } from '../cluster';
import { drawIndex, findTopic, type SimContext } from '../simContext';
import { publishPartition } from './leadership';
import { emptyLayout } from './logLayout';
import { resetFollowerViews } from './inSyncReplicas';
import { assignReplicasToBrokers } from './replicaPlacement';

/** Broker ids the controller counts available (registered and unfenced), sorted. */
export function availableBrokers(ctx: SimContext): number[] {
  return ctx.world.brokers.filter((b) => !b.fenced).map((b) => b.id).sort((a, b) => a - b);
}

/** `AdminUtils.assignReplicasToBrokers` over the available brokers, seeded by `placement:<topic>`. */
export function placeReplicas(ctx: SimContext, topic: string, partitions: number, replicationFactor: number): number[][] {
  const brokers = availableBrokers(ctx);
  const stream = `placement:${topic}`;
  const startIndex = drawIndex(ctx.world, stream, brokers.length);
  const replicaShift = drawIndex(ctx.world, stream, brokers.length);
  return assignReplicasToBrokers(partitions, replicationFactor, brokers, startIndex, replicaShift);
}

/**
 * Placement of added partitions (2.8 `AdminZkClient.addPartitions` → `AdminUtils
 * .assignReplicasToBrokers` with `fixedStartIndex` = the index of partition 0's first replica,
 * which then also serves as `nextReplicaShift`, and `startPartitionId` = the current count; a
 * first replica no longer available makes both random, drawn from `placement:<topic>`).
 */
export function placeAddedReplicas(ctx: SimContext, topic: string, existing: number[][], count: number): number[][] {
  const brokers = availableBrokers(ctx);
  const n = brokers.length;
  const fixed = brokers.indexOf(existing[0][0]);
  const startIndex = fixed >= 0 ? fixed : drawIndex(ctx.world, `placement:${topic}`, n);
  let shift = fixed >= 0 ? fixed : drawIndex(ctx.world, `placement:${topic}`, n);
  const replicationFactor = existing[0].length;
  const added: number[][] = [];
  for (let id = existing.length; id < existing.length + count; id++) {
    if (id > 0 && id % n === 0) shift += 1;
    const first = (id + startIndex) % n;
    const replicas = [brokers[first]];
    for (let j = 0; j < replicationFactor - 1; j++) replicas.push(brokers[(first + 1 + ((shift + j) % (n - 1))) % n]);
    added.push(replicas);
  }
  return added;
}

function newPartition(ctx: SimContext, topic: string, partition: number, replicas: number[]): PartitionState {
  const available = new Set(availableBrokers(ctx));
  const isr = replicas.filter((b) => available.has(b));
  const leader = isr.length > 0 ? isr[0] : null;
  const p: PartitionState = {
    topic, partition, replicas: [...replicas], leader, leaderEpoch: 0, isr,
    leaderEpochStartOffset: 0, lastLeader: leader ?? replicas[0],
    replicaStates: replicas.map((broker) => ({
      broker, log: [], highWatermark: 0, epochCache: [], appliedLeader: null, appliedEpoch: -1, verifiedUpTo: 0, layout: emptyLayout(0), producers: [], lastFetchedEpoch: null, logStartOffset: 0,
    })),
    followers: [],
  };
  resetFollowerViews(p, ctx.world.timeMs);
  // 3.6 replays its PartitionRecord into `imbalancedPartitions` too (leaderBalance.ts).
  if (leader !== replicas[0]) ctx.leadershipImbalanced = true;
  return p;
}

function insertSorted(ctx: SimContext, topic: TopicState): void {
  const topics = ctx.world.topics;
  let i = 0;
  while (i < topics.length && topics[i].name < topic.name) i++;
  topics.splice(i, 0, topic);
}

/** CreateTopics: the topic exists from now on, each partition led by its first available replica. */
export function createTopicNow(ctx: SimContext, name: string, assignment: number[][], config: TopicConfig, overrides: string[]): TopicState {
  const topic: TopicState = {
    name, topicId: drawTopicId(ctx.world, name), config, overrides: [...overrides].sort(), markedForDeletion: false,
    createdAtProduced: ctx.world.produced.length,
    partitions: assignment.map((replicas, i) => newPartition(ctx, name, i, replicas)),
    partitioner: { roundRobinCounter: null, stickyPartition: null, builtInPartition: null, builtInProducedBytes: 0 },
  };
  insertSorted(ctx, topic);
  for (const p of topic.partitions) publishPartition(ctx, p);
  return topic;
}

/** CreatePartitions: new partitions after the existing ones. */
export function addPartitionsNow(ctx: SimContext, topic: TopicState, assignment: number[][]): void {
  const start = topic.partitions.length;
  const added = assignment.map((replicas, i) => newPartition(ctx, topic.name, start + i, replicas));
  topic.partitions.push(...added);
  for (const p of added) publishPartition(ctx, p);
}

/** DeleteTopics: the topic leaves the world; what waited for it fails or is dropped. */
export function deleteTopicNow(ctx: SimContext, name: string): void {
  const topic = findTopic(ctx.world, name);
  if (!topic) return;
  ctx.world.topics = ctx.world.topics.filter((t) => t !== topic);
  ctx.world.pendingProduces = ctx.world.pendingProduces.filter((pending) => pending.topic !== name);
  for (const batch of ctx.world.producerBatches) {
    if (batch.topic !== name || batch.phase === 'done' || batch.records[0] < topic.createdAtProduced) continue;
    batch.phase = 'done';
    for (const i of batch.records) {
      const entry = ctx.world.produced[i];
      entry.acked = false;
      entry.error = 'UNKNOWN_TOPIC_OR_PARTITION';
    }
  }
  // Their batches failed: nothing of the deleted topic waits to be sent.
  for (const producer of ctx.world.producers) {
    for (const state of producer.partitions) if (state.topic === name) state.queue = [];
  }
  for (const held of ctx.world.heldFetches) held.partitions = held.partitions.filter((r) => r.topic !== name);
}

/** Whether `topic`-`partition` exists now (a step naming a deleted topic is refused). */
export function partitionExists(ctx: SimContext, topic: string, partition: number | null): boolean {
  const state = findTopic(ctx.world, topic);
  return state !== undefined && (partition === null || partition < state.partitions.length);
}
