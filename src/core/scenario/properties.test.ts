/**
 * Property tests (DESIGN.md "Tests"): random produce/fetch/run sequences keep the invariants;
 * the same scenario gives a byte-identical report; `--at n` equals the first n steps run alone;
 * `step()` never changes the world it is given.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../cluster';
import { checkHighWatermarkMonotonic, checkInvariants } from '../invariants';
import { arbitraryDocument } from '../testing/arbitraries';
import { applyStep, step } from '../step';
import { buildReport } from './report';
import { replay, simulate } from './runScenario';
import { swarmScenario } from '../testing/swarmScenario';
import { formatProblem, validateScenarioDocument } from './validateScenario';
import type { Scenario } from '../model/scenario';

function valid(document: unknown): Scenario {
  const result = validateScenarioDocument(document);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

describe('properties of random manual-replication runs', () => {
  it('keep the invariants after every step', () => {
    fc.assert(
      fc.property(arbitraryDocument, (document) => {
        const scenario = valid(document);
        const world = createWorld(scenario);
        expect(checkInvariants(world, { healthy: true })).toEqual([]);
        scenario.steps.forEach((s, i) => {
          const before = structuredClone(world);
          applyStep(world, s, i);
          expect([...checkInvariants(world, { healthy: true }), ...checkHighWatermarkMonotonic(before, world)]).toEqual([]);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('give a byte-identical report for the same scenario', () => {
    fc.assert(
      fc.property(arbitraryDocument, (document) => {
        const once = JSON.stringify(buildReport(simulate(valid(document))));
        const twice = JSON.stringify(buildReport(simulate(valid(JSON.parse(JSON.stringify(document))))));
        expect(twice).toBe(once);
      }),
      { numRuns: 100 },
    );
  });

  it('--at n equals the first n steps run alone', () => {
    fc.assert(
      fc.property(arbitraryDocument, fc.nat(), (document, pick) => {
        const scenario = valid(document);
        const n = pick % (scenario.steps.length + 1);
        const cut = valid({ ...document, steps: document.steps.slice(0, n) });
        expect(buildReport(simulate(scenario, n))).toEqual(buildReport(simulate(cut)));
      }),
      { numRuns: 100 },
    );
  });

  it('step() is pure: the input world is untouched and the result equals applying in place', () => {
    fc.assert(
      fc.property(arbitraryDocument, (document) => {
        const scenario = valid(document);
        let world = createWorld(scenario);
        const inPlace = createWorld(scenario);
        for (const [i, s] of scenario.steps.entries()) {
          const frozen = JSON.stringify(world);
          const next = step(world, s);
          expect(JSON.stringify(world)).toBe(frozen);
          expect(next.events).toEqual(applyStep(inPlace, s, i));
          world = next.world;
        }
        expect(buildReport(world)).toEqual(buildReport(inPlace));
      }),
      { numRuns: 50 },
    );
  });
});

describe('properties of random runs with failures (the swarm\'s scenarios, both eras and modes)', () => {
  const swarmDocument = fc.record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    truncation: fc.constantFrom('leader-epoch' as const, 'high-watermark' as const),
    safe: fc.boolean(),
  }).map(({ seed, truncation, safe }) => swarmScenario(seed, { truncation, safe }));

  it('--at n equals the first n steps run alone, and the report is byte-identical on a rerun', () => {
    fc.assert(
      fc.property(swarmDocument, fc.nat(), (document, pick) => {
        const scenario = valid(document);
        const n = pick % (scenario.steps.length + 1);
        const cut = valid({ ...document, steps: (document.steps as unknown[]).slice(0, n) });
        expect(JSON.stringify(buildReport(simulate(scenario, n)))).toBe(JSON.stringify(buildReport(simulate(cut))));
        expect(JSON.stringify(buildReport(simulate(scenario)))).toBe(JSON.stringify(buildReport(simulate(valid(document)))));
      }),
      { numRuns: 60 },
    );
  });

  it('a checkpoint (structuredClone of the world) replays to the same report as a run from zero', () => {
    fc.assert(
      fc.property(swarmDocument, fc.nat(), (document, pick) => {
        const scenario = valid(document);
        const k = pick % (scenario.steps.length + 1);
        const checkpoint = structuredClone(simulate(scenario, k));
        replay(checkpoint, scenario, scenario.steps.length);
        expect(buildReport(checkpoint)).toEqual(buildReport(simulate(scenario)));
      }),
      { numRuns: 60 },
    );
  });
});
