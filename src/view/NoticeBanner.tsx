import { useTranslation } from 'react-i18next';
import type { Notice } from '../store/sessionStore';

export function NoticeBanner({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice" role="status" data-notice={notice.kind}>
      <p>{t('notice.atNotWhole', { raw: notice.raw })}</p>
      <button type="button" className="icon-button" aria-label={t('notice.dismiss')} title={t('notice.dismiss')} onClick={onDismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
