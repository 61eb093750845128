/**
 * The simulated world: plain, serializable data (structuredClone-able, no classes, no Maps),
 * including the random streams' state and the timers. `step(world, step)` returns a new world;
 * internally the protocol functions change a private copy in place (see step.ts).
 */
import type { EventQueue } from '../time/eventQueue';
import type { RandomState } from '../time/random';
import type { BrokerProcessState, CliReport, ProducedReport, StepErrorReport, AnomalyReport } from './report';
import type { Acks, Scenario, TopicConfig } from './scenario';
import type { LogLayout } from '../protocol/logLayout';
import type { ConsumerState, GroupState, GroupTimedEvent, PolledEntry } from './groups';

/** One record as a replica's log holds it. Immutable once written: replicas share the object. */
export interface LogRecord {
  readonly offset: number;
  /** The leader epoch of the batch (`partitionLeaderEpoch` in the v2 header). */
  readonly leaderEpoch: number;
  readonly step: number;
  readonly index: number;
  readonly key: string | null;
  readonly value: string;
  /** The v2 size of the batch that holds the record (the records of one batch share it). */
  readonly sizeBytes: number;
  /** The first and last offsets of the record's batch. */
  readonly baseOffset: number;
  readonly lastOffset: number;
  /**
   * The batch's `maxTimestamp` (v2 header): the latest CreateTime of its records, the simulated
   * time each joined the batch. A segment's largest timestamp, which `retention.ms` compares, is
   * the largest of its batches' (`LogSegment.maxTimestampSoFar`).
   */
  readonly maxTimestampMs: number;
  /**
   * The record's own timestamp (CreateTime: the simulated time it joined its batch, as
   * `KafkaProducer.doSend` stamps a record with no timestamp). ListOffsets by timestamp
   * (`kafka-consumer-groups.sh --to-datetime`) and the console consumer read it.
   */
  readonly timestampMs: number;
  /** The idempotent producer's id, epoch and the batch's base sequence (KIP-98); absent otherwise. */
  readonly producerId?: number;
  readonly producerEpoch?: number;
  readonly sequence?: number;
  /** An offset commit in `__consumer_offsets` (key `[group,topic,partition]`), as the coordinator reads it back; offset -1 is a tombstone (a deleted group). */
  readonly offsetCommit?: { readonly group: string; readonly topic: string; readonly partition: number; readonly offset: number };
}

/** `BatchMetadata`: one idempotent batch a replica's producer state remembers. */
export interface ProducerBatchMetadata {
  firstSeq: number;
  lastSeq: number;
  firstOffset: number;
  lastOffset: number;
}

/**
 * `ProducerStateEntry`: what a replica knows of one producer id from the batches in its own log:
 * its latest epoch and that epoch's last `NUM_BATCHES_TO_RETAIN` (5) batches, oldest first.
 */
export interface ProducerStateEntry {
  producerId: number;
  producerEpoch: number;
  batches: ProducerBatchMetadata[];
}

/** A replica's own state: its log, its HW and (in `leader-epoch` mode) its epoch cache. */
export interface ReplicaState {
  broker: number;
  /**
   * The records of the segments it holds, contiguous from its first segment's base offset
   * (`firstOffset`): LEO = that base + log.length. Retention deletes whole segments from the front
   * (protocol/retention.ts), so a log need not start at 0.
   */
  log: LogRecord[];
  /**
   * `UnifiedLog.logStartOffset`: the first offset a reader may ask for. At or above the first
   * segment's base; a follower can hold segments below it until its next retention check.
   */
  logStartOffset: number;
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
  /** `ProducerStateManager`: per producer id, from this replica's own log (protocol/producerState.ts). */
  producers: ProducerStateEntry[];
  /**
   * As a follower, the `LastFetchedEpoch` its next fetch carries (`AbstractFetcherThread`'s
   * `PartitionFetchState.lastFetchedEpoch`): the latest epoch in its own cache when it starts to
   * follow a leader epoch and after each truncation, the epoch of the last appended batch after a
   * response that appended records; null for none (and always in `high-watermark` mode).
   */
  lastFetchedEpoch: number | null;
}

/**
 * What a leader knows of one follower (Kafka's `Replica` / `ReplicaState`). Reset when a broker
 * becomes leader (`Partition.makeLeader`), so a new leader knows nothing of its followers' LEOs.
 */
export interface FollowerView {
  broker: number;
  /** The follower's LEO as the leader last saw it (its fetch offset); -1 = unknown. */
  logEndOffset: number;
  /** `NEVER_MS` where Kafka sets 0 ("never": it fails every within-lag test). */
  lastCaughtUpTimeMs: number;
  /** The leader's LEO at this follower's previous fetch; -1 = unknown. */
  lastFetchLeaderLogEndOffset: number;
  /** `NEVER_MS` where Kafka sets 0. */
  lastFetchTimeMs: number;
  /**
   * 3.6's `ReplicaState.brokerEpoch` matches the controller's: the follower has fetched since this
   * broker took over as leader and since the follower's broker last registered
   * (`Partition.isBrokerEpochIsrEligible`). Only `kraft`'s HW rule reads it.
   */
  brokerEpochCurrent: boolean;
}

/**
 * "Never" for a follower's caught-up and fetch times. Kafka writes 0, which on a wall clock is
 * decades ago; simulated time starts at 0, where 0 is a real instant (the Start rule), so the
 * model needs a value that fails every `now - t <= replica.lag.time.max.ms` test. Finite, so that
 * a world survives JSON.
 */
export const NEVER_MS = Number.MIN_SAFE_INTEGER;

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

/** An acks=all batch held by its leader until the HW passes it (Kafka's `DelayedProduce`). */
export interface PendingProduce {
  /** The produce request (`world.producerRequests[].id`) and the batch's slot in it. */
  request: number;
  slot: number;
  topic: string;
  partition: number;
  /** The leader broker that holds it. */
  leader: number;
  /** The batch's first and last offsets in the log (the HW must pass the last). */
  baseOffset: number;
  offset: number;
}

/**
 * The Java producer's `ProducerBatch` (protocol/producerClient.ts): records of one partition
 * sent, retried, acknowledged and deduplicated together.
 */
export interface ProducerBatch {
  id: number;
  /** Index of its producer in `world.producers`. */
  producer: number;
  topic: string;
  partition: number;
  /** Its records, as indices of `world.produced`, in offset order. */
  records: number[];
  /** Its v2 size: the header plus each record at its offset and timestamp delta. */
  sizeBytes: number;
  /** The simulated time of its first record (the batch's base timestamp). */
  createdMs: number;
  /** The simulated time of its latest record (the batch's `maxTimestamp`: CreateTime). */
  maxTimestampMs: number;
  /** Parallel to `records`: each record's CreateTime (the simulated time it joined). */
  timestampsMs: number[];
  deadlineMs: number;
  /** waiting: in its partition's queue; backoff: there too, until its retry backoff ends. */
  phase: 'waiting' | 'backoff' | 'in-flight' | 'done';
  /** Sends so far. A batch that has been sent takes no more records. */
  attempts: number;
  /** Whether it has been put back for a retry (`ProducerBatch.inRetry`). */
  retried: boolean;
  /** Whether an epoch bump rewrote its sequence (`ProducerBatch.sequenceHasBeenReset`). */
  sequenceReset: boolean;
  /** The producer epoch and base sequence it was sent with (idempotent producer); null before. */
  producerEpoch: number | null;
  baseSequence: number | null;
}

/** One produce request to one leader broker: the first waiting batch of each of its partitions. */
export interface ProduceRequestState {
  id: number;
  producer: number;
  broker: number;
  sentAtMs: number;
  batches: number[];
  /** Per batch: the leader's answer once it has one (error null = appended at `baseOffset`). */
  results: ({ error: string | null; baseOffset: number | null } | null)[];
  /** True while the sender is handing its batches to the leader (answers wait till it is done). */
  sending: boolean;
}

/** The idempotent producer's bookkeeping of one partition (`TxnPartitionEntry`). */
export interface ProducerPartition {
  topic: string;
  partition: number;
  /** Batch ids waiting to be sent, in send order (a retried batch in sequence order at the head). */
  queue: number[];
  /** `TxnPartitionEntry.producerIdAndEpoch`'s epoch, `nextSequence`, `lastAckedSequence` (-1 none). */
  producerEpoch: number;
  nextSequence: number;
  lastAckedSequence: number;
  /** `inflightBatchesBySequence`: batches sent and not yet completed or failed, by base sequence. */
  inFlight: number[];
  /** `partitionsWithUnresolvedSequences`: the next sequence expected after expired batches, or null. */
  unresolved: number | null;
}

/** One producer client (the scenario's, and one per other acks a step uses). */
export interface ProducerClientState {
  acks: Acks;
  idempotent: boolean;
  producerEpoch: number;
  epochBumpRequired: boolean;
  /** `partitionsToRewriteSequences`, as `topic-partition` names. */
  partitionsToRewrite: string[];
  partitions: ProducerPartition[];
  /** Per leader broker: produce requests sent and not answered, and `drainBatchesForOneNode`'s index. */
  windows: { broker: number; inFlight: number; drainIndex: number }[];
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
  /** The leader's log start offset, which every response carries (`FetchResponse`'s `logStartOffset`). */
  leaderLogStartOffset: number;
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
  | { type: 'produce-timeout'; request: number }
  | { type: 'produce-retry'; batch: number; attempts: number }
  | { type: 'delivery-expire'; batch: number }
  | { type: 'session-expire'; broker: number; generation: number }
  | { type: 'leader-rebalance' }
  /** `LogManager`'s `kafka-log-retention` task: every running broker checks its logs (protocol/retention.ts). */
  | { type: 'retention-check' }
  | { type: 'fetch-arrive'; follower: number; leader: number; requestSeq: number; sentAtMs: number; partitions: FetchPartitionRequest[] }
  | { type: 'fetch-wait-expire'; follower: number; leader: number; requestSeq: number }
  | { type: 'fetch-response-arrive'; follower: number; leader: number; requestSeq: number; partitions: FetchPartitionResponse[] }
  | { type: 'fetch-failed'; follower: number; leader: number; requestSeq: number }
  | { type: 'fetch-send'; follower: number; leader: number; requestSeq: number }
  | GroupTimedEvent;

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
  /** Parallel to `produced`: the id of the batch holding each record (-1: refused before any batch). */
  recordBatches: number[];
  producers: ProducerClientState[];
  /** Every batch by id; a `done` batch is never changed again. */
  producerBatches: ProducerBatch[];
  /** Produce requests not yet answered. */
  producerRequests: ProduceRequestState[];
  nextRequestId: number;
  fetchSessions: FetchSession[];
  heldFetches: HeldFetch[];
  queue: EventQueue<TimedEvent>;
  random: Record<string, RandomState>;
  stepErrors: StepErrorReport[];
  anomalies: AnomalyReport[];
  /** What each `cli` step printed (src/core/cli). */
  cli: CliReport[];
  /** Consumer groups (protocol/groups): coordinators' views, consumer clients, what polls returned. */
  groups: GroupsWorld;
}

export interface GroupsWorld {
  /** By group id in code-unit order. */
  groups: GroupState[];
  /** In the order they subscribed. */
  consumers: ConsumerState[];
  polled: PolledEntry[];
  /** Tells offset-commit records apart (their `index`), as produced records' step and index do. */
  nextCommitIndex: number;
}

/** The first offset the replica's log still holds: its first segment's base offset. */
export function firstOffset(replica: ReplicaState): number {
  return replica.layout.segments[0].baseOffset;
}

export function logEndOffset(replica: ReplicaState): number {
  return replica.layout.segments[0].baseOffset + replica.log.length;
}

/** The record at `offset`, or undefined when the replica does not hold it (deleted or past the end). */
export function recordAt(replica: ReplicaState, offset: number): LogRecord | undefined {
  const i = offset - replica.layout.segments[0].baseOffset;
  return i >= 0 ? replica.log[i] : undefined;
}
