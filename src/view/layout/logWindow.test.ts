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
