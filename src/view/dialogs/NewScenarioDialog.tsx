import { useModalDialog } from './useModalDialog';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import en from '../../i18n/newScenario.en.json';
import zh from '../../i18n/newScenario.zh.json';
import { ensureNamespace } from '../../i18n/lazyNamespace';
import { Field } from '../controls/Field';
import { sessionActions } from '../../store/sessionStore';
import { useView, viewActions } from '../../store/viewStore';
import { draftToDocument, PRESET_IDS, PRESETS, type ClusterDraft, type TopicDraft } from './scenarioPresets';
import { TopicFields } from './TopicFields';

/** Builds a cluster from scratch: brokers, era, replication mode, topics; with presets. */
export function NewScenarioDialog() {
  const { t, i18n } = useTranslation('newScenario');
  ensureNamespace(i18n, 'newScenario', { en, zh });
  const open = useView((s) => s.dialog === 'new-scenario');
  const ref = useModalDialog(open);
  const [draft, setDraft] = useState<ClusterDraft>(PRESETS.kraft36);
  const [problems, setProblems] = useState<string[]>([]);

  const patch = (change: Partial<ClusterDraft>) => setDraft((d) => ({ ...d, ...change }));
  const setTopic = (i: number, topic: TopicDraft) => patch({ topics: draft.topics.map((old, j) => (j === i ? topic : old)) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const title = draft.title || t('defaultTitle', { brokers: draft.brokers });
    const found = sessionActions().openDocument(draftToDocument({ ...draft, title }));
    setProblems(found ?? []);
    if (!found) viewActions().closeDialog();
  };

  return (
    <dialog ref={ref} className="dialog new-scenario" aria-labelledby="new-scenario-title" onClose={viewActions().closeDialog}>
      <form onSubmit={submit} className="dialog-form">
        <h2 id="new-scenario-title">{t('title')}</h2>
        <div className="button-row" role="group" aria-label={t('presets')}>
          {PRESET_IDS.map((id) => (
            <button key={id} type="button" className="button" onClick={() => setDraft(PRESETS[id])}>{t(`preset.${id}`)}</button>
          ))}
        </div>
        <div className="field-grid">
          <Field label={t('name')}>{(id) => (
            <input id={id} type="text" value={draft.title} placeholder={t('defaultTitle', { brokers: draft.brokers })}
              onChange={(e) => patch({ title: e.currentTarget.value })} />
            )}</Field>
          <Field label={t('brokers')}>{(id) => (
            <input id={id} type="number" min={1} max={32} value={draft.brokers} data-field="brokers"
              onChange={(e) => patch({ brokers: Math.max(1, Math.min(32, Math.floor(Number(e.currentTarget.value) || 1))) })} />
            )}</Field>
          <Field label={t('metadata')}>{(id) => (
            <select id={id} value={draft.metadata} onChange={(e) => patch({ metadata: e.currentTarget.value as ClusterDraft['metadata'] })}>
              <option value="kraft">{t('translation:era.kraft')}</option>
              <option value="zookeeper">{t('translation:era.zookeeper')}</option>
            </select>
            )}</Field>
          <Field label={t('truncation')}>{(id) => (
            <select id={id} value={draft.truncation} onChange={(e) => patch({ truncation: e.currentTarget.value as ClusterDraft['truncation'] })}>
              <option value="leader-epoch">{t('translation:era.leader-epoch')}</option>
              <option value="high-watermark">{t('translation:era.high-watermark')}</option>
            </select>
            )}</Field>
          <Field label={t('replication')}>{(id) => (
            <select id={id} value={draft.replication} onChange={(e) => patch({ replication: e.currentTarget.value as ClusterDraft['replication'] })}>
              <option value="auto">{t('replicationAuto')}</option>
              <option value="manual">{t('replicationManual')}</option>
            </select>
            )}</Field>
          <Field label={t('partitioner')}>{(id) => (
            <select id={id} value={draft.partitioner} onChange={(e) => patch({ partitioner: e.currentTarget.value as ClusterDraft['partitioner'] })}>
              <option value="default">{t('partitionerDefault')}</option>
              <option value="built-in">built-in (KIP-794)</option>
              <option value="sticky">sticky (KIP-480)</option>
              <option value="round-robin">round-robin</option>
            </select>
            )}</Field>
        </div>
        {draft.metadata === 'kraft' && draft.truncation === 'high-watermark' && (
          <p className="era-warning">⚠ {t('neverShipped')}</p>
        )}
        <h3>{t('topics')}</h3>
        {draft.topics.map((topic, i) => (
          <TopicFields key={i} index={i} topic={topic} era={draft.metadata} onChange={(next) => setTopic(i, next)}
            onRemove={draft.topics.length > 1 ? () => patch({ topics: draft.topics.filter((_, j) => j !== i) }) : undefined} />
        ))}
        <button type="button" className="button" onClick={() => patch({
          topics: [...draft.topics, { name: `topic${draft.topics.length + 1}`, partitions: 1, replicationFactor: Math.min(3, draft.brokers), minInsyncReplicas: 1, uncleanElection: false }],
        })}>{t('addTopic')}</button>
        {problems.length > 0 && (
          <ul className="problems" role="alert">{problems.map((line, i) => <li key={i}><code>{line}</code></li>)}</ul>
        )}
        <div className="button-row dialog-actions">
          <button type="button" className="button" onClick={viewActions().closeDialog}>{t('cancel')}</button>
          <button type="submit" className="button button-primary">{t('create')}</button>
        </div>
      </form>
    </dialog>
  );
}
