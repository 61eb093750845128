/**
 * Consumers through the headless runner: what polls return (the report's `polled`), commits and
 * their records, delivery guarantees, and failures (docs/scenario-format.md, "Steps", "Groups").
 * Each expectation follows from the Java consumer's and broker's rules, cited per test.
 */
import { describe, expect, it } from 'vitest';
import { runScenarioText } from '../../cli/runScenarioFile';
import type { Report } from '../model/report';
import { deliveryDocument } from './deliveryScenario';

type Json = Record<string, unknown>;

function run(document: Json, at?: number): Report {
  const out = runScenarioText(JSON.stringify(document), at);
  if (out.exitCode !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout) as Report;
}

const runMs = (ms: number): Json => ({ op: 'run', ms });
const earliest = { 'auto.offset.reset': 'earliest' };

/** Every (partition, offset, value) member `member` of `group` polled, in order. */
function polled(r: Report, group: string, member?: string): string[] {
  return r.polled.filter((p) => p.group === group && (member === undefined || p.member === member))
    .flatMap((p) => p.records.map((x) => `${x.partition}:${x.offset}:${x.value}`));
}

describe('fetching', () => {
  it('two groups on one topic each receive every record (each group keeps its own positions)', () => {
    const r = run({
      version: 1, seed: 5, cluster: { brokers: 3 }, consumer: { config: earliest },
      topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
      steps: [
        { op: 'produce', topic: 'orders', key: 'k{i}', value: 'v{i}', count: 12 },
        { op: 'subscribe', group: 'billing', member: 'b1', topics: ['orders'] },
        { op: 'subscribe', group: 'billing', member: 'b2', topics: ['orders'] },
        { op: 'subscribe', group: 'audit', member: 'a1', topics: ['orders'] },
        runMs(10000),
      ],
    });
    const produced = r.produced.map((p) => `${p.partition}:${p.offset}:${p.value}`).sort();
    expect(produced).toHaveLength(12);
    expect(polled(r, 'billing').sort()).toEqual(produced);
    expect(polled(r, 'audit').sort()).toEqual(produced);
    // Auto commit (every 5000 ms inside poll) has committed the end of each partition.
    const ends = Object.fromEntries(r.partitions.filter((p) => p.topic === 'orders').map((p) => [`orders-${p.partition}`, p.highWatermark]));
    expect(r.groups.find((g) => g.group === 'audit')?.committed).toEqual(ends);
  });

  it('a third consumer in a group on a 2-partition topic gets no partition and no record', () => {
    const r = run({
      version: 1, seed: 5, cluster: { brokers: 3 }, consumer: { config: earliest },
      topics: [{ name: 't', partitions: 2, replicationFactor: 3 }],
      steps: [
        { op: 'subscribe', group: 'g', member: 'c1', topics: ['t'] },
        { op: 'subscribe', group: 'g', member: 'c2', topics: ['t'] },
        { op: 'subscribe', group: 'g', member: 'c3', topics: ['t'] },
        runMs(10000),
        { op: 'produce', topic: 't', key: null, value: 'x{i}', count: 20 },
        runMs(2000),
      ],
    });
    const members = r.groups[0].members;
    expect(members.map((m) => [m.member, m.assignment])).toEqual([['c1', ['t-0']], ['c2', ['t-1']], ['c3', []]]);
    expect(polled(r, 'g', 'c3')).toEqual([]);
    expect(polled(r, 'g')).toHaveLength(20);
  });

  it('a poll never returns a record at or above the HW, even while followers lag (manual replication)', () => {
    const doc = (extra: Json[]) => ({
      version: 1, cluster: { brokers: 3, replication: 'manual' }, consumer: { config: earliest },
      topics: [{ name: 't', partitions: 1, replicationFactor: 3, assignment: [[1, 2, 3]] }],
      steps: [
        { op: 'subscribe', group: 'g', member: 'c', topics: ['t'] }, runMs(3000),
        { op: 'produce', topic: 't', key: null, value: 'v{i}', count: 3, acks: 1 },
        { op: 'poll', group: 'g', member: 'c' }, // leader LEO 3, HW 0: nothing
        { op: 'fetch', broker: 2 }, { op: 'fetch', broker: 3 }, // followers append; the leader learns LEO 0 from each
        { op: 'poll', group: 'g', member: 'c' }, // HW still 0
        { op: 'fetch', broker: 2 }, // the leader learns broker 2 is at 3; broker 3 still counts as 0
        { op: 'poll', group: 'g', member: 'c' },
        { op: 'fetch', broker: 3 }, // now HW 3
        { op: 'poll', group: 'g', member: 'c' },
        ...extra,
      ],
    });
    const r = run(doc([]));
    expect(r.polled.map((p) => p.records.map((x) => x.offset))).toEqual([[], [], [], [0, 1, 2]]);
    const leader = r.partitions.find((p) => p.topic === 't');
    expect(leader?.highWatermark).toBe(3);
  });

  it('max.poll.records caps one poll; the next poll goes on from the position', () => {
    const r = run({
      version: 1, cluster: { brokers: 1, replication: 'manual', config: { 'offsets.topic.replication.factor': 1 } },
      consumer: { config: { ...earliest, 'max.poll.records': 2 } },
      topics: [{ name: 't', partitions: 1, replicationFactor: 1 }],
      steps: [
        { op: 'subscribe', group: 'g', member: 'c', topics: ['t'] }, runMs(3000),
        { op: 'produce', topic: 't', key: null, value: 'v{i}', count: 5 },
        { op: 'poll', group: 'g', member: 'c' }, { op: 'poll', group: 'g', member: 'c', maxRecords: 1 }, { op: 'poll', group: 'g', member: 'c' },
      ],
    });
    expect(r.polled.map((p) => p.records.map((x) => x.value))).toEqual([['v0', 'v1'], ['v2'], ['v3', 'v4']]);
  });

  it('auto.offset.reset latest starts at the HW: records produced before the first poll are skipped', () => {
    const r = run({
      version: 1, cluster: { brokers: 1, replication: 'manual', config: { 'offsets.topic.replication.factor': 1 } },
      topics: [{ name: 't', partitions: 1, replicationFactor: 1 }],
      steps: [
        { op: 'produce', topic: 't', key: null, value: 'old' },
        { op: 'subscribe', group: 'g', member: 'c', topics: ['t'] }, runMs(3000),
        { op: 'poll', group: 'g', member: 'c' },
        { op: 'produce', topic: 't', key: null, value: 'new' },
        { op: 'poll', group: 'g', member: 'c' },
      ],
    });
    expect(r.polled.map((p) => p.records.map((x) => x.value))).toEqual([[], ['new']]);
  });
});

describe('delivery guarantees: where the next owner starts is the committed offset', () => {
  const doc = (middle: Json[]) => deliveryDocument(middle);

  it('at least once: killed after processing but before committing, the records are read again', () => {
    const r = run(doc([]));
    expect(polled(r, 'g', 'c1')).toEqual(['0:0:v0', '0:1:v1', '0:2:v2', '0:3:v3']);
    expect(polled(r, 'g', 'c2')).toEqual(['0:0:v0', '0:1:v1', '0:2:v2', '0:3:v3']);
    expect(r.groups[0].members.map((m) => [m.member, m.assignment])).toEqual([['c2', ['t-0']]]);
  });

  it('at most once: committed before processing, then killed: the next owner skips the records', () => {
    const r = run(doc([{ op: 'commit', group: 'g', member: 'c1' }]));
    expect(r.groups[0].committed).toEqual({ 't-0': 4 });
    expect(polled(r, 'g', 'c2')).toEqual([]);
  });

  it('the commit is a record in __consumer_offsets: key [group,topic,partition], OffsetCommitValue v3, v2 batch size', () => {
    const r = run(doc([{ op: 'commit', group: 'g', member: 'c1' }]));
    const offsets = r.partitions.find((p) => p.topic === '__consumer_offsets' && p.partition === r.groups[0].coordinator.partition);
    const log = offsets?.replicaStates[0].log ?? [];
    expect(log.map((x) => x.key)).toEqual(['[g,t,0]']);
    // key: 2 + (2+1) + (2+1) + 4 = 12 bytes; value: 2 + 8 + 4 + 2 + 8 = 24 bytes; record body
    // attributes 1 + timestamp delta 1 + offset delta 1 + key (1+12) + value (1+24) + headers 1 = 42,
    // its length varint 1; the batch header 61: 104 bytes.
    expect(log[0].sizeBytes).toBe(104);
  });

  it('offsets.storage zookeeper (2.8): the commit goes to ZooKeeper, not to __consumer_offsets', () => {
    const base = doc([{ op: 'commit', group: 'g', member: 'c1' }]);
    const r = run({ ...base, cluster: { ...(base.cluster as Json), metadata: 'zookeeper' }, consumer: { config: { ...earliest, 'enable.auto.commit': false, 'offsets.storage': 'zookeeper' } } });
    expect(r.groups[0].committed).toEqual({ 't-0': 4 });
    expect(r.partitions.filter((p) => p.topic === '__consumer_offsets').every((p) => p.replicaStates[0].log.length === 0)).toBe(true);
    expect(polled(r, 'g', 'c2')).toEqual([]);
  });
});

describe('failures', () => {
  it('a pause longer than max.poll.interval.ms: the member leaves and the group rebalances without it', () => {
    const steps = [
      { op: 'subscribe', group: 'g', member: 'c1', topics: ['t'] },
      { op: 'subscribe', group: 'g', member: 'c2', topics: ['t'] },
      runMs(6000),
      { op: 'pause', group: 'g', member: 'c1' },
    ];
    const doc = (ms: number) => ({
      version: 1, cluster: { brokers: 3 }, consumer: { config: { 'max.poll.interval.ms': 20000 } },
      topics: [{ name: 't', partitions: 2, replicationFactor: 3 }], steps: [...steps, runMs(ms)],
    });
    const before = run(doc(19000));
    expect(before.groups[0]).toMatchObject({ state: 'Stable', generation: 1 });
    expect(before.groups[0].members.map((m) => [m.member, m.assignment])).toEqual([['c1', ['t-0']], ['c2', ['t-1']]]);
    // At 26000 c1 sends LeaveGroup; c2 hears of the rebalance at its next heartbeat (27000) and rejoins.
    const after = run(doc(21500));
    expect(after.groups[0]).toMatchObject({ state: 'Stable', generation: 2 });
    expect(after.groups[0].members.map((m) => [m.member, m.assignment])).toEqual([['c2', ['t-0', 't-1']]]);
  });

  it('resume after the poll timeout rejoins: generation 3, the partitions split again', () => {
    const r = run({
      version: 1, cluster: { brokers: 3 }, consumer: { config: { 'max.poll.interval.ms': 20000 } },
      topics: [{ name: 't', partitions: 2, replicationFactor: 3 }],
      steps: [
        { op: 'subscribe', group: 'g', member: 'c1', topics: ['t'] }, { op: 'subscribe', group: 'g', member: 'c2', topics: ['t'] },
        runMs(6000), { op: 'pause', group: 'g', member: 'c1' }, runMs(25000), { op: 'resume', group: 'g', member: 'c1' }, runMs(5000),
      ],
    });
    expect(r.groups[0]).toMatchObject({ state: 'Stable', generation: 3 });
    expect(r.groups[0].members.map((m) => m.assignment.length)).toEqual([1, 1]);
  });

  it('committed offsets survive the coordinator\'s broker crashing; the coordinator moves to the new leader', () => {
    const steps = [
      { op: 'produce', topic: 't', key: null, value: 'v{i}', count: 6 },
      { op: 'subscribe', group: 'g', member: 'c', topics: ['t'] },
      runMs(8000), // polls everything; auto commit at 5000 commits the end
    ];
    const doc = (extra: Json[]) => ({
      version: 1, seed: 3, cluster: { brokers: 3 }, consumer: { config: earliest },
      topics: [{ name: 't', partitions: 1, replicationFactor: 3 }], steps: [...steps, ...extra],
    });
    const before = run(doc([]));
    const coordinator = before.groups[0].coordinator;
    expect(before.groups[0].committed).toEqual({ 't-0': 6 });
    const crashed = run(doc([{ op: 'crash', broker: coordinator.broker }, runMs(12000)]));
    expect(crashed.groups[0].coordinator.partition).toBe(coordinator.partition);
    expect(crashed.groups[0].coordinator.broker).not.toBe(coordinator.broker);
    expect(crashed.groups[0].coordinator.broker).not.toBeNull();
    expect(crashed.groups[0].committed).toEqual({ 't-0': 6 });
    expect(crashed.groups[0].state).toBe('Stable');
    // While the crashed broker is not yet fenced (9 s), nobody coordinates: the group is unloaded.
    const between = run(doc([{ op: 'crash', broker: coordinator.broker }, runMs(100)]));
    expect(between.groups[0].state).toBe('Dead');
  });

  it('a commit step without a coordinator is refused COORDINATOR_NOT_AVAILABLE', () => {
    const r = run({
      version: 1, cluster: { brokers: 3, config: { 'offsets.topic.replication.factor': 1 } },
      topics: [{ name: 't', partitions: 1, replicationFactor: 3 }],
      steps: [
        { op: 'subscribe', group: 'g', member: 'c', topics: ['t'] }, runMs(3000),
        { op: 'crash', broker: 1 }, { op: 'crash', broker: 2 }, { op: 'crash', broker: 3 },
        { op: 'commit', group: 'g', member: 'c' },
      ],
    });
    expect(r.stepErrors.map((e) => [e.step, e.error])).toEqual([[5, 'COORDINATOR_NOT_AVAILABLE']]);
  });

  it('consumer-saw-record-later-lost: records polled from an ISR of one, then an unclean election (2.8) makes the other replica leader', () => {
    const r = run({
      version: 1, cluster: { brokers: 2, metadata: 'zookeeper', config: { 'offsets.topic.replication.factor': 1 } },
      consumer: { config: earliest },
      topics: [{ name: 't', partitions: 1, replicationFactor: 2, assignment: [[1, 2]], config: { 'unclean.leader.election.enable': true } }],
      steps: [
        { op: 'subscribe', group: 'g', member: 'c', topics: ['t'] }, runMs(3000),
        { op: 'isolate', broker: 2 }, runMs(31000), // fenced (18 s), out of the ISR
        { op: 'produce', topic: 't', key: null, value: 'v{i}', count: 2, acks: 1 }, runMs(1000), // HW 2 with ISR [1]: polled
        { op: 'crash', broker: 1 }, { op: 'heal' }, runMs(30000), // broker 2 returns and is elected uncleanly
      ],
    });
    expect(polled(r, 'g')).toEqual(['0:0:v0', '0:1:v1']);
    expect(r.partitions.find((p) => p.topic === 't')?.leader).toBe(2);
    expect(r.anomalies.filter((a) => a.type === 'consumer-saw-record-later-lost').map((a) => a.offset)).toEqual([0, 1]);
  });
});
