/**
 * `AbstractStickyAssignor.PartitionMovements`: a move A→B is answered by moving back a partition
 * that already went B→A (`getTheActualPartitionToBeMoved`), and a partition moved twice is recorded
 * as one move from its first owner (`movePartition`).
 */
import { describe, expect, it } from 'vitest';
import { PartitionMovements } from './partitionMovements';

const tp = (topic: string, partition: number) => ({ topic, partition });

describe('PartitionMovements', () => {
  it('returns the partition itself when nothing of its topic moved', () => {
    const m = new PartitionMovements();
    expect(m.getTheActualPartitionToBeMoved(tp('t', 0), 'A', 'B')).toEqual(tp('t', 0));
  });

  it('moving t-1 from B back to A moves the partition that went A→B instead', () => {
    const m = new PartitionMovements();
    m.movePartition(tp('t', 0), 'A', 'B');
    expect(m.getTheActualPartitionToBeMoved(tp('t', 1), 'B', 'A')).toEqual(tp('t', 0));
    expect(m.getTheActualPartitionToBeMoved(tp('u', 1), 'B', 'A')).toEqual(tp('u', 1));
  });

  it('a partition moved A→B→C counts as A→C; moved back to A it counts as no move', () => {
    const m = new PartitionMovements();
    m.movePartition(tp('t', 0), 'A', 'B');
    m.movePartition(tp('t', 0), 'B', 'C');
    expect(m.getTheActualPartitionToBeMoved(tp('t', 5), 'C', 'A')).toEqual(tp('t', 0));
    m.movePartition(tp('t', 0), 'C', 'A');
    expect(m.getTheActualPartitionToBeMoved(tp('t', 5), 'C', 'A')).toEqual(tp('t', 5));
  });
});
