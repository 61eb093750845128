import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { viewActions } from '../../store/viewStore';
import { showCourse } from '../../lessons/courseView';

/** The comparison menu loads on demand (the first download stays under its budget). */
const CompareMenu = lazy(() => import('../split/CompareMenu'));

/** New scenario, saved sessions, share by link, about the model. `shareUrl` gives the address to copy. */
export function AppToolbar({ shareUrl }: { shareUrl: () => string | null }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [url, setUrl] = useState('');
  const [comparing, setComparing] = useState(false);
  const compareButton = useRef<HTMLButtonElement>(null);
  const closeCompare = () => { setComparing(false); compareButton.current?.focus(); };
  const share = async () => {
    const link = shareUrl();
    if (!link) return;
    setUrl(link);
    try {
      await navigator.clipboard.writeText(link);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="app-toolbar">
      <button type="button" className="button" onClick={() => showCourse(true)} data-testid="course-button">{t('toolbar.course')}</button>
      <button type="button" className="button" onClick={() => viewActions().openDialog('new-scenario')}>{t('toolbar.newScenario')}</button>
      <button type="button" className="button" onClick={() => viewActions().openDialog('saved-sessions')}>{t('toolbar.saved')}</button>
      <span className="compare-wrap">
        <button type="button" className="button" ref={compareButton} data-testid="compare-button" aria-expanded={comparing}
          aria-controls="compare-menu" onClick={() => setComparing(!comparing)}>{t('toolbar.compare')}</button>
        {comparing && <Suspense fallback={null}><CompareMenu id="compare-menu" onClose={closeCompare} /></Suspense>}
      </span>
      <button type="button" className="button" onClick={() => void share()} data-testid="share">{t('toolbar.share')}</button>
      <button type="button" className="button" onClick={() => viewActions().openDialog('about', 'model')}>{t('toolbar.about')}</button>
      <span className="muted share-status" aria-live="polite">
        {copied === 'copied' ? t('toolbar.copied') : copied === 'failed' ? t('toolbar.copyFailed') : ''}
      </span>
      {copied === 'failed' && (
        <input className="share-url" type="text" readOnly value={url} aria-label={t('toolbar.linkField')}
          onFocus={(e) => e.currentTarget.select()} />
      )}
    </div>
  );
}
