/**
 * The session store's worker path, with the worker's host run in-thread (`inThreadReplayClient`:
 * the same protocol, answers in a later task, through structured clones). What the page shows
 * must equal a replay from zero at every position it lands on, stale answers must not show, and
 * steps taken while a jump is on its way count from where it goes.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../core/scenario/report';
import { simulate } from '../core/scenario/runScenario';
import { longSteps, manualScenario } from '../session/testScenario';
import { inThreadReplayClient, type ReplayClientFactory } from './replayClient';
import type { FromReplayWorker, ToReplayWorker } from '../session/replayHost';
import { createSessionStore, type SessionStore } from './sessionStore';

const scenario = manualScenario(longSteps(230));
const reportAt = (n: number) => buildReport(simulate(scenario, n));

/** Waits until no seek is on its way (each answer takes a task or two). */
async function landed(store: SessionStore): Promise<void> {
  for (let i = 0; i < 200 && store.getState().computing !== null; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  expect(store.getState().computing).toBeNull();
}

/** The in-thread client, recording what the store sends. */
function recording(): { factory: ReplayClientFactory; sent: ToReplayWorker[]; answers: FromReplayWorker[] } {
  const sent: ToReplayWorker[] = [];
  const answers: FromReplayWorker[] = [];
  const factory: ReplayClientFactory = (receive, broken) => {
    const inner = inThreadReplayClient((m) => { answers.push(m); receive(m); }, broken)!;
    return { send: (m) => { sent.push(m); inner.send(m); }, terminate: () => inner.terminate() };
  };
  return { factory, sent, answers };
}

describe('session store with a replay worker', () => {
  it('a far jump goes to the worker: the previous step stays shown, then the world there', async () => {
    const { factory, sent } = recording();
    const store = createSessionStore({ replayClient: factory });
    store.getState().load({ kind: 'example' }, scenario, 0);
    store.getState().last();
    // Nothing replayed here yet: position 0 is still what the page shows.
    expect(store.getState()).toMatchObject({ position: 0, computing: 230 });
    expect(store.getState().report).toEqual(reportAt(0));
    expect(sent.map((m) => m.type)).toEqual(['open', 'seek']);
    await landed(store);
    expect(store.getState().position).toBe(230);
    expect(store.getState().report).toEqual(reportAt(230));
    expect(buildReport(store.getState().world!)).toEqual(reportAt(230));
    // Its checkpoint came along: persistence saves it, and a step back replays here from it.
    expect(store.getState().savableCheckpoint()?.stepsApplied).toBe(200);
    store.getState().previous();
    expect(store.getState()).toMatchObject({ position: 229, computing: null });
    expect(store.getState().report).toEqual(reportAt(229));
    expect(sent.filter((m) => m.type === 'seek')).toHaveLength(1);
  });

  it('drops an answer the user moved on from', async () => {
    const { factory, answers } = recording();
    const store = createSessionStore({ replayClient: factory });
    store.getState().load({ kind: 'example' }, scenario, 0);
    store.getState().last();
    store.getState().seek(120);
    store.getState().first(); // back to 0 before either answer came
    expect(store.getState()).toMatchObject({ position: 0, computing: null });
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(answers.filter((m) => m.type === 'seeked')).toHaveLength(2);
    expect(store.getState().position).toBe(0);
    expect(store.getState().report).toEqual(reportAt(0));
  });

  it('steps taken while a jump is on its way count from where it goes', async () => {
    const store = createSessionStore({ replayClient: inThreadReplayClient });
    store.getState().load({ kind: 'example' }, scenario, 0);
    store.getState().last();
    store.getState().previous();
    store.getState().previous();
    expect(store.getState().computing).toBe(228);
    await landed(store);
    expect(store.getState().position).toBe(228);
    expect(store.getState().report).toEqual(reportAt(228));
  });

  it('opens a link at a far position at the nearest checkpoint first, then lands there', async () => {
    const store = createSessionStore({ replayClient: inThreadReplayClient });
    store.getState().load({ kind: 'example' }, scenario, 170);
    expect(store.getState()).toMatchObject({ position: 0, computing: 170 });
    await landed(store);
    expect(store.getState().position).toBe(170);
    expect(store.getState().report).toEqual(reportAt(170));
  });

  it('a near seek stays on this thread (no round trip)', () => {
    const { factory, sent } = recording();
    const store = createSessionStore({ replayClient: factory });
    store.getState().load({ kind: 'example' }, scenario, 0);
    store.getState().seek(40);
    expect(store.getState()).toMatchObject({ position: 40, computing: null });
    expect(store.getState().report).toEqual(reportAt(40));
    expect(sent).toEqual([]);
  });

  it('works a long scenario ahead in the worker: its marks come back to the scrubber', async () => {
    const store = createSessionStore({ replayClient: inThreadReplayClient });
    store.getState().load({ kind: 'example' }, scenario, 0);
    expect(store.getState().precompute(25)).toBe(true); // nothing left for this thread to do
    for (let i = 0; i < 500 && store.getState().marksCount === 0; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    for (let i = 0; i < 50; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    // The same marks as this thread's own working ahead finds.
    const local = createSessionStore({ replayClient: null });
    local.getState().load({ kind: 'example' }, scenario, 0);
    while (!local.getState().precompute(1000));
    expect(new Map([...store.getState().marks].sort((a, b) => a[0] - b[0]))).toEqual(new Map([...local.getState().marks].sort((a, b) => a[0] - b[0])));
    expect(store.getState().marksCount).toBe(local.getState().marksCount);
  });

  it('an edit after a worker jump goes on from the adopted world, and the worker derives', async () => {
    const { factory, sent } = recording();
    const store = createSessionStore({ replayClient: factory });
    store.getState().load({ kind: 'edited' }, scenario, 0, null, { version: 1, title: 'test', seed: 1,
      cluster: { brokers: [1, 2, 3], metadata: 'kraft', truncation: 'leader-epoch', replication: 'manual', config: { 'min.insync.replicas': 2 } },
      producer: { acks: 'all' }, topics: [{ name: 'orders', partitions: 2, replicationFactor: 3, assignment: [[1, 2, 3], [2, 3, 1]] }], steps: longSteps(230) });
    store.getState().last();
    await landed(store);
    store.getState().act({ op: 'fetch', broker: 2 });
    expect(store.getState().position).toBe(231);
    const edited = manualScenario([...longSteps(230), { op: 'fetch', broker: 2 }]);
    expect(store.getState().report).toEqual(buildReport(simulate(edited, 231)));
    store.getState().first();
    store.getState().seek(180);
    await landed(store);
    expect(store.getState().report).toEqual(buildReport(simulate(edited, 180)));
    const opens = sent.filter((m) => m.type === 'open');
    expect(opens.at(-1)).toMatchObject({ derivedFrom: { unchangedSteps: 230 } });
  });

  it('falls back to replaying here when the worker breaks while a jump is on its way', () => {
    let breakIt: (reason: string) => void = () => undefined;
    const store = createSessionStore({
      replayClient: (_receive, broken) => {
        breakIt = broken;
        return { send: () => undefined, terminate: () => undefined };
      },
    });
    store.getState().load({ kind: 'example' }, scenario, 0);
    store.getState().last();
    expect(store.getState().computing).toBe(230);
    breakIt('gone');
    expect(store.getState()).toMatchObject({ position: 230, computing: null });
    expect(store.getState().report).toEqual(reportAt(230));
    store.getState().first();
    store.getState().last(); // no worker any more: in-thread at once
    expect(store.getState()).toMatchObject({ position: 230, computing: null });
  });
});
