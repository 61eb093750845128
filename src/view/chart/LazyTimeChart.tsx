/**
 * The chart over time as the first page knows it: a lazy chunk (TimeChart.tsx with its texts,
 * styles and the series builder), loaded when a partition is in focus.
 */
import { lazy, Suspense } from 'react';
import type { TimeChartProps } from './TimeChart';

const TimeChart = lazy(() => import('./TimeChart'));

export function LazyTimeChart(props: TimeChartProps) {
  return <Suspense fallback={null}><TimeChart {...props} /></Suspense>;
}
