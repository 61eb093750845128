/**
 * Golden tests for `cooperativeStickyAssign`, porting the expectations of Kafka 3.6's
 * clients/src/test/java/org/apache/kafka/clients/consumer/CooperativeStickyAssignorTest.java and of
 * AbstractStickyAssignorTest as CooperativeStickyAssignorTest runs it: there,
 * `verifyValidityAndBalance` first checks that no partition is given to a new owner in the same
 * rebalance its old owner revokes it, then replays follow-up rebalances (owned = what each member
 * got, same generation) until nothing is revoked, and the test's later assertions see the result.
 */
import { describe, expect, it } from 'vitest';
import type { AssignorInput, GroupMember } from './assignor';
import { cooperativeStickyAssign, type CooperativeAssignment } from './cooperativeStickyAssignor';

const owned = (memberId: string, topics: string[], ownedPartitions: string[], generation: number): GroupMember => ({
  memberId,
  topics,
  ownedPartitions,
  generation,
});

/** The follow-up rebalances of CooperativeStickyAssignorTest.verifyValidityAndBalance. */
function settle(input: AssignorInput): { first: CooperativeAssignment; final: CooperativeAssignment; rebalances: number } {
  const first = cooperativeStickyAssign(input);
  let current = first;
  let members = input.members;
  let rebalances = 0;
  while (current.followUpRebalance) {
    expectNoPartitionRevokedAndAddedAtOnce(members, current);
    members = members.map((m) => ({ ...m, ownedPartitions: current.assignment[m.memberId] }));
    current = cooperativeStickyAssign({ ...input, members });
    rebalances++;
    expect(rebalances).toBeLessThanOrEqual(4);
  }
  return { first, final: current, rebalances };
}

function expectNoPartitionRevokedAndAddedAtOnce(members: readonly GroupMember[], result: CooperativeAssignment): void {
  const revoked = new Set(Object.values(result.revoked).flat());
  for (const m of members) {
    const ownedNow = new Set(m.ownedPartitions ?? []);
    for (const tp of result.assignment[m.memberId]) {
      if (!ownedNow.has(tp)) expect(revoked.has(tp), `${tp} is revoked and reassigned in one rebalance`).toBe(false);
    }
  }
}

describe('Kafka CooperativeStickyAssignorTest', () => {
  it('testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithEqualPartitionsPerConsumer', () => {
    const members = [owned('consumer1', ['topic'], ['topic-0', 'topic-1'], 1), owned('consumer2', ['topic'], ['topic-0', 'topic-2'], 1), owned('consumer3', ['topic'], [], 1)];
    const r = cooperativeStickyAssign({ members, partitionsPerTopic: { topic: 3 } });
    // topic-0 counts as owned, so it cannot be handed out until both claimants have revoked it
    expect(r.assignment).toEqual({ consumer1: ['topic-1'], consumer2: ['topic-2'], consumer3: [] });
    expect(r.target).toEqual({ consumer1: ['topic-1'], consumer2: ['topic-2'], consumer3: ['topic-0'] });
    expect(r.partitionsTransferringOwnership).toEqual({ 'topic-0': 'consumer3' });
    expect(r.revoked).toEqual({ consumer1: ['topic-0'], consumer2: ['topic-0'], consumer3: [] });
  });

  it('testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithUnequalPartitionsPerConsumer', () => {
    const members = [owned('consumer1', ['topic'], ['topic-0', 'topic-1'], 1), owned('consumer2', ['topic'], ['topic-0', 'topic-2'], 1), owned('consumer3', ['topic'], [], 1)];
    const r = cooperativeStickyAssign({ members, partitionsPerTopic: { topic: 4 } });
    expect(r.assignment).toEqual({ consumer1: ['topic-1', 'topic-3'], consumer2: ['topic-2'], consumer3: [] });
  });

  it('testAssignorWithOldVersionSubscriptions (generation from user data: same effect)', () => {
    const members = [owned('consumer1', ['topic1'], ['topic1-0'], 1), owned('consumer2', ['topic1'], ['topic1-1'], 1), owned('consumer3', ['topic1'], [], 1)];
    const r = cooperativeStickyAssign({ members, partitionsPerTopic: { topic1: 3 } });
    expect(r.assignment).toEqual({ consumer1: ['topic1-0'], consumer2: ['topic1-1'], consumer3: ['topic1-2'] });
    expect(r.followUpRebalance).toBe(false);
  });
});

describe('Kafka AbstractStickyAssignorTest, run by CooperativeStickyAssignorTest', () => {
  it('testAddRemoveConsumerOneTopic: topic-2 is revoked by consumer1 first, then given to consumer2', () => {
    const { first, final, rebalances } = settle({
      members: [owned('consumer1', ['topic'], ['topic-0', 'topic-1', 'topic-2'], 1), owned('consumer2', ['topic'], [], 1)],
      partitionsPerTopic: { topic: 3 },
    });
    expect(first.partitionsTransferringOwnership).toEqual({ 'topic-2': 'consumer2' });
    expect(first.assignment).toEqual({ consumer1: ['topic-0', 'topic-1'], consumer2: [] });
    expect(first.revoked).toEqual({ consumer1: ['topic-2'], consumer2: [] });
    expect(rebalances).toBe(1);
    expect(final.assignment).toEqual({ consumer1: ['topic-0', 'topic-1'], consumer2: ['topic-2'] });
    expect(final.followUpRebalance).toBe(false);
  });

  it('testAddRemoveTwoConsumersTwoTopics: partitionsTransferringOwnership, then the settled assignment', () => {
    const t = ['topic1', 'topic2'];
    const { first, final } = settle({
      members: [
        owned('consumer1', t, ['topic1-0', 'topic1-2', 'topic2-1', 'topic2-3'], 1),
        owned('consumer2', t, ['topic1-1', 'topic2-0', 'topic2-2'], 1),
        owned('consumer3', t, [], 1),
        owned('consumer4', t, [], 1),
      ],
      partitionsPerTopic: { topic1: 3, topic2: 4 },
    });
    expect(first.partitionsTransferringOwnership).toEqual({ 'topic2-1': 'consumer3', 'topic2-3': 'consumer3', 'topic2-2': 'consumer4' });
    expect(final.assignment).toEqual({
      consumer1: ['topic1-0', 'topic1-2'],
      consumer2: ['topic1-1', 'topic2-0'],
      consumer3: ['topic2-1', 'topic2-3'],
      consumer4: ['topic2-2'],
    });
  });

  it('testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers', () => {
    const t = ['topic1', 'topic2'];
    const { first, final } = settle({
      members: [owned('consumer1', t, ['topic1-0', 'topic2-0'], 1), owned('consumer2', t, ['topic1-1', 'topic2-1'], 1), owned('consumer3', t, [], 1)],
      partitionsPerTopic: { topic1: 2, topic2: 2 },
    });
    expect(first.partitionsTransferringOwnership).toEqual({ 'topic2-0': 'consumer3' });
    expect(final.assignment).toEqual({ consumer1: ['topic1-0'], consumer2: ['topic1-1', 'topic2-1'], consumer3: ['topic2-0'] });
  });

  it('general algorithm (unequal subscriptions): the transfer set is computed from owned vs assigned', () => {
    const { first, final } = settle({
      members: [owned('consumer1', ['topic1', 'topic2'], ['topic1-0', 'topic1-1', 'topic1-2', 'topic2-0', 'topic2-1'], 1), owned('consumer2', ['topic1'], [], 1)],
      partitionsPerTopic: { topic1: 3, topic2: 2 },
    });
    expect(first.algorithm).toBe('general');
    const moved = Object.keys(first.partitionsTransferringOwnership);
    expect(moved.length).toBeGreaterThan(0);
    for (const tp of moved) expect(first.assignment.consumer2).not.toContain(tp);
    const sizes = Object.values(final.assignment).map((l) => l.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(5);
    expect(final.assignment.consumer2.every((tp) => tp.startsWith('topic1-'))).toBe(true);
  });

  it("a departed member's partitions move at once (nobody has to revoke them)", () => {
    const r = cooperativeStickyAssign({
      members: [owned('consumer1', ['topic'], ['topic-0'], 2), owned('consumer2', ['topic'], ['topic-1'], 2)],
      partitionsPerTopic: { topic: 3 }, // topic-2 was consumer3's, which left
    });
    expect(Object.values(r.assignment).flat().sort()).toEqual(['topic-0', 'topic-1', 'topic-2']);
    expect(r.followUpRebalance).toBe(false);
  });
});
