/**
 * Golden tests for the eager `StickyAssignor`, porting the expectations of Kafka 3.6's
 * clients/src/test/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignorTest.java
 * (which StickyAssignorTest runs against `StickyAssignor`; every case is parameterised over
 * RackConfig and the expectations are rack-independent). `buildSubscriptionV2Above(topics,
 * partitions, generation, i)` becomes a member with `ownedPartitions` and `generation`;
 * `subscription(topics, i)` a member with neither. `verifyValidityAndBalance` is ported as
 * `expectValidAndBalanced`.
 */
import { describe, expect, it } from 'vitest';
import type { GroupAssignment, GroupMember } from './assignor';
import { stickyAssign, stickyAssignDetailed } from './stickyAssignor';

const sub = (memberId: string, topics: string[]): GroupMember => ({ memberId, topics });
const owned = (memberId: string, topics: string[], ownedPartitions: string[], generation: number): GroupMember => ({
  memberId,
  topics,
  ownedPartitions,
  generation,
});
const asSet = (l: string[] | undefined): Set<string> => new Set(l);

/**
 * AbstractStickyAssignorTest.verifyValidityAndBalance: every partition of a subscribed topic is
 * assigned exactly once, only to subscribers; and if consumer i has more than one partition more
 * than consumer j, none of i's partitions could have gone to j.
 */
function expectValidAndBalanced(members: GroupMember[], partitionsPerTopic: Record<string, number>, assignment: GroupAssignment): void {
  const topicsOf = new Map(members.map((m) => [m.memberId, new Set(m.topics)]));
  const seen = new Set<string>();
  for (const [member, tps] of Object.entries(assignment)) {
    for (const tp of tps) {
      expect(seen.has(tp), `${tp} assigned twice`).toBe(false);
      seen.add(tp);
      const topic = tp.slice(0, tp.lastIndexOf('-'));
      expect(topicsOf.get(member)?.has(topic), `${member} got ${tp} without subscribing`).toBe(true);
    }
  }
  const subscribed = new Set(members.flatMap((m) => m.topics));
  for (const [topic, n] of Object.entries(partitionsPerTopic)) {
    if (!subscribed.has(topic)) continue;
    for (let p = 0; p < n; p++) expect(seen.has(`${topic}-${p}`), `${topic}-${p} unassigned`).toBe(true);
  }
  for (const [i, ai] of Object.entries(assignment)) {
    for (const [j, aj] of Object.entries(assignment)) {
      if (ai.length <= aj.length + 1) continue;
      for (const tp of ai) {
        expect(topicsOf.get(j)?.has(tp.slice(0, tp.lastIndexOf('-'))), `${tp} could move from ${i} to ${j}`).toBe(false);
      }
    }
  }
}

function isFullyBalanced(assignment: GroupAssignment): boolean {
  const sizes = Object.values(assignment).map((l) => l.length);
  return Math.max(...sizes) - Math.min(...sizes) <= 1;
}

describe('Kafka AbstractStickyAssignorTest (StickyAssignor)', () => {
  it('testOneConsumerNoTopic / testOneConsumerNonexistentTopic', () => {
    expect(stickyAssign({ members: [sub('consumer', [])], partitionsPerTopic: {} })).toEqual({ consumer: [] });
    expect(stickyAssign({ members: [sub('consumer', ['topic'])], partitionsPerTopic: { topic: 0 } })).toEqual({ consumer: [] });
  });

  it('testOneConsumerOneTopic', () => {
    expect(stickyAssign({ members: [sub('consumer', ['topic'])], partitionsPerTopic: { topic: 3 } })).toEqual({ consumer: ['topic-0', 'topic-1', 'topic-2'] });
  });

  it('testOnlyAssignsPartitionsFromSubscribedTopics: owned partitions of other topics are dropped', () => {
    const members = [owned('consumer', ['topic'], ['topic-0', 'topic-1', 'other-0', 'other-1'], 1)];
    expect(stickyAssign({ members, partitionsPerTopic: { topic: 2 } })).toEqual({ consumer: ['topic-0', 'topic-1'] });
  });

  it('testOneConsumerMultipleTopics', () => {
    expect(stickyAssign({ members: [sub('consumer', ['topic1', 'topic2'])], partitionsPerTopic: { topic1: 1, topic2: 2 } })).toEqual({
      consumer: ['topic1-0', 'topic2-0', 'topic2-1'],
    });
  });

  it('testTwoConsumersOneTopicOnePartition / testTwoConsumersOneTopicTwoPartitions', () => {
    const members = [sub('consumer1', ['topic']), sub('consumer2', ['topic'])];
    const one = stickyAssign({ members, partitionsPerTopic: { topic: 1 } });
    expectValidAndBalanced(members, { topic: 1 }, one);
    expect(stickyAssign({ members, partitionsPerTopic: { topic: 2 } })).toEqual({ consumer1: ['topic-0'], consumer2: ['topic-1'] });
  });

  it('testMultipleConsumersMixedTopicSubscriptions (general algorithm)', () => {
    const members = [sub('consumer1', ['topic1']), sub('consumer2', ['topic1', 'topic2']), sub('consumer3', ['topic1'])];
    const result = stickyAssignDetailed({ members, partitionsPerTopic: { topic1: 3, topic2: 2 } });
    expect(result.algorithm).toBe('general');
    expect(result.assignment).toEqual({ consumer1: ['topic1-0', 'topic1-2'], consumer2: ['topic2-0', 'topic2-1'], consumer3: ['topic1-1'] });
  });

  it('testTwoConsumersTwoTopicsSixPartitions', () => {
    const members = [sub('consumer1', ['topic1', 'topic2']), sub('consumer2', ['topic1', 'topic2'])];
    expect(stickyAssign({ members, partitionsPerTopic: { topic1: 3, topic2: 3 } })).toEqual({
      consumer1: ['topic1-0', 'topic1-2', 'topic2-1'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-2'],
    });
  });

  it('testConsumerOwningMinQuotaExpectedMaxQuota', () => {
    const t = ['topic1', 'topic2'];
    const members = [owned('consumer1', t, ['topic1-0', 'topic2-1'], 1), owned('consumer2', t, ['topic1-1', 'topic2-2'], 1)];
    expect(stickyAssign({ members, partitionsPerTopic: { topic1: 2, topic2: 3 } })).toEqual({
      consumer1: ['topic1-0', 'topic2-1', 'topic2-0'],
      consumer2: ['topic1-1', 'topic2-2'],
    });
  });

  it('testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers (needs the HashMap order: consumer2 is read before consumer1)', () => {
    const t = ['topic1', 'topic2'];
    const members = [owned('consumer1', t, ['topic1-0', 'topic2-0'], 1), owned('consumer2', t, ['topic1-1', 'topic2-1'], 1), owned('consumer3', t, [], 1)];
    expect(stickyAssign({ members, partitionsPerTopic: { topic1: 2, topic2: 2 } })).toEqual({
      consumer1: ['topic1-0'],
      consumer2: ['topic1-1', 'topic2-1'],
      consumer3: ['topic2-0'],
    });
  });

  it('testAllConsumersAreUnderMinQuota', () => {
    const t = ['topic1', 'topic2'];
    const members = [owned('consumer1', t, ['topic1-0'], 1), owned('consumer2', t, ['topic1-1'], 1), owned('consumer3', t, [], 1)];
    expect(stickyAssign({ members, partitionsPerTopic: { topic1: 2, topic2: 3 } })).toEqual({
      consumer1: ['topic1-0', 'topic2-1'],
      consumer2: ['topic1-1', 'topic2-2'],
      consumer3: ['topic2-0'],
    });
  });

  it('testAddRemoveConsumerOneTopic', () => {
    const ppt = { topic: 3 };
    const a1 = stickyAssign({ members: [sub('consumer1', ['topic'])], partitionsPerTopic: ppt });
    expect(a1.consumer1).toEqual(['topic-0', 'topic-1', 'topic-2']);
    const a2 = stickyAssign({ members: [owned('consumer1', ['topic'], a1.consumer1, 1), owned('consumer2', ['topic'], [], 1)], partitionsPerTopic: ppt });
    expect(a2).toEqual({ consumer1: ['topic-0', 'topic-1'], consumer2: ['topic-2'] });
    const a3 = stickyAssign({ members: [owned('consumer2', ['topic'], a2.consumer2, 1)], partitionsPerTopic: ppt });
    expect(asSet(a3.consumer2)).toEqual(new Set(['topic-0', 'topic-1', 'topic-2']));
  });

  it('testAddRemoveTwoConsumersTwoTopics', () => {
    const t = ['topic1', 'topic2'];
    const ppt = { topic1: 3, topic2: 4 };
    const a1 = stickyAssign({ members: [sub('consumer1', t), sub('consumer2', t)], partitionsPerTopic: ppt });
    expect(a1).toEqual({ consumer1: ['topic1-0', 'topic1-2', 'topic2-1', 'topic2-3'], consumer2: ['topic1-1', 'topic2-0', 'topic2-2'] });
    const a2 = stickyAssign({
      members: [owned('consumer1', t, a1.consumer1, 1), owned('consumer2', t, a1.consumer2, 1), owned('consumer3', t, [], 1), owned('consumer4', t, [], 1)],
      partitionsPerTopic: ppt,
    });
    expect(a2).toEqual({
      consumer1: ['topic1-0', 'topic1-2'],
      consumer2: ['topic1-1', 'topic2-0'],
      consumer3: ['topic2-1', 'topic2-3'],
      consumer4: ['topic2-2'],
    });
    const a3 = stickyAssign({ members: [owned('consumer3', t, a2.consumer3, 1), owned('consumer4', t, a2.consumer4, 1)], partitionsPerTopic: ppt });
    expect(a3).toEqual({ consumer3: ['topic2-1', 'topic2-3', 'topic1-0', 'topic2-0'], consumer4: ['topic2-2', 'topic1-1', 'topic1-2'] });
  });

  it('testPoorRoundRobinAssignmentScenario', () => {
    const ppt = { topic1: 2, topic2: 1, topic3: 2, topic4: 1, topic5: 2 };
    const all = ['topic1', 'topic2', 'topic3', 'topic4', 'topic5'];
    const odd = ['topic1', 'topic3', 'topic5'];
    const members = [sub('consumer1', all), sub('consumer2', odd), sub('consumer3', odd), sub('consumer4', all)];
    expectValidAndBalanced(members, ppt, stickyAssign({ members, partitionsPerTopic: ppt }));
  });

  it('testReassignmentAfterOneConsumerLeaves (general algorithm, 19 topics)', () => {
    const name = (i: number): string => `topic${String(i).padStart(2, '0')}`;
    const ppt: Record<string, number> = {};
    for (let i = 1; i < 20; i++) ppt[name(i)] = i;
    const members: GroupMember[] = [];
    for (let i = 1; i < 20; i++) members.push(sub(`consumer${String(i).padStart(2, '0')}`, Array.from({ length: i }, (_, j) => name(j + 1))));
    const a1 = stickyAssign({ members, partitionsPerTopic: ppt });
    expectValidAndBalanced(members, ppt, a1);
    const next = members.filter((m) => m.memberId !== 'consumer10').map((m) => owned(m.memberId, [...m.topics], a1[m.memberId], 1));
    expectValidAndBalanced(next, ppt, stickyAssign({ members: next, partitionsPerTopic: ppt }));
  });

  it('testSameSubscriptions', () => {
    const name = (i: number): string => `topic${String(i).padStart(2, '0')}`;
    const ppt: Record<string, number> = {};
    for (let i = 1; i < 15; i++) ppt[name(i)] = i;
    const topics = Object.keys(ppt);
    const members = Array.from({ length: 8 }, (_, i) => sub(`consumer${i + 1}`, topics));
    const a1 = stickyAssign({ members, partitionsPerTopic: ppt });
    expectValidAndBalanced(members, ppt, a1);
    const next = members.filter((m) => m.memberId !== 'consumer5').map((m) => owned(m.memberId, topics, a1[m.memberId], 1));
    const a2 = stickyAssign({ members: next, partitionsPerTopic: ppt });
    expectValidAndBalanced(next, ppt, a2);
    for (const m of next) expect(a1[m.memberId].every((tp) => a2[m.memberId].includes(tp)), `${m.memberId} kept its partitions`).toBe(true);
  });

  it('testMoveExistingAssignments (general algorithm)', () => {
    const ppt = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`topic${i + 1}`, 1]));
    const members = [
      owned('consumer1', ['topic1', 'topic2'], ['topic1-0'], 1),
      owned('consumer2', ['topic1', 'topic2', 'topic3', 'topic4'], ['topic2-0', 'topic3-0'], 1),
      owned('consumer3', ['topic2', 'topic3', 'topic4', 'topic5', 'topic6'], ['topic4-0', 'topic5-0', 'topic6-0'], 1),
    ];
    expectValidAndBalanced(members, ppt, stickyAssign({ members, partitionsPerTopic: ppt }));
  });

  it('testStickiness: after the potential leader leaves, each member keeps its partition', () => {
    const ppt = { topic1: 3 };
    const members = ['consumer1', 'consumer2', 'consumer3', 'consumer4'].map((c) => sub(c, ['topic1']));
    const a1 = stickyAssign({ members, partitionsPerTopic: ppt });
    for (const l of Object.values(a1)) expect(l.length).toBeLessThanOrEqual(1);
    const next = ['consumer2', 'consumer3', 'consumer4'].map((c) => owned(c, ['topic1'], a1[c], 1));
    const a2 = stickyAssign({ members: next, partitionsPerTopic: ppt });
    for (const c of ['consumer2', 'consumer3', 'consumer4']) {
      expect(a2[c].length).toBe(1);
      if (a1[c].length === 1) expect(a2[c]).toEqual(a1[c]);
    }
  });

  it('testAssignmentUpdatedForDeletedTopic', () => {
    const a = stickyAssign({ members: [sub('consumer', ['topic1', 'topic2', 'topic3'])], partitionsPerTopic: { topic1: 1, topic3: 100 } });
    expect(a.consumer.length).toBe(101);
  });

  it('testNoExceptionThrownWhenOnlySubscribedTopicDeleted', () => {
    const a = stickyAssign({ members: [owned('consumer', ['topic'], ['topic-0', 'topic-1', 'topic-2'], 1)], partitionsPerTopic: {} });
    expect(a).toEqual({ consumer: [] });
  });

  it('testAllConsumersReachExpectedQuotaAndAreConsideredFilled', () => {
    const members = [owned('consumer1', ['topic'], ['topic-0', 'topic-1'], 1), owned('consumer2', ['topic'], ['topic-2'], 1), owned('consumer3', ['topic'], [], 1)];
    expect(stickyAssign({ members, partitionsPerTopic: { topic: 4 } })).toEqual({ consumer1: ['topic-0', 'topic-1'], consumer2: ['topic-2'], consumer3: ['topic-3'] });
  });

  it('testOwnedPartitionsAreInvalidatedForConsumerWithStaleGeneration', () => {
    const t = ['topic', 'topic2'];
    const claim = ['topic-0', 'topic-2', 'topic2-1'];
    const a = stickyAssign({ members: [owned('consumer1', t, claim, 10), owned('consumer2', t, claim, 9)], partitionsPerTopic: { topic: 3, topic2: 3 } });
    expect(asSet(a.consumer1)).toEqual(new Set(claim));
    expect(asSet(a.consumer2)).toEqual(new Set(['topic-1', 'topic2-0', 'topic2-2']));
  });

  it('testOwnedPartitionsAreInvalidatedForConsumerWithNoGeneration', () => {
    const t = ['topic', 'topic2'];
    const claim = ['topic-0', 'topic-2', 'topic2-1'];
    const a = stickyAssign({ members: [owned('consumer1', t, claim, 10), owned('consumer2', t, claim, -1)], partitionsPerTopic: { topic: 3, topic2: 3 } });
    expect(asSet(a.consumer1)).toEqual(new Set(claim));
    expect(asSet(a.consumer2)).toEqual(new Set(['topic-1', 'topic2-0', 'topic2-2']));
  });

  it('testPartitionsTransferringOwnershipIncludeThePartitionClaimedByMultipleConsumersInSameGeneration', () => {
    const members = [owned('consumer1', ['topic'], ['topic-0', 'topic-1'], 1), owned('consumer2', ['topic'], ['topic-0', 'topic-2'], 1), owned('consumer3', ['topic'], [], 1)];
    expect(stickyAssign({ members, partitionsPerTopic: { topic: 3 } })).toEqual({ consumer1: ['topic-1'], consumer2: ['topic-2'], consumer3: ['topic-0'] });
  });

  it('testEnsurePartitionsAssignedToHighestGeneration', () => {
    const t = ['topic', 'topic2', 'topic3'];
    const members = [
      owned('consumer1', t, ['topic-0', 'topic2-0', 'topic3-0'], 10),
      owned('consumer2', t, ['topic-1', 'topic2-1', 'topic3-1'], 9),
      owned('consumer3', t, ['topic2-1', 'topic3-0', 'topic3-2'], 8),
    ];
    const a = stickyAssign({ members, partitionsPerTopic: { topic: 3, topic2: 3, topic3: 3 } });
    expect(asSet(a.consumer1)).toEqual(new Set(['topic-0', 'topic2-0', 'topic3-0']));
    expect(asSet(a.consumer2)).toEqual(new Set(['topic-1', 'topic2-1', 'topic3-1']));
    expect(asSet(a.consumer3)).toEqual(new Set(['topic-2', 'topic2-2', 'topic3-2']));
  });

  it('testNoReassignmentOnCurrentMembers', () => {
    const t = ['topic', 'topic2', 'topic3', 'topic1'];
    const members = [
      owned('consumer1', t, [], -1),
      owned('consumer2', t, ['topic-0', 'topic2-0', 'topic1-0'], 9),
      owned('consumer3', t, ['topic3-2', 'topic2-2', 'topic1-1'], 8),
      owned('consumer4', t, ['topic3-1', 'topic-1', 'topic-2'], 7),
    ];
    const ppt = { topic: 3, topic1: 3, topic2: 3, topic3: 3 };
    const a = stickyAssign({ members, partitionsPerTopic: ppt });
    expect(asSet(a.consumer1)).toEqual(new Set(['topic1-2', 'topic2-1', 'topic3-0']));
    expectValidAndBalanced(members, ppt, a);
    expect(isFullyBalanced(a)).toBe(true);
  });

  it('testSubscriptionNotEqualAndAssignSamePartitionWith3Generation', () => {
    for (const [g1, g2, g3] of [[1, 2, 3], [1, 3, 2], [2, 1, 3], [2, 3, 1], [3, 1, 2], [3, 2, 1]]) {
      const members = [
        owned('consumer1', ['topic'], ['topic-0', 'topic-2'], g1),
        owned('consumer2', ['topic'], ['topic-1', 'topic-2', 'topic-3'], g2),
        owned('consumer3', ['topic'], ['topic-2', 'topic-4', 'topic-5'], g3),
        owned('consumer4', ['topic1'], ['topic1-0'], 2),
      ];
      const a = stickyAssign({ members, partitionsPerTopic: { topic: 6, topic1: 1 } });
      const all = Object.values(a).flat();
      expect(new Set(all).size).toBe(all.length);
      for (const l of Object.values(a)) expect(l.length >= 1 && l.length <= 2).toBe(true);
    }
  });
});
