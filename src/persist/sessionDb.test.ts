/**
 * Saved sessions (ui-contract.md "Persistence") against fake-indexeddb: sessions survive a
 * reopen, the last one opened comes back, checkpoints of another semantics version are dropped,
 * and a saved session that no longer validates is reported without being deleted.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { simulate } from '../core/scenario/runScenario';
import { SEMANTICS_VERSION } from '../core/scenario/report';
import { validateScenarioDocument } from '../core/scenario/validateScenario';
import {
  deleteSession, lastSession, listSessions, nearestCheckpoint, openSessionDb, restoreSession, saveCheckpoint, saveSession,
  type SavedSession,
} from './sessionDb';

const document = {
  version: 1, cluster: { brokers: 3, replication: 'manual' }, topics: [{ name: 'orders', assignment: [[1, 2, 3]] }],
  steps: [{ op: 'produce', topic: 'orders', key: 'k', value: 'v', acks: 1 }, { op: 'fetch', broker: 2 }],
};

function session(id: string, updatedAt: number, doc: unknown = document): SavedSession {
  return { id, title: id, document: doc, position: 1, semantics: SEMANTICS_VERSION, updatedAt, origin: { kind: 'edited' } };
}

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
});

describe('saved sessions', () => {
  it('survive closing and reopening the database, newest first; the last saved is the one to reopen', async () => {
    const db = await openSessionDb();
    await saveSession(db, session('a', 1));
    await saveSession(db, session('b', 2));
    db.close();
    const again = await openSessionDb();
    expect((await listSessions(again)).map((s) => s.id)).toEqual(['b', 'a']);
    expect((await lastSession(again))?.id).toBe('b');
    await saveSession(again, { ...session('a', 3), position: 2 });
    expect(await lastSession(again)).toMatchObject({ id: 'a', position: 2 });
  });

  it('checkpoints hold the broker logs and come back at the nearest position; another semantics version is dropped', async () => {
    const db = await openSessionDb();
    const parsed = validateScenarioDocument(document);
    if (!parsed.ok) throw new Error('invalid');
    const world = simulate(parsed.scenario, 2);
    await saveCheckpoint(db, 's', 2, world, 'f2');
    await db.put('checkpoints', { sessionId: 's', position: 1, semantics: SEMANTICS_VERSION + 1, fingerprint: 'f1', world });
    const found = await nearestCheckpoint(db, 's', 5);
    expect(found?.position).toBe(2);
    expect(found?.world.topics[0].partitions[0].replicaStates[1].log.map((r) => r.value)).toEqual(['v']);
    expect(await nearestCheckpoint(db, 's', 1)).toBeUndefined(); // the stale one was deleted
    expect(await db.count('checkpoints')).toBe(1);
  });

  it('deleting a session removes its checkpoints too', async () => {
    const db = await openSessionDb();
    await saveSession(db, session('a', 1));
    const parsed = validateScenarioDocument(document);
    if (!parsed.ok) throw new Error('invalid');
    await saveCheckpoint(db, 'a', 0, simulate(parsed.scenario, 0), 'f0');
    await deleteSession(db, 'a');
    expect(await db.count('sessions')).toBe(0);
    expect(await db.count('checkpoints')).toBe(0);
  });

  it('a saved session that no longer validates is reported with the validator\'s lines and stays saved', async () => {
    const db = await openSessionDb();
    const broken = session('x', 1, { ...document, steps: [{ op: 'fetch', broker: 9 }] });
    await saveSession(db, broken);
    const restored = restoreSession((await lastSession(db)) as SavedSession);
    expect(restored).toMatchObject({ ok: false, lines: ['steps[0].broker: broker 9 does not exist (brokers are 1, 2, 3)'] });
    expect(await db.count('sessions')).toBe(1);
  });

  it('a session saved under another semantics version restores with a notice flag', () => {
    const restored = restoreSession({ ...session('y', 1), semantics: SEMANTICS_VERSION + 1 });
    expect(restored).toMatchObject({ ok: true, semanticsChanged: true });
  });
});
