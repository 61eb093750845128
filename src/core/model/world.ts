/**
 * The simulated world: plain, serializable data (structuredClone-able, no classes, no Maps),
 * including the random streams' state and the timers. `step(world, step)` returns a new world;
 * internally the protocol functions change a private copy in place (see step.ts).
 */
import type { EventQueue } from '../time/eventQueue';
import type { RandomState } from '../time/random';
import type { BrokerProcessState, ProducedReport, StepErrorReport, AnomalyReport } from './report';
import type { Scenario, TopicConfig } from './scenario';

/** One record as a replica's log holds it. Immutable once written: replicas share the object. */
export interface LogRecord {
  readonly offset: number;
  /** The leader epoch of the batch (`partitionLeaderEpoch` in the v2 header). */
  readonly leaderEpoch: number;
  readonly step: number;
  readonly index: number;
  readonly key: string | null;
  readonly value: string;
  readonly sizeBytes: number;
}

/** A replica's own state: its log, its HW and (in `leader-epoch` mode) its epoch cache. */
export interface ReplicaState {
  broker: number;
  /** Offsets are contiguous from 0 (no retention or compaction yet): LEO = log.length. */
  log: LogRecord[];
  highWatermark: number;
  /** `LeaderEpochFileCache` as `[epoch, startOffset]` pairs; always empty in `high-watermark` mode. */
  epochCache: [number, number][];
}

/**
 * What a leader knows of one follower (Kafka's `Replica` / `ReplicaState`). Reset when a broker
 * becomes leader (`Partition.makeLeader`), so a new leader knows nothing of its followers' LEOs.
 */
export interface FollowerView {
  broker: number;
  /** The follower's LEO as the leader last saw it (its fetch offset); -1 = unknown. */
  logEndOffset: number;
  lastCaughtUpTimeMs: number;
  lastFetchLeaderLogEndOffset: number;
  lastFetchTimeMs: number;
}

export interface PartitionState {
  topic: string;
  partition: number;
  /** The assignment; the first replica is the preferred leader. */
  replicas: number[];
  leader: number | null;
  leaderEpoch: number;
  isr: number[];
  /** The leader's LEO when it took its current epoch (`leaderEpochStartOffsetOpt`, KAFKA-7128). */
  leaderEpochStartOffset: number;
  /** One per assigned replica, in assignment order. */
  replicaStates: ReplicaState[];
  /** The leader's view of each other replica, in assignment order. */
  followers: FollowerView[];
}

/** Per-topic state of the producer's null-key partitioner (docs/scenario-format.md, Partitioner). */
export interface PartitionerState {
  /** `round-robin`: Kafka 2.3 `DefaultPartitioner`'s counter (a Java int), null until first used. */
  roundRobinCounter: number | null;
  /** `sticky`: `StickyPartitionCache`'s partition for the topic, null while it has none. */
  stickyPartition: number | null;
  /** `built-in`: `BuiltInPartitioner`'s current partition, null when the next record must draw. */
  builtInPartition: number | null;
  /** `built-in`: v2 bytes of null-key records sent to `builtInPartition` so far. */
  builtInProducedBytes: number;
}

export interface TopicState {
  name: string;
  config: TopicConfig;
  /** Partition states, by partition number. */
  partitions: PartitionState[];
  partitioner: PartitionerState;
}

export interface BrokerState {
  id: number;
  state: BrokerProcessState;
  fenced: boolean;
}

/** An acks=all produce held by its leader until the HW passes it (Kafka's `DelayedProduce`). */
export interface PendingProduce {
  /** Index of its entry in `world.produced`. */
  produced: number;
  topic: string;
  partition: number;
  /** The leader broker that holds it. */
  leader: number;
  offset: number;
}

export type TimedEvent =
  | { type: 'isr-check' }
  | { type: 'produce-timeout'; produced: number };

export interface World {
  /** The validated scenario minus its steps: the cluster's fixed settings. */
  settings: Omit<Scenario, 'steps'>;
  timeMs: number;
  stepsApplied: number;
  brokers: BrokerState[];
  /** Sorted by name in code-unit order, as the report lists partitions. */
  topics: TopicState[];
  produced: ProducedReport[];
  pendingProduces: PendingProduce[];
  queue: EventQueue<TimedEvent>;
  random: Record<string, RandomState>;
  stepErrors: StepErrorReport[];
  anomalies: AnomalyReport[];
}

export function logEndOffset(replica: ReplicaState): number {
  return replica.log.length;
}
