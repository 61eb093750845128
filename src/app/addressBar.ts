/**
 * Keeps the address bar on the session's scenario and position with `history.replaceState`
 * (never a new history entry per step), so a reload or a copied address gives the same state.
 * The built-in example is `#at=<n>` (it is rebuilt in the reader's language); a link's scenario
 * keeps its own payload: `#s=<payload>&at=<n>`. A link that failed to load is left as it was.
 */
import type { SessionState, SessionStore } from '../store/sessionStore';
import { buildLink } from './link';

export function hashFor(state: Pick<SessionState, 'source' | 'position'>): string | null {
  const { source, position } = state;
  if (!source) return null;
  return source.kind === 'link' ? buildLink(source.payload, position) : `#at=${position}`;
}

export function syncAddressBar(store: SessionStore, win: Window = window): () => void {
  const write = (state: SessionState) => {
    const hash = hashFor(state);
    if (hash === null || hash === win.location.hash) return;
    const url = `${win.location.pathname}${win.location.search}${hash}`;
    win.history.replaceState(win.history.state, '', url);
  };
  write(store.getState());
  return store.subscribe((state, previous) => {
    if (state.source !== previous.source || state.position !== previous.position) write(state);
  });
}
