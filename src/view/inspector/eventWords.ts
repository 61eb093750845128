/**
 * A step's events in words (the inspector's "what just happened", for screen readers too).
 * Pure: events in, sentences out; the catalogs hold the words (`events.*`).
 */
import type { LeaderChangeEvent, SimEvent } from '../../core/model/events';
import type { Translate } from '../viewModel';

const list = (ids: number[]) => ids.join(', ') || '—';

/** Unclean first (it can lose records), then who asked: the leader balance or the tool. */
function leaderChangeKey(event: LeaderChangeEvent): string {
  if (event.unclean) return 'events.leaderUnclean';
  if (event.cause === 'rebalance') return 'events.leaderRebalance';
  return event.cause === 'admin' ? 'events.leaderAdmin' : 'events.leaderChange';
}

export function eventInWords(event: SimEvent, t: Translate, formatNumber: (n: number) => string = String): string {
  const at = { ms: formatNumber(event.atMs) };
  switch (event.type) {
    case 'append':
      return t('events.append', { ...at, ...event });
    case 'produce-response':
      return event.acked
        ? t('events.produceAcked', { ...at, topic: event.topic, partition: event.partition })
        : t('events.produceError', { ...at, topic: event.topic, partition: event.partition, error: event.error ?? '—' });
    case 'fetch-request':
      return t('events.fetchRequest', { ...at, ...event });
    case 'fetch-response':
      return t(event.dropped ? 'events.fetchResponseLost' : 'events.fetchResponse', { ...at, ...event, count: event.records });
    case 'high-watermark':
      return t('events.highWatermark', { ...at, ...event });
    case 'isr-shrink':
      return t('events.isrShrink', { ...at, topic: event.topic, partition: event.partition, removed: list(event.removed), isr: list(event.isr) });
    case 'isr-expand':
      return t('events.isrExpand', { ...at, topic: event.topic, partition: event.partition, added: event.added, isr: list(event.isr) });
    case 'isr-change':
      return t('events.isrChange', { ...at, topic: event.topic, partition: event.partition, isr: list(event.isr), epoch: event.leaderEpoch });
    case 'truncate':
      return t('events.truncate', { ...event, ...at, reason: t(`events.reason.${event.reason}`, { defaultValue: event.reason }) });
    case 'segments-deleted':
      return t('events.segmentsDeleted', {
        ...at, broker: event.broker, topic: event.topic, partition: event.partition, count: event.segments.length,
        reason: t(`events.retentionReason.${event.reason}`), logStartOffset: event.logStartOffset,
      });
    case 'log-start-offset':
      return t('events.logStartOffset', { ...at, broker: event.broker, topic: event.topic, partition: event.partition, from: event.from, to: event.to });
    case 'offset-reset':
      return t('events.offsetReset', { ...at, ...event, to: event.to ?? '—' });
    case 'broker-state':
      return t(event.fenced ? 'events.brokerStateFenced' : 'events.brokerState', {
        ...at, broker: event.broker, state: t(`cluster.state.${event.state}`),
      });
    case 'leader-change':
      return event.to === null
        ? t('events.leaderNone', { ...at, topic: event.topic, partition: event.partition, epoch: event.leaderEpoch })
        : t(leaderChangeKey(event), { ...at, topic: event.topic, partition: event.partition, to: event.to, epoch: event.leaderEpoch });
    case 'step-error':
      return t('events.stepError', { ...at, ...event });
    case 'anomaly':
      return t('events.anomaly', { ...at, ...event, anomaly: t(`anomalies.type.${event.anomaly}`) });
    case 'group-state':
      return t('events.groupState', { ...at, group: event.group, from: event.from, to: event.to, generation: event.generation });
    case 'group-member':
      return t('events.groupMember', { ...at, group: event.group, member: event.member, change: t(`events.memberChange.${event.change}`) });
    case 'group-assignment':
      return t('events.groupAssignment', { ...at, group: event.group, member: event.member, generation: event.generation, assignment: event.assignment.join(', ') || '—' });
    case 'consumer-poll':
      return t('events.consumerPoll', { ...at, group: event.group, member: event.member, count: event.records });
    case 'offset-commit': {
      const offsets = Object.entries(event.offsets).map(([tp, offset]) => `${tp}=${offset}`).join(', ');
      return event.error === null
        ? t('events.offsetCommit', { ...at, group: event.group, member: event.member, offsets })
        : t('events.offsetCommitError', { ...at, group: event.group, member: event.member, error: event.error });
    }
    case 'group-admin': {
      const offsets = Object.entries(event.offsets).map(([tp, offset]) => `${tp}=${offset}`).join(', ');
      const params = { ...at, group: event.group, offsets: offsets || '—' };
      if (event.action === 'console-consumer') return t('events.consoleConsumer', params);
      return event.action === 'delete' ? t('events.groupDeleted', params) : t('events.groupReset', params);
    }
    case 'coordinator-change':
      return event.to === null ? t('events.coordinatorNone', { ...at, group: event.group }) : t('events.coordinatorChange', { ...at, group: event.group, to: event.to });
    default: {
      const unreachable: never = event;
      throw new Error(`unknown event ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Data-plane chatter (appends, fetches) is summarised when a step has many events. */
export const CHATTY: ReadonlySet<SimEvent['type']> = new Set(['append', 'fetch-request', 'fetch-response', 'high-watermark']);

export interface EventSummary {
  /** Events shown one by one: every control-plane event, and data-plane ones while few. */
  shown: SimEvent[];
  /** How many data-plane events were folded into counts, by type. */
  folded: Partial<Record<SimEvent['type'], number>>;
}

export function summariseEvents(events: readonly SimEvent[], limit = 40): EventSummary {
  if (events.length <= limit) return { shown: [...events], folded: {} };
  const folded: EventSummary['folded'] = {};
  const shown: SimEvent[] = [];
  for (const event of events) {
    if (CHATTY.has(event.type)) folded[event.type] = (folded[event.type] ?? 0) + 1;
    else shown.push(event);
  }
  return { shown: shown.slice(0, limit), folded };
}
