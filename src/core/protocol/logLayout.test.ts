/**
 * Golden tests for the segment / offset-index layout, every expected number worked by hand from
 * Kafka's rules (apache/kafka 3.6; 2.8 is the same code):
 * - `LogSegment.append`: position = segment size; if bytesSinceLastIndexEntry > indexIntervalBytes
 *   (strictly, before this append) add [largest offset, position] and set the counter to 0; then
 *   counter += appended bytes.
 * - `LogSegment.shouldRoll`: roll before an append of m bytes if size > segmentBytes − m; the new
 *   segment starts at the append's first offset (`UnifiedLog.maybeRoll`, `LocalLog.roll`).
 * - `UnifiedLog.append`: a set larger than segment.bytes is refused (RecordBatchTooLargeException).
 * - `UnifiedLog.truncateTo` / `LocalLog.truncateTo` / `LogSegment.truncateTo`: no-op at ≥ LEO;
 *   below the first base `truncateFullyAndStartAt`; else delete segments with base > target, cut
 *   the active one, drop index entries ≥ target, counter = 0.
 * - `LogSegment.recover`: index rebuilt batch by batch (validBytes − lastIndexEntry > interval).
 * - `LogFileUtils.filenamePrefixFromOffset`: 20 zero-padded digits.
 *
 * Most examples use 78-byte batches: a "alice"/"hello" one-record v2 batch (recordBatchSize.ts:
 * 61 + 1 + 16 = 78). "c" below is bytesSinceLastIndexEntry.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeSegment,
  batchesOf,
  appendBatch,
  appendBatches,
  emptyLayout,
  exceedsSegmentBytes,
  layoutEndOffset,
  positionOf,
  readEndOffset,
  recoverLayoutTo,
  reopenLayout,
  segmentFileName,
  segmentsReport,
  truncateLayoutTo,
  type LayoutConfig,
  type LogLayout,
} from './logLayout';

const DEFAULTS: LayoutConfig = { segmentBytes: 1073741824, indexIntervalBytes: 4096 };
const BIG_100: LayoutConfig = { segmentBytes: 1073741824, indexIntervalBytes: 100 };
const SEG_300: LayoutConfig = { segmentBytes: 300, indexIntervalBytes: 100 };

/** Appends `count` batches of `size` bytes, one append each (a leader's produces). */
function fill(layout: LogLayout, count: number, size: number, config: LayoutConfig): number[] {
  const positions: number[] = [];
  for (let i = 0; i < count; i++) positions.push(appendBatch(layout, layoutEndOffset(layout), size, config));
  return positions;
}

function layoutOf(count: number, size: number, config: LayoutConfig, start = 0): LogLayout {
  const layout = emptyLayout(start);
  fill(layout, count, size, config);
  return layout;
}

describe('segmentFileName: LogFileUtils.filenamePrefixFromOffset + ".log"', () => {
  it('pads the base offset to 20 digits', () => {
    expect(segmentFileName(0)).toBe('00000000000000000000.log');
    expect(segmentFileName(3)).toBe('00000000000000000003.log');
    expect(segmentFileName(1234567890123)).toBe('00000001234567890123.log');
  });
});

describe('offset index: LogSegment.append', () => {
  it('78-byte batches, index.interval.bytes 100: an entry every second batch from offset 2', () => {
    // b0 @0:   c=0   > 100? no  → c=78
    // b1 @78:  c=78  > 100? no  → c=156
    // b2 @156: c=156 > 100? yes → [2,156], c=0+78=78
    // b3 @234: c=78  no → 156;  b4 @312: yes → [4,312], c=78
    // b5 @390: no → 156;        b6 @468: yes → [6,468], c=78
    const layout = emptyLayout();
    expect(fill(layout, 7, 78, BIG_100)).toEqual([0, 78, 156, 234, 312, 390, 468]);
    expect(segmentsReport(layout)).toEqual([
      { baseOffset: 0, file: '00000000000000000000.log', sizeBytes: 546, index: [[2, 156], [4, 312], [6, 468]] },
    ]);
    expect(activeSegment(layout).bytesSinceLastIndexEntry).toBe(78);
  });

  it('the comparison is strict: interval 156 with 78-byte batches indexes every third batch', () => {
    // b0: 0 → 78; b1: 78 → 156; b2 @156: 156 > 156? no → 234; b3 @234: 234 > 156 → [3,234], c=78
    // b4: 78 → 156; b5 @390: 156 > 156? no → 234; b6 @468: yes → [6,468]
    const layout = layoutOf(7, 78, { segmentBytes: 1073741824, indexIntervalBytes: 156 });
    expect(activeSegment(layout).index).toEqual([[3, 234], [6, 468]]);
  });

  it('index.interval.bytes 0 indexes every batch but the first of the segment', () => {
    // b0 @0: 0 > 0? no → 78; b1 @78: 78 > 0 → [1,78], c=78; b2 @156 → [2,156]; b3 @234 → [3,234]
    const layout = layoutOf(4, 78, { segmentBytes: 1073741824, indexIntervalBytes: 0 });
    expect(activeSegment(layout).index).toEqual([[1, 78], [2, 156], [3, 234]]);
  });

  it('defaults (segment.bytes 1073741824, index.interval.bytes 4096), 100 batches of 78 bytes', () => {
    // Before batch k (no entry yet) c = 78k. 78·52 = 4056 ≤ 4096, 78·53 = 4134 > 4096, so batch 53
    // (at position 53·78 = 4134) gets [53, 4134] and c = 78. Then before batch 53+j c = 78j, which
    // first exceeds 4096 at j = 53: offset 106 > 99, so no second entry. Size 100·78 = 7800 (one
    // segment). c at the end = 78·(99 − 53 + 1) = 78·47 = 3666.
    const layout = layoutOf(100, 78, DEFAULTS);
    expect(segmentsReport(layout)).toEqual([
      { baseOffset: 0, file: '00000000000000000000.log', sizeBytes: 7800, index: [[53, 4134]] },
    ]);
    expect(activeSegment(layout).bytesSinceLastIndexEntry).toBe(3666);
    expect(positionOf(layout, 53)).toBe(4134);
    expect(positionOf(layout, 99)).toBe(7722);
  });
});

describe('segment rolls: UnifiedLog.maybeRoll / LogSegment.shouldRoll', () => {
  it('segment.bytes 300, 78-byte batches: three per segment, rolls at 3, 6, 9', () => {
    // Roll when size > 300 − 78 = 222: sizes 0, 78, 156 append; 234 > 222 rolls.
    // In each segment the index is as above: [base+2, 156].
    const layout = emptyLayout();
    expect(fill(layout, 10, 78, SEG_300)).toEqual([0, 78, 156, 0, 78, 156, 0, 78, 156, 0]);
    expect(segmentsReport(layout)).toEqual([
      { baseOffset: 0, file: '00000000000000000000.log', sizeBytes: 234, index: [[2, 156]] },
      { baseOffset: 3, file: '00000000000000000003.log', sizeBytes: 234, index: [[5, 156]] },
      { baseOffset: 6, file: '00000000000000000006.log', sizeBytes: 234, index: [[8, 156]] },
      { baseOffset: 9, file: '00000000000000000009.log', sizeBytes: 78, index: [] },
    ]);
    expect(positionOf(layout, 4)).toBe(78);
    expect(positionOf(layout, 9)).toBe(0);
  });

  it('a segment may fill exactly: segment.bytes 312 holds four 78-byte batches', () => {
    // Threshold 312 − 78 = 234: 234 > 234? no → batch 3 at 234, size 312; then 312 > 234 rolls at 4.
    const layout = layoutOf(8, 78, { segmentBytes: 312, indexIntervalBytes: 100 });
    expect(segmentsReport(layout)).toEqual([
      { baseOffset: 0, file: '00000000000000000000.log', sizeBytes: 312, index: [[2, 156]] },
      { baseOffset: 4, file: '00000000000000000004.log', sizeBytes: 312, index: [[6, 156]] },
    ]);
  });

  it('segment.bytes equal to the batch size: one batch per segment', () => {
    // First batch: 0 > 78 − 78 = 0? no. Each next: 78 > 0 → roll.
    const layout = layoutOf(3, 78, { segmentBytes: 78, indexIntervalBytes: 0 });
    expect(segmentsReport(layout).map((s) => [s.baseOffset, s.sizeBytes, s.index])).toEqual([
      [0, 78, []],
      [1, 78, []],
      [2, 78, []],
    ]);
  });

  it('a smaller batch still fits where a larger one rolls', () => {
    // 3 × 78 = 234; a 60-byte batch: 234 > 300 − 60 = 240? no → at 234, size 294.
    // Then 78: 294 > 222 → roll at offset 4.
    const layout = layoutOf(3, 78, SEG_300);
    expect(appendBatch(layout, 3, 60, SEG_300)).toBe(234);
    expect(appendBatch(layout, 4, 78, SEG_300)).toBe(0);
    expect(segmentsReport(layout).map((s) => [s.baseOffset, s.sizeBytes])).toEqual([[0, 294], [4, 78]]);
  });

  it('a batch of exactly segment.bytes rolls a non-empty segment and fills the new one', () => {
    // segment.bytes 100: a 78-byte batch, then a 100-byte one: 78 > 100 − 100 = 0 → roll at 1.
    const config = { segmentBytes: 100, indexIntervalBytes: 4096 };
    const layout = layoutOf(1, 78, config);
    expect(appendBatch(layout, 1, 100, config)).toBe(0);
    expect(segmentsReport(layout).map((s) => [s.baseOffset, s.sizeBytes])).toEqual([[0, 78], [1, 100]]);
  });

  it('a batch larger than segment.bytes is refused (UnifiedLog.append: RecordBatchTooLargeException)', () => {
    const config = { segmentBytes: 77, indexIntervalBytes: 4096 };
    expect(exceedsSegmentBytes(78, 77)).toBe(true);
    expect(exceedsSegmentBytes(77, 77)).toBe(false);
    const layout = emptyLayout();
    expect(() => appendBatch(layout, 0, 78, config)).toThrow(/RECORD_LIST_TOO_LARGE/);
    expect(layout).toEqual(emptyLayout());
  });

  it('appends only at the log end offset', () => {
    const layout = layoutOf(2, 78, SEG_300);
    expect(() => appendBatch(layout, 3, 78, SEG_300)).toThrow(RangeError);
    expect(() => appendBatch(layout, 1, 78, SEG_300)).toThrow(RangeError);
  });
});

describe('a follower appends a fetched set at once (appendAsFollower → one LogSegment.append)', () => {
  it('one index entry per set: the set\'s last offset at its first batch\'s position', () => {
    // Set {0,1} @0: c=0 → no entry; c=156. Set {2,3} @156: 156 > 100 → [3,156]; c=0+156=156.
    // Set {4,5} @312: 156 > 100 → [5,312]; c=156. A leader appending singly would have
    // [2,156], [4,312].
    const layout = emptyLayout();
    expect(appendBatches(layout, [{ offset: 0, sizeBytes: 78 }, { offset: 1, sizeBytes: 78 }], BIG_100)).toBe(0);
    expect(appendBatches(layout, [{ offset: 2, sizeBytes: 78 }, { offset: 3, sizeBytes: 78 }], BIG_100)).toBe(156);
    expect(appendBatches(layout, [{ offset: 4, sizeBytes: 78 }, { offset: 5, sizeBytes: 78 }], BIG_100)).toBe(312);
    expect(activeSegment(layout).index).toEqual([[3, 156], [5, 312]]);
    expect(positionOf(layout, 3)).toBe(234);
  });

  it('rolls on the set\'s total size; segment.bytes 300, sets of three 78-byte batches', () => {
    // {0,1,2} = 234: 0 > 300 − 234 = 66? no → @0, no entry (c=0), c=234.
    // {3,4,5}: 234 > 66 → roll at 3; @0, no entry, c=234. {6}: 234 > 222 → roll at 6.
    const layout = emptyLayout();
    const set = (first: number, n: number) => Array.from({ length: n }, (_, i) => ({ offset: first + i, sizeBytes: 78 }));
    appendBatches(layout, set(0, 3), SEG_300);
    appendBatches(layout, set(3, 3), SEG_300);
    appendBatches(layout, set(6, 1), SEG_300);
    expect(segmentsReport(layout).map((s) => [s.baseOffset, s.sizeBytes, s.index])).toEqual([
      [0, 234, []],
      [3, 234, []],
      [6, 78, []],
    ]);
  });
});

describe('truncation: UnifiedLog.truncateTo', () => {
  // Ten 78-byte batches with SEG_300: segments 0 [0..2], 3 [3..5], 6 [6..8], 9 [9] (see above).
  const ten = () => layoutOf(10, 78, SEG_300);

  it('in the middle of a segment: later segments deleted, the active one cut, its counter 0', () => {
    // Target 7: segment 9 deleted (9 > 7); segment 6 cut at the position of 7 = 78; its entry
    // [8,156] goes (8 ≥ 7).
    const layout = ten();
    expect(truncateLayoutTo(layout, 7)).toBe(true);
    expect(layoutEndOffset(layout)).toBe(7);
    expect(segmentsReport(layout)).toEqual([
      { baseOffset: 0, file: '00000000000000000000.log', sizeBytes: 234, index: [[2, 156]] },
      { baseOffset: 3, file: '00000000000000000003.log', sizeBytes: 234, index: [[5, 156]] },
      { baseOffset: 6, file: '00000000000000000006.log', sizeBytes: 78, index: [] },
    ]);
    expect(activeSegment(layout).bytesSinceLastIndexEntry).toBe(0);
    expect(positionOf(layout, 7)).toBeNull();
  });

  it('re-appending after it indexes later than the fresh log did', () => {
    // After truncating to 7, c = 0: 7 @78: 0 → 78; 8 @156: 78 > 100? no → 156 (fresh: c was 156
    // before 8, so [8,156]). 9: 234 > 222 → roll at 9 as before.
    const layout = ten();
    truncateLayoutTo(layout, 7);
    fill(layout, 3, 78, SEG_300);
    const fresh = segmentsReport(ten());
    const again = segmentsReport(layout);
    expect(fresh[2]).toEqual({ baseOffset: 6, file: '00000000000000000006.log', sizeBytes: 234, index: [[8, 156]] });
    expect(again[2]).toEqual({ baseOffset: 6, file: '00000000000000000006.log', sizeBytes: 234, index: [] });
    expect(again.map((s) => [s.baseOffset, s.sizeBytes])).toEqual(fresh.map((s) => [s.baseOffset, s.sizeBytes]));
  });

  it('one log, two histories: truncate to 1 and re-append moves the entry from 2 to 3', () => {
    // Fresh, 4 batches, interval 100: [2,156] (b3 @234: c=78, no).
    // Truncated to 1 (keeps b0, c=0): b1 @78: 0 → 78; b2 @156: 78 no → 156; b3 @234: 156 > 100 →
    // [3,234].
    const layout = layoutOf(4, 78, BIG_100);
    expect(activeSegment(layout).index).toEqual([[2, 156]]);
    truncateLayoutTo(layout, 1);
    expect(segmentsReport(layout)[0]).toMatchObject({ sizeBytes: 78, index: [] });
    fill(layout, 3, 78, BIG_100);
    expect(activeSegment(layout).index).toEqual([[3, 234]]);
  });

  it('at a segment base: that segment stays, empty', () => {
    // Target 6: only segment 9 has base > 6; segment 6 is cut at the position of 6 = 0.
    const layout = ten();
    truncateLayoutTo(layout, 6);
    expect(segmentsReport(layout)[2]).toEqual({ baseOffset: 6, file: '00000000000000000006.log', sizeBytes: 0, index: [] });
    expect(segmentsReport(layout)).toHaveLength(3);
    expect(layoutEndOffset(layout)).toBe(6);
    // The next batch goes into it (0 > 222? no), at position 0.
    expect(appendBatch(layout, 6, 78, SEG_300)).toBe(0);
    expect(segmentsReport(layout)).toHaveLength(3);
  });

  it('inside the first segment: entry [2,156] goes when the target is 2', () => {
    const layout = ten();
    truncateLayoutTo(layout, 2);
    expect(segmentsReport(layout)).toEqual([{ baseOffset: 0, file: '00000000000000000000.log', sizeBytes: 156, index: [] }]);
  });

  it('to the first base: one empty segment (through LocalLog.truncateTo, base 0 is not > 0)', () => {
    const layout = ten();
    truncateLayoutTo(layout, 0);
    expect(layout).toEqual(emptyLayout(0));
  });

  it('below the first segment: truncateFullyAndStartAt, one empty segment at the target', () => {
    // A log starting at 5: segments 5 [5..7] (234, [[7,156]]) and 8 [8,9] (156, []).
    const layout = layoutOf(5, 78, SEG_300, 5);
    expect(segmentsReport(layout).map((s) => [s.baseOffset, s.sizeBytes, s.index])).toEqual([
      [5, 234, [[7, 156]]],
      [8, 156, []],
    ]);
    expect(truncateLayoutTo(layout, 2)).toBe(true);
    expect(segmentsReport(layout)).toEqual([{ baseOffset: 2, file: '00000000000000000002.log', sizeBytes: 0, index: [] }]);
    expect(appendBatch(layout, 2, 78, SEG_300)).toBe(0);
  });

  it('at or past the log end offset changes nothing, not even the counter', () => {
    // Two batches: c = 156. truncateTo(2) is a no-op, so batch 2 is indexed: 156 > 100 → [2,156].
    const layout = layoutOf(2, 78, BIG_100);
    expect(truncateLayoutTo(layout, 2)).toBe(false);
    expect(truncateLayoutTo(layout, 5)).toBe(false);
    expect(activeSegment(layout).bytesSinceLastIndexEntry).toBe(156);
    appendBatch(layout, 2, 78, BIG_100);
    expect(activeSegment(layout).index).toEqual([[2, 156]]);
  });

  it('refuses a negative target', () => {
    expect(() => truncateLayoutTo(emptyLayout(), -1)).toThrow(RangeError);
  });
});

describe('crash recovery: LogSegment.recover on the active segment', () => {
  it('lost tail of one batch: the index is rebuilt the same, the counter restarts at 0', () => {
    // 0..5 appended: [2,156], [4,312]; c = 156 after b5.
    // Recover to 5: b5 dropped; rebuild: b0 0−0, b1 78−0 no; b2 156−0 > 100 → [2,156], last=156;
    // b3 234−156 = 78 no; b4 312−156 = 156 > 100 → [4,312]. New segment object: c = 0.
    // Then 5 @390: 0 → 78; 6 @468: 78 → 156; 7 @546: 156 > 100 → [7,546].
    // Without the crash 5 @390: c=78 → 156; 6 @468: 156 > 100 → [6,468].
    const layout = layoutOf(6, 78, BIG_100);
    recoverLayoutTo(layout, 5, BIG_100);
    expect(segmentsReport(layout)).toEqual([
      { baseOffset: 0, file: '00000000000000000000.log', sizeBytes: 390, index: [[2, 156], [4, 312]] },
    ]);
    expect(activeSegment(layout).bytesSinceLastIndexEntry).toBe(0);
    fill(layout, 3, 78, BIG_100);
    expect(activeSegment(layout).index).toEqual([[2, 156], [4, 312], [7, 546]]);

    // The same eight batches 0..7 without the crash:
    const uncrashed = layoutOf(8, 78, BIG_100);
    expect(activeSegment(uncrashed).index).toEqual([[2, 156], [4, 312], [6, 468]]);
  });

  it('rebuilds an index that a truncation shaped', () => {
    // 0..3 appended ([2,156]); truncate to 1; re-append 1..4: b1 @78: 0 → 78; b2 @156: 78 → 156;
    // b3 @234: 156 > 100 → [3,234], c=78; b4 @312: 78 → 156. Index [[3,234]].
    // Recover (nothing lost, LEO 5): per batch from 0 as above → [2,156], [4,312].
    const layout = layoutOf(4, 78, BIG_100);
    truncateLayoutTo(layout, 1);
    fill(layout, 4, 78, BIG_100);
    expect(activeSegment(layout).index).toEqual([[3, 234]]);
    recoverLayoutTo(layout, 5, BIG_100);
    expect(activeSegment(layout).index).toEqual([[2, 156], [4, 312]]);
  });

  it('rebuilds a follower\'s per-set index batch by batch', () => {
    // Sets {0,1}, {2,3}, {4,5}: [3,156], [5,312] (above). Rebuilt: [2,156], [4,312].
    const layout = emptyLayout();
    for (const first of [0, 2, 4]) {
      appendBatches(layout, [{ offset: first, sizeBytes: 78 }, { offset: first + 1, sizeBytes: 78 }], BIG_100);
    }
    recoverLayoutTo(layout, 6, BIG_100);
    expect(activeSegment(layout).index).toEqual([[2, 156], [4, 312]]);
  });

  it('a lost tail across a segment boundary: the surviving segment becomes active and is rebuilt', () => {
    // Ten batches, SEG_300. Recover to 5: segments 6 and 9 deleted; segment 3 cut at the position
    // of 5 = 156 (keeps 3 @0, 4 @78); rebuilt: 0−0 no, 78−0 > 100? no → []. Segment 0 keeps
    // [[2,156]].
    const layout = layoutOf(10, 78, SEG_300);
    recoverLayoutTo(layout, 5, SEG_300);
    expect(segmentsReport(layout).map((s) => [s.baseOffset, s.sizeBytes, s.index])).toEqual([
      [0, 234, [[2, 156]]],
      [3, 156, []],
    ]);
    expect(layout.segments.map((s) => s.bytesSinceLastIndexEntry)).toEqual([0, 0]);
  });

  it('cannot recover past the log end offset', () => {
    expect(() => recoverLayoutTo(layoutOf(2, 78, BIG_100), 3, BIG_100)).toThrow(RangeError);
  });

  it('reopenLayout (clean restart) keeps the index but restarts the counter', () => {
    // 0..5: c = 156. Reopened: c = 0; 6 @468: 0 → 78; 7 @546: 78 → 156; 8 @624: 156 > 100 → [8,624].
    const layout = layoutOf(6, 78, BIG_100);
    reopenLayout(layout);
    fill(layout, 3, 78, BIG_100);
    expect(activeSegment(layout).index).toEqual([[2, 156], [4, 312], [8, 624]]);
  });
});

describe('readEndOffset: LocalLog.read stays in one segment, LogSegment.read with minOneMessage', () => {
  it('stops at the segment end and at maxBytes, at least one batch', () => {
    const layout = layoutOf(10, 78, SEG_300);
    expect(readEndOffset(layout, 0)).toBe(3);
    expect(readEndOffset(layout, 4)).toBe(6);
    expect(readEndOffset(layout, 9)).toBe(10);
    expect(readEndOffset(layout, 10)).toBe(10);
    expect(readEndOffset(layout, 0, 156)).toBe(2); // 78 + 78 = 156 ≤ 156
    expect(readEndOffset(layout, 0, 155)).toBe(1); // 156 > 155
    expect(readEndOffset(layout, 0, 10)).toBe(1); // the first batch even if larger
  });
});

describe('positionOf', () => {
  it('is null outside the log', () => {
    const layout = layoutOf(5, 78, SEG_300, 5);
    expect(positionOf(layout, 4)).toBeNull();
    expect(positionOf(layout, 10)).toBeNull();
    expect(positionOf(layout, 8)).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const configArb = fc.record({
  segmentBytes: fc.integer({ min: 200, max: 1500 }),
  indexIntervalBytes: fc.integer({ min: 0, max: 400 }),
});
const sizeArb = fc.integer({ min: 70, max: 200 });

type Op =
  | { kind: 'append'; size: number }
  | { kind: 'set'; sizes: number[] }
  | { kind: 'truncate'; at: number }
  | { kind: 'recover'; at: number }
  | { kind: 'reopen' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: sizeArb.map((size) => ({ kind: 'append' as const, size })) },
  { weight: 2, arbitrary: fc.array(sizeArb, { minLength: 1, maxLength: 4 }).map((sizes) => ({ kind: 'set' as const, sizes })) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((at) => ({ kind: 'truncate' as const, at })) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((at) => ({ kind: 'recover' as const, at })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reopen' as const }) },
);

function run(ops: Op[], config: LayoutConfig): LogLayout {
  const layout = emptyLayout();
  for (const op of ops) {
    const end = layoutEndOffset(layout);
    if (op.kind === 'append' && !exceedsSegmentBytes(op.size, config.segmentBytes)) appendBatch(layout, end, op.size, config);
    if (op.kind === 'set' && !exceedsSegmentBytes(op.sizes.reduce((a, b) => a + b, 0), config.segmentBytes)) {
      appendBatches(layout, op.sizes.map((sizeBytes, i) => ({ offset: end + i, sizeBytes })), config);
    }
    if (op.kind === 'truncate') truncateLayoutTo(layout, Math.floor(op.at * (end + 1)));
    if (op.kind === 'recover') recoverLayoutTo(layout, Math.min(end, Math.floor(op.at * (end + 1))), config);
    if (op.kind === 'reopen') reopenLayout(layout);
  }
  return layout;
}

/** Structural invariants; with `singleBatchAppends` each entry's position is its batch's own. */
function expectWellFormed(layout: LogLayout, config: LayoutConfig, singleBatchAppends: boolean): void {
  let next = layout.segments[0].baseOffset;
  layout.segments.forEach((segment, s) => {
    expect(segment.baseOffset).toBe(next);
    if (s < layout.segments.length - 1) expect(segment.positions.length).toBeGreaterThan(0);
    let position = 0;
    for (const batch of batchesOf(segment)) {
      expect(batch).toMatchObject({ offset: next, position });
      expect(positionOf(layout, batch.offset)).toBe(position);
      position += batch.sizeBytes;
      next++;
    }
    expect(segment.sizeBytes).toBe(position);
    expect(segment.sizeBytes).toBeLessThanOrEqual(config.segmentBytes);
    segment.index.forEach(([offset, pos], i) => {
      if (i > 0) expect(offset).toBeGreaterThan(segment.index[i - 1][0]);
      if (i > 0) expect(pos).toBeGreaterThan(segment.index[i - 1][1]);
      const own = positionOf(layout, offset);
      expect(own).not.toBeNull();
      if (singleBatchAppends) expect(pos).toBe(own);
      else expect(batchesOf(segment).some((b) => b.position === pos && b.offset <= offset)).toBe(true);
    });
  });
  expect(layoutEndOffset(layout)).toBe(next);
}

describe('properties', () => {
  it('any mix of appends, sets, truncations, recoveries and reopens keeps the layout well formed', () => {
    fc.assert(
      fc.property(configArb, fc.array(opArb, { maxLength: 60 }), (config, ops) => {
        expectWellFormed(run(ops, config), config, false);
      }),
    );
  });

  it('with single-batch appends only, every index entry points at its own batch', () => {
    const singleOps = opArb.filter((op) => op.kind !== 'set');
    fc.assert(
      fc.property(configArb, fc.array(singleOps, { maxLength: 60 }), (config, ops) => {
        expectWellFormed(run(ops, config), config, true);
      }),
    );
  });

  it('truncate then re-append: same segments and positions, same index below the target, first later entry no earlier', () => {
    fc.assert(
      fc.property(configArb, fc.array(sizeArb, { minLength: 1, maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (config, sizes, at) => {
        const original = emptyLayout();
        sizes.forEach((size, offset) => appendBatch(original, offset, size, config));
        const target = Math.floor(at * sizes.length);
        const again = structuredClone(original);
        expect(truncateLayoutTo(again, target)).toBe(true);
        expect(layoutEndOffset(again)).toBe(target);
        expect(activeSegment(again).bytesSinceLastIndexEntry).toBe(0);
        sizes.slice(target).forEach((size, i) => appendBatch(again, target + i, size, config));

        const shape = (l: LogLayout) => l.segments.map((s) => [s.baseOffset, s.sizeBytes, s.positions]);
        expect(shape(again)).toEqual(shape(original));
        const entries = (l: LogLayout) => l.segments.flatMap((s) => s.index);
        const below = (l: LogLayout) => entries(l).filter(([o]) => o < target);
        expect(below(again)).toEqual(below(original));
        const firstFrom = (l: LogLayout) => entries(l).find(([o]) => o >= target)?.[0] ?? Infinity;
        expect(firstFrom(again)).toBeGreaterThanOrEqual(firstFrom(original));
      }),
    );
  });

  it('recovery rebuilds the active index as fresh single-batch appends of its batches would, counters 0', () => {
    fc.assert(
      fc.property(configArb, fc.array(opArb, { maxLength: 60 }), (config, ops) => {
        const layout = run(ops, config);
        recoverLayoutTo(layout, layoutEndOffset(layout), config);
        const active = activeSegment(layout);
        const fresh = emptyLayout(active.baseOffset);
        const unbounded = { ...config, segmentBytes: Number.MAX_SAFE_INTEGER };
        batchesOf(active).forEach((b) => appendBatch(fresh, b.offset, b.sizeBytes, unbounded));
        expect(active.index).toEqual(activeSegment(fresh).index);
        expect(layout.segments.every((s) => s.bytesSinceLastIndexEntry === 0)).toBe(true);
      }),
    );
  });
});
