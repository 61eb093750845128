/**
 * Golden tests of produce outcomes (docs/scenario-format.md "Produce"; Kafka's
 * `Partition.appendRecordsToLeader`, `Partition.checkEnoughReplicasReachOffset`, `DelayedProduce`).
 */
import { describe, expect, it } from 'vitest';
import { sim } from '../testing/harness';
import { partitionForKey } from './partitioner';

const rf3 = (config: Record<string, unknown> = {}) => sim({ brokers: 3, config }).topic('orders', [[1, 2, 3]]);

describe('acks', () => {
  it('acks=0 is acknowledged at once with offset -1; acks=1 when the leader appends, with its offset', () => {
    const produced = rf3().produce('orders', 'a', { acks: 0 }).produce('orders', 'b', { acks: 1 }).produced();
    expect(produced.map((p) => [p.acks, p.offset, p.acked, p.error])).toEqual([[0, -1, true, null], [1, 1, true, null]]);
  });

  it('-1 means all', () => {
    expect(rf3().produce('orders', 'a', { acks: -1 }).produced()[0].acks).toBe('all');
  });

  it('acks=all waits for the whole ISR, not just min.insync.replicas of it (the HW is the minimum over the ISR)', () => {
    const s = rf3({ 'min.insync.replicas': 2 }).produce('orders', 'a', { acks: 'all' }).round(2, 2);
    // Leader and follower 2 both hold the record: two copies, min.insync.replicas is 2, yet no ack:
    // follower 3 is in the ISR and the leader does not know it has the record.
    expect(s.replica('orders', 0, 2).logEndOffset).toBe(1);
    expect(s.produced()[0]).toMatchObject({ acked: false, error: null, offset: 0 });
    s.fetch(3);
    expect(s.produced()[0].acked).toBe(false); // 3 fetched at offset 0: the leader knows LEO 0 for it
    s.fetch(3);
    expect(s.produced()[0]).toMatchObject({ acked: true, error: null, offset: 0 });
  });

  it('a held acks=all produce times out on the broker after request.timeout.ms with REQUEST_TIMED_OUT (DelayedProduce.onExpiration)', () => {
    const s = rf3().produce('orders', 'a', { acks: 'all' }).fetch(2).run(29999);
    expect(s.produced()[0]).toMatchObject({ acked: false, error: null });
    s.run(1);
    expect(s.produced()[0]).toMatchObject({ acked: false, error: 'REQUEST_TIMED_OUT', offset: 0, attempts: 1 });
    // The record stays in the leader's log: a timeout is not a rollback.
    expect(s.replica('orders', 0, 1).logEndOffset).toBe(1);
  });

  it('request.timeout.ms is the producer\'s setting', () => {
    const s = sim({ brokers: 3 }, { producer: { config: { 'request.timeout.ms': 500, 'delivery.timeout.ms': 1000 } } })
      .topic('orders', [[1, 2, 3]]).produce('orders', 'a').run(500);
    expect(s.produced()[0].error).toBe('REQUEST_TIMED_OUT');
  });
});

describe('min.insync.replicas', () => {
  // Both followers never fetch; replica.lag.time.max.ms 10000: checks at 5000, 10000, 15000. At
  // 15000 they have not been caught up for more than 10000 ms, so the leader is alone in the ISR.
  const lonely = () => rf3({ 'min.insync.replicas': 2, 'replica.lag.time.max.ms': 10000 }).run(15000);

  it('acks=all to an ISR smaller than min.insync.replicas is refused before the append: NOT_ENOUGH_REPLICAS', () => {
    const s = lonely().produce('orders', 'a', { acks: 'all' });
    expect(s.partition('orders', 0).isr).toEqual([1]);
    expect(s.produced()[0]).toMatchObject({ acked: false, error: 'NOT_ENOUGH_REPLICAS', offset: null, attempts: 1 });
    expect(s.replica('orders', 0, 1).logEndOffset).toBe(0);
  });

  it('acks=1 is not subject to min.insync.replicas, and the lone leader commits at once', () => {
    const s = lonely().produce('orders', 'a', { acks: 1 });
    expect(s.produced()[0]).toMatchObject({ acked: true, offset: 0 });
    expect(s.replica('orders', 0, 1)).toMatchObject({ logEndOffset: 1, highWatermark: 1 });
  });

  it('a topic-level min.insync.replicas overrides the broker\'s', () => {
    const s = sim({ brokers: 3, config: { 'replica.lag.time.max.ms': 10000 } })
      .topic('orders', [[1, 2, 3]], { 'min.insync.replicas': 2 }).run(15000).produce('orders', 'a', { acks: 'all' });
    expect(s.produced()[0].error).toBe('NOT_ENOUGH_REPLICAS');
  });

  it('NOT_ENOUGH_REPLICAS_AFTER_APPEND when the HW passes the record only because the ISR shrank below min.insync.replicas', () => {
    const s = rf3({ 'min.insync.replicas': 2, 'replica.lag.time.max.ms': 10000 })
      .produce('orders', 'a', { acks: 'all' })
      .fetch(2) // 2 copies offset 0 but never fetches again: the leader knows LEO 0 for it
      .run(14999);
    expect(s.produced()[0]).toMatchObject({ acked: false, error: null });
    s.run(1); // t = 15000: both followers are removed, HW = leader LEO = 1
    expect(s.partition('orders', 0).isr).toEqual([1]);
    expect(s.produced()[0]).toMatchObject({ acked: false, error: 'NOT_ENOUGH_REPLICAS_AFTER_APPEND', offset: 0 });
    expect(s.replica('orders', 0, 1)).toMatchObject({ logEndOffset: 1, highWatermark: 1 });
  });
});

describe('records of a produce step', () => {
  it('count sends records one after another, {i} replaced by 0, 1, …, each with its index', () => {
    const produced = sim({ brokers: 1 }).topic('t', [[1], [1], [1]])
      .produce('t', 'key-{i}', { value: 'v{i}{i}', count: 4, acks: 1 }).produced();
    expect(produced.map((p) => [p.index, p.key, p.value])).toEqual([
      [0, 'key-0', 'v00'], [1, 'key-1', 'v11'], [2, 'key-2', 'v22'], [3, 'key-3', 'v33'],
    ]);
    for (const p of produced) expect(p.partition).toBe(partitionForKey(p.key as string, 3));
  });

  it('an explicit partition wins over the key', () => {
    const produced = sim({ brokers: 1 }).topic('t', [[1], [1], [1]]).produce('t', 'alice', { partition: 2 }).produced();
    expect(produced[0].partition).toBe(2);
  });

  it('records carry their step, index and the leader epoch into the log, and the v2 size (78 bytes for alice/hello)', () => {
    const s = sim({ brokers: 1 }).topic('t', [[1]]).run(5).produce('t', 'alice', { value: 'hello', acks: 1 });
    expect(s.replica('t', 0, 1).log).toEqual([
      { offset: 0, leaderEpoch: 0, step: 1, index: 0, key: 'alice', value: 'hello', position: 0, sizeBytes: 78 },
    ]);
  });

  it('positions follow each batch in the segment', () => {
    const log = sim({ brokers: 1 }).topic('t', [[1]]).produce('t', 'alice', { value: 'hello', count: 3 }).replica('t', 0, 1).log;
    expect(log.map((r) => r.position)).toEqual([0, 78, 156]);
  });
});
