/**
 * The chart's facts on hand-made series (hand-worked expectations), and on KIP-101 scenario 1
 * under both truncation modes: with truncation to the HW broker 2's LEO falls back (the lost
 * record); with leader epochs it does not, and the two part where the HW mode truncates.
 */
import '../../core/allFeatures';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../core/scenario/scenarioText';
import { changeSteps, chartFacts, firstDifference, linear, stepPath, windowAround } from './chartFacts';
import { buildSeries, type PartitionSeries } from './partitionSeries';

function series(hw: number[], leo: Record<number, number[]>, isr: number[][]): PartitionSeries {
  return {
    topic: 't', partition: 0, brokers: Object.keys(leo).map(Number), hw, isr, leader: hw.map(() => 1),
    leo: new Map(Object.entries(leo).map(([b, v]) => [Number(b), v])),
  };
}

const kip101 = (truncation: string) => {
  const document = JSON.parse(readFileSync('scenarios/golden/kip101-scenario1-high-watermark.json', 'utf8')) as { cluster: object };
  const parsed = parseScenarioText(JSON.stringify({ ...document, cluster: { ...document.cluster, truncation } }));
  if (!parsed.ok) throw new Error('invalid');
  return buildSeries(parsed.scenario);
};

describe('chartFacts', () => {
  // Steps 0..9: the HW is 2 from step 4 to 9 while broker 2's LEO falls back to 1 at step 7.
  const s = series(
    [0, 0, 1, 1, 2, 2, 2, 2, 2, 2],
    { 1: [0, 1, 2, 2, 2, 2, 2, 2, 2, 2], 2: [0, 1, 1, 2, 2, 2, 2, 1, 1, 2] },
    [[1, 2], [1, 2], [1, 2], [1, 2], [1, 2], [1], [1], [1], [1, 2], [1, 2]],
  );

  it('the HW run around the cursor, the falls, the ISR low', () => {
    const facts = chartFacts(s, 6, 9);
    expect(facts.hw).toEqual({ value: 2, from: 4, to: 9 });
    expect(facts.falls).toEqual([{ broker: 2, from: 2, to: 1, step: 7 }]);
    expect(facts.isrLow).toEqual({ size: 1, step: 5, replicas: 2 });
    expect(chartFacts(s, 1, 9).hw).toEqual({ value: 0, from: 0, to: 1 });
  });

  it('only what is known so far: up to `upTo`', () => {
    expect(chartFacts(s, 4, 6).hw).toEqual({ value: 2, from: 4, to: 6 });
    expect(chartFacts(s, 4, 6).falls).toEqual([]);
  });

  it('change steps and the window around the cursor', () => {
    expect(changeSteps(s, 9)).toEqual([0, 1, 2, 3, 4, 5, 7, 8, 9]);
    expect(windowAround([0, 1, 2, 3, 4, 5, 7, 8, 9], 7, 3)).toEqual([5, 7, 8]);
    expect(windowAround([0, 1, 2], 7, 5)).toEqual([0, 1, 2]);
    expect(windowAround([0, 1, 2, 3, 4, 5], 0, 2)).toEqual([0, 1]);
    expect(windowAround([0, 1, 2, 3, 4, 5], 99, 2)).toEqual([4, 5]);
  });

  it('a step path holds each value until the next position, and thins to the columns', () => {
    const x = linear(0, 3, 0, 30);
    const y = (v: number) => 100 - v;
    expect(stepPath([1, 1, 3, 2], 3, x, y)).toBe('M0,99H10H20V97H30V98H35');
    expect(stepPath([1, null, 2, 2], 3, x, y)).toBe('M0,99H10M20,98H30H35');
    // 4 positions in 2 columns: each column a stroke from its low to its high, ending at its last.
    expect(stepPath([1, 3, 2, 2], 3, x, y, 2)).toBe('M0,99V99V97V97H20V98H30');
  });

  it('KIP-101 scenario 1: with truncation to the HW broker 2 falls back, with leader epochs not; the panes part there', () => {
    const hw = kip101('high-watermark');
    const epoch = kip101('leader-epoch');
    const a = epoch.partitions.get('t-0');
    const b = hw.partitions.get('t-0');
    if (!a || !b) throw new Error('no t-0');
    const fallsHw = chartFacts(b, hw.length, hw.length).falls.filter((f) => f.broker === 2);
    expect(fallsHw).toEqual([{ broker: 2, from: 2, to: 1, step: 11 }]);
    expect(chartFacts(a, epoch.length, epoch.length).falls.filter((f) => f.broker === 2)).toEqual([]);
    expect(firstDifference(a, b, hw.length)).toBe(11);
  });
});
