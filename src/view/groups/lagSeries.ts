/**
 * The lag chart's numbers and geometry (pure). Lag is the partition's high watermark minus the
 * group's committed offset (the shared scenario-format.md, "Groups"), the same number as the
 * groups panel's table (groupRows.ts): `lagSample` picks it from a world at one position, and the
 * chart asks the session for it at each of the last `LAG_WINDOW` positions (Timeline.samples).
 * Scales are computed here by hand (a linear map and "nice" ticks), so no d3 scale module ships.
 */
import type { World } from '../../core/model/world';
import { leaderReplica, replicaOf } from '../../core/simContext';
import { compareTopicPartitions, lagOf } from './groupRows';
export { niceTicks } from '../chartTicks';

/** The chart covers at most this many positions back from the cursor. */
export const LAG_WINDOW = 200;
/** Per-partition lines are drawn up to this many partitions (else the group's total only). */
export const MAX_PARTITION_LINES = 6;

export interface LagSample {
  /** Steps applied. */
  position: number;
  timeMs: number;
  /** Group → `topic-partition` → lag, for the partitions the group has committed on. */
  lag: Record<string, Record<string, number>>;
}

/** The lag of every group on every partition it has committed on, in `world`. */
export function lagSample(world: World): LagSample {
  const lag: Record<string, Record<string, number>> = {};
  for (const g of world.groups.groups) {
    const byPartition: Record<string, number> = {};
    for (const [tp, offset] of Object.entries(g.committed)) {
      const dash = tp.lastIndexOf('-');
      const p = world.topics.find((t) => t.name === tp.slice(0, dash))?.partitions[Number(tp.slice(dash + 1))];
      if (!p) continue;
      // The partition's HW as the report gives it: its leader's, or without one its last leader's.
      const leader = leaderReplica(p) ?? replicaOf(p, p.lastLeader);
      byPartition[tp] = lagOf(leader ? leader.highWatermark : 0, offset);
    }
    lag[g.group] = byPartition;
  }
  return { position: world.stepsApplied, timeMs: world.timeMs, lag };
}

export interface LagSeries {
  positions: number[];
  timesMs: number[];
  /** The partitions the group committed on somewhere in the window, sorted. */
  partitions: string[];
  /** Per partition, its lag at each position (null before its first commit, or when gone). */
  byPartition: Record<string, (number | null)[]>;
  /** The sum over the partitions with a lag at that position (null when there is none). */
  total: (number | null)[];
}

export function lagSeries(samples: readonly LagSample[], group: string): LagSeries {
  const partitions = [...new Set(samples.flatMap((s) => Object.keys(s.lag[group] ?? {})))].sort(compareTopicPartitions);
  const byPartition: Record<string, (number | null)[]> = {};
  for (const tp of partitions) byPartition[tp] = samples.map((s) => s.lag[group]?.[tp] ?? null);
  const total = samples.map((s) => {
    const values = Object.values(s.lag[group] ?? {});
    return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
  });
  return { positions: samples.map((s) => s.position), timesMs: samples.map((s) => s.timeMs), partitions, byPartition, total };
}

/** The series from the group's first lag on (the positions before its first commit have nothing to draw). */
export function fromFirstValue(series: LagSeries): LagSeries {
  const start = series.total.findIndex((v) => v !== null);
  if (start <= 0) return series;
  const byPartition: Record<string, (number | null)[]> = {};
  for (const tp of series.partitions) byPartition[tp] = series.byPartition[tp].slice(start);
  return { ...series, positions: series.positions.slice(start), timesMs: series.timesMs.slice(start), byPartition, total: series.total.slice(start) };
}

/** The last non-null value of a line, with its index; null when the line is empty. */
export function lastValue(values: readonly (number | null)[]): { index: number; value: number } | null {
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (v !== null) return { index: i, value: v };
  }
  return null;
}

/** The highest value of a line and the first index it is reached at; null when empty. */
export function peakValue(values: readonly (number | null)[]): { index: number; value: number } | null {
  let best: { index: number; value: number } | null = null;
  values.forEach((v, index) => {
    if (v !== null && (best === null || v > best.value)) best = { index, value: v };
  });
  return best;
}


/** A linear map from [d0, d1] onto [r0, r1] (a zero-width domain maps to the range's middle). */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** An SVG path through the points, broken where a value is null. */
export function linePath(xs: readonly number[], values: readonly (number | null)[], y: (v: number) => number): string {
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${xs[i].toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  });
  return d;
}
