/**
 * LastFetchedEpoch as Kafka's fetcher keeps it (docs/scenario-format.md, "Truncation"), worked by
 * hand in manual replication, `leader-epoch` mode:
 * - `AbstractFetcherThread.partitionFetchState` (3.6.2; 2.8.2 the same for IBP ≥ 2.7): a partition
 *   added to the fetcher for a new leader epoch starts with `latestEpoch(tp)`, the latest epoch
 *   in the replica's own cache, so a replica that led an epoch and wrote nothing in it sends that
 *   epoch (not the epoch of its last record);
 * - `processFetchRequest`: after a response that appended records, `logAppendInfo.lastLeaderEpoch`;
 * - `UnifiedLog.truncateTo` (2.8.2 `Log.truncateTo`): a truncation to the LEO or past it removes no
 *   record but still drops the cache entries that start at or past the LEO ("we may have a
 *   conflicting epoch entry at the end of the log from the leader"), and the fetcher then takes
 *   the latest epoch again (`updateFetchOffsetAndMaybeMarkTruncationComplete`).
 */
import { describe, expect, it } from 'vitest';
import { sim } from '../testing/harness';
import type { World } from '../model/world';

const replica = (world: World, broker: number) => world.topics[0].partitions[0].replicaStates.find((r) => r.broker === broker)!;

/**
 * RF 3: a is everywhere (epoch 0). Broker 1 shuts down: broker 2 leads epoch 1 and writes
 * nothing; broker 2 shuts down: broker 3 leads epoch 2 and appends b. Broker 2 restarts.
 */
function ledAnEmptyEpoch(metadata: 'kraft' | 'zookeeper') {
  return sim({ brokers: 3, metadata, truncation: 'leader-epoch' })
    .topic('orders', [[1, 2, 3]])
    .produce('orders', 'k', { value: 'a', acks: 'all' })
    .round(2, 3).round(2, 3)
    .step({ op: 'shutdown', broker: 1 })
    .step({ op: 'shutdown', broker: 2 })
    .produce('orders', 'k', { value: 'b', acks: 1 })
    .step({ op: 'restart', broker: 2 });
}

describe('LastFetchedEpoch (AbstractFetcherThread)', () => {
  it('a replica that led epoch 1 and wrote nothing in it sends epoch 1, not its last record\'s epoch 0', () => {
    for (const era of ['kraft', 'zookeeper'] as const) {
      const world = ledAnEmptyEpoch(era).world();
      const p = world.topics[0].partitions[0];
      expect([p.leader, p.leaderEpoch], era).toEqual([3, 2]);
      const two = replica(world, 2);
      expect(two.epochCache, era).toEqual([[0, 0], [1, 1]]);
      expect(two.log.at(-1)?.leaderEpoch, era).toBe(0);
      expect(two.lastFetchedEpoch, era).toBe(1);
    }
  });

  it('the leader answers DivergingEpoch (epoch 0, end offset 1); truncating to offset 1 = its LEO drops the entry [1, 1]; the fetch goes on and copies b', () => {
    for (const era of ['kraft', 'zookeeper'] as const) {
      const s = ledAnEmptyEpoch(era).fetch(2);
      const world = s.world();
      const two = replica(world, 2);
      expect(two.log.map((r) => r.value), era).toEqual(['a', 'b']);
      expect(two.epochCache, era).toEqual([[0, 0], [2, 1]]);
      expect(two.lastFetchedEpoch, era).toBe(2); // the epoch of the batch it appended
      // No record was cut: the report shows no truncation.
      expect(s.report().partitions[0].replicaStates.find((r) => r.broker === 2)?.logEndOffset, era).toBe(2);
    }
  });

  it('a response with no records keeps the epoch it had', () => {
    const s = ledAnEmptyEpoch('kraft').fetch(2).fetch(2);
    expect(replica(s.world(), 2).lastFetchedEpoch).toBe(2);
  });

  it('high-watermark mode sends none', () => {
    const s = sim({ brokers: 3, truncation: 'high-watermark' }).topic('orders', [[1, 2, 3]]).produce('orders', 'k').round(2, 3);
    for (const broker of [2, 3]) expect(replica(s.world(), broker).lastFetchedEpoch).toBeNull();
  });
});
