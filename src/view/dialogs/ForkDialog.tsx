import { useModalDialog } from './useModalDialog';
import { useTranslation } from 'react-i18next';
import { sessionActions, useSession } from '../../store/sessionStore';
import { describeDocumentStep } from '../viewModel';

/**
 * Acting while viewing the past forks the timeline: the later steps are dropped once the user
 * confirms (DESIGN.md). A modal `<dialog>`: focus moves in, Escape cancels.
 */
export function ForkDialog() {
  const { t } = useTranslation();
  const pending = useSession((s) => s.pendingFork);
  const position = useSession((s) => s.position);
  const steps = useSession((s) => (Array.isArray(s.document?.steps) ? s.document.steps.length : 0));
  const ref = useModalDialog(pending !== null);
  const { confirmFork, cancelFork } = sessionActions();
  return (
    <dialog ref={ref} className="dialog fork-dialog" aria-labelledby="fork-title" onClose={cancelFork}>
      <h2 id="fork-title">{t('fork.title')}</h2>
      <p>{t('fork.body', { at: position, dropped: Math.max(0, steps - position) })}</p>
      {pending && <p className="fork-step"><strong>{describeDocumentStep(pending, t)}</strong></p>}
      <div className="button-row">
        <button type="button" className="button" onClick={cancelFork}>{t('fork.cancel')}</button>
        <button type="button" className="button button-danger" onClick={confirmFork} data-testid="confirm-fork">{t('fork.confirm')}</button>
      </div>
    </dialog>
  );
}
