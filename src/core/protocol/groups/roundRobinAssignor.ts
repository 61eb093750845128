/**
 * `org.apache.kafka.clients.consumer.RoundRobinAssignor` (Kafka 3.6, name "roundrobin").
 *
 * All subscribed topics in sorted order (a `TreeSet`), each topic's partitions in order, are dealt
 * one by one to the members in `MemberInfo` order (static members by `group.instance.id` first,
 * then by `member.id`) by a `CircularIterator` that skips members not subscribed to the
 * partition's topic. With equal subscriptions the counts differ by at most one; with unequal ones
 * the skipping can leave the assignment unbalanced (the class's Javadoc example).
 */
import {
  checkInput,
  compareMemberInfo,
  emptyAssignment,
  subscribedPartitionsPerTopic,
  subscriptionsInJavaOrder,
  type AssignorInput,
  type GroupAssignment,
} from './assignor';
import { compareJavaStrings } from './topicPartition';

export function roundRobinAssign(input: AssignorInput): GroupAssignment {
  checkInput(input);
  const assignment = emptyAssignment(input.members);
  const members = subscriptionsInJavaOrder(input.members).sort(compareMemberInfo);
  if (members.length === 0) return assignment;
  const subscribed = members.map((m) => new Set(m.topics));
  const topics = subscribedPartitionsPerTopic(input).sort(([a], [b]) => compareJavaStrings(a, b));
  let cursor = 0; // CircularIterator: peek() is members[cursor], next() returns it and advances
  for (const [topic, count] of topics) {
    for (let p = 0; p < count; p++) {
      while (!subscribed[cursor].has(topic)) cursor = (cursor + 1) % members.length;
      assignment[members[cursor].memberId].push(`${topic}-${p}`);
      cursor = (cursor + 1) % members.length;
    }
  }
  return assignment;
}
