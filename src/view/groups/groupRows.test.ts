import { describe, expect, it } from 'vitest';
import { committedRows, lastPoll, offsetRanges, sortedAssignment, splitTopicPartition } from './groupRows';
import type { GroupReport } from '../../core/model/groups';
import type { PartitionReport } from '../../core/model/report';

describe('groupRows', () => {
  it('splits at the last dash: a topic name may contain dashes', () => {
    expect(splitTopicPartition('my-orders-10')).toEqual({ topic: 'my-orders', partition: 10 });
  });

  it('sorts an assignment by topic, then partition number (2 before 10)', () => {
    expect(sortedAssignment(['orders-10', 'audit-1', 'orders-2'])).toEqual(['audit-1', 'orders-2', 'orders-10']);
  });

  it('lag is the high watermark minus the committed offset; a deleted partition has neither', () => {
    const group = { group: 'g', state: 'Stable', generation: 1, assignor: 'range', coordinator: { partition: 0, broker: 1 }, members: [], committed: { 'orders-1': 4, 'orders-0': 7, 'gone-0': 2 } } as GroupReport;
    const partitions = [
      { topic: 'orders', partition: 0, highWatermark: 7 },
      { topic: 'orders', partition: 1, highWatermark: 9 },
    ] as PartitionReport[];
    expect(committedRows(group, partitions)).toEqual([
      { topic: 'gone', partition: 0, offset: 2, end: null, lag: null },
      { topic: 'orders', partition: 0, offset: 7, end: 7, lag: 0 },
      { topic: 'orders', partition: 1, offset: 4, end: 9, lag: 5 },
    ]);
  });

  it('offset ranges collapse runs', () => {
    expect(offsetRanges([5, 0, 1, 2, 7, 8])).toBe('0–2, 5, 7–8');
    expect(offsetRanges([])).toBe('');
  });

  it('the last poll is the latest entry of that member of that group', () => {
    const polled = [
      { step: 1, group: 'g', member: 'a', records: [] },
      { step: 2, group: 'h', member: 'a', records: [] },
      { step: 3, group: 'g', member: 'b', records: [] },
    ];
    expect(lastPoll(polled, 'g', 'a')?.step).toBe(1);
    expect(lastPoll(polled, 'h', 'b')).toBeNull();
  });
});
