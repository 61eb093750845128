/**
 * Topic configs as the CLI sets and shows them: Kafka's `LogConfig.validate` (unknown names, each
 * `ConfigDef` validator's message) for the topic configs the simulator models, and the non-default
 * entries a `describeConfigs` returns (topic overrides, then broker settings that differ from
 * Kafka's defaults, which a broker reports as STATIC_BROKER_CONFIG).
 */
import type { TopicConfig } from '../model/scenario';
import type { TopicState, World } from '../model/world';
import { BROKER_PROPERTIES, TOPIC_PROPERTIES } from '../scenario/configProperties';
import { JavaException } from './javaException';

/** Other names `LogConfig` knows (3.6 and 2.8); the simulator does not model them. */
const UNMODELLED = ['cleanup.policy', 'compression.type', 'delete.retention.ms', 'file.delete.delay.ms', 'flush.messages', 'flush.ms',
  'follower.replication.throttled.replicas', 'index.interval.bytes.ms', 'leader.replication.throttled.replicas', 'max.compaction.lag.ms',
  'max.message.bytes', 'message.downconversion.enable', 'message.format.version', 'message.timestamp.difference.max.ms',
  'message.timestamp.type', 'min.cleanable.dirty.ratio', 'min.compaction.lag.ms', 'preallocate', 'segment.index.bytes',
  'segment.jitter.ms', 'segment.ms', 'local.retention.ms', 'local.retention.bytes', 'remote.storage.enable'];

function invalid(name: string, value: string, reason: string): JavaException {
  return new JavaException('org.apache.kafka.common.config.ConfigException', `Invalid value ${value} for configuration ${name}: ${reason}`);
}

/** `ConfigDef.parseType` and the validator of one modelled topic config. */
export function parseTopicConfigValue(name: string, value: string): number | boolean {
  const def = TOPIC_PROPERTIES[name];
  if (!def) {
    if (UNMODELLED.includes(name)) throw new JavaException('org.apache.kafka.common.errors.InvalidConfigurationException', `${name} is a Kafka topic config this simulator does not model`);
    throw new JavaException('org.apache.kafka.common.errors.InvalidConfigurationException', `Unknown topic config name: ${name}`);
  }
  const trimmed = value.trim();
  if (def.type === 'boolean') {
    if (trimmed.toLowerCase() === 'true') return true;
    if (trimmed.toLowerCase() === 'false') return false;
    throw invalid(name, value, 'Expected value to be either true or false');
  }
  const typeName = def.type === 'long' ? 'LONG' : 'INT';
  if (!/^[+-]?\d+$/.test(trimmed)) throw invalid(name, value, `Not a number of type ${typeName}`);
  const n = Number(trimmed);
  if (def.min !== undefined && n < def.min) throw invalid(name, trimmed, `Value must be at least ${def.min}`);
  return n;
}

/** `parseTopicConfigsToBeAdded`: `name=value` pairs (split on `\s*=\s*`), then `LogConfig.validate`. */
export function parseConfigPairs(pairs: string[], requirePrefix: boolean): Map<string, number | boolean> {
  const parsed = new Map<string, number | boolean>();
  for (const pair of pairs.flatMap((p) => (requirePrefix ? [p] : p.split(',')))) {
    const parts = pair.split(/\s*=\s*/);
    if (parts.length !== 2) {
      throw new JavaException('java.lang.IllegalArgumentException', 'requirement failed: Invalid topic config: all configs to be added must be in the format "key=val".');
    }
    parsed.set(parts[0].trim(), parseTopicConfigValue(parts[0].trim(), parts[1].trim()));
  }
  return parsed;
}

/** The topic's config inherited from the broker, with `overrides` applied. */
export function topicConfigFrom(world: World, overrides: Map<string, number | boolean>): TopicConfig {
  const broker = world.settings.cluster.config as unknown as Record<string, number | boolean>;
  const config: Record<string, number | boolean> = {};
  for (const [name, def] of Object.entries(TOPIC_PROPERTIES)) config[name] = overrides.get(name) ?? broker[def.inherits];
  return config as unknown as TopicConfig;
}

export interface ConfigEntry {
  name: string;
  value: string;
  source: 'DYNAMIC_TOPIC_CONFIG' | 'STATIC_BROKER_CONFIG' | 'DEFAULT_CONFIG';
  /** `source:name=value` synonyms, most specific first (DescribeConfigs with synonyms). */
  synonyms: string[];
}

/** Every modelled topic config with its source and synonyms, sorted by name. */
export function describeTopicConfigs(world: World, topic: TopicState): ConfigEntry[] {
  const broker = world.settings.cluster.config as unknown as Record<string, number | boolean>;
  return Object.entries(TOPIC_PROPERTIES).map(([name, def]) => {
    const value = String(topic.config[name as keyof TopicConfig]);
    const brokerValue = broker[def.inherits];
    const brokerDefault = BROKER_PROPERTIES[def.inherits].default;
    const synonyms: string[] = [];
    if (topic.overrides.includes(name)) synonyms.push(`DYNAMIC_TOPIC_CONFIG:${name}=${value}`);
    if (brokerValue !== brokerDefault) synonyms.push(`STATIC_BROKER_CONFIG:${def.inherits}=${String(brokerValue)}`);
    synonyms.push(`DEFAULT_CONFIG:${def.inherits}=${String(brokerDefault)}`);
    const source = topic.overrides.includes(name) ? 'DYNAMIC_TOPIC_CONFIG' : brokerValue !== brokerDefault ? 'STATIC_BROKER_CONFIG' : 'DEFAULT_CONFIG';
    return { name, value, source, synonyms } satisfies ConfigEntry;
  }).sort((a, b) => (a.name < b.name ? -1 : 1));
}
