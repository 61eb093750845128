/**
 * ui-contract.md, "Persistence", against fake-indexeddb: the session is saved with a checkpoint
 * of the simulated world; reopening starts from that checkpoint when it still matches the
 * scenario, and replays when it does not; a saved session can be reopened by id.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildReport } from '../core/scenario/report';
import { simulate } from '../core/scenario/runScenario';
import { validateScenarioDocument } from '../core/scenario/validateScenario';
import { checkpointFingerprint } from '../persist/fingerprint';
import { listSessions, openSessionDb } from '../persist/sessionDb';
import type { ScenarioDocument } from '../session/scenarioEdit';
import { createSessionStore } from '../store/sessionStore';
import { reopenLastSession, reopenSession, savedSessionsBackend, trustedCheckpoint, watchSession } from './persistence';

const steps = Array.from({ length: 120 }, (_, i) => (i % 3 === 0
  ? { op: 'produce', topic: 'orders', key: `k${i}`, value: `v${i}`, acks: 1 }
  : { op: 'fetch', broker: 2 + (i % 2) }));
const document = {
  version: 1, title: 'long', cluster: { brokers: 3, replication: 'manual' },
  topics: [{ name: 'orders', assignment: [[1, 2, 3]] }], steps,
} as unknown as ScenarioDocument;

function scenarioOf(doc: unknown) {
  const parsed = validateScenarioDocument(doc);
  if (!parsed.ok) throw new Error('invalid');
  return parsed.scenario;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

async function savedAt(position: number) {
  const db = await openSessionDb();
  const store = createSessionStore({ checkpointEvery: 50 });
  const keeper = watchSession(store, db);
  store.getState().load({ kind: 'edited' }, scenarioOf(document), position, null, document);
  await keeper.flushed();
  keeper.stop();
  return { db, id: keeper.currentId() as string };
}

describe('persistence with checkpoints', () => {
  it('saves the session with the checkpoint at or before its position, fingerprinted', async () => {
    const { db, id } = await savedAt(117);
    const checkpoints = await db.getAll('checkpoints');
    expect(checkpoints.map((c) => [c.sessionId, c.position])).toEqual([[id, 100]]);
    expect(checkpoints[0].fingerprint).toBe(await checkpointFingerprint(scenarioOf(document), 100));
    // The broker logs are in it: 34 produces in the first 100 steps, all on the leader's disk.
    expect(checkpoints[0].world.topics[0].partitions[0].replicaStates[0].log).toHaveLength(34);
  });

  it('reopens from the saved checkpoint (a changed checkpoint shows), and equals a replay when untouched', async () => {
    const { db } = await savedAt(117);
    const plain = createSessionStore({ checkpointEvery: 50 });
    await reopenLastSession(plain, db);
    expect(plain.getState().position).toBe(117);
    expect(plain.getState().report).toEqual(buildReport(simulate(scenarioOf(document), 117)));

    // Proof that the checkpoint is used rather than a replay from zero: mark the saved world.
    const [saved] = await db.getAll('checkpoints');
    saved.world.timeMs = 987654;
    await db.put('checkpoints', saved);
    const marked = createSessionStore({ checkpointEvery: 50 });
    await reopenLastSession(marked, db);
    expect(marked.getState().world?.timeMs).toBe(987654);
  });

  it('a checkpoint that no longer matches the scenario is dropped and the session replays', async () => {
    const { db, id } = await savedAt(117);
    const edited = { ...document, steps: [{ op: 'fetch', broker: 3 }, ...steps.slice(1)] } as unknown as ScenarioDocument;
    const [session] = await listSessions(db);
    await db.put('sessions', { ...session, document: edited });
    expect(await trustedCheckpoint(db, id, scenarioOf(edited), 117)).toBeUndefined();
    expect(await db.count('checkpoints')).toBe(0);
    const store = createSessionStore({ checkpointEvery: 50 });
    await reopenLastSession(store, db);
    expect(store.getState().report).toEqual(buildReport(simulate(scenarioOf(edited), 117)));
  });

  it('a saved session reopened by id stays the same saved session', async () => {
    const { db, id } = await savedAt(60);
    const store = createSessionStore({ checkpointEvery: 50 });
    const keeper = watchSession(store, db);
    store.getState().load({ kind: 'edited' }, scenarioOf({ ...document, title: 'other' }), 0, null, { ...document, title: 'other' });
    await keeper.flushed();
    expect((await listSessions(db)).length).toBe(2);
    expect(await reopenSession(store, db, keeper, id)).toEqual({ id });
    expect(keeper.currentId()).toBe(id);
    expect(store.getState().position).toBe(60);
    store.getState().next();
    await keeper.flushed();
    const sessions = await listSessions(db);
    expect(sessions.length).toBe(2);
    expect(sessions.find((s) => s.id === id)?.position).toBe(61);
    expect(await reopenSession(store, db, keeper, 'gone')).toBeNull();
    keeper.stop();
  });

  it('a damaged saved record still lists, and opening it names what is wrong without deleting it', async () => {
    const db = await openSessionDb();
    await db.put('sessions', { id: 'broken', document: { version: 1, steps: 'none' } } as never);
    const store = createSessionStore();
    const keeper = watchSession(store, db);
    const backend = savedSessionsBackend(store, db, keeper);
    expect(await backend.list()).toEqual([{ id: 'broken', title: '', position: 0, total: 0, updatedAt: 0, current: false }]);
    const opened = await backend.open('broken');
    expect(opened.ok).toBe(false);
    if (!opened.ok && 'lines' in opened) expect(opened.lines).toEqual(['steps: must be an array, not the string "none"']);
    expect(await db.count('sessions')).toBe(1);
    keeper.stop();
  });
});
