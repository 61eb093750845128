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
import { formatProblem, validateScenarioDocument } from '../core/scenario/validateScenario';
import { sessionRecordProblem, worldProblem } from '../persist/recordSchema';
import {
  deleteCheckpoint, deleteSession, keepOnlyCheckpoint, listSessions, nearestCheckpoint, openSessionDb, readLastSession, restoreSession,
  saveCheckpoint, saveSession, type SavedCheckpoint, type SavedSession, type SessionDb,
} from '../persist/sessionDb';
import type { SavedSessionsBackend } from '../store/savedSessionsStore';
import { SEMANTICS_VERSION } from '../core/scenario/report';
import type { ScenarioDocument } from '../session/scenarioEdit';
import type { SessionState, SessionStore } from '../store/sessionStore';

/** How long the app waits for the database before it goes on in memory (another tab may hold it). */
export const OPEN_TIMEOUT_MS = 2000;

/**
 * Opens the database, or null where storage is denied or unavailable, or when it does not open
 * within `timeoutMs` (a second tab never waits for the database: it works in memory).
 */
export async function openDbOrNull(timeoutMs = OPEN_TIMEOUT_MS, onClosed?: () => void): Promise<SessionDb | null> {
  if (typeof indexedDB === 'undefined') return null;
  let timedOut = false;
  const opening = new Promise<SessionDb>((resolve) => resolve(openSessionDb(onClosed))).catch(() => null);
  const timer = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  const db = await Promise.race([opening, timer]);
  if (db === null) {
    timedOut = true;
    void opening.then((late) => { if (timedOut) late?.close(); });
  }
  return db;
}

function newSessionId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `s-${Date.now()}-${Math.floor(Math.random() * 1e9)}`;
}

function saveable(state: SessionState): boolean {
  return state.document !== null && (state.source?.kind === 'link' || state.source?.kind === 'edited');
}

/** This tab's session id, kept across reloads of the tab (sessionStorage; absent where denied). */
const TAB_SESSION_KEY = 'kafka-inside:session';

function rememberTabSession(id: string): void {
  try {
    sessionStorage.setItem(TAB_SESSION_KEY, id);
  } catch {
    // Storage denied: a reload then saves a new copy, as before.
  }
}

function tabSession(): string | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(TAB_SESSION_KEY);
  } catch {
    return null;
  }
}

/**
 * The saved session that a reloaded `#s=` address is: this tab's session when its saved document
 * is the link's document. A reload then keeps working on it instead of saving another copy.
 */
export async function sessionOfReload(db: SessionDb, document: unknown): Promise<string | null> {
  const id = tabSession();
  if (id === null || document === null) return null;
  const saved: unknown = await db.get('sessions', id).catch(() => undefined);
  if (sessionRecordProblem(saved) !== null) return null;
  return JSON.stringify((saved as SavedSession).document) === JSON.stringify(document) ? id : null;
}

/** Web Locks, as far as the keeper uses them (absent in Node and old browsers). */
export interface SessionLocks {
  request(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<void> | undefined): Promise<unknown>;
}

function browserLocks(): SessionLocks | null {
  const locks = (globalThis.navigator as { locks?: SessionLocks } | undefined)?.locks;
  return locks ?? null;
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
  /** Goes on with the current session as a new saved copy (when another tab has it open). */
  copyHere(): void;
  /** Resolves when the saves started so far are written (tests, and before leaving). */
  flushed(): Promise<void>;
}

export interface KeeperOptions {
  locks?: SessionLocks | null;
  /** Where `pagehide` and `visibilitychange` come from (the window; none in tests). */
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
}

/** Holds a Web Lock per saved session, so two tabs never write one session unknowingly. */
function sessionClaims(locks: SessionLocks | null) {
  let claim: { id: string; held: Promise<boolean>; release: () => void } | null = null;
  return {
    /** Resolves true when this tab may write session `id`. */
    claim(id: string): Promise<boolean> {
      if (claim?.id === id) return claim.held;
      claim?.release();
      let release: () => void = () => undefined;
      const held = !locks ? Promise.resolve(true) : new Promise<boolean>((resolve) => {
        locks.request(`kafka-inside:session:${id}`, { ifAvailable: true }, (lock) => {
          resolve(lock !== null);
          return lock === null ? undefined : new Promise<void>((done) => { release = done; });
        }).catch(() => resolve(true));
      });
      claim = { id, held, release: () => release() };
      return held;
    },
    release() {
      claim?.release();
      claim = null;
    },
  };
}

/**
 * Resolves when the browser has a moment: a checkpoint (fingerprinting the steps, cloning the
 * world into IndexedDB) costs tens of milliseconds on a slow phone, so it waits for a gap
 * between frames instead of following a jump or a step in the same frame; at most half a
 * second. Without `requestIdleCallback` (Safari, Node) at once.
 */
function idleTime(hurry: Set<() => void>): Promise<void> {
  if (typeof globalThis.requestIdleCallback !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      hurry.delete(done);
      resolve();
    };
    hurry.add(done);
    globalThis.requestIdleCallback(done, { timeout: 500 });
  });
}

/** The title a saved session is listed under. */
const titleOf = (state: SessionState): string => state.scenario?.title ?? '';

/**
 * Every change is written: a new document at once, a new position alone (a step, the position
 * while playing) and the checkpoint in the browser's next idle moment. While a write is under
 * way the next one waits and then writes the latest state, so writes never pile up. `pagehide`
 * and `visibilitychange` write whatever is pending at once. A failed write (storage full, site
 * data cleared) shows a notice once and the app goes on in memory.
 */

export function watchSession(store: SessionStore, db: SessionDb, initialId: string | null = null, options: KeeperOptions = {}): SessionKeeper {
  const locks = options.locks === undefined ? browserLocks() : options.locks;
  const events = options.events === undefined ? (typeof window === 'undefined' ? null : window) : options.events;
  let id = initialId ?? (saveable(store.getState()) ? newSessionId() : null);
  let adopt: string | null = null;
  let dirty = false;
  let writing: Promise<void> = Promise.resolve();
  let running = false;
  let failureTold = false;
  const elsewhereTold = new Set<string>();
  const claims = sessionClaims(locks);
  /** Idle waits under way: the page going away ends them, so what is pending is written now. */
  const hurry = new Set<() => void>();
  /** The session record last written: a change of position alone waits for an idle moment. */
  let savedDocument: { id: string; document: unknown; title: string } | null = null;
  /** The page is going away: the next write waits for nothing. */
  let urgent = false;
  /** The checkpoint last written: not written again while it stays the same. */
  let savedCheckpoint: { id: string; world: World } | null = null;
  const writeCheckpoint = async (sessionId: string, scenario: Scenario, world: World) => {
    if (savedCheckpoint?.id === sessionId && savedCheckpoint.world === world) return;
    const fingerprint = await checkpointFingerprint(scenario, world.stepsApplied);
    await saveCheckpoint(db, sessionId, world.stepsApplied, world, fingerprint);
    await keepOnlyCheckpoint(db, sessionId, world.stepsApplied);
    savedCheckpoint = { id: sessionId, world };
  };
  /** The session this tab holds the lock of (its writes may go straight to IndexedDB). */
  let claimed: string | null = null;
  const sessionRecord = (sessionId: string, state: SessionState): SavedSession => ({
    id: sessionId, title: titleOf(state), document: state.document, position: state.position,
    semantics: SEMANTICS_VERSION, updatedAt: Date.now(), origin: { kind: state.source?.kind === 'link' ? 'link' : 'edited' },
  });
  const writeOnce = async () => {
    if (!saveable(store.getState()) || id === null) return;
    const sessionId = id;
    if (!await claims.claim(sessionId)) {
      if (!elsewhereTold.has(sessionId)) store.setState({ notice: { kind: 'open-elsewhere' } });
      elsewhereTold.add(sessionId);
      return;
    }
    claimed = sessionId;
    // A new position alone (a step, a jump, playing) is written in the browser's next idle
    // moment: the record carries the whole document, and cloning a long one into IndexedDB
    // cost a jump about 6 ms before its frame was painted. A new document is written at once.
    const hurried = urgent;
    urgent = false;
    const before = store.getState();
    if (!hurried && savedDocument?.id === sessionId && savedDocument.document === before.document && savedDocument.title === titleOf(before)) {
      await idleTime(hurry);
    }
    const state = store.getState();
    if (!saveable(state) || id !== sessionId) return;
    const session = sessionRecord(sessionId, state);
    const world = state.savableCheckpoint();
    await saveSession(db, session);
    savedDocument = { id: sessionId, document: session.document, title: session.title };
    rememberTabSession(sessionId);
    if (!world || !state.scenario) return;
    // The checkpoint, which costs most, waits for the browser's next idle moment too (a reload
    // right after a step still lands there: `pagehide` writes what waits at once).
    if (!hurried) await idleTime(hurry);
    await writeCheckpoint(sessionId, state.scenario, world);
  };
  const failed = () => {
    if (failureTold) return;
    failureTold = true;
    store.setState({ notice: { kind: 'storage-failed' } });
  };
  const requestSave = () => {
    dirty = true;
    if (running) return;
    running = true;
    writing = (async () => {
      while (dirty) {
        dirty = false;
        try {
          await writeOnce();
        } catch {
          failed(); // storage full or revoked: keep working in memory
        }
      }
      running = false;
    })();
  };
  const now = () => {
    urgent = true;
    requestSave();
    for (const done of [...hurry]) done();
    // A write under way would start the next one only once its own is done, after the page has
    // gone (a reload right after a step reopened one step back). The newest record is put now,
    // from this handler: IndexedDB commits transactions in the order they were made, so it lands
    // after the one under way, and the loop's own write of it later changes nothing.
    const state = store.getState();
    if (running && id !== null && claimed === id && saveable(state)) {
      saveSession(db, sessionRecord(id, state)).catch(() => undefined);
    }
  };
  const onHide = () => {
    if (globalThis.document?.visibilityState !== 'visible') now();
  };
  const onPageHide = () => now();
  events?.addEventListener('visibilitychange', onHide);
  events?.addEventListener('pagehide', onPageHide);
  if (saveable(store.getState())) requestSave();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.loadSerial !== previous.loadSerial) {
      id = adopt ?? (saveable(state) ? newSessionId() : null);
      adopt = null;
    }
    else if (id === null && saveable(state)) id = newSessionId(); // the example, edited: now the user's own
    if (state.document === previous.document && state.position === previous.position && state.loadSerial === previous.loadSerial) return;
    requestSave();
  });
  return {
    stop() {
      unsubscribe();
      claims.release();
      events?.removeEventListener('visibilitychange', onHide);
      events?.removeEventListener('pagehide', onPageHide);
    },
    currentId: () => id,
    adoptNext(next) {
      adopt = next;
    },
    copyHere() {
      if (!saveable(store.getState())) return;
      id = newSessionId();
      if (store.getState().notice?.kind === 'open-elsewhere') store.setState({ notice: null });
      requestSave();
    },
    async flushed() {
      await writing;
    },
  };
}

/**
 * The saved checkpoint nearest at or before `position` that still matches `scenario`; one that
 * does not is deleted (it is rebuilt by replaying). Undefined when there is none to trust. A
 * checkpoint that matches but is damaged (it fails the world's schema, or does not load) is
 * deleted too, and `onDamaged` gets what was wrong, for the user.
 */
export async function trustedCheckpoint(
  db: SessionDb, sessionId: string, scenario: Scenario, position: number, onDamaged?: (line: string) => void,
): Promise<World | undefined> {
  let found: SavedCheckpoint | undefined;
  try {
    found = await nearestCheckpoint(db, sessionId, position);
    if (!found) return undefined;
    if (typeof found.fingerprint !== 'string' || !isCount(found.position)) {
      onDamaged?.('checkpoint: its key or fingerprint is damaged');
    } else if (found.fingerprint === await checkpointFingerprint(scenario, found.position)) {
      const problem = worldProblem(found.world, scenario, found.position);
      if (problem === null) return found.world;
      onDamaged?.(problem);
    }
    await deleteCheckpoint(db, sessionId, found.position);
  } catch {
    if (found) onDamaged?.('checkpoint: could not be read');
  }
  return undefined;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Opens a saved session in the store at its position, from its checkpoint when it matches. */
/** `beforeLoad` runs once the document has validated, just before the store loads it. */
async function openSaved(store: SessionStore, db: SessionDb, saved: SavedSession, beforeLoad?: () => void): Promise<{ id: string } | { lines: string[] }> {
  const restored = restoreSession(saved);
  if (!restored.ok) return { lines: restored.lines };
  const notice = restored.semanticsChanged ? { kind: 'semantics-changed' as const } : null;
  const { scenario } = restored.parsed;
  const damaged: string[] = [];
  const world = await trustedCheckpoint(db, saved.id, scenario, saved.position, (line) => damaged.push(line));
  beforeLoad?.();
  const told = damaged.length > 0 ? { kind: 'checkpoint-rebuilt' as const, lines: damaged } : notice;
  store.getState().load({ kind: 'edited' }, scenario, saved.position, told, saved.document as ScenarioDocument, world ? { world } : undefined);
  return { id: saved.id };
}

/**
 * Reopens the last saved session in the store. Returns its id when it opened, null when there is
 * none; when it no longer validates, returns its problems (it stays saved); when the marker of
 * the last session is damaged or names a session that is gone, says so (`marker`).
 */
export async function reopenLastSession(store: SessionStore, db: SessionDb): Promise<{ id: string } | { lines: string[]; marker?: true } | null> {
  const last = await readLastSession(db).catch(() => ({ kind: 'damaged' as const, lines: ['meta.last: could not be read'] }));
  if (last.kind === 'none') return null;
  if (last.kind === 'damaged') return { lines: last.lines, marker: true };
  return openSaved(store, db, last.session);
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
    copyCurrent: () => keeper.copyHere(),
    exportSessions: (ids) => exportSessions(db, ids),
    importText: (text) => importSessions(store, db, keeper, text),
    async rename(id, title) {
      const saved = await db.get('sessions', id);
      if (!saved || sessionRecordProblem(saved) !== null) return;
      const document = saved.document !== null && typeof saved.document === 'object' ? { ...(saved.document as object), title } : saved.document;
      await db.put('sessions', { ...saved, title, document });
      const state = store.getState();
      if (keeper.currentId() === id && state.document && state.scenario) {
        store.setState({ document: { ...state.document, title }, scenario: { ...state.scenario, title } });
      }
    },
  };
}

/** The file format of exported sessions (docs/architecture.md, "Files"). */
export const EXPORT_FORMAT = 'kafka-inside-sessions';

/** Sessions as a JSON file: `{ format, version: 1, sessions: [{ title, position, document }] }`. */
export async function exportSessions(db: SessionDb, ids?: string[]): Promise<string> {
  const all = await listSessions(db);
  const chosen = all.filter((s) => (ids ? ids.includes(s.id) : true) && sessionRecordProblem(s) === null);
  const sessions = chosen.map((s) => ({ title: s.title, position: s.position, document: s.document }));
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: 1, sessions }, null, 2)}\n`;
}

/**
 * Imports a file's text: an export of sessions, or one scenario document. The text goes the way
 * of a link's (quickJson, else the located parser; then the validator, nesting limit and work
 * budget included), and each session becomes a new saved session; the first one opens.
 */
export async function importSessions(store: SessionStore, db: SessionDb, keeper: SessionKeeper, text: string): Promise<{ ok: true } | { ok: false; lines: string[] }> {
  const { parseJsonQuickly } = await import('../core/scenario/quickJson');
  let value = parseJsonQuickly(text)?.value;
  if (value === undefined) {
    const { parseJsonText } = await import('../core/scenario/jsonText');
    const parsed = parseJsonText(text);
    if (!parsed.ok) return { ok: false, lines: parsed.problems.map(formatProblem) };
    value = parsed.value;
  }
  const bundle = value as { format?: unknown; sessions?: unknown };
  const entries: { title?: unknown; position?: unknown; document: unknown }[] = bundle !== null && typeof bundle === 'object' && bundle.format === EXPORT_FORMAT
    ? (Array.isArray(bundle.sessions) ? bundle.sessions : [])
    : [{ document: value, position: 0 }];
  if (entries.length === 0) return { ok: false, lines: ['sessions: the file holds no session'] };
  const lines: string[] = [];
  const records: SavedSession[] = [];
  entries.forEach((entry, i) => {
    const prefix = entries.length > 1 || bundle?.format === EXPORT_FORMAT ? `sessions[${i}] ` : '';
    const parsed = validateScenarioDocument(entry?.document);
    if (!parsed.ok) {
      lines.push(...parsed.problems.map((p) => `${prefix}${formatProblem(p)}`));
      return;
    }
    const position = Number.isSafeInteger(entry.position) && (entry.position as number) >= 0 ? Math.min(entry.position as number, parsed.scenario.steps.length) : 0;
    records.push({
      id: newSessionId(), title: parsed.scenario.title, document: entry.document, position, semantics: SEMANTICS_VERSION,
      updatedAt: Date.now(), origin: { kind: 'edited' },
    });
  });
  if (lines.length > 0) return { ok: false, lines };
  for (const record of records.slice(1).reverse()) await db.put('sessions', record);
  const [first] = records;
  await saveSession(db, first);
  const opened = await openSaved(store, db, first, () => keeper.adoptNext(first.id));
  return 'id' in opened ? { ok: true } : { ok: false, lines: opened.lines };
}
