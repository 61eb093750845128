/**
 * The offset lookup against Kafka's code (AbstractIndex.indexSlotRangeFor with the warm section,
 * OffsetIndex.lookup, FileRecords.searchForOffsetWithSize), worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { appendBatch, emptyLayout, type LogLayout } from './logLayout';
import { largestLowerBoundSlot, lookupOffset, WARM_ENTRIES, type IndexProbe } from './offsetLookup';

/** The golden segments example: seven 78-byte batches, segment.bytes 300, index.interval.bytes 100. */
function sevenRecords(): LogLayout {
  const layout = emptyLayout();
  for (let offset = 0; offset < 7; offset++) appendBatch(layout, offset, 78, { segmentBytes: 300, indexIntervalBytes: 100 });
  return layout;
}

describe('largestLowerBoundSlot (AbstractIndex.indexSlotRangeFor)', () => {
  // Six entries: offsets 104, 109, 115, 120, 126, 131.
  const index: [number, number][] = [[104, 300], [109, 650], [115, 1000], [120, 1340], [126, 1700], [131, 2050]];

  it('checks the warm section\'s first entry, then binary-searches with mid = (lo + hi + 1) >>> 1', () => {
    const probes: IndexProbe[] = [];
    // firstHotEntry = max(0, 6 − 1 − 1024) = 0; 104 < 122 → binarySearch(0, 5):
    // mid 3 → 120 < 122, lo = 3; mid 4 → 126 > 122, hi = 3; done: slot 3.
    expect(largestLowerBoundSlot(index, 122, probes)).toBe(3);
    expect(probes.map((p) => [p.phase, p.slot, p.comparison])).toEqual([['warm', 0, 'below'], ['search', 3, 'below'], ['search', 4, 'above']]);
  });

  it('an exact entry returns at once; a target below every entry is slot −1; one past the end is the last', () => {
    const exact: IndexProbe[] = [];
    expect(largestLowerBoundSlot(index, 115, exact)).toBe(2); // mid 3 (120 >), hi 2; mid 1 (109 <), lo 1; mid 2 equal
    expect(exact.map((p) => p.slot)).toEqual([0, 3, 1, 2]);
    // 104 is not below 104: the cold path checks entry 0 again (> 104? no), binarySearch(0, 0) = 0.
    const first: IndexProbe[] = [];
    expect(largestLowerBoundSlot(index, 104, first)).toBe(0);
    expect(first.map((p) => [p.phase, p.slot, p.comparison])).toEqual([['warm', 0, 'equal'], ['first', 0, 'equal']]);
    expect(largestLowerBoundSlot(index, 100)).toBe(-1);
    expect(largestLowerBoundSlot(index, 5000)).toBe(5);
    expect(largestLowerBoundSlot([], 7)).toBe(-1);
  });

  it('a large index looks in its warm section (the last 1,024 entries) first', () => {
    const big: [number, number][] = Array.from({ length: 1500 }, (_, i) => [i * 10, i * 800]);
    const firstHot = 1500 - 1 - WARM_ENTRIES; // 475
    const warm: IndexProbe[] = [];
    expect(largestLowerBoundSlot(big, 14_003, warm)).toBe(1400);
    expect(warm[0].slot).toBe(firstHot);
    expect(warm.slice(1).every((p) => p.slot >= firstHot)).toBe(true);
    const cold: IndexProbe[] = [];
    expect(largestLowerBoundSlot(big, 1_234, cold)).toBe(123);
    expect(cold.slice(0, 2).map((p) => p.slot)).toEqual([firstHot, 0]);
    expect(cold.slice(2).every((p) => p.slot <= firstHot)).toBe(true);
  });
});

describe('lookupOffset (a read: floor segment, index, scan)', () => {
  it('offset 4: segment 3, no index entry ≤ 4 there (its only one is 5), scan from 0: offsets 3 then 4', () => {
    const found = lookupOffset(sevenRecords(), 4);
    if (found.kind !== 'found') throw new Error(found.kind);
    expect(found.segment.baseOffset).toBe(3);
    expect(found.indexSlot).toBe(-1);
    expect(found.startPosition).toBe(0);
    expect(found.scanned).toEqual([{ offset: 3, lastOffset: 3, position: 0, sizeBytes: 78 }, { offset: 4, lastOffset: 4, position: 78, sizeBytes: 78 }]);
  });

  it('offset 5: the index entry [5, 156] sends the scan straight to position 156', () => {
    const found = lookupOffset(sevenRecords(), 5);
    if (found.kind !== 'found') throw new Error(found.kind);
    expect(found.indexSlot).toBe(0);
    expect(found.startPosition).toBe(156);
    expect(found.scanned).toEqual([{ offset: 5, lastOffset: 5, position: 156, sizeBytes: 78 }]);
  });

  it('offset 2 in the first segment; the log end offset reads nothing yet; past it or below the start is out of range', () => {
    const layout = sevenRecords();
    const two = lookupOffset(layout, 2);
    expect(two.kind === 'found' && two.scanned.map((b) => b.offset)).toEqual([2]); // entry [2, 156]
    expect(lookupOffset(layout, 7)).toEqual({ kind: 'log-end', target: 7, logEndOffset: 7 });
    expect(lookupOffset(layout, 8)).toEqual({ kind: 'out-of-range', target: 8, logStartOffset: 0, logEndOffset: 7 });
    expect(lookupOffset(layout, -1).kind).toBe('out-of-range');
  });
});

describe('lookupOffset below the log start offset (UnifiedLog.read → checkLogStartOffset)', () => {
  it('an offset the segments still hold but below the replica\'s log start is OFFSET_OUT_OF_RANGE', () => {
    // A follower that took its leader's log start 3 keeps segment 0 (offsets 0–2) until its next check.
    const layout = sevenRecords();
    expect(lookupOffset(layout, 1).kind).toBe('found');
    expect(lookupOffset(layout, 1, 3)).toEqual({ kind: 'out-of-range', target: 1, logStartOffset: 3, logEndOffset: 7 });
    expect(lookupOffset(layout, 3, 3).kind).toBe('found');
  });
});
