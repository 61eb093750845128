/**
 * Runs a validated scenario: the world after its first `at` steps (all of them by default),
 * replayed from the Start state. The session layer adds checkpoints on top of this.
 */
import { createWorld } from '../cluster';
import type { Scenario } from '../model/scenario';
import type { World } from '../model/world';
import { applyStep, applyStepPartial } from '../step';
import type { SimEvent } from '../model/events';

/** `at` clamped to [0, steps], as `&at=` and `--at` are. */
export function clampAt(scenario: Scenario, at: number | undefined): number {
  if (at === undefined) return scenario.steps.length;
  return Math.max(0, Math.min(scenario.steps.length, Math.floor(at)));
}

/**
 * The world after the first `at` steps (all by default), then the first `event` timed events of
 * the next step (a `run` step; any other step has none, and past the end there is no next step).
 */
export function simulate(scenario: Scenario, at?: number, event = 0): World {
  const world = createWorld(scenario);
  const n = clampAt(scenario, at);
  replay(world, scenario, n);
  if (event > 0 && n < scenario.steps.length) applyStepPartial(world, scenario.steps[n], event);
  return world;
}

/** Applies the scenario's steps from `world.stepsApplied` up to (not including) `until`, in place. */
export function replay(world: World, scenario: Scenario, until: number, onStep?: (events: SimEvent[]) => void): void {
  for (let i = world.stepsApplied; i < until; i++) {
    const events = applyStep(world, scenario.steps[i], i);
    onStep?.(events);
  }
}
