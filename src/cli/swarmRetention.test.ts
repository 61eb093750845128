/**
 * The swarm with small segments and retention, and with consumer groups: apart from
 * swarm.test.ts so that the test runner's workers share the swarm's minutes (vitest runs the
 * files of a suite in parallel and the tests of one file in turn).
 */
import { describe, expect, it } from 'vitest';
import { groupProblems, runSwarm, withRecovery } from './swarmRunner';
import { simulate } from '../core/scenario/runScenario';
import { formatProblem, validateScenarioDocument } from '../core/scenario/validateScenario';
import { swarmScenario } from '../core/testing/swarmScenario';

/** As in swarm.test.ts: 100 seeds in `npm test`, SWARM_SEEDS otherwise. */
const SEEDS = Number(process.env.SWARM_SEEDS) || 100;

describe('the swarm with small segments and retention', { timeout: 600_000 }, () => {
  // Retention settings come from their own stream: the rest of each scenario is the seed's usual one.
  const seeds = Math.min(SEEDS, 50);

  it('keeps the invariants (log start offsets included) and recovers, in both modes; safe leader epochs lose nothing', () => {
    for (const truncation of ['leader-epoch', 'high-watermark'] as const) {
      const summary = runSwarm({ seeds, start: 1, truncation, safe: false, retention: true });
      expect(summary.failures.map((f) => `seed ${f.seed} step ${f.step}: ${f.problems.join('; ')}`)).toEqual([]);
    }
    const safe = runSwarm({ seeds, start: 1, truncation: 'leader-epoch', safe: true, retention: true });
    expect(safe.failures).toEqual([]);
    expect(Object.keys(safe.anomalies).filter((type) => type !== 'duplicate-record')).toEqual([]);
  });

  it('is not vacuous: logs do start past 0, and without the option the scenario is the seed\'s usual one', () => {
    let moved = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const validated = validateScenarioDocument(withRecovery(swarmScenario(seed, { truncation: 'leader-epoch', safe: false, retention: true })));
      if (!validated.ok) throw new Error('invalid');
      const world = simulate(validated.scenario);
      if (world.topics.some((t) => t.partitions.some((p) => p.replicaStates.some((r) => r.logStartOffset > 0)))) moved++;
      const plain = swarmScenario(seed, { truncation: 'leader-epoch', safe: false });
      const withRetention = swarmScenario(seed, { truncation: 'leader-epoch', safe: false, retention: true });
      expect(withRetention.steps).toEqual(plain.steps);
    }
    expect(moved).toBeGreaterThan(5);
  });
});

describe('the swarm with consumer groups', () => {
  it('its scenarios subscribe, poll and commit, and polls return records (so the consumer checks run on real data)', () => {
    let polledRecords = 0;
    let groupSteps = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const document = swarmScenario(seed, { truncation: 'leader-epoch', safe: false });
      const validated = validateScenarioDocument(document);
      if (!validated.ok) throw new Error(validated.problems.map(formatProblem).join('\n'));
      groupSteps += validated.scenario.steps.filter((s) => ['subscribe', 'poll', 'commit', 'leave', 'kill', 'pause', 'resume'].includes(s.op)).length;
      polledRecords += simulate(validated.scenario).groups.polled.reduce((n, p) => n + p.records.length, 0);
    }
    expect(groupSteps).toBeGreaterThan(100);
    expect(polledRecords).toBeGreaterThan(50);
  });

  it('the checks find a record polled at the HW and a partition with two owners in one generation', () => {
    // The first seed whose scenario ends with t0-0 led and some group.
    const world = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => {
      const validated = validateScenarioDocument(swarmScenario(seed, { truncation: 'leader-epoch', safe: false }));
      if (!validated.ok) throw new Error('invalid');
      return simulate(validated.scenario);
    }).find((w) => w.groups.groups.length > 0 && w.groups.consumers.length > 0 && w.topics.find((t) => t.name === 't0')?.partitions[0].leader !== null);
    if (!world) throw new Error('no such seed');
    const before = structuredClone(world);
    expect(groupProblems(before, world)).toEqual([]);
    const p = world.topics.find((t) => t.name === 't0')?.partitions[0];
    if (!p || p.leader === null) throw new Error('no leader');
    const hw = p.replicaStates.find((r) => r.broker === p.leader)?.highWatermark ?? 0;
    world.groups.polled.push({ step: 0, group: 'g0', member: 'c0', records: [{ topic: 't0', partition: 0, offset: hw, key: null, value: 'x', producedStep: -1, producedIndex: -1 }] });
    const twin = (member: string) => ({ ...structuredClone(world.groups.consumers[0] ?? {}), group: 'gx', member, process: 'running' as const, generation: 7, assignment: ['t0-0'] });
    world.groups.groups.push({ ...structuredClone(world.groups.groups[0]), group: 'gx' });
    world.groups.consumers.push(twin('a'), twin('b'));
    const problems = groupProblems(before, world);
    expect(problems.some((s) => s.includes(`offset ${hw} at or above the HW`))).toBe(true);
    expect(problems).toContain('group gx generation 7: t0-0 is owned by a and b');
  });
});
