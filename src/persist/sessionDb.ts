/**
 * Saved sessions in IndexedDB (ui-contract.md, "Persistence"), through `idb`.
 *
 * - `sessions`: what the user opened or edited — the scenario document (the source of truth),
 *   the timeline position and the semantics version it was made under.
 * - `checkpoints`: worlds (plain data: every broker's logs — its "disk" — timers, messages in
 *   flight, the random state) at some positions of a session, so a long session reopens without
 *   replaying from the start. A checkpoint made under another semantics version, or one that
 *   fails to load, is dropped and rebuilt by replaying the scenario.
 * - `meta`: which session was opened last, for a reload without a link.
 *
 * Nothing here interprets a scenario: `restoreSession` hands the saved document to the same
 * validator as links, and a saved session that no longer validates is reported, never deleted.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { World } from '../core/model/world';
import { SEMANTICS_VERSION } from '../core/scenario/report';
import { formatProblem, validateScenarioDocument, type ParseResult } from '../core/scenario/validateScenario';
import { lastMarkerProblem, sessionRecordProblem } from './recordSchema';

export const DB_NAME = 'kafka-inside';
/** 2 added the `lessons` store (lesson progress); version 1's records are untouched. */
export const DB_VERSION = 2;

export interface SavedSession {
  id: string;
  title: string;
  /** The scenario document as the user has it (links carry the same). */
  document: unknown;
  position: number;
  semantics: number;
  /** Wall-clock milliseconds of the last save (for the list of saved sessions). */
  updatedAt: number;
  /** Where it came from: a built-in lesson keeps its id. */
  origin: { kind: 'link' | 'edited' | 'example' } | { kind: 'lesson'; id: string };
}

export interface SavedCheckpoint {
  sessionId: string;
  position: number;
  semantics: number;
  /** `checkpointFingerprint` of the scenario it was made from, at `position`. */
  fingerprint: string;
  world: World;
}

interface Schema extends DBSchema {
  sessions: { key: string; value: SavedSession; indexes: { updatedAt: number } };
  checkpoints: { key: [string, number]; value: SavedCheckpoint };
  meta: { key: string; value: { key: string; sessionId: string } };
  lessons: { key: string; value: LessonProgress };
}

/** How far a student got in a built-in lesson (the course page shows it). */
export interface LessonProgress {
  id: string;
  /** The furthest position reached, and the lesson's number of steps then. */
  furthest: number;
  total: number;
  updatedAt: number;
}

export type SessionDb = IDBPDatabase<Schema>;

/**
 * Opens (creating or upgrading) the database. It throws where storage is denied (a cross-site
 * iframe): callers then run in memory (ui-contract: embed mode). When another tab (or the user's
 * "clear site data") wants to upgrade or delete the database, this connection closes at once so
 * that it is never blocked, and `onClosed` says so (later writes fail and the app goes on in
 * memory).
 */
export function openSessionDb(onClosed?: () => void): Promise<SessionDb> {
  return openDB<Schema>(DB_NAME, DB_VERSION, {
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
      onClosed?.();
    },
    terminated() {
      onClosed?.();
    },
    upgrade(db) {
      if (!db.objectStoreNames.contains('sessions')) db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
      if (!db.objectStoreNames.contains('checkpoints')) db.createObjectStore('checkpoints', { keyPath: ['sessionId', 'position'] });
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta', { keyPath: 'key' });
      if (!db.objectStoreNames.contains('lessons')) db.createObjectStore('lessons', { keyPath: 'id' });
    },
  });
}

/**
 * Saves a session and marks it as the last one opened. Both puts are made at once, in the call
 * itself, and the transaction is told to commit now (`IDBTransaction.commit`) rather than once
 * the page has seen their results: a call from `pagehide` is then committed by the browser even
 * though the page is gone by the time it could have answered.
 */
export async function saveSession(db: SessionDb, session: SavedSession): Promise<void> {
  const tx = db.transaction(['sessions', 'meta'], 'readwrite');
  const written = Promise.all([
    tx.objectStore('sessions').put(session),
    tx.objectStore('meta').put({ key: 'last', sessionId: session.id }),
    tx.done,
  ]);
  // Not in browsers older than 2019-2021 (Chrome 76, Firefox 74, Safari 15): they commit as before.
  (tx as { commit?: () => void }).commit?.();
  await written;
}

/** Newest first. Read from the store itself, not the `updatedAt` index, so that a record damaged
 * outside the app (no valid `updatedAt`) is still listed, last. */
export async function listSessions(db: SessionDb): Promise<SavedSession[]> {
  const all = await db.getAll('sessions');
  const time = (s: SavedSession) => (Number.isFinite(s.updatedAt) ? s.updatedAt : -Infinity);
  return all.sort((a, b) => time(b) - time(a));
}

export async function lastSession(db: SessionDb): Promise<SavedSession | undefined> {
  const last = await readLastSession(db);
  return last.kind === 'found' ? last.session : undefined;
}

export type LastSession =
  | { kind: 'none' }
  | { kind: 'found'; session: SavedSession }
  /** The marker or the record it names is damaged or gone: what is wrong, as `path: reason` lines. */
  | { kind: 'damaged'; lines: string[] };

/** The session opened last, checked against its schema: a damaged marker is reported, not skipped. */
export async function readLastSession(db: SessionDb): Promise<LastSession> {
  const last: unknown = await db.get('meta', 'last');
  if (last === undefined) return { kind: 'none' };
  const markerIssue = lastMarkerProblem(last);
  if (markerIssue) return { kind: 'damaged', lines: [markerIssue] };
  const id = (last as { sessionId: string }).sessionId;
  const session: unknown = await db.get('sessions', id);
  if (session === undefined) return { kind: 'damaged', lines: [`meta.last.sessionId: names session "${id}", which is not saved`] };
  return { kind: 'found', session: session as SavedSession };
}

export async function deleteSession(db: SessionDb, id: string): Promise<void> {
  const tx = db.transaction(['sessions', 'checkpoints'], 'readwrite');
  await tx.objectStore('sessions').delete(id);
  await tx.objectStore('checkpoints').delete(IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]));
  await tx.done;
}

export async function saveCheckpoint(db: SessionDb, sessionId: string, position: number, world: World, fingerprint: string): Promise<void> {
  await db.put('checkpoints', { sessionId, position, semantics: SEMANTICS_VERSION, fingerprint, world });
}

/** Keeps only the session's checkpoint at `position` (one per session bounds the space used). */
export async function keepOnlyCheckpoint(db: SessionDb, sessionId: string, position: number): Promise<void> {
  const tx = db.transaction('checkpoints', 'readwrite');
  const keys = await tx.store.getAllKeys(IDBKeyRange.bound([sessionId, 0], [sessionId, Number.MAX_SAFE_INTEGER]));
  for (const key of keys) if (key[1] !== position) await tx.store.delete(key);
  await tx.done;
}

export async function deleteCheckpoint(db: SessionDb, sessionId: string, position: number): Promise<void> {
  await db.delete('checkpoints', [sessionId, position]);
}

/**
 * The checkpoint at or before `position` of this semantics version; checkpoints of another
 * version are deleted (they will be rebuilt by replaying the scenario). Its world is not checked
 * here: that needs the scenario (`recordSchema.ts`, `trustedCheckpoint` in src/app).
 */
export async function nearestCheckpoint(db: SessionDb, sessionId: string, position: number): Promise<SavedCheckpoint | undefined> {
  const range = IDBKeyRange.bound([sessionId, 0], [sessionId, position]);
  const found = await db.getAll('checkpoints', range);
  const stale = found.filter((c) => c.semantics !== SEMANTICS_VERSION);
  for (const c of stale) await db.delete('checkpoints', [c.sessionId, c.position]);
  return found.filter((c) => !stale.includes(c)).sort((a, b) => b.position - a.position)[0];
}

const isRecord = (value: unknown): value is SavedSession => value !== null && typeof value === 'object';

export type RestoredSession =
  | { ok: true; session: SavedSession; parsed: Extract<ParseResult, { ok: true }>; semanticsChanged: boolean }
  | { ok: false; session: SavedSession; lines: string[] };

/** Validates a saved session's document as a link's would be; a failure keeps the session saved. */
export function restoreSession(session: SavedSession): RestoredSession {
  const recordIssue = sessionRecordProblem(session);
  const parsed = validateScenarioDocument(isRecord(session) ? session.document : undefined);
  const lines = [...(parsed.ok ? [] : parsed.problems.map(formatProblem)), ...(recordIssue ? [recordIssue] : [])];
  if (!parsed.ok || lines.length > 0) return { ok: false, session, lines };
  return { ok: true, session, parsed, semanticsChanged: session.semantics !== SEMANTICS_VERSION };
}

/** Records that the student reached `position` of lesson `id` (progress only grows). */
export async function saveLessonProgress(db: SessionDb, id: string, position: number, total: number): Promise<void> {
  const tx = db.transaction('lessons', 'readwrite');
  const before = await tx.store.get(id);
  if (!before || position > before.furthest || total !== before.total) {
    await tx.store.put({ id, furthest: Math.max(position, before?.furthest ?? 0), total, updatedAt: Date.now() });
  }
  await tx.done;
}

export async function listLessonProgress(db: SessionDb): Promise<LessonProgress[]> {
  return db.getAll('lessons');
}
