/**
 * The chart over time in numbers (pure): what the summary sentence says (the HW's run of equal
 * values around the cursor, a LEO or the HW falling back, the ISR's smallest size), where two
 * panes' series part, the steps worth a row in the table of values, and the geometry (scales,
 * ticks, step-line paths thinned to the pixels there are).
 */
import type { PartitionSeries } from './partitionSeries';
export { niceTicks } from '../chartTicks';

export interface Fall {
  /** null: the partition's HW; else the replica's broker (its LEO). */
  broker: number | null;
  from: number;
  to: number;
  step: number;
}

export interface ChartFacts {
  /** The HW at `at` and the run of positions around it where it had that value. */
  hw: { value: number; from: number; to: number } | null;
  /** Every fall of the HW or of a replica's LEO, in step order. */
  falls: Fall[];
  /** The ISR's smallest size and the first step it had it, when below the replicas' count. */
  isrLow: { size: number; step: number; replicas: number } | null;
  /** The most replicas the partition had. */
  replicas: number;
}

/** What does not depend on the cursor, by series (a series only grows: keyed by `upTo` too). */
const wholeFacts = new WeakMap<PartitionSeries, { upTo: number; facts: Omit<ChartFacts, 'hw'> }>();

function timelineFacts(s: PartitionSeries, upTo: number): Omit<ChartFacts, 'hw'> {
  const known = wholeFacts.get(s);
  if (known && known.upTo === upTo) return known.facts;
  const falls: Fall[] = [];
  const noteFalls = (broker: number | null, values: readonly (number | null)[]) => {
    for (let i = 1; i <= upTo; i++) {
      const before = values[i - 1];
      const now = values[i];
      if (before !== null && now !== null && before !== undefined && now !== undefined && now < before) falls.push({ broker, from: before, to: now, step: i });
    }
  };
  noteFalls(null, s.hw);
  for (const broker of s.brokers) noteFalls(broker, s.leo.get(broker) ?? []);
  falls.sort((a, b) => a.step - b.step || (a.broker ?? -1) - (b.broker ?? -1));
  let replicas = 0;
  for (let i = 0; i <= upTo; i++) {
    let n = 0;
    for (const values of s.leo.values()) if (values[i] !== null && values[i] !== undefined) n++;
    replicas = Math.max(replicas, n);
  }
  let isrLow: ChartFacts['isrLow'] = null;
  for (let i = 0; i <= upTo; i++) {
    const size = s.isr[i]?.length;
    if (size !== undefined && size < replicas && (isrLow === null || size < isrLow.size)) isrLow = { size, step: i, replicas };
  }
  const facts = { falls, isrLow, replicas };
  wholeFacts.set(s, { upTo, facts });
  return facts;
}

export function chartFacts(s: PartitionSeries, at: number, upTo: number): ChartFacts {
  const value = s.hw[at] ?? null;
  let hw: ChartFacts['hw'] = null;
  if (value !== null) {
    let from = at;
    while (from > 0 && s.hw[from - 1] === value) from--;
    let to = at;
    while (to < upTo && s.hw[to + 1] === value) to++;
    hw = { value, from, to };
  }
  return { hw, ...timelineFacts(s, upTo) };
}

const sameIsr = (a: readonly number[] | null | undefined, b: readonly number[] | null | undefined) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((v, i) => v === b[i]));

/** Whether the partition's numbers (HW, LEOs, ISR, leader) differ between `a` and `b` at `i`. */
export function differsAt(a: PartitionSeries | undefined, b: PartitionSeries | undefined, i: number): boolean {
  if (!a || !b) return a !== b;
  if ((a.hw[i] ?? null) !== (b.hw[i] ?? null) || (a.leader[i] ?? null) !== (b.leader[i] ?? null) || !sameIsr(a.isr[i], b.isr[i])) return true;
  const brokers = new Set([...a.brokers, ...b.brokers]);
  for (const broker of brokers) if ((a.leo.get(broker)?.[i] ?? null) !== (b.leo.get(broker)?.[i] ?? null)) return true;
  return false;
}

/** The first position where the two series differ, or null when they agree up to `upTo`. */
export function firstDifference(a: PartitionSeries | undefined, b: PartitionSeries | undefined, upTo: number): number | null {
  for (let i = 0; i <= upTo; i++) if (differsAt(a, b, i)) return i;
  return null;
}

/** Whether the partition's numbers differ between positions `i` and `j` of one series. */
function changed(s: PartitionSeries, i: number, j: number): boolean {
  if ((s.hw[i] ?? null) !== (s.hw[j] ?? null) || (s.leader[i] ?? null) !== (s.leader[j] ?? null) || !sameIsr(s.isr[i], s.isr[j])) return true;
  for (const values of s.leo.values()) if ((values[i] ?? null) !== (values[j] ?? null)) return true;
  return false;
}

const changes = new WeakMap<PartitionSeries, { upTo: number; steps: number[] }>();

/** Positions where something the table shows changed (0 always), ascending. */
export function changeSteps(s: PartitionSeries, upTo: number): number[] {
  const known = changes.get(s);
  if (known && known.upTo === upTo) return known.steps;
  const steps = [0];
  for (let i = 1; i <= upTo; i++) if (changed(s, i - 1, i)) steps.push(i);
  changes.set(s, { upTo, steps });
  return steps;
}

/** Positions where the HW changed (not 0), ascending. */
export function hwSteps(s: PartitionSeries, upTo: number): number[] {
  const steps: number[] = [];
  for (let i = 1; i <= upTo; i++) if ((s.hw[i] ?? null) !== (s.hw[i - 1] ?? null)) steps.push(i);
  return steps;
}

/** Up to `count` of `steps` around `at`: the nearest ones on both sides, ascending. */
export function windowAround(steps: readonly number[], at: number, count: number): number[] {
  if (steps.length <= count) return [...steps];
  let centre = steps.findIndex((s) => s >= at);
  if (centre < 0) centre = steps.length - 1;
  const start = Math.max(0, Math.min(steps.length - count, centre - Math.floor(count / 2)));
  return steps.slice(start, start + count);
}

/** A linear map from [d0, d1] onto [r0, r1] (a zero-width domain maps to the range's start). */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => r0;
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}


/**
 * A step line (a value holds until the next position) through `values[0..upTo]`, broken where a
 * value is null; the last value holds for half a step. Past `columns` positions, each column of positions is drawn as a vertical
 * stroke from its smallest to its largest value, ending at its last one: a long timeline costs
 * as many segments as there are pixels, and no fall shorter than a column disappears.
 */
export function stepPath(values: readonly (number | null)[], upTo: number, x: (i: number) => number, y: (v: number) => number, columns = 600): string {
  const f = (n: number) => (Math.round(n * 10) / 10).toString();
  let d = '';
  let pen: number | null = null;
  const stride = Math.max(1, Math.ceil((upTo + 1) / columns));
  for (let start = 0; start <= upTo; start += stride) {
    const end = Math.min(upTo, start + stride - 1);
    let lo = Infinity;
    let hi = -Infinity;
    let first: number | null = null;
    let last: number | null = null;
    for (let i = start; i <= end; i++) {
      const v = values[i] ?? null;
      if (v === null) {
        if (last !== null) break;
        continue;
      }
      if (first === null) first = v;
      last = v;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (first === null || last === null) {
      if (pen !== null) d += `H${f(x(start))}`;
      pen = null;
      continue;
    }
    if (pen === null) d += `M${f(x(start))},${f(y(first))}`;
    else d += `H${f(x(start))}${pen === first ? '' : `V${f(y(first))}`}`;
    if (lo !== hi) d += `V${f(y(lo))}V${f(y(hi))}V${f(y(last))}`;
    pen = last;
  }
  if (pen !== null) d += `H${f(x(upTo + (stride > 1 ? 0 : 0.5)))}`;
  return d;
}
