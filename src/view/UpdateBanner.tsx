import { useTranslation } from 'react-i18next';
import { updateStore, useUpdate } from '../store/updateStore';

/** "A new version is ready: reload to update" (app/offline.ts); never reloads on its own. */
export function UpdateBanner() {
  const { t } = useTranslation();
  const waiting = useUpdate((s) => s.waiting);
  const apply = useUpdate((s) => s.apply);
  if (!waiting || !apply) return null;
  return (
    <div className="notice" role="status" data-notice="update-ready">
      <div>
        <p>{t('notice.updateReady')}</p>
        <button type="button" className="button" onClick={apply}>{t('notice.reloadToUpdate')}</button>
      </div>
      <button type="button" className="icon-button" aria-label={t('notice.dismiss')} title={t('notice.dismiss')} onClick={() => updateStore.getState().dismiss()}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
