/** Small readers of the runner's report, for the lessons' questions and claims. */
import type { AnomalyType, CliReport, PartitionReport, ProducedReport, Report, ReplicaReport } from '../core/model/report';
import type { GroupReport } from '../core/model/groups';
import type { Stop } from './types';

export function partitionOf(report: Report, topic: string, partition = 0): PartitionReport {
  const found = report.partitions.find((p) => p.topic === topic && p.partition === partition);
  if (!found) throw new Error(`no partition ${topic}-${partition}`);
  return found;
}

export function replicaOf(report: Report, topic: string, partition: number, broker: number): ReplicaReport {
  const found = partitionOf(report, topic, partition).replicaStates.find((r) => r.broker === broker);
  if (!found) throw new Error(`no replica of ${topic}-${partition} on broker ${broker}`);
  return found;
}

/** The values in a replica's log, in offset order. */
export function valuesOn(report: Report, topic: string, partition: number, broker: number): string[] {
  return replicaOf(report, topic, partition, broker).log.map((r) => r.value);
}

export function isrOf(report: Report, topic: string, partition = 0): number[] {
  return partitionOf(report, topic, partition).isr;
}

export function leaderOf(report: Report, topic: string, partition = 0): number | null {
  return partitionOf(report, topic, partition).leader;
}

/** The produce outcomes of records with this value (in step order). */
export function producedWith(report: Report, value: string): ProducedReport[] {
  return report.produced.filter((p) => p.value === value);
}

export function hasAnomaly(report: Report, type: AnomalyType): boolean {
  return report.anomalies.some((a) => a.type === type);
}

export const same = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export function groupOf(report: Report, group: string): GroupReport {
  const found = report.groups.find((g) => g.group === group);
  if (!found) throw new Error(`no group ${group}`);
  return found;
}

/** The partitions (`topic-partition`) the coordinator gave a member; [] when it is not a member. */
export function assignmentOf(report: Report, group: string, member: string): string[] {
  return groupOf(report, group).members.find((m) => m.member === member)?.assignment ?? [];
}

/** The values a member polled, in step and offset order (`step` limits it to one poll step). */
export function polledValues(report: Report, group: string, member: string, step?: number): string[] {
  return report.polled.filter((p) => p.group === group && p.member === member && (step === undefined || p.step === step))
    .flatMap((p) => p.records.map((r) => r.value));
}

/** The output of the `cli` step at `step`. */
export function cliAt(report: Report, step: number): CliReport {
  const found = report.cli.find((c) => c.step === step);
  if (!found) throw new Error(`no cli output for step ${step}`);
  return found;
}

/** `count` stops (positions 0..count-1), with the given ones filled in. */
export function stops(count: number, given: Record<number, Stop> = {}): Stop[] {
  return Array.from({ length: count }, (_, i) => given[i] ?? {});
}
