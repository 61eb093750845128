/**
 * Runs a validated scenario: the world after its first `at` steps (all of them by default),
 * replayed from the Start state. The session layer adds checkpoints on top of this.
 */
import { createWorld } from '../cluster';
import type { Scenario } from '../model/scenario';
import type { World } from '../model/world';
import { applyStep } from '../step';
import type { SimEvent } from '../model/events';

/** `at` clamped to [0, steps], as `&at=` and `--at` are. */
export function clampAt(scenario: Scenario, at: number | undefined): number {
  if (at === undefined) return scenario.steps.length;
  return Math.max(0, Math.min(scenario.steps.length, Math.floor(at)));
}

export function simulate(scenario: Scenario, at?: number): World {
  const world = createWorld(scenario);
  replay(world, scenario, clampAt(scenario, at));
  return world;
}

/** Applies the scenario's steps from `world.stepsApplied` up to (not including) `until`, in place. */
export function replay(world: World, scenario: Scenario, until: number, onStep?: (events: SimEvent[]) => void): void {
  for (let i = world.stepsApplied; i < until; i++) {
    const events = applyStep(world, scenario.steps[i], i);
    onStep?.(events);
  }
}
