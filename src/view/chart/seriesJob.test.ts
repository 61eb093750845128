/**
 * The idle-time job: works only while someone listens, a slice per idle period, tells its
 * listeners once done; the series it ends with is the whole build's; one job per scenario; a
 * scenario that appends steps to a finished one continues from there (same numbers as fresh).
 */
import '../../core/allFeatures';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../core/scenario/scenarioText';
import { buildSeries } from './partitionSeries';
import { createSeriesJob, seriesJobFor, type IdleApi } from './seriesJob';

function scenarioOf(document: unknown) {
  const parsed = parseScenarioText(JSON.stringify(document));
  if (!parsed.ok) throw new Error('scenario does not validate');
  return parsed.scenario;
}

/** Idle periods run by hand; each offers `remaining` ms (0: one slice each). */
function manualIdle(remaining = 0) {
  const queue = new Map<number, (deadline: { timeRemaining(): number }) => void>();
  let next = 1;
  const api: IdleApi = {
    request(cb) { queue.set(next, cb); return next++; },
    cancel(handle) { queue.delete(handle); },
    now: () => 0,
  };
  const runOne = () => {
    const [handle, cb] = queue.entries().next().value ?? [];
    if (handle === undefined || !cb) return false;
    queue.delete(handle);
    cb({ timeRemaining: () => remaining });
    return true;
  };
  return { api, runOne, pending: () => queue.size };
}

const document = JSON.parse(readFileSync('scenarios/hw-three-rounds.json', 'utf8')) as { steps: unknown[]; topics: { name: string }[] };

describe('series job', () => {
  it('works in slices only while listened to, and tells its listeners when done', () => {
    const scenario = scenarioOf(document);
    const idle = manualIdle();
    const job = createSeriesJob(scenario, idle.api);
    expect(idle.pending()).toBe(0);
    let told = 0;
    const stop = job.subscribe(() => { told++; });
    expect(idle.pending()).toBe(1);
    idle.runOne();
    expect(job.series.upTo).toBe(1); // one step per slice when the period has no time left
    expect(job.done).toBe(scenario.steps.length <= 1);
    stop();
    expect(idle.pending()).toBe(0);
    job.subscribe(() => { told++; });
    let slices = 1;
    while (idle.runOne()) slices++;
    expect(job.done).toBe(true);
    expect(slices).toBe(scenario.steps.length);
    expect(told).toBeGreaterThanOrEqual(1);
    expect(job.series).toEqual(buildSeries(scenario));
  });

  it('one job per scenario; appended steps continue a finished job with a fresh build\'s numbers', () => {
    const before = scenarioOf(document);
    const idle = manualIdle(50);
    const first = seriesJobFor(before, idle.api);
    expect(seriesJobFor(before, idle.api)).toBe(first);
    first.subscribe(() => {});
    while (idle.runOne());
    expect(first.done).toBe(true);
    const after = scenarioOf({ ...document, steps: [...document.steps, { op: 'produce', topic: document.topics[0].name, key: null, value: 'x', acks: 'all' }] });
    const second = seriesJobFor(after, idle.api);
    // Continued: all but the appended step are filled in before any slice runs.
    expect(second.series.upTo).toBe(before.steps.length);
    second.subscribe(() => {});
    while (idle.runOne());
    expect(second.series).toEqual(buildSeries(after));
  });
});
