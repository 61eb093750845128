import { useTranslation } from 'react-i18next';
import type { SimEvent } from '../../core/model/events';
import { eventInWords, summariseEvents } from './eventWords';
import { numberFormatFor } from '../numberFormat';

/** What the step that led here did, in words (a live region: stepping announces it). */
export function LastStepEvents({ events, position }: { events: SimEvent[]; position: number }) {
  const { t, i18n } = useTranslation();
  const number = numberFormatFor(i18n.language);
  const { shown, folded } = summariseEvents(events);
  return (
    <section className="last-events" aria-label={t('inspector.lastStep')}>
      <h3>{position === 0 ? t('inspector.noStepYet') : t('inspector.lastStepN', { n: position })}</h3>
      {events.length === 0 && position > 0 && <p className="muted">{t('inspector.noEvents')}</p>}
      {/* It scrolls when a step did much: focusable, so keyboard users can scroll it too. */}
      <ol className="event-list" aria-live="polite" tabIndex={0}
        aria-label={position === 0 ? t('inspector.noStepYet') : t('inspector.lastStepN', { n: position })}>
        {shown.map((event, i) => <li key={i} data-event={event.type}>{eventInWords(event, t, (n) => number.format(n))}</li>)}
      </ol>
      {Object.entries(folded).map(([type, count]) => (
        <p key={type} className="muted">{t('inspector.folded', { count, type: t(`events.kind.${type}`) })}</p>
      ))}
    </section>
  );
}
