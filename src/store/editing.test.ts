import { describe, expect, it } from 'vitest';
import { buildReport } from '../core/scenario/report';
import { simulate } from '../core/scenario/runScenario';
import { validateScenarioDocument } from '../core/scenario/validateScenario';
import type { ScenarioDocument } from '../session/scenarioEdit';
import { validateEdited } from '../session/scenarioEdit';
import { longSteps } from '../session/testScenario';
import { createSessionStore } from './sessionStore';

function documentWith(steps: unknown[]): ScenarioDocument {
  return {
    version: 1, title: 'edit', seed: 1,
    cluster: { brokers: 3, replication: 'manual', config: { 'min.insync.replicas': 2 } },
    topics: [{ name: 'orders', partitions: 2, replicationFactor: 3, assignment: [[1, 2, 3], [2, 3, 1]] }],
    steps,
  };
}

function open(steps: unknown[], at: number) {
  const store = createSessionStore({ checkpointEvery: 4 });
  const document = documentWith(steps);
  const parsed = validateScenarioDocument(document);
  if (!parsed.ok) throw new Error('invalid test document');
  store.getState().load({ kind: 'link', payload: 'x' }, parsed.scenario, at, null, document);
  return store;
}

/** The store's report equals a fresh simulation of its document at its position. */
function expectConsistent(store: ReturnType<typeof open>) {
  const { document, position, report } = store.getState();
  const parsed = validateScenarioDocument(document);
  if (!parsed.ok) throw new Error('store document invalid');
  expect(report).toEqual(buildReport(simulate(parsed.scenario, position)));
}

describe('editing the timeline', () => {
  const steps = longSteps(20);

  it('a note is written, changed and removed in place: same position, same simulation, in the document', () => {
    const store = open(steps, 7);
    store.getState().setStepNote(3, 'Watch the HW');
    expect(store.getState().position).toBe(7);
    expect((store.getState().document?.steps as Record<string, unknown>[])[3].note).toBe('Watch the HW');
    expect(store.getState().scenario?.steps[3].note).toBe('Watch the HW');
    expect(store.getState().source).toEqual({ kind: 'edited' });
    expectConsistent(store);
    store.getState().setStepNote(3, 'Now watch the LEO');
    expect(store.getState().scenario?.steps[3].note).toBe('Now watch the LEO');
    store.getState().setStepNote(3, null);
    expect(store.getState().document?.steps).toEqual(steps);
    expect(store.getState().scenario?.steps.length).toBe(20);
    expectConsistent(store);
  });

  it('acting at the end appends and moves to the new step', () => {
    const store = open(steps, 20);
    store.getState().act({ op: 'crash', broker: 2 });
    expect(store.getState().total).toBe(21);
    expect(store.getState().position).toBe(21);
    expect(store.getState().source).toEqual({ kind: 'edited' });
    expectConsistent(store);
  });

  it('acting in the past waits for a confirm, then drops later steps', () => {
    const store = open(steps, 9);
    store.getState().act({ op: 'run', ms: 5 });
    expect(store.getState().pendingFork).toEqual({ op: 'run', ms: 5 });
    expect(store.getState().total).toBe(20);
    store.getState().cancelFork();
    expect(store.getState().pendingFork).toBeNull();
    store.getState().act({ op: 'run', ms: 5 });
    store.getState().confirmFork();
    expect(store.getState().total).toBe(10);
    expect(store.getState().position).toBe(10);
    expectConsistent(store);
  });

  it('insert keeps later steps and re-simulates them', () => {
    const store = open(steps, 5);
    store.getState().setInsertAt(5);
    store.getState().act({ op: 'fetch', broker: 1 });
    expect(store.getState().total).toBe(21);
    expect(store.getState().position).toBe(6);
    expect(store.getState().insertAt).toBeNull();
    expect((store.getState().document?.steps as unknown[]).slice(6)).toEqual(steps.slice(5));
    expectConsistent(store);
    store.getState().last();
    expectConsistent(store);
  });

  it('delete keeps later steps, and the cursor stays on the same step', () => {
    const store = open(steps, 12);
    store.getState().deleteStep(3);
    expect(store.getState().total).toBe(19);
    expect(store.getState().position).toBe(11);
    expectConsistent(store);
    store.getState().seek(19);
    expectConsistent(store);
  });

  it('a step that became invalid is marked and the timeline ends before it', () => {
    const edited = validateEdited(documentWith([{ op: 'run', ms: 5 }, { op: 'crash', broker: 9 }, { op: 'heal' }]));
    expect(edited.ok).toBe(true);
    if (!edited.ok) return;
    expect(Object.keys(edited.invalidSteps)).toEqual(['1']);
    expect(edited.invalidSteps[1][0]).toMatch(/^steps\[1\]\.broker/);
    expect(edited.scenario.steps).toHaveLength(1);
  });

  it('openDocument returns the problems of an invalid cluster and keeps the session', () => {
    const store = open(steps, 3);
    const problems = store.getState().openDocument({ ...documentWith([]), cluster: { brokers: 0 } });
    expect(problems?.length).toBeGreaterThan(0);
    expect(store.getState().position).toBe(3);
  });
});

describe('keys on a menu', () => {
  it('Space on a <summary> opens the menu instead of playing', async () => {
    const { ignoresKey } = await import('./keys');
    expect(ignoresKey({ tagName: 'SUMMARY', getAttribute: () => null }, 'toggle-play')).toBe(true);
    expect(ignoresKey({ tagName: 'SUMMARY', getAttribute: () => null }, 'next')).toBe(false);
  });
});

describe('playback speed', () => {
  it('2× advances a step every half interval, and carries over to the next scenario', async () => {
    const { vi } = await import('vitest');
    vi.useFakeTimers();
    try {
      const store = open(longSteps(10), 0);
      store.getState().setSpeed(2);
      store.getState().play();
      vi.advanceTimersByTime(350);
      expect(store.getState().position).toBe(1);
      store.getState().setSpeed(0.5);
      vi.advanceTimersByTime(1400);
      expect(store.getState().position).toBe(2);
      store.getState().pause();
      expect(store.getState().speed).toBe(0.5);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('insert mode', () => {
  it('ends when the cursor moves away', () => {
    const store = open(longSteps(10), 4);
    store.getState().setInsertAt(4);
    expect(store.getState().insertAt).toBe(4);
    store.getState().next();
    expect(store.getState().insertAt).toBeNull();
  });
});

describe('samples across edits', () => {
  /** The leaders' HWs of both partitions: a value that moves along the steps. */
  const hws = (world: ReturnType<typeof simulate>) => world.topics[0].partitions.map((p) => p.replicaStates.find((r) => r.broker === p.leader)?.highWatermark ?? -1).join(',');
  const fresh = (store: ReturnType<typeof open>, from: number, to: number) => {
    const parsed = validateScenarioDocument(store.getState().document);
    if (!parsed.ok) throw new Error('store document invalid');
    return Array.from({ length: to - from + 1 }, (_, i) => hws(simulate(parsed.scenario, from + i)));
  };

  it('values picked before an edit that changed them are picked again: a deleted step, an appended one', () => {
    const store = open(longSteps(20), 20);
    const before = store.getState().samples('hws', 0, 20, hws);
    expect(before).toEqual(fresh(store, 0, 20));
    store.getState().deleteStep(0); // the first produce goes: every later HW changes
    const after = store.getState().samples('hws', 0, 19, hws);
    expect(after).toEqual(fresh(store, 0, 19));
    expect(after.slice(1)).not.toEqual(before.slice(1, 20));
    store.getState().last();
    store.getState().act({ op: 'fetch', broker: 2 });
    store.getState().act({ op: 'fetch', broker: 3 });
    const total = store.getState().total;
    expect(store.getState().samples('hws', 0, total, hws)).toEqual(fresh(store, 0, total));
  });
});
