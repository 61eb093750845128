import { describe, expect, it } from 'vitest';
import { appendBatch, emptyLayout, segmentFileName } from '../../core/protocol/logLayout';
import { lookupOffset } from '../../core/protocol/offsetLookup';
import { lookupSteps, rowWindow } from './lookupSteps';

describe('lookupSteps', () => {
  it('segment, index probes, start position, batches read (the golden seven-record log, offset 5)', () => {
    const layout = emptyLayout();
    for (let offset = 0; offset < 7; offset++) appendBatch(layout, offset, 78, { segmentBytes: 300, indexIntervalBytes: 100 });
    const found = lookupOffset(layout, 5);
    if (found.kind !== 'found') throw new Error(found.kind);
    expect(lookupSteps(found, segmentFileName)).toEqual([
      { kind: 'segment', baseOffset: 3, file: '00000000000000000003.log' },
      // One entry [5, 156]: not below 5, so the cold path compares it again and finds it.
      { kind: 'probe', phase: 'warm', slot: 0, offset: 5, position: 156, comparison: 'equal' },
      { kind: 'probe', phase: 'first', slot: 0, offset: 5, position: 156, comparison: 'equal' },
      { kind: 'start', slot: 0, position: 156 },
      { kind: 'read', offset: 5, lastOffset: 5, position: 156, sizeBytes: 78, found: true },
    ]);
  });
});

describe('rowWindow', () => {
  it('keeps short tables whole, centres on the focus, else shows the end', () => {
    expect(rowWindow(10, [3])).toEqual({ from: 0, to: 10 });
    expect(rowWindow(100, [50, 54])).toEqual({ from: 32, to: 72 });
    expect(rowWindow(100, [])).toEqual({ from: 60, to: 100 });
    expect(rowWindow(100, [2])).toEqual({ from: 0, to: 40 });
  });
});
