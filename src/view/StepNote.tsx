import { useTranslation } from 'react-i18next';
import type { Scenario } from '../core/model/scenario';
import { describeStep } from './viewModel';
import { numberFormatFor } from './numberFormat';

/** The current step's `note` (an instructor's commentary), or the step in words without one. */
export function StepNote({ scenario, position }: { scenario: Scenario; position: number }) {
  const { t, i18n } = useTranslation();
  const number = numberFormatFor(i18n.language);
  const step = position > 0 ? scenario.steps[position - 1] : null;
  const title = step
    ? t('note.stepTitle', { n: position, step: describeStep(step, t, (n) => number.format(n)) })
    : t('note.initialTitle');
  const body = step ? step.note : t('note.initial');
  return (
    <section className="note" aria-label={t('note.label')} aria-live="polite">
      <p className="note-title">{title}</p>
      {body && <p className="note-body">{body}</p>}
    </section>
  );
}
