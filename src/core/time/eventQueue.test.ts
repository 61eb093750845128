import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyQueue, peekTime, pop, schedule } from './eventQueue';

describe('the event queue (scenario-format "Timing": time order, ties in scheduling order)', () => {
  it('pops in (time, scheduling order) for any schedule', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const queue = emptyQueue<number>();
        times.forEach((t, i) => schedule(queue, t, i));
        const popped: [number, number][] = [];
        for (let item = pop(queue); item; item = pop(queue)) popped.push([item.atMs, item.event]);
        const expected = times.map((t, i) => [t, i] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(popped).toEqual(expected);
        expect(peekTime(queue)).toBeNull();
      }),
    );
  });
});
