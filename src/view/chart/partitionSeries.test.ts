/**
 * The chart's series against the headless runner: at each position n, a partition's HW, every
 * replica's LEO, the ISR and the leader equal the runner's report at `--at n` (the report is
 * made by `simulate` from a fresh world each time, an independent path from the builder's one
 * incremental replay). One check goes through the CLI process itself.
 */
import '../../core/allFeatures';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../core/model/report';
import { parseScenarioText } from '../../core/scenario/scenarioText';
import { runScenarioText } from '../../cli/runScenarioFile';
import { buildSeries, seriesKey, SeriesBuilder, sharedPrefix, valuesAt, type ScenarioSeries } from './partitionSeries';

function scenarioOf(text: string) {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error('scenario does not validate');
  return parsed.scenario;
}

function expectMatches(series: ScenarioSeries, report: Report, at: number): void {
  for (const p of report.partitions) {
    const s = series.partitions.get(seriesKey(p.topic, p.partition));
    expect(s, `${p.topic}-${p.partition}`).toBeDefined();
    if (!s) return;
    const v = valuesAt(s, at);
    expect({ at, hw: v.hw, isr: v.isr ? [...v.isr] : null, leader: v.leader }).toEqual({ at, hw: p.highWatermark, isr: [...p.isr].sort((a, b) => a - b), leader: p.leader });
    expect({ at, leo: v.leo }).toEqual({ at, leo: Object.fromEntries(p.replicaStates.map((r) => [r.broker, r.logEndOffset])) });
  }
  expect(series.timeMs[at]).toBe(report.timeMs);
}

const files = [
  'scenarios/golden/kip101-scenario1-high-watermark.json',
  'scenarios/golden/kip101-scenario2-leader-epoch.json',
  'scenarios/hw-three-rounds.json',
  'scenarios/retention-follower-starts-over.json',
];

describe('partition series', () => {
  for (const file of files) {
    it(`${file}: at every position equal to the runner's report at --at n`, () => {
      const text = readFileSync(file, 'utf8');
      const scenario = scenarioOf(text);
      const series = buildSeries(scenario);
      expect(series.upTo).toBe(scenario.steps.length);
      for (let at = 0; at <= scenario.steps.length; at++) {
        const out = runScenarioText(text, at);
        expect(out.exitCode).toBe(0);
        expectMatches(series, JSON.parse(out.stdout) as Report, at);
      }
    });
  }

  it('KIP-101 scenario 1 (truncation to the HW): the series shows broker 2 truncating to the HW the followers were told', () => {
    // Hand-worked from the scenario's notes: after step 10 both followers have fetched at offset 2
    // (leader 3's HW is 2, followers' HW 1); broker 3 shuts down, broker 1 leads then crashes, and
    // broker 2, elected after the session timeout, truncated to its HW of 1 when it became a
    // follower of broker 1 (step 11), losing m2 at offset 1 (KIP-101, scenario 1).
    const s = buildSeries(scenarioOf(readFileSync(files[0], 'utf8'))).partitions.get('t-0');
    if (!s) throw new Error('no t-0');
    const leo2 = s.leo.get(2) ?? [];
    expect(leo2[10]).toBe(2);
    expect(leo2[11]).toBe(1);
    expect(Math.min(...leo2.slice(11).map((v) => v ?? Infinity))).toBe(1);
  });

  it('in slices: the same numbers as at once, whatever the slice size', () => {
    const scenario = scenarioOf(readFileSync(files[2], 'utf8'));
    const whole = buildSeries(scenario);
    const builder = new SeriesBuilder(scenario);
    let slices = 0;
    while (!builder.advance(3)) slices++;
    expect(slices).toBeGreaterThan(1);
    expect(builder.series).toEqual(whole);
  });

  it('a step appended: continuing from the earlier build gives the numbers of a fresh build', () => {
    const document = JSON.parse(readFileSync(files[2], 'utf8')) as { steps: unknown[] };
    const before = scenarioOf(JSON.stringify(document));
    const after = scenarioOf(JSON.stringify({ ...document, steps: [...document.steps, { op: 'produce', topic: (before.topics[0]).name, key: null, value: 'x', acks: 'all' }, { op: 'run', ms: 2000 }] }));
    expect(sharedPrefix(before, after)).toBe(before.steps.length);
    const first = new SeriesBuilder(before);
    while (!first.advance(100));
    const continued = new SeriesBuilder(after, { series: first.series, world: first.current });
    while (!continued.advance(100));
    expect(continued.series).toEqual(buildSeries(after));
    // The earlier build is not changed by the continuation.
    expect(first.series).toEqual(buildSeries(before));
  });

  it('sharedPrefix: 0 for another cluster, the first differing step otherwise', () => {
    const document = JSON.parse(readFileSync(files[0], 'utf8')) as { cluster: object; steps: object[] };
    const a = scenarioOf(JSON.stringify(document));
    const otherCluster = scenarioOf(JSON.stringify({ ...document, cluster: { ...document.cluster, truncation: 'leader-epoch' } }));
    expect(sharedPrefix(a, otherCluster)).toBe(0);
    const edited = scenarioOf(JSON.stringify({ ...document, steps: document.steps.map((s, i) => (i === 4 ? { op: 'fetch', broker: 1 } : s)) }));
    expect(sharedPrefix(a, edited)).toBe(4);
    const renoted = scenarioOf(JSON.stringify({ ...document, steps: document.steps.map((s) => ({ ...s, note: 'other words' })) }));
    expect(sharedPrefix(a, renoted)).toBe(a.steps.length);
  });

  it('the CLI process itself agrees at a few positions', () => {
    const text = readFileSync(files[0], 'utf8');
    const series = buildSeries(scenarioOf(text));
    for (const at of [0, 5, 10, 13]) {
      const run = spawnSync('node_modules/.bin/tsx', ['src/cli/sim.ts', files[0], '--at', String(at)], { encoding: 'utf8', timeout: 60_000 });
      expect(run.status, run.stderr).toBe(0);
      expectMatches(series, JSON.parse(run.stdout) as Report, at);
    }
  }, 120_000);
});
