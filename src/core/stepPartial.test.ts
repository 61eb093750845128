/**
 * A `run` step walked event by event (ui-contract.md, "Keys": `.` and `,`; the runner's
 * `--at n --event k`). Expectations from the contract's worked example (docs/scenario-format.md,
 * "Worked example: one record on simulated time"; Kafka's DelayedFetch), event by event.
 */
import { describe, expect, it } from 'vitest';
import { runScenarioText } from '../cli/runScenarioFile';
import { createWorld } from './cluster';
import type { Report } from './model/report';
import type { World } from './model/world';
import { buildReport } from './scenario/report';
import { replay } from './scenario/runScenario';
import { validateScenarioDocument } from './scenario/validateScenario';
import { applyRunEvents, applyStep, applyStepPartial, type FiredEvent } from './step';

const document = {
  version: 1,
  cluster: { brokers: 3, replication: 'auto', networkDelayMs: 1 },
  topics: [{ name: 'orders', assignment: [[1, 2, 3]] }],
  steps: [
    { op: 'produce', topic: 'orders', key: 'alice', value: 'hello', acks: 'all' },
    { op: 'run', ms: 1000 },
  ],
};

function scenario() {
  const parsed = validateScenarioDocument(document);
  if (!parsed.ok) throw new Error('the example is valid');
  return parsed.scenario;
}

/** The world at the boundary before the run step (after the produce). */
function atBoundary(): World {
  const s = scenario();
  const world = createWorld(s);
  replay(world, s, 1);
  return world;
}

const lhw = (r: Report) => r.partitions[0].replicaStates.map((x) => [x.logEndOffset, x.highWatermark]);

function runner(k: number): Report {
  const out = runScenarioText(JSON.stringify(document), 1, k);
  expect(out.exitCode).toBe(0);
  return JSON.parse(out.stdout) as Report;
}

/** [time, [LEO, HW] of brokers 1, 2, 3] after k events: the worked example's rows, one event at a time. */
const EXPECTED: [number, number[][]][] = [
  [0, [[1, 0], [0, 0], [0, 0]]], // the boundary: the leader appended, the fetches are in flight
  [1, [[1, 0], [0, 0], [0, 0]]], // 2's fetch arrives, answered at once
  [1, [[1, 0], [0, 0], [0, 0]]], // 3's
  [2, [[1, 0], [1, 0], [0, 0]]], // 2 gets the record
  [2, [[1, 0], [1, 0], [1, 0]]], // 3 gets it
  [3, [[1, 0], [1, 0], [1, 0]]], // 2's fetch at offset 1: HW stays 0 (3 has not confirmed)
  [3, [[1, 1], [1, 0], [1, 0]]], // 3's: HW 1, the produce is acknowledged
  [503, [[1, 1], [1, 0], [1, 0]]], // replica.fetch.wait.max.ms: 2's held response is read
  [503, [[1, 1], [1, 0], [1, 0]]], // 3's
  [504, [[1, 1], [1, 1], [1, 0]]], // 2 learns HW 1
  [504, [[1, 1], [1, 1], [1, 1]]], // 3 learns it
  [505, [[1, 1], [1, 1], [1, 1]]], // their next fetches arrive (held until 1005, past the step)
  [505, [[1, 1], [1, 1], [1, 1]]],
];

describe('applyStepPartial: a run step up to its first k timed events', () => {
  it('after each event, the state of the worked example at that instant', () => {
    EXPECTED.forEach(([timeMs, replicas], k) => {
      const world = atBoundary();
      const { fired } = applyStepPartial(world, scenario().steps[1], k);
      expect(fired).toBe(k);
      const report = buildReport(world);
      expect([k, report.timeMs]).toEqual([k, timeMs]);
      expect([k, lhw(report)]).toEqual([k, replicas]);
      expect(report.produced[0].acked).toBe(k >= 6);
      expect(world.stepsApplied).toBe(1);
    });
  });

  it('k = 0 is the boundary itself; k past the last event stops after the last (12) without completing the step', () => {
    const boundary = buildReport(atBoundary());
    const zero = atBoundary();
    expect(applyStepPartial(zero, scenario().steps[1], 0)).toEqual({ events: [], fired: 0 });
    expect(buildReport(zero)).toEqual(boundary);
    const all = atBoundary();
    expect(applyStepPartial(all, scenario().steps[1], 1000).fired).toBe(12);
    expect(all.timeMs).toBe(505);
    const whole = atBoundary();
    applyStep(whole, scenario().steps[1], 1);
    // The same records and marks as the completed step; only the clock and the step count differ.
    expect(buildReport(all).partitions).toEqual(buildReport(whole).partitions);
    expect([whole.timeMs, whole.stepsApplied]).toEqual([1000, 2]);
  });

  it('the runner reports the same state with --at 1 --event k, for every k', () => {
    EXPECTED.forEach(([timeMs, replicas], k) => {
      const report = runner(k);
      expect([k, report.timeMs, lhw(report)]).toEqual([k, timeMs, replicas]);
    });
    expect(runner(12)).toEqual(runner(40));
  });

  it('walking on from a world inside the step equals applying the first k at once; a non-run step has no events', () => {
    const walked = atBoundary();
    const endMs = walked.timeMs + 1000;
    const seen: FiredEvent[] = [];
    for (let i = 0; i < 7; i++) applyRunEvents(walked, endMs, 1, (one) => seen.push(one));
    const direct = atBoundary();
    applyStepPartial(direct, scenario().steps[1], 7);
    expect(buildReport(walked)).toEqual(buildReport(direct));
    expect(seen.map((one) => [one.atMs, one.event.type])).toEqual([
      [1, 'fetch-arrive'], [1, 'fetch-arrive'], [2, 'fetch-response-arrive'], [2, 'fetch-response-arrive'],
      [3, 'fetch-arrive'], [3, 'fetch-arrive'], [503, 'fetch-wait-expire'],
    ]);
    // The sixth event (3's fetch at offset 1) raised the leader's HW.
    expect(seen[5].caused.map((e) => e.type)).toContain('high-watermark');
    const produce = createWorld(scenario());
    expect(applyStepPartial(produce, scenario().steps[0], 3)).toEqual({ events: [], fired: 0 });
    expect(produce.stepsApplied).toBe(0);
  });
});
