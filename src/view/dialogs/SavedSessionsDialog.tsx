import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import en from '../../i18n/saved.en.json';
import zh from '../../i18n/saved.zh.json';
import { ensureNamespace } from '../../i18n/lazyNamespace';
import { useSavedSessions, savedSessionsStore } from '../../store/savedSessionsStore';
import { useView, viewActions } from '../../store/viewStore';
import { useModalDialog } from './useModalDialog';

/**
 * The sessions saved on this device, newest first: open one at its saved position, or delete it.
 * The one being worked on is marked and cannot be deleted from here. A session that no longer
 * validates stays listed, with the validator's lines when the user tries to open it.
 */
export function SavedSessionsDialog() {
  const { t, i18n } = useTranslation('saved');
  ensureNamespace(i18n, 'saved', { en, zh });
  const open = useView((s) => s.dialog === 'saved-sessions');
  const ref = useModalDialog(open);
  const sessions = useSavedSessions((s) => s.sessions);
  const status = useSavedSessions((s) => s.status);
  const available = status === 'ready';
  const problem = useSavedSessions((s) => s.problem);
  const close = viewActions().closeDialog;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  useEffect(() => {
    if (open) void savedSessionsStore.getState().refresh();
  }, [open]);

  const openSession = async (id: string) => {
    if (await savedSessionsStore.getState().open(id)) close();
  };

  return (
    <dialog ref={ref} className="dialog saved-sessions" aria-labelledby="saved-title" onClose={close} data-testid="saved-sessions">
      <h2 id="saved-title">{t('title')}</h2>
      {status === 'unavailable' && <p className="muted">{t('unavailable')}</p>}
      {status === 'pending' && <p className="muted">{t('translation:toolbar.loading')}</p>}
      {available && sessions === null && <p className="muted">{t('translation:toolbar.loading')}</p>}
      {available && sessions?.length === 0 && <p className="muted">{t('empty')}</p>}
      {sessions && sessions.length > 0 && (
        <ul className="saved-list">
          {sessions.map((s) => (
            <li key={s.id} className="saved-entry" data-testid="saved-session" data-current={String(s.current)}>
              <div className="saved-text">
                <strong className="saved-name">{s.title || t('untitled')}</strong>
                <span className="muted">
                  {t('position', { at: s.position, total: s.total })} · {t('updated', { when: when.format(s.updatedAt) })}
                </span>
                {s.current && <span className="badge badge-change">{t('current')}</span>}
                {problem?.id === s.id && (
                  <span className="step-refused" role="alert">
                    {problem.lines.length > 0 ? `${t('invalid')} ${problem.lines.join(' · ')}` : t('gone')}
                  </span>
                )}
              </div>
              <div className="button-row">
                <button type="button" className="button" onClick={() => void openSession(s.id)}
                  aria-label={t('openNamed', { title: s.title || t('untitled') })}>
                  {t('open')}
                </button>
                <button type="button" className="button button-danger" aria-disabled={s.current || undefined}
                  onClick={s.current ? undefined : () => void savedSessionsStore.getState().remove(s.id)}
                  aria-label={t('deleteNamed', { title: s.title || t('untitled') })}>
                  {t('delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="button-row dialog-actions">
        <button type="button" className="button" onClick={close}>{t('close')}</button>
      </div>
    </dialog>
  );
}
