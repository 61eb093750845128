/** Lesson progress in IndexedDB (src/persist), opened on first use; storage denied: nothing is kept. */
import type { LessonProgress, SessionDb } from '../persist/sessionDb';

let db: Promise<SessionDb | null> | null = null;

function open(): Promise<SessionDb | null> {
  db ??= import('../persist/sessionDb').then((m) => m.openSessionDb()).catch(() => null);
  return db;
}

export async function recordProgress(id: string, position: number, total: number): Promise<void> {
  const opened = await open();
  if (!opened) return;
  const { saveLessonProgress } = await import('../persist/sessionDb');
  await saveLessonProgress(opened, id, position, total).catch(() => undefined);
}

export async function readProgress(): Promise<Map<string, LessonProgress>> {
  const opened = await open();
  if (!opened) return new Map();
  const { listLessonProgress } = await import('../persist/sessionDb');
  const all = await listLessonProgress(opened).catch(() => []);
  return new Map(all.map((p) => [p.id, p]));
}
