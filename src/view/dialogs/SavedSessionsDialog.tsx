import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import en from '../../i18n/saved.en.json';
import zh from '../../i18n/saved.zh.json';
import { ensureNamespace } from '../../i18n/lazyNamespace';
import { useSavedSessions, savedSessionsStore } from '../../store/savedSessionsStore';
import { useView, viewActions } from '../../store/viewStore';
import { fileNameFor } from './fileName';
import { useModalDialog } from './useModalDialog';
import { LazyProblemLines } from '../problems/LazyProblemLines';
import { useProblemText } from '../problems/ProblemLines';

/** Offers `text` as a download named `name`. */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The sessions saved on this device, newest first: open one at its saved position, rename it,
 * export it to a JSON file, or delete it; export all of them; import a file (an export, or one
 * scenario document) with the same validation as a link. The one being worked on is marked and
 * cannot be deleted from here. A session that no longer validates stays listed, with the
 * validator's lines when the user tries to open it; a refused file lists its lines the same way.
 */
export function SavedSessionsDialog() {
  const { t, i18n } = useTranslation('saved');
  const problemText = useProblemText();
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

  const importProblem = useSavedSessions((s) => s.importProblem);
  const [renaming, setRenaming] = useState<{ id: string; title: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const openSession = async (id: string) => {
    if (await savedSessionsStore.getState().open(id)) close();
  };
  const exportSessions = async (ids: string[] | undefined, name: string) => {
    const text = await savedSessionsStore.getState().exportText(ids);
    if (text !== null) download(name, text);
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    if (fileInput.current) fileInput.current.value = '';
    if (await savedSessionsStore.getState().importText(text)) close();
  };
  const saveRename = async (event: FormEvent) => {
    event.preventDefault();
    if (!renaming || renaming.title.trim() === '') return;
    await savedSessionsStore.getState().rename(renaming.id, renaming.title);
    setRenaming(null);
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
                {renaming?.id === s.id ? (
                  <form className="saved-rename" onSubmit={(e) => void saveRename(e)}>
                    <label>
                      <span className="sr-only">{t('newName')}</span>
                      <input type="text" value={renaming.title} maxLength={200} autoFocus data-testid="rename-input"
                        onChange={(e) => setRenaming({ id: s.id, title: e.target.value })}
                        onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); e.preventDefault(); setRenaming(null); } }} />
                    </label>
                    <button type="submit" className="button" disabled={renaming.title.trim() === ''}>{t('saveName')}</button>
                    <button type="button" className="button" onClick={() => setRenaming(null)}>{t('cancel')}</button>
                  </form>
                ) : <strong className="saved-name">{s.title || t('untitled')}</strong>}
                <span className="muted">
                  {t('position', { at: s.position, total: s.total })} · {t('updated', { when: when.format(s.updatedAt) })}
                </span>
                {s.current && <span className="badge badge-change">{t('current')}</span>}
                {problem?.id === s.id && (
                  <span className="step-refused" role="alert">
                    {problem.lines.length > 0 ? `${t('invalid')} ${problem.lines.map(problemText).join(' · ')}` : t('gone')}
                  </span>
                )}
              </div>
              <div className="button-row">
                <button type="button" className="button" onClick={() => void openSession(s.id)}
                  aria-label={t('openNamed', { title: s.title || t('untitled') })}>
                  {t('open')}
                </button>
                <button type="button" className="button" onClick={() => setRenaming({ id: s.id, title: s.title })}
                  aria-label={t('renameNamed', { title: s.title || t('untitled') })}>
                  {t('rename')}
                </button>
                <button type="button" className="button" onClick={() => void exportSessions([s.id], fileNameFor(s.title))}
                  aria-label={t('exportNamed', { title: s.title || t('untitled') })}>
                  {t('export')}
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
      {importProblem && (
        <div className="load-error saved-import-error" data-testid="load-error" role="alert">
          <p>{t('importRefused')}</p>
          <LazyProblemLines lines={importProblem} />
        </div>
      )}
      <div className="button-row dialog-actions">
        {available && (
          <>
            <input ref={fileInput} type="file" accept=".json,application/json" className="sr-only" tabIndex={-1} aria-hidden="true"
              data-testid="import-file" onChange={(e) => void importFile(e.target.files?.[0])} />
            <button type="button" className="button" onClick={() => fileInput.current?.click()}>{t('import')}</button>
            {sessions && sessions.length > 0 && (
              <button type="button" className="button" onClick={() => void exportSessions(undefined, 'kafka-inside-sessions.json')}>{t('exportAll')}</button>
            )}
          </>
        )}
        <button type="button" className="button" onClick={close}>{t('close')}</button>
      </div>
    </dialog>
  );
}
