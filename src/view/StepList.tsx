import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepErrorReport } from '../core/model/report';
import type { Scenario } from '../core/model/scenario';
import { sessionActions } from '../store/sessionStore';
import { describeStep } from './viewModel';

/** Every step in words; the current one is highlighted and a click jumps to it. */
export function StepList({ scenario, position, stepErrors }: {
  scenario: Scenario; position: number; stepErrors: StepErrorReport[];
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const listRef = useRef<HTMLOListElement>(null);
  const { seek } = sessionActions();

  useEffect(() => {
    // Keep the current entry in view inside the list, without scrolling the page.
    const list = listRef.current;
    const current = list?.querySelector<HTMLElement>('[aria-current="step"]');
    if (!list || !current) return;
    const top = current.offsetTop - list.offsetTop;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + current.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = top + current.offsetHeight - list.clientHeight;
    }
  }, [position]);

  const entries = [t('steps.initial'), ...scenario.steps.map((step) => describeStep(step, t, (n) => number.format(n)))];
  // Errors of the steps applied so far, by position (step i ends at position i + 1).
  const refused = new Map(stepErrors.map((e) => [e.step + 1, e]));
  return (
    <nav className="panel steps-panel" aria-label={t('steps.label')}>
      <h2>{t('steps.label')}</h2>
      <ol className="steps" ref={listRef}>
        {entries.map((text, at) => (
          <li key={at}>
            <button
              type="button"
              className="step"
              aria-current={at === position ? 'step' : undefined}
              data-timeline-control=""
              onClick={() => seek(at)}
            >
              <span className="step-number">{at}</span>
              <span className="step-text">
                {text}
                {refused.has(at) && (
                  <span className="step-refused" title={refused.get(at)?.message}>
                    <span aria-hidden="true">⚠ </span>{t('steps.refused', { error: refused.get(at)?.error })}
                  </span>
                )}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
