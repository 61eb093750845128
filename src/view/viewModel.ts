/**
 * Pure helpers that turn the report and the scenario into what the view shows: roles, the era's
 * name, produce outcomes and steps in words. No React here, so they are easy to test.
 */
import type { BrokerReport, PartitionReport, ProducedReport } from '../core/model/report';
import type { Scenario, Step } from '../core/model/scenario';

export type ReplicaRole = 'leader' | 'follower' | 'offline';

/**
 * ui-contract.md: `leader` for the leader in the controller's metadata (even if its broker has
 * crashed and is not yet fenced), otherwise `offline` when the broker is crashed, restarting or
 * stopped (an isolated broker is running), otherwise `follower`.
 */
export function replicaRole(partition: PartitionReport, broker: number, brokers: BrokerReport[]): ReplicaRole {
  if (partition.leader === broker) return 'leader';
  const state = brokers.find((b) => b.id === broker)?.state;
  return state === 'crashed' || state === 'restarting' || state === 'stopped' ? 'offline' : 'follower';
}

export interface Era {
  metadata: Scenario['cluster']['metadata'];
  truncation: Scenario['cluster']['truncation'];
  /** KRaft brokers always had leader epochs: this pair never existed as a Kafka release. */
  neverShipped: boolean;
}

export function eraOf(scenario: Scenario): Era {
  const { metadata, truncation } = scenario.cluster;
  return { metadata, truncation, neverShipped: metadata === 'kraft' && truncation === 'high-watermark' };
}

export type Outcome = { kind: 'acked' } | { kind: 'error'; error: string } | { kind: 'pending' };

export function outcomeOf(record: ProducedReport): Outcome {
  if (record.acked) return { kind: 'acked' };
  if (record.error !== null) return { kind: 'error', error: record.error };
  return { kind: 'pending' };
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

function quoted(text: string): string {
  const short = text.length > 24 ? `${text.slice(0, 23)}…` : text;
  return `“${short}”`;
}

export function describeStep(step: Step, t: Translate, formatNumber: (n: number) => string = String): string {
  switch (step.op) {
    case 'produce': {
      const key = step.key === null ? t('steps.nullKey') : quoted(step.key);
      const values = { key, value: quoted(step.value), topic: step.topic, partition: step.partition };
      const parts = [t(step.partition === null ? 'steps.produce' : 'steps.producePartition', values)];
      if (step.acks !== null) parts.push(t('steps.acks', { acks: step.acks }));
      if (step.count > 1) parts.push(t('steps.count', { count: formatNumber(step.count) }));
      return parts.join(' ');
    }
    case 'fetch': {
      const values = { broker: step.broker, topic: step.topic, partition: step.partition };
      const key = step.topic === null ? 'steps.fetch' : step.partition === null ? 'steps.fetchTopic' : 'steps.fetchPartition';
      const text = t(key, values);
      return step.dropResponse ? `${text} ${t('steps.responseLost')}` : text;
    }
    case 'run':
      return t('steps.run', { ms: formatNumber(step.ms) });
    case 'crash':
      return step.lostTail > 0
        ? t('steps.crashLostTail', { broker: step.broker, count: step.lostTail })
        : t('steps.crash', { broker: step.broker });
    case 'restart':
    case 'shutdown':
    case 'isolate':
      return t(`steps.${step.op}`, { broker: step.broker });
    case 'heal':
      return t('steps.heal');
    default: {
      const unreachable: never = step;
      throw new Error(`unknown step ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Internal topics (`__consumer_offsets`) are drawn compactly unless focused (ui-contract.md). */
export function isInternalTopic(topic: string): boolean {
  return topic.startsWith('__');
}

/** Up to this many user-topic partitions, every replica is drawn in full (ui-contract.md). */
export const FULL_DRAW_PARTITIONS = 12;

export function partitionKey(p: { topic: string; partition: number }): string {
  return `${p.topic}-${p.partition}`;
}
