/**
 * The narration's lazy chunk: the pure narrator, its texts per language, and the components that
 * need them (the narration body, the error explanations, the note editor, the reading aid). The
 * always-loaded shells (`StepNarration`, `StepList`, `ProducedList`) render these once
 * `useNarration()` has loaded this module.
 */
import type { i18n } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimEvent } from '../../core/model/events';
import type { Scenario } from '../../core/model/scenario';
import type { World } from '../../core/model/world';
import { errorSentence, narrate, type ErrorPlace } from './narrate';
import { resolveSentence } from './resolve';
import { withCommandWords } from '../commandText';
import './narration.css';

export { errorSentence, narrate } from './narrate';
export { resolveSentence } from './resolve';
export { recordFlags } from './recordFlags';
export { ReadingAid } from './ReadingAid';

/**
 * What a refused step's error means here, as one sentence in the reader's language: the place is
 * the step's broker when it names one (a refused restart's NODE_EXISTS says how long to wait).
 */
export function explainStepError(error: { step: number; error: string }, scenario: Scenario, world: World, instance: i18n): string {
  const step = scenario.steps[error.step];
  const place: ErrorPlace = step && 'broker' in step ? { broker: step.broker } : {};
  return resolveSentence(errorSentence(error.error, world, place), instance.getFixedT(instance.language, 'narration'), instance.language);
}

const texts = {
  en: () => import('../../i18n/narration.en.json'),
  zh: () => import('../../i18n/narration.zh.json'),
};

/** Adds the `narration` namespace of `language` (English for any other) to i18next, once. */
export async function loadNarrationTexts(instance: i18n, language: string): Promise<void> {
  const lang = language === 'zh' ? 'zh' : 'en';
  if (instance.hasResourceBundle(lang, 'narration')) return;
  const catalog = (await texts[lang]()).default;
  if (!instance.hasResourceBundle(lang, 'narration')) instance.addResourceBundle(lang, 'narration', catalog);
}

export interface NarrationBodyProps {
  scenario: Scenario;
  position: number;
  events: readonly SimEvent[];
  world: World;
  partial?: boolean;
}

/** The generated sentences of one step (after its own `note`, which the shell shows first). */
export function NarrationBody({ scenario, position, events, world, partial }: NarrationBodyProps) {
  const { t, i18n } = useTranslation('narration');
  const sentences = useMemo(() => narrate({ scenario, position, events, world, partial }), [scenario, position, events, world, partial]);
  const main = sentences.filter((sentence) => !sentence.detail);
  const details = sentences.filter((sentence) => sentence.detail);
  return (
    <>
      {scenario.cluster.replication === 'manual' && (
        <p className="narration-manual" data-testid="manual-replication">
          {t('ui.manualBanner')}
        </p>
      )}
      <ul className="narration-sentences">
        {main.map((sentence, i) => (
          <li key={i} data-sentence={sentence.key}>{withCommandWords(resolveSentence(sentence, t, i18n.language))}</li>
        ))}
      </ul>
      {details.length > 0 && (
        <details className="narration-details" data-testid="narration-details">
          <summary>{t('ui.details', { count: details.length })}</summary>
          <ul className="narration-sentences">
            {details.map((sentence, i) => (
              <li key={i} data-sentence={sentence.key}>{withCommandWords(resolveSentence(sentence, t, i18n.language))}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/** One sentence on what an error means here and what to do. */
export function ErrorExplanation({ error, world, place }: { error: string; world: World; place?: ErrorPlace }) {
  const { t, i18n } = useTranslation('narration');
  return <span className="error-explanation">{resolveSentence(errorSentence(error, world, place), t, i18n.language)}</span>;
}

/** Writes, changes or removes a step's `note` (an instructor's commentary that travels with the link). */
export function NoteEditor({ index, note, onSave }: { index: number; note: string | undefined; onSave: (note: string | null) => void }) {
  const { t } = useTranslation('narration');
  const [draft, setDraft] = useState<string | null>(null);
  const fieldId = `note-field-${index}`;
  if (draft === null) {
    return (
      <button type="button" className="button" onClick={() => setDraft(note ?? '')}>
        {t(note ? 'ui.changeNote' : 'ui.editNote')}
      </button>
    );
  }
  const save = (value: string | null) => {
    onSave(value === null || value.trim() === '' ? null : value);
    setDraft(null);
  };
  return (
    <form className="note-editor" onSubmit={(event) => { event.preventDefault(); save(draft); }}>
      <label htmlFor={fieldId}>{t('ui.noteField', { n: index + 1 })}</label>
      <textarea id={fieldId} rows={3} value={draft} onChange={(event) => setDraft(event.target.value)} autoFocus />
      <p className="muted note-hint">{t('ui.noteHint')}</p>
      <div className="note-editor-buttons">
        <button type="submit" className="button primary">{t('ui.saveNote')}</button>
        <button type="button" className="button" onClick={() => setDraft(null)}>{t('ui.cancelNote')}</button>
        {note && <button type="button" className="button" onClick={() => save(null)}>{t('ui.removeNote')}</button>}
      </div>
    </form>
  );
}
