import { memo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './Field';
import type { Scenario } from '../../core/model/scenario';
import type { Report } from '../../core/model/report';
import { sessionActions } from '../../store/sessionStore';
import { produceStep, type AcksChoice } from './stepBuilders';

/**
 * The topics a producer can write to at this position: the cluster's, not only the document's
 * (a `cli` step may have created or deleted some), without the internal `__` ones.
 */
export function producibleTopics(scenario: Scenario, report: Report | null): { name: string; partitions: number }[] {
  if (!report) return scenario.topics.map((s) => ({ name: s.name, partitions: s.partitions }));
  const counts = new Map<string, number>();
  for (const p of report.partitions) {
    if (!p.topic.startsWith('__')) counts.set(p.topic, Math.max(counts.get(p.topic) ?? 0, p.partition + 1));
  }
  return [...counts].map(([name, partitions]) => ({ name, partitions }));
}

type ProduceFormProps = { scenario: Scenario; report: Report | null };

const sameTopics = (a: ProduceFormProps, b: ProduceFormProps): boolean => {
  if (a.scenario !== b.scenario) return false;
  const [before, after] = [producibleTopics(a.scenario, a.report), producibleTopics(b.scenario, b.report)];
  return before.length === after.length && before.every((topic, i) => topic.name === after[i].name && topic.partitions === after[i].partitions);
};

/**
 * The producer: one `produce` step (a record, or `count` of them) at the cursor. It renders again
 * only when the topics it offers change: React rewrites every input of a form it renders (their
 * `name` and `type` too), which a jump or a step does not need.
 */
export const ProduceForm = memo(function ProduceForm({ scenario, report }: ProduceFormProps) {
  const { t } = useTranslation();
  const topics = producibleTopics(scenario, report);
  const [topic, setTopic] = useState(topics[0]?.name ?? '');
  const [key, setKey] = useState('k{i}');
  const [nullKey, setNullKey] = useState(false);
  const [value, setValue] = useState('v{i}');
  const [acks, setAcks] = useState<AcksChoice>('default');
  const [partition, setPartition] = useState('');
  const [count, setCount] = useState(1);
  const spec = topics.find((s) => s.name === topic) ?? topics[0];
  if (!spec) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    sessionActions().act(produceStep({
      topic: spec.name, key: nullKey ? null : key, value, acks,
      partition: partition === '' ? null : Number(partition), count,
    }));
  };

  return (
    <form className="control-form produce-form" onSubmit={submit} aria-label={t('controls.produce.label')}>
      <h3>{t('controls.produce.label')}</h3>
      <Field label={t('controls.produce.topic')}>{(id) => (
        <select id={id} value={spec.name} onChange={(e) => { setTopic(e.currentTarget.value); setPartition(''); }}>
          {topics.map((s) => <option key={s.name} value={s.name}>{s.name}</option>)}
        </select>
        )}</Field>
      <Field label={t('controls.produce.partition')}>{(id) => (
        <select id={id} value={partition} onChange={(e) => setPartition(e.currentTarget.value)}>
          <option value="">{t('controls.produce.partitionAuto')}</option>
          {Array.from({ length: spec.partitions }, (_, p) => <option key={p} value={p}>{p}</option>)}
        </select>
        )}</Field>
      <Field label={t('controls.produce.key')}>{(id) => (
        <input id={id} type="text" value={key} disabled={nullKey} onChange={(e) => setKey(e.currentTarget.value)} />
        )}</Field>
      <label className="check">
        <input type="checkbox" checked={nullKey} onChange={(e) => setNullKey(e.currentTarget.checked)} />
        {t('controls.produce.nullKey')}
      </label>
      <Field label={t('controls.produce.value')}>{(id) => (
        <input id={id} type="text" value={value} onChange={(e) => setValue(e.currentTarget.value)} />
        )}</Field>
      <Field label={t('controls.produce.acks')}>{(id) => (
        <select id={id} value={acks} onChange={(e) => setAcks(e.currentTarget.value as AcksChoice)}>
          <option value="default">{t('controls.produce.acksDefault', { acks: String(scenario.producer.acks) })}</option>
          <option value="0">0</option>
          <option value="1">1</option>
          <option value="all">all</option>
        </select>
        )}</Field>
      <Field label={t('controls.produce.count')}>{(id) => (
        <input id={id} type="number" min={1} max={10000} step={1} value={count}
          onChange={(e) => setCount(Math.max(1, Math.min(10000, Math.floor(Number(e.currentTarget.value) || 1))))} />
        )}</Field>
      <button type="submit" className="button button-primary">{t('controls.produce.send')}</button>
      <p className="hint muted">{t('controls.produce.hint')}</p>
    </form>
  );
}, sameTopics);
