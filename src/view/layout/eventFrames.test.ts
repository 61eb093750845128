import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../core/model/events';
import type { FiredEvent } from '../../core/step';
import { anchorKey, frameAt, HOP_MS, INSTANT_SHARE, MAX_HOPS, planMove, settledMs, type Anchor } from './eventFrames';

/** Replicas on a line: broker b at x = 100 b; a partition's producer side at x = 0. */
const at = (a: Anchor) => (a.kind === 'replica' ? { x: a.broker * 100, y: a.partition * 50 } : a.kind === 'producer' ? { x: 0, y: a.partition * 50 } : { x: a.broker * 100, y: -40 });
const leaderOf = () => 1;

const fetchArrive = (atMs: number, sentAtMs: number, follower: number): FiredEvent => ({
  atMs,
  event: { type: 'fetch-arrive', follower, leader: 1, requestSeq: 1, sentAtMs, partitions: [{ topic: 'o', partition: 0, fetchOffset: 3 } as never] },
  caused: [],
});
const responseArrive = (atMs: number, follower: number, hw: number, caused: SimEvent[] = []): FiredEvent => ({
  atMs,
  event: {
    type: 'fetch-response-arrive', follower, leader: 1, requestSeq: 1,
    partitions: [{ topic: 'o', partition: 0, currentLeaderEpoch: 0, records: [{} as never, {} as never], highWatermark: hw, error: null, divergingEpoch: null, leaderLogEndOffset: -1, leaderLogStartOffset: 0 }],
  },
  caused,
});

describe('planMove: messages between the replicas on screen', () => {
  it('a produce step: the record flies from the partition into the leader\'s log, then the ack back', () => {
    const events: SimEvent[] = [
      { type: 'append', atMs: 0, topic: 'o', partition: 0, broker: 1, offset: 0, leaderEpoch: 0, step: 0, index: 0 },
      { type: 'produce-response', atMs: 0, produced: 0, topic: 'o', partition: 0, acked: true, error: null },
    ];
    const plan = planMove({ events, fired: [], networkDelayMs: 1, leaderOf });
    expect(plan.flights.map((f) => [f.kind, anchorKey(f.from), anchorKey(f.to), f.startMs, f.endMs])).toEqual([
      ['produce', 'p:o-0', 'r:o-0-1', 0, HOP_MS * INSTANT_SHARE],
      ['ack', 'r:o-0-1', 'p:o-0', HOP_MS * INSTANT_SHARE, 2 * HOP_MS * INSTANT_SHARE],
    ]);
  });

  it('one event of a run step: a fetch takes one hop per network delay, from the follower\'s log to the leader\'s', () => {
    const plan = planMove({ events: [], fired: [fetchArrive(3, 2, 2)], networkDelayMs: 1, leaderOf });
    expect(plan.flights).toHaveLength(1);
    const [fetch] = plan.flights;
    expect([fetch.kind, anchorKey(fetch.from), anchorKey(fetch.to), fetch.startMs, fetch.endMs, fetch.label]).toEqual(['fetch', 'r:o-0-2', 'r:o-0-1', 0, HOP_MS, 'Fetch @3']);
    expect(frameAt(plan, 0, at).dots[0]).toMatchObject({ x: 200, y: 0 });
    expect(frameAt(plan, HOP_MS / 2, at).dots[0].x).toBeCloseTo(150);
    expect(frameAt(plan, HOP_MS, at).dots[0]).toMatchObject({ x: 100 });
    // Its label sits at the middle of the path and fades once it has landed.
    expect(frameAt(plan, HOP_MS / 2, at).labels[0]).toMatchObject({ x: 150, text: 'Fetch @3', opacity: 1 });
    expect(frameAt(plan, HOP_MS + 2000, at).labels).toEqual([]);
  });

  it('flight time is proportional to the simulated delay; an idle wait is squeezed to one delay', () => {
    // Sent at 0, arrives at 10 (delay 10); the response arrives at 520 after a 500 ms hold.
    const plan = planMove({ events: [], fired: [fetchArrive(10, 0, 2), responseArrive(520, 2, 1)], networkDelayMs: 10, leaderOf });
    const [fetch, response] = plan.flights;
    expect([fetch.startMs, fetch.endMs]).toEqual([0, HOP_MS]);
    // 10 → 510 (the hold, squeezed to one delay) → 520: the response flies its one hop last.
    expect([response.startMs, response.endMs]).toEqual([2 * HOP_MS, 3 * HOP_MS]);
    expect(response.label).toBe('+2 · HW 1');
    expect(anchorKey(response.to)).toBe('r:o-0-2');
  });

  it('what an event caused appears when its message lands', () => {
    const hw: SimEvent = { type: 'high-watermark', atMs: 2, topic: 'o', partition: 0, broker: 2, from: 0, to: 1 };
    const plan = planMove({ events: [hw], fired: [responseArrive(2, 2, 1, [hw])], networkDelayMs: 1, leaderOf });
    expect(plan.callouts.map((c) => [c.kind, anchorKey(c.at), c.startMs])).toEqual([['hw', 'r:o-0-2', HOP_MS]]);
    expect(frameAt(plan, HOP_MS - 1, at).callouts).toEqual([]);
    expect(frameAt(plan, HOP_MS, at).callouts.map((c) => c.kind)).toEqual(['hw']);
  });

  it('a callout that appears last is fully shown once the move has settled (the end state a jump draws)', () => {
    const hw: SimEvent = { type: 'high-watermark', atMs: 2, topic: 'o', partition: 0, broker: 2, from: 0, to: 1 };
    const plan = planMove({ events: [hw], fired: [responseArrive(2, 2, 1, [hw])], networkDelayMs: 1, leaderOf });
    expect(plan.callouts[0].startMs).toBe(plan.durationMs);
    expect(frameAt(plan, plan.durationMs, at).callouts[0].opacity).toBeLessThan(1);
    expect(frameAt(plan, settledMs(plan), at).callouts[0].opacity).toBe(1);
  });

  it('a long run step plays in at most MAX_HOPS hops, its flights scaled alike', () => {
    const fired = Array.from({ length: 40 }, (_, i) => fetchArrive(1000 * i + 1, 1000 * i, 2));
    const plan = planMove({ events: [], fired, networkDelayMs: 1, leaderOf });
    expect(plan.durationMs).toBeCloseTo(MAX_HOPS * HOP_MS);
    const lengths = plan.flights.map((f) => f.endMs - f.startMs);
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThan(1e-6);
  });
});
