/**
 * Keeps the user's work in IndexedDB (ui-contract.md, "Persistence") through src/persist:
 *
 * - While the user works on a link's scenario or their own, the session (document and position)
 *   is saved, a moment after each change. A new `load` (a link, a new scenario) starts a new saved
 *   session; edits of the current one keep it. The built-in example is not saved.
 * - Opening the app without a link reopens the last saved session at its position. One that no
 *   longer validates is reported and left saved; the example opens instead.
 * - A link that fails to load changes nothing: the store then holds no document to save.
 * - Where storage is denied (a cross-site iframe in embed mode) everything runs in memory.
 */
import { lastSession, openSessionDb, restoreSession, saveSession, type SavedSession, type SessionDb } from '../persist/sessionDb';
import { SEMANTICS_VERSION } from '../core/scenario/report';
import type { ScenarioDocument } from '../session/scenarioEdit';
import type { SessionState, SessionStore } from '../store/sessionStore';

export const SAVE_DELAY_MS = 300;

/** Opens the database, or null where storage is denied or unavailable. */
export async function openDbOrNull(): Promise<SessionDb | null> {
  try {
    if (typeof indexedDB === 'undefined') return null;
    return await openSessionDb();
  } catch {
    return null;
  }
}

function newSessionId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `s-${Date.now()}-${Math.floor(Math.random() * 1e9)}`;
}

function saveable(state: SessionState): boolean {
  return state.document !== null && (state.source?.kind === 'link' || state.source?.kind === 'edited');
}

/**
 * Saves the session as the user works; returns a function that stops watching. Start it after
 * the first scenario is open: `initialId` is the saved session that was reopened, if any.
 */
export function watchSession(store: SessionStore, db: SessionDb, initialId: string | null = null): () => void {
  let id = initialId ?? (saveable(store.getState()) ? newSessionId() : null);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    timer = null;
    const state = store.getState();
    if (!saveable(state) || id === null) return;
    const session: SavedSession = {
      id, title: state.scenario?.title ?? '', document: state.document, position: state.position,
      semantics: SEMANTICS_VERSION, updatedAt: Date.now(), origin: { kind: state.source?.kind === 'link' ? 'link' : 'edited' },
    };
    void saveSession(db, session).catch(() => undefined); // storage full or revoked: keep working in memory
  };
  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  if (saveable(store.getState())) schedule();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.loadSerial !== previous.loadSerial) id = saveable(state) ? newSessionId() : null;
    else if (id === null && saveable(state)) id = newSessionId(); // the example, edited: now the user's own
    if (state.document === previous.document && state.position === previous.position && state.loadSerial === previous.loadSerial) return;
    schedule();
  });
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}

/**
 * Reopens the last saved session in the store. Returns its id when it opened, null when there is
 * none; when it no longer validates, returns its problems (it stays saved).
 */
export async function reopenLastSession(store: SessionStore, db: SessionDb): Promise<{ id: string } | { lines: string[] } | null> {
  const saved = await lastSession(db).catch(() => undefined);
  if (!saved) return null;
  const restored = restoreSession(saved);
  if (!restored.ok) return { lines: restored.lines };
  const notice = restored.semanticsChanged ? { kind: 'semantics-changed' as const } : null;
  store.getState().load({ kind: 'edited' }, restored.parsed.scenario, saved.position, notice, saved.document as ScenarioDocument);
  return { id: saved.id };
}
