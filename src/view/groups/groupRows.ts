/**
 * What the groups panel shows, computed from the report alone (the same numbers the runner
 * prints): each group's committed offsets with the partition's high watermark and the lag, each
 * member's assignment in the hook's sorted order, and its last poll.
 */
import type { GroupReport, PolledReport } from '../../core/model/groups';
import type { PartitionReport } from '../../core/model/report';

/** `orders-10` → `{ topic: 'orders', partition: 10 }` (a topic name may itself contain `-`). */
export function splitTopicPartition(tp: string): { topic: string; partition: number } {
  const dash = tp.lastIndexOf('-');
  return { topic: tp.slice(0, dash), partition: Number(tp.slice(dash + 1)) };
}

/** By topic, then by partition number (orders-2 before orders-10). */
export function compareTopicPartitions(a: string, b: string): number {
  const x = splitTopicPartition(a);
  const y = splitTopicPartition(b);
  return x.topic < y.topic ? -1 : x.topic > y.topic ? 1 : x.partition - y.partition;
}

export function sortedAssignment(assignment: readonly string[]): string[] {
  return [...assignment].sort(compareTopicPartitions);
}

export interface CommittedRow {
  topic: string;
  partition: number;
  offset: number;
  /** The partition's high watermark now; null when the partition is gone (a deleted topic). */
  end: number | null;
  /** `end − offset`, never below 0; null without an end. */
  lag: number | null;
}

/** The contract's lag ("Groups"): the partition's high watermark minus the committed offset, never below 0. */
export function lagOf(highWatermark: number, committed: number): number {
  return Math.max(0, highWatermark - committed);
}

export function committedRows(group: GroupReport, partitions: readonly PartitionReport[]): CommittedRow[] {
  return Object.entries(group.committed)
    .sort(([a], [b]) => compareTopicPartitions(a, b))
    .map(([tp, offset]) => {
      const { topic, partition } = splitTopicPartition(tp);
      const p = partitions.find((q) => q.topic === topic && q.partition === partition);
      const end = p ? p.highWatermark : null;
      return { topic, partition, offset, end, lag: end === null ? null : lagOf(end, offset) };
    });
}

/** Offsets as short ranges: [0,1,2,5] → "0–2, 5". */
export function offsetRanges(offsets: readonly number[]): string {
  const sorted = [...offsets].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j;
  }
  return parts.join(', ');
}

/** The member's last poll up to now, or null if it never polled. */
export function lastPoll(polled: readonly PolledReport[], group: string, member: string): PolledReport | null {
  for (let i = polled.length - 1; i >= 0; i--) {
    if (polled[i].group === group && polled[i].member === member) return polled[i];
  }
  return null;
}
