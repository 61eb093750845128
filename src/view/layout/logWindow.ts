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
