import { useModalDialog } from './useModalDialog';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useView, viewActions } from '../../store/viewStore';

const AboutPages = lazy(() => import('../about/AboutPages'));

/** The About dialog ("How to read the picture", "About the model"); its content is a lazy chunk. */
export function AboutDialog() {
  const { t } = useTranslation();
  const open = useView((s) => s.dialog === 'about');
  const ref = useModalDialog(open);
  const close = viewActions().closeDialog;
  return (
    <dialog ref={ref} className="dialog about-dialog" aria-label={t('toolbar.about')} onClose={close}>
      {open && (
        <Suspense fallback={<p>{t('toolbar.loading')}</p>}>
          <AboutPages onClose={close} />
        </Suspense>
      )}
    </dialog>
  );
}
