import { memo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './Field';
import { sessionActions } from '../../store/sessionStore';
import { healStep, MAX_RUN_MS, QUICK_RUNS_MS, runStep } from './stepBuilders';
import { numberFormatFor } from '../numberFormat';

/** Simulated time: quick "run" buttons, a field for any duration, and "heal the network". */
/** No props: a jump or a step does not render it again (nor rewrite its inputs). */
export const RunControls = memo(function RunControls() {
  const { t, i18n } = useTranslation();
  const [ms, setMs] = useState(1000);
  const number = numberFormatFor(i18n.language);
  const { act } = sessionActions();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    act(runStep(ms));
  };
  return (
    <div className="control-form run-controls">
      <h3>{t('controls.run.label')}</h3>
      <div className="button-row" role="group" aria-label={t('controls.run.quick')}>
        {QUICK_RUNS_MS.map((quick) => (
          <QuickRun key={quick} quick={quick} onRun={() => act(runStep(quick))} format={number.format} />
        ))}
      </div>
      <form className="inline-form" onSubmit={submit}>
        <Field label={t('controls.run.field')}>{(id) => (
          <input id={id} type="number" min={1} max={MAX_RUN_MS} step={1} value={ms}
            onChange={(e) => setMs(Math.max(1, Math.min(MAX_RUN_MS, Math.floor(Number(e.currentTarget.value) || 1))))} />
          )}</Field>
        <button type="submit" className="button">{t('controls.run.submit')}</button>
      </form>
      <button type="button" className="button" onClick={() => act(healStep)}>{t('controls.heal')}</button>
    </div>
  );
});

/**
 * A quick-run button: its name starts with the text it shows ("10 s — run 10,000 ms"), so a
 * voice user can say what they see (WCAG 2.5.3, Lighthouse's label-content-name-mismatch).
 */
function QuickRun({ quick, onRun, format }: { quick: number; onRun: () => void; format: (n: number) => string }) {
  const { t } = useTranslation();
  const label = quick >= 1000 ? t('controls.run.seconds', { s: quick / 1000 }) : t('controls.run.ms', { ms: quick });
  return (
    <button type="button" className="button" onClick={onRun} aria-label={t('controls.run.runFor', { label, ms: format(quick) })}>
      {label}
    </button>
  );
}
