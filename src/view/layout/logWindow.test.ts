import { describe, expect, it } from 'vitest';
import type { PartitionReport, ReplicaReport } from '../../core/model/report';
import { logWindow, MIN_RECENT } from './logWindow';

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
