import { describe, expect, it } from 'vitest';
import type { PartitionReport, ReplicaReport } from '../../core/model/report';
import { cellsLabelled, logWindow, MIN_RECENT } from './logWindow';

const replica = (broker: number, logEndOffset: number, highWatermark: number): ReplicaReport =>
  ({ broker, logStartOffset: 0, logEndOffset, highWatermark, log: [], epochCache: [], segments: [] });
const partition = (replicaStates: ReplicaReport[]): PartitionReport =>
  ({ topic: 't', partition: 0, leader: 1, leaderEpoch: 0, isr: [1], replicas: replicaStates.map((r) => r.broker), highWatermark: 0, replicaStates });

describe('logWindow', () => {
  it('draws the last records of a long, committed log', () => {
    expect(logWindow(partition([replica(1, 100, 100), replica(2, 100, 100)])).firstOffset).toBe(100 - MIN_RECENT);
  });

  it('keeps every record at or above a replica\'s HW', () => {
    expect(logWindow(partition([replica(1, 100, 100), replica(2, 90, 30)])).firstOffset).toBe(30);
  });

  it('an empty replica does not hold the window at 0', () => {
    expect(logWindow(partition([replica(1, 100, 100), replica(2, 0, 0)])).firstOffset).toBe(100 - MIN_RECENT);
  });
});

describe('logWindow after retention', () => {
  const holding = (broker: number, first: number, leo: number): ReplicaReport => ({
    broker, logStartOffset: first, logEndOffset: leo, highWatermark: leo, epochCache: [], segments: [],
    log: Array.from({ length: leo - first }, (_, i) => ({ offset: first + i, leaderEpoch: 0, step: i, index: 0, key: null, value: '', position: 0, sizeBytes: 70 })),
  });

  it('starts at the first offset any replica still holds, not at 0', () => {
    // Both logs start at 1000 (LEO 1003): the last 20 would reach back to 983, but nothing is there.
    expect(logWindow(partition([holding(1, 1000, 1003), holding(2, 1000, 1003)])).firstOffset).toBe(1000);
  });

  it('a follower still holding older segments keeps them in the window', () => {
    expect(logWindow(partition([holding(1, 1000, 1003), holding(2, 995, 1003)])).firstOffset).toBe(995);
  });
});

describe('cellsLabelled: text in the cells only while it is readable', () => {
  it('labels up to 14 slots (offset text ≥ 7 px at the narrowest strip), not past them', () => {
    // The offset's font size in styles.css: 10.5rem × 0.6 / slots, at 16 px a rem.
    const offsetPx = (slots: number) => (10.5 * 16 * 0.6) / slots;
    const withEnd = (leo: number) => logWindow(partition([replica(1, leo, leo)]));
    expect(withEnd(13).slots).toBe(14);
    expect(cellsLabelled(withEnd(13))).toBe(true);
    expect(offsetPx(14)).toBeGreaterThanOrEqual(7);
    expect(withEnd(14).slots).toBe(15);
    expect(cellsLabelled(withEnd(14))).toBe(false);
    expect(offsetPx(15)).toBeLessThan(7);
    // A long log draws its last 20 records and one empty slot: 21 slots, bare cells.
    expect(withEnd(500).slots).toBe(MIN_RECENT + 1);
    expect(cellsLabelled(withEnd(500))).toBe(false);
  });
});
