/**
 * Retention through the runner (issue 19), worked by hand from Kafka 3.6.2's rules (2.8.2's
 * `Log.scala` has the same ones):
 * - `LogManager.startup`: the `kafka-log-retention` task runs at `InitialTaskDelayMs` (30 s), then
 *   every `log.retention.check.interval.ms`; `cleanupLogs` skips compacted logs.
 * - `UnifiedLog.deleteOldSegments()`: the log-start pass, then `retention.bytes`, then `retention.ms`;
 *   `deleteOldSegments(predicate, reason)`: only segments whose upper bound (the next segment's base,
 *   or the LEO) is at or below the HW; `LocalLog.deletableSegments`: oldest first, stopping at the
 *   first that does not qualify, never an empty active segment; `deleteSegments`: deleting all
 *   rolls a new active segment first; the log start offset becomes the first remaining base.
 * - `deleteRetentionMsBreachedSegments`: `now − segment.largestTimestamp > retentionMs` (strictly).
 * - `deleteRetentionSizeBreachedSegments`: nothing if `size < retentionSize`; else, with
 *   `diff = size − retentionSize`, a segment goes while `diff − segment.size ≥ 0`.
 * - `ReplicaFetcherThread.processPartitionData`: the follower takes the leader's log start offset
 *   (`maybeIncrementLogStartOffset`); `AbstractFetcherThread.fetchOffsetAndTruncate`: a follower
 *   whose LEO is below the leader's log start offset calls `truncateFullyAndStartAt`.
 * - `LeaderEpochFileCache.truncateFromStart`: entries starting at or below the new start go, the
 *   last of them coming back at the new start.
 * - `UnifiedLog.read` → `checkLogStartOffset`: a read below the log start offset is
 *   OFFSET_OUT_OF_RANGE; the consumer's `Fetcher` then resets by `auto.offset.reset`.
 *
 * Every record here (key `k0`, value `v0`, …) is a one-record batch of 72 bytes (61 + 11), and
 * `segment.bytes` 100 holds one batch per segment: before the second append, 72 > 100 − 72 rolls.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenarioText } from '../../cli/runScenarioFile';
import type { Report, ReplicaReport } from '../model/report';
import type { SimEvent } from '../model/events';
import { createWorld } from '../cluster';
import { applyStep } from '../step';
import { validateScenarioDocument } from '../scenario/validateScenario';
import { checkInvariants } from '../invariants';

function run(document: unknown, at?: number): Report {
  const out = runScenarioText(JSON.stringify(document), at);
  if (out.exitCode !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout) as Report;
}

/** Every step's events, and the invariants checked after each step. */
function eventsByStep(document: unknown): SimEvent[][] {
  const parsed = validateScenarioDocument(document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const world = createWorld(parsed.scenario);
  return parsed.scenario.steps.map((step, i) => {
    const events = applyStep(world, step, i);
    expect(checkInvariants(world)).toEqual([]);
    return events;
  });
}

const replica = (r: Report, broker: number, topic = 't'): ReplicaReport => {
  const p = r.partitions.find((x) => x.topic === topic);
  const found = p?.replicaStates.find((s) => s.broker === broker);
  if (!found) throw new Error(`no replica ${topic} on ${broker}`);
  return found;
};
const shape = (s: ReplicaReport) => ({
  logStartOffset: s.logStartOffset, logEndOffset: s.logEndOffset, highWatermark: s.highWatermark,
  offsets: s.log.map((x) => x.offset), segments: s.segments.map((g) => [g.baseOffset, g.sizeBytes]), epochCache: s.epochCache,
});
const produce = (i: number) => ({ op: 'produce', topic: 't', key: `k${i}`, value: `v${i}`, acks: 1 });
const topic = (replicas: number[], config: Record<string, number>) => [{ name: 't', assignment: [replicas], config: { 'segment.bytes': 100, ...config } }];

describe('retention.ms (UnifiedLog.deleteRetentionMsBreachedSegments)', () => {
  // k0 at 0, k1 at 20 s, k2 at 40 s, one segment each; retention.ms 60 s, checks every 10 s from 30 s.
  const doc = {
    version: 1, cluster: { brokers: 1, replication: 'manual', config: { 'log.retention.check.interval.ms': 10000 } },
    topics: topic([1], { 'retention.ms': 60000 }),
    steps: [produce(0), { op: 'run', ms: 20000 }, produce(1), { op: 'run', ms: 20000 }, produce(2), { op: 'run', ms: 60000 }, { op: 'run', ms: 10000 }],
  };

  it('keeps a segment until its newest record is more than retention.ms old, then deletes oldest first', () => {
    // At 40 s nothing is old enough (the 30 s and 40 s checks: 30 s and 40 s < 60 s).
    expect(shape(replica(run(doc, 5), 1))).toEqual({
      logStartOffset: 0, logEndOffset: 3, highWatermark: 3, offsets: [0, 1, 2], segments: [[0, 72], [1, 72], [2, 72]], epochCache: [[0, 0]],
    });
    // 70 s: segment 0 is 70 s old → gone. 90 s: segment 1 is 70 s old → gone. 100 s: segment 2 is
    // exactly 60 s old, and the rule is strict, so it stays.
    expect(shape(replica(run(doc, 6), 1))).toEqual({
      logStartOffset: 2, logEndOffset: 3, highWatermark: 3, offsets: [2], segments: [[2, 72]], epochCache: [[0, 2]],
    });
  });

  it('rolls the active segment before deleting it, and the log start offset is its LEO', () => {
    // 110 s: the active segment (2) is 70 s old and the HW (3) is at the LEO: `deleteSegments`
    // rolls a new empty segment at 3 first, so the log keeps one segment.
    expect(shape(replica(run(doc), 1))).toEqual({
      logStartOffset: 3, logEndOffset: 3, highWatermark: 3, offsets: [], segments: [[3, 0]], epochCache: [[0, 3]],
    });
    const events = eventsByStep(doc);
    const deletions = events.flat().filter((e) => e.type === 'segments-deleted');
    expect(deletions.map((e) => [e.atMs, e.reason, e.segments.map((s) => s.baseOffset), e.rolled, e.logStartOffset])).toEqual([
      [70000, 'retention-ms', [0], false, 1],
      [90000, 'retention-ms', [1], false, 2],
      [110000, 'retention-ms', [2], true, 3],
    ]);
    expect(deletions[0].segments[0].largestTimestampMs).toBe(0);
    expect(deletions[1].segments[0].largestTimestampMs).toBe(20000);
  });

  it('does not delete what is not below the HW', () => {
    // Two replicas, no fetch: the HW stays 0, so no segment's upper bound is at or below it.
    // Broker 2 never fetches, but replica.lag.time.max.ms (1 h) keeps it in the ISR, so the HW stays 0.
    const held = {
      ...doc, cluster: { ...doc.cluster, brokers: 2, config: { ...doc.cluster.config, 'replica.lag.time.max.ms': 3600000 } },
      topics: topic([1, 2], { 'retention.ms': 60000 }),
    };
    const leader = replica(run(held), 1);
    expect(leader.highWatermark).toBe(0);
    expect(shape(leader).segments).toEqual([[0, 72], [1, 72], [2, 72]]);
    expect(leader.logStartOffset).toBe(0);
  });

  it('a scenario without small retention keeps every log from 0 (the default 7 days never fires)', () => {
    const plain = { ...doc, topics: topic([1], {}) };
    const r = run(plain);
    expect(r.timeMs).toBe(110000);
    expect(shape(replica(r, 1))).toMatchObject({ logStartOffset: 0, offsets: [0, 1, 2] });
  });
});

describe('retention.bytes (UnifiedLog.deleteRetentionSizeBreachedSegments)', () => {
  const doc = (bytes: number) => ({
    version: 1, cluster: { brokers: 1, replication: 'manual' }, topics: topic([1], { 'retention.bytes': bytes }),
    steps: [produce(0), produce(1), produce(2), produce(3), { op: 'run', ms: 30000 }],
  });

  it('deletes the oldest segments while what they free fits in the excess', () => {
    // size 4 × 72 = 288 ≥ 144: diff 144; segment 0: 144 − 72 ≥ 0 → diff 72; segment 1: 72 − 72 ≥ 0
    // → diff 0; segment 2: 0 − 72 < 0 → stop. The first check is at 30 s (InitialTaskDelayMs).
    expect(shape(replica(run(doc(144), 4), 1)).logStartOffset).toBe(0);
    expect(shape(replica(run(doc(144)), 1))).toEqual({
      logStartOffset: 2, logEndOffset: 4, highWatermark: 4, offsets: [2, 3], segments: [[2, 72], [3, 72]], epochCache: [[0, 2]],
    });
  });

  it('frees no more than the excess: 145 bytes keeps three segments', () => {
    // diff 143: segment 0 fits (143 − 72 = 71), segment 1 does not (71 − 72 < 0).
    expect(shape(replica(run(doc(145)), 1)).logStartOffset).toBe(1);
  });

  it('a log exactly at retention.bytes loses nothing; an empty active segment is never deleted', () => {
    // 288 ≥ 288: diff 0 and no segment fits. With 0 bytes allowed every segment goes (the last by
    // rolling), and the next check finds only the empty active segment, which it keeps.
    expect(shape(replica(run(doc(288)), 1)).logStartOffset).toBe(0);
    const all = { ...doc(0), steps: [...doc(0).steps, { op: 'run', ms: 600000 }] };
    expect(shape(replica(run(all), 1))).toEqual({
      logStartOffset: 4, logEndOffset: 4, highWatermark: 4, offsets: [], segments: [[4, 0]], epochCache: [[0, 4]],
    });
  });

  it('__consumer_offsets is compacted: the retention task leaves it alone', () => {
    const groups = {
      version: 1,
      cluster: { brokers: 1, replication: 'manual', config: { 'log.retention.bytes': 0, 'offsets.topic.num.partitions': 1, 'offsets.topic.replication.factor': 1 } },
      consumer: { config: { 'auto.offset.reset': 'earliest', 'enable.auto.commit': false } },
      topics: topic([1], {}),
      steps: [produce(0), { op: 'subscribe', group: 'g', member: 'c1', topics: ['t'] }, { op: 'run', ms: 4000 },
        { op: 'poll', group: 'g', member: 'c1' }, { op: 'commit', group: 'g', member: 'c1' }, { op: 'run', ms: 60000 }],
    };
    const r = run(groups);
    expect(replica(r, 1, '__consumer_offsets').logStartOffset).toBe(0);
    expect(replica(r, 1, '__consumer_offsets').log.length).toBeGreaterThan(0);
    expect(replica(r, 1).logStartOffset).toBe(1); // the user topic inherits log.retention.bytes 0
  });
});

describe('the order of the passes: 3.6.2 UnifiedLog.deleteOldSegments, 2.8.2 Log.deleteOldSegments', () => {
  // Four one-batch segments at 0 s, retention.bytes 144 and retention.ms 20 s; the 30 s check.
  const doc = (metadata: string) => ({
    version: 1, cluster: { brokers: 1, metadata, replication: 'manual' }, topics: topic([1], { 'retention.bytes': 144, 'retention.ms': 20000 }),
    steps: [produce(0), produce(1), produce(2), produce(3), { op: 'run', ms: 30000 }],
  });
  const passes = (metadata: string) => eventsByStep(doc(metadata))[4].flatMap((e) => (e.type === 'segments-deleted' ? [[e.reason, e.segments.map((s) => s.baseOffset), e.rolled]] : []));

  it('3.6 (kraft): log start, then size (288 − 144: segments 0 and 1), then time (2 and 3, rolling)', () => {
    expect(passes('kraft')).toEqual([['retention-bytes', [0, 1], false], ['retention-ms', [2, 3], true]]);
  });

  it('2.8 (zookeeper): time first (all four, rolling), then size finds an empty log; the same log start, 4', () => {
    expect(passes('zookeeper')).toEqual([['retention-ms', [0, 1, 2, 3], true]]);
    expect(replica(run(doc('zookeeper')), 1).logStartOffset).toBe(4);
    expect(replica(run(doc('kraft')), 1).logStartOffset).toBe(4);
  });
});

describe('followers (ReplicaFetcherThread.processPartitionData, AbstractFetcherThread.fetchOffsetAndTruncate)', () => {
  it('a follower below the leader\'s log start empties its log and starts there (truncateFullyAndStartAt)', () => {
    // Broker 2 copies k0 and crashes; k1 (0 s) and k2 (15 s) reach only the leader. Broker 2 is
    // fenced at 9 s, the ISR is [1] and the HW 3. The 30 s check (retention.ms 20 s) deletes
    // segments 0 and 1 (0 s old... 30 s > 20 s); segment 2 (15 s) stays: log start 2.
    const doc = {
      version: 1, cluster: { brokers: 2, replication: 'manual', config: { 'log.retention.check.interval.ms': 15000 } },
      topics: topic([1, 2], { 'retention.ms': 20000 }),
      steps: [produce(0), { op: 'fetch', broker: 2 }, { op: 'crash', broker: 2 }, produce(1), { op: 'run', ms: 15000 }, produce(2),
        { op: 'run', ms: 25000 }, { op: 'restart', broker: 2 }, { op: 'fetch', broker: 2 }],
    };
    const before = run(doc, 8);
    expect(shape(replica(before, 1))).toEqual({
      logStartOffset: 2, logEndOffset: 3, highWatermark: 3, offsets: [2], segments: [[2, 72]], epochCache: [[0, 2]],
    });
    expect(shape(replica(before, 2))).toMatchObject({ logStartOffset: 0, logEndOffset: 1, offsets: [0] });
    // The fetch at 1 is below the leader's start 2: OFFSET_OUT_OF_RANGE; the leader's LEO (3) is not
    // below the follower's (1), and its start (2) is above it, so the follower truncates fully and
    // starts at 2 (its epoch cache cleared), then fetches from 2 and copies offset 2.
    const after = run(doc);
    expect(shape(replica(after, 2))).toEqual({
      logStartOffset: 2, logEndOffset: 3, highWatermark: 3, offsets: [2], segments: [[2, 72]], epochCache: [[0, 2]],
    });
    expect(after.anomalies).toEqual([]);
    const last = eventsByStep(doc).at(-1) ?? [];
    expect(last.filter((e) => e.type === 'truncate').map((e) => e.type === 'truncate' && [e.reason, e.from, e.to])).toEqual([['below-leader-log-start', 1, 2]]);
  });

  it('a follower takes its leader\'s log start from a fetch response and deletes below it at its next check', () => {
    // k0 at 0 s, k1 and k2 at 15 s; broker 2 copies all three (one leader segment per fetch) and
    // crashes. The 30 s check deletes the leader's segment 0 (30 s > 20 s): start 1. Broker 2,
    // restarted, fetches at its LEO 3: no records, HW 3, and the leader's start 1, which it takes.
    const doc = {
      version: 1, cluster: { brokers: 2, replication: 'manual', config: { 'log.retention.check.interval.ms': 15000 } },
      topics: topic([1, 2], { 'retention.ms': 20000 }),
      steps: [produce(0), { op: 'run', ms: 15000 }, produce(1), produce(2), { op: 'fetch', broker: 2 }, { op: 'fetch', broker: 2 }, { op: 'fetch', broker: 2 },
        { op: 'crash', broker: 2 }, { op: 'run', ms: 15000 }, { op: 'restart', broker: 2 }, { op: 'fetch', broker: 2 }, { op: 'run', ms: 15000 }],
    };
    const taken = run(doc, 11);
    expect(shape(replica(taken, 1))).toMatchObject({ logStartOffset: 1, offsets: [1, 2] });
    // Its log still holds segment 0 (below its start) until its own next check.
    expect(shape(replica(taken, 2))).toEqual({
      logStartOffset: 1, logEndOffset: 3, highWatermark: 3, offsets: [0, 1, 2], segments: [[0, 72], [1, 72], [2, 72]], epochCache: [[0, 1]],
    });
    const events = eventsByStep(doc);
    expect(events[10].filter((e) => e.type === 'log-start-offset')).toMatchObject([{ broker: 2, from: 0, to: 1, leader: 1 }]);
    // 45 s: on broker 2 the log-start pass goes first (segment 0), then retention.ms (1 and 2, 30 s
    // old, the last rolled); the leader deletes 1 and 2 by retention.ms.
    const deletions = events[11].filter((e) => e.type === 'segments-deleted');
    expect(deletions.map((e) => e.type === 'segments-deleted' && [e.broker, e.reason, e.segments.map((s) => s.baseOffset), e.rolled])).toEqual([
      [1, 'retention-ms', [1, 2], true],
      [2, 'log-start-offset', [0], false],
      [2, 'retention-ms', [1, 2], true],
    ]);
    expect(shape(replica(run(doc), 2))).toMatchObject({ logStartOffset: 3, offsets: [], segments: [[3, 0]] });
  });
});

describe('the epoch cache (LeaderEpochFileCache.truncateFromStart)', () => {
  it('forgets the epochs wholly below the new start and moves the last one up to it', () => {
    // k0, k1 in epoch 0 on broker 1, copied by broker 2; broker 1 shuts down and broker 2 leads
    // epoch 1 from offset 2: its cache [[0, 0], [1, 2]]. k2 at 0 s, k3 at 25 s; the 30 s check
    // (retention.ms 20 s) deletes segments 0–2: start 3, and the cache becomes [[1, 3]].
    const doc = {
      version: 1, cluster: { brokers: 2, replication: 'manual', config: { 'log.retention.check.interval.ms': 10000 } },
      topics: topic([1, 2], { 'retention.ms': 20000 }),
      steps: [produce(0), produce(1), { op: 'fetch', broker: 2 }, { op: 'fetch', broker: 2 }, { op: 'fetch', broker: 2 },
        { op: 'shutdown', broker: 1 }, produce(2), { op: 'run', ms: 25000 }, produce(3), { op: 'run', ms: 5000 }],
    };
    expect(replica(run(doc, 9), 2).epochCache).toEqual([[0, 0], [1, 2]]);
    const r = run(doc);
    expect(shape(replica(r, 2))).toEqual({
      logStartOffset: 3, logEndOffset: 4, highWatermark: 4, offsets: [3], segments: [[3, 72]], epochCache: [[1, 3]],
    });
    // Broker 1 is stopped: its retention task does not run, and its log keeps everything.
    expect(shape(replica(r, 1))).toMatchObject({ logStartOffset: 0, offsets: [0, 1] });
  });
});

describe('consumers (UnifiedLog.read → checkLogStartOffset; the consumer resets by auto.offset.reset)', () => {
  const doc = (reset: string) => ({
    version: 1,
    cluster: {
      brokers: 1, replication: 'manual',
      config: { 'log.retention.check.interval.ms': 10000, 'offsets.topic.num.partitions': 1, 'offsets.topic.replication.factor': 1, 'group.initial.rebalance.delay.ms': 0 },
    },
    consumer: { config: { 'auto.offset.reset': 'earliest', 'enable.auto.commit': false } },
    topics: topic([1], { 'retention.ms': 20000 }),
    // c1's first poll finds an empty log (position 0); k0 and k1 come at 100 ms and c1 reads offset 0
    // (position 1); k2 comes at 15.1 s; the 30 s check deletes segments 0 and 1 (29.9 s old), so the
    // log starts at 2 when c1 polls again at 30.1 s.
    steps: [{ op: 'subscribe', group: 'g', member: 'c1', topics: ['t'], config: { 'auto.offset.reset': reset } }, { op: 'run', ms: 100 },
      { op: 'poll', group: 'g', member: 'c1' }, produce(0), produce(1), { op: 'poll', group: 'g', member: 'c1', maxRecords: 1 },
      { op: 'run', ms: 15000 }, produce(2), { op: 'run', ms: 15000 }, { op: 'poll', group: 'g', member: 'c1' }],
  });

  it('earliest: position 1 is below the start 2, so the consumer jumps to 2 and never sees offset 1', () => {
    const r = run(doc('earliest'));
    expect(replica(r, 1).logStartOffset).toBe(2);
    expect(r.polled.map((p) => p.records.map((x) => x.offset))).toEqual([[], [0], [2]]);
    expect(r.anomalies).toEqual([]);
    const reset = eventsByStep(doc('earliest'))[9].filter((e) => e.type === 'offset-reset');
    expect(reset).toMatchObject([{ member: 'c1', topic: 't', partition: 0, from: 1, to: 2, logStartOffset: 2, policy: 'earliest' }]);
  });

  it('latest: the consumer jumps to the HW and reads nothing', () => {
    const r = run(doc('latest'));
    expect(r.polled.map((p) => p.records.map((x) => x.offset))).toEqual([[], [0], []]);
    expect(eventsByStep(doc('latest'))[9].filter((e) => e.type === 'offset-reset')).toMatchObject([{ from: 1, to: 3 }]);
  });
});

describe('scenarios/retention-follower-starts-over.json', () => {
  const doc = JSON.parse(readFileSync('scenarios/retention-follower-starts-over.json', 'utf8')) as { steps: unknown[] };

  it('tells what its notes say: start 2 on the leader at 40 s, broker 2 starts over there, both at 3 after 45 s', () => {
    expect(shape(replica(run(doc, 7), 1, 'orders'))).toMatchObject({ logStartOffset: 2, offsets: [2], segments: [[2, 72]] });
    expect(shape(replica(run(doc, 9), 2, 'orders'))).toMatchObject({ logStartOffset: 2, logEndOffset: 3, offsets: [2] });
    const end = run(doc);
    for (const broker of [1, 2]) expect(shape(replica(end, broker, 'orders'))).toMatchObject({ logStartOffset: 3, logEndOffset: 3, offsets: [], segments: [[3, 0]] });
    expect(end.anomalies).toEqual([]);
  });
});
