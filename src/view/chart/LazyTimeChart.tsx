/**
 * The chart over time as the first page knows it: a lazy chunk (TimeChart.tsx with its texts,
 * styles and the series builder), loaded when a partition is in focus. Under the inspector
 * (`whenNear`) it is built only when its place comes within half a screen of the viewport: on a first
 * load the inspector sits below the fold (at 1280×720 and on a phone), and building the chart
 * there (its chunk, its series over the whole timeline, its first render: about 30 ms, 120 ms on
 * a throttled phone) competed with the first paint for something nobody could see yet. Nor does
 * it wait for a scroll for ever: three seconds after the page's load, in an idle period, it is
 * built anyway, so it is there when the reader (or a full-page screenshot) gets to it. The split
 * view, opened to compare, builds its chart at once.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { afterPageLoad } from '../../app/idle';
import type { TimeChartProps } from './TimeChart';

const TimeChart = lazy(() => import('./TimeChart'));

/** How near the viewport the chart's place must come for the chart to be built: half a screen. */
const NEAR = '50% 0px';
/** Otherwise it is built this long after the page has loaded, in an idle period. */
const AFTER_LOAD_MS = 3000;

export function LazyTimeChart({ whenNear = false, ...props }: TimeChartProps & { whenNear?: boolean }) {
  const slot = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(() => !whenNear || typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = slot.current;
    if (near || !el) return undefined;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setNear(true);
    }, { rootMargin: NEAR });
    observer.observe(el);
    const stopWaiting = afterPageLoad(() => setNear(true), { delayMs: AFTER_LOAD_MS, timeoutMs: 2000 });
    return () => {
      observer.disconnect();
      stopWaiting();
    };
  }, [near]);
  if (!near) return <div ref={slot} className="time-chart-slot" />;
  return <Suspense fallback={null}><TimeChart {...props} /></Suspense>;
}
