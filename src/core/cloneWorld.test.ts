import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneWorld } from './cloneWorld';
import { simulate, replay } from './scenario/runScenario';
import { buildReport } from './scenario/report';
import { swarmScenario } from './testing/swarmScenario';
import { validateScenarioDocument, formatProblem } from './scenario/validateScenario';
import type { Scenario } from './model/scenario';

function valid(document: unknown): Scenario {
  const result = validateScenarioDocument(document);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

describe('cloneWorld', () => {
  it('equals structuredClone, and the copy and the original evolve independently', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.nat(), (seed, pick) => {
        const scenario = valid(swarmScenario(seed, { truncation: 'leader-epoch', safe: false }));
        const k = pick % (scenario.steps.length + 1);
        const world = simulate(scenario, k);
        const copy = cloneWorld(world);
        expect(copy).toEqual(structuredClone(world));
        const before = JSON.stringify(world);
        replay(copy, scenario, scenario.steps.length); // advancing the copy leaves the original alone
        expect(JSON.stringify(world)).toBe(before);
        expect(buildReport(copy)).toEqual(buildReport(simulate(scenario)));
        replay(world, scenario, scenario.steps.length);
        expect(buildReport(world)).toEqual(buildReport(copy));
      }),
      { numRuns: 60 },
    );
  });
});
