/**
 * Which offsets a partition's log strips show, and where each offset cell sits (pure; no DOM).
 *
 * All replicas of one partition share one window and one scale, so the same offset lines up in
 * every broker's column. A long log draws only its most recent records: at least the last
 * `MIN_RECENT` and always every record at or above any replica's HW (ui-contract.md, "Test
 * hooks"), for every replica; the strips then start at `firstOffset` > 0. Nor does it draw
 * offsets that no replica holds any more (retention deleted them).
 */
import type { PartitionReport } from '../../core/model/report';

/** Fewer cells than this look lost in a wide column: short logs keep empty room on the right. */
export const MIN_SLOTS = 5;
/** Records drawn at least, counting back from the end, when a log is long. */
export const MIN_RECENT = 20;

/**
 * Up to this many slots a cell shows its offset and epoch in text. The text is sized for the
 * narrowest strip (styles.css, `.record-offset`: 10.5rem × 0.6 / slots), so past 14 slots the
 * offset would be under 7 px and the epoch under 5 px: unreadable, yet two text boxes per cell
 * to lay out and shape, most of a long jump's layout (bench/browser: 21 slots, 180 cells,
 * 720 of its 2,450 layout objects). Wider windows leave the cells bare: the colour gives the
 * epoch, a cell's tooltip gives its offset and epoch in words, and the inspector's epoch cache
 * where each epoch starts (the strip itself is hidden from screen readers: its summary and the
 * inspector say what it shows).
 */
export const LABELLED_SLOTS = 14;

/** Whether the window's cells are wide enough to carry their offset and epoch in text. */
export const cellsLabelled = (window: LogWindow): boolean => window.slots <= LABELLED_SLOTS;

export interface LogWindow {
  /** The first offset drawn (`data-first-drawn-offset` when > 0). */
  firstOffset: number;
  /** Number of cell slots: the drawn offsets plus room after the longest log's end. */
  slots: number;
  /** Left edge of an offset's cell (or marker position of an offset boundary), in percent. */
  x(offset: number): number;
  /** Width of one cell, in percent. */
  cellWidth: number;
}

export function logWindow(partition: PartitionReport): LogWindow {
  const replicas = partition.replicaStates;
  const end = Math.max(0, ...replicas.map((r) => r.logEndOffset));
  // Each replica keeps its own last MIN_RECENT records and everything from its own HW up.
  // An empty replica has nothing to draw, so it does not hold the window at 0.
  const holding = replicas.filter((r) => r.logEndOffset > 0);
  const recent = Math.max(0, Math.min(end, ...holding.map((r) => Math.min(r.logEndOffset - MIN_RECENT, r.highWatermark))));
  // Retention deleted what lies below every replica's first record: nothing there to draw.
  const held = Math.min(end, ...holding.map((r) => Math.min(r.logStartOffset, r.log[0]?.offset ?? r.logStartOffset)));
  const firstOffset = Math.max(recent, held);
  // One empty slot after the end, so the LEO marker never sits on the strip's edge.
  const slots = Math.max(MIN_SLOTS, end - firstOffset + 1);
  // The linear map [firstOffset, firstOffset + slots] → [0, 100] (percent of the window's width).
  return { firstOffset, slots, x: (offset) => 100 * ((offset - firstOffset) / slots), cellWidth: 100 / slots };
}
