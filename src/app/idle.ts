/**
 * The browser's idle time, handed out in short slices: working ahead (app/precompute.ts), the
 * split view's first difference (app/firstDifference.ts) and the chart's series
 * (view/chart/seriesJob.ts) all run here.
 *
 * An idle period can last 50 ms, and each job works until fewer than its reserve remain; a
 * period spent whole is a 50 ms task, which a key press arriving meanwhile waits behind, and
 * which a phone four times slower than this machine turns into 200 ms (what Lighthouse's mobile
 * run counts as blocking time). So a slice also ends after `SLICE_CAP_MS`, whatever is left of
 * the period: the rest of the work takes the next idle callback.
 */
export interface IdleDeadlineLike {
  timeRemaining(): number;
}

export interface IdleApi {
  request(callback: (deadline: IdleDeadlineLike) => void): number;
  cancel(handle: number): void;
}

/** The longest one slice of idle work runs (ms). */
export const SLICE_CAP_MS = 10;

/** A deadline that ends at the idle period's end or `SLICE_CAP_MS` after `start`, whichever is first. */
export function cappedDeadline(remaining: () => number, now: () => number): IdleDeadlineLike {
  const start = now();
  return { timeRemaining: () => Math.max(0, Math.min(remaining(), SLICE_CAP_MS - (now() - start))) };
}

/**
 * `requestIdleCallback` with capped slices; without it (Safari) a timer after `fallbackDelayMs`
 * whose slice is the cap alone.
 */
export function browserIdle(timeoutMs: number, fallbackDelayMs = 30): IdleApi {
  const now = () => performance.now();
  if (typeof requestIdleCallback === 'function') {
    return {
      request: (callback) => requestIdleCallback((deadline) => callback(cappedDeadline(() => deadline.timeRemaining(), now)), { timeout: timeoutMs }),
      cancel: (handle) => cancelIdleCallback(handle),
    };
  }
  return {
    request: (callback) => window.setTimeout(() => callback(cappedDeadline(() => Infinity, now)), fallbackDelayMs),
    cancel: (handle) => window.clearTimeout(handle),
  };
}

/**
 * Calls `then` in an idle period (`timeoutMs` at most) that starts `delayMs` after the page's load
 * event (at once if the page has loaded); returns a function that cancels it. For work the first
 * load must not share the network or the thread with: the service worker, a chart below the fold.
 */
export function afterPageLoad(then: () => void, { delayMs = 0, timeoutMs = 3000 }: { delayMs?: number; timeoutMs?: number } = {}): () => void {
  const idleApi = browserIdle(timeoutMs);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const wait = () => {
    timer = setTimeout(() => {
      idle = idleApi.request(then);
    }, delayMs);
  };
  if (document.readyState === 'complete') wait();
  else window.addEventListener('load', wait, { once: true });
  return () => {
    window.removeEventListener('load', wait);
    clearTimeout(timer);
    if (idle !== undefined) idleApi.cancel(idle);
  };
}
