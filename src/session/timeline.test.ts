import { describe, expect, it } from 'vitest';
import { buildReport } from '../core/scenario/report';
import { simulate } from '../core/scenario/runScenario';
import { applyStep } from '../core/step';
import { checkpointWeight, createTimeline, markOf } from './timeline';
import { createWorld } from '../core/cluster';
import { longSteps, manualScenario } from './testScenario';

describe('timeline', () => {
  const scenario = manualScenario(longSteps(230));
  const expected = new Map<number, ReturnType<typeof buildReport>>();
  const reportAt = (n: number) => {
    let report = expected.get(n);
    if (!report) {
      report = buildReport(simulate(scenario, n));
      expected.set(n, report);
    }
    return report;
  };

  it('seek(n) equals a replay from zero, for every n in order', () => {
    const timeline = createTimeline(scenario, 50);
    for (let n = 0; n <= scenario.steps.length; n++) {
      expect(buildReport(timeline.seek(n))).toEqual(reportAt(n));
    }
    expect(timeline.checkpointPositions()).toEqual([0, 50, 100, 150, 200]);
  });

  it('seek(n) after seek(m) equals simulate(n), for many orders of n and m', () => {
    const length = scenario.steps.length;
    const pairs: [number, number][] = [];
    for (const m of [0, 1, 49, 50, 51, 99, 100, 149, 200, 229, 230]) {
      for (const n of [0, 1, 2, 48, 50, 52, 101, 150, 199, 201, 230]) pairs.push([m, n]);
    }
    // A deterministic shuffle of extra pairs (no Math.random in tests either).
    let x = 12345;
    for (let i = 0; i < 60; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const m = x % (length + 1);
      x = (x * 1103515245 + 12345) % 2147483648;
      pairs.push([m, x % (length + 1)]);
    }
    for (const checkpointEvery of [50, 7, 1]) {
      const timeline = createTimeline(scenario, checkpointEvery);
      for (const [m, n] of pairs) {
        expect(buildReport(timeline.seek(m)), `seek(${m}) every ${checkpointEvery}`).toEqual(reportAt(m));
        expect(buildReport(timeline.seek(n)), `seek(${n}) after seek(${m}) every ${checkpointEvery}`).toEqual(reportAt(n));
      }
    }
  });

  it('never changes a world it returned', () => {
    const timeline = createTimeline(scenario);
    const at10 = timeline.seek(10);
    const before = structuredClone(at10);
    timeline.seek(120);
    timeline.seek(11);
    timeline.seek(3);
    expect(at10).toEqual(before);
  });

  it('clamps positions and creates checkpoints lazily', () => {
    const timeline = createTimeline(scenario);
    expect(timeline.checkpointPositions()).toEqual([0]);
    expect(timeline.seek(-5).stepsApplied).toBe(0);
    expect(timeline.seek(10_000).stepsApplied).toBe(230);
    expect(timeline.seek(Number.NaN).stepsApplied).toBe(0);
    expect(timeline.checkpointPositions()).toEqual([0, 50, 100, 150, 200]);
  });

  it('reports the events of the step that ends at the position', () => {
    for (const n of [1, 5, 51, 120]) {
      const before = structuredClone(simulate(scenario, n - 1));
      const expectedEvents = applyStep(before, scenario.steps[n - 1], n - 1);
      expect(createTimeline(scenario).seekWithEvents(n).events, `events at ${n}`).toEqual(expectedEvents);
      const timeline = createTimeline(scenario);
      timeline.seek(n - 1);
      expect(timeline.seekWithEvents(n).events, `events at ${n} after ${n - 1}`).toEqual(expectedEvents);
    }
    expect(createTimeline(scenario).seekWithEvents(0).events).toEqual([]);
  });

  it('precompute adds every checkpoint up to the end, a bounded number of steps at a time', () => {
    const timeline = createTimeline(scenario, 50);
    let calls = 0;
    while (!timeline.precompute(30)) {
      calls += 1;
      expect(calls).toBeLessThan(100);
    }
    // 230 steps in slices of 30: the whole scenario (for its marks too) takes ceil(230 / 30) = 8.
    expect(calls + 1).toBe(8);
    expect(timeline.checkpointPositions()).toEqual([0, 50, 100, 150, 200]);
    expect(timeline.precompute(30)).toBe(true);
    for (const n of [230, 3, 199, 200, 201, 57]) expect(buildReport(timeline.seek(n)), `seek(${n})`).toEqual(reportAt(n));
  });

  it('a far jump keeps about eight checkpoints on its way and the last one before it; working ahead fills in the rest', () => {
    const timeline = createTimeline(scenario, 5);
    expect(buildReport(timeline.seek(229))).toEqual(reportAt(229));
    // 228 steps at a spacing of 5: every 40th position (228 / 40 ≤ 8), and 225, the last multiple of 5.
    expect(timeline.checkpointPositions()).toEqual([0, 40, 80, 120, 160, 200, 225]);
    // A seek between two of them replays from the one before and keeps its own on the way.
    expect(buildReport(timeline.seek(57))).toEqual(reportAt(57));
    expect(timeline.checkpointPositions()).toEqual([0, 40, 45, 50, 55, 80, 120, 160, 200, 225]);
    while (!timeline.precompute(13)) { /* work ahead */ }
    expect(timeline.checkpointPositions()).toEqual(Array.from({ length: 47 }, (_, i) => i * 5));
    for (const n of [3, 41, 118, 226]) expect(buildReport(timeline.seek(n)), `seek(${n})`).toEqual(reportAt(n));
  });

  it('precompute interleaved with seeks gives the same worlds and never changes a returned one', () => {
    const timeline = createTimeline(scenario, 7);
    const at20 = timeline.seek(20);
    const before = structuredClone(at20);
    timeline.precompute(5);
    const at120 = timeline.seek(120); // a far jump: some checkpoints on the way, 119 among them; precompute fills in
    const before120 = structuredClone(at120);
    while (!timeline.precompute(11)) { /* work ahead */ }
    expect(at20).toEqual(before);
    expect(at120).toEqual(before120);
    expect(timeline.checkpointPositions()).toEqual(Array.from({ length: 33 }, (_, i) => i * 7));
    for (const n of [0, 21, 118, 229, 230]) expect(buildReport(timeline.seek(n)), `seek(${n})`).toEqual(reportAt(n));
  });

  it('precompute of a derived timeline starts from the checkpoints it kept', () => {
    const timeline = createTimeline(scenario, 50);
    while (!timeline.precompute(1000)) { /* work ahead */ }
    const shorter = manualScenario(longSteps(230).slice(0, 120));
    const derived = timeline.derive(shorter, 110);
    expect(derived.checkpointPositions()).toEqual([0, 50, 100]);
    expect(derived.precompute(1000)).toBe(true);
    expect(buildReport(derived.seek(120))).toEqual(buildReport(simulate(shorter, 120)));
  });

  it('past its budget it keeps every other checkpoint, doubling the spacing, and seeks stay exact', () => {
    // The weights of this scenario's checkpoints at 10, 20, … are known: budget for about five.
    const reference = createTimeline(scenario, 10);
    while (!reference.precompute(1000)) { /* work ahead: a checkpoint at every multiple of 10 */ }
    const weights = reference.checkpointPositions().map((at) => checkpointWeight(reference.seek(at)));
    const budget = weights.slice(0, 6).reduce((a, b) => a + b, 0) + weights[20];
    const timeline = createTimeline(scenario, 10, { budget });
    while (!timeline.precompute(17)) { /* work ahead */ }
    const positions = timeline.checkpointPositions();
    const total = positions.reduce((sum, at) => sum + checkpointWeight(timeline.seek(at)), 0);
    expect(total).toBeLessThanOrEqual(budget);
    // Thinned: apart from 0 and the newest, every position is a multiple of a doubled spacing.
    const spacing = Math.min(...positions.filter((at) => at > 0));
    expect(spacing).toBeGreaterThanOrEqual(20);
    expect(positions.slice(0, -1).every((at) => at % spacing === 0)).toBe(true);
    expect(positions.length).toBeLessThan(weights.length);
    for (const n of [0, 7, 99, 150, 229, 230, 12]) expect(buildReport(timeline.seek(n)), `seek(${n})`).toEqual(reportAt(n));
  });

  it('marks: a crash is a broker mark, the election after the session timeout a leader mark', () => {
    // KRaft: the record reaches both followers, broker 1 (leader of orders-0) crashes at step 4;
    // `run 10000` passes broker.session.timeout.ms (9000): the controller fences it and elects a
    // new leader, which holds the record (no anomaly).
    const crash = manualScenario([
      { op: 'produce', topic: 'orders', key: 'a', value: '1', acks: 1, partition: 0 },
      { op: 'fetch', broker: 2 },
      { op: 'fetch', broker: 3 },
      { op: 'crash', broker: 1 },
      { op: 'run', ms: 10000 },
    ]);
    const timeline = createTimeline(crash, 50);
    timeline.seek(5);
    expect(timeline.marks().size).toBe(0); // a seek's replay notes no marks
    while (!timeline.precompute(2)) { /* work ahead */ }
    expect([...timeline.marks()]).toEqual([[4, 'broker'], [5, 'leader']]);
  });

  it('marks are the same whatever seeks came between, and derive keeps the earlier ones', () => {
    const bySeek = createTimeline(scenario, 50);
    for (let n = 0; n <= scenario.steps.length; n += 7) {
      bySeek.seek(n);
      bySeek.precompute(11);
    }
    while (!bySeek.precompute(5)) { /* the rest */ }
    const ahead = createTimeline(scenario, 50);
    while (!ahead.precompute(13)) { /* work ahead: the tail past the last checkpoint too */ }
    // Independently: replay step by step and classify each step's events.
    const world = createWorld(scenario);
    const expected = new Map<number, string>();
    scenario.steps.forEach((step, i) => {
      const mark = markOf(applyStep(world, step, i));
      if (mark) expected.set(i + 1, mark);
    });
    expect(expected.size).toBeGreaterThan(0);
    expect(new Map(bySeek.marks())).toEqual(expected);
    expect(new Map(ahead.marks())).toEqual(expected);
    const derived = bySeek.derive(manualScenario(longSteps(230).slice(0, 100)), 90);
    expect([...derived.marks().keys()].every((at) => at <= 90)).toBe(true);
    expect(derived.marks().size).toBe([...expected.keys()].filter((at) => at <= 90).length);
  });

  it('a timeline seeded from a saved checkpoint still works ahead from 0, so the marks before the seed are found', () => {
    const reference = createTimeline(scenario, 50);
    while (!reference.precompute(1000)) { /* everything */ }
    const seeded = createTimeline(scenario, 50, { seed: { world: simulate(scenario, 100) } });
    expect(seeded.checkpointPositions()).toEqual([0, 100]);
    seeded.seek(120); // from the seed: marks from 101 on are known, not before
    while (!seeded.precompute(40)) { /* work ahead */ }
    expect(new Map(seeded.marks())).toEqual(new Map(reference.marks()));
  });
});

describe('samples', () => {
  const scenario = manualScenario(longSteps(120));
  /** The first partition's leader HW: a value that changes along the timeline. */
  const hw = (world: ReturnType<typeof simulate>) => world.topics[0].partitions.map((p) => p.replicaStates.find((r) => r.broker === p.leader)?.highWatermark ?? -1).join(',');

  it('picks the value of a replay from zero at every position of the range', () => {
    const timeline = createTimeline(scenario, 50);
    timeline.seek(90);
    const values = timeline.samples('hw', 40, 90, hw);
    expect(values).toHaveLength(51);
    values.forEach((value, i) => expect(value, `position ${40 + i}`).toBe(hw(simulate(scenario, 40 + i))));
    // Not a constant: the HW moves within the range.
    expect(new Set(values).size).toBeGreaterThan(3);
  });

  it('picks each position once, and a derived timeline keeps the values before the edit', () => {
    const timeline = createTimeline(scenario, 50);
    let calls = 0;
    const counted = (world: ReturnType<typeof simulate>) => {
      calls += 1;
      return hw(world);
    };
    timeline.samples('hw', 10, 30, counted);
    expect(calls).toBe(21);
    timeline.samples('hw', 20, 35, counted);
    expect(calls).toBe(26);
    const shorter = manualScenario(longSteps(120).slice(0, 32));
    const derived = timeline.derive(shorter, 25);
    calls = 0;
    const again = derived.samples('hw', 10, 32, counted);
    expect(calls).toBe(7);
    again.forEach((value, i) => expect(value, `position ${10 + i}`).toBe(hw(simulate(shorter, 10 + i))));
    // Clamped to the timeline.
    expect(derived.samples('hw', 30, 500, counted)).toHaveLength(3);
  });

  it('never changes a world a seek returned', () => {
    const timeline = createTimeline(scenario, 50);
    const at60 = timeline.seek(60);
    const before = structuredClone(at60);
    timeline.samples('hw', 55, 100, hw);
    expect(at60).toEqual(before);
  });
});
