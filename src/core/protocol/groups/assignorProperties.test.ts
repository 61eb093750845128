/**
 * Properties every assignor must keep (fast-check), beside the golden tests of each file:
 * - validity: every partition of a subscribed topic goes to exactly one member, and only to a
 *   member subscribed to its topic (AbstractStickyAssignorTest.verifyValidityAndBalance);
 * - balance: with equal subscriptions, roundrobin and sticky counts differ by at most one (the
 *   RoundRobinAssignor Javadoc; the sticky assignors' first goal); the general sticky algorithm
 *   meets verifyValidityAndBalance's weaker rule;
 * - stickiness: when a member joins a one-topic group, sticky keeps at least as many partitions
 *   in place as range does; with any number of topics every old member keeps
 *   min(owned, ⌊P/(n+1)⌋) of its partitions (ConstrainedAssignmentBuilder step 1);
 * - cooperative: no partition is handed to a new owner in the rebalance its old owner revokes it,
 *   and the follow-up rebalances settle.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssignorInput, GroupAssignment, GroupMember } from './assignor';
import { cooperativeStickyAssign } from './cooperativeStickyAssignor';
import { rangeAssign } from './rangeAssignor';
import { roundRobinAssign } from './roundRobinAssignor';
import { stickyAssign } from './stickyAssignor';

const TOPICS = ['orders', 'payments', 't-1', '订单', 'clicks'];

const partitionCounts = fc.record(Object.fromEntries(TOPICS.map((t) => [t, fc.integer({ min: 0, max: 7 })])) as Record<string, fc.Arbitrary<number>>);
const memberIds = fc.uniqueArray(fc.stringMatching(/^[a-zA-Z][a-z0-9-]{0,8}$/), { minLength: 1, maxLength: 7 });
const topicSubset = fc.subarray(TOPICS, { minLength: 1 });

const unequalGroup: fc.Arbitrary<AssignorInput> = fc
  .tuple(partitionCounts, memberIds)
  .chain(([partitionsPerTopic, ids]) =>
    fc.tuple(fc.constant(partitionsPerTopic), fc.tuple(...ids.map((id) => fc.tuple(fc.constant(id), topicSubset, fc.boolean())))),
  )
  .map(([partitionsPerTopic, members]) => ({
    partitionsPerTopic,
    members: members.map(([memberId, topics, isStatic], i): GroupMember => ({ memberId, topics, groupInstanceId: isStatic ? `instance-${i}` : undefined })),
  }));

const equalGroup: fc.Arbitrary<AssignorInput> = fc.tuple(partitionCounts, memberIds, topicSubset).map(([partitionsPerTopic, ids, topics]) => ({
  partitionsPerTopic,
  members: ids.map((memberId) => ({ memberId, topics })),
}));

const topicOf = (tp: string): string => tp.slice(0, tp.lastIndexOf('-'));

function expectValid(input: AssignorInput, assignment: GroupAssignment): void {
  const topicsOf = new Map(input.members.map((m) => [m.memberId, new Set(m.topics)]));
  const seen = new Map<string, string>();
  for (const [member, tps] of Object.entries(assignment)) {
    for (const tp of tps) {
      expect(seen.has(tp), `${tp} given to ${seen.get(tp)} and ${member}`).toBe(false);
      seen.set(tp, member);
      expect(topicsOf.get(member)?.has(topicOf(tp))).toBe(true);
    }
  }
  const subscribed = new Set(input.members.flatMap((m) => m.topics));
  const expected = Object.entries(input.partitionsPerTopic).filter(([t]) => subscribed.has(t)).reduce((sum, [, n]) => sum + n, 0);
  expect(seen.size).toBe(expected);
  expect(Object.keys(assignment).sort()).toEqual(input.members.map((m) => m.memberId).sort());
}

function spread(assignment: GroupAssignment): number {
  const sizes = Object.values(assignment).map((l) => l.length);
  return Math.max(...sizes) - Math.min(...sizes);
}

/** verifyValidityAndBalance's balance rule: a member with 2+ more partitions holds none another could take. */
function expectNoImprovingMove(input: AssignorInput, assignment: GroupAssignment): void {
  const topicsOf = new Map(input.members.map((m) => [m.memberId, new Set(m.topics)]));
  for (const [i, ai] of Object.entries(assignment)) {
    for (const [j, aj] of Object.entries(assignment)) {
      if (ai.length > aj.length + 1) for (const tp of ai) expect(topicsOf.get(j)?.has(topicOf(tp)), `${tp}: ${i} → ${j}`).toBe(false);
    }
  }
}

const kept = (before: GroupAssignment, after: GroupAssignment): number =>
  Object.entries(before).reduce((sum, [m, tps]) => sum + tps.filter((tp) => after[m]?.includes(tp)).length, 0);

describe('assignor properties', () => {
  it('validity: every subscribed partition is assigned exactly once, to a subscriber (all four assignors)', () => {
    fc.assert(
      fc.property(unequalGroup, (input) => {
        expectValid(input, rangeAssign(input));
        expectValid(input, roundRobinAssign(input));
        expectValid(input, stickyAssign(input));
        expectValid(input, cooperativeStickyAssign(input).target);
      }),
    );
  });

  it('balance: equal subscriptions give counts within one for roundrobin, sticky and cooperative-sticky', () => {
    fc.assert(
      fc.property(equalGroup, (input) => {
        expect(spread(roundRobinAssign(input))).toBeLessThanOrEqual(1);
        expect(spread(stickyAssign(input))).toBeLessThanOrEqual(1);
        expect(spread(cooperativeStickyAssign(input).target)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('balance: the general sticky algorithm leaves no move that would improve balance', () => {
    fc.assert(
      fc.property(unequalGroup, (input) => {
        expectNoImprovingMove(input, stickyAssign(input));
      }),
    );
  });

  it('stickiness, one topic: when a member joins, sticky keeps at least what range keeps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), memberIds, fc.stringMatching(/^[a-zA-Z][a-z0-9]{0,8}$/), (n, ids, newcomer) => {
        fc.pre(!ids.includes(newcomer));
        const ppt = { orders: n };
        const before = ids.map((memberId) => ({ memberId, topics: ['orders'] }));
        const s0 = stickyAssign({ members: before, partitionsPerTopic: ppt });
        const r0 = rangeAssign({ members: before, partitionsPerTopic: ppt });
        const after = [...before.map((m) => ({ ...m, ownedPartitions: s0[m.memberId], generation: 1 })), { memberId: newcomer, topics: ['orders'] }];
        const s1 = stickyAssign({ members: after, partitionsPerTopic: ppt });
        const r1 = rangeAssign({ members: after, partitionsPerTopic: ppt });
        expect(kept(s0, s1)).toBeGreaterThanOrEqual(kept(r0, r1));
      }),
    );
  });

  it('stickiness, any topics: each old member keeps min(owned, ⌊P/(n+1)⌋) when a member joins', () => {
    fc.assert(
      fc.property(equalGroup, fc.stringMatching(/^[a-zA-Z][a-z0-9]{0,8}$/), (input, newcomer) => {
        fc.pre(!input.members.some((m) => m.memberId === newcomer));
        const s0 = stickyAssign(input);
        const topics = input.members[0].topics;
        const members = [...input.members.map((m) => ({ ...m, ownedPartitions: s0[m.memberId], generation: 3 })), { memberId: newcomer, topics }];
        const s1 = stickyAssign({ ...input, members });
        const total = Object.values(s0).reduce((sum, l) => sum + l.length, 0);
        const minQuota = Math.floor(total / members.length);
        for (const m of input.members) {
          const keptByMember = s0[m.memberId].filter((tp) => s1[m.memberId].includes(tp)).length;
          expect(keptByMember).toBeGreaterThanOrEqual(Math.min(s0[m.memberId].length, minQuota));
        }
      }),
    );
  });

  it('cooperative: nothing is revoked and reassigned in one rebalance, and follow-ups settle on a valid assignment', () => {
    fc.assert(
      fc.property(unequalGroup, fc.integer({ min: 0, max: 3 }), (input, dropped) => {
        // a previous generation: everyone owns its sticky share; then some members leave and the rest rejoin
        const previous = cooperativeStickyAssign(input).target;
        let members: GroupMember[] = input.members
          .slice(0, Math.max(1, input.members.length - dropped))
          .map((m) => ({ ...m, ownedPartitions: previous[m.memberId], generation: 5 }));
        members = [...members, { memberId: 'zz-new', topics: input.members[0].topics }];
        let result = cooperativeStickyAssign({ ...input, members });
        for (let round = 0; result.followUpRebalance; round++) {
          expect(round).toBeLessThan(4);
          const revoked = new Set(Object.values(result.revoked).flat());
          for (const m of members) {
            const was = new Set(m.ownedPartitions ?? []);
            for (const tp of result.assignment[m.memberId]) if (!was.has(tp)) expect(revoked.has(tp)).toBe(false);
          }
          members = members.map((m) => ({ ...m, ownedPartitions: result.assignment[m.memberId], generation: 6 + round }));
          result = cooperativeStickyAssign({ ...input, members });
        }
        expectValid({ ...input, members }, result.assignment);
      }),
    );
  });

  it('deterministic: the same input gives the same output, order included', () => {
    fc.assert(
      fc.property(unequalGroup, (input) => {
        expect(stickyAssign(input)).toEqual(stickyAssign(structuredClone(input)));
        expect(rangeAssign(input)).toEqual(rangeAssign(structuredClone(input)));
      }),
    );
  });
});
