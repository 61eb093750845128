/**
 * Golden tests of the ISR rule (docs/scenario-format.md "ISR"; Kafka's `Replica.updateFetchState`,
 * `Partition.getOutOfSyncReplicas`/`maybeShrinkIsr` every replica.lag.time.max.ms / 2,
 * `Partition.maybeExpandIsr` with KAFKA-7128's epoch-start condition).
 */
import { describe, expect, it } from 'vitest';
import { sim } from '../testing/harness';

/**
 * replica.lag.time.max.ms 10000, checks at t = 5000, 10000, 15000, …
 * t=0: one record; both followers fetch offset 0 (caught-up time stays 0: 0 < leader LEO 1).
 * t=3000: both fetch at offset 1 = leader LEO: caught up at 3000; HW 1.
 * t=4000: a second record; follower 2 fetches twice (caught up at 4000); follower 3 stops.
 */
function followerStopsAt3000() {
  return sim({ brokers: 3, config: { 'replica.lag.time.max.ms': 10000 } })
    .topic('orders', [[1, 2, 3]])
    .produce('orders', 'a', { acks: 1 })
    .round(2, 3)
    .run(3000)
    .round(2, 3)
    .run(1000)
    .produce('orders', 'b', { acks: 1 })
    .round(2, 2);
}

describe('ISR shrink', () => {
  it('removes a follower at the first check more than replica.lag.time.max.ms after it was last caught up', () => {
    const s = followerStopsAt3000().run(5999); // t = 9999
    expect(s.partition('orders', 0).isr).toEqual([1, 2, 3]);
    s.run(1); // t = 10000: 10000 - 3000 = 7000, not more than 10000
    expect(s.partition('orders', 0).isr).toEqual([1, 2, 3]);
    s.run(4999); // t = 14999: no check between 10000 and 15000
    expect(s.partition('orders', 0).isr).toEqual([1, 2, 3]);
    expect(s.partition('orders', 0).highWatermark).toBe(1); // held back by 3's LEO 1
    s.run(1); // t = 15000: 12000 > 10000 and its LEO (1) differs from the leader's (2)
    expect(s.partition('orders', 0)).toMatchObject({ isr: [1, 2], highWatermark: 2, leaderEpoch: 0 });
  });

  it('keeps a follower that stopped fetching while its LEO equals the leader\'s (isCaughtUp: leaderEndOffset == logEndOffset)', () => {
    const s = sim({ brokers: 3, config: { 'replica.lag.time.max.ms': 10000 } })
      .topic('orders', [[1, 2, 3]]).produce('orders', 'a', { acks: 1 }).round(2, 3).round(2, 3).run(600000);
    expect(s.partition('orders', 0).isr).toEqual([1, 2, 3]);
  });

  it('a follower that never fetched is removed once lag has passed since the start (its caught-up time starts at 0)', () => {
    const s = sim({ brokers: 3, config: { 'replica.lag.time.max.ms': 10000 } }).topic('orders', [[1, 2, 3]]).round(2).run(10000);
    expect(s.partition('orders', 0).isr).toEqual([1, 2, 3]);
    s.run(5000);
    // 2 fetched at offset 0 = the leader's LEO, so it is caught up; 3 is unknown (-1) to the leader.
    expect(s.partition('orders', 0).isr).toEqual([1, 2]);
  });

  it('uses Kafka\'s default of 30000 ms: checks every 15000 ms, so the first removal is at 45000', () => {
    const s = sim({ brokers: 2 }).topic('t', [[1, 2]]).run(44999);
    expect(s.partition('t', 0).isr).toEqual([1, 2]);
    s.run(1);
    expect(s.partition('t', 0).isr).toEqual([1]);
  });
});

describe('ISR expand', () => {
  it('a removed follower rejoins, appended at the end, once its fetch offset reaches the leader\'s HW', () => {
    const s = followerStopsAt3000().run(11000); // t = 15000: 3 removed, HW 2
    expect(s.partition('orders', 0).isr).toEqual([1, 2]);
    s.fetch(3); // fetch offset 1 < HW 2: not yet; it copies offset 1
    expect(s.partition('orders', 0).isr).toEqual([1, 2]);
    expect(s.replica('orders', 0, 3).logEndOffset).toBe(2);
    s.fetch(3); // fetch offset 2 ≥ HW 2 and ≥ the epoch's start offset 0
    expect(s.partition('orders', 0).isr).toEqual([1, 2, 3]);
  });

  it('the rejoin keeps Kafka\'s ISR order: removals keep the others\' order, a rejoiner goes last', () => {
    const s = sim({ brokers: 3, config: { 'replica.lag.time.max.ms': 10000 } }).topic('t', [[1, 2, 3]]).round(3).run(15000);
    expect(s.partition('t', 0).isr).toEqual([1, 3]);
    s.fetch(2);
    expect(s.partition('t', 0).isr).toEqual([1, 3, 2]);
  });
});
