/**
 * Where the split view's two panes part (ui-contract.md, "Split view"): a partition or replica
 * whose hook attributes or records differ, a record that the same replica in the other pane does
 * not hold at that offset with the same key, value and leader epoch. One set of keys serves both
 * panes (the mark goes on both sides).
 */
import { createContext, useContext } from 'react';
import type { PartitionReport, Report } from '../../core/model/report';
import { replicaRole } from '../viewModel';

export interface Differs {
  partitions: Set<string>;
  replicas: Set<string>;
  records: Set<string>;
}

export const DiffersContext = createContext<Differs | null>(null);

export function useDiffers(): Differs | null {
  return useContext(DiffersContext);
}

export const partitionDiffKey = (topic: string, partition: number) => `${topic}-${partition}`;
export const replicaDiffKey = (topic: string, partition: number, broker: number) => `${topic}-${partition}@${broker}`;
export const recordDiffKey = (topic: string, partition: number, broker: number, offset: number) => `${topic}-${partition}@${broker}#${offset}`;

type Replica = PartitionReport['replicaStates'][number];
type LogEntry = Replica['log'][number];

const sameRecord = (a: LogEntry | undefined, b: LogEntry | undefined) =>
  a !== undefined && b !== undefined && a.key === b.key && a.value === b.value && a.leaderEpoch === b.leaderEpoch;

function markAll(out: Differs, p: PartitionReport): void {
  out.partitions.add(partitionDiffKey(p.topic, p.partition));
  for (const r of p.replicaStates) {
    out.replicas.add(replicaDiffKey(p.topic, p.partition, r.broker));
    for (const rec of r.log) out.records.add(recordDiffKey(p.topic, p.partition, r.broker, rec.offset));
  }
}

export function computeDiffers(a: Report, b: Report): Differs {
  const out: Differs = { partitions: new Set(), replicas: new Set(), records: new Set() };
  const index = (r: Report) => new Map(r.partitions.map((p) => [partitionDiffKey(p.topic, p.partition), p]));
  const pa = index(a);
  const pb = index(b);
  for (const key of new Set([...pa.keys(), ...pb.keys()])) {
    const x = pa.get(key);
    const y = pb.get(key);
    if (!x || !y) {
      markAll(out, (x ?? y) as PartitionReport);
      continue;
    }
    let partitionDiffers = x.leader !== y.leader || x.leaderEpoch !== y.leaderEpoch || x.highWatermark !== y.highWatermark || x.isr.join(',') !== y.isr.join(',');
    for (const broker of new Set([...x.replicaStates, ...y.replicaStates].map((r) => r.broker))) {
      const rx = x.replicaStates.find((r) => r.broker === broker);
      const ry = y.replicaStates.find((r) => r.broker === broker);
      let replicaDiffers = !rx || !ry || rx.logEndOffset !== ry.logEndOffset || rx.highWatermark !== ry.highWatermark
        || replicaRole(x, broker, a.brokers) !== replicaRole(y, broker, b.brokers) || x.isr.includes(broker) !== y.isr.includes(broker);
      const lx = new Map((rx?.log ?? []).map((r) => [r.offset, r]));
      const ly = new Map((ry?.log ?? []).map((r) => [r.offset, r]));
      for (const offset of new Set([...lx.keys(), ...ly.keys()])) {
        if (!sameRecord(lx.get(offset), ly.get(offset))) {
          out.records.add(recordDiffKey(x.topic, x.partition, broker, offset));
          replicaDiffers = true;
        }
      }
      if (replicaDiffers) {
        out.replicas.add(replicaDiffKey(x.topic, x.partition, broker));
        partitionDiffers = true;
      }
    }
    if (partitionDiffers) out.partitions.add(key);
  }
  return out;
}
