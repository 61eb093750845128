/**
 * Pure helpers that turn the report and the scenario into what the view shows: roles, the era's
 * name, produce outcomes and steps in words. No React here, so they are easy to test.
 */
import type { SimEvent } from '../core/model/events';
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
      // The actual records (`k0 = v0`), not the `{i}` template: the first, and the last of a burst.
      const fill = (text: string, i: number) => text.split('{i}').join(String(i));
      const keyOf = (i: number) => (step.key === null ? t('steps.nullKey') : quoted(fill(step.key, i)));
      const templated = step.count > 1 && `${step.key ?? ''}${step.value}`.includes('{i}');
      const value = templated
        ? `${quoted(fill(step.value, 0))} … ${keyOf(step.count - 1)} = ${quoted(fill(step.value, step.count - 1))}`
        : quoted(fill(step.value, 0));
      const values = { key: keyOf(0), value, topic: step.topic, partition: step.partition };
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
    case 'subscribe':
      return t('steps.subscribe', { group: step.group, member: step.member, topics: step.topics.join(', ') });
    case 'leave':
    case 'poll':
    case 'commit':
    case 'kill':
    case 'pause':
    case 'resume':
      return t(`steps.${step.op}`, { group: step.group, member: step.member });
    case 'cli':
      // A command line reads the same in every language.
      return `$ ${step.command}`;
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

/** A step as a document writes it, in words (the validated form's defaults filled in loosely). */
export function describeDocumentStep(step: Record<string, unknown>, t: Translate): string {
  const num = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback);
  const numOrNull = (v: unknown) => (typeof v === 'number' ? v : null);
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const broker = num(step.broker, 0);
  switch (step.op) {
    case 'produce':
      return describeStep({
        op: 'produce', topic: str(step.topic), key: typeof step.key === 'string' ? step.key : null, value: str(step.value),
        partition: numOrNull(step.partition), acks: step.acks === 'all' || step.acks === -1 ? 'all' : step.acks === 0 || step.acks === 1 ? step.acks : null,
        count: num(step.count, 1),
      }, t);
    case 'fetch':
      return describeStep({ op: 'fetch', broker, topic: typeof step.topic === 'string' ? step.topic : null, partition: numOrNull(step.partition), dropResponse: step.response === 'drop' }, t);
    case 'run':
      return describeStep({ op: 'run', ms: num(step.ms, 0) }, t);
    case 'crash':
      return describeStep({ op: 'crash', broker, lostTail: num(step.lostTail, 0) }, t);
    case 'restart':
    case 'shutdown':
    case 'isolate':
      return describeStep({ op: step.op, broker }, t);
    case 'heal':
      return describeStep({ op: 'heal' }, t);
    case 'cli':
      return describeStep({ op: 'cli', command: str(step.command), input: [] }, t);
    default:
      return t('steps.unknown', { op: String(step.op) });
  }
}

/** How far the slowest replica is behind the longest log (what a compact summary shows as lag). */
export function partitionLag(partition: PartitionReport): number {
  const ends = partition.replicaStates.map((r) => r.logEndOffset);
  return ends.length === 0 ? 0 : Math.max(...ends) - Math.min(...ends);
}

/** What the last step changed at one replica, so its strip can show it (and animate it). */
export interface ReplicaChange {
  truncatedFrom?: number;
  truncatedTo?: number;
  crowned?: number;
  isr?: 'joined' | 'left';
}

/** Per replica (`topic-partition-broker`), the last step's changes worth marking on its strip. */
export function replicaChanges(events: readonly SimEvent[]): Map<string, ReplicaChange> {
  const changes = new Map<string, ReplicaChange>();
  const at = (topic: string, partition: number, broker: number) => {
    const key = `${topic}-${partition}-${broker}`;
    const change = changes.get(key) ?? {};
    changes.set(key, change);
    return change;
  };
  for (const e of events) {
    if (e.type === 'truncate') {
      const change = at(e.topic, e.partition, e.broker);
      change.truncatedFrom = Math.max(change.truncatedFrom ?? e.from, e.from);
      change.truncatedTo = e.to;
    } else if (e.type === 'leader-change' && e.to !== null) at(e.topic, e.partition, e.to).crowned = e.leaderEpoch;
    else if (e.type === 'isr-expand') at(e.topic, e.partition, e.added).isr = 'joined';
    else if (e.type === 'isr-shrink') for (const b of e.removed) at(e.topic, e.partition, b).isr = 'left';
  }
  return changes;
}
