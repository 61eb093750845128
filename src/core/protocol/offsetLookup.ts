/**
 * How a broker finds an offset on disk, step by step, for the log view's animated lookup
 * (the study notes: the .index file gives a position in the .log file). The same three steps as
 * a read in Kafka 3.6 and 2.8:
 *
 * 1. **Segment**: the segment with the largest base offset ≤ the target (`LocalLog.read` →
 *    `LogSegments.floorSegment`, a floor lookup in a sorted map). An offset below the first
 *    segment's base or past the log end offset is OFFSET_OUT_OF_RANGE; the LEO itself is a read
 *    of nothing yet.
 * 2. **Index**: `OffsetIndex.lookup` → `AbstractIndex.largestLowerBoundSlotFor`: the slot of the
 *    largest entry ≤ the target, by Kafka's binary search, warm section first (the last 1,024
 *    entries of an offset index: `_warmEntries` = 8192 bytes / 8-byte entries). No such entry:
 *    slot −1 and position 0.
 * 3. **Scan**: `LogSegment.translateOffset` → `FileRecords.searchForOffsetWithSize`: batches are
 *    read from that position on until one whose last offset ≥ the target.
 *
 * Probes and scanned batches are listed in the order Kafka touches them.
 */
import type { BatchPlacement, LogLayout, SegmentState } from './logLayout';
import { batchesOf, layoutEndOffset } from './logLayout';

/** Offset-index entries in the warm section (`AbstractIndex._warmEntries`, 8192 / 8). */
export const WARM_ENTRIES = 1024;

export interface IndexProbe {
  /** `warm`: is the target past the warm section's first entry? `first`: below entry 0? `search`: a binary-search step. */
  phase: 'warm' | 'first' | 'search';
  slot: number;
  offset: number;
  position: number;
  /** The entry's offset against the target. */
  comparison: 'below' | 'equal' | 'above';
}

export type OffsetLookup =
  | { kind: 'out-of-range'; target: number; logStartOffset: number; logEndOffset: number }
  | { kind: 'log-end'; target: number; logEndOffset: number }
  | {
    kind: 'found';
    target: number;
    segmentIndex: number;
    segment: SegmentState;
    indexProbes: IndexProbe[];
    /** The slot found, −1 when no entry is ≤ the target. */
    indexSlot: number;
    startPosition: number;
    /** Batches read from `startPosition`, the last being the one holding the target. */
    scanned: BatchPlacement[];
  };

function floorSegment(layout: LogLayout, target: number): number {
  let found = -1;
  layout.segments.forEach((segment, i) => {
    if (segment.baseOffset <= target) found = i;
  });
  return found;
}

/** `AbstractIndex.indexSlotRangeFor(...)._1`, recording each entry compared. */
export function largestLowerBoundSlot(index: [number, number][], target: number, probes: IndexProbe[] = []): number {
  const entries = index.length;
  if (entries === 0) return -1;
  const compare = (slot: number, phase: IndexProbe['phase']): number => {
    const [offset, position] = index[slot];
    const comparison = offset < target ? 'below' : offset > target ? 'above' : 'equal';
    probes.push({ phase, slot, offset, position, comparison });
    return offset - target;
  };
  const binarySearch = (begin: number, end: number): number => {
    let lo = begin;
    let hi = end;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      const result = compare(mid, 'search');
      if (result > 0) hi = mid - 1;
      else if (result < 0) lo = mid;
      else return mid;
    }
    return lo;
  };
  const firstHotEntry = Math.max(0, entries - 1 - WARM_ENTRIES);
  if (compare(firstHotEntry, 'warm') < 0) return binarySearch(firstHotEntry, entries - 1);
  if (compare(0, 'first') > 0) return -1;
  return binarySearch(0, firstHotEntry);
}

/**
 * `logStartOffset` defaults to the first segment's base; a replica's own log start offset can be
 * above it (a follower keeps the segments below until its next retention check), and a read
 * below it is OFFSET_OUT_OF_RANGE all the same (`UnifiedLog.read` → `checkLogStartOffset`).
 */
export function lookupOffset(layout: LogLayout, target: number, logStartOffset = layout.segments[0].baseOffset): OffsetLookup {
  const logEndOffset = layoutEndOffset(layout);
  if (target < logStartOffset || target > logEndOffset) return { kind: 'out-of-range', target, logStartOffset, logEndOffset };
  if (target === logEndOffset) return { kind: 'log-end', target, logEndOffset };
  const segmentIndex = floorSegment(layout, target);
  const segment = layout.segments[segmentIndex];
  const indexProbes: IndexProbe[] = [];
  const indexSlot = largestLowerBoundSlot(segment.index, target, indexProbes);
  const startPosition = indexSlot < 0 ? 0 : segment.index[indexSlot][1];
  const scanned: BatchPlacement[] = [];
  for (const batch of batchesOf(segment)) {
    if (batch.position < startPosition) continue;
    scanned.push(batch);
    if (batch.lastOffset >= target) break; // `searchForOffsetWithSize`: the first batch whose last offset ≥ target
  }
  return { kind: 'found', target, segmentIndex, segment, indexProbes, indexSlot, startPosition, scanned };
}
