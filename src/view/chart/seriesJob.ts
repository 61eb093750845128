/**
 * Builds a scenario's series in idle time (as app/precompute.ts works the timeline ahead): a few
 * steps per slice, stopping when the idle period runs low, so stepping and typing never wait for
 * the chart. One job per scenario object (a document and its edits are new objects), kept while
 * the scenario is; a scenario that only appends steps to a finished one continues from its end.
 */
import type { Scenario } from '../../core/model/scenario';
import { browserIdle, type IdleApi as SliceApi } from '../../app/idle';
import { SeriesBuilder, sharedPrefix, type ScenarioSeries } from './partitionSeries';

/**
 * Steps per call of `advance`: one, with the deadline checked after each (a step of a large
 * cluster costs a few milliseconds; a slice run on its timeout while playing made ten of them a
 * 20–30 ms task in the middle of playback).
 */
const SLICE_STEPS = 1;
/** Stop a slice when less than this many ms of the idle period remain. */
const RESERVE_MS = 3;
/** Progress is told at most this often (a redraw per slice would cost more than the slice). */
const NOTIFY_EVERY_MS = 250;
/** Finished jobs kept for continuing after an appended step (both panes of a split, and one more). */
const RECENT = 4;

/** Idle slices (app/idle.ts) and a clock for how often progress is told. */
export interface IdleApi extends SliceApi {
  now(): number;
}

const idleWithClock = (): IdleApi => ({ ...browserIdle(1000), now: () => performance.now() });

export interface SeriesJob {
  readonly scenario: Scenario;
  readonly series: ScenarioSeries;
  readonly done: boolean;
  /** Grows each time listeners are told (progress or done): a snapshot for useSyncExternalStore. */
  readonly version: number;
  /** Work goes on while someone listens. */
  subscribe(listener: () => void): () => void;
}

const jobs = new WeakMap<Scenario, SeriesJob>();
const recent: { scenario: Scenario; builder: SeriesBuilder }[] = [];

export function createSeriesJob(scenario: Scenario, idle: IdleApi, earlier?: SeriesBuilder): SeriesJob & { builder: SeriesBuilder } {
  const builder = earlier ? new SeriesBuilder(scenario, { series: earlier.series, world: earlier.current }) : new SeriesBuilder(scenario);
  const listeners = new Set<() => void>();
  let handle: number | null = null;
  let version = 0;
  let toldAt = idle.now();

  const tell = () => {
    version++;
    toldAt = idle.now();
    for (const listener of [...listeners]) listener();
  };
  const slice = (deadline: { timeRemaining(): number }) => {
    handle = null;
    let done = builder.advance(SLICE_STEPS);
    while (!done && deadline.timeRemaining() > RESERVE_MS) done = builder.advance(SLICE_STEPS);
    if (done) {
      remember(scenario, builder);
      tell();
    } else {
      if (idle.now() - toldAt >= NOTIFY_EVERY_MS) tell();
      if (listeners.size > 0) handle = idle.request(slice);
    }
  };
  return {
    scenario,
    builder,
    get series() { return builder.series; },
    get done() { return builder.done; },
    get version() { return version; },
    subscribe(listener) {
      listeners.add(listener);
      if (!builder.done && handle === null) handle = idle.request(slice);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && handle !== null) {
          idle.cancel(handle);
          handle = null;
        }
      };
    },
  };
}

function remember(scenario: Scenario, builder: SeriesBuilder): void {
  const at = recent.findIndex((r) => r.scenario === scenario);
  if (at >= 0) recent.splice(at, 1);
  recent.unshift({ scenario, builder });
  recent.length = Math.min(recent.length, RECENT);
}

/** The job for `scenario` (made on first ask; continued from a finished build it extends). */
export function seriesJobFor(scenario: Scenario, idle: IdleApi = idleWithClock()): SeriesJob {
  const known = jobs.get(scenario);
  if (known) return known;
  const earlier = recent.find((r) => r.scenario.steps.length <= scenario.steps.length && sharedPrefix(r.scenario, scenario) === r.scenario.steps.length);
  const job = createSeriesJob(scenario, idle, earlier?.builder);
  jobs.set(scenario, job);
  return job;
}
