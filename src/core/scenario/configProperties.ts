/**
 * The Kafka properties a scenario may set, with Kafka's defaults and the ranges of Kafka's own
 * `ConfigDef` validators (`KafkaConfig`, `LogConfig`/`TopicConfig`, `ProducerConfig`,
 * `ConsumerConfig`, Kafka 3.6 and 2.8 alike unless an era is named). Values are JSON numbers and
 * booleans; an unknown property, a wrong type or an out-of-range value is a problem.
 */
import type { Era } from '../model/scenario';

export type PropertyType = 'int' | 'long' | 'short' | 'boolean' | 'enum';

export interface PropertyDef {
  type: PropertyType;
  default: number | boolean | string;
  min?: number;
  max?: number;
  values?: readonly string[];
  /** Only this era has the property. */
  era?: Era;
  /** Why a bound exists when it is the model's rather than Kafka's validator. */
  why?: string;
}

const INT_MAX = 2147483647;
const INT_MIN = -2147483648;
export const TYPE_RANGE: Record<Exclude<PropertyType, 'boolean' | 'enum'>, [number, number]> = {
  int: [INT_MIN, INT_MAX],
  short: [-32768, 32767],
  long: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/** `LegacyRecord.RECORD_OVERHEAD_V0`: the smallest `segment.bytes` Kafka accepts. */
const MIN_SEGMENT_BYTES = 14;

export const BROKER_PROPERTIES: Record<string, PropertyDef> = {
  'min.insync.replicas': { type: 'int', default: 1, min: 1 },
  'unclean.leader.election.enable': { type: 'boolean', default: false },
  'log.segment.bytes': { type: 'int', default: 1073741824, min: MIN_SEGMENT_BYTES },
  'log.index.interval.bytes': { type: 'int', default: 4096, min: 0 },
  'log.retention.ms': { type: 'long', default: 604800000, min: -1 },
  'log.retention.bytes': { type: 'long', default: -1 },
  'log.retention.check.interval.ms': { type: 'long', default: 300000, min: 1 },
  'replica.lag.time.max.ms': {
    type: 'long', default: 30000, min: 2,
    why: 'the ISR check runs every replica.lag.time.max.ms / 2 ms, which must be positive for a broker to start',
  },
  // KafkaConfig requires replica.fetch.wait.max.ms ≤ replica.socket.timeout.ms (30000) and ≤ replica.lag.time.max.ms.
  'replica.fetch.wait.max.ms': { type: 'int', default: 500, min: 0, max: 30000 },
  'broker.session.timeout.ms': { type: 'int', default: 9000, min: 1, era: 'kraft' },
  'zookeeper.session.timeout.ms': { type: 'int', default: 18000, min: 1, era: 'zookeeper' },
  'delete.topic.enable': { type: 'boolean', default: true },
  'offsets.topic.num.partitions': { type: 'int', default: 50, min: 1 },
  'offsets.topic.replication.factor': { type: 'short', default: 3, min: 1 },
  'group.initial.rebalance.delay.ms': { type: 'int', default: 3000, min: 0 },
  'auto.leader.rebalance.enable': { type: 'boolean', default: true },
  'leader.imbalance.check.interval.seconds': { type: 'long', default: 300, min: 1 },
  'leader.imbalance.per.broker.percentage': { type: 'int', default: 10, min: 0 },
};

/** Topic-level overrides; their defaults come from the broker property in `inherits`. */
export const TOPIC_PROPERTIES: Record<string, PropertyDef & { inherits: string }> = {
  'min.insync.replicas': { type: 'int', default: 1, min: 1, inherits: 'min.insync.replicas' },
  'unclean.leader.election.enable': { type: 'boolean', default: false, inherits: 'unclean.leader.election.enable' },
  'segment.bytes': { type: 'int', default: 1073741824, min: MIN_SEGMENT_BYTES, inherits: 'log.segment.bytes' },
  'index.interval.bytes': { type: 'int', default: 4096, min: 0, inherits: 'log.index.interval.bytes' },
  'retention.ms': { type: 'long', default: 604800000, min: -1, inherits: 'log.retention.ms' },
  'retention.bytes': { type: 'long', default: -1, inherits: 'log.retention.bytes' },
};

export const PRODUCER_PROPERTIES: Record<string, PropertyDef> = {
  'enable.idempotence': { type: 'boolean', default: true },
  retries: { type: 'int', default: INT_MAX, min: 0 },
  'delivery.timeout.ms': { type: 'int', default: 120000, min: 0 },
  'request.timeout.ms': { type: 'int', default: 30000, min: 0 },
  'retry.backoff.ms': { type: 'long', default: 100, min: 0 },
  'max.in.flight.requests.per.connection': { type: 'int', default: 5, min: 1 },
  'batch.size': { type: 'int', default: 16384, min: 0 },
  'linger.ms': { type: 'long', default: 0, min: 0 },
  'partitioner.ignore.keys': { type: 'boolean', default: false },
};

export const CONSUMER_PROPERTIES: Record<string, PropertyDef> = {
  'auto.offset.reset': { type: 'enum', default: 'latest', values: ['latest', 'earliest', 'none'] },
  // No ConfigDef range: the broker refuses a JoinGroup outside group.min/max.session.timeout.ms
  // (6 s – 30 min) with INVALID_SESSION_TIMEOUT, a step error.
  'session.timeout.ms': { type: 'int', default: 45000 },
  'heartbeat.interval.ms': { type: 'int', default: 3000 },
  'enable.auto.commit': { type: 'boolean', default: true },
  'auto.commit.interval.ms': { type: 'int', default: 5000, min: 0 },
  'max.poll.records': { type: 'int', default: 500, min: 1 },
  'max.poll.interval.ms': { type: 'int', default: 300000, min: 1 },
  'fetch.max.wait.ms': { type: 'int', default: 500, min: 0 },
  'offsets.storage': { type: 'enum', default: 'kafka', values: ['kafka', 'zookeeper'] },
};

/** Defaults that depend on the era (docs/scenario-format.md). */
export function eraDefaults(era: Era) {
  return {
    partitioner: era === 'kraft' ? 'built-in' : 'sticky',
    acks: era === 'kraft' ? 'all' : 1,
    enableIdempotence: era === 'kraft',
    // KIP-735 raised the consumer's session.timeout.ms from 10 s to 45 s in 3.0.
    consumerSessionTimeoutMs: era === 'kraft' ? 45000 : 10000,
    sessionTimeoutProperty: era === 'kraft' ? 'broker.session.timeout.ms' : 'zookeeper.session.timeout.ms',
  } as const;
}
