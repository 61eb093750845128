import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scenario } from '../core/model/scenario';
import type { StepErrorReport } from '../core/model/report';
import type { World } from '../core/model/world';
import { useNarration } from './narration/useNarration';

/**
 * The steps the cluster refused up to the current position (the report's `stepErrors`), each
 * with its error name and what it means here (the narration's sentence for that error): e.g. a
 * restart refused with NODE_EXISTS says how long until the old session expires. Test hook
 * `step-error` (ui-contract.md).
 */
export function StepErrorList({ stepErrors, scenario, world }: { stepErrors: StepErrorReport[]; scenario: Scenario; world: World | null }) {
  const { t, i18n } = useTranslation();
  const narration = useNarration();
  const headingId = useId();
  if (stepErrors.length === 0) return null;
  const explain = (error: StepErrorReport): string | null => (narration && world ? narration.explainStepError(error, scenario, world, i18n) : null);
  return (
    <section className="panel step-errors" aria-labelledby={headingId}>
      <h2 id={headingId}><span aria-hidden="true">✕ </span>{t('stepErrors.label')}</h2>
      <ul>
        {stepErrors.map((e) => {
          const explanation = explain(e);
          return (
            <li key={`${e.step}-${e.error}`} data-testid="step-error" data-step={e.step} data-error={e.error}>
              <strong>{t('stepErrors.entry', { n: e.step + 1, error: e.error })}</strong>
              {explanation && <span> {explanation}</span>}
              <span className="muted"> ({e.message})</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
