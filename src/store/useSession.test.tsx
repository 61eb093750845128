// @vitest-environment jsdom
/**
 * How the view reads its session (sessionStore.ts, `useSession`): a far jump's world arriving from
 * the session's worker, and the first scenario, are rendered by React in slices, with other tasks
 * running between them, and every component shows them in the same commit; a step, a jump
 * replayed on this thread, and every change while the split view holds slicing, render at once;
 * a component re-renders only when what it reads changed.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { longSteps, manualScenario } from '../session/testScenario';
import { createSessionStore, holdSlicing, howToRender, SessionContext, useSession, type SessionStore } from './sessionStore';

const scenario = manualScenario(longSteps(12));

function loaded(): SessionStore {
  const store = createSessionStore({ replayClient: null });
  store.getState().load({ kind: 'example' }, scenario, 0);
  return store;
}

/** Two components reading different fields, and one that is slow to render. */
function Position({ renders }: { renders?: { count: number } }) {
  const position = useSession((s) => s.position);
  if (renders) renders.count += 1;
  return <p data-testid="position">{position}</p>;
}
function Applied({ renders }: { renders?: { count: number } }) {
  const applied = useSession((s) => s.world?.stepsApplied ?? -1);
  if (renders) renders.count += 1;
  return <p data-testid="applied">{applied}</p>;
}
function Slow({ ms }: { ms: number }) {
  const position = useSession((s) => s.position);
  const until = performance.now() + ms;
  while (performance.now() < until) { /* a component that takes `ms` to render */ }
  return <span>{position}</span>;
}

afterEach(cleanup);

/**
 * The store as the session's worker leaves it: `computing` while the far jump is on its way, then
 * the world at `at` with `computing` cleared (sessionStore.ts, `receive`).
 */
function arriveFromWorker(store: SessionStore, at: number): void {
  const elsewhere = loaded();
  elsewhere.getState().seek(at);
  const { position, world, report, events, fired } = elsewhere.getState();
  store.setState({ computing: at });
  store.setState({ position, world, report, events, fired, computing: null });
}

describe('howToRender', () => {
  const position = (s: { position: number }) => s.position;
  const speed = (s: { speed: number }) => s.speed;

  it('renders a far jump arriving from the worker in slices; a jump or a step replayed here, at once; nothing for a field not read', () => {
    const store = loaded();
    let before = store.getState();
    arriveFromWorker(store, 12);
    expect(howToRender(position, store.getState(), { ...before, computing: 12 })).toBe('sliced');
    before = store.getState();
    store.getState().seek(0);
    expect(howToRender(position, store.getState(), before)).toBe('now');
    before = store.getState();
    store.getState().next();
    expect(howToRender(position, store.getState(), before)).toBe('now');
    before = store.getState();
    store.getState().setSpeed(2);
    expect(howToRender(position, store.getState(), before)).toBe('not');
    expect(howToRender(speed, store.getState(), before)).toBe('now');
  });

  it('renders the first scenario in slices (nothing was drawn before it), a later one at once', () => {
    const empty = createSessionStore({ replayClient: null });
    const before = empty.getState();
    empty.getState().load({ kind: 'example' }, scenario, 0);
    expect(howToRender((s) => s.world, empty.getState(), before)).toBe('sliced');
    const first = empty.getState();
    empty.getState().load({ kind: 'example' }, manualScenario(longSteps(3)), 0);
    expect(howToRender((s) => s.world, empty.getState(), first)).toBe('now');
  });

  it('renders everything at once while slicing is held (the split view)', () => {
    const store = loaded();
    const at0 = { ...store.getState(), computing: 12 };
    arriveFromWorker(store, 12);
    const release = holdSlicing();
    expect(howToRender((s) => s.position, store.getState(), at0)).toBe('now');
    release();
    release(); // releasing twice counts once
    expect(howToRender((s) => s.position, store.getState(), at0)).toBe('sliced');
  });
});

describe('useSession', () => {
  it('shows a jump and a step in every component, and re-renders only the components whose field changed', async () => {
    const store = loaded();
    const renders = { position: { count: 0 }, applied: { count: 0 } };
    render(
      <SessionContext.Provider value={store}>
        <Position renders={renders.position} />
        <Applied renders={renders.applied} />
      </SessionContext.Provider>,
    );
    expect(screen.getByTestId('position').textContent).toBe('0');
    await act(async () => store.getState().seek(12));
    expect(screen.getByTestId('position').textContent).toBe('12');
    expect(screen.getByTestId('applied').textContent).toBe('12');
    await act(async () => store.getState().previous());
    expect(screen.getByTestId('position').textContent).toBe('11');
    expect(screen.getByTestId('applied').textContent).toBe('11');
    const before = { ...renders.applied };
    await act(async () => store.getState().setSpeed(4));
    expect(renders.applied.count).toBe(before.count);
  });

  it('renders a worker\'s far jump in slices (other tasks run in between) and commits it whole; a step or a jump replayed here renders in one task', async () => {
    // Not under act: React schedules as in the browser, yielding about every 5 ms in a transition.
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
    const store = loaded();
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    root.render(
      <SessionContext.Provider value={store}>
        <Position />
        {Array.from({ length: 20 }, (_, i) => <Slow key={i} ms={3} />)}
        <Applied />
      </SessionContext.Provider>,
    );
    const shown = () => [container.querySelector('[data-testid="position"]')?.textContent, container.querySelector('[data-testid="applied"]')?.textContent];
    const settle = async (done: () => boolean) => {
      // Counts the tasks that ran while React had the change in hand; each sees a whole state.
      let tasks = 0;
      const seen = new Set<string>();
      while (!done()) {
        await new Promise((resolve) => setImmediate(resolve));
        seen.add(shown().join('/'));
        tasks += 1;
        if (tasks > 1000) throw new Error('never committed');
      }
      return { tasks, seen };
    };
    try {
      await settle(() => shown()[0] === '0');
      arriveFromWorker(store, 12);
      const jump = await settle(() => shown()[0] === '12');
      // 60 ms of rendering in slices of about 5 ms: many tasks ran before the commit.
      expect(jump.tasks).toBeGreaterThan(3);
      // Never one component at 12 and the other at 0.
      expect([...jump.seen].every((s) => s === '0/0' || s === '12/12')).toBe(true);
      store.getState().previous();
      const step = await settle(() => shown()[0] === '11');
      expect(step.tasks).toBeLessThanOrEqual(2);
      expect(shown()).toEqual(['11', '11']);
      // A jump replayed on this thread renders at once, as does a worker's while the split view
      // holds slicing.
      store.getState().seek(0);
      const here = await settle(() => shown()[0] === '0');
      expect(here.tasks).toBeLessThanOrEqual(2);
      const release = holdSlicing();
      arriveFromWorker(store, 12);
      const held = await settle(() => shown()[0] === '12');
      release();
      expect(held.tasks).toBeLessThanOrEqual(2);
    } finally {
      root.unmount();
      container.remove();
      (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    }
  });
});
