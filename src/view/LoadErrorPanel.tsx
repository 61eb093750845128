import { useTranslation } from 'react-i18next';
import type { LoadError } from '../store/sessionStore';

/** The problems drawn; past that, a count (a document can have 100,000). */
const SHOWN = 200;

/** What was wrong with the link (for an invalid scenario, the runner's `path: reason` lines). */
export function LoadErrorPanel({ error, onOpenExample }: { error: LoadError; onOpenExample: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="load-error" role="alert" data-testid="load-error">
      <h2>{t('loadError.title')}</h2>
      {error.kind === 'undecodable' && <p>{t('loadError.undecodable')}</p>}
      {error.kind === 'unknown-lesson' && <p>{t('loadError.unknownLesson', { id: error.id })}</p>}
      {error.kind === 'crashed' && (
        <>
          <p>{t('loadError.crashed')}</p>
          <ul className="problems"><li><code>{error.message}</code></li></ul>
        </>
      )}
      {error.kind === 'invalid' && (
        <>
          <p>{t('loadError.invalid')}</p>
          <ul className="problems">
            {error.lines.slice(0, SHOWN).map((line, i) => <li key={i}><code>{line}</code></li>)}
          </ul>
          {error.lines.length > SHOWN && <p>{t('loadError.more', { count: error.lines.length - SHOWN, total: error.lines.length })}</p>}
        </>
      )}
      <button type="button" className="button" onClick={onOpenExample}>{t('loadError.openExample')}</button>
    </section>
  );
}
