import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../core/model/events';
import { frameAt, planStep } from './eventFrames';

const at = (node: number | 'producer') => (node === 'producer' ? { x: 0, y: 0 } : { x: node * 100, y: 0 });

describe('eventFrames', () => {
  const events: SimEvent[] = [
    { type: 'append', atMs: 0, topic: 'o', partition: 0, broker: 1, offset: 0, leaderEpoch: 0, step: 0, index: 0 },
    { type: 'fetch-request', atMs: 1, topic: 'o', partition: 0, follower: 2, leader: 1, fetchOffset: 0 },
    { type: 'fetch-request', atMs: 1, topic: 'o', partition: 1, follower: 2, leader: 1, fetchOffset: 0 },
    { type: 'leader-change', atMs: 2, topic: 'o', partition: 0, from: 1, to: 2, leaderEpoch: 1, unclean: false },
  ];
  const plan = planStep(events, () => 1);

  it('folds messages of one kind between the same nodes at one instant into one flight', () => {
    expect(plan.flights.map((f) => [f.kind, f.count])).toEqual([['produce', 1], ['fetch', 2]]);
  });

  it('is a pure function of t: a flight starts at its source and ends at its target', () => {
    const fetch = plan.flights[1];
    expect(frameAt(plan, fetch.start, at).dots.find((d) => d.kind === 'fetch')?.x).toBe(200);
    expect(frameAt(plan, fetch.end, at).dots.find((d) => d.kind === 'fetch')?.x).toBe(100);
    expect(frameAt(plan, 0.3, at)).toEqual(frameAt(plan, 0.3, at));
  });

  it('shows every callout at t = 1 and none before its instant', () => {
    expect(frameAt(plan, 1, at).callouts.map((c) => c.kind)).toEqual(['leader']);
    expect(frameAt(plan, 0, at).callouts).toEqual([]);
  });
});
