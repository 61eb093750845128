import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionActions, SPEEDS, useSession } from '../store/sessionStore';
import { useView, viewActions } from '../store/viewStore';

/** Slow motion for the animation (each message's flight takes its simulated delay × this). */
const MOTIONS = [1, 0.5, 0.25] as const;
import { Field } from './controls/Field';
import { Icon, type IconName } from './icons';
import { MARK_GLYPH, scrubberMarks } from './layout/scrubberMarks';
import { numberFormatFor } from './numberFormat';

function TransportButton({ icon, label, onClick, disabled, primary }: {
  icon: IconName; label: string; onClick: () => void; disabled?: boolean; primary?: boolean;
}) {
  // aria-disabled (not disabled) keeps focus on the button when it reaches an end.
  return (
    <button
      type="button"
      className={`transport${primary ? ' transport-primary' : ''}`}
      aria-label={label}
      title={label}
      aria-disabled={disabled || undefined}
      data-timeline-control=""
      onClick={disabled ? undefined : onClick}
    >
      <Icon name={icon} />
    </button>
  );
}

/** Transport buttons, a scrubber and the position (`data-testid="timeline-position"`). */
export function TimelineBar() {
  const { t, i18n } = useTranslation();
  const position = useSession((s) => s.position);
  const event = useSession((s) => s.event);
  const eventCount = useSession((s) => s.eventCount);
  const total = useSession((s) => s.total);
  const playing = useSession((s) => s.playing);
  const speed = useSession((s) => s.speed);
  const timeMs = useSession((s) => s.report?.timeMs ?? 0);
  const marks = useSession((s) => s.marks);
  const motion = useView((s) => s.motion);
  const marksCount = useSession((s) => s.marksCount);
  const computing = useSession((s) => s.computing);
  // Recomputed when working ahead finds more, not at every step.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the map only grows; its count says when
  const shownMarks = useMemo(() => scrubberMarks(marks, total), [marks, marksCount, total]);
  const actions = sessionActions();
  const number = numberFormatFor(i18n.language);
  const atStart = position <= 0;
  const atEnd = position >= total;

  return (
    <section className="timeline" aria-label={t('timeline.label')}>
      <div className="transport-group">
        <TransportButton icon="first" label={t('timeline.first')} onClick={actions.first} disabled={atStart} />
        <TransportButton icon="previous" label={t('timeline.previous')} onClick={actions.previous} disabled={atStart && event === 0} />
        <TransportButton icon="previousEvent" label={t('timeline.previousEvent')} onClick={actions.previousEvent} disabled={atStart && event === 0} />
        <TransportButton
          icon={playing ? 'pause' : 'play'}
          label={playing ? t('timeline.pause') : t('timeline.play')}
          onClick={actions.togglePlay}
          disabled={total === 0}
          primary
        />
        <TransportButton icon="nextEvent" label={t('timeline.nextEvent')} onClick={actions.nextEvent} disabled={atEnd} />
        <TransportButton icon="next" label={t('timeline.next')} onClick={actions.next} disabled={atEnd} />
        <TransportButton icon="last" label={t('timeline.last')} onClick={actions.last} disabled={atEnd} />
      </div>
      <div className="scrubber-wrap">
        <input
          className="scrubber"
          type="range"
          min={0}
          max={total}
          step={1}
          value={position}
          aria-label={t('timeline.scrubber')}
          aria-valuetext={t('timeline.positionLong', { at: position, total })}
          onChange={(event) => actions.seek(Number(event.currentTarget.value))}
          disabled={total === 0}
        />
        {/* Where the notable steps are (the step list says it in words). */}
        <div className="scrubber-marks" aria-hidden="true">
          {shownMarks.map(({ at, mark }) => (
            <span key={at} className={`scrubber-mark mark-${mark}`} style={{ left: `${(at / total) * 100}%` }} data-at={at} data-mark={mark}>
              {MARK_GLYPH[mark]}
            </span>
          ))}
        </div>
      </div>
      <Field className="speed" label={t('timeline.speed')}>{(id) => (
        <select id={id} value={speed} onChange={(e) => actions.setSpeed(Number(e.currentTarget.value))}>
          {SPEEDS.map((s) => <option key={s} value={s}>{`${s}×`}</option>)}
        </select>
      )}</Field>
      <Field className="speed motion" label={t('timeline.motion')}>{(id) => (
        <select id={id} value={motion} onChange={(e) => viewActions().setMotion(Number(e.currentTarget.value))}>
          {MOTIONS.map((m) => <option key={m} value={m}>{t('timeline.motionValue', { value: m })}</option>)}
        </select>
      )}</Field>
      <p className="position" data-testid="timeline-position" data-at={position} data-total={total} data-event={event > 0 ? event : undefined}>
        <strong>{t('timeline.position', { at: position, total })}</strong>
        {event > 0 && <span className="event-position">{t('timeline.event', { event, count: eventCount })}</span>}
        {/* A far jump the worker is replaying: the page shows the previous step meanwhile. Its
            line takes the simulated time's place rather than adding a line, so the bar keeps its
            height: a taller bar moved the whole page below it, a full layout and repaint at the
            very start of the jump (trace: a 40-110 ms task). */}
        <span className={computing !== null ? 'position-sub is-computing' : 'position-sub'}>
          <span className="sim-time">{t('timeline.time', { time: number.format(timeMs) })}</span>
          {computing !== null && <span className="computing" data-testid="computing" data-to={computing}>{t('timeline.computing', { at: computing })}</span>}
        </span>
      </p>
    </section>
  );
}
