/**
 * The timeline of one scenario: the world after any number of its steps, found by replaying
 * from the nearest checkpoint (DESIGN.md, "Time travel is replay"). Pure TypeScript: no React,
 * no DOM, no timers.
 *
 * - A checkpoint is a copy (`cloneWorld`: log records shared, being immutable) of the world after a multiple of `checkpointEvery`
 *   steps (0 included), made lazily the first time a replay passes it, and never mutated.
 * - `seek(n)` starts from the last world it returned when that is at or before `n` and no
 *   further than a checkpoint would be, else from the nearest checkpoint at or before `n`.
 * - The world `seek` returns belongs to the caller and is never changed by the timeline again
 *   (a later seek works on a fresh clone), so it can go straight into a store.
 */
import { createWorld } from '../core/cluster';
import { cloneWorld } from '../core/cloneWorld';
import type { SimEvent } from '../core/model/events';
import type { Scenario } from '../core/model/scenario';
import type { World } from '../core/model/world';
import { replay } from '../core/scenario/runScenario';

export const DEFAULT_CHECKPOINT_EVERY = 50;

export interface SeekResult {
  world: World;
  /** The events of the step that led to this position (empty at 0 and when it was not replayed). */
  events: SimEvent[];
}

export interface Timeline {
  readonly scenario: Scenario;
  /** The number of steps: the last position. */
  readonly length: number;
  /** The world after the first `n` steps (`n` clamped to [0, length]). */
  seek(n: number): World;
  /** Like `seek`, with the events of the step that ends at `n` (for animation). */
  seekWithEvents(n: number): SeekResult;
  /** Positions that have a checkpoint now, ascending (for tests and the inspector). */
  checkpointPositions(): number[];
  /** The checkpoint world at `at`, if there is one (never to be changed: for saving a copy). */
  checkpointAt(at: number): World | undefined;
  readonly checkpointEvery: number;
  /**
   * The timeline of an edited scenario with the same cluster whose first `unchangedSteps` steps
   * are the same: it keeps the checkpoints at or before that position, so an edit near the end
   * does not replay from zero.
   */
  derive(scenario: Scenario, unchangedSteps: number): Timeline;
  /**
   * Work ahead: replays up to `maxSteps` steps past the furthest checkpoint on a private copy,
   * adding the checkpoints it passes. Returns true once every checkpoint up to the end exists.
   * The app calls it in idle time, so a later jump starts from a near checkpoint. It never
   * changes a world a seek returned.
   */
  precompute(maxSteps: number): boolean;
}

export function clampPosition(length: number, n: number): number {
  if (!Number.isFinite(n)) return n > 0 ? length : 0;
  return Math.max(0, Math.min(length, Math.floor(n)));
}

/**
 * A world saved earlier (IndexedDB) that the caller has checked belongs to this scenario: it
 * becomes a checkpoint when it sits on one (a multiple of `checkpointEvery`, within the
 * scenario), so a long session reopens without replaying from the start. Otherwise it is ignored.
 */
export interface TimelineSeed {
  world: World;
}

export function createTimeline(
  scenario: Scenario,
  checkpointEvery = DEFAULT_CHECKPOINT_EVERY,
  inherited?: { checkpoints: Map<number, World>; last: World | null },
  seed?: TimelineSeed,
): Timeline {
  if (!Number.isInteger(checkpointEvery) || checkpointEvery < 1) {
    throw new Error(`checkpointEvery must be a positive integer, got ${checkpointEvery}`);
  }
  const length = scenario.steps.length;
  const checkpoints = inherited?.checkpoints ?? new Map<number, World>([[0, createWorld(scenario)]]);
  const seeded = seed?.world.stepsApplied;
  if (seed && seeded !== undefined && seeded > 0 && seeded <= length && seeded % checkpointEvery === 0) checkpoints.set(seeded, seed.world);
  let last: World | null = inherited?.last ?? null;
  /** `precompute`'s own world, at its furthest checkpoint or a little past it. */
  let ahead: World | null = null;

  function nearestCheckpoint(n: number): World {
    for (let at = n - (n % checkpointEvery); at >= 0; at -= checkpointEvery) {
      const found = checkpoints.get(at);
      if (found) return found;
    }
    throw new Error('assertion: the checkpoint at 0 is always there');
  }

  function startingPoint(n: number): World {
    const checkpoint = nearestCheckpoint(n);
    if (last && last.stepsApplied <= n && last.stepsApplied >= checkpoint.stepsApplied) return last;
    return checkpoint;
  }

  function seekWithEvents(target: number): SeekResult {
    const n = clampPosition(length, target);
    const world = cloneWorld(startingPoint(n));
    let events: SimEvent[] = [];
    while (world.stepsApplied < n) {
      const boundary = (Math.floor(world.stepsApplied / checkpointEvery) + 1) * checkpointEvery;
      const until = Math.min(n, boundary);
      replay(world, scenario, until, (stepEvents) => {
        events = stepEvents;
      });
      if (until === boundary && !checkpoints.has(boundary)) checkpoints.set(boundary, cloneWorld(world));
    }
    last = world;
    return { world, events };
  }

  const lastBoundary = length - (length % checkpointEvery);
  function furthestCheckpoint(): number {
    let furthest = 0;
    for (const at of checkpoints.keys()) furthest = Math.max(furthest, at);
    return furthest;
  }

  function precompute(maxSteps: number): boolean {
    const from = furthestCheckpoint();
    if (from >= lastBoundary) return true;
    if (!ahead || ahead.stepsApplied < from) ahead = cloneWorld(checkpoints.get(from) as World);
    const stop = Math.min(lastBoundary, ahead.stepsApplied + Math.max(1, Math.floor(maxSteps)));
    while (ahead.stepsApplied < stop) {
      const boundary = (Math.floor(ahead.stepsApplied / checkpointEvery) + 1) * checkpointEvery;
      const until = Math.min(stop, boundary);
      replay(ahead, scenario, until);
      if (until === boundary && !checkpoints.has(boundary)) checkpoints.set(boundary, cloneWorld(ahead));
    }
    return ahead.stepsApplied >= lastBoundary;
  }

  return {
    scenario,
    length,
    precompute,
    seek: (n) => seekWithEvents(n).world,
    seekWithEvents,
    checkpointPositions: () => [...checkpoints.keys()].sort((a, b) => a - b),
    checkpointAt: (at) => checkpoints.get(at),
    checkpointEvery,
    derive(next, unchangedSteps) {
      const kept = new Map([...checkpoints].filter(([at]) => at <= unchangedSteps));
      const keptLast = last && last.stepsApplied <= unchangedSteps ? last : null;
      return createTimeline(next, checkpointEvery, { checkpoints: kept, last: keptLast });
    },
  };
}
