/**
 * Where the two panes part: the first timeline position at which computeDiffers (differs.ts)
 * finds a partition, replica or record that differs. Found in idle time, a few positions per
 * slice, each pane walked forward on a timeline of its own (each `seek(n + 1)` continues from the
 * world it returned at `n`, so the whole walk replays each scenario once), so playing, typing and
 * the panes' own stores never wait for it. Nothing here is kept after the answer: the walk's
 * timelines are dropped with it.
 */
import type { Scenario } from '../core/model/scenario';
import { buildReport } from '../core/scenario/report';
import { createTimeline } from '../session/timeline';
import { computeDiffers } from '../view/split/differs';
import { browserIdle, type IdleApi } from './idle';

export type FirstDifference = { state: 'searching'; checked: number } | { state: 'found'; at: number } | { state: 'none' };

/** Stop a slice when less than this many ms of the idle period remain. */
const RESERVE_MS = 3;

/** Whether the panes differ after `n` steps (the same test the `data-differs` marks use). */
export function differsAt(a: ReturnType<typeof createTimeline>, b: ReturnType<typeof createTimeline>, n: number): boolean {
  const d = computeDiffers(buildReport(a.seek(n)), buildReport(b.seek(n)));
  return d.partitions.size + d.replicas.size + d.records.size > 0;
}

/**
 * Walks both scenarios from position 0 in idle slices and calls `onUpdate` with progress and the
 * answer. Returns a stop function (the walk also stops itself once it has an answer).
 */
export function findFirstDifference(a: Scenario, b: Scenario, onUpdate: (result: FirstDifference) => void, idle: IdleApi = browserIdle(1000)): () => void {
  const ta = createTimeline(a);
  const tb = createTimeline(b);
  // Both documents have the same steps (a `vs` change never touches their number).
  const total = Math.min(a.steps.length, b.steps.length);
  let n = 0;
  let handle: number | null = null;
  const slice = (deadline: { timeRemaining(): number }) => {
    handle = null;
    do {
      if (differsAt(ta, tb, n)) return onUpdate({ state: 'found', at: n });
      n += 1;
      if (n > total) return onUpdate({ state: 'none' });
    } while (deadline.timeRemaining() > RESERVE_MS);
    onUpdate({ state: 'searching', checked: n });
    handle = idle.request(slice);
  };
  handle = idle.request(slice);
  return () => {
    if (handle !== null) idle.cancel(handle);
    handle = null;
  };
}
