import { describe, expect, it } from 'vitest';
import { cappedDeadline, SLICE_CAP_MS } from './idle';

describe('idle slices', () => {
  it('end at the cap when the idle period offers more', () => {
    let clock = 100;
    const deadline = cappedDeadline(() => 49, () => clock);
    expect(deadline.timeRemaining()).toBe(SLICE_CAP_MS);
    clock += SLICE_CAP_MS - 4;
    expect(deadline.timeRemaining()).toBe(4);
    clock += 6;
    expect(deadline.timeRemaining()).toBe(0);
  });

  it('end with the idle period when it is shorter than the cap', () => {
    let clock = 0;
    let left = 5;
    const deadline = cappedDeadline(() => left, () => clock);
    expect(deadline.timeRemaining()).toBe(5);
    clock += 3;
    left = 2;
    expect(deadline.timeRemaining()).toBe(2);
  });

  it('a job that loops while more than 3 ms remain stops within the cap (no endless slice without requestIdleCallback)', () => {
    let clock = 0;
    const deadline = cappedDeadline(() => Infinity, () => clock);
    let rounds = 0;
    while (deadline.timeRemaining() > 3) {
      clock += 1;
      rounds++;
    }
    expect(rounds).toBe(SLICE_CAP_MS - 3);
  });
});
