/**
 * The headless runner's report (docs/scenario-format.md, "Report"). Field order here is the
 * order the JSON is printed in; `scenario/report.ts` builds objects in exactly this order.
 */
import type { Acks } from './scenario';
import type { GroupReport, PolledReport } from './groups';

export type BrokerProcessState = 'running' | 'isolated' | 'crashed' | 'restarting' | 'stopped';

export interface BrokerReport {
  id: number;
  state: BrokerProcessState;
  fenced: boolean;
}

export interface LogRecordReport {
  offset: number;
  leaderEpoch: number;
  step: number;
  index: number;
  key: string | null;
  value: string;
  position: number;
  sizeBytes: number;
}

export interface SegmentReport {
  baseOffset: number;
  file: string;
  sizeBytes: number;
  index: [number, number][];
}

export interface ReplicaReport {
  broker: number;
  /** The replica's log start offset (Retention); `log[]` may still hold records below it on a follower. */
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
  log: LogRecordReport[];
  epochCache: [number, number][];
  segments: SegmentReport[];
}

export interface PartitionReport {
  topic: string;
  partition: number;
  leader: number | null;
  leaderEpoch: number;
  isr: number[];
  replicas: number[];
  highWatermark: number;
  replicaStates: ReplicaReport[];
}

export interface ProducedReport {
  step: number;
  index: number;
  topic: string;
  partition: number;
  key: string | null;
  value: string;
  acks: Acks;
  offset: number | null;
  acked: boolean;
  error: string | null;
  attempts: number;
}

export interface StepErrorReport {
  step: number;
  error: string;
  message: string;
}

/** One `cli` step's output (docs/scenario-format.md, Report `cli`). */
export interface CliReport {
  step: number;
  command: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

export type AnomalyType =
  | 'acknowledged-record-lost'
  | 'replica-divergence'
  | 'duplicate-record'
  | 'consumer-saw-record-later-lost';

export interface AnomalyReport {
  type: AnomalyType;
  topic: string;
  partition: number;
  offset: number;
  broker?: number;
}

export interface Report {
  version: 1;
  semantics: number;
  timeMs: number;
  brokers: BrokerReport[];
  partitions: PartitionReport[];
  produced: ProducedReport[];
  groups: GroupReport[];
  polled: PolledReport[];
  cli: CliReport[];
  stepErrors: StepErrorReport[];
  anomalies: AnomalyReport[];
}
