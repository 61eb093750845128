/**
 * Keeps the address bar on the session's scenario and position with `history.replaceState`
 * (never a new history entry per step), so a reload or a copied address gives the same state.
 * The built-in example is `#at=<n>` (it is rebuilt in the reader's language); a link's scenario
 * keeps its own payload: `#s=<payload>&at=<n>`. A link that failed to load is left as it was.
 */
import type { SessionState, SessionStore } from '../store/sessionStore';
import { splitStore } from '../store/splitStore';
import type { ScenarioDocument } from '../session/scenarioEdit';
import { buildLink, encodePayload, lessonLink, positionParams } from './link';

/** Encoding a long document costs milliseconds: do it once per document, not per step. */
let encoded: { document: ScenarioDocument; payload: string } | null = null;
export function payloadOf(document: ScenarioDocument): string {
  if (encoded?.document !== document) encoded = { document, payload: encodePayload(JSON.stringify(document)) };
  return encoded.payload;
}

type Position = Pick<SessionState, 'source' | 'position'> & { event?: number; document?: ScenarioDocument | null };

/** `&vs=` kept on whatever the hash is (the split view's changed fields, ui-contract.md). */
const withSplit = (hash: string, vs: string | null | undefined) => (vs ? `${hash}&vs=${encodeURIComponent(vs)}` : hash);

export function hashFor(state: Position, vs: string | null = null): string | null {
  const hash = hashWithoutSplit(state);
  return hash === null ? null : withSplit(hash, vs);
}

function hashWithoutSplit(state: Position): string | null {
  const { source, position, document, event = 0 } = state;
  if (!source) return null;
  if (source.kind === 'link') return buildLink(source.payload, position, event);
  if (source.kind === 'edited' && document) return buildLink(payloadOf(document), position, event);
  if (source.kind === 'lesson') return lessonLink(source.id, position, event);
  return `#${positionParams(position, event)}`;
}

/** The address to share: always the scenario itself (`#s=…&at=n`), even for the built-in example. */
export function shareUrl(state: Position, win: Window = window): string | null {
  const hash = state.source?.kind === 'lesson' ? lessonLink(state.source.id, state.position, state.event) : state.source?.kind === 'link'
    ? buildLink(state.source.payload, state.position, state.event)
    : state.document ? buildLink(payloadOf(state.document), state.position, state.event) : null;
  if (hash === null) return null;
  const url = new URL(win.location.href);
  url.hash = withSplit(hash, splitStore.getState().vs).slice(1);
  return url.toString();
}

export function syncAddressBar(store: SessionStore, win: Window = window): () => void {
  const write = (state: SessionState) => {
    // A far jump on its way (the worker replays it) is where the session goes: a reload lands there.
    const shown = state.computing === null ? state : { ...state, position: state.computing, event: 0 };
    const hash = hashFor(shown, splitStore.getState().vs);
    if (hash === null || hash === win.location.hash) return;
    const url = `${win.location.pathname}${win.location.search}${hash}`;
    win.history.replaceState(win.history.state, '', url);
  };
  write(store.getState());
  const unsplit = splitStore.subscribe(() => write(store.getState()));
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.source !== previous.source || state.position !== previous.position || state.event !== previous.event || state.document !== previous.document || state.computing !== previous.computing) write(state);
  });
  return () => {
    unsplit();
    unsubscribe();
  };
}
