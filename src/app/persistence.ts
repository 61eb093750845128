/**
 * Keeps the user's work in IndexedDB (ui-contract.md, "Persistence") through src/persist:
 *
 * - While the user works on a link's scenario or their own, the session (document and position)
 *   is saved, a moment after each change. A new `load` (a link, a new scenario) starts a new saved
 *   session; edits of the current one keep it. The built-in example is not saved.
 * - Opening the app without a link reopens the last saved session at its position. One that no
 *   longer validates is reported and left saved; the example opens instead.
 * - A link that fails to load changes nothing: the store then holds no document to save.
 * - With the session goes one checkpoint: the timeline's world at the last multiple of its
 *   interval at or before the position (every broker's log, timers, messages in flight, random
 *   state), fingerprinted with the scenario prefix it came from. Reopening seeds the timeline
 *   with it when the fingerprint still matches, so a long session does not replay from zero; a
 *   checkpoint that does not match or does not load is dropped and rebuilt by replaying.
 * - Where storage is denied (a cross-site iframe in embed mode) everything runs in memory.
 */
import type { Scenario } from '../core/model/scenario';
import type { World } from '../core/model/world';
import { checkpointFingerprint } from '../persist/fingerprint';
import {
  deleteCheckpoint, deleteSession, keepOnlyCheckpoint, lastSession, listSessions, nearestCheckpoint, openSessionDb, restoreSession,
  saveCheckpoint, saveSession, type SavedSession, type SessionDb,
} from '../persist/sessionDb';
import type { SavedSessionsBackend } from '../store/savedSessionsStore';
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
export interface SessionKeeper {
  stop(): void;
  /** The saved session being worked on now (null: the example, or nothing saveable). */
  currentId(): string | null;
  /** The next `load` is saved session `id` reopened (from the list), not a new session. */
  adoptNext(id: string): void;
  /** Resolves when the saves started so far are written (tests, and before leaving). */
  flushed(): Promise<void>;
}

export function watchSession(store: SessionStore, db: SessionDb, initialId: string | null = null): SessionKeeper {
  let id = initialId ?? (saveable(store.getState()) ? newSessionId() : null);
  let adopt: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> = Promise.resolve();
  /** The checkpoint last written: not written again while it stays the same. */
  let savedCheckpoint: { id: string; world: World } | null = null;
  const writeCheckpoint = async (sessionId: string, scenario: Scenario, world: World) => {
    if (savedCheckpoint?.id === sessionId && savedCheckpoint.world === world) return;
    const fingerprint = await checkpointFingerprint(scenario, world.stepsApplied);
    await saveCheckpoint(db, sessionId, world.stepsApplied, world, fingerprint);
    await keepOnlyCheckpoint(db, sessionId, world.stepsApplied);
    savedCheckpoint = { id: sessionId, world };
  };
  const save = () => {
    timer = null;
    const state = store.getState();
    if (!saveable(state) || id === null) return;
    const session: SavedSession = {
      id, title: state.scenario?.title ?? '', document: state.document, position: state.position,
      semantics: SEMANTICS_VERSION, updatedAt: Date.now(), origin: { kind: state.source?.kind === 'link' ? 'link' : 'edited' },
    };
    const world = store.getState().savableCheckpoint();
    const scenario = state.scenario;
    const sessionId = id;
    // Storage full or revoked: keep working in memory.
    writing = writing
      .then(() => saveSession(db, session))
      .then(() => (world && scenario ? writeCheckpoint(sessionId, scenario, world) : undefined))
      .catch(() => undefined);
  };
  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  if (saveable(store.getState())) schedule();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.loadSerial !== previous.loadSerial) {
      id = adopt ?? (saveable(state) ? newSessionId() : null);
      adopt = null;
    }
    else if (id === null && saveable(state)) id = newSessionId(); // the example, edited: now the user's own
    if (state.document === previous.document && state.position === previous.position && state.loadSerial === previous.loadSerial) return;
    schedule();
  });
  return {
    stop() {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    },
    currentId: () => id,
    adoptNext(next) {
      adopt = next;
    },
    async flushed() {
      if (timer !== null) {
        clearTimeout(timer);
        save();
      }
      await writing;
    },
  };
}

/**
 * The saved checkpoint nearest at or before `position` that still matches `scenario`; one that
 * does not is deleted (it is rebuilt by replaying). Undefined when there is none to trust.
 */
export async function trustedCheckpoint(db: SessionDb, sessionId: string, scenario: Scenario, position: number): Promise<World | undefined> {
  try {
    const found = await nearestCheckpoint(db, sessionId, position);
    if (!found) return undefined;
    if (found.fingerprint === await checkpointFingerprint(scenario, found.position)) return found.world;
    await deleteCheckpoint(db, sessionId, found.position);
  } catch {
    // A checkpoint that fails to load is as good as none.
  }
  return undefined;
}

/** Opens a saved session in the store at its position, from its checkpoint when it matches. */
/** `beforeLoad` runs once the document has validated, just before the store loads it. */
async function openSaved(store: SessionStore, db: SessionDb, saved: SavedSession, beforeLoad?: () => void): Promise<{ id: string } | { lines: string[] }> {
  const restored = restoreSession(saved);
  if (!restored.ok) return { lines: restored.lines };
  const notice = restored.semanticsChanged ? { kind: 'semantics-changed' as const } : null;
  const { scenario } = restored.parsed;
  const world = await trustedCheckpoint(db, saved.id, scenario, saved.position);
  beforeLoad?.();
  store.getState().load({ kind: 'edited' }, scenario, saved.position, notice, saved.document as ScenarioDocument, world ? { world } : undefined);
  return { id: saved.id };
}

/**
 * Reopens the last saved session in the store. Returns its id when it opened, null when there is
 * none; when it no longer validates, returns its problems (it stays saved).
 */
export async function reopenLastSession(store: SessionStore, db: SessionDb): Promise<{ id: string } | { lines: string[] } | null> {
  const saved = await lastSession(db).catch(() => undefined);
  if (!saved) return null;
  return openSaved(store, db, saved);
}

/**
 * Opens saved session `id` (from the list of saved sessions): it becomes the session being
 * saved. Its problems when it no longer validates (it stays saved), or null when it is gone.
 */
export async function reopenSession(store: SessionStore, db: SessionDb, keeper: SessionKeeper, id: string): Promise<{ id: string } | { lines: string[] } | null> {
  const saved = await db.get('sessions', id).catch(() => undefined);
  if (!saved) return null;
  return openSaved(store, db, saved, () => keeper.adoptNext(id));
}

/** The list of saved sessions, for the "Saved sessions" dialog (store/savedSessionsStore.ts). */
export function savedSessionsBackend(store: SessionStore, db: SessionDb, keeper: SessionKeeper): SavedSessionsBackend {
  return {
    async list() {
      const sessions = await listSessions(db);
      // A record damaged outside the app still lists (and then says why it does not open).
      return sessions.map((s) => {
        const steps = (s.document as { steps?: unknown } | null | undefined)?.steps;
        return {
          id: s.id, title: typeof s.title === 'string' ? s.title : '',
          position: Number.isInteger(s.position) ? s.position : 0, total: Array.isArray(steps) ? steps.length : 0,
          updatedAt: Number.isFinite(s.updatedAt) ? s.updatedAt : 0, current: s.id === keeper.currentId(),
        };
      });
    },
    async open(id) {
      const opened = await reopenSession(store, db, keeper, id);
      if (opened === null) return { ok: false, gone: true };
      return 'lines' in opened ? { ok: false, lines: opened.lines } : { ok: true };
    },
    // The session being worked on is saved again at the next change: the dialog does not offer it.
    remove: (id) => deleteSession(db, id),
  };
}
