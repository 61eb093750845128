/**
 * One replica's on-disk log layout: its segments and each segment's sparse offset index, as
 * Kafka 3.6 (and 2.8: the rules below are the same code in both) writes them. Plain data (no
 * classes, no Maps), changed in place by the functions here.
 *
 * Sources (apache/kafka). 3.6: `storage/.../log/LogSegment.java`, `core/.../log/UnifiedLog.scala`,
 * `core/.../log/LocalLog.scala`, `core/.../log/LogLoader.scala`, `storage/.../log/LogFileUtils.java`.
 * 2.8: `core/.../log/LogSegment.scala` and `core/.../log/Log.scala` (before LocalLog was split out).
 *
 * Model: offsets contiguous; a batch holds one or more records (the producer's batches), so a
 * set's largest offset is its last batch's last offset.
 *
 * - **Size check** (`UnifiedLog.append`, 2.8 `Log.append`, leader and follower alike): a set of
 *   batches larger than `segment.bytes` is refused with `RecordBatchTooLargeException`
 *   (`RECORD_LIST_TOO_LARGE`, error 18) before any roll. So no segment ever exceeds
 *   `segment.bytes`, and an empty segment never rolls for size. `appendBatches` throws on it;
 *   callers check `exceedsSegmentBytes` first and answer the error themselves.
 * - **Roll** (`UnifiedLog.maybeRoll` → `LogSegment.shouldRoll`): before an append of
 *   `messagesSize` bytes, roll if `size > segmentBytes - messagesSize`. The new segment's base
 *   is `max(first offset of the append, LEO)` (`LocalLog.roll`), i.e. the append's first offset.
 *   Not modelled: time rolls (`segment.ms`, 7 days), full offset/time index rolls
 *   (`log.index.size.max.bytes`) and relative-offset overflow rolls.
 * - **Append** (`LogSegment.append`): the set's physical position is the segment's current size.
 *   If `bytesSinceLastIndexEntry > indexIntervalBytes` (strictly, checked before this append) the
 *   index gets `[largest offset of the set, its physical position]` and the counter becomes 0;
 *   then the counter grows by the set's size. One append = one produced batch on a leader, but
 *   on a follower the whole fetched set of a partition (`appendAsFollower`), so a follower gets at
 *   most one index entry per fetch, mapping the set's LAST offset to its FIRST batch's position,
 *   and can roll at other offsets than its leader. The time index is not modelled.
 * - **Truncate** (`UnifiedLog.truncateTo`, 2.8 `Log.truncateTo`): a target ≥ LEO does nothing
 *   (the counter is kept). A target below the first segment's base: `truncateFullyAndStartAt`,
 *   one new empty segment at the target. Otherwise (`LocalLog.truncateTo`) segments whose base
 *   > target are deleted (a segment whose base == target stays, emptied) and the active one is
 *   cut (`LogSegment.truncateTo`): index entries with offset ≥ target removed
 *   (`OffsetIndex.truncateTo`), the file cut at the start of the first batch whose last offset ≥
 *   target (a target inside a batch removes the whole batch, as `translateOffset` finds it), and
 *   `bytesSinceLastIndexEntry = 0`, so the next index entry comes later than it would have.
 * - **Recovery** after a crash (`LogLoader.recoverLog` → `LogSegment.recover`), modelled as:
 *   truncate to the surviving LEO as above; then rebuild the ACTIVE segment's index from its
 *   batches one by one (`recover`: `validBytes - lastIndexEntry > indexIntervalBytes` → entry
 *   `[batch last offset, validBytes]`; the same arithmetic as fresh single-batch appends, so entries
 *   that truncations or follower multi-batch appends shaped are replaced); then every
 *   segment's counter is 0, because loading creates new `LogSegment` objects whose
 *   `bytesSinceLastIndexEntry` starts at 0 and `recover` does not set it. Kafka recovers every
 *   segment from the checkpointed recovery point; a roll flushes the old segment and moves the
 *   recovery point to the new base (`UnifiedLog.roll` → `flushUptoOffsetExclusive`), so we take
 *   only the active segment as unflushed (a stated simplification: the checkpoint file is
 *   written every 60 s, so a real crash can also recover recently rolled segments). A restart
 *   after a clean shutdown skips recovery but also makes new segment objects: `reopenLayout`.
 * - **File names** (`LogFileUtils.filenamePrefixFromOffset`): the base offset as 20 zero-padded
 *   digits, plus ".log".
 */
import type { SegmentReport } from '../model/report';

/** `segment.bytes` and `index.interval.bytes` of the topic. */
export interface LayoutConfig {
  segmentBytes: number;
  indexIntervalBytes: number;
}

/** One batch and where it sits in its segment file: its first and last offsets, position and size. */
export interface BatchPlacement {
  offset: number;
  lastOffset: number;
  position: number;
  sizeBytes: number;
}

/** One batch to append: its first offset, its v2 size and how many records it holds (default 1). */
export interface BatchToAppend {
  offset: number;
  sizeBytes: number;
  records?: number;
}

export interface SegmentState {
  baseOffset: number;
  /** `FileRecords.sizeInBytes`: the sum of its batches' sizes. */
  sizeBytes: number;
  /** The offset index as `[absolute offset, position]` (Kafka stores offset − base). */
  index: [number, number][];
  /** `LogSegment.bytesSinceLastIndexEntry` (in memory only; 0 on a freshly opened segment). */
  bytesSinceLastIndexEntry: number;
  /**
   * The byte position of the batch holding each offset, in offset order: entry i is for offset
   * `baseOffset + i` (offsets contiguous); the records of one batch share their batch's
   * position, and a batch ends where the next begins (or at `sizeBytes`). Plain numbers, so
   * checkpoints copy them cheaply.
   */
  positions: number[];
}

/** The end (exclusive) of the batch that starts at entry `i` of `positions`. */
function batchEnd(positions: number[], i: number): number {
  let j = i + 1;
  while (j < positions.length && positions[j] === positions[i]) j++;
  return j;
}

/** The segment's batches as placements (for inspection and tests). */
export function batchesOf(segment: SegmentState): BatchPlacement[] {
  const batches: BatchPlacement[] = [];
  const { positions } = segment;
  for (let i = 0; i < positions.length;) {
    const end = batchEnd(positions, i);
    batches.push({
      offset: segment.baseOffset + i,
      lastOffset: segment.baseOffset + end - 1,
      position: positions[i],
      sizeBytes: (end < positions.length ? positions[end] : segment.sizeBytes) - positions[i],
    });
    i = end;
  }
  return batches;
}

/** Segments in base-offset order; the last one is the active segment. Never empty. */
export interface LogLayout {
  segments: SegmentState[];
}

function emptySegment(baseOffset: number): SegmentState {
  return { baseOffset, sizeBytes: 0, index: [], bytesSinceLastIndexEntry: 0, positions: [] };
}

/** A new log: one empty segment at `startOffset` (`LogLoader` when the directory is empty). */
export function emptyLayout(startOffset = 0): LogLayout {
  return { segments: [emptySegment(startOffset)] };
}

export function activeSegment(layout: LogLayout): SegmentState {
  return layout.segments[layout.segments.length - 1];
}

/** The log end offset the layout holds: the active segment's next offset (`readNextOffset`). */
export function layoutEndOffset(layout: LogLayout): number {
  const active = activeSegment(layout);
  return active.baseOffset + active.positions.length;
}

/** `UnifiedLog.append`: `validRecords.sizeInBytes > config.segmentSize` → RECORD_LIST_TOO_LARGE. */
export function exceedsSegmentBytes(sizeBytes: number, segmentBytes: number): boolean {
  return sizeBytes > segmentBytes;
}

/** `LogSegment.shouldRoll`, size clause: `size > maxSegmentBytes - messagesSize`. */
function shouldRoll(segment: SegmentState, messagesSize: number, segmentBytes: number): boolean {
  return segment.sizeBytes > segmentBytes - messagesSize;
}

/** `LogSegment.append` of one set of batches; returns the set's physical position. */
function appendToSegment(segment: SegmentState, batches: BatchToAppend[], firstOffset: number, indexIntervalBytes: number): number {
  const physicalPosition = segment.sizeBytes;
  let position = physicalPosition;
  let records = 0;
  for (const batch of batches) {
    const count = batch.records ?? 1;
    for (let r = 0; r < count; r++) segment.positions.push(position);
    records += count;
    position += batch.sizeBytes;
  }
  const appended = position - physicalPosition;
  segment.sizeBytes = position;
  if (segment.bytesSinceLastIndexEntry > indexIntervalBytes) {
    segment.index.push([firstOffset + records - 1, physicalPosition]);
    segment.bytesSinceLastIndexEntry = 0;
  }
  segment.bytesSinceLastIndexEntry += appended;
  return physicalPosition;
}

/**
 * Appends one set of batches in a single `UnifiedLog.append` (a follower's fetched set of a
 * partition), first offset = LEO; returns the set's position. Throws if the set is larger than
 * `segment.bytes` (Kafka refuses it: `exceedsSegmentBytes`) or its offsets are not the LEO's.
 */
export function appendBatches(layout: LogLayout, batches: BatchToAppend[], config: LayoutConfig): number {
  const end = layoutEndOffset(layout);
  if (batches.length === 0) throw new RangeError('appendBatches: no batches');
  let expected = end;
  let total = 0;
  for (const b of batches) {
    if (b.offset !== expected) throw new RangeError(`appendBatches: offset ${b.offset} where ${expected} was expected`);
    if (!Number.isInteger(b.sizeBytes) || b.sizeBytes <= 0) throw new RangeError(`appendBatches: size ${b.sizeBytes}`);
    const count = b.records ?? 1;
    if (!Number.isInteger(count) || count <= 0) throw new RangeError(`appendBatches: ${count} records`);
    expected += count;
    total += b.sizeBytes;
  }
  if (exceedsSegmentBytes(total, config.segmentBytes)) {
    throw new RangeError(`RECORD_LIST_TOO_LARGE: ${total} bytes exceed segment.bytes ${config.segmentBytes}`);
  }
  // `maybeRoll`: never true for an empty segment here (that needs total > segment.bytes, refused
  // above), so `LocalLog.roll`'s "already exists and is active with size 0" case cannot arise.
  if (shouldRoll(activeSegment(layout), total, config.segmentBytes)) layout.segments.push(emptySegment(end));
  return appendToSegment(activeSegment(layout), batches, end, config.indexIntervalBytes);
}

/** Appends one batch of `records` records at the LEO (a leader's produced batch); returns its position. */
export function appendBatch(layout: LogLayout, offset: number, sizeBytes: number, config: LayoutConfig, records = 1): number {
  // One set of one batch, reused: appendBatches reads it and keeps nothing, and a leader appends
  // once per produced batch (a burst of acks=1 records: once per record).
  ONE_BATCH.offset = offset;
  ONE_BATCH.sizeBytes = sizeBytes;
  ONE_BATCH.records = records;
  return appendBatches(layout, ONE_BATCH_SET, config);
}
const ONE_BATCH: BatchToAppend = { offset: 0, sizeBytes: 0, records: 1 };
const ONE_BATCH_SET: BatchToAppend[] = [ONE_BATCH];

/** `LogSegment.truncateTo`: drop index entries ≥ offset, cut the file there, reset the counter. */
function truncateSegmentTo(segment: SegmentState, offset: number): void {
  // `translateOffset`: the first batch whose last offset ≥ `offset`; none → nothing to cut. The
  // file is cut at that batch's start, so a target inside a batch removes the whole batch.
  let cut = Math.max(0, offset - segment.baseOffset);
  while (cut > 0 && cut < segment.positions.length && segment.positions[cut - 1] === segment.positions[cut]) cut--;
  if (cut < segment.positions.length) {
    segment.sizeBytes = segment.positions[cut];
    segment.positions.length = cut;
  }
  segment.index = segment.index.filter(([o]) => o < offset);
  segment.bytesSinceLastIndexEntry = 0;
}

/**
 * `UnifiedLog.truncateTo` (2.8 `Log.truncateTo`): keeps offsets below `offset`. Returns false,
 * changing nothing, when `offset` ≥ LEO, as Kafka does.
 */
export function truncateLayoutTo(layout: LogLayout, offset: number): boolean {
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`truncateLayoutTo: offset ${offset}`);
  if (offset >= layoutEndOffset(layout)) return false;
  if (layout.segments[0].baseOffset > offset) {
    layout.segments = [emptySegment(offset)]; // `truncateFullyAndStartAt`
    return true;
  }
  // `LocalLog.truncateTo`: delete segments with baseOffset > offset, then cut the active one.
  layout.segments.length = layout.segments.filter((s) => s.baseOffset <= offset).length;
  truncateSegmentTo(activeSegment(layout), offset);
  return true;
}

/** `LogSegment.recover`'s index rebuild: batch by batch (`[batch.lastOffset, validBytes]`), from a counter of 0. */
function rebuildIndex(segment: SegmentState, indexIntervalBytes: number): void {
  segment.index = [];
  let lastIndexEntry = 0;
  for (const batch of batchesOf(segment)) {
    const validBytes = batch.position;
    if (validBytes - lastIndexEntry > indexIntervalBytes) {
      segment.index.push([batch.lastOffset, validBytes]);
      lastIndexEntry = validBytes;
    }
  }
}

/**
 * A restart: loading makes new `LogSegment` objects (`LogSegment.open`), whose
 * `bytesSinceLastIndexEntry` starts at 0. Alone it models a restart after a clean shutdown.
 */
export function reopenLayout(layout: LogLayout): void {
  for (const segment of layout.segments) segment.bytesSinceLastIndexEntry = 0;
}

/**
 * Crash recovery with the log's surviving end at `offset` (≤ LEO): truncate there, rebuild the
 * active segment's index as `LogSegment.recover` does, and reopen every segment (header).
 */
export function recoverLayoutTo(layout: LogLayout, offset: number, config: LayoutConfig): void {
  if (offset > layoutEndOffset(layout)) throw new RangeError(`recoverLayoutTo: ${offset} is past the LEO`);
  truncateLayoutTo(layout, offset);
  rebuildIndex(activeSegment(layout), config.indexIntervalBytes);
  reopenLayout(layout);
}

/** The segment holding `offset` and the batch's index in it, or null if the log lacks it. */
function locate(layout: LogLayout, offset: number): { segment: SegmentState; i: number } | null {
  let lo = 0;
  let hi = layout.segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (layout.segments[mid].baseOffset <= offset) lo = mid;
    else hi = mid - 1;
  }
  const segment = layout.segments[lo];
  const i = offset - segment.baseOffset;
  return i >= 0 && i < segment.positions.length ? { segment, i } : null;
}

/** The byte position of the batch holding `offset` in its segment, or null if the log lacks it. */
export function positionOf(layout: LogLayout, offset: number): number | null {
  const found = locate(layout, offset);
  return found === null ? null : found.segment.positions[found.i];
}

/**
 * The end (exclusive) of what one read from `fromOffset` returns (`LocalLog.read`): batches of
 * the one segment holding `fromOffset`, as many whole ones as fit in `maxBytes`, at least one
 * (`LogSegment.read` with `minOneMessage`). `fromOffset` itself when the log has nothing there.
 */
export function readEndOffset(layout: LogLayout, fromOffset: number, maxBytes = Infinity): number {
  const found = locate(layout, fromOffset);
  if (found === null) return fromOffset;
  const { positions, sizeBytes, baseOffset } = found.segment;
  let end = fromOffset;
  let bytes = 0;
  // Reads start at a batch boundary (a fetch offset is an LEO); whole batches only.
  for (let i = found.i; i < positions.length;) {
    const next = batchEnd(positions, i);
    const size = (next < positions.length ? positions[next] : sizeBytes) - positions[i];
    if (end > fromOffset && bytes + size > maxBytes) break;
    bytes += size;
    end = baseOffset + next;
    i = next;
  }
  return end;
}

/** `LogFileUtils.filenamePrefixFromOffset` (20 digits, zero-padded) + `LogFileUtils.LOG_FILE_SUFFIX`. */
export function segmentFileName(baseOffset: number): string {
  return `${String(baseOffset).padStart(20, '0')}.log`;
}

/** The Report's `segments[]`: base offset, file name, size and index as absolute `[offset, position]`. */
export function segmentsReport(layout: LogLayout): SegmentReport[] {
  return layout.segments.map((s) => ({
    baseOffset: s.baseOffset,
    file: segmentFileName(s.baseOffset),
    sizeBytes: s.sizeBytes,
    index: s.index.map(([offset, position]): [number, number] => [offset, position]),
  }));
}
