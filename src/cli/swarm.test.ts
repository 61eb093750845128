/**
 * The swarm in CI (fewer seeds than `npm run sim:swarm -- --seeds 1000`): invariants hold after
 * every step of random scenarios with every op; with acks=all, no lostTail and no unclean
 * election, leader epochs (KIP-101) leave no acknowledged-record-lost and no replica-divergence;
 * truncation to the HW (before 0.11) produces both, at pinned seeds.
 */
import { describe, expect, it } from 'vitest';
import { runSeed, runSwarm, withRecovery } from './swarmRunner';
import { simulate } from '../core/scenario/runScenario';
import { validateScenarioDocument } from '../core/scenario/validateScenario';
import { swarmScenario } from '../core/testing/swarmScenario';

describe('the seeded swarm', () => {
  it('keeps the invariants in both truncation modes, and every run recovers once healed and restarted (300 seeds each)', () => {
    for (const truncation of ['leader-epoch', 'high-watermark'] as const) {
      const summary = runSwarm({ seeds: 300, start: 1, truncation, safe: false });
      expect(summary.failures.map((f) => `seed ${f.seed} step ${f.step}: ${f.problems.join('; ')}`)).toEqual([]);
    }
  });

  it('leader-epoch, safe: no acknowledged-record-lost and no replica-divergence (300 seeds)', () => {
    const summary = runSwarm({ seeds: 300, start: 1, truncation: 'leader-epoch', safe: true });
    expect(summary.failures).toEqual([]);
    expect(Object.keys(summary.anomalies).filter((type) => type !== 'duplicate-record')).toEqual([]);
  });

  it('acks=all resends duplicate records without idempotence (the zookeeper era\'s 2.8 default); with the 3.6 default only after an epoch bump', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { anomalies } = runSeed(seed, { truncation: 'leader-epoch', safe: true });
      if (!anomalies.includes('duplicate-record')) continue;
      const document = swarmScenario(seed, { truncation: 'leader-epoch', safe: true });
      if ((document.cluster as { metadata: string }).metadata === 'zookeeper') continue;
      // The 3.6 idempotent producer bumps its epoch when a batch fails for good (a delivery
      // timeout: `handleFailedBatch` → `requestEpochBumpForPartition`) and restarts its in-flight
      // batches' sequences at 0 (`startSequencesAtBeginning`): a batch already appended but not
      // acknowledged is then appended again. Only then.
      const validated = validateScenarioDocument(withRecovery(document));
      if (!validated.ok) throw new Error('invalid');
      const bumped = simulate(validated.scenario).producers.some((p) => p.producerEpoch > 0);
      expect(`seed ${seed}: ${bumped}`).toBe(`seed ${seed}: true`);
    }
  });

  it('the same safe scenario (seed 638, acks=all, no lostTail, no unclean election): truncation to the HW loses acknowledged records and diverges; leader epochs do neither', () => {
    // Pinned from `npm run sim:swarm -- --seeds 1000 --safe`, as KIP-101's motivation describes.
    // (Its zookeeper-era producer is not idempotent, so resends may duplicate in both modes.)
    const lossOrDivergence = (types: string[]) => new Set(types.filter((t) => t !== 'duplicate-record'));
    expect(lossOrDivergence(runSeed(638, { truncation: 'high-watermark', safe: true }).anomalies)).toEqual(new Set(['acknowledged-record-lost', 'replica-divergence']));
    expect(lossOrDivergence(runSeed(638, { truncation: 'leader-epoch', safe: true }).anomalies)).toEqual(new Set());
  });

  it('high-watermark: more pinned seeds where truncation to the HW diverges and leader epochs do not (27, 64)', () => {
    for (const seed of [27, 64]) {
      expect(runSeed(seed, { truncation: 'high-watermark', safe: false }).anomalies).toContain('replica-divergence');
      expect(runSeed(seed, { truncation: 'leader-epoch', safe: false }).anomalies).not.toContain('replica-divergence');
    }
  });

  it('the same seed gives the same run', () => {
    expect(runSeed(42, { truncation: 'leader-epoch', safe: false })).toEqual(runSeed(42, { truncation: 'leader-epoch', safe: false }));
  });
});
