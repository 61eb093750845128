/** The split view's difference narration and first-difference mark (texts in the `compare` namespace). */
import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { sessionActions } from '../../store/sessionStore';
import type { DiffSentence } from './explainDifference';
import type { FirstDifference } from '../../app/firstDifference';
import { useCompareTexts } from './texts';

/**
 * The first difference on the scrubber. TimelineBar is in the first download; drawing the mark
 * from this lazy chunk into its track (a portal) keeps the split view's code out of it.
 */
export function FirstDifferenceMark({ first, total }: { first: FirstDifference | null; total: number }) {
  const { t } = useCompareTexts();
  const [track, setTrack] = useState<Element | null>(null);
  useEffect(() => setTrack(document.querySelector('.timeline .scrubber-wrap')), []);
  if (!track || !first || total <= 0) return null;
  if (first.state === 'searching') {
    return createPortal(<span className="first-difference-status" data-testid="first-difference" data-state="searching" aria-live="polite">
      {t('diff.searching', { checked: first.checked, total: total + 1 })}</span>, track);
  }
  if (first.state === 'none') {
    return createPortal(<span className="first-difference-status" data-testid="first-difference" data-state="none">{t('diff.none')}</span>, track);
  }
  return createPortal(
    <button type="button" className="first-difference" data-testid="first-difference" data-state="found" data-step={first.at}
      style={{ left: `calc(8px + (100% - 16px) * ${first.at / total})` }}
      aria-label={t('diff.mark', { at: first.at })} title={t('diff.mark', { at: first.at })}
      onClick={() => sessionActions().seek(first.at)}>◆</button>,
    track,
  );
}

export function DifferenceNarration({ sentences, labels }: { sentences: DiffSentence[]; labels: { a: string; b: string } }) {
  const { t, i18n: instance } = useCompareTexts();
  const number = useMemo(() => new Intl.NumberFormat(instance.language), [instance.language]);
  const text = (s: DiffSentence) => {
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(s.params)) {
      if ((name === 'side' || name === 'other') && (value === 'a' || value === 'b')) params[name] = labels[value];
      else if (name === 'reason' || name === 'otherReason') params[name] = t(`reason.${value}`);
      else params[name] = typeof value === 'number' ? number.format(value) : value;
    }
    return t(s.key, params);
  };
  return (
    <section className="split-narration" data-testid="split-narration" aria-live="polite" aria-label={t('diff.title')}>
      <h2>{t('diff.title')}</h2>
      <ul>{sentences.map((s, i) => <li key={i} data-sentence={s.key}>{text(s)}</li>)}</ul>
    </section>
  );
}

