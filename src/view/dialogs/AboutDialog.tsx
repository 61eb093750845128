import { useModalDialog } from './useModalDialog';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useView, viewActions } from '../../store/viewStore';

const AboutModel = lazy(() => import('../about/AboutModel'));

/** The "About the model" page in a modal dialog; its content is a lazy chunk. */
export function AboutDialog() {
  const { t } = useTranslation();
  const open = useView((s) => s.dialog === 'about');
  const ref = useModalDialog(open);
  const close = viewActions().closeDialog;
  return (
    <dialog ref={ref} className="dialog about-dialog" aria-label={t('toolbar.about')} onClose={close}>
      {open && (
        <Suspense fallback={<p>{t('toolbar.loading')}</p>}>
          <AboutModel onClose={close} />
        </Suspense>
      )}
    </dialog>
  );
}
