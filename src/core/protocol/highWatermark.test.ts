/**
 * Golden tests of the data plane in manual replication, against hand-worked expectations from
 * Kafka's rules (docs/scenario-format.md "Fetch" and "HW"; Kafka's `Partition.fetchRecords`,
 * `Partition.maybeIncrementLeaderHW`, `Partition.makeLeader`).
 */
import { describe, expect, it } from 'vitest';
import { sim } from '../testing/harness';

const rf3 = () => sim({ brokers: 3 }).topic('orders', [[1, 2, 3]]);

describe('Fetch / HW: one acks=all record at RF 3 (Partition.fetchRecords reads the HW before the fetch offset counts)', () => {
  const s = rf3()
    .produce('orders', 'alice', { value: 'hello', acks: 'all' })
    .round(2, 3) // round 1: followers copy offset 0; the leader learns LEO 0 for both
    .round(2, 3) // round 2: the leader learns LEO 1 for both and raises its HW to 1
    .round(2, 3); // round 3: the followers learn HW 1

  it('after the produce only the leader has the record, HW 0 everywhere', () => {
    expect(s.replica('orders', 0, 1, 1)).toMatchObject({ logEndOffset: 1, highWatermark: 0 });
    expect(s.replica('orders', 0, 2, 1)).toMatchObject({ logEndOffset: 0, highWatermark: 0 });
  });

  it('after the first round every replica has the record and the HW is still 0', () => {
    for (const broker of [1, 2, 3]) expect(s.replica('orders', 0, broker, 3)).toMatchObject({ logEndOffset: 1, highWatermark: 0 });
    expect(s.produced(3)[0]).toMatchObject({ acked: false, offset: 0 });
  });

  it('the leader HW stays 0 until the last ISR member has fetched at offset 1 (the Fetch rule: a new leader waits for every ISR member)', () => {
    expect(s.replica('orders', 0, 1, 4).highWatermark).toBe(0);
    expect(s.produced(4)[0].acked).toBe(false);
  });

  it('after the second round the leader HW is 1 and the record acked, while both followers still show HW 0', () => {
    expect(s.replica('orders', 0, 1, 5).highWatermark).toBe(1);
    expect(s.replica('orders', 0, 2, 5).highWatermark).toBe(0);
    expect(s.replica('orders', 0, 3, 5).highWatermark).toBe(0);
    expect(s.partition('orders', 0, 5).highWatermark).toBe(1);
    expect(s.produced(5)[0]).toMatchObject({ acked: true, error: null, offset: 0, attempts: 1 });
  });

  it('after the third round HW is 1 everywhere', () => {
    for (const broker of [1, 2, 3]) expect(s.replica('orders', 0, broker)).toMatchObject({ logEndOffset: 1, highWatermark: 1 });
  });

  it('a dropped response still teaches the leader the fetch offset but leaves the follower unchanged', () => {
    const dropped = rf3().produce('orders', 'k').fetch(2, { response: 'drop' }).fetch(3);
    expect(dropped.replica('orders', 0, 2)).toMatchObject({ logEndOffset: 0, highWatermark: 0 });
    expect(dropped.replica('orders', 0, 3)).toMatchObject({ logEndOffset: 1, highWatermark: 0 });
    // The leader knows LEO 0 for both: HW stays 0.
    expect(dropped.replica('orders', 0, 1).highWatermark).toBe(0);
  });

  it('a leader alone in the ISR raises its HW to its LEO at once (RF 1)', () => {
    const single = sim({ brokers: 1 }).topic('solo', [[1]]).produce('solo', 'k', { acks: 'all' }).produce('solo', 'k', { acks: 1 });
    expect(single.replica('solo', 0, 1)).toMatchObject({ logEndOffset: 2, highWatermark: 2 });
    expect(single.produced().map((p) => [p.offset, p.acked])).toEqual([[0, true], [1, true]]);
  });

  it('fetches by the leader itself, or by a broker with no replica, do nothing', () => {
    const s2 = sim({ brokers: 4 }).topic('orders', [[1, 2, 3]]).produce('orders', 'k').fetch(1).fetch(4);
    expect(s2.report()).toEqual(sim({ brokers: 4 }).topic('orders', [[1, 2, 3]]).produce('orders', 'k').report());
  });

  it('a follower copies records with their leader epoch and starts its epoch cache from the first batch (LeaderEpochFileCache.assign)', () => {
    const r = rf3().produce('orders', 'a').produce('orders', 'b').fetch(2).replica('orders', 0, 2);
    expect(r.log.map((rec) => [rec.offset, rec.leaderEpoch, rec.key])).toEqual([[0, 0, 'a'], [1, 0, 'b']]);
    expect(r.epochCache).toEqual([[0, 0]]);
  });

  it('in high-watermark mode there is no epoch cache, on the leader or a follower', () => {
    const s2 = sim({ brokers: 3, truncation: 'high-watermark' }).topic('orders', [[1, 2, 3]]).produce('orders', 'a').fetch(2);
    expect(s2.replica('orders', 0, 1).epochCache).toEqual([]);
    expect(s2.replica('orders', 0, 2).epochCache).toEqual([]);
  });
});
