import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './Field';
import type { DocumentStep } from '../../session/scenarioEdit';
import { sessionActions } from '../../store/sessionStore';
import { brokerStep, fetchStep } from './stepBuilders';

/**
 * A broker's actions, as a disclosure on its column: crash (optionally losing its unflushed
 * tail), restart, controlled shutdown, isolate; in manual replication, fetch (and fetch with the
 * response lost). Each appends one step at the cursor. It takes the broker's id, not its report,
 * so a step or a jump does not render it again (nor rewrite its input).
 */
export const BrokerMenu = memo(function BrokerMenu({ id, manual }: { id: number; manual: boolean }) {
  const { t } = useTranslation();
  const [lostTail, setLostTail] = useState(0);
  const [open, setOpen] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  // A pointer press outside closes the menu, as menus do.
  useEffect(() => {
    if (!open) return undefined;
    const close = (event: PointerEvent) => {
      if (details.current && !details.current.contains(event.target as Node)) details.current.open = false;
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !details.current?.open) return;
    details.current.open = false;
    details.current.querySelector('summary')?.focus();
  };
  const act = (step: DocumentStep) => {
    if (details.current) details.current.open = false;
    sessionActions().act(step);
  };
  return (
    <details className="broker-menu" ref={details} onToggle={(e) => setOpen(e.currentTarget.open)} onKeyDown={onKeyDown}>
      <summary aria-label={t('controls.broker.menuFor', { id })}>{t('controls.broker.menu')}</summary>
      <div className="menu-items">
        {manual && (
          <>
            <button type="button" className="button" onClick={() => act(fetchStep(id, false))}>{t('controls.broker.fetch')}</button>
            <button type="button" className="button" onClick={() => act(fetchStep(id, true))}>{t('controls.broker.fetchLost')}</button>
          </>
        )}
        <button type="button" className="button button-danger" onClick={() => act(brokerStep('crash', id, lostTail))}>
          {lostTail > 0 ? t('controls.broker.crashLost', { count: lostTail }) : t('controls.broker.crash')}
        </button>
        <Field className="small-field" label={t('controls.broker.lostTail')}>{(id) => (
          <input id={id} type="number" min={0} max={10000} step={1} value={lostTail}
            onChange={(e) => setLostTail(Math.max(0, Math.floor(Number(e.currentTarget.value) || 0)))} />
          )}</Field>
        <button type="button" className="button" onClick={() => act(brokerStep('restart', id))}>{t('controls.broker.restart')}</button>
        <button type="button" className="button" onClick={() => act(brokerStep('shutdown', id))}>{t('controls.broker.shutdown')}</button>
        <button type="button" className="button" onClick={() => act(brokerStep('isolate', id))}>{t('controls.broker.isolate')}</button>
      </div>
    </details>
  );
});
