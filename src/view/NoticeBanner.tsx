import { useTranslation } from 'react-i18next';
import { savedSessionsStore } from '../store/savedSessionsStore';
import type { Notice } from '../store/sessionStore';
import { LazyProblemLines } from './problems/LazyProblemLines';

/** The validator's lines: windowed past 1,000 and in the reader's language (src/view/problems). */
const Lines = LazyProblemLines;

export function NoticeBanner({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice" role="status" data-notice={notice.kind}>
      {notice.kind === 'at-not-whole' && <p>{t('notice.atNotWhole', { raw: notice.raw })}</p>}
      {notice.kind === 'semantics-changed' && <p>{t('notice.semanticsChanged')}</p>}
      {notice.kind === 'saved-invalid' && (
        <div>
          <p>{t('notice.savedInvalid')}</p>
          <Lines lines={notice.lines} />
        </div>
      )}
      {notice.kind === 'edit-refused' && (
        <div>
          <p>{t('notice.editRefused')}</p>
          <Lines lines={notice.lines} />
        </div>
      )}
      {(notice.kind === 'last-damaged' || notice.kind === 'checkpoint-rebuilt') && (
        <div>
          <p>{notice.kind === 'last-damaged' ? t('notice.lastDamaged') : t('notice.checkpointRebuilt')}</p>
          <Lines lines={notice.lines} />
        </div>
      )}
      {notice.kind === 'storage-failed' && <p>{t('notice.storageFailed')}</p>}
      {notice.kind === 'open-elsewhere' && (
        <div>
          <p>{t('notice.openElsewhere')}</p>
          <button type="button" className="button" onClick={() => savedSessionsStore.getState().backend?.copyCurrent()}>{t('notice.copyHere')}</button>
        </div>
      )}
      <button type="button" className="icon-button" aria-label={t('notice.dismiss')} title={t('notice.dismiss')} onClick={onDismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
