import { useTranslation } from 'react-i18next';
import type { World } from '../../core/model/world';
import { numberFormatFor } from '../numberFormat';

/** A broker: its process machine's state, the controller's view of it, what it leads and follows. */
export function BrokerFacts({ world, broker }: { world: World; broker: number }) {
  const { t, i18n } = useTranslation();
  const number = numberFormatFor(i18n.language);
  const state = world.brokers.find((b) => b.id === broker);
  if (!state) return <p className="muted">{t('inspector.gone')}</p>;
  const partitions = world.topics.flatMap((topic) => topic.partitions);
  const leads = partitions.filter((p) => p.leader === broker).map((p) => `${p.topic}-${p.partition}`);
  const follows = partitions.filter((p) => p.leader !== broker && p.replicas.includes(broker)).map((p) => `${p.topic}-${p.partition}`);
  return (
    <dl className="inspector-body inspector-facts">
      <div><dt>{t('inspector.process')}</dt><dd><code>brokerProcess</code>: {t(`cluster.state.${state.state}`)} (<code>{state.state}</code>)</dd></div>
      <div><dt>{t('inspector.controllerView')}</dt><dd><code>controllerView</code>: {state.fenced ? t('cluster.fenced') : t('cluster.unfenced')} (<code>{state.fenced ? 'fenced' : 'unfenced'}</code>)</dd></div>
      <div><dt>{t('inspector.lostContact')}</dt><dd>{state.lostContactAtMs === null ? '—' : t('inspector.atMs', { ms: number.format(state.lostContactAtMs) })}</dd></div>
      <div><dt>{t('inspector.leads')}</dt><dd>{leads.join(', ') || '—'}</dd></div>
      <div><dt>{t('inspector.follows')}</dt><dd>{follows.join(', ') || '—'}</dd></div>
    </dl>
  );
}
