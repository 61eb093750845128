/**
 * The simulated world: plain, serializable data (structuredClone-able, no classes, no Maps),
 * including the random streams' state and the timers. `step(world, step)` returns a new world;
 * internally the protocol functions change a private copy in place (see step.ts).
 */
import type { EventQueue } from '../time/eventQueue';
import type { RandomState } from '../time/random';
import type { BrokerProcessState, CliReport, ProducedReport, StepErrorReport, AnomalyReport } from './report';
import type { Scenario, TopicConfig } from './scenario';
import type { LogLayout } from '../protocol/logLayout';

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
  /** The idempotent producer's id and the batch's sequence (KIP-98); absent otherwise. */
  readonly producerId?: number;
  readonly sequence?: number;
}

/** A replica's own state: its log, its HW and (in `leader-epoch` mode) its epoch cache. */
export interface ReplicaState {
  broker: number;
  /** Offsets are contiguous from 0 (no retention or compaction yet): LEO = log.length. */
  log: LogRecord[];
  highWatermark: number;
  /** `LeaderEpochFileCache` as `[epoch, startOffset]` pairs; always empty in `high-watermark` mode. */
  epochCache: [number, number][];
  /**
   * The leadership this broker last applied for the partition (the controller's decisions reach
   * a broker only while it is up and reachable). `appliedEpoch` -1 means it has applied nothing
   * since it (re)started, so the next decision makes it a new follower or leader.
   */
  appliedLeader: number | null;
  appliedEpoch: number;
  /** Anomaly checker's cache: offsets below this were found equal to the leader's. */
  verifiedUpTo: number;
  /** The log's segments and sparse offset index on this broker's disk (protocol/logLayout.ts). */
  layout: LogLayout;
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
  /** The latest broker that led, kept while the partition has no leader (for its HW in the report). */
  lastLeader: number;
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
  /** Kafka's topic id (KIP-516), drawn from the seed's `topic-id:<name>` stream at creation. */
  topicId: string;
  config: TopicConfig;
  /** Topic configs set on the topic itself (a `--config` at creation, `kafka-configs.sh --alter`). */
  overrides: string[];
  /** 2.8 through `--zookeeper` with `delete.topic.enable=false`: marked, never deleted. */
  markedForDeletion: boolean;
  /** `world.produced.length` when the topic was created: older records belong to an earlier topic of this name. */
  createdAtProduced: number;
  /** Partition states, by partition number. */
  partitions: PartitionState[];
  partitioner: PartitionerState;
}

export interface BrokerState {
  id: number;
  /** The broker process machine's state (machines/brokerMachines.ts). */
  state: BrokerProcessState;
  /** The controller-view machine's state: true while the controller does not count it available. */
  fenced: boolean;
  /**
   * The controller's session with this broker: the instant it last heard from it while it is
   * unreachable (crash, isolation, a stop without controlled shutdown), else null. A
   * `session-expire` event scheduled at that instant + the session timeout fences it.
   */
  lostContactAtMs: number | null;
  /** Identifies the current lost-contact period, so a stale expiry timer does nothing. */
  sessionGeneration: number;
}

/** An acks=all produce held by its leader until the HW passes it (Kafka's `DelayedProduce`). */
export interface PendingProduce {
  /** Index of its entry in `world.produced`. */
  produced: number;
  /** The client attempt it answers. */
  attempt: number;
  topic: string;
  partition: number;
  /** The leader broker that holds it. */
  leader: number;
  /** The offset the HW must pass. */
  offset: number;
}

/**
 * The Java producer's view of one record (one batch in this model): where it is in its life,
 * which attempt is current, and its idempotence fields.
 */
export interface ProducerRecordState {
  phase: 'unsent' | 'in-flight' | 'backoff' | 'done';
  /** Increments per send; timers of an older attempt are ignored. */
  attempt: number;
  deadlineMs: number;
  /** Whether this batch is idempotent (acks=all with `enable.idempotence`). */
  idempotent: boolean;
  /** The batch's sequence number for its partition, assigned at its first send; null until then. */
  sequence: number | null;
}

/** The next sequence number of the idempotent producer for one partition. */
export interface ProducerSequence {
  topic: string;
  partition: number;
  next: number;
}

/** What a follower asks for one partition in a fetch request. */
export interface FetchPartitionRequest {
  topic: string;
  partition: number;
  fetchOffset: number;
  /** The epoch of the follower's last record (leader-epoch mode), else null. */
  lastFetchedEpoch: number | null;
  /** The leader epoch the follower knows (KIP-320). */
  currentLeaderEpoch: number;
}

export type FetchPartitionError = 'FENCED_LEADER_EPOCH' | 'NOT_LEADER_OR_FOLLOWER' | 'OFFSET_OUT_OF_RANGE';

/** The leader's answer for one partition. */
export interface FetchPartitionResponse {
  topic: string;
  partition: number;
  /** The epoch of the request it answers. */
  currentLeaderEpoch: number;
  records: LogRecord[];
  highWatermark: number;
  error: FetchPartitionError | null;
  /** KIP-595's `DivergingEpoch`: the leader's largest epoch ≤ the follower's and its end offset. */
  divergingEpoch: { epoch: number; endOffset: number } | null;
  /** With OFFSET_OUT_OF_RANGE: the leader's LEO. */
  leaderLogEndOffset: number;
}

/** One follower's fetch session with one leader broker (`auto` replication; Timing rule). */
export interface FetchSession {
  follower: number;
  leader: number;
  /** Incremented per request; a response or timer for an older request is ignored. */
  requestSeq: number;
  inFlight: boolean;
  /** When the request in flight was sent (its timeout runs from there). */
  sentAtMs: number;
}

/** A response the leader holds (Kafka's `DelayedFetch`) until data arrives or the wait passes. */
export interface HeldFetch {
  follower: number;
  leader: number;
  requestSeq: number;
  partitions: FetchPartitionRequest[];
}

export type TimedEvent =
  | { type: 'isr-check' }
  | { type: 'produce-timeout'; produced: number; attempt: number }
  | { type: 'produce-retry'; produced: number; attempt: number }
  | { type: 'delivery-expire'; produced: number }
  | { type: 'session-expire'; broker: number; generation: number }
  | { type: 'leader-rebalance' }
  | { type: 'fetch-arrive'; follower: number; leader: number; requestSeq: number; sentAtMs: number; partitions: FetchPartitionRequest[] }
  | { type: 'fetch-wait-expire'; follower: number; leader: number; requestSeq: number }
  | { type: 'fetch-response-arrive'; follower: number; leader: number; requestSeq: number; partitions: FetchPartitionResponse[] }
  | { type: 'fetch-failed'; follower: number; leader: number; requestSeq: number }
  | { type: 'fetch-send'; follower: number; leader: number; requestSeq: number };

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
  /** Parallel to `produced`: the producer client's state of each record. */
  producerRecords: ProducerRecordState[];
  producerSequences: ProducerSequence[];
  fetchSessions: FetchSession[];
  heldFetches: HeldFetch[];
  queue: EventQueue<TimedEvent>;
  random: Record<string, RandomState>;
  stepErrors: StepErrorReport[];
  anomalies: AnomalyReport[];
  /** What each `cli` step printed (src/core/cli). */
  cli: CliReport[];
}

export function logEndOffset(replica: ReplicaState): number {
  return replica.log.length;
}
