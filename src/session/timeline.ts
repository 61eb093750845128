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
import { applyRunEvents, applyStep, type FiredEvent } from '../core/step';

export const DEFAULT_CHECKPOINT_EVERY = 50;

/**
 * What a position is worth finding again on the scrubber: the most telling kind of event its
 * step caused (an anomaly before a new leader, before a truncation, before an ISR change, before
 * a broker changing state).
 */
export type TimelineMark = 'anomaly' | 'leader' | 'truncate' | 'isr' | 'broker';
const MARK_ORDER: TimelineMark[] = ['anomaly', 'leader', 'truncate', 'isr', 'broker'];
const MARK_OF: Partial<Record<SimEvent['type'], TimelineMark>> = {
  anomaly: 'anomaly', 'leader-change': 'leader', truncate: 'truncate', 'isr-shrink': 'isr', 'isr-expand': 'isr', 'broker-state': 'broker',
};

export function markOf(events: SimEvent[]): TimelineMark | null {
  let best: TimelineMark | null = null;
  for (const event of events) {
    const mark = MARK_OF[event.type];
    if (mark && (best === null || MARK_ORDER.indexOf(mark) < MARK_ORDER.indexOf(best))) best = mark;
  }
  return best;
}

export interface SeekResult {
  world: World;
  /** The events of the step that led to this position (empty at 0 and when it was not replayed). */
  events: SimEvent[];
  /** That step's timed events (a `run` step's), each with what it caused, for the animation. */
  fired: FiredEvent[];
}

/** A position inside a `run` step: `event` of its timed events applied after `position` steps. */
export interface EventSeekResult extends SeekResult {
  position: number;
  /** The timed events applied (0 at the boundary: then `world` is the one at `position`). */
  event: number;
  /** All timed events of step `position + 1` (0 for a step other than `run`, or at the end). */
  eventCount: number;
}

export interface Timeline {
  readonly scenario: Scenario;
  /** The number of steps: the last position. */
  readonly length: number;
  /** The world after the first `n` steps (`n` clamped to [0, length]). */
  seek(n: number): World;
  /** Like `seek`, with the events of the step that ends at `n` (for animation). */
  seekWithEvents(n: number): SeekResult;
  /**
   * The world after `n` steps and then the first `k` timed events of step `n + 1` (`k` clamped
   * to [0, eventCount(n)]), with what the `k`-th event caused (`fired` holds that one event).
   */
  seekEvent(n: number, k: number): EventSeekResult;
  /** How many timed events step `n + 1` has (0 when it is not a `run` step, or past the end). */
  eventCount(n: number): number;
  /** Positions that have a checkpoint now, ascending (for tests and the inspector). */
  checkpointPositions(): number[];
  /** The checkpoint nearest at or before `n` (0's at least; never to be changed: for saving). */
  checkpointAtOrBefore(n: number): World;
  readonly checkpointEvery: number;
  /**
   * The marks of the positions worked ahead so far, by position: the step that ends there caused
   * it. Grows as working ahead goes on; never changes a position's mark (replays are
   * deterministic). Seeks do not note marks: their replays stay lean.
   */
  marks(): ReadonlyMap<number, TimelineMark>;
  /**
   * The timeline of an edited scenario with the same cluster whose first `unchangedSteps` steps
   * are the same: it keeps the checkpoints at or before that position, so an edit near the end
   * does not replay from zero.
   */
  derive(scenario: Scenario, unchangedSteps: number): Timeline;
  /**
   * Work ahead: replays up to `maxSteps` more steps on a private copy, from the frontier of what
   * has been replayed, adding the checkpoints and marks it passes. Returns true once the whole
   * scenario has been replayed.
   * The app calls it in idle time, so a later jump starts from a near checkpoint. It never
   * changes a world a seek returned.
   */
  precompute(maxSteps: number): boolean;
  /**
   * `pick(world)` at every position from `from` to `to` (clamped), for charts over the timeline
   * (the groups panel's lag). Positions not picked before under `key` are replayed on a private
   * copy from the nearest checkpoint (or the last world a seek returned); `pick` must be a pure
   * function of the world, the same for the same `key`, returning plain data. Values are kept by
   * position and `derive` keeps those before an edit, so moving one step picks one new value.
   */
  samples<T>(key: string, from: number, to: number, pick: (world: World) => T): T[];
  /**
   * How many steps `seek(n)` would replay from where it would start (the last world returned or
   * the nearest checkpoint): the session sends a long replay to its worker (replayWorker.ts).
   */
  replayDistance(n: number): number;
  /**
   * Takes a world replayed elsewhere (the session's worker) as if `seek` had returned it: later
   * seeks near it start from it. `checkpoint`, when given, is a world at a multiple of
   * `checkpointEvery` that becomes a checkpoint (for persistence and later seeks). Both must be
   * worlds of this scenario that nobody changes again; replays are deterministic, so they equal
   * what this timeline would have replayed.
   */
  adopt(world: World, checkpoint?: World | null): void;
  /** Notes marks found by working ahead elsewhere (the worker's `Timeline.precompute`). */
  adoptMarks(entries: Iterable<readonly [number, TimelineMark]>): void;
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

/**
 * How many array slots (log entries of every replica, two per produced record, the queued
 * events and held produces) all
 * checkpoints may hold together. A checkpoint shares the records but copies those arrays, so
 * checkpoints every 50 steps of a 100,000-step scenario would hold over a gigabyte; past the
 * budget every other checkpoint is dropped and the spacing doubles (a seek then replays at most
 * twice as far). 4 million slots are about 32 MB of references.
 */
export const DEFAULT_CHECKPOINT_BUDGET = 4_000_000;

/** `samples` forgets a key's values past this many positions (and starts again). */
const MAX_PICKED = 5_000;

/** About how many checkpoints a far jump keeps on its way (`advance`). */
const SPARSE_CHECKPOINTS = 8;

export interface TimelineOptions {
  /** Checkpoints (and the last world) kept from the timeline this one is derived from. */
  inherited?: { checkpoints: Map<number, World>; last: World | null; spacing: number; marks: Map<number, TimelineMark>; replayedUpTo: number; picked?: Map<string, Map<number, unknown>> };
  seed?: TimelineSeed;
  budget?: number;
}

/** The array slots a checkpoint of `world` holds (what `cloneWorld` copies). */
export function checkpointWeight(world: World): number {
  let slots = 2 * world.produced.length + world.queue.heap.length + world.pendingProduces.length;
  for (const topic of world.topics) {
    for (const partition of topic.partitions) for (const replica of partition.replicaStates) slots += replica.log.length;
  }
  return slots;
}

export function createTimeline(scenario: Scenario, checkpointEvery = DEFAULT_CHECKPOINT_EVERY, options: TimelineOptions = {}): Timeline {
  if (!Number.isInteger(checkpointEvery) || checkpointEvery < 1) {
    throw new Error(`checkpointEvery must be a positive integer, got ${checkpointEvery}`);
  }
  const { inherited, seed, budget = DEFAULT_CHECKPOINT_BUDGET } = options;
  const length = scenario.steps.length;
  const checkpoints = inherited?.checkpoints ?? new Map<number, World>([[0, createWorld(scenario)]]);
  /** Checkpoints sit on multiples of this: `checkpointEvery`, doubled each time the budget is hit. */
  let spacing = inherited?.spacing ?? checkpointEvery;
  let weight = 0;
  for (const world of checkpoints.values()) weight += checkpointWeight(world);
  let last: World | null = inherited?.last ?? null;
  const marks = inherited?.marks ?? new Map<number, TimelineMark>();
  /** Working ahead has replayed every step up to this position (so its mark, if any, is known). */
  let replayedUpTo = inherited?.replayedUpTo ?? 0;
  /** `precompute`'s own world, at its furthest checkpoint or a little past it. */
  let ahead: World | null = null;
  /** What `samples` picked, by key, then by position. */
  const picked = inherited?.picked ?? new Map<string, Map<number, unknown>>();

  /** Keeps `world` (the caller's, never changed again) as the checkpoint at its position. */
  function keep(world: World): void {
    checkpoints.set(world.stepsApplied, world);
    weight += checkpointWeight(world);
    while (weight > budget && checkpoints.size > 2) {
      // Thin out: keep 0, the newest and every multiple of twice the spacing.
      spacing *= 2;
      const newest = Math.max(...checkpoints.keys());
      for (const [at, kept] of checkpoints) {
        if (at !== 0 && at !== newest && at % spacing !== 0) {
          checkpoints.delete(at);
          weight -= checkpointWeight(kept);
        }
      }
      if (spacing > length) break;
    }
  }

  const seeded = seed?.world.stepsApplied;
  if (seed && seeded !== undefined && seeded > 0 && seeded <= length && seeded % checkpointEvery === 0) keep(seed.world);

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

  /**
   * Replays `world` to `until`, keeping a checkpoint at each multiple of the spacing it reaches.
   * Only working ahead (`recordMarks`) notes the marks: a jump's replay stays as lean as it can be,
   * since most of its cost is code the browser has not compiled yet.
   *
   * A far jump (`sparse`) keeps fewer: at most about `SPARSE_CHECKPOINTS` on its way, and the last
   * multiple of the spacing before `until`. Each checkpoint copies every log so far, so a jump
   * across a long scenario copied quadratically: 60 checkpoints were a sixth of a cold
   * 3,000-step jump in the replay worker. Working ahead fills in the rest later (it keeps every
   * multiple it reaches), and a seek between two far checkpoints keeps its own on the way.
   */
  function advance(world: World, until: number, onStep?: (events: SimEvent[]) => void, recordMarks = false, sparse = false): void {
    const start = world.stepsApplied;
    const each = recordMarks
      ? (events: SimEvent[]) => {
        const mark = markOf(events);
        if (mark) marks.set(world.stepsApplied, mark);
      }
      : onStep;
    let every = spacing;
    while (sparse && (until - start) / every > SPARSE_CHECKPOINTS) every *= 2;
    while (world.stepsApplied < until) {
      const boundary = (Math.floor(world.stepsApplied / spacing) + 1) * spacing;
      const stop = Math.min(until, boundary);
      replay(world, scenario, stop, each);
      const wanted = boundary % every === 0 || boundary + spacing > until;
      if (stop === boundary && wanted && !checkpoints.has(boundary)) keep(cloneWorld(world));
    }
    if (recordMarks && start <= replayedUpTo && world.stepsApplied > replayedUpTo) replayedUpTo = world.stepsApplied;
  }

  function seekWithEvents(target: number): SeekResult {
    const n = clampPosition(length, target);
    const world = cloneWorld(startingPoint(n));
    let events: SimEvent[] = [];
    const fired: FiredEvent[] = [];
    if (world.stepsApplied < n) {
      // All but the last step plainly; the last one tells its timed events, for the animation.
      advance(world, n - 1, undefined, false, true);
      events = applyStep(world, scenario.steps[n - 1], n - 1, (one) => fired.push(one));
      // The world itself: a returned world is never changed again, and the worker's answer then
      // carries one copy of it, not two (structured clone keeps a shared object shared).
      if (n % spacing === 0 && !checkpoints.has(n)) keep(world);
    }
    last = world;
    return { world, events, fired };
  }

  /** Event counts of run steps, by position (the step after it), found by running the step once. */
  const eventCounts = new Map<number, number>();
  /** The last world `seekEvent` returned inside a step (never handed out again: it is cloned). */
  let inside: { position: number; event: number; endMs: number; world: World } | null = null;

  function boundaryWorld(n: number): World {
    const world = cloneWorld(startingPoint(n));
    advance(world, n, undefined, false, true);
    last = world;
    return world;
  }

  function eventCount(target: number): number {
    const n = clampPosition(length, target);
    const step = scenario.steps[n];
    if (n >= length || step.op !== 'run') return 0;
    const known = eventCounts.get(n);
    if (known !== undefined) return known;
    const world = cloneWorld(boundaryWorld(n));
    const count = applyRunEvents(world, world.timeMs + step.ms, Infinity).fired;
    eventCounts.set(n, count);
    return count;
  }

  function seekEvent(target: number, k: number): EventSeekResult {
    const n = clampPosition(length, target);
    const count = eventCount(n);
    const event = Math.max(0, Math.min(count, Math.floor(k)));
    if (event === 0) return { ...seekWithEvents(n), position: n, event: 0, eventCount: count };
    const step = scenario.steps[n];
    if (step.op !== 'run') throw new Error('assertion: only run steps have timed events');
    // Walking forward one event at a time goes on from the last world inside this step.
    const resume = inside && inside.position === n && inside.event < event ? inside : null;
    const world = cloneWorld(resume ? resume.world : boundaryWorld(n));
    const endMs = resume ? resume.endMs : world.timeMs + step.ms;
    const before = resume ? resume.event : 0;
    const fired: FiredEvent[] = [];
    if (event - before > 1) applyRunEvents(world, endMs, event - before - 1);
    const events = applyRunEvents(world, endMs, 1, (one) => fired.push(one)).events;
    inside = { position: n, event, endMs, world: cloneWorld(world) };
    return { world, events, fired, position: n, event, eventCount: count };
  }

  /**
   * Replays on from the frontier of what working ahead has replayed (from 0 at first: neither a
   * seek nor a reopened session's saved checkpoint notes marks), keeping checkpoints and marks,
   * to the end.
   */
  function precompute(maxSteps: number): boolean {
    if (replayedUpTo >= length) {
      ahead = null;
      return true;
    }
    const from = nearestCheckpoint(replayedUpTo);
    if (!ahead || ahead.stepsApplied < from.stepsApplied || ahead.stepsApplied > replayedUpTo) ahead = cloneWorld(from);
    advance(ahead, Math.min(length, ahead.stepsApplied + Math.max(1, Math.floor(maxSteps))), undefined, true);
    if (replayedUpTo < length) return false;
    ahead = null;
    return true;
  }

  function samples<T>(key: string, fromTarget: number, toTarget: number, pick: (world: World) => T): T[] {
    const from = clampPosition(length, fromTarget);
    const to = clampPosition(length, toTarget);
    let values = picked.get(key);
    if (!values || values.size > MAX_PICKED) {
      values = new Map();
      picked.set(key, values);
    }
    const known = values;
    let missing = from;
    while (missing <= to && known.has(missing)) missing++;
    if (missing <= to) {
      const world = cloneWorld(startingPoint(missing));
      const note = () => {
        if (world.stepsApplied >= missing && !known.has(world.stepsApplied)) known.set(world.stepsApplied, pick(world));
      };
      note();
      advance(world, to, note);
    }
    const out: T[] = [];
    for (let at = from; at <= to; at++) out.push(known.get(at) as T);
    return out;
  }

  function adopt(world: World, checkpoint?: World | null): void {
    if (world.stepsApplied > length) throw new Error(`assertion: an adopted world is past the end (${world.stepsApplied} > ${length})`);
    last = world;
    inside = null;
    const at = checkpoint?.stepsApplied;
    if (checkpoint && at !== undefined && at > 0 && at <= length && at % checkpointEvery === 0 && !checkpoints.has(at)) keep(checkpoint);
  }

  return {
    scenario,
    length,
    precompute,
    adopt,
    adoptMarks(entries) {
      for (const [at, mark] of entries) marks.set(at, mark);
    },
    replayDistance(target) {
      const n = clampPosition(length, target);
      return n - startingPoint(n).stepsApplied;
    },
    samples,
    seek: (n) => seekWithEvents(n).world,
    seekWithEvents,
    seekEvent,
    eventCount,
    checkpointPositions: () => [...checkpoints.keys()].sort((a, b) => a - b),
    checkpointAtOrBefore: (n) => nearestCheckpoint(clampPosition(length, n)),
    checkpointEvery,
    marks: () => marks,
    derive(next, unchangedSteps) {
      const kept = new Map([...checkpoints].filter(([at]) => at <= unchangedSteps));
      const keptLast = last && last.stepsApplied <= unchangedSteps ? last : null;
      const keptMarks = new Map([...marks].filter(([at]) => at <= unchangedSteps));
      const keptPicked = new Map([...picked].map(([key, values]) => [key, new Map([...values].filter(([at]) => at <= unchangedSteps))]));
      return createTimeline(next, checkpointEvery, {
        inherited: { checkpoints: kept, last: keptLast, spacing, marks: keptMarks, replayedUpTo: Math.min(replayedUpTo, unchangedSteps), picked: keptPicked },
        budget,
      });
    },
  };
}
