import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { recordAt, type World } from '../../core/model/world';
import en from '../../i18n/disk.en.json';
import zh from '../../i18n/disk.zh.json';
import { ensureNamespace } from '../../i18n/lazyNamespace';
import { batchesOf, segmentFileName } from '../../core/protocol/logLayout';
import { lookupOffset, type OffsetLookup } from '../../core/protocol/offsetLookup';
import { Field } from '../controls/Field';
import { numberFormatFor } from '../numberFormat';
import { ScrollRegion } from '../ScrollRegion';
import { lookupSteps, rowWindow, type LookupStep } from './lookupSteps';

const indexFileName = (baseOffset: number) => segmentFileName(baseOffset).replace(/\.log$/, '.index');

/**
 * One replica's partition directory, as Kafka lays it out on the broker's disk: a segment per
 * 20-digit base offset, each a .log of record batches and a sparse .index, and a lookup of an
 * offset shown step by step (segment, index binary search, scan of the .log). All numbers come
 * from the simulated log layout (core/protocol/logLayout.ts, offsetLookup.ts).
 */
export default function DiskView({ world, topic, partition }: { world: World; topic: string; partition: number }) {
  const { t, i18n } = useTranslation('disk');
  ensureNamespace(i18n, 'disk', { en, zh });
  const number = numberFormatFor(i18n.language);
  const state = world.topics.find((s) => s.name === topic);
  const p = state?.partitions[partition];
  const [broker, setBroker] = useState<number | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const [target, setTarget] = useState('');
  /** The offset looked up; the lookup itself is redone on every render, so it follows the timeline. */
  const [looked, setLooked] = useState<number | null>(null);
  const [shown, setShown] = useState(0);
  if (!state || !p) return null;
  const replica = p.replicaStates.find((r) => r.broker === broker) ?? p.replicaStates[0];
  const { layout } = replica;
  const lookup: OffsetLookup | null = looked === null ? null : lookupOffset(layout, looked, replica.logStartOffset);
  const found = lookup?.kind === 'found' ? lookup : null;
  const segmentIndex = found ? found.segmentIndex : Math.min(picked ?? layout.segments.length - 1, layout.segments.length - 1);
  const segment = layout.segments[segmentIndex];
  const batches = batchesOf(segment);
  const steps: LookupStep[] = found ? lookupSteps(found, segmentFileName) : [];
  const visible = steps.slice(0, Math.min(shown, steps.length));
  const probed = new Set(visible.flatMap((s) => (s.kind === 'probe' ? [s.slot] : [])));
  const read = new Set(visible.flatMap((s) => (s.kind === 'read' ? [s.offset] : [])));
  const foundOffset = visible.some((s) => s.kind === 'read' && s.found) ? found?.target : undefined;
  const chosenSlot = visible.some((s) => s.kind === 'start') ? found?.indexSlot : undefined;
  const indexRows = rowWindow(segment.index.length, [...probed]);
  const batchRows = rowWindow(batches.length, [...read].map((o) => o - segment.baseOffset));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const offset = Number(target);
    if (target.trim() === '' || !Number.isInteger(offset)) return;
    setLooked(offset);
    setShown(1);
  };
  const pickReplica = (id: number) => {
    setBroker(id);
    setPicked(null);
    setLooked(null);
  };

  const stepText = (step: LookupStep): string => {
    switch (step.kind) {
      case 'segment': return t('step.segment', { file: step.file, base: step.baseOffset, target: found?.target });
      case 'probe': return t(`step.probe-${step.phase}`, { slot: step.slot, offset: step.offset, comparison: t(`comparison.${step.comparison}`), target: found?.target });
      case 'start': return step.slot < 0 ? t('step.startZero') : t('step.start', { slot: step.slot, position: number.format(step.position) });
      case 'read': return t(step.found ? 'step.found' : 'step.read', { offset: step.offset, position: number.format(step.position), size: step.sizeBytes });
      default: {
        const unreachable: never = step;
        throw new Error(`unknown step ${JSON.stringify(unreachable)}`);
      }
    }
  };

  return (
    <section className="disk-view" aria-labelledby="disk-title" data-testid="disk-view">
      <h3 id="disk-title">{t('title', { name: `${topic}-${partition}` })}</h3>
      <Field label={t('replica')}>{(id) => (
        <select id={id} value={replica.broker} onChange={(e) => pickReplica(Number(e.currentTarget.value))}>
          {p.replicaStates.map((r) => <option key={r.broker} value={r.broker}>{t('brokerCopy', { id: r.broker })}</option>)}
        </select>
      )}</Field>
      <p className="muted">
        {t('config', { segment: number.format(state.config['segment.bytes']), interval: number.format(state.config['index.interval.bytes']) })}
      </p>
      <p className="muted">
        {t('retention', { ms: number.format(state.config['retention.ms']), bytes: number.format(state.config['retention.bytes']) })}
      </p>
      <p><code>{`${topic}-${partition}/`}</code></p>
      <p data-testid="disk-log-start" data-log-start={replica.logStartOffset}>
        {layout.segments[0].baseOffset > 0
          ? t('deleted', { first: layout.segments[0].baseOffset, start: replica.logStartOffset })
          : t('logStart', { start: replica.logStartOffset })}
      </p>
      <ul className="disk-files">
        {layout.segments.map((s, i) => (
          <li key={s.baseOffset}>
            <button type="button" className={`disk-segment${i === segmentIndex ? ' disk-segment-current' : ''}`} aria-pressed={i === segmentIndex}
              onClick={() => { setPicked(i); setLooked(null); }} data-testid="disk-segment" data-base-offset={s.baseOffset}>
              <span className="disk-file">
                <code>{segmentFileName(s.baseOffset)}</code>
                <span className="muted">{t('logFile', { bytes: number.format(s.sizeBytes), count: batchesOf(s).length })}</span>
              </span>
              <span className="disk-file">
                <code>{indexFileName(s.baseOffset)}</code>
                <span className="muted">{t('indexFile', { count: s.index.length })}</span>
              </span>
              {i === layout.segments.length - 1 && <span className="badge badge-change">{t('active')}</span>}
              {i < layout.segments.length - 1 && layout.segments[i + 1].baseOffset <= replica.logStartOffset && (
                <span className="badge badge-out">{t('belowStart')}</span>
              )}
            </button>
          </li>
        ))}
      </ul>
      <p className="muted">{t('notDrawn')}</p>

      <form className="disk-lookup" onSubmit={submit}>
        <Field label={t('find')}>{(id) => (
          <input id={id} type="number" inputMode="numeric" min={0} step={1} value={target} onChange={(e) => setTarget(e.currentTarget.value)} />
        )}</Field>
        <button type="submit" className="button">{t('lookUp')}</button>
      </form>
      {lookup?.kind === 'out-of-range' && (
        <p className="step-refused" role="status">{t('outOfRange', { target: lookup.target, start: lookup.logStartOffset, end: lookup.logEndOffset })}</p>
      )}
      {lookup?.kind === 'log-end' && <p role="status">{t('logEnd', { target: lookup.target })}</p>}
      {found && (
        <div className="disk-steps">
          <ol aria-live="polite" data-testid="lookup-steps">
            {visible.map((step, i) => <li key={i} data-step={step.kind}>{stepText(step)}</li>)}
          </ol>
          <div className="button-row">
            <button type="button" className="button" disabled={shown >= steps.length} onClick={() => setShown(shown + 1)}>{t('nextStep')}</button>
            <button type="button" className="button" disabled={shown >= steps.length} onClick={() => setShown(steps.length)}>{t('allSteps')}</button>
          </div>
        </div>
      )}

      <h4>{t('indexTitle', { file: indexFileName(segment.baseOffset) })}</h4>
      {segment.index.length === 0 ? <p className="muted">{t('indexEmpty')}</p> : (
        <ScrollRegion label={indexFileName(segment.baseOffset)}>
          <table className="inspector-table disk-table">
            <thead>
              <tr>
                <th scope="col">{t('slot')}</th>
                <th scope="col">{t('relativeOffset')}</th>
                <th scope="col">{t('offset')}</th>
                <th scope="col">{t('position')}</th>
              </tr>
            </thead>
            <tbody>
              {segment.index.slice(indexRows.from, indexRows.to).map(([offset, position], i) => {
                const slot = indexRows.from + i;
                return (
                  <tr key={slot} className={slot === chosenSlot ? 'disk-hit' : probed.has(slot) ? 'disk-probed' : undefined}>
                    <td className="num">{slot}</td>
                    <td className="num">{offset - segment.baseOffset}</td>
                    <td className="num">{offset}</td>
                    <td className="num">{number.format(position)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      <h4>{t('logTitle', { file: segmentFileName(segment.baseOffset) })}</h4>
      {batches.length === 0 ? <p className="muted">{t('logEmpty')}</p> : (
        <ScrollRegion label={segmentFileName(segment.baseOffset)}>
          <table className="inspector-table disk-table">
            <thead>
              <tr>
                <th scope="col">{t('offset')}</th>
                <th scope="col">{t('position')}</th>
                <th scope="col">{t('size')}</th>
                <th scope="col">{t('epoch')}</th>
                <th scope="col">{t('record')}</th>
              </tr>
            </thead>
            <tbody>
              {batches.slice(batchRows.from, batchRows.to).map((batch) => {
                const record = recordAt(replica, batch.offset);
                return (
                  <tr key={batch.offset} data-offset={batch.offset}
                    className={batch.offset === foundOffset ? 'disk-hit' : read.has(batch.offset) ? 'disk-probed' : undefined}>
                    <td className="num">{batch.lastOffset > batch.offset ? `${batch.offset}–${batch.lastOffset}` : batch.offset}</td>
                    <td className="num">{number.format(batch.position)}</td>
                    <td className="num">{batch.sizeBytes}</td>
                    <td className="num">{record?.leaderEpoch ?? '—'}</td>
                    <td className="record-text"><code>{record?.key ?? t('translation:steps.nullKey')}</code> = <code>{record?.value ?? ''}</code>{batch.lastOffset > batch.offset ? ` +${batch.lastOffset - batch.offset}` : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {(batchRows.from > 0 || batchRows.to < batches.length) && (
        <p className="muted">{t('window', { from: batches[batchRows.from]?.offset, to: batches[batchRows.to - 1]?.offset, count: batches.length })}</p>
      )}
    </section>
  );
}
