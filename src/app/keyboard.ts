/**
 * The global keys (ui-contract.md, "Keys"), installed on the window: nothing happens while a
 * text field has focus, or without a scenario.
 */
import { ignoresKey, keyAction } from '../store/keys';
import type { SessionStore } from '../store/sessionStore';

export function installKeys(store: SessionStore, win: Window = window): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    const action = keyAction(event);
    if (!action) return;
    const target = event.target instanceof Element ? event.target : null;
    if (ignoresKey(target as (Element & { isContentEditable?: boolean }) | null, action)) return;
    if (!store.getState().scenario) return;
    // A modal dialog (fork, new scenario, about) owns the keys while it is open.
    if (win.document.querySelector('dialog[open]')) return;
    event.preventDefault();
    store.getState().perform(action);
  };
  win.addEventListener('keydown', onKeyDown);
  return () => win.removeEventListener('keydown', onKeyDown);
}
