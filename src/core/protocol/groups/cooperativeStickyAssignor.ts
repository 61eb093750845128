/**
 * `org.apache.kafka.clients.consumer.CooperativeStickyAssignor` (Kafka 3.6, name
 * "cooperative-sticky", KIP-429 incremental cooperative rebalancing).
 *
 * Members keep their partitions while they rejoin and report them as `ownedPartitions`
 * (serialized by `ConsumerProtocol` sorted by topic, then partition) with their generation
 * (`Subscription.generationId`, KIP-792). The target is AbstractStickyAssignor's; but a partition
 * may not go to a new owner while the old one still holds it, so `adjustAssignment` removes every
 * partition that changes owner from its new owner's list. The old owner, seeing it is no longer
 * assigned, revokes it and rejoins; in the follow-up rebalance nobody owns it and it is handed
 * out. Partitions whose owner left the group move at once.
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
import { abstractStickyAssign, type StickyAssignResult } from './abstractStickyAssignor';
import { compareByTopicThenPartition, tpName } from './topicPartition';

export interface CooperativeAssignment {
  /** What the leader hands out in this rebalance (the target minus partitions in transit). */
  readonly assignment: GroupAssignment;
  /** AbstractStickyAssignor's target, reached after the follow-up rebalance. */
  readonly target: GroupAssignment;
  /** Partition → its new owner, for partitions that must first be revoked by their old owner. */
  readonly partitionsTransferringOwnership: Record<string, string>;
  /** Per member: owned partitions not in its new assignment, which it revokes (`onPartitionsRevoked`). */
  readonly revoked: GroupAssignment;
  /** True when something was revoked: the members then rejoin for a follow-up rebalance. */
  readonly followUpRebalance: boolean;
  readonly algorithm: StickyAssignResult['algorithm'];
}

export function cooperativeStickyAssign(input: AssignorInput): CooperativeAssignment {
  checkInput(input);
  const subscriptions = subscriptionsInJavaOrder(input.members).map((m) => ({
    memberId: m.memberId,
    topics: m.topics,
    partitions: ownedOf(m).sort(compareByTopicThenPartition),
    generation: m.generation,
    protocolGeneration: m.generation,
  }));
  const result = abstractStickyAssign(subscribedPartitionsPerTopic(input), subscriptions);

  const target = emptyAssignment(input.members);
  for (const [member, tps] of result.assignment) target[member] = tps.map(tpName);

  // computePartitionsTransferringOwnership (general algorithm): assigned to someone who does not
  // own it, while some member revokes it.
  let transferring = result.partitionsTransferringOwnership;
  if (transferring === null) {
    const added = new Map<string, string>();
    const revokedAnywhere = new Set<string>();
    for (const s of subscriptions) {
      const owned = new Set(s.partitions.map(tpName));
      const assigned = new Set(target[s.memberId]);
      for (const tp of target[s.memberId]) if (!owned.has(tp)) added.set(tp, s.memberId);
      for (const tp of owned) if (!assigned.has(tp)) revokedAnywhere.add(tp);
    }
    transferring = new Map([...added].filter(([tp]) => revokedAnywhere.has(tp)));
  }

  const assignment = emptyAssignment(input.members);
  for (const member of Object.keys(target)) {
    assignment[member] = target[member].filter((tp) => transferring.get(tp) !== member);
  }
  const revoked = emptyAssignment(input.members);
  for (const m of input.members) {
    const now = new Set(assignment[m.memberId]);
    revoked[m.memberId] = ownedOf(m).map(tpName).filter((tp) => !now.has(tp));
  }
  return {
    assignment,
    target,
    partitionsTransferringOwnership: Object.fromEntries(transferring),
    revoked,
    followUpRebalance: Object.values(revoked).some((l) => l.length > 0),
    algorithm: result.algorithm,
  };
}
