/**
 * The replay worker's message handling as plain functions (jsdom and Node have no Worker): every
 * answer is compared with an independent replay from zero (`simulate`, `applyStep` step by step),
 * after a structured clone, as a real worker's answers arrive.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../core/cluster';
import { buildReport } from '../core/scenario/report';
import { simulate } from '../core/scenario/runScenario';
import { applyStep } from '../core/step';
import { createReplayHost, type FromReplayWorker, type ToReplayWorker } from './replayHost';
import { longSteps, manualScenario } from './testScenario';
import { markOf, type TimelineMark } from './timeline';

const scenario = manualScenario(longSteps(230));

function harness() {
  const posted: FromReplayWorker[] = [];
  const tasks: (() => void)[] = [];
  const host = createReplayHost({ post: (m) => posted.push(structuredClone(m)), later: (task) => tasks.push(task), now: () => 0, sliceMs: 0 });
  const send = (message: ToReplayWorker) => host.receive(structuredClone(message));
  /** Runs queued slices of working ahead, one at a time (as the worker's timers would). */
  const runSlices = (max = Infinity) => {
    for (let i = 0; i < max && tasks.length > 0; i++) tasks.shift()!();
  };
  return { posted, send, runSlices, tasks };
}

const open = (serial: number, extra: Partial<Extract<ToReplayWorker, { type: 'open' }>> = {}): ToReplayWorker =>
  ({ type: 'open', serial, scenario, checkpointEvery: 50, seed: null, derivedFrom: null, ...extra });

describe('replay host', () => {
  it('answers a seek with the world, report and events a replay from zero gives', async () => {
    const { posted, send } = harness();
    await send(open(1));
    for (const [id, position] of [[1, 230], [2, 117], [3, 0], [4, 51]]) {
      await send({ type: 'seek', serial: 1, id, position, haveCheckpoint: 0 });
      const answer = posted.at(-1)!;
      if (answer.type !== 'seeked') throw new Error(`expected seeked, got ${answer.type}`);
      expect(answer.id).toBe(id);
      expect(answer.world.stepsApplied).toBe(position);
      expect(answer.report).toEqual(buildReport(simulate(scenario, position)));
      expect(buildReport(answer.world)).toEqual(answer.report);
      // The events of the step that ends at the position: the same step applied to the world before it.
      if (position > 0) {
        const before = simulate(scenario, position - 1);
        expect(answer.events).toEqual(applyStep(before, scenario.steps[position - 1], position - 1));
      } else {
        expect(answer.events).toEqual([]);
      }
    }
  });

  it('sends its checkpoint along only when it is later than the one the main thread has', async () => {
    const { posted, send } = harness();
    await send(open(1));
    await send({ type: 'seek', serial: 1, id: 1, position: 230, haveCheckpoint: 0 });
    const first = posted.at(-1)!;
    if (first.type !== 'seeked') throw new Error('seeked');
    // Checkpoints every 50 steps: the one at or before 230 is 200, the world after 200 steps.
    expect(first.checkpoint?.stepsApplied).toBe(200);
    expect(buildReport(first.checkpoint!)).toEqual(buildReport(simulate(scenario, 200)));
    await send({ type: 'seek', serial: 1, id: 2, position: 220, haveCheckpoint: 200 });
    const second = posted.at(-1)!;
    expect(second.type === 'seeked' && second.checkpoint).toBeNull();
  });

  it('ignores a seek about a document it no longer has open', async () => {
    const { posted, send } = harness();
    await send(open(1));
    await send(open(2));
    await send({ type: 'seek', serial: 1, id: 1, position: 100, haveCheckpoint: 0 });
    expect(posted).toEqual([]);
  });

  it('works ahead in slices, posting every mark once, and answers seeks between slices', async () => {
    const { posted, send, runSlices, tasks } = harness();
    await send(open(1));
    await send({ type: 'work-ahead', serial: 1 });
    runSlices(2);
    expect(tasks.length).toBe(1); // not done after two slices of 25 steps
    await send({ type: 'seek', serial: 1, id: 7, position: 180, haveCheckpoint: 0 });
    const answer = posted.at(-1)!;
    expect(answer.type === 'seeked' && answer.report).toEqual(buildReport(simulate(scenario, 180)));
    runSlices();
    const marks = new Map<number, TimelineMark>();
    let doneMessages = 0;
    for (const message of posted) {
      if (message.type !== 'marks') continue;
      for (const [at, mark] of message.entries) {
        expect(marks.has(at)).toBe(false);
        marks.set(at, mark);
      }
      if (message.done) doneMessages++;
    }
    expect(doneMessages).toBe(1);
    // Independently: each step's events, replayed one at a time from the start.
    const world = createWorld(scenario);
    const expected = new Map<number, TimelineMark>();
    scenario.steps.forEach((step, i) => {
      const mark = markOf(applyStep(world, step, i));
      if (mark) expected.set(i + 1, mark);
    });
    expect(expected.size).toBeGreaterThan(0);
    expect(new Map([...marks].sort((a, b) => a[0] - b[0]))).toEqual(expected);
  });

  it('derives an edited document from the one it has open (its checkpoints before the change stay)', async () => {
    const { posted, send } = harness();
    await send(open(1));
    await send({ type: 'seek', serial: 1, id: 1, position: 230, haveCheckpoint: 0 });
    const edited = manualScenario([...longSteps(230).slice(0, 120), { op: 'fetch', broker: 2 }]);
    await send(open(2, { scenario: edited, derivedFrom: { serial: 1, unchangedSteps: 120 } }));
    await send({ type: 'seek', serial: 2, id: 2, position: 121, haveCheckpoint: 0 });
    const answer = posted.at(-1)!;
    if (answer.type !== 'seeked') throw new Error('seeked');
    expect(answer.report).toEqual(buildReport(simulate(edited, 121)));
    expect(answer.checkpoint?.stepsApplied).toBe(100);
  });

  it('answers a seek that throws with a failure naming it, and goes on answering', async () => {
    const { posted, send } = harness();
    await send(open(1));
    // Not a Scenario at all: the replay throws.
    await send(open(2, { scenario: { ...scenario, steps: [{ op: 'no-such-op' }] } as unknown as typeof scenario }));
    await send({ type: 'seek', serial: 2, id: 5, position: 1, haveCheckpoint: 0 });
    const failed = posted.at(-1)!;
    expect(failed.type).toBe('failed');
    expect(failed.type === 'failed' && failed.id).toBe(5);
    expect(failed.type === 'failed' && failed.message.length).toBeGreaterThan(0);
    await send(open(3));
    await send({ type: 'seek', serial: 3, id: 6, position: 3, haveCheckpoint: 0 });
    expect(posted.at(-1)!.type).toBe('seeked');
  });
});
