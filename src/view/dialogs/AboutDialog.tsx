import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useView, viewActions } from '../../store/viewStore';

const AboutModel = lazy(() => import('../about/AboutModel'));

/** The "About the model" page in a modal dialog; its content is a lazy chunk. */
export function AboutDialog() {
  const { t } = useTranslation();
  const open = useView((s) => s.dialog === 'about');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
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
