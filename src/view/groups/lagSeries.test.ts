import { describe, expect, it } from 'vitest';
import { buildReport } from '../../core/scenario/report';
import { simulate } from '../../core/scenario/runScenario';
import { validateScenarioDocument } from '../../core/scenario/validateScenario';
import { createTimeline } from '../../session/timeline';
import { committedRows } from './groupRows';
import { fromFirstValue, lagSample, lagSeries, lastValue, linear, linePath, niceTicks, peakValue, type LagSample } from './lagSeries';

function scenarioOf(document: Record<string, unknown>) {
  const result = validateScenarioDocument(document);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.scenario;
}

const c1 = { group: 'g', member: 'c1' };
/**
 * One partition with one replica and one __consumer_offsets replica, so the HW moves with each
 * append and a commit counts at once; manual replication, so the consumer polls only when told,
 * and no auto commit.
 */
const pausedConsumer = scenarioOf({
  version: 1, seed: 2,
  cluster: { brokers: 3, replication: 'manual', config: { 'offsets.topic.replication.factor': 1, 'offsets.topic.num.partitions': 3 } },
  consumer: { config: { 'auto.offset.reset': 'earliest', 'enable.auto.commit': false } },
  topics: [{ name: 'orders', partitions: 1, replicationFactor: 1 }],
  steps: [
    { op: 'subscribe', ...c1, topics: ['orders'] }, { op: 'run', ms: 4000 },
    { op: 'produce', topic: 'orders', key: 'k{i}', value: 'v', count: 5 }, { op: 'poll', ...c1 }, { op: 'commit', ...c1 },
    { op: 'produce', topic: 'orders', key: 'k{i}', value: 'v', count: 3 }, { op: 'pause', ...c1 },
    { op: 'produce', topic: 'orders', key: 'k{i}', value: 'v', count: 4 }, { op: 'resume', ...c1 }, { op: 'commit', ...c1 },
  ],
});

describe('lag over the timeline', () => {
  it('a paused consumer builds a backlog that drains when it resumes and commits (worked by hand)', () => {
    // Nothing committed until step 5 (commit at 5 after polling 5 records): lag 0; 3 more records
    // → 3; paused, 4 more → 7; resume polls all 12 and the commit brings it back to 0.
    const samples = createTimeline(pausedConsumer).samples('lag', 0, 10, lagSample);
    const series = lagSeries(samples, 'g');
    expect(series.positions).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(series.partitions).toEqual(['orders-0']);
    expect(series.byPartition['orders-0']).toEqual([null, null, null, null, null, 0, 3, 3, 7, 7, 0]);
    expect(series.total).toEqual(series.byPartition['orders-0']);
    expect(series.timesMs.at(-1)).toBe(4000);
    expect(peakValue(series.total)).toEqual({ index: 8, value: 7 });
    expect(lastValue(series.total)).toEqual({ index: 10, value: 0 });
  });

  it('equals the groups table (HW − committed) at every position of a two-group run with auto commit', () => {
    const scenario = scenarioOf({
      version: 1, seed: 5, cluster: { brokers: 3 },
      consumer: { config: { 'auto.offset.reset': 'earliest' } },
      topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
      steps: [
        { op: 'produce', topic: 'orders', key: 'k{i}', value: 'v{i}', count: 12 },
        { op: 'subscribe', group: 'billing', member: 'b1', topics: ['orders'] },
        { op: 'subscribe', group: 'audit', member: 'a1', topics: ['orders'] },
        { op: 'run', ms: 6000 },
        { op: 'produce', topic: 'orders', key: 'k{i}', value: 'v{i}', count: 7 },
        { op: 'pause', group: 'billing', member: 'b1' },
        { op: 'run', ms: 10000 },
        { op: 'produce', topic: 'orders', key: 'x{i}', value: 'v{i}', count: 9 },
      ],
    });
    const samples = createTimeline(scenario, 3).samples('lag', 0, scenario.steps.length, lagSample);
    let nonZero = 0;
    samples.forEach((sample, n) => {
      const report = buildReport(simulate(scenario, n));
      for (const g of report.groups) {
        const rows = committedRows(g, report.partitions);
        expect(sample.lag[g.group], `${g.group} at ${n}`).toEqual(Object.fromEntries(rows.map((r) => [`${r.topic}-${r.partition}`, r.lag])));
        nonZero += rows.filter((r) => (r.lag ?? 0) > 0).length;
      }
    });
    expect(nonZero).toBeGreaterThan(0);
    // The paused billing group's total at the end is the 9 records produced after its last commit
    // plus what it had not committed before; audit, still polling and committing, is lower.
    const billing = lastValue(lagSeries(samples, 'billing').total);
    const audit = lastValue(lagSeries(samples, 'audit').total);
    expect(billing && audit && billing.value > audit.value).toBe(true);
  });

  it('the total sums the partitions that have a lag; a partition is null before its first commit', () => {
    const samples: LagSample[] = [
      { position: 4, timeMs: 0, lag: {} },
      { position: 5, timeMs: 10, lag: { g: { 'orders-1': 2 } } },
      { position: 6, timeMs: 20, lag: { g: { 'orders-1': 4, 'orders-0': 1 }, h: { 'orders-0': 9 } } },
    ];
    const series = lagSeries(samples, 'g');
    expect(series.partitions).toEqual(['orders-0', 'orders-1']);
    expect(series.byPartition).toEqual({ 'orders-0': [null, null, 1], 'orders-1': [null, 2, 4] });
    expect(series.total).toEqual([null, 2, 5]);
    expect(lagSeries(samples, 'nobody').total).toEqual([null, null, null]);
    const trimmed = fromFirstValue(series);
    expect([trimmed.positions, trimmed.timesMs, trimmed.total, trimmed.byPartition]).toEqual([[5, 6], [10, 20], [2, 5], { 'orders-0': [null, 1], 'orders-1': [2, 4] }]);
    expect(fromFirstValue(lagSeries(samples, 'nobody')).total).toEqual([null, null, null]);
    expect(lastValue([null, null])).toBeNull();
  });

  it('scales by hand: nice ticks cover the maximum, a linear map, a path broken at gaps', () => {
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(100)).toEqual([0, 50, 100]);
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(0)).toEqual([0, 1]);
    const ticks = niceTicks(1234);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(1234);
    expect(ticks.at(-2)).toBeLessThan(1234);
    const x = linear(0, 10, 100, 200);
    expect([x(0), x(5), x(10)]).toEqual([100, 150, 200]);
    expect(linear(3, 3, 0, 10)(3)).toBe(5);
    expect(linePath([0, 10, 20, 30], [1, null, 2, 3], (v) => v * 10)).toBe('M0.0,10.0M20.0,20.0L30.0,30.0');
  });
});
