/**
 * Each lesson's scenario through the headless runner (runScenarioText, as `npm run sim -- --at n`):
 * it is valid, every cut 0..steps runs, each question's correct answers — and only they — match
 * the runner's report where the answer is revealed, and every claim of the narration holds.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenarioText } from '../cli/runScenarioFile';
import type { Report } from '../core/model/report';
import { COMING, LESSONS, lessonDocument } from './catalog';
import { COURSE } from './courseIndex';

function run(document: unknown, at: number): Report {
  const out = runScenarioText(JSON.stringify(document), at);
  if (out.exitCode !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout) as Report;
}

describe('the course', () => {
  it('has at least 16 lessons with unique ids, 6 to 20 steps each', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(16);
    const ids = [...LESSONS.map((l) => l.id), ...COMING.map((l) => l.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const lesson of LESSONS) {
      expect(lesson.scenario.steps.length, lesson.id).toBeGreaterThanOrEqual(6);
      expect(lesson.scenario.steps.length, lesson.id).toBeLessThanOrEqual(20);
      expect(lesson.stops.length, lesson.id).toBe(lesson.scenario.steps.length + 1);
      if (lesson.next) expect(LESSONS.some((l) => l.id === lesson.next), lesson.id).toBe(true);
    }
  });

  it('lists in its table of contents (what the course page draws) every lesson, in order, in its chapter', () => {
    expect(COURSE).toEqual(LESSONS.map((l) => ({ id: l.id, chapter: l.chapter })));
  });
});

describe('the KIP-101 lessons', () => {
  it('play the golden scenarios, step for step', () => {
    const golden = (name: string) => {
      const { title: _t, steps, ...rest } = JSON.parse(readFileSync(`scenarios/golden/${name}.json`, 'utf8')) as { title: string; steps: Record<string, unknown>[] };
      void _t;
      return { ...rest, steps: steps.map(({ note: _n, ...step }) => { void _n; return step; }) };
    };
    const pairs = [['kip101-loss', 'kip101-scenario1-high-watermark'], ['kip101-loss-epoch', 'kip101-scenario1-leader-epoch'],
      ['kip101-divergence', 'kip101-scenario2-high-watermark'], ['kip101-divergence-epoch', 'kip101-scenario2-leader-epoch']];
    for (const [id, file] of pairs) expect(LESSONS.find((l) => l.id === id)!.scenario, id).toEqual(golden(file));
  });
});

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (_, lesson) => {
  const document = lessonDocument(lesson, 'test');
  const reports = new Map<number, Report>();
  const at = (n: number) => {
    if (!reports.has(n)) reports.set(n, run(document, n));
    return reports.get(n)!;
  };

  it('runs cut at every position', () => {
    for (let n = 0; n <= lesson.scenario.steps.length; n++) expect(at(n).timeMs).toBeGreaterThanOrEqual(0);
  });

  it('asks questions before the step that answers them, and the correct choices are what happens', () => {
    lesson.stops.forEach((stop, position) => {
      if (!stop.question) return;
      const { revealAt, choices } = stop.question;
      expect(revealAt, `q${position}`).toBeGreaterThan(position);
      expect(revealAt).toBeLessThanOrEqual(lesson.scenario.steps.length);
      expect(choices.some((c) => c.correct)).toBe(true);
      const report = at(revealAt);
      for (const choice of choices) expect(choice.holds(report), `q${position}.${choice.id}`).toBe(choice.correct);
    });
  });

  it('says only what the runner reports', () => {
    for (const claim of lesson.claims) expect(claim.holds(at(claim.at)), `at ${claim.at}: ${claim.says}`).toBe(true);
  });
});
