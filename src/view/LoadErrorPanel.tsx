import { useTranslation } from 'react-i18next';
import type { LoadError } from '../store/sessionStore';
import { LazyProblemLines } from './problems/LazyProblemLines';

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
          {/* Every line, drawn as a window past 1,000 (a document can have 100,000). */}
          <LazyProblemLines lines={error.lines} />
        </>
      )}
      <button type="button" className="button" onClick={onOpenExample}>{t('loadError.openExample')}</button>
    </section>
  );
}
