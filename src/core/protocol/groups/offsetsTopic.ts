/**
 * `__consumer_offsets` (docs/scenario-format.md, "Groups"): created on first use with
 * `offsets.topic.num.partitions` partitions and `offsets.topic.replication.factor` replicas,
 * placed like any topic (AdminUtils over the registered, unfenced brokers), replicated like any
 * topic, in both replication modes. With fewer such brokers than the replication factor Kafka's
 * auto-creation fails and FindCoordinator answers COORDINATOR_NOT_AVAILABLE
 * (`KafkaApis.getOrCreateInternalTopic`, `AutoTopicCreationManager`).
 *
 * A group's coordinator is the leader of partition `Utils.abs(groupId.hashCode) %
 * offsets.topic.num.partitions` (`GroupMetadataManager.partitionFor`), serving while its broker
 * is up and reachable.
 *
 * Offset commits are records of the v2 batch format: key `OffsetCommitKey` v1 (version int16,
 * group, topic as int16-length strings, partition int32) and value `OffsetCommitValue` v3
 * (version int16, offset int64, leader epoch int32, metadata "" as an int16-length string, commit
 * timestamp int64: 24 bytes), as `GroupMetadataManager.offsetCommitKey/offsetCommitValue` write
 * them in 2.8 and 3.6 (IBP ≥ 2.1, no expire timestamp). Each record is its own batch here (a
 * stated simplification: Kafka puts one commit request's records in one batch).
 */
import type { PartitionState, TopicState } from '../../model/world';
import type { TopicConfig } from '../../model/scenario';
import { createTopic } from '../../cluster';
import { findTopic, leaderReplica, type SimContext } from '../../simContext';
import { javaUtf8Length } from '../javaUtf8';
import { RECORD_BATCH_OVERHEAD, recordBodySize, sizeOfVarint } from '../recordBatchSize';
import { publishPartition } from '../leadership';
import { isServingLeader } from '../roles';
import { groupCoordinatorPartition } from './coordinator';

export const OFFSETS_TOPIC = '__consumer_offsets';

/** `offsets.topic.segment.bytes` (100 MiB), which Kafka sets as the offsets topic's segment.bytes. */
export const OFFSETS_TOPIC_SEGMENT_BYTES = 104857600;

/** Internal topics replicate by themselves even with `replication: "manual"`. */
export function isInternalTopic(topic: string): boolean {
  return topic === OFFSETS_TOPIC;
}

export function offsetsTopic(ctx: SimContext): TopicState | undefined {
  return findTopic(ctx.world, OFFSETS_TOPIC);
}

/** Creates the topic if it does not exist; false when too few brokers are available. */
export function ensureOffsetsTopic(ctx: SimContext): boolean {
  if (offsetsTopic(ctx)) return true;
  const { config } = ctx.world.settings.cluster;
  const rf = config['offsets.topic.replication.factor'];
  const available = ctx.world.brokers.filter((b) => !b.fenced);
  if (available.length < rf) return false;
  const topicConfig: TopicConfig = {
    'min.insync.replicas': config['min.insync.replicas'],
    'unclean.leader.election.enable': config['unclean.leader.election.enable'],
    'segment.bytes': OFFSETS_TOPIC_SEGMENT_BYTES,
    'index.interval.bytes': config['log.index.interval.bytes'],
    'retention.ms': config['log.retention.ms'],
    'retention.bytes': config['log.retention.bytes'],
  };
  const topic = createTopic(ctx.world, {
    name: OFFSETS_TOPIC, partitions: config['offsets.topic.num.partitions'], replicationFactor: rf, assignment: null, config: topicConfig,
  });
  // Every replica starts with nothing applied, then applies the controller's decision like any partition.
  for (const p of topic.partitions) {
    for (const r of p.replicaStates) {
      r.appliedLeader = null;
      r.appliedEpoch = -1;
      if (ctx.world.settings.cluster.truncation === 'leader-epoch') r.epochCache = [];
    }
  }
  ctx.world.topics.push(topic);
  ctx.world.topics.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const p of topic.partitions) publishPartition(ctx, p);
  return true;
}

export function coordinatorPartitionOf(ctx: SimContext, group: string): number {
  return groupCoordinatorPartition(group, ctx.world.settings.cluster.config['offsets.topic.num.partitions']);
}

/** The `__consumer_offsets` partition of `group`, once the topic exists. */
export function coordinatorPartitionState(ctx: SimContext, group: string): PartitionState | undefined {
  return offsetsTopic(ctx)?.partitions[coordinatorPartitionOf(ctx, group)];
}

/** The broker that serves as the group's coordinator now, or null (COORDINATOR_NOT_AVAILABLE). */
export function servingCoordinator(ctx: SimContext, group: string): number | null {
  const p = coordinatorPartitionState(ctx, group);
  return p && p.leader !== null && isServingLeader(ctx, p) ? p.leader : null;
}

/** The v2 size of a one-record batch holding an offset commit of `group` on `topic` (or its tombstone: a null value). */
export function offsetCommitBatchSize(group: string, topic: string, tombstone = false): number {
  const keyBytes = 2 + (2 + javaUtf8Length(group)) + (2 + javaUtf8Length(topic)) + 4;
  const valueBytes = tombstone ? null : 2 + 8 + 4 + 2 + 8;
  const body = recordBodySize(keyBytes, valueBytes);
  return RECORD_BATCH_OVERHEAD + sizeOfVarint(body) + body;
}

/** The latest committed offset per `topic-partition` of `group` that `p`'s leader holds (a coordinator loading the group). */
export function loadCommittedOffsets(p: PartitionState, group: string): Record<string, number> {
  const leader = leaderReplica(p);
  const out: Record<string, number> = {};
  if (!leader) return out;
  for (const record of leader.log) {
    const commit = record.offsetCommit;
    if (!commit || commit.group !== group) continue;
    // offset -1 is a tombstone (the group was deleted): the offset is gone.
    if (commit.offset < 0) delete out[`${commit.topic}-${commit.partition}`];
    else out[`${commit.topic}-${commit.partition}`] = commit.offset;
  }
  return out;
}
