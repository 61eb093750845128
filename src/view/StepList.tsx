import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scenario } from '../core/model/scenario';
import { sessionActions } from '../store/sessionStore';
import { describeStep } from './viewModel';

/** Every step in words; the current one is highlighted and a click jumps to it. */
export function StepList({ scenario, position }: { scenario: Scenario; position: number }) {
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
              onClick={() => seek(at)}
            >
              <span className="step-number">{at}</span>
              <span className="step-text">{text}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
