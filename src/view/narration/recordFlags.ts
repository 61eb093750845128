/**
 * Which produced records an anomaly names (pure): an acknowledged record now lost, or a record
 * the leader wrote twice. The produced table shows these instead of a bare "acked".
 */
import type { Report } from '../../core/model/report';

export type RecordFlag = 'acked-then-lost' | 'written-twice';

/** By index in `report.produced`. */
export function recordFlags(report: Pick<Report, 'produced' | 'anomalies' | 'partitions'>): Map<number, RecordFlag> {
  const flags = new Map<number, RecordFlag>();
  for (const anomaly of report.anomalies) {
    if (anomaly.type === 'acknowledged-record-lost') {
      const i = report.produced.findIndex((p) => p.acked && p.topic === anomaly.topic && p.partition === anomaly.partition && p.offset === anomaly.offset);
      if (i >= 0) flags.set(i, 'acked-then-lost');
    } else if (anomaly.type === 'duplicate-record') {
      // The anomaly names the second copy's offset: find whose record sits there.
      const partition = report.partitions.find((p) => p.topic === anomaly.topic && p.partition === anomaly.partition);
      const leaderFirst = partition ? [...partition.replicaStates].sort((a, b) => Number(b.broker === partition.leader) - Number(a.broker === partition.leader)) : [];
      const copy = leaderFirst.map((r) => r.log.find((record) => record.offset === anomaly.offset)).find((r) => r !== undefined);
      const i = copy ? report.produced.findIndex((p) => p.step === copy.step && p.index === copy.index) : -1;
      if (i >= 0 && !flags.has(i)) flags.set(i, 'written-twice');
    }
  }
  return flags;
}
