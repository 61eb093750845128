import { useTranslation } from 'react-i18next';
import { Field } from '../controls/Field';
import type { ClusterDraft, TopicDraft } from './scenarioPresets';
import { withCommandWords } from '../commandText';

const whole = (value: string, min: number, max: number) => Math.max(min, Math.min(max, Math.floor(Number(value) || min)));

/**
 * One topic of the new-scenario dialog. With `kraft` and unclean election ticked it says that
 * Kafka 3.6's controller ignores the setting (docs/scenario-format.md, "Controller").
 */
export function TopicFields({ index, topic, era, onChange, onRemove }: {
  index: number; topic: TopicDraft; era: ClusterDraft['metadata']; onChange: (topic: TopicDraft) => void; onRemove?: () => void;
}) {
  const { t } = useTranslation('newScenario');
  const set = (change: Partial<TopicDraft>) => onChange({ ...topic, ...change });
  return (
    <fieldset className="topic-fields">
      <legend>{t('topic', { n: index + 1 })}</legend>
      <Field label={t('topicName')}>{(id) => (
        <input id={id} type="text" value={topic.name} onChange={(e) => set({ name: e.currentTarget.value })} />
        )}</Field>
      <Field label={t('partitions')}>{(id) => (
        <input id={id} type="number" min={1} max={1024} value={topic.partitions} onChange={(e) => set({ partitions: whole(e.currentTarget.value, 1, 1024) })} />
        )}</Field>
      <Field label={t('replicationFactor')}>{(id) => (
        <input id={id} type="number" min={1} max={32} value={topic.replicationFactor} onChange={(e) => set({ replicationFactor: whole(e.currentTarget.value, 1, 32) })} />
        )}</Field>
      <Field label={'min.insync.replicas'}>{(id) => (
        <input id={id} type="number" min={1} max={32} value={topic.minInsyncReplicas} onChange={(e) => set({ minInsyncReplicas: whole(e.currentTarget.value, 1, 32) })} />
        )}</Field>
      <label className="check">
        <input type="checkbox" checked={topic.uncleanElection} onChange={(e) => set({ uncleanElection: e.currentTarget.checked })} />
        unclean.leader.election.enable
      </label>
      {era === 'kraft' && topic.uncleanElection && (
        <p className="era-warning" data-testid="unclean-ignored">⚠ {withCommandWords(t('uncleanIgnoredKraft'))}</p>
      )}
      {onRemove && <button type="button" className="button" onClick={onRemove}>{t('removeTopic', { name: topic.name })}</button>}
    </fieldset>
  );
}
