/**
 * `org.apache.kafka.clients.consumer.RangeAssignor` (Kafka 3.6, `partition.assignment.strategy`
 * name "range"), without racks (its KIP-881 rack matching needs consumer and broker racks, which
 * the simulator does not have).
 *
 * Topic by topic, in the iteration order of the `partitionsPerTopic` HashMap: the topic's
 * subscribers are sorted as `MemberInfo` sorts them (static members by `group.instance.id` first,
 * then by `member.id`); with n partitions over k subscribers, each gets a contiguous range of
 * ⌊n/k⌋ partitions and the first n mod k get one more. Every member's list therefore goes topic
 * by topic, in that HashMap order.
 */
import {
  checkInput,
  compareMemberInfo,
  emptyAssignment,
  subscribedPartitionsPerTopic,
  subscriptionsInJavaOrder,
  type AssignorInput,
  type GroupAssignment,
  type GroupMember,
} from './assignor';

export function rangeAssign(input: AssignorInput): GroupAssignment {
  checkInput(input);
  // consumersPerTopic: a HashMap<String, List<MemberInfo>> filled while walking the subscriptions.
  const consumersPerTopic = new Map<string, GroupMember[]>();
  for (const member of subscriptionsInJavaOrder(input.members)) {
    for (const topic of member.topics) {
      const list = consumersPerTopic.get(topic) ?? [];
      if (!list.includes(member)) list.push(member);
      consumersPerTopic.set(topic, list);
    }
  }
  const assignment = emptyAssignment(input.members);
  for (const [topic, numPartitions] of subscribedPartitionsPerTopic(input)) {
    // Array.prototype.sort is stable, as Collections.sort is.
    const consumers = [...(consumersPerTopic.get(topic) ?? [])].sort(compareMemberInfo);
    if (consumers.length === 0) continue;
    const perConsumer = Math.floor(numPartitions / consumers.length);
    const withExtra = numPartitions % consumers.length;
    consumers.forEach((consumer, i) => {
      const start = perConsumer * i + Math.min(i, withExtra);
      const length = perConsumer + (i < withExtra ? 1 : 0);
      for (let p = start; p < start + length; p++) assignment[consumer.memberId].push(`${topic}-${p}`);
    });
  }
  return assignment;
}
