/**
 * The offset lookup (core/protocol/offsetLookup.ts) as numbered steps for the log view to reveal
 * one at a time: which segment, each index entry compared, each batch read. Plain data, no words:
 * the component puts them into the reader's language.
 */
import type { OffsetLookup } from '../../core/protocol/offsetLookup';

export type LookupStep =
  | { kind: 'segment'; baseOffset: number; file: string }
  | { kind: 'probe'; phase: 'warm' | 'first' | 'search'; slot: number; offset: number; position: number; comparison: 'below' | 'equal' | 'above' }
  | { kind: 'start'; slot: number; position: number }
  | { kind: 'read'; offset: number; lastOffset: number; position: number; sizeBytes: number; found: boolean };

export function lookupSteps(lookup: Extract<OffsetLookup, { kind: 'found' }>, fileName: (baseOffset: number) => string): LookupStep[] {
  const steps: LookupStep[] = [{ kind: 'segment', baseOffset: lookup.segment.baseOffset, file: fileName(lookup.segment.baseOffset) }];
  for (const probe of lookup.indexProbes) steps.push({ kind: 'probe', ...probe });
  steps.push({ kind: 'start', slot: lookup.indexSlot, position: lookup.startPosition });
  lookup.scanned.forEach((batch, i) => steps.push({ kind: 'read', ...batch, found: i === lookup.scanned.length - 1 }));
  return steps;
}

/** At most `size` rows around the rows of interest (else the last ones), for long tables. */
export function rowWindow(count: number, focus: number[], size = 40): { from: number; to: number } {
  if (count <= size) return { from: 0, to: count };
  const centre = focus.length > 0 ? Math.round((Math.min(...focus) + Math.max(...focus)) / 2) : count - 1;
  const from = Math.max(0, Math.min(count - size, centre - Math.floor(size / 2)));
  return { from, to: from + size };
}
