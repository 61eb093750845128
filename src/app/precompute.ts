/**
 * Works the timeline ahead while the browser is idle: after a scenario opens or changes, the
 * store's `precompute` replays a few steps at a time inside idle callbacks, adding checkpoints
 * to the end. A jump across a long scenario then starts from a near checkpoint with warmed-up
 * code, instead of replaying thousands of steps while the user waits. Each slice stops when the
 * idle period runs low, so playing and typing never wait for it.
 *
 * A scenario longer than the store's `OFFLOAD_DISTANCE` is worked ahead in the session's worker
 * instead (the store's `precompute` hands it over and says there is nothing left here).
 *
 * `?precompute=0` turns it off (the benchmark's strict "cold" jump uses it).
 */
import type { SessionStore } from '../store/sessionStore';
import { browserIdle, type IdleApi } from './idle';

/**
 * Steps per call: one, with the deadline checked after each. A step of a large cluster costs a
 * few milliseconds, and a slice whose idle callback fired on its timeout (no idle time: playing)
 * runs one call whatever the deadline says; 25 steps made such slices 20–30 ms tasks.
 */
const SLICE_STEPS = 1;
/** Stop a slice when less than this many ms of the idle period remain. */
const RESERVE_MS = 3;

export function precomputeEnabled(search: string): boolean {
  return new URLSearchParams(search).get('precompute') !== '0';
}

/** Starts working ahead now and whenever the scenario changes; returns a stop function. */
export function installPrecompute(store: SessionStore, idle: IdleApi = browserIdle(2000, 50)): () => void {
  let handle: number | null = null;
  const slice = (deadline: { timeRemaining(): number }) => {
    handle = null;
    let done = store.getState().precompute(SLICE_STEPS);
    while (!done && deadline.timeRemaining() > RESERVE_MS) done = store.getState().precompute(SLICE_STEPS);
    if (!done) handle = idle.request(slice);
  };
  const start = () => {
    if (handle === null) handle = idle.request(slice);
  };
  start();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.scenario !== previous.scenario) start();
  });
  return () => {
    unsubscribe();
    if (handle !== null) idle.cancel(handle);
  };
}
