/**
 * "How to read the picture": a legend for every mark and colour, and a short glossary. Shown in
 * the About dialog's first page; its texts are the `narration` namespace's `reading.*`.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Each legend entry: a small sample drawn with the picture's own classes, and its meaning. */
const LEGEND: { id: string; sample: ReactNode }[] = [
  { id: 'committed', sample: <span className="record committed epoch-0 legend-record">0</span> },
  { id: 'uncommitted', sample: <span className="record uncommitted epoch-0 legend-record">1</span> },
  { id: 'epochColour', sample: <span className="legend-pair"><span className="record committed epoch-0 legend-record">e0</span><span className="record committed epoch-1 legend-record">e1</span></span> },
  { id: 'hw', sample: <span className="legend-marker legend-marker-hw">HW</span> },
  { id: 'leo', sample: <span className="legend-marker legend-marker-leo">LEO</span> },
  { id: 'leader', sample: <span className="legend-glyph">♛</span> },
  { id: 'outOfIsr', sample: <span className="legend-swatch legend-out" /> },
  { id: 'changed', sample: <span className="badge badge-change">♛</span> },
  { id: 'cut', sample: <span className="legend-glyph legend-cut">✂</span> },
  // The animation layer (EventStage.tsx): its message glyphs and its callouts.
  { id: 'messages', sample: <span className="legend-glyph">◆ ● ■</span> },
  { id: 'callout', sample: <span className="legend-callout">⚠</span> },
  { id: 'narration', sample: <span className="legend-swatch legend-note" /> },
  // The consumer lane under a leader's strip (groups/ConsumerLane.tsx).
  { id: 'consumerCommitted', sample: <span className="legend-consumer legend-consumer-committed">g ✓4</span> },
  { id: 'consumerPosition', sample: <span className="legend-consumer legend-consumer-position">c1 ▸6</span> },
  { id: 'consumerSkipped', sample: <span className="legend-consumer delivery-skipped">✕</span> },
  { id: 'consumerTwice', sample: <span className="legend-pair"><span className="legend-consumer delivery-twice">×2</span><span className="legend-consumer delivery-twice delivery-pending">↻</span></span> },
];

const MARKS = ['anomaly', 'leader', 'truncate', 'isr', 'broker'] as const;
const MARK_GLYPHS: Record<(typeof MARKS)[number], string> = { anomaly: '⚠', leader: '♛', truncate: '✂', isr: '±', broker: '●' };

const GLOSSARY = ['record', 'broker', 'controller', 'partition', 'replica', 'leader', 'follower', 'offset', 'leo', 'hw', 'committed', 'isr', 'acks', 'minIsr', 'epoch', 'fenced', 'session', 'truncation', 'unclean', 'idempotence'] as const;

export function ReadingAid() {
  const { t } = useTranslation('narration');
  return (
    <div className="reading-aid">
      <p>{t('reading.intro')}</p>
      <h3>{t('reading.legendTitle')}</h3>
      <ul className="legend-list">
        {LEGEND.map(({ id, sample }) => (
          <li key={id} className="legend-row">
            <span className="legend-sample" aria-hidden="true">{sample}</span>
            <span>{t(`reading.legend.${id}`)}</span>
          </li>
        ))}
        <li className="legend-row">
          <span className="legend-sample" aria-hidden="true"><span className="badge badge-offline">{t('translation:replica.role.offline')}</span></span>
          <span>{t('reading.legend.offline')}</span>
        </li>
      </ul>
      <h3>{t('reading.marksTitle')}</h3>
      <ul className="legend-list">
        {MARKS.map((mark) => (
          <li key={mark} className="legend-row">
            <span className="legend-sample" aria-hidden="true"><span className="legend-glyph">{MARK_GLYPHS[mark]}</span></span>
            <span>{t(`reading.marks.${mark}`)}</span>
          </li>
        ))}
      </ul>
      <h3>{t('reading.glossaryTitle')}</h3>
      <dl className="glossary">
        {GLOSSARY.map((term) => (
          <div key={term}>
            <dt>{t(`reading.glossary.${term}.term`)}</dt>
            <dd>{t(`reading.glossary.${term}.text`)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
