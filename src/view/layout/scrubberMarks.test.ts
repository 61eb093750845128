import { describe, expect, it } from 'vitest';
import type { TimelineMark } from '../../session/timeline';
import { scrubberMarks } from './scrubberMarks';

describe('scrubberMarks', () => {
  it('keeps every mark when they are far apart', () => {
    const marks = new Map<number, TimelineMark>([[2, 'broker'], [5, 'leader']]);
    expect(scrubberMarks(marks, 10)).toEqual([{ at: 2, mark: 'broker' }, { at: 5, mark: 'leader' }]);
  });

  it('merges marks that share a slot, keeping the most telling at its first position', () => {
    // 3,000 steps in 100 slots: 30 steps a slot. Steps 31–59 share slot 1.
    const marks = new Map<number, TimelineMark>([[31, 'isr'], [40, 'leader'], [45, 'leader'], [50, 'broker'], [61, 'anomaly'], [62, 'truncate']]);
    expect(scrubberMarks(marks, 3000)).toEqual([{ at: 40, mark: 'leader' }, { at: 61, mark: 'anomaly' }]);
  });

  it('nothing to show for an empty scenario; the last position stays in the last slot', () => {
    expect(scrubberMarks(new Map([[0, 'leader']]), 0)).toEqual([]);
    expect(scrubberMarks(new Map([[100, 'anomaly']]), 100, 10)).toEqual([{ at: 100, mark: 'anomaly' }]);
  });
});
