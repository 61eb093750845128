/**
 * Golden scenarios of the producer's batches and in-flight window (docs/scenario-format.md,
 * "Batches and the in-flight window"), through the runner. Sources (apache/kafka 3.6.2):
 * - `RecordAccumulator.append` / `MemoryRecordsBuilder.hasRoomFor`: a record joins the last
 *   waiting batch while header + records (each at its offset delta) ≤ batch.size;
 * - `Sender.sendProducerData` / `RecordAccumulator.drainBatchesForOneNode`: one request per
 *   ready node carries the first batch of each partition; `NetworkClient` allows
 *   `max.in.flight.requests.per.connection` (5) unanswered requests per node;
 * - `ProducerAppendInfo.checkSequence` (OUT_OF_ORDER_SEQUENCE_NUMBER), `ProducerStateEntry`
 *   (`findDuplicateBatch`), `TransactionManager.canRetry`, `RecordAccumulator.insertInSequenceOrder`
 *   and `shouldStopDrainBatchesForPartition` (a retried batch waits to be first in flight).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenarioText } from '../../cli/runScenarioFile';
import type { SimEvent } from '../model/events';
import type { Report } from '../model/report';
import { createWorld } from '../cluster';
import { replay } from '../scenario/runScenario';
import { validateScenarioDocument } from '../scenario/validateScenario';
import { checkInvariants } from '../invariants';
import { sim } from '../testing/harness';
import { recordSizeInBatch } from '../protocol/recordBatchSize';

function run(document: unknown, at?: number): Report {
  const out = runScenarioText(JSON.stringify(document), at);
  if (out.exitCode !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout) as Report;
}

function events(document: unknown): SimEvent[] {
  const result = validateScenarioDocument(document);
  if (!result.ok) throw new Error('invalid');
  const world = createWorld(result.scenario);
  const all: SimEvent[] = [];
  replay(world, result.scenario, result.scenario.steps.length, (e) => all.push(...e));
  return all;
}

const leaderLog = (r: Report) => {
  const p = r.partitions[0];
  return p.replicaStates.find((x) => x.broker === p.leader)?.log.map((l) => `${l.value}@${l.offset}`);
};

const reordering = JSON.parse(readFileSync('scenarios/retry-reorders-without-idempotence.json', 'utf8')) as {
  producer: { config: Record<string, unknown> }; steps: unknown[];
};
const idempotent = { ...reordering, producer: { acks: 'all', config: { 'max.in.flight.requests.per.connection': 5 } } };

/**
 * scenarios/retry-reorders-without-idempotence.json, worked by hand (RF 3, leader 1, auto
 * replication, networkDelayMs 1, kraft: session 9 s, request.timeout.ms 30 s, retry.backoff.ms 100):
 *
 *   t=0      a → leader 1, offset 0 (sequence 0 when idempotent); HW 1 at t=3, acknowledged.
 *   t=100    broker 1 crashes; the producer's metadata still names it.
 *   t=100    b → broker 1: lost, no answer (request 2 in broker 1's window; times out at 30.1 s).
 *   t=9100   broker 1 fenced: broker 2 leads (epoch 1) with a at offset 0.
 *   t=10100  c → broker 2 (a request of its own: broker 2's window is empty).
 *     without idempotence: appended at offset 1, acknowledged at ~10103.
 *     idempotent: c carries sequence 2; broker 2's producer state (from its log) has last
 *       sequence 0, so 2 ≠ 0 + 1: OUT_OF_ORDER_SEQUENCE_NUMBER. c is not the next due (last
 *       acknowledged 0, c's 2 − 0 ≠ 1), so it is retried without an epoch bump; at 10200 its
 *       backoff ends but b (sequence 1) is the first in flight, so c waits.
 *   t=30100  b's request times out (REQUEST_TIMED_OUT); b goes back to the head of the queue.
 *   t=30200  b → broker 2: without idempotence offset 2 (after c); idempotent: sequence 1 = 0 + 1,
 *            offset 1, acknowledged ~30203; then c (sequence 2) goes and takes offset 2.
 */
describe('a failover with 5 requests in flight', () => {
  it('without idempotence the retried b lands after the later c', () => {
    const r = run(reordering);
    expect(leaderLog(r)).toEqual(['a@0', 'c@1', 'b@2']);
    expect(r.produced.map((p) => [p.value, p.acked, p.offset, p.attempts])).toEqual([['a', true, 0, 1], ['b', true, 2, 2], ['c', true, 1, 1]]);
    expect(events(reordering).filter((e) => e.type === 'produce-response' && e.error === 'OUT_OF_ORDER_SEQUENCE_NUMBER')).toEqual([]);
  });

  it('with idempotence a, b, c stay in order, after exactly one OUT_OF_ORDER_SEQUENCE_NUMBER', () => {
    const r = run(idempotent);
    expect(r.partitions[0]).toMatchObject({ leader: 2, leaderEpoch: 1 });
    expect(leaderLog(r)).toEqual(['a@0', 'b@1', 'c@2']);
    expect(r.produced.map((p) => [p.value, p.acked, p.offset, p.attempts])).toEqual([['a', true, 0, 1], ['b', true, 1, 2], ['c', true, 2, 2]]);
    const refused = events(idempotent).filter((e) => e.type === 'produce-response' && e.error === 'OUT_OF_ORDER_SEQUENCE_NUMBER');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ atMs: 10100, produced: 2 });
    expect(r.anomalies).toEqual([]);
  });

  it('right after c was refused, c waits unacknowledged with that error and b is still in flight', () => {
    const r = run(idempotent, 6);
    expect(r.produced[2]).toMatchObject({ value: 'c', acked: false, offset: null, error: 'OUT_OF_ORDER_SEQUENCE_NUMBER', attempts: 1 });
    expect(r.produced[1]).toMatchObject({ value: 'b', acked: false, error: null, attempts: 1 });
  });
});

/**
 * One partition, RF 2, manual replication, acks=all: each request waits for two fetch rounds.
 * Records v0 … v19 (null key) in one step. Record sizes (`DefaultRecord.sizeInBytes`, deltas
 * below 64, no headers): body = attributes 1 + timestampDelta 1 + offsetDelta 1 + key −1 1 +
 * valueLength 1 + value + headers 1 = 6 + len, record = 1 + body. So 'vN' (2 bytes) = 9 and
 * 'vNN' (3 bytes) = 10; a one-record batch = 61 + 9 = 70.
 * - v0 … v4 leave at once, one request each: 5 batches of 70 bytes at positions 0, 70, … 280.
 * - v5 … v19 wait (window full) and coalesce: 61 + 5 × 9 + 10 × 10 = 206 bytes.
 * - fetch, fetch: the HW reaches 5, the five requests are answered, and one request carries the
 *   waiting batch: offsets 5–19 at position 350, 206 bytes.
 */
describe('five requests in flight, then one coalesced batch', () => {
  const s = () => sim({ brokers: 2 }, { producer: { acks: 'all' } }).topic('t', [[1, 2]])
    .produce('t', null, { value: 'v{i}', count: 20 });

  it('the first five records leave alone; the rest wait in one batch', () => {
    const r = s().report();
    const leader = r.partitions[0].replicaStates[0];
    expect(leader.log.map((l) => [l.offset, l.position, l.sizeBytes])).toEqual([[0, 0, 70], [1, 70, 70], [2, 140, 70], [3, 210, 70], [4, 280, 70]]);
    expect(r.produced.every((p) => !p.acked)).toBe(true);
    expect(r.produced.map((p) => p.attempts)).toEqual([...Array(5).fill(1), ...Array(15).fill(0)]);
  });

  it('answers free the window and the waiting records go as one 206-byte batch', () => {
    const r = s().round(2, 2).report();
    const leader = r.partitions[0].replicaStates[0];
    expect(leader.log.slice(5).map((l) => [l.offset, l.position, l.sizeBytes])).toEqual(Array.from({ length: 15 }, (_, i) => [5 + i, 350, 206]));
    expect(leader.segments[0].sizeBytes).toBe(350 + 206);
    expect(r.produced.slice(0, 5).every((p) => p.acked)).toBe(true);
    expect(r.produced.slice(5).map((p) => [p.offset, p.attempts])).toEqual(Array.from({ length: 15 }, (_, i) => [5 + i, 1]));
    // Two more rounds: the follower copies the batch whole and the batch is acknowledged.
    const done = s().round(2, 2, 2, 2).report();
    expect(done.produced.every((p) => p.acked)).toBe(true);
    expect(done.partitions[0].replicaStates[1].log).toEqual(done.partitions[0].replicaStates[0].log);
    expect(done.partitions[0].replicaStates[1].segments).toEqual(done.partitions[0].replicaStates[0].segments.map((seg) => ({ ...seg, index: seg.index })));
  });

  it('a follower truncating inside a batch removes the whole batch (LogSegment.truncateTo cuts at its start)', () => {
    // Broker 2 holds offsets 0–19; it crashes losing 3 records: 17 lies inside the batch 5–19.
    const r = s().round(2, 2, 2).step({ op: 'crash', broker: 2, lostTail: 3 }).report();
    expect(r.partitions[0].replicaStates[1].logEndOffset).toBe(5);
  });
});

/**
 * `count: 10000` acks=all records in auto mode on 9 brokers × 30 partitions, RF 3, keys k{i}:
 * after the produce step each leader broker has at most 5 requests unanswered, and every record
 * beyond them waits in a batch; as answers come back the batches go, never more than 5 requests
 * to a broker at a time (the harness checks the invariants after every 1 ms step), each batch
 * within 16384 bytes, and a batch is closed only when the next record would not fit.
 */
describe('a 10,000-record acks=all burst', () => {
  const document = {
    version: 1, seed: 5, cluster: { brokers: 9, replication: 'auto' }, producer: { acks: 'all' },
    topics: [{ name: 'events', partitions: 30, replicationFactor: 3 }],
    steps: [
      { op: 'produce', topic: 'events', key: 'k{i}', value: 'v{i}', count: 10000 },
      ...Array.from({ length: 100 }, () => ({ op: 'run', ms: 1 })),
    ],
  };

  it('sends at most 5 requests per leader at once and coalesces the rest into batches of at most 16384 bytes', () => {
    const result = validateScenarioDocument(document);
    if (!result.ok) throw new Error('invalid');
    const world = createWorld(result.scenario);
    replay(world, result.scenario, 1);
    const perBroker = new Map<number, number>();
    for (const request of world.producerRequests) perBroker.set(request.broker, (perBroker.get(request.broker) ?? 0) + 1);
    expect([...perBroker.values()].every((n) => n === 5)).toBe(true);
    const sent = world.producerBatches.filter((b) => b.attempts > 0);
    expect(sent.every((b) => b.records.length === 1)).toBe(true);
    expect(sent).toHaveLength(world.producerRequests.length);
    const waiting = world.producerBatches.filter((b) => b.attempts === 0);
    expect(waiting.reduce((n, b) => n + b.records.length, 0)).toBe(10000 - sent.length);
    // A waiting batch is closed only when the next record of its partition would not fit.
    for (const b of waiting) {
      const next = waiting.find((o) => o.partition === b.partition && o.id > b.id);
      if (!next) continue;
      const first = world.produced[next.records[0]];
      expect(b.sizeBytes + recordSizeInBatch(first.key, first.value, b.records.length, 0)).toBeGreaterThan(16384);
    }
    // Then 1 ms at a time: the windows (and every batch) stay within their limits throughout.
    for (let i = 1; i <= 100; i++) {
      replay(world, result.scenario, i + 1);
      expect(checkInvariants(world)).toEqual([]);
    }
    expect(world.produced.every((p) => p.acked)).toBe(true);
    expect(world.producerBatches.every((b) => b.sizeBytes <= 16384)).toBe(true);
    expect(world.producerBatches.length).toBeLessThan(200);
  });
});

describe('batch.size bounds a batch (MemoryRecordsBuilder.hasRoomFor)', () => {
  it('with one request in flight, 2,000 records of one partition fill batches until the next record would not fit', () => {
    const value = 'x'.repeat(50);
    const h = sim({ brokers: 2 }, { producer: { acks: 'all', config: { 'max.in.flight.requests.per.connection': 1, 'enable.idempotence': false } } })
      .topic('t', [[1, 2]]).produce('t', null, { value, count: 2000 });
    const world = h.world();
    // A record of a 50-byte value and null key at offset delta d < 64: body = attributes 1 +
    // timestampDelta 1 + offsetDelta 1 + key 1 + valueLength 1 + 50 + headers 1 = 56, plus its
    // length varint 1 = 57; from d = 64 the offset delta takes 2 bytes: 58.
    const recordAt = (d: number) => recordSizeInBatch(null, value, d, 0);
    expect([recordAt(0), recordAt(63), recordAt(64), recordAt(1999)]).toEqual([57, 57, 58, 58]);
    const batches = world.producerBatches;
    expect(batches[0].records).toHaveLength(1); // left at once
    // 61 + 64 × 57 = 3709; (16384 − 3709) / 58 = 218.5: 64 + 218 = 282 records, 3709 + 218 × 58 = 16353.
    expect(batches[1].records).toHaveLength(282);
    expect(batches[1].sizeBytes).toBe(16353);
    for (const b of batches.slice(1, -1)) {
      expect(b.sizeBytes).toBeLessThanOrEqual(16384);
      expect(b.sizeBytes + recordAt(b.records.length)).toBeGreaterThan(16384);
    }
    expect(batches.reduce((n, b) => n + b.records.length, 0)).toBe(2000);
  });
});
