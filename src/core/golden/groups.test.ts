/**
 * Consumer groups through the headless runner (runScenarioText): subscribe steps, then the
 * report's `groups[].members[].assignment`, compared with the expectations of Kafka 3.6's own
 * assignor tests (clients/src/test/java/org/apache/kafka/clients/consumer/…), and the
 * coordinator's partition (`GroupMetadataManager.partitionFor`: Utils.abs(groupId.hashCode) %
 * offsets.topic.num.partitions; hash codes worked out with Java's `String.hashCode` formula).
 *
 * Timing used below (GroupCoordinator.scala, AbstractCoordinator.java): the first member makes an
 * Empty group wait group.initial.rebalance.delay.ms (3000) and every new member in generation 0
 * extends that by 3000 (InitialDelayedJoin); a later member starts a DelayedJoin that completes
 * when every member has rejoined, which each does at its next heartbeat (every 3000 ms from its
 * last join).
 */
import { describe, expect, it } from 'vitest';
import { runScenarioText } from '../../cli/runScenarioFile';
import type { Report } from '../model/report';
import type { GroupReport } from '../model/groups';

type Json = Record<string, unknown>;

function run(document: Json, at?: number): Report {
  const out = runScenarioText(JSON.stringify(document), at);
  if (out.exitCode !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout) as Report;
}

function doc(topics: Record<string, number>, steps: Json[], extra: Json = {}): Json {
  return {
    version: 1, seed: 11, cluster: { brokers: 3 },
    topics: Object.entries(topics).map(([name, partitions]) => ({ name, partitions, replicationFactor: 3 })),
    steps, ...extra,
  };
}

const sub = (member: string, topics: string[], more: Json = {}): Json => ({ op: 'subscribe', group: 'g', member, topics, ...more });
const runMs = (ms: number): Json => ({ op: 'run', ms });

function group(r: Report, id = 'g'): GroupReport {
  const found = r.groups.find((g) => g.group === id);
  if (!found) throw new Error(`no group ${id}`);
  return found;
}

function assignments(r: Report, id = 'g'): Record<string, string[]> {
  return Object.fromEntries(group(r, id).members.map((m) => [m.member, m.assignment]));
}

describe('RangeAssignorTest through subscribe steps', () => {
  it('testOneConsumerOneTopic: one member gets every partition, in generation 1 after the initial delay', () => {
    const r = run(doc({ topic1: 3 }, [sub('consumer1', ['topic1']), runMs(3000)]));
    expect(group(r)).toMatchObject({ state: 'Stable', generation: 1, assignor: 'range' });
    expect(assignments(r)).toEqual({ consumer1: ['topic1-0', 'topic1-1', 'topic1-2'] });
  });

  it('before the initial delay passes the group is still PreparingRebalance, generation 0, nobody owns anything', () => {
    const r = run(doc({ topic1: 3 }, [sub('consumer1', ['topic1']), runMs(2999)]));
    expect(group(r)).toMatchObject({ state: 'PreparingRebalance', generation: 0, assignor: null });
    expect(assignments(r)).toEqual({ consumer1: [] });
  });

  it('testMultipleConsumersMixedTopics', () => {
    const r = run(doc({ topic1: 3, topic2: 2 }, [
      sub('consumer1', ['topic1']), sub('consumer2', ['topic1', 'topic2']), sub('consumer3', ['topic1']), runMs(6000),
    ]));
    expect(assignments(r)).toEqual({ consumer1: ['topic1-0'], consumer2: ['topic1-1', 'topic2-0', 'topic2-1'], consumer3: ['topic1-2'] });
    expect(group(r).generation).toBe(1);
  });

  it('testTwoConsumersTwoTopicsSixPartitions, the second member joining a Stable group (two rebalances)', () => {
    const r = run(doc({ topic1: 3, topic2: 3 }, [
      sub('consumer1', ['topic1', 'topic2']), runMs(3100),
      sub('consumer2', ['topic1', 'topic2']), runMs(3000),
    ]));
    // consumer2 joins at 3100; consumer1 hears of it at its heartbeat at 6000 and rejoins: generation 2.
    expect(group(r)).toMatchObject({ state: 'Stable', generation: 2 });
    expect(assignments(r)).toEqual({ consumer1: ['topic1-0', 'topic1-1', 'topic2-0', 'topic2-1'], consumer2: ['topic1-2', 'topic2-2'] });
    const before = run(doc({ topic1: 3, topic2: 3 }, [sub('consumer1', ['topic1', 'topic2']), runMs(3100), sub('consumer2', ['topic1', 'topic2']), runMs(2899)]));
    expect(group(before)).toMatchObject({ state: 'PreparingRebalance', generation: 1 });
    expect(assignments(before)).toEqual({ consumer1: ['topic1-0', 'topic1-1', 'topic1-2', 'topic2-0', 'topic2-1', 'topic2-2'], consumer2: [] });
  });

  it('testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions: the static member sorts first', () => {
    const r = run(doc({ topic1: 3, topic2: 3 }, [
      sub('consumer-b', ['topic1', 'topic2'], { instanceId: 'instance1' }), sub('consumer-a', ['topic1', 'topic2']), runMs(6000),
    ]));
    expect(assignments(r)).toEqual({ 'consumer-b': ['topic1-0', 'topic1-1', 'topic2-0', 'topic2-1'], 'consumer-a': ['topic1-2', 'topic2-2'] });
    expect(group(r).members.find((m) => m.member === 'consumer-b')?.instanceId).toBe('instance1');
  });

  it('testStaticMemberRangeAssignmentPersistent: the dynamic member leaves, another joins, the static ranges stay', () => {
    const both = ['topic1', 'topic2'];
    const steps = [
      sub('consumer1', both, { instanceId: 'instance1' }), sub('consumer2', both, { instanceId: 'instance2' }),
      sub('consumer3', both, { instanceId: 'instance3' }), sub('consumer4', both), runMs(9000),
    ];
    const statics = { consumer1: ['topic1-0', 'topic1-1', 'topic2-0'], consumer2: ['topic1-2', 'topic2-1'], consumer3: ['topic1-3', 'topic2-2'] };
    const first = run(doc({ topic1: 5, topic2: 4 }, steps));
    expect(assignments(first)).toEqual({ ...statics, consumer4: ['topic1-4', 'topic2-3'] });
    const second = run(doc({ topic1: 5, topic2: 4 }, [
      ...steps, { op: 'leave', group: 'g', member: 'consumer4' }, runMs(4000), sub('consumer5', both), runMs(4000),
    ]));
    expect(assignments(second)).toEqual({ ...statics, consumer5: ['topic1-4', 'topic2-3'] });
    expect(group(second).generation).toBe(3);
  });
});

describe('RoundRobinAssignorTest through subscribe steps', () => {
  it('testTwoDynamicConsumersTwoTopicsSixPartitions', () => {
    const rr = { assignor: 'roundrobin' };
    const r = run(doc({ topic1: 3, topic2: 3 }, [sub('consumer1', ['topic1', 'topic2'], rr), sub('consumer2', ['topic1', 'topic2'], rr), runMs(6000)]));
    expect(group(r).assignor).toBe('roundrobin');
    expect(assignments(r)).toEqual({ consumer1: ['topic1-0', 'topic1-2', 'topic2-1'], consumer2: ['topic1-1', 'topic2-0', 'topic2-2'] });
  });

  it('testMultipleConsumersMixedTopics', () => {
    const rr = { assignor: 'roundrobin' };
    const r = run(doc({ topic1: 3, topic2: 2 }, [
      sub('consumer1', ['topic1'], rr), sub('consumer2', ['topic1', 'topic2'], rr), sub('consumer3', ['topic1'], rr), runMs(6000),
    ]));
    expect(assignments(r)).toEqual({ consumer1: ['topic1-0'], consumer2: ['topic1-1', 'topic2-0', 'topic2-1'], consumer3: ['topic1-2'] });
  });

  it('a member with another assignor is refused INCONSISTENT_GROUP_PROTOCOL (GroupCoordinator.handleJoinGroup)', () => {
    const r = run(doc({ topic1: 3 }, [sub('consumer1', ['topic1']), runMs(3000), sub('consumer2', ['topic1'], { assignor: 'roundrobin' }), runMs(3000)]));
    expect(r.stepErrors).toEqual([expect.objectContaining({ step: 2, error: 'INCONSISTENT_GROUP_PROTOCOL' })]);
    expect(assignments(r)).toEqual({ consumer1: ['topic1-0', 'topic1-1', 'topic1-2'] });
  });
});

describe('StickyAssignorTest / AbstractStickyAssignorTest through subscribe steps', () => {
  it('testAddRemoveConsumerOneTopic: consumer1 keeps topic-0 and topic-1 when consumer2 joins; consumer2 takes all when consumer1 leaves', () => {
    const st = { assignor: 'sticky' };
    const steps = [sub('consumer1', ['topic'], st), runMs(3100), sub('consumer2', ['topic'], st), runMs(3000)];
    const joined = run(doc({ topic: 3 }, steps));
    expect(assignments(joined)).toEqual({ consumer1: ['topic-0', 'topic-1'], consumer2: ['topic-2'] });
    const left = run(doc({ topic: 3 }, [...steps, { op: 'leave', group: 'g', member: 'consumer1' }, runMs(3000)]));
    expect(new Set(assignments(left).consumer2)).toEqual(new Set(['topic-0', 'topic-1', 'topic-2']));
    expect(group(left).members.map((m) => m.member)).toEqual(['consumer2']);
  });
});

describe('CooperativeStickyAssignorTest through subscribe steps', () => {
  it('testAddRemoveConsumerOneTopic: two rebalances; topic-2 is revoked by consumer1 first, then given to consumer2', () => {
    const coop = { assignor: 'cooperative-sticky' };
    const base = [sub('consumer1', ['topic'], coop), runMs(3100), sub('consumer2', ['topic'], coop)];
    // The first rebalance completes at 6000 (consumer1's heartbeat): consumer1 keeps topic-0, topic-1 and
    // revokes topic-2, so it rejoins at once; consumer2 hears of the second rebalance at its heartbeat at 9000.
    const afterFirst = run(doc({ topic: 3 }, [...base, runMs(2950)]));
    expect(group(afterFirst)).toMatchObject({ state: 'PreparingRebalance', generation: 2 });
    expect(assignments(afterFirst)).toEqual({ consumer1: ['topic-0', 'topic-1'], consumer2: [] });
    const settled = run(doc({ topic: 3 }, [...base, runMs(6000)]));
    expect(group(settled)).toMatchObject({ state: 'Stable', generation: 3, assignor: 'cooperative-sticky' });
    expect(assignments(settled)).toEqual({ consumer1: ['topic-0', 'topic-1'], consumer2: ['topic-2'] });
  });
});

describe('static membership (KIP-345)', () => {
  it('a static member killed and replaced by a new instance within session.timeout.ms keeps its partitions without a rebalance', () => {
    const r = run(doc({ topic1: 2 }, [
      sub('a', ['topic1'], { instanceId: 'i-a' }), sub('b', ['topic1'], { instanceId: 'i-b' }), runMs(6000),
      { op: 'kill', group: 'g', member: 'a' }, runMs(5000), sub('a2', ['topic1'], { instanceId: 'i-a' }), runMs(60000),
    ]));
    expect(group(r)).toMatchObject({ state: 'Stable', generation: 1 });
    expect(assignments(r)).toEqual({ a2: ['topic1-0'], b: ['topic1-1'] });
  });

  it('a killed dynamic member is removed after session.timeout.ms and its partition moves', () => {
    const steps = [sub('a', ['topic1']), sub('b', ['topic1']), runMs(6000), { op: 'kill', group: 'g', member: 'a' }];
    const before = run(doc({ topic1: 2 }, [...steps, runMs(44000)]));
    expect(group(before).members.map((m) => m.member)).toEqual(['a', 'b']);
    const after = run(doc({ topic1: 2 }, [...steps, runMs(50000)]));
    expect(group(after)).toMatchObject({ state: 'Stable', generation: 2 });
    expect(assignments(after)).toEqual({ b: ['topic1-0', 'topic1-1'] });
  });
});

describe('the coordinator: partition Utils.abs(groupId.hashCode) % offsets.topic.num.partitions, its leader the broker', () => {
  const expected: Record<string, number> = {
    g1: 42, // hashCode 3242
    'orders-app': 5, // 772757305
    payments: 13, // 1382682413
    analytics: 10, // -1693017210 (negative)
    'consumer-group': 38, // -1738392088
    polygenelubricants: 0, // Integer.MIN_VALUE: Utils.abs gives 0
    GydZG_: 0, // Integer.MIN_VALUE
    'billing-service': 39, // 1374429539
    reporting: 28, // -353319378
    'my-group': 12, // -1906497762
    A: 15, // 65
    'inventory-sync': 2, // -79324052
  };
  it('a dozen groups, including negative hash codes and Integer.MIN_VALUE', () => {
    const steps = Object.keys(expected).map((group, i) => ({ op: 'subscribe', group, member: `m${i}`, topics: ['t'] }));
    const r = run(doc({ t: 1 }, [...steps, runMs(3000)]));
    expect(Object.fromEntries(r.groups.map((g) => [g.group, g.coordinator.partition]))).toEqual(expected);
    const offsets = r.partitions.filter((p) => p.topic === '__consumer_offsets');
    expect(offsets).toHaveLength(50);
    expect(offsets.every((p) => p.replicas.length === 3)).toBe(true);
    for (const g of r.groups) expect(g.coordinator.broker).toBe(offsets[g.coordinator.partition].leader);
    expect(r.groups.map((g) => g.group)).toEqual(Object.keys(expected).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('with offsets.topic.num.partitions 7: 3242 % 7 = 1', () => {
    const r = run(doc({ t: 1 }, [{ op: 'subscribe', group: 'g1', member: 'm', topics: ['t'] }], { cluster: { brokers: 3, config: { 'offsets.topic.num.partitions': 7 } } }));
    expect(r.groups[0].coordinator.partition).toBe(1);
  });

  it('fewer brokers than offsets.topic.replication.factor: COORDINATOR_NOT_AVAILABLE, no __consumer_offsets', () => {
    const r = run({ version: 1, cluster: { brokers: 2 }, topics: [{ name: 't', partitions: 1, replicationFactor: 2 }], steps: [{ op: 'subscribe', group: 'g', member: 'm', topics: ['t'] }, runMs(5000)] });
    expect(r.stepErrors).toEqual([expect.objectContaining({ step: 0, error: 'COORDINATOR_NOT_AVAILABLE' })]);
    expect(r.partitions.some((p) => p.topic === '__consumer_offsets')).toBe(false);
    expect(r.groups).toEqual([]);
  });

  it('an empty group id: INVALID_GROUP_ID', () => {
    const r = run(doc({ t: 1 }, [{ op: 'subscribe', group: '', member: 'm', topics: ['t'] }, { op: 'poll', group: '', member: 'm' }]));
    expect(r.stepErrors.map((e) => [e.step, e.error])).toEqual([[0, 'INVALID_GROUP_ID'], [1, 'INVALID_GROUP_ID']]);
  });
});
