import { describe, expect, it } from 'vitest';
import { manualScenario, longSteps } from '../session/testScenario';
import { createSessionStore } from '../store/sessionStore';
import { installPrecompute, precomputeEnabled } from './precompute';

/** An idle API the test drives: callbacks wait in `pending` until `runIdle` gives them time. */
function fakeIdle() {
  const pending = new Map<number, (deadline: { timeRemaining(): number }) => void>();
  let next = 1;
  return {
    pending,
    api: {
      request(callback: (deadline: { timeRemaining(): number }) => void) {
        pending.set(next, callback);
        return next++;
      },
      cancel(handle: number) {
        pending.delete(handle);
      },
    },
    runIdle(ms: number) {
      const callbacks = [...pending.values()];
      pending.clear();
      for (const callback of callbacks) callback({ timeRemaining: () => ms });
    },
  };
}

describe('precompute in idle time', () => {
  const scenario = manualScenario(longSteps(230));

  it('works ahead slice by slice until every checkpoint exists, without moving the position', () => {
    const store = createSessionStore({ checkpointEvery: 50 });
    store.getState().load({ kind: 'edited' }, scenario, 0);
    const calls: boolean[] = [];
    const real = store.getState().precompute;
    store.setState({ precompute: (n) => { const done = real(n); calls.push(done); return done; } });
    const idle = fakeIdle();
    installPrecompute(store, idle.api);
    expect(idle.pending.size).toBe(1);
    // No time left in the idle period: one call of one step per slice, then ask again.
    idle.runIdle(0);
    expect(calls).toEqual([false]);
    expect(idle.pending.size).toBe(1);
    // Plenty of time: the slice goes on until all 230 steps are replayed.
    idle.runIdle(100);
    expect(calls.at(-1)).toBe(true);
    expect(calls.length).toBe(230);
    expect(idle.pending.size).toBe(0);
    expect(store.getState().position).toBe(0);
  });

  it('starts again when the scenario changes, and stops when told', () => {
    const store = createSessionStore({ checkpointEvery: 50 });
    store.getState().load({ kind: 'edited' }, scenario, 0);
    const idle = fakeIdle();
    const stop = installPrecompute(store, idle.api);
    idle.runIdle(100);
    expect(idle.pending.size).toBe(0);
    store.getState().load({ kind: 'edited' }, manualScenario(longSteps(120)), 0);
    expect(idle.pending.size).toBe(1);
    stop();
    expect(idle.pending.size).toBe(0);
    store.getState().load({ kind: 'edited' }, scenario, 0);
    expect(idle.pending.size).toBe(0);
  });

  it('a jump after working ahead shows what a replay from zero shows', () => {
    const ahead = createSessionStore({ checkpointEvery: 50 });
    ahead.getState().load({ kind: 'edited' }, scenario, 0);
    const idle = fakeIdle();
    installPrecompute(ahead, idle.api);
    idle.runIdle(1000);
    ahead.getState().last();
    const plain = createSessionStore({ checkpointEvery: 50 });
    plain.getState().load({ kind: 'edited' }, scenario, 230);
    expect(ahead.getState().report).toEqual(plain.getState().report);
  });

  it('?precompute=0 turns it off', () => {
    expect(precomputeEnabled('')).toBe(true);
    expect(precomputeEnabled('?lang=en&precompute=0')).toBe(false);
    expect(precomputeEnabled('?precompute=1')).toBe(true);
  });

  it('does nothing without a scenario', () => {
    const store = createSessionStore();
    expect(store.getState().precompute(10)).toBe(true);
  });
});
