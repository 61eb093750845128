/**
 * The scrubber's marks (pure): where the notable steps are, at most one per slot of the track so
 * that a long scenario stays legible; in each slot the most telling kind, at its first position.
 */
import type { TimelineMark } from '../../session/timeline';

/** The same signs as the rest of the picture: ⚠ anomalies, ♛ leaders, ✂ truncation. */
export const MARK_GLYPH: Record<TimelineMark, string> = { anomaly: '⚠', leader: '♛', truncate: '✂', isr: '±', broker: '●' };
const RANK: Record<TimelineMark, number> = { anomaly: 0, leader: 1, truncate: 2, isr: 3, broker: 4 };
export const MARK_SLOTS = 100;

export function scrubberMarks(marks: ReadonlyMap<number, TimelineMark>, total: number, slotCount = MARK_SLOTS): { at: number; mark: TimelineMark }[] {
  if (total <= 0) return [];
  const slots = new Map<number, { at: number; mark: TimelineMark }>();
  for (const [at, mark] of [...marks].sort((a, b) => a[0] - b[0])) {
    const slot = Math.min(slotCount - 1, Math.floor((at / total) * slotCount));
    const held = slots.get(slot);
    if (!held || RANK[mark] < RANK[held.mark]) slots.set(slot, { at, mark });
  }
  return [...slots.values()].sort((a, b) => a.at - b.at);
}
