/**
 * Golden tests of the ISR rule (docs/scenario-format.md "ISR"; Kafka's `Replica.updateFetchState`,
 * `Partition.getOutOfSyncReplicas`/`maybeShrinkIsr` every replica.lag.time.max.ms / 2,
 * `Partition.maybeExpandIsr` with KAFKA-7128's epoch-start condition).
 */
import { describe, expect, it } from 'vitest';
import { sim } from '../testing/harness';
import { NEVER_MS } from '../model/world';
import { updateFollowerFetchState } from './inSyncReplicas';

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

describe("the leader's view of its followers when it takes an epoch (3.6 Replica.resetReplicaState, 2.8 Partition.makeLeader)", () => {
  // Both followers copy a and report LEO 1; at t = 1000 broker 1 shuts down (controlled), so
  // broker 2 becomes leader at epoch 1 with the ISR {2, 3}.
  const base = (era: 'kraft' | 'zookeeper') => sim({ brokers: 3, metadata: era })
    .topic('orders', [[1, 2, 3]])
    .produce('orders', 'a', { acks: 1 })
    .round(2, 3).round(2, 3)
    .run(1000)
    .step({ op: 'shutdown', broker: 1 });

  it('a new leader knows no follower LEO and no previous fetch; ISR members are caught up now, the others never', () => {
    for (const era of ['kraft', 'zookeeper'] as const) {
      const world = base(era).world();
      const p = world.topics[0].partitions[0];
      expect(p.leader, era).toBe(2);
      const views = Object.fromEntries(p.followers.map((v) => [v.broker, v]));
      expect(views[3], era).toMatchObject({ logEndOffset: -1, lastFetchLeaderLogEndOffset: -1, lastFetchTimeMs: NEVER_MS, lastCaughtUpTimeMs: 1000, brokerEpochCurrent: false });
      // Broker 1 stopped and left the ISR: never caught up.
      expect(views[1], era).toMatchObject({ logEndOffset: -1, lastCaughtUpTimeMs: NEVER_MS });
    }
  });

  it('a leader that takes a new epoch keeps the LEOs; a follower outside the ISR gets a previous fetch at now in 2.8 and never in 3.6', () => {
    // zookeeper: the controller's removal of crashed broker 3 at t = 18000 bumps the epoch while
    // broker 1 keeps leading (2.8 `resetLastCaughtUpTime(leo, now, 0)`). In kraft the removal
    // keeps the epoch and the leader resets nothing (the golden highWatermarkEras test shows it).
    const zk = sim({ brokers: 3, metadata: 'zookeeper' })
      .topic('orders', [[1, 2, 3]])
      .produce('orders', 'a', { acks: 1 })
      .round(2, 3).round(2, 3)
      .step({ op: 'crash', broker: 3 })
      .run(18000)
      .world();
    const p = zk.topics[0].partitions[0];
    expect(p.leaderEpoch).toBe(1);
    const view3 = p.followers.find((v) => v.broker === 3);
    expect(view3).toMatchObject({ logEndOffset: 1, lastCaughtUpTimeMs: NEVER_MS, lastFetchTimeMs: 18000, lastFetchLeaderLogEndOffset: 1 });
  });
});

describe('Replica.updateFetchState: the leader LEO at the previous fetch (3.6 keeps the larger, 2.8 the latest)', () => {
  const view = () => ({ broker: 2, logEndOffset: 5, lastCaughtUpTimeMs: 100, lastFetchLeaderLogEndOffset: 9, lastFetchTimeMs: 200, brokerEpochCurrent: false });
  it('kraft', () => {
    const v = view();
    updateFollowerFetchState(v, 6, 7, 300, 'kraft'); // a leader LEO below the previous one (after a truncation of the leader's log)
    expect(v).toMatchObject({ logEndOffset: 6, lastFetchLeaderLogEndOffset: 9, lastFetchTimeMs: 300, lastCaughtUpTimeMs: 100, brokerEpochCurrent: true });
  });
  it('zookeeper', () => {
    const v = view();
    updateFollowerFetchState(v, 6, 7, 300, 'zookeeper');
    expect(v).toMatchObject({ logEndOffset: 6, lastFetchLeaderLogEndOffset: 7, lastFetchTimeMs: 300, lastCaughtUpTimeMs: 100 });
  });
  it('a fetch at the previous fetch\'s leader LEO is caught up as of the previous fetch', () => {
    const v = view();
    updateFollowerFetchState(v, 9, 12, 300, 'kraft');
    expect(v.lastCaughtUpTimeMs).toBe(200);
  });
});
