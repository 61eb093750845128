/**
 * The null-key rules of each partitioner mode (docs/scenario-format.md "Partitioner"):
 * - `round-robin`: Kafka 2.3 `DefaultPartitioner` (a per-topic counter from a random start);
 * - `sticky`: KIP-480 `StickyPartitionCache` driven by `KafkaProducer.doSend`'s `onNewBatch`;
 * - `built-in`: KIP-794 `BuiltInPartitioner` (switch after batch.size bytes when all batches are
 *   full, always after 2 × batch.size).
 * The random values come from the topic's seeded stream `partitioner:<topic>`, which is part of
 * the semantics; the tests draw from a fresh copy of that stream and apply the rules by hand.
 */
import { describe, expect, it } from 'vitest';
import { sim } from '../testing/harness';
import { next32, seedStream, toPositive } from '../time/random';
import { partitionForKey } from './partitioner';
import { singleRecordBatchSize } from './recordBatchSize';

const SEED = 42;
function draws(topic: string, count: number, seed = SEED): number[] {
  const stream = seedStream(seed, `partitioner:${topic}`);
  return Array.from({ length: count }, () => next32(stream));
}

/** The first seed whose first two draws on 3 partitions differ, so a switch is visible. */
const SWITCH_SEED = Array.from({ length: 100 }, (_, i) => i + 1)
  .find((seed) => new Set(draws('t', 2, seed).map((x) => toPositive(x) % 3)).size === 2) as number;

function producer(partitioner: string, partitions: number, config: Record<string, unknown> = {}, seed = SEED) {
  return sim({ brokers: 1 }, { seed, producer: { partitioner, acks: 1, config } })
    .topic('t', Array.from({ length: partitions }, () => [1]));
}

describe('round-robin (clients before 2.4)', () => {
  it('starts at toPositive(random) % n and then cycles through the partitions in order', () => {
    const s = producer('round-robin', 5).produce('t', null, { count: 7 });
    const start = draws('t', 1)[0];
    const expected = Array.from({ length: 7 }, (_, i) => toPositive((start + i) | 0) % 5);
    expect(s.produced().map((p) => p.partition)).toEqual(expected);
  });

  it('keyed records and explicit partitions do not advance the counter', () => {
    const s = producer('round-robin', 4)
      .produce('t', null).produce('t', 'alice').produce('t', null, { partition: 3 }).produce('t', null);
    const start = draws('t', 1)[0];
    const [first, keyed, explicit, second] = s.produced().map((p) => p.partition);
    expect(first).toBe(toPositive(start) % 4);
    expect(keyed).toBe(partitionForKey('alice', 4));
    expect(explicit).toBe(3);
    expect(second).toBe(toPositive((start + 1) | 0) % 4);
  });
});

/** The sticky partition cache's draws by hand: redraw until different when n > 1. */
function stickySequence(n: number, count: number): number[] {
  const stream = seedStream(SEED, 'partitioner:t');
  const draw = () => toPositive(next32(stream)) % n;
  const redraw = (old: number | null) => {
    if (n === 1) return 0;
    let chosen: number;
    do chosen = draw();
    while (chosen === old);
    return chosen;
  };
  const out: number[] = [];
  let sticky: number | null = null;
  for (let i = 0; i < count; i++) {
    if (sticky === null) sticky = redraw(null); // partition(): the topic has no sticky partition yet
    sticky = redraw(sticky); // onNewBatch(prevPartition = sticky): every step opens a new batch
    out.push(sticky);
  }
  return out;
}

describe('sticky (2.4–3.2 clients, KIP-480)', () => {
  it('the first null-key record draws twice, and every later one moves to a different partition', () => {
    const got = producer('sticky', 6).produce('t', null, { count: 8 }).produced().map((p) => p.partition);
    expect(got).toEqual(stickySequence(6, 8));
    for (let i = 1; i < got.length; i++) expect(got[i]).not.toBe(got[i - 1]);
    const d = draws('t', 2).map((x) => toPositive(x) % 6);
    // The first record goes to the second draw unless it repeated the first (then it draws again).
    if (d[1] !== d[0]) expect(got[0]).toBe(d[1]);
  });

  it('records that wait join the waiting batch and stay on the sticky partition', () => {
    // One request in flight, acks=all waiting for a fetch: r0 leaves at once; r1 opens a new batch
    // (moves the sticky partition); r2 and r3 join r1's waiting batch and stay.
    const stream = seedStream(SEED, 'partitioner:t');
    const redraw = (old: number) => {
      let chosen: number;
      do chosen = toPositive(next32(stream)) % 4;
      while (chosen === old);
      return chosen;
    };
    const A = toPositive(next32(stream)) % 4;
    const B = redraw(A);
    const C = redraw(B);
    const got = sim({ brokers: 2 }, { seed: SEED, producer: { partitioner: 'sticky', acks: 'all', config: { 'max.in.flight.requests.per.connection': 1, 'enable.idempotence': false } } })
      .topic('t', [[1, 2], [1, 2], [1, 2], [1, 2]]).produce('t', null, { count: 4 }).produced().map((p) => p.partition);
    expect(got).toEqual([B, C, C, C]);
  });

  it('with one partition every record goes to it', () => {
    expect(producer('sticky', 1).produce('t', null, { count: 3 }).produced().map((p) => p.partition)).toEqual([0, 0, 0]);
  });

  it('a keyed record that opens a batch on the sticky partition moves it; one elsewhere does not', () => {
    // By hand: A = first draw, B = redraw(A) is where the first null-key record goes.
    const stream = seedStream(SEED, 'partitioner:t');
    const redraw = (old: number) => {
      let chosen: number;
      do chosen = toPositive(next32(stream)) % 4;
      while (chosen === old);
      return chosen;
    };
    const A = toPositive(next32(stream)) % 4;
    const B = redraw(A);
    const C = redraw(B);
    const D = redraw(C);
    const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    const keyOn = keys.find((k) => partitionForKey(k, 4) === B) as string;
    const keyOff = keys.find((k) => partitionForKey(k, 4) !== B) as string;
    // Off the sticky partition: onNewBatch(K) leaves B; the next null-key record moves B → C.
    const off = producer('sticky', 4).produce('t', null).produce('t', keyOff).produce('t', null).produced();
    expect(off.map((p) => p.partition)).toEqual([B, partitionForKey(keyOff, 4), C]);
    // On it: onNewBatch(B) moves B → C; the next null-key record then moves C → D.
    const on = producer('sticky', 4).produce('t', null).produce('t', keyOn).produce('t', null).produced();
    expect(on.map((p) => p.partition)).toEqual([B, B, D]);
  });
});

describe('built-in (3.3+ clients, KIP-794)', () => {
  it('records sent one by one leave no full batch behind (allBatchesFull is false at the append), so it switches after 2 × batch.size bytes, the crossing record included', () => {
    const value = 'x'.repeat(1000);
    const size = singleRecordBatchSize(null, value);
    expect(size).toBe(1070); // 61 + varint(1007) 2 + body 1007
    // acks=1: each record leaves at once in a batch of its own; 30 × 1070 = 32100 < 32768 ≤ 33170.
    const perPartition = 31;
    const got = producer('built-in', 3, {}, SWITCH_SEED).produce('t', null, { value, count: perPartition + 1 }).produced().map((p) => p.partition);
    const d = draws('t', 2, SWITCH_SEED).map((x) => toPositive(x) % 3);
    expect(d[0]).not.toBe(d[1]);
    expect(got.slice(0, perPartition)).toEqual(Array(perPartition).fill(d[0]));
    expect(got[perPartition]).toBe(d[1]);
  });

  it('a batch filled to exactly batch.size enables the switch at batch.size (BuiltInPartitioner.updatePartitionInfo)', () => {
    // batch.size 100, one request in flight, acks=all waiting for a fetch: r0 'v' leaves alone (69
    // bytes: 61 + record 8), r1 'v' opens a waiting batch (69), r2 with a 24-byte value joins it:
    // record = 1 + (1 + 1 + 1 + 1 + 1 + 24 + 1) = 31, so 69 + 31 = 100 = batch.size: full. 169 bytes
    // went to the partition ≥ 100 with all batches full: r3 draws again. With a 23-byte value the
    // batch is 99 (not full) and the producer stays until 2 × 100: r3 (69 in a new batch) makes 237.
    const run = (len: number) => sim({ brokers: 2 }, { seed: SWITCH_SEED, producer: { partitioner: 'built-in', acks: 'all', config: { 'batch.size': 100, 'max.in.flight.requests.per.connection': 1, 'enable.idempotence': false } } })
      .topic('t', [[1, 2], [1, 2], [1, 2]])
      .produce('t', null).produce('t', null).produce('t', null, { value: 'y'.repeat(len) }).produce('t', null).produce('t', null)
      .produced().map((p) => p.partition);
    const d = draws('t', 2, SWITCH_SEED).map((x) => toPositive(x) % 3);
    expect(d[0]).not.toBe(d[1]);
    expect(run(24)).toEqual([d[0], d[0], d[0], d[1], d[1]]);
    expect(run(23)).toEqual([d[0], d[0], d[0], d[0], d[1]]);
  });

  it('keyed and explicit-partition records do not count towards the switch', () => {
    const s = producer('built-in', 3, { 'batch.size': 100 }, SWITCH_SEED)
      .produce('t', null).produce('t', 'alice').produce('t', null, { partition: 2 }).produce('t', null).produce('t', null);
    const [a, keyed, explicit, b, c, next] = s.produce('t', null).produced().map((p) => p.partition);
    const d = draws('t', 2, SWITCH_SEED).map((x) => toPositive(x) % 3);
    // Null-key records of 69 bytes, each sent at once (never a full batch): the third one
    // reaches 207 ≥ 2 × 100, so the next would draw again; keyed and explicit ones add nothing.
    expect([a, b, c, next]).toEqual([d[0], d[0], d[0], d[1]]);
    expect(keyed).toBe(partitionForKey('alice', 3));
    expect(explicit).toBe(2);
  });

  it('partitioner.ignore.keys treats keyed records as null-key ones', () => {
    const s = producer('built-in', 3, { 'partitioner.ignore.keys': true, 'batch.size': 100 }, SWITCH_SEED).produce('t', 'alice').produce('t', 'bob').produce('t', 'carol');
    const d = draws('t', 2, SWITCH_SEED).map((x) => toPositive(x) % 3);
    // 69 + 69 + 69 = 207 ≥ 200 after the third: all three on d[0], the fourth draws.
    expect(s.produce('t', 'dave').produced().map((p) => p.partition)).toEqual([d[0], d[0], d[0], d[1]]);
  });
});

describe('era defaults', () => {
  it('kraft producers use the built-in partitioner and zookeeper-era ones the sticky one', () => {
    const kraft = sim({ brokers: 1 }, { seed: SEED }).topic('t', [[1], [1], [1]]).produce('t', null, { count: 2 }).produced();
    const zk = sim({ brokers: 1, metadata: 'zookeeper' }, { seed: SEED }).topic('t', [[1], [1], [1]]).produce('t', null, { count: 2 }).produced();
    expect(kraft[0].partition).toBe(kraft[1].partition); // built-in: 2 small records stay together
    expect(zk[0].partition).not.toBe(zk[1].partition); // sticky: every record moves
    expect(kraft[0].acks).toBe('all');
    expect(zk[0].acks).toBe(1);
  });
});
