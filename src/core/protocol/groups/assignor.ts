/**
 * What every consumer-group assignor takes and gives: Kafka's `ConsumerPartitionAssignor`
 * contract (`assign(Cluster, GroupSubscription)`), as plain data.
 *
 * The group leader's `ConsumerCoordinator.onLeaderElected` puts the JoinGroup members into a
 * `HashMap<String, Subscription>` keyed by member id, and `AbstractPartitionAssignor.assign`
 * collects the subscribed topics into a `HashSet` and the partition counts into a `HashMap`
 * (topics the metadata does not know, or with no partitions, are left out). Those maps' iteration
 * orders reach the results (which member gets which partition first in a list, which member keeps
 * `maxQuota`), so we rebuild them exactly with javaHashMap.ts.
 */
import { javaHashOrder, javaStringHashMap } from './javaHashMap';
import { compareJavaStrings, parseTopicPartition, type TopicPartition } from './topicPartition';

export type AssignorName = 'range' | 'roundrobin' | 'sticky' | 'cooperative-sticky';

export interface GroupMember {
  /** `member.id` (the simulator's `<member>-<uuid>`). */
  readonly memberId: string;
  /** `group.instance.id` of a static member (KIP-345), if any. */
  readonly groupInstanceId?: string | null;
  /** Subscribed topics. */
  readonly topics: readonly string[];
  /**
   * The partitions this member was assigned before this rebalance, as `topic-partition`, in the
   * order its assignor handed them out (sticky assignors only; ignored by range/roundrobin).
   */
  readonly ownedPartitions?: readonly string[];
  /** The generation `ownedPartitions` belong to (sticky assignors; absent = none, i.e. -1). */
  readonly generation?: number;
}

export interface AssignorInput {
  /** The JoinGroup members, in the order the coordinator listed them. Member ids are unique. */
  readonly members: readonly GroupMember[];
  /** Partition count of each topic the cluster knows. */
  readonly partitionsPerTopic: Readonly<Record<string, number>>;
}

/** member id → its partitions as `topic-partition`, in the order Kafka's assignor lists them. */
export type GroupAssignment = Record<string, string[]>;

/** `AbstractStickyAssignor.DEFAULT_GENERATION`. */
export const DEFAULT_GENERATION = -1;

export function checkInput(input: AssignorInput): void {
  const seen = new Set<string>();
  for (const m of input.members) {
    if (seen.has(m.memberId)) throw new RangeError(`duplicate member id ${m.memberId}`);
    seen.add(m.memberId);
  }
  for (const [topic, count] of Object.entries(input.partitionsPerTopic)) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`bad partition count for ${topic}: ${count}`);
  }
}

/**
 * The leader's `Map<String, Subscription>`: a `HashMap` filled in JoinGroup order, so it iterates
 * by `member.id` hash.
 */
export function subscriptionsInJavaOrder(members: readonly GroupMember[]): GroupMember[] {
  const byId = new Map(members.map((m) => [m.memberId, m] as const));
  return javaHashOrder(members.map((m) => m.memberId)).map((id) => byId.get(id) as GroupMember);
}

/**
 * `AbstractPartitionAssignor.assign(Cluster, GroupSubscription)`: every subscribed topic (a
 * `HashSet`, filled member by member; each member's topics as `ConsumerProtocol` serialized
 * them, sorted) that has partitions, with its count, in the iteration order of the
 * `HashMap partitionsPerTopic` built from that set.
 */
export function subscribedPartitionsPerTopic(input: AssignorInput): Array<[string, number]> {
  const allSubscribedTopics = javaStringHashMap<true>();
  for (const member of subscriptionsInJavaOrder(input.members)) {
    for (const topic of [...member.topics].sort(compareJavaStrings)) allSubscribedTopics.set(topic, true);
  }
  const partitionsPerTopic = javaStringHashMap<number>();
  for (const topic of allSubscribedTopics.keys()) {
    const count = Object.prototype.hasOwnProperty.call(input.partitionsPerTopic, topic) ? input.partitionsPerTopic[topic] : 0;
    if (count > 0) partitionsPerTopic.set(topic, count);
  }
  return [...partitionsPerTopic.entries()];
}

/**
 * `AbstractPartitionAssignor.MemberInfo.compareTo`: members with a `group.instance.id` first,
 * ordered by it; then the others by `member.id` (KIP-345, so that static members keep their
 * ranges when their member ids change).
 */
export function compareMemberInfo(a: GroupMember, b: GroupMember): number {
  const ai = a.groupInstanceId ?? null;
  const bi = b.groupInstanceId ?? null;
  if (ai !== null && bi !== null) return compareJavaStrings(ai, bi);
  if (ai !== null) return -1;
  if (bi !== null) return 1;
  return compareJavaStrings(a.memberId, b.memberId);
}

/** An empty result with one entry per member, in input order. */
export function emptyAssignment(members: readonly GroupMember[]): GroupAssignment {
  const out: GroupAssignment = {};
  for (const m of members) out[m.memberId] = [];
  return out;
}

export function ownedOf(member: GroupMember): TopicPartition[] {
  return (member.ownedPartitions ?? []).map(parseTopicPartition);
}
