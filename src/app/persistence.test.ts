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
import { openDbOrNull, reopenLastSession, reopenSession, savedSessionsBackend, trustedCheckpoint, watchSession } from './persistence';

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

/** Runs `test` with idle callbacks held until it runs them, and page events it fires itself. */
async function withIdleAndPage(test: (page: {
  idle: (() => void)[];
  events: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  fire: (type: string) => void;
}) => Promise<void>): Promise<void> {
  const idle: (() => void)[] = [];
  const g = globalThis as { requestIdleCallback?: (run: () => void) => number };
  g.requestIdleCallback = (run) => idle.push(run);
  const listeners = new Map<string, () => void>();
  const events = {
    addEventListener: (type: string, run: () => void) => listeners.set(type, run),
    removeEventListener: (type: string) => listeners.delete(type),
  } as unknown as Pick<Window, 'addEventListener' | 'removeEventListener'>;
  try {
    await test({ idle, events, fire: (type) => listeners.get(type)?.() });
  } finally {
    delete g.requestIdleCallback;
  }
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
    if (!opened.ok && 'lines' in opened) expect(opened.lines).toEqual(['steps: must be an array, not the string "none"', 'session.title: must be a string']);
    expect(await db.count('sessions')).toBe(1);
    keeper.stop();
  });
});

/** Web Locks as one browser profile has them: a name is held by one holder at a time. */
function sharedLocks() {
  const held = new Set<string>();
  return {
    async request(name: string, _options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<void> | undefined) {
      if (held.has(name)) return callback(null);
      held.add(name);
      try {
        await callback({ name });
      } finally {
        held.delete(name);
      }
    },
  };
}

describe('every stored record is checked when read', () => {
  type World = NonNullable<ReturnType<ReturnType<typeof createSessionStore>['getState']>['world']>;
  const damages: [string, (world: World) => void, string][] = [
    ['topics replaced by garbage', (w) => { (w as unknown as { topics: unknown }).topics = 'garbage'; }, 'world.topics: must be an array'],
    ['an emptied broker list', (w) => { w.brokers = []; }, "world.brokers: must hold the scenario's 3 brokers, not 0"],
    ['a NaN time', (w) => { w.timeMs = Number.NaN; }, 'world.timeMs: must be a whole number of ms ≥ 0'],
    ['a record missing from a log', (w) => { w.topics[0].partitions[0].replicaStates[0].log.splice(3, 1); }, 'world.topics[0].partitions[0].replicaStates[0].log[3]: must be the record at offset 3'],
    // Saved before records kept their own CreateTime: rebuilt, not read with undefined times.
    ['records saved before they kept their own timestamp', (w) => {
      for (const r of w.topics[0].partitions[0].replicaStates[0].log) delete (r as { timestampMs?: number }).timestampMs;
    }, 'world.topics[0].partitions[0].replicaStates[0].log[0]: must be the record at offset 0'],
    ['producer batches saved before they kept a timestamp per record', (w) => {
      for (const b of w.producerBatches) delete (b as { timestampsMs?: number[] }).timestampsMs;
    }, 'world.producerBatches[0]: must list a timestamp per record'],
  ];
  for (const [what, damage, line] of damages) {
    it(`a checkpoint with ${what} is dropped, rebuilt by replaying, and the user is told`, async () => {
      const { db } = await savedAt(117);
      const [saved] = await db.getAll('checkpoints');
      damage(saved.world);
      await db.put('checkpoints', saved);
      const store = createSessionStore({ checkpointEvery: 50 });
      expect(await reopenLastSession(store, db)).toEqual({ id: saved.sessionId });
      expect(store.getState().notice).toEqual({ kind: 'checkpoint-rebuilt', lines: [line] });
      expect(store.getState().report).toEqual(buildReport(simulate(scenarioOf(document), 117)));
      expect(await db.count('checkpoints')).toBe(0);
    });
  }

  it('a damaged meta.last is reported, not silently replaced by the example', async () => {
    const { db, id } = await savedAt(5);
    await db.put('meta', { key: 'last', sessionId: 42 } as never);
    const store = createSessionStore();
    expect(await reopenLastSession(store, db)).toEqual({ marker: true, lines: ["meta.last.sessionId: must be a saved session's id"] });
    await db.put('meta', { key: 'last', sessionId: 'gone' });
    expect(await reopenLastSession(store, db)).toEqual({ marker: true, lines: ['meta.last.sessionId: names session "gone", which is not saved'] });
    expect(store.getState().scenario).toBeNull();
    expect(await db.get('sessions', id)).toBeDefined(); // nothing deleted
  });

  it('a session record with a damaged position is reported with its path', async () => {
    const { db, id } = await savedAt(5);
    const saved = await db.get('sessions', id);
    await db.put('sessions', { ...saved!, position: -1 });
    expect(await reopenLastSession(createSessionStore(), db)).toEqual({ lines: ['session.position: must be a whole number ≥ 0'] });
  });
});

describe('saves that hold', () => {
  it('writes every change at once, and the position while playing', async () => {
    const db = await openSessionDb();
    const store = createSessionStore({ playIntervalMs: 5 });
    const keeper = watchSession(store, db, null, { locks: null, events: null });
    store.getState().load({ kind: 'edited' }, scenarioOf(document), 0, null, document);
    store.getState().next();
    await keeper.flushed();
    expect((await listSessions(db))[0].position).toBe(1);
    store.getState().play();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(store.getState().playing).toBe(true);
    await keeper.flushed();
    const saved = (await listSessions(db))[0].position;
    expect(saved).toBeGreaterThan(1);
    store.getState().pause();
    await keeper.flushed();
    expect((await listSessions(db))[0].position).toBe(store.getState().position);
    keeper.stop();
  });

  it('the session is written at once, its checkpoint only in the browser\'s next idle moment', async () => {
    const idle: (() => void)[] = [];
    const g = globalThis as { requestIdleCallback?: (run: () => void) => number };
    g.requestIdleCallback = (run) => idle.push(run);
    try {
      const db = await openSessionDb();
      const store = createSessionStore({ checkpointEvery: 50 });
      const keeper = watchSession(store, db, null, { locks: null, events: null });
      store.getState().load({ kind: 'edited' }, scenarioOf(document), 117, null, document);
      await expect.poll(() => idle.length).toBe(1);
      expect((await listSessions(db))[0].position).toBe(117);
      expect(await db.getAll('checkpoints')).toEqual([]);
      idle.shift()?.();
      await keeper.flushed();
      expect((await db.getAll('checkpoints')).map((c) => c.position)).toEqual([100]);
      keeper.stop();
    } finally {
      delete g.requestIdleCallback;
    }
  });

  it('leaving the page while a write is under way puts the newest position from the handler itself', async () => {
    // The loop's next write would start only after the one under way, when the page is gone
    // (CI: a reload right after pausing reopened one step back). The handler makes the
    // transaction itself, so the browser has it before the page goes.
    await withIdleAndPage(async ({ idle, events, fire }) => {
      const db = await openSessionDb();
      const made: string[] = [];
      const watched = Object.create(db, {
        transaction: { value: (names: string[], mode: IDBTransactionMode) => { made.push(`${[names].flat().join('+')} ${mode}`); return db.transaction(names as never, mode); } },
      }) as typeof db;
      const store = createSessionStore({ checkpointEvery: 50 });
      const keeper = watchSession(store, watched, null, { locks: null, events });
      store.getState().load({ kind: 'edited' }, scenarioOf(document), 60, null, document);
      await expect.poll(async () => (await listSessions(db))[0]?.position).toBe(60);
      await expect.poll(() => idle.length).toBe(1);
      idle.shift()?.(); // the checkpoint at 50
      await keeper.flushed();
      store.getState().next(); // a write under way: it waits for an idle moment
      await expect.poll(() => idle.length).toBe(1);
      const before = made.length;
      fire('pagehide');
      expect(made.slice(before)).toEqual(['sessions+meta readwrite']);
      await expect.poll(async () => (await listSessions(db))[0].position).toBe(61);
      for (const run of idle.splice(0)) run();
      await keeper.flushed();
      for (const run of idle.splice(0)) run();
      await keeper.flushed();
      expect((await listSessions(db))[0].position).toBe(61);
      keeper.stop();
    });
  });

  it('a new position alone is written in the next idle moment, a new document at once; leaving the page writes what waits', async () => {
    await withIdleAndPage(async ({ idle, events, fire }) => {
      const db = await openSessionDb();
      const store = createSessionStore({ checkpointEvery: 50 });
      const keeper = watchSession(store, db, null, { locks: null, events });
      const drainIdle = async () => {
        await expect.poll(() => idle.length).toBe(1);
        idle.shift()?.();
      };
      store.getState().load({ kind: 'edited' }, scenarioOf(document), 60, null, document);
      await expect.poll(async () => (await listSessions(db))[0]?.position).toBe(60); // at once
      await drainIdle(); // the checkpoint at 50
      await keeper.flushed();
      store.getState().next();
      await expect.poll(() => idle.length).toBe(1); // the new position waits
      expect((await listSessions(db))[0].position).toBe(60);
      await drainIdle();
      await expect.poll(async () => (await listSessions(db))[0].position).toBe(61);
      await drainIdle(); // the checkpoint, unchanged
      await keeper.flushed();
      // The page goes away while a new position waits: it is written without waiting.
      store.getState().next();
      await expect.poll(() => idle.length).toBe(1);
      fire('pagehide');
      await expect.poll(async () => (await listSessions(db))[0].position).toBe(62);
      // The hurried wait's idle callback is still due (a no-op now), and the checkpoint's.
      await expect.poll(() => idle.length).toBe(2);
      for (const run of idle.splice(0)) run();
      await keeper.flushed();
      keeper.stop();
    });
  });

  it('a failed write (storage full) shows a notice once and the app goes on in memory', async () => {
    const db = await openSessionDb();
    const full = Object.create(db, {
      transaction: { value: () => { throw new DOMException('quota', 'QuotaExceededError'); } },
      put: { value: () => Promise.reject(new DOMException('quota', 'QuotaExceededError')) },
    });
    const store = createSessionStore();
    const keeper = watchSession(store, full, null, { locks: null, events: null });
    store.getState().load({ kind: 'edited' }, scenarioOf(document), 0, null, document);
    await keeper.flushed();
    expect(store.getState().notice).toEqual({ kind: 'storage-failed' });
    store.getState().dismissNotice();
    store.getState().next();
    await keeper.flushed();
    expect(store.getState().notice).toBeNull(); // told once
    expect(store.getState().position).toBe(1);
    keeper.stop();
  });

  it('two tabs on one session: the second is told, saves nothing, and can go on as a copy', async () => {
    const { db, id } = await savedAt(5);
    const locks = sharedLocks();
    const first = createSessionStore();
    const firstKeeper = watchSession(first, db, null, { locks, events: null });
    await reopenSession(first, db, firstKeeper, id);
    first.getState().next();
    await firstKeeper.flushed();
    expect((await db.get('sessions', id))?.position).toBe(6);

    const second = createSessionStore();
    const secondKeeper = watchSession(second, db, null, { locks, events: null });
    await reopenSession(second, db, secondKeeper, id);
    second.getState().seek(2);
    await secondKeeper.flushed();
    expect(second.getState().notice).toEqual({ kind: 'open-elsewhere' });
    expect((await db.get('sessions', id))?.position).toBe(6); // nothing overwritten

    secondKeeper.copyHere();
    await secondKeeper.flushed();
    expect(secondKeeper.currentId()).not.toBe(id);
    expect((await db.get('sessions', secondKeeper.currentId() as string))?.position).toBe(2);
    expect((await db.get('sessions', id))?.position).toBe(6);
    expect(second.getState().notice).toBeNull();
    firstKeeper.stop();
    secondKeeper.stop();
  });

  it('a delete of the database (clear site data, another version) is not blocked: the connection closes', async () => {
    let closed = 0;
    const db = await openDbOrNull(1000, () => { closed += 1; });
    expect(db).not.toBeNull();
    const deleted = new Promise<string>((resolve) => {
      const request = indexedDB.deleteDatabase('kafka-inside');
      request.onsuccess = () => resolve('deleted');
      request.onblocked = () => resolve('blocked');
    });
    expect(await deleted).toBe('deleted');
    expect(closed).toBe(1);
    // Later writes fail: the keeper tells the user and the app goes on in memory.
    const store = createSessionStore();
    const keeper = watchSession(store, db!, null, { locks: null, events: null });
    store.getState().load({ kind: 'edited' }, scenarioOf(document), 3, null, document);
    await keeper.flushed();
    expect(store.getState().notice).toEqual({ kind: 'storage-failed' });
    expect(store.getState().position).toBe(3);
    keeper.stop();
  });

  it('a second tab never waits for the database: it goes on in memory', async () => {
    // An open request that never succeeds (another tab holds an old version open and never yields).
    const hanging = { open: () => new EventTarget() } as unknown as IDBFactory;
    globalThis.indexedDB = hanging;
    const started = Date.now();
    expect(await openDbOrNull(50)).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('files: export, import, rename (issue 22)', () => {
  it('export then import gives the same session, as a new saved session opened at its position', async () => {
    const { db, id } = await savedAt(60);
    const store = createSessionStore({ checkpointEvery: 50 });
    const keeper = watchSession(store, db);
    const backend = savedSessionsBackend(store, db, keeper);
    const text = await backend.exportSessions([id]);
    const file = JSON.parse(text) as { format: string; version: number; sessions: { title: string; position: number; document: unknown }[] };
    expect(file.format).toBe('kafka-inside-sessions');
    expect(file.sessions).toEqual([{ title: 'long', position: 60, document }]);

    expect(await backend.importText(text)).toEqual({ ok: true });
    await keeper.flushed();
    const sessions = await listSessions(db);
    expect(sessions).toHaveLength(2);
    expect(keeper.currentId()).not.toBe(id);
    expect(store.getState().position).toBe(60);
    expect(store.getState().document).toEqual(document);
    const original = createSessionStore();
    original.getState().load({ kind: 'edited' }, scenarioOf(document), 60, null, document);
    expect(store.getState().report).toEqual(original.getState().report);
    keeper.stop();
  });

  it('a plain scenario document imports as one session at position 0', async () => {
    const db = await openSessionDb();
    const store = createSessionStore();
    const keeper = watchSession(store, db);
    const backend = savedSessionsBackend(store, db, keeper);
    expect(await backend.importText(JSON.stringify({ ...document, title: 'from a file' }))).toEqual({ ok: true });
    expect(store.getState().position).toBe(0);
    expect(store.getState().scenario?.title).toBe('from a file');
    expect((await listSessions(db)).map((s) => s.title)).toEqual(['from a file']);
    keeper.stop();
  });

  it('a bad file is refused with path: reason lines and changes nothing saved', async () => {
    const { db } = await savedAt(10);
    const store = createSessionStore();
    const keeper = watchSession(store, db);
    const backend = savedSessionsBackend(store, db, keeper);
    const before = await listSessions(db);
    const broken = JSON.stringify({ format: 'kafka-inside-sessions', version: 1, sessions: [{ title: 't', position: 0, document }, { title: 'bad', position: 0, document: { ...document, cluster: { brokers: 0 } } }] });
    const refused = await backend.importText(broken);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.lines.some((l) => l.startsWith('sessions[1] ') && l.includes('cluster.brokers'))).toBe(true);
    const notJson = await backend.importText('{"version": 1, "title": ');
    expect(notJson.ok).toBe(false);
    expect(!notJson.ok && notJson.lines.length).toBeGreaterThan(0);
    const deep = await backend.importText(`{"version":1,"title":${'['.repeat(1999)}${']'.repeat(1999)}}`);
    expect(!deep.ok && deep.lines.join(' ')).toContain('nested deeper than the limit');
    expect(await listSessions(db)).toEqual(before);
    keeper.stop();
  });

  it('rename changes the saved title and the document title, and the session shown with it', async () => {
    const db = await openSessionDb();
    const store = createSessionStore();
    const keeper = watchSession(store, db);
    store.getState().load({ kind: 'edited' }, scenarioOf(document), 5, null, document);
    await keeper.flushed();
    const id = keeper.currentId() as string;
    const backend = savedSessionsBackend(store, db, keeper);
    await backend.rename(id, 'Lecture 3: the HW');
    const [saved] = await listSessions(db);
    expect(saved.title).toBe('Lecture 3: the HW');
    expect((saved.document as { title: string }).title).toBe('Lecture 3: the HW');
    expect(store.getState().document?.title).toBe('Lecture 3: the HW');
    expect(store.getState().position).toBe(5);
    keeper.stop();
  });
});
