import { useTranslation } from 'react-i18next';
import type { Notice } from '../store/sessionStore';

export function NoticeBanner({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice" role="status" data-notice={notice.kind}>
      {notice.kind === 'at-not-whole' && <p>{t('notice.atNotWhole', { raw: notice.raw })}</p>}
      {notice.kind === 'semantics-changed' && <p>{t('notice.semanticsChanged')}</p>}
      {notice.kind === 'saved-invalid' && (
        <div>
          <p>{t('notice.savedInvalid')}</p>
          <ul className="problems">{notice.lines.map((line, i) => <li key={i}><code>{line}</code></li>)}</ul>
        </div>
      )}
      {notice.kind === 'edit-refused' && (
        <div>
          <p>{t('notice.editRefused')}</p>
          <ul className="problems">{notice.lines.map((line, i) => <li key={i}><code>{line}</code></li>)}</ul>
        </div>
      )}
      <button type="button" className="icon-button" aria-label={t('notice.dismiss')} title={t('notice.dismiss')} onClick={onDismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
