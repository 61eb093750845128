import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildReport } from '../core/scenario/report';
import { simulate } from '../core/scenario/runScenario';
import { validateScenarioDocument } from '../core/scenario/validateScenario';
import { longSteps, manualScenario } from '../session/testScenario';
import { ignoresKey, keyAction } from './keys';
import { createSessionStore } from './sessionStore';

const scenario = manualScenario(longSteps(12));

/** The contract's worked example in two steps: a produce, then 1000 ms with 12 timed events. */
function autoScenario() {
  const parsed = validateScenarioDocument({
    version: 1, cluster: { brokers: 3, replication: 'auto', networkDelayMs: 1 }, topics: [{ name: 'orders', assignment: [[1, 2, 3]] }],
    steps: [{ op: 'produce', topic: 'orders', key: 'alice', value: 'hello', acks: 'all' }, { op: 'run', ms: 1000 }],
  });
  if (!parsed.ok) throw new Error('valid');
  return parsed.scenario;
}

describe('session store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('loads at a clamped position and publishes the report there', () => {
    const store = createSessionStore();
    store.getState().load({ kind: 'example' }, scenario, 99);
    const state = store.getState();
    expect(state.position).toBe(12);
    expect(state.total).toBe(12);
    expect(state.report).toEqual(buildReport(simulate(scenario, 12)));
  });

  it('steps next, previous, first and last, and stops at the ends', () => {
    const store = createSessionStore();
    const s = () => store.getState();
    s().load({ kind: 'example' }, scenario, 0);
    s().previous();
    expect(s().position).toBe(0);
    s().next();
    s().next();
    expect(s().position).toBe(2);
    expect(s().report).toEqual(buildReport(simulate(scenario, 2)));
    s().previous();
    expect(s().report).toEqual(buildReport(simulate(scenario, 1)));
    s().last();
    s().next();
    expect(s().position).toBe(12);
    s().first();
    expect(s().position).toBe(0);
  });

  it('walks a run step event by event with . and , (the runner\'s --at n --event k), and the arrows leave it', () => {
    const walk = autoScenario();
    const store = createSessionStore();
    const s = () => store.getState();
    s().load({ kind: 'example' }, walk, 1);
    const at = (k: number) => buildReport(simulate(walk, 1, k));
    s().perform(keyAction({ key: '.' }) ?? 'next');
    expect([s().position, s().event, s().eventCount]).toEqual([1, 1, 12]);
    expect(s().report).toEqual(at(1));
    expect(s().fired.map((f) => f.event.type)).toEqual(['fetch-arrive']);
    for (let k = 2; k <= 12; k++) {
      s().nextEvent();
      expect([s().position, s().event]).toEqual([1, k]);
      expect(s().report).toEqual(at(k));
    }
    expect(s().report?.timeMs).toBe(505);
    s().nextEvent(); // after the last event: the step completes
    expect([s().position, s().event]).toEqual([2, 0]);
    expect(s().report).toEqual(buildReport(simulate(walk, 2)));
    expect(s().fired).toEqual([]); // nothing left to animate: every event was shown
    s().previousEvent(); // back into its last event
    expect([s().position, s().event]).toEqual([1, 12]);
    for (let k = 11; k >= 0; k--) s().perform(keyAction({ key: ',' }) ?? 'previous');
    expect([s().position, s().event]).toEqual([1, 0]);
    expect(s().report).toEqual(buildReport(simulate(walk, 1)));
    // A step with no timed events (the produce) is one instant: , and . move by the whole step.
    s().previousEvent();
    expect([s().position, s().event]).toEqual([0, 0]);
    s().nextEvent();
    expect([s().position, s().event]).toEqual([1, 0]);
    // Inside a step, ArrowRight completes it and ArrowLeft returns to its boundary.
    s().seekEvent(1, 4);
    expect(s().report).toEqual(at(4));
    s().next();
    expect([s().position, s().event]).toEqual([2, 0]);
    expect(s().fired.map((f) => f.atMs)).toEqual([3, 3, 503, 503, 504, 504, 505, 505]);
    s().seekEvent(1, 4);
    s().previous();
    expect([s().position, s().event]).toEqual([1, 0]);
    s().seekEvent(1, 99);
    expect(s().event).toBe(12);
  });

  it('plays one step per interval, stops at the end, and replays from 0 when played at the end', () => {
    const store = createSessionStore({ playIntervalMs: 700 });
    const s = () => store.getState();
    s().load({ kind: 'example' }, scenario, 10);
    s().togglePlay();
    expect(s().playing).toBe(true);
    vi.advanceTimersByTime(700);
    expect(s().position).toBe(11);
    vi.advanceTimersByTime(700);
    expect(s().position).toBe(12);
    expect(s().playing).toBe(false);
    vi.advanceTimersByTime(5000);
    expect(s().position).toBe(12);
    s().perform('toggle-play');
    expect(s().position).toBe(0);
    expect(s().playing).toBe(true);
    vi.advanceTimersByTime(1400);
    expect(s().position).toBe(2);
    s().perform('toggle-play');
    vi.advanceTimersByTime(2100);
    expect(s().position).toBe(2);
  });

  it('a failed load keeps no scenario and shows the error', () => {
    const store = createSessionStore();
    store.getState().load({ kind: 'example' }, scenario, 3);
    store.getState().fail({ kind: 'invalid', lines: ['steps[0].op: bad'] });
    expect(store.getState().scenario).toBeNull();
    expect(store.getState().loadError).toEqual({ kind: 'invalid', lines: ['steps[0].op: bad'] });
    store.getState().next();
    expect(store.getState().position).toBe(0);
  });
});

describe('keys', () => {
  it('maps the contract keys', () => {
    expect(keyAction({ key: 'ArrowRight' })).toBe('next');
    expect(keyAction({ key: 'PageDown' })).toBe('next');
    expect(keyAction({ key: 'ArrowLeft' })).toBe('previous');
    expect(keyAction({ key: 'PageUp' })).toBe('previous');
    expect(keyAction({ key: 'Home' })).toBe('first');
    expect(keyAction({ key: 'End' })).toBe('last');
    expect(keyAction({ key: ' ' })).toBe('toggle-play');
    expect(keyAction({ key: 'ArrowRight', ctrlKey: true })).toBeNull();
    expect(keyAction({ key: 'a' })).toBeNull();
  });

  it('leaves keys alone in text fields, and Space on buttons', () => {
    expect(ignoresKey({ tagName: 'INPUT' }, 'next')).toBe(true);
    expect(ignoresKey({ tagName: 'textarea' }, 'first')).toBe(true);
    expect(ignoresKey({ tagName: 'DIV', isContentEditable: true }, 'next')).toBe(true);
    expect(ignoresKey({ tagName: 'BUTTON' }, 'next')).toBe(false);
    expect(ignoresKey({ tagName: 'BUTTON' }, 'toggle-play')).toBe(true);
    expect(ignoresKey({ tagName: 'BODY' }, 'toggle-play')).toBe(false);
    const timelineButton = { tagName: 'BUTTON', getAttribute: (name: string) => (name === 'data-timeline-control' ? '' : null) };
    expect(ignoresKey(timelineButton, 'toggle-play')).toBe(false);
    expect(ignoresKey(null, 'next')).toBe(false);
  });
});
