/**
 * The HW rule of each era (docs/scenario-format.md, "HW"), worked by hand in manual replication:
 *
 * - Kafka 3.6.2 `Partition.maybeIncrementLeaderHW` also waits for a follower outside the ISR that
 *   is caught up (`ReplicaState.isCaughtUp`) and ISR-eligible (`shouldWaitForReplicaToJoinIsr`,
 *   `isReplicaIsrEligible`: unfenced, not shutting down, broker epoch current). Kafka 2.8.2's
 *   version waits for any caught-up follower, but 2.8's controller bumps the leader epoch when it
 *   removes a fenced follower, and `Partition.makeLeader` then resets a non-ISR follower's
 *   caught-up time to 0 (`Replica.resetLastCaughtUpTime`), so the same returning follower does not
 *   hold the HW there.
 * - Kafka 2.8.2 `Partition.maybeShrinkIsr` → `shrinkIsr` leaves the removed follower in the
 *   maximal ISR until AlterIsr commits, and `handleAlterIsrResponse` never recomputes the HW
 *   (KAFKA-13091, fixed in 3.1); 3.6.2 `handleAlterPartitionUpdate` does ("we may need to
 *   increment high watermark since ISR could be down to 1").
 */
import { describe, expect, it } from 'vitest';
import { sim, type SimHarness } from '../testing/harness';

type Era = 'kraft' | 'zookeeper';
const sessionTimeout = (era: Era) => (era === 'kraft' ? 9000 : 18000); // each era's default

/**
 * RF 3, min.insync.replicas 2, acks=all. Record a reaches every replica (HW 1, broker 3 caught
 * up at t = 0); broker 3 crashes; b waits for it until the controller fences it and takes it out
 * of the ISR. Broker 3 comes back, and (if `fetchAfterRestart`) fetches once at offset 1, behind
 * the HW 2. Then c is produced and broker 2 copies it.
 */
function returningFollower(era: Era, fetchAfterRestart: boolean): SimHarness {
  const s = sim({ brokers: 3, metadata: era })
    .topic('orders', [[1, 2, 3]], { 'min.insync.replicas': 2 })
    .produce('orders', 'k', { value: 'a', acks: 'all' }) // step 0
    .round(2, 3).round(2, 3) // steps 1-4: HW 1, a acknowledged
    .step({ op: 'crash', broker: 3 }) // 5
    .produce('orders', 'k', { value: 'b', acks: 'all' }) // 6
    .round(2).round(2) // 7-8: broker 2 has b; broker 3 (still in the ISR) holds the HW at 1
    .run(sessionTimeout(era)) // 9: broker 3 fenced and removed from the ISR
    .step({ op: 'restart', broker: 3 }); // 10
  if (fetchAfterRestart) s.fetch(3); // 11: offset 1 < HW 2, so it does not rejoin
  return s.produce('orders', 'k', { value: 'c', acks: 'all' }).round(2).round(2);
}

describe('HW: a follower outside the ISR that is caught up and eligible holds it (3.6 shouldWaitForReplicaToJoinIsr)', () => {
  it('both eras: b is acknowledged once broker 3 is fenced and out of the ISR (a fenced broker is not eligible)', () => {
    for (const era of ['kraft', 'zookeeper'] as const) {
      const s = returningFollower(era, true);
      expect(s.produced(9).map((p) => p.acked), era).toEqual([true, false]);
      expect(s.partition('orders', 0, 10).isr, era).toEqual([1, 2]);
      expect(s.produced(10).map((p) => p.acked), era).toEqual([true, true]);
    }
  });

  it('kraft: broker 3 fetched at t = 0 at the leader LEO, so until t = 30 s it is caught up: c waits for it although broker 2 has it', () => {
    const s = returningFollower('kraft', true);
    const end = (s.doc.steps as unknown[]).length;
    expect(s.partition('orders', 0, end).isr).toEqual([1, 2]);
    expect(s.replica('orders', 0, 1, end)).toMatchObject({ logEndOffset: 3, highWatermark: 2 });
    expect(s.produced(end)[2]).toMatchObject({ value: 'c', acked: false });
    // Broker 3 catches up: its fetch at 2 (≥ HW 2) brings it back into the ISR; its fetch at 3
    // then raises the HW to 3 and c is acknowledged.
    s.fetch(3);
    expect(s.partition('orders', 0).isr).toEqual([1, 2, 3]);
    expect(s.produced()[2].acked).toBe(false);
    s.fetch(3);
    expect(s.replica('orders', 0, 1).highWatermark).toBe(3);
    expect(s.produced()[2]).toMatchObject({ acked: true, offset: 2 });
  });

  it('zookeeper: the fencing bumped the epoch and reset broker 3 to "never caught up", so c is acknowledged with the ISR {1, 2}', () => {
    const s = returningFollower('zookeeper', true);
    expect(s.partition('orders', 0).isr).toEqual([1, 2]);
    expect(s.replica('orders', 0, 1)).toMatchObject({ logEndOffset: 3, highWatermark: 3 });
    expect(s.produced()[2]).toMatchObject({ value: 'c', acked: true, offset: 2 });
  });

  it('kraft: a broker that registered again is not eligible until it fetches (its broker epoch is new: isBrokerEpochIsrEligible)', () => {
    const s = returningFollower('kraft', false);
    expect(s.partition('orders', 0).isr).toEqual([1, 2]);
    expect(s.replica('orders', 0, 1).highWatermark).toBe(3);
    expect(s.produced()[2]).toMatchObject({ value: 'c', acked: true });
  });

  it('kraft: once 30 s have passed since broker 3 last caught up, the next recompute lets the HW go', () => {
    const s = returningFollower('kraft', true).run(21_001); // t = 30 001 ms: more than 30 s since t = 0
    // Nothing recomputed the HW yet: a fetch that does not change broker 2's known LEO does not.
    s.fetch(2);
    expect(s.produced()[2].acked).toBe(false);
    // An append does (`Partition.appendRecordsToLeader` → maybeIncrementLeaderHW).
    s.produce('orders', 'k', { value: 'd', acks: 'all' });
    expect(s.replica('orders', 0, 1).highWatermark).toBe(3);
    expect(s.produced()[2].acked).toBe(true);
  });
});

/**
 * RF 3, min.insync.replicas 2, acks=all, replica.lag.time.max.ms 1000. Both followers fetch once
 * at offset 0 (the leader learns LEO 0 for both); a is produced and only broker 2 copies it.
 * Broker 3 was last caught up at t = 0, so the ISR check at t = 1500 ms (the first k · 500 with
 * t − 0 > 1000) removes it.
 */
function laggingFollower(era: Era): SimHarness {
  return sim({ brokers: 3, metadata: era, config: { 'replica.lag.time.max.ms': 1000 } })
    .topic('orders', [[1, 2, 3]], { 'min.insync.replicas': 2 })
    .round(2, 3) // steps 0-1
    .produce('orders', 'k', { value: 'a', acks: 'all' }) // 2
    .round(2).round(2) // 3-4: broker 2 has a, HW held at 0 by broker 3
    .run(1500); // 5: broker 3 leaves the ISR at t = 1500
}

describe('HW after the leader shrinks its own ISR (KAFKA-13091)', () => {
  it('before the shrink, both eras hold a for broker 3', () => {
    for (const era of ['kraft', 'zookeeper'] as const) {
      const s = laggingFollower(era);
      expect(s.produced(5)[0].acked, era).toBe(false);
      expect(s.replica('orders', 0, 1, 5).highWatermark, era).toBe(0);
    }
  });

  it('kraft: the shrink commits and the HW is recomputed at once: a is acknowledged at t = 1500', () => {
    const s = laggingFollower('kraft');
    expect(s.partition('orders', 0).isr).toEqual([1, 2]);
    expect(s.replica('orders', 0, 1).highWatermark).toBe(1);
    expect(s.produced()[0]).toMatchObject({ acked: true, offset: 0 });
  });

  it('zookeeper: the ISR is {1, 2} but the HW stays 0 and a waits, even through a fetch that changes no LEO', () => {
    const s = laggingFollower('zookeeper');
    expect(s.partition('orders', 0).isr).toEqual([1, 2]);
    expect(s.replica('orders', 0, 1).highWatermark).toBe(0);
    expect(s.produced()[0].acked).toBe(false);
    s.fetch(2); // at offset 1 again: broker 2's known LEO does not change
    expect(s.produced()[0].acked).toBe(false);
  });

  it('zookeeper: the next append recomputes it: a is acknowledged when b is appended', () => {
    const s = laggingFollower('zookeeper').produce('orders', 'k', { value: 'b', acks: 'all' });
    expect(s.replica('orders', 0, 1).highWatermark).toBe(1);
    expect(s.produced().map((p) => p.acked)).toEqual([true, false]);
  });
});
