/**
 * `org.apache.kafka.clients.consumer.StickyAssignor` (Kafka 3.6, name "sticky", KIP-54): the
 * eager sticky assignor. Members revoke everything before joining (eager protocol), so their
 * previous assignment travels in the subscription's user data (`STICKY_ASSIGNOR_USER_DATA_V1`:
 * partitions grouped by topic through a HashMap — `CollectionUtils.groupPartitionsByTopic` — and
 * the generation of that assignment). The algorithm is AbstractStickyAssignor's
 * (abstractStickyAssignor.ts).
 */
import {
  checkInput,
  emptyAssignment,
  ownedOf,
  subscribedPartitionsPerTopic,
  subscriptionsInJavaOrder,
  type AssignorInput,
  type GroupAssignment,
} from './assignor';
import { abstractStickyAssign, groupPartitionsByTopic, type StickyAssignResult } from './abstractStickyAssignor';
import { tpName } from './topicPartition';

export interface StickyAssignment {
  readonly assignment: GroupAssignment;
  /** Which of Kafka's two algorithms ran: `constrained` (equal subscriptions) or `general`. */
  readonly algorithm: StickyAssignResult['algorithm'];
}

export function stickyAssignDetailed(input: AssignorInput): StickyAssignment {
  checkInput(input);
  const result = abstractStickyAssign(
    subscribedPartitionsPerTopic(input),
    subscriptionsInJavaOrder(input.members).map((m) => ({
      memberId: m.memberId,
      topics: m.topics,
      // the user data round trip: grouped by topic in HashMap order
      partitions: groupPartitionsByTopic(ownedOf(m)),
      generation: m.generation,
      protocolGeneration: m.generation,
    })),
  );
  const assignment = emptyAssignment(input.members);
  for (const [member, tps] of result.assignment) assignment[member] = tps.map(tpName);
  return { assignment, algorithm: result.algorithm };
}

/** The "sticky" assignor's result: member id → partitions in Kafka's order. */
export function stickyAssign(input: AssignorInput): GroupAssignment {
  return stickyAssignDetailed(input).assignment;
}
