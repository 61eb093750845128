/**
 * What Kafka's admin client asks a group coordinator for, as kafka-consumer-groups.sh uses it
 * (`KafkaAdminClient.listConsumerGroups/describeConsumerGroups/listConsumerGroupOffsets/
 * alterConsumerGroupOffsets/deleteConsumerGroups`; the broker side is 3.6's `GroupCoordinator.
 * handleListGroups/handleDescribeGroup/handleFetchOffsets/handleCommitOffsets/handleDeleteGroups`,
 * the same in 2.8 for what is modelled here).
 *
 * - A group no coordinator knows is described as `Dead` with no members (`GroupCoordinator.
 *   handleDescribeGroup` answers `GroupSummary` of DeadGroup); FindCoordinator creates
 *   `__consumer_offsets` on first use, as it does for a consumer.
 * - Offsets committed to ZooKeeper (`offsets.storage: zookeeper`) are not in `__consumer_offsets`,
 *   so OffsetFetch does not return them (docs/scenario-format.md, "Groups").
 * - Every member's host is `/127.0.0.1` (the simulated clients all run on the student's machine:
 *   a deterministic stand-in for the address the broker saw).
 */
import type { GroupStateName } from '../../model/groups';
import type { SimContext } from '../../simContext';
import { findGroup } from './groupCoordinator';
import { compareJavaStrings, tpName, type TopicPartition } from './topicPartition';
import { appendCommitRecord, commitOffsets, servingLeader } from './consumerClient';
import { coordinatorPartitionState, ensureOffsetsTopic, servingCoordinator } from './offsetsTopic';
import { updateHighWatermark } from '../highWatermark';

export const MEMBER_HOST = '/127.0.0.1';

export interface DescribedMember {
  consumerId: string;
  clientId: string;
  host: string;
  groupInstanceId: string | null;
  /** The partitions its last SyncGroup gave it, as `topic-partition`. */
  assignment: string[];
}

export interface DescribedGroup {
  group: string;
  state: GroupStateName;
  /** The assignor of the current generation ('' when Empty or Dead: `protocol` is empty). */
  assignor: string;
  coordinator: number;
  members: DescribedMember[];
  /** What OffsetFetch returns: offsets in `__consumer_offsets` (not ZooKeeper's). */
  committed: Record<string, number>;
}

/** FindCoordinator: the broker serving `group` (creating `__consumer_offsets` on first use), or null. */
export function findCoordinator(ctx: SimContext, group: string): number | null {
  if (!ensureOffsetsTopic(ctx)) return null;
  return servingCoordinator(ctx, group);
}

/** Committed offsets a Kafka client can fetch (OffsetFetch): the cache minus ZooKeeper's. */
export function fetchableOffsets(ctx: SimContext, group: string): Record<string, number> {
  const g = findGroup(ctx, group);
  if (!g) return {};
  const out: Record<string, number> = {};
  for (const [tp, offset] of Object.entries(g.committed)) if (!g.zookeeperOffsets?.includes(tp)) out[tp] = offset;
  return out;
}

/** DescribeGroups + OffsetFetch; null when no coordinator serves the group. */
export function describeGroup(ctx: SimContext, group: string): DescribedGroup | null {
  const coordinator = findCoordinator(ctx, group);
  if (coordinator === null) return null;
  const g = findGroup(ctx, group);
  if (!g) return { group, state: 'Dead', assignor: '', coordinator, members: [], committed: {} };
  const members = g.members.map((m) => ({
    consumerId: m.memberId, clientId: m.member, host: MEMBER_HOST, groupInstanceId: m.instanceId,
    assignment: g.machine.value === 'Stable' ? [...m.assignment] : [],
  }));
  return { group, state: g.machine.value, assignor: g.protocol ?? '', coordinator, members, committed: fetchableOffsets(ctx, group) };
}

/** ListGroups: the groups a serving coordinator has loaded, by name (the admin client merges the brokers' answers). */
export function listGroups(ctx: SimContext): { group: string; state: GroupStateName }[] {
  return ctx.world.groups.groups
    .filter((g) => g.machine.value !== 'Dead' && servingCoordinator(ctx, g.group) !== null)
    .map((g) => ({ group: g.group, state: g.machine.value }))
    .sort((a, b) => compareJavaStrings(a.group, b.group));
}

/**
 * AlterConsumerGroupOffsets: an OffsetCommit with no member id and generation -1, which the
 * coordinator accepts only while the group is Empty (`validateOffsetCommit`). Returns the error name.
 */
export function alterGroupOffsets(ctx: SimContext, group: string, offsets: Record<string, number>): string | null {
  ctx.events.push({ type: 'group-admin', atMs: ctx.world.timeMs, group, action: 'reset-offsets', offsets: { ...offsets } });
  return commitOffsets(ctx, { group, member: 'kafka-consumer-groups.sh', memberId: null, generation: -1, storage: 'kafka' }, offsets, false);
}

/**
 * DeleteGroups (`GroupCoordinator.handleDeleteGroups`): an Empty group becomes Dead and is
 * removed, its offsets tombstoned in `__consumer_offsets`; a group with members is refused
 * NON_EMPTY_GROUP; one the coordinator does not know GROUP_ID_NOT_FOUND.
 */
export function deleteGroup(ctx: SimContext, group: string): 'COORDINATOR_NOT_AVAILABLE' | 'GROUP_ID_NOT_FOUND' | 'NON_EMPTY_GROUP' | null {
  if (findCoordinator(ctx, group) === null) return 'COORDINATOR_NOT_AVAILABLE';
  const g = findGroup(ctx, group);
  if (!g || g.machine.value === 'Dead') return 'GROUP_ID_NOT_FOUND';
  if (g.machine.value !== 'Empty') return 'NON_EMPTY_GROUP';
  const removed = { ...g.committed };
  const p = coordinatorPartitionState(ctx, group);
  const leader = p && servingLeader(ctx, p);
  if (p && leader) {
    for (const tp of Object.keys(removed).filter((x) => !g.zookeeperOffsets?.includes(x))) appendCommitRecord(ctx, p, leader, group, tp, null);
    updateHighWatermark(ctx, p);
  }
  ctx.world.groups.groups = ctx.world.groups.groups.filter((x) => x !== g);
  ctx.events.push({ type: 'group-admin', atMs: ctx.world.timeMs, group, action: 'delete', offsets: removed });
  return null;
}

export type OffsetDeleteError = 'COORDINATOR_NOT_AVAILABLE' | 'GROUP_ID_NOT_FOUND' | 'NON_EMPTY_GROUP' | 'GROUP_SUBSCRIBED_TO_TOPIC' | 'UNKNOWN_TOPIC_OR_PARTITION';

/**
 * OffsetDelete (`KafkaApis.handleOffsetDeleteRequest`, `GroupCoordinator.handleDeleteOffsets`,
 * `GroupMetadataManager.cleanupGroupMetadata`; 3.6.2 and 2.8.2). A group the coordinator does not
 * know (or Dead) is GROUP_ID_NOT_FOUND for the whole request. Otherwise each partition: one the
 * metadata does not know is UNKNOWN_TOPIC_OR_PARTITION; an Empty group loses the offset; a group
 * with members keeps the offsets of topics its members subscribe to (GROUP_SUBSCRIBED_TO_TOPIC)
 * and loses the others. Each removed offset gets a tombstone in `__consumer_offsets`, and an
 * Empty group left with no offset becomes Dead and leaves the coordinator's cache.
 */
export function deleteGroupOffsets(ctx: SimContext, group: string, partitions: TopicPartition[]): { error: OffsetDeleteError | null; partitions: [TopicPartition, OffsetDeleteError | null][] } {
  if (findCoordinator(ctx, group) === null) return { error: 'COORDINATOR_NOT_AVAILABLE', partitions: [] };
  const g = findGroup(ctx, group);
  if (!g || g.machine.value === 'Dead') return { error: 'GROUP_ID_NOT_FOUND', partitions: [] };
  const subscribed = new Set(g.members.flatMap((m) => m.topics));
  const results: [TopicPartition, OffsetDeleteError | null][] = [];
  const eligible: string[] = [];
  for (const tp of partitions) {
    const { topic, partition } = tp;
    const t = ctx.world.topics.find((x) => x.name === topic);
    if (!t || partition < 0 || partition >= t.partitions.length) results.push([tp, 'UNKNOWN_TOPIC_OR_PARTITION']);
    else if (g.machine.value !== 'Empty' && subscribed.has(topic)) results.push([tp, 'GROUP_SUBSCRIBED_TO_TOPIC']);
    else {
      results.push([tp, null]);
      eligible.push(tpName(tp));
    }
  }
  // `removeOffsets`: only what the cache holds (ZooKeeper's offsets are not in it).
  const cached = fetchableOffsets(ctx, group);
  const removed = Object.fromEntries(eligible.filter((tp) => cached[tp] !== undefined).map((tp) => [tp, cached[tp]]));
  const p = coordinatorPartitionState(ctx, group);
  const leader = p && servingLeader(ctx, p);
  if (p && leader && Object.keys(removed).length > 0) {
    for (const tp of Object.keys(removed)) appendCommitRecord(ctx, p, leader, group, tp, null);
    updateHighWatermark(ctx, p);
  }
  for (const tp of Object.keys(removed)) delete g.committed[tp];
  if (eligible.length > 0) ctx.events.push({ type: 'group-admin', atMs: ctx.world.timeMs, group, action: 'delete-offsets', offsets: removed });
  if (g.machine.value === 'Empty' && Object.keys(fetchableOffsets(ctx, group)).length === 0 && eligible.length > 0) {
    // cleanupGroupMetadata: Empty with no offsets → Dead, removed from the cache.
    ctx.world.groups.groups = ctx.world.groups.groups.filter((x) => x !== g);
  }
  return { error: null, partitions: results };
}
