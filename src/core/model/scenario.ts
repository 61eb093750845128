/**
 * The scenario document (../../../docs/scenario-format.md, version 1) after validation:
 * every default filled in, every name checked. The simulator only ever sees this shape;
 * raw JSON goes through `scenario/validateScenario.ts` first.
 */

export type Era = 'kraft' | 'zookeeper';
export type TruncationMode = 'leader-epoch' | 'high-watermark';
export type ReplicationMode = 'auto' | 'manual';
export type PartitionerMode = 'built-in' | 'sticky' | 'round-robin';
/** `-1` in a document is normalised to `"all"`, as Kafka's `ProducerConfig` treats them alike. */
export type Acks = 0 | 1 | 'all';

/** Broker-wide properties, by Kafka's broker names, with Kafka's defaults filled in. */
export interface BrokerConfig {
  'min.insync.replicas': number;
  'unclean.leader.election.enable': boolean;
  'log.segment.bytes': number;
  'log.index.interval.bytes': number;
  'log.retention.ms': number;
  'log.retention.bytes': number;
  /** `LogManager`'s retention task period (`log.retention.check.interval.ms`). */
  'log.retention.check.interval.ms': number;
  'replica.lag.time.max.ms': number;
  'replica.fetch.wait.max.ms': number;
  /** `broker.session.timeout.ms` (kraft) or `zookeeper.session.timeout.ms` (zookeeper). */
  sessionTimeoutMs: number;
  'delete.topic.enable': boolean;
  'offsets.topic.num.partitions': number;
  'offsets.topic.replication.factor': number;
  'group.initial.rebalance.delay.ms': number;
  'auto.leader.rebalance.enable': boolean;
  'leader.imbalance.check.interval.seconds': number;
  'leader.imbalance.per.broker.percentage': number;
}

/** Topic-level properties, by Kafka's topic names; unset ones inherit the broker's. */
export interface TopicConfig {
  'min.insync.replicas': number;
  'unclean.leader.election.enable': boolean;
  'segment.bytes': number;
  'index.interval.bytes': number;
  'retention.ms': number;
  'retention.bytes': number;
}

export interface ProducerConfig {
  'enable.idempotence': boolean;
  retries: number;
  'delivery.timeout.ms': number;
  'request.timeout.ms': number;
  'retry.backoff.ms': number;
  'max.in.flight.requests.per.connection': number;
  'batch.size': number;
  'linger.ms': number;
  'partitioner.ignore.keys': boolean;
}

export interface ConsumerConfig {
  'auto.offset.reset': 'latest' | 'earliest' | 'none';
  'session.timeout.ms': number;
  'heartbeat.interval.ms': number;
  'enable.auto.commit': boolean;
  'auto.commit.interval.ms': number;
  'max.poll.records': number;
  'max.poll.interval.ms': number;
  'fetch.max.wait.ms': number;
  'offsets.storage': 'kafka' | 'zookeeper';
}

export interface TopicSpec {
  name: string;
  partitions: number;
  replicationFactor: number;
  /** Present when the document gave one; otherwise placement derives it from the seed. */
  assignment: number[][] | null;
  config: TopicConfig;
}

export interface ProduceStep {
  op: 'produce';
  topic: string;
  key: string | null;
  value: string;
  partition: number | null;
  acks: Acks | null;
  count: number;
  note?: string;
}
export interface RunStep {
  op: 'run';
  ms: number;
  note?: string;
}
export interface FetchStep {
  op: 'fetch';
  broker: number;
  topic: string | null;
  partition: number | null;
  dropResponse: boolean;
  note?: string;
}

export interface CrashStep {
  op: 'crash';
  broker: number;
  /** Records lost from the end of each of the broker's logs (0 when not given). */
  lostTail: number;
  note?: string;
}
export interface BrokerStep {
  op: 'restart' | 'shutdown' | 'isolate';
  broker: number;
  note?: string;
}
export interface HealStep {
  op: 'heal';
  note?: string;
}

/** A consumer joins a group (client.id = `member`); config is the member's own overrides, defaults filled in. */
export interface SubscribeStep {
  op: 'subscribe';
  group: string;
  member: string;
  topics: string[];
  assignor: 'range' | 'roundrobin' | 'sticky' | 'cooperative-sticky';
  instanceId: string | null;
  config: ConsumerConfig;
  note?: string;
}
export interface MemberStep {
  op: 'leave' | 'commit' | 'kill' | 'pause' | 'resume';
  group: string;
  member: string;
  note?: string;
}
export interface PollStep {
  op: 'poll';
  group: string;
  member: string;
  /** At most this many records (else the member's `max.poll.records`). */
  maxRecords: number | null;
  note?: string;
}
export type GroupStep = SubscribeStep | MemberStep | PollStep;

/** One command line of the in-app Kafka CLI (src/core/cli); `input` is what a console producer reads. */
export interface CliStep {
  op: 'cli';
  command: string;
  input: string[];
  note?: string;
}

/** The steps that have landed in the simulator so far (see docs/scenario-format.md). */
export type Step = ProduceStep | RunStep | FetchStep | CrashStep | BrokerStep | HealStep | GroupStep | CliStep;

export interface Scenario {
  version: 1;
  title: string;
  seed: number;
  cluster: {
    brokers: number[];
    metadata: Era;
    truncation: TruncationMode;
    replication: ReplicationMode;
    networkDelayMs: number;
    config: BrokerConfig;
  };
  producer: {
    partitioner: PartitionerMode;
    acks: Acks;
    config: ProducerConfig;
    /** Whether `enable.idempotence` was set in the document (Kafka 3.2+, KAFKA-13598). */
    idempotenceExplicit: boolean;
  };
  consumer: { config: ConsumerConfig };
  topics: TopicSpec[];
  steps: Step[];
}
