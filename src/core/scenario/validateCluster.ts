/**
 * Validation of the document's `cluster`, `producer` and `consumer` sections, filling in the
 * era's defaults (docs/scenario-format.md, "Document").
 */
import type { Acks, BrokerConfig, ConsumerConfig, Era, PartitionerMode, ProducerConfig, Scenario } from '../model/scenario';
import { BROKER_PROPERTIES, CONSUMER_PROPERTIES, PRODUCER_PROPERTIES, eraDefaults, type PropertyDef } from './configProperties';
import { describeType, FieldReader, type JsonObject } from './fieldReader';
import { childPath } from './problems';

export const LIMITS = {
  brokers: 32,
  partitions: 1024,
  steps: 100000,
  recordsPerProduce: 10000,
  runMs: 3600000,
  valueBytes: 1048576,
} as const;

/** Reads a Kafka property map; returns the values that were valid and set, flags unknown names. */
export function readProperties(
  reader: FieldReader, value: unknown, path: string, defs: Record<string, PropertyDef>, era: Era | undefined, kind: string,
): Record<string, number | boolean | string> {
  const out: Record<string, number | boolean | string> = {};
  if (value === undefined) return out;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    reader.problems.add(path, `must be an object of ${kind} properties, not ${describeType(value)}`);
    return out;
  }
  for (const [key, raw] of Object.entries(value as JsonObject)) {
    const def = Object.prototype.hasOwnProperty.call(defs, key) ? defs[key] : undefined;
    const keyPath = childPath(path, key);
    if (!def) {
      reader.problems.add(keyPath, `unknown ${kind} property (supported: ${Object.keys(defs).join(', ')})`);
      continue;
    }
    if (def.era && era && def.era !== era) {
      reader.problems.add(keyPath, `exists only in the ${def.era} era (cluster.metadata is "${era}")`);
      continue;
    }
    const parsed = reader.property(raw, keyPath, def);
    if (parsed !== undefined) out[key] = parsed;
  }
  return out;
}

function readBrokers(reader: FieldReader, value: unknown): number[] | undefined {
  if (value === undefined) return [1, 2, 3];
  if (typeof value === 'number') {
    const count = reader.integer(value, 'cluster.brokers', 1, LIMITS.brokers);
    return count === undefined ? undefined : Array.from({ length: count }, (_, i) => i + 1);
  }
  const list = reader.array(value, 'cluster.brokers');
  if (!list) return undefined;
  if (list.length === 0 || list.length > LIMITS.brokers) {
    reader.problems.add('cluster.brokers', `must list from 1 to ${LIMITS.brokers} brokers, not ${list.length}`);
    return undefined;
  }
  const ids: number[] = [];
  list.forEach((raw, i) => {
    const id = reader.integer(raw, `cluster.brokers[${i}]`, 1, 2147483647);
    if (id === undefined) return;
    if (ids.includes(id)) reader.problems.add(`cluster.brokers[${i}]`, `broker ${id} is listed twice`);
    else ids.push(id);
  });
  return ids.length === list.length ? ids.sort((a, b) => a - b) : undefined;
}

export type ClusterSection = Scenario['cluster'];

export function readCluster(reader: FieldReader, value: unknown): ClusterSection | undefined {
  const object = value === undefined ? {} : reader.object(value, 'cluster', ['brokers', 'metadata', 'truncation', 'replication', 'networkDelayMs', 'config']);
  if (!object) return undefined;
  const brokers = readBrokers(reader, object.brokers);
  const metadata = object.metadata === undefined ? 'kraft' : reader.oneOf(object.metadata, 'cluster.metadata', ['kraft', 'zookeeper'] as const);
  const truncation = object.truncation === undefined ? 'leader-epoch' : reader.oneOf(object.truncation, 'cluster.truncation', ['leader-epoch', 'high-watermark'] as const);
  const replication = object.replication === undefined ? 'auto' : reader.oneOf(object.replication, 'cluster.replication', ['auto', 'manual'] as const);
  const networkDelayMs = object.networkDelayMs === undefined ? 1 : reader.integer(object.networkDelayMs, 'cluster.networkDelayMs', 1, LIMITS.runMs);
  const config = readBrokerConfig(reader, object.config, metadata);
  if (!brokers || !metadata || !truncation || !replication || networkDelayMs === undefined || !config) return undefined;
  return { brokers, metadata, truncation, replication, networkDelayMs, config };
}

function readBrokerConfig(reader: FieldReader, value: unknown, era: Era | undefined): BrokerConfig | undefined {
  const before = reader.problems.count;
  const set = readProperties(reader, value, 'cluster.config', BROKER_PROPERTIES, era, 'broker');
  const merged: Record<string, number | boolean | string> = {};
  for (const [key, def] of Object.entries(BROKER_PROPERTIES)) merged[key] = set[key] ?? def.default;
  const lag = merged['replica.lag.time.max.ms'] as number;
  if ((merged['replica.fetch.wait.max.ms'] as number) > lag) {
    reader.problems.add('cluster.config["replica.fetch.wait.max.ms"]', `must be at most replica.lag.time.max.ms (${lag}), as KafkaConfig requires`);
  }
  if (reader.problems.count > before || !era) return undefined;
  const sessionTimeoutMs = merged[eraDefaults(era).sessionTimeoutProperty] as number;
  return { ...(merged as unknown as BrokerConfig), sessionTimeoutMs };
}

export function readProducer(reader: FieldReader, value: unknown, era: Era | undefined): Scenario['producer'] | undefined {
  const object = value === undefined ? {} : reader.object(value, 'producer', ['partitioner', 'acks', 'config']);
  if (!object || !era) return undefined;
  const defaults = eraDefaults(era);
  const partitioner: PartitionerMode | undefined = object.partitioner === undefined
    ? defaults.partitioner
    : reader.oneOf(object.partitioner, 'producer.partitioner', ['built-in', 'sticky', 'round-robin'] as const);
  const acks = object.acks === undefined ? defaults.acks : readAcks(reader, object.acks, 'producer.acks');
  const before = reader.problems.count;
  const set = readProperties(reader, object.config, 'producer.config', PRODUCER_PROPERTIES, era, 'producer');
  const config: Record<string, number | boolean | string> = {};
  for (const [key, def] of Object.entries(PRODUCER_PROPERTIES)) config[key] = set[key] ?? def.default;
  config['enable.idempotence'] = set['enable.idempotence'] ?? defaults.enableIdempotence;
  if (reader.problems.count > before || partitioner === undefined || acks === undefined) return undefined;
  const checked = checkProducerRules(reader, config as unknown as ProducerConfig, set, partitioner, acks);
  return checked ? { partitioner, acks, config: checked, idempotenceExplicit: 'enable.idempotence' in set } : undefined;
}

/**
 * `ProducerConfig.postProcessAndValidateIdempotenceConfigs` (3.2+, KAFKA-13598): idempotence set
 * explicitly needs acks=all, retries > 0 and at most 5 requests in flight; left unset, it quietly
 * turns off when those do not hold. `delivery.timeout.ms` set explicitly must cover linger.ms +
 * request.timeout.ms; left unset it is raised to that sum.
 */
function checkProducerRules(
  reader: FieldReader, config: ProducerConfig, set: Record<string, unknown>, partitioner: PartitionerMode, acks: Acks,
): ProducerConfig | undefined {
  const path = (key: string) => childPath('producer.config', key);
  const before = reader.problems.count;
  if (set['enable.idempotence'] === true) {
    if (acks !== 'all') reader.problems.add(path('enable.idempotence'), 'Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.');
    if ('retries' in set && config.retries === 0) reader.problems.add(path('retries'), 'Must set retries to non-zero when using the idempotent producer.');
    if (config['max.in.flight.requests.per.connection'] > 5) reader.problems.add(path('max.in.flight.requests.per.connection'), 'Must set max.in.flight.requests.per.connection to at most 5 to use the idempotent producer.');
  }
  const idempotence = set['enable.idempotence'] === undefined
    ? config['enable.idempotence'] && acks === 'all' && config.retries > 0 && config['max.in.flight.requests.per.connection'] <= 5
    : config['enable.idempotence'];
  if (set['partitioner.ignore.keys'] !== undefined && partitioner !== 'built-in') {
    reader.problems.add(path('partitioner.ignore.keys'), `applies only to the "built-in" partitioner (producer.partitioner is "${partitioner}")`);
  }
  const minimumDelivery = config['linger.ms'] + config['request.timeout.ms'];
  let deliveryTimeoutMs = config['delivery.timeout.ms'];
  if (deliveryTimeoutMs < minimumDelivery) {
    if ('delivery.timeout.ms' in set) reader.problems.add(path('delivery.timeout.ms'), 'delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms');
    else deliveryTimeoutMs = minimumDelivery;
  }
  if (reader.problems.count > before) return undefined;
  return { ...config, 'enable.idempotence': idempotence, 'delivery.timeout.ms': deliveryTimeoutMs };
}

export function readAcks(reader: FieldReader, value: unknown, path: string): Acks | undefined {
  const acks = reader.oneOf(value, path, [0, 1, -1, 'all'] as const);
  return acks === -1 ? 'all' : acks;
}

export function readConsumer(reader: FieldReader, value: unknown, era: Era | undefined): Scenario['consumer'] | undefined {
  const object: JsonObject | undefined = value === undefined ? {} : reader.object(value, 'consumer', ['config']);
  if (!object || !era) return undefined;
  const before = reader.problems.count;
  const set = readProperties(reader, object.config, 'consumer.config', CONSUMER_PROPERTIES, era, 'consumer');
  const config: Record<string, number | boolean | string> = {};
  for (const [key, def] of Object.entries(CONSUMER_PROPERTIES)) config[key] = set[key] ?? def.default;
  if (set['session.timeout.ms'] === undefined) config['session.timeout.ms'] = eraDefaults(era).consumerSessionTimeoutMs;
  if (config['offsets.storage'] === 'zookeeper' && era !== 'zookeeper') {
    reader.problems.add('consumer.config["offsets.storage"]', '"zookeeper" exists only in the zookeeper era (consumers before 0.9 committed offsets to ZooKeeper)');
  }
  if ((config['heartbeat.interval.ms'] as number) >= (config['session.timeout.ms'] as number)) {
    reader.problems.add('consumer.config["heartbeat.interval.ms"]', 'must be lower than session.timeout.ms (Kafka\'s Heartbeat requires it)');
  }
  if (reader.problems.count > before) return undefined;
  return { config: config as unknown as ConsumerConfig };
}
