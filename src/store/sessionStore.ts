/**
 * The session store (zustand): the scenario being shown, the timeline position and the world
 * and report there, what went wrong loading a link, and playback.
 *
 * The simulation itself runs in `session/timeline.ts`; this store only asks it for the world at
 * a position and publishes the result. The address bar is kept in step by `app/addressBar.ts`,
 * which subscribes here.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createContext, startTransition, useContext, useLayoutEffect, useRef, useState } from 'react';
import type { SimEvent } from '../core/model/events';
import type { Report } from '../core/model/report';
import type { Scenario } from '../core/model/scenario';
import type { World } from '../core/model/world';
import { buildReport } from '../core/scenario/report';
import { loadFeatures, missingFeatures } from '../core/loadFeatures';
import {
  deleteStep, documentSteps, firstDifference, forkAt, insertAt, validateEdited, withStepNote,
  type DocumentStep, type ScenarioDocument,
} from '../session/scenarioEdit';
import type { FiredEvent } from '../core/step';
import { clampPosition, createTimeline, type Timeline, type TimelineMark, type TimelineSeed } from '../session/timeline';
import type { KeyAction } from './keys';
import type { FromReplayWorker } from '../session/replayHost';
import { workerReplayClient, type ReplayClient, type ReplayClientFactory } from './replayClient';

/**
 * Where the scenario came from: the built-in example, a `#s=` link's payload (kept exactly), or
 * the user's edits (a new scenario, or steps added, inserted or deleted): the address bar then
 * encodes `document`.
 */
export type Source = { kind: 'example' } | { kind: 'link'; payload: string } | { kind: 'edited' }
  /** A built-in lesson (`#lesson=<id>`): acting in it forks into an `edited` session. */
  | { kind: 'lesson'; id: string };

export type LoadError =
  /** `#s=` that lz-string cannot decompress. */
  | { kind: 'undecodable' }
  /** A decoded document that the validator refused: its `path: message` lines. */
  | { kind: 'invalid'; lines: string[] }
  /** `#lesson=<id>` naming no lesson. */
  | { kind: 'unknown-lesson'; id: string }
  /** Opening or drawing it threw (a bug, or input no check foresaw): the exception's text. */
  | { kind: 'crashed'; message: string };

export type Notice =
  | { kind: 'at-not-whole'; raw: string }
  /** A saved session made under another semantics version: the state may differ. */
  | { kind: 'semantics-changed' }
  /** The last saved session no longer validates (it stays saved): its `path: message` lines. */
  | { kind: 'saved-invalid'; lines: string[] }
  /** An edit the validator refused outright (not confined to steps): its `path: message` lines. */
  | { kind: 'edit-refused'; lines: string[] }
  /** The marker of the last session is damaged, or names a session that is gone. */
  | { kind: 'last-damaged'; lines: string[] }
  /** A saved checkpoint was damaged: dropped, and the state rebuilt by replaying the scenario. */
  | { kind: 'checkpoint-rebuilt'; lines: string[] }
  /** A write to storage failed (full, or site data cleared): the app goes on in memory. */
  | { kind: 'storage-failed' }
  /** Another tab has this session open: nothing is saved here unless the user makes a copy. */
  | { kind: 'open-elsewhere' };

/** How often playback advances, in real milliseconds. */
export const PLAY_INTERVAL_MS = 700;

export interface SessionState {
  source: Source | null;
  /** Incremented by every `load`: a new scenario, as opposed to an edit of the current one. */
  loadSerial: number;
  scenario: Scenario | null;
  position: number;
  /** The number of steps (the last position); 0 without a scenario. */
  total: number;
  world: World | null;
  report: Report | null;
  /**
   * Inside a `run` step walked event by event (keys `.` and `,`): how many of step
   * `position + 1`'s timed events are applied; 0 at a step boundary.
   */
  event: number;
  /** Step `position + 1`'s timed events in all, while inside it (0 at a boundary). */
  eventCount: number;
  /**
   * What to animate: the events of the step that ended at `position` when it was just replayed,
   * or inside a step those the last event caused.
   */
  events: SimEvent[];
  /** The timed events behind `events` (a `run` step's; one while walking event by event). */
  fired: FiredEvent[];
  loadError: LoadError | null;
  notice: Notice | null;
  playing: boolean;
  /** The scenario as a document (what links carry); edits change it. Null without one. */
  document: ScenarioDocument | null;
  /** Steps that became invalid after an edit, with the validator's messages (by step index). */
  invalidSteps: Record<number, string[]>;
  /** Playback speed: steps advance every `PLAY_INTERVAL_MS / speed` real ms. */
  speed: number;
  /**
   * What the positions worked ahead so far are worth finding again (the scrubber's marks): the
   * timeline's own map, only ever added to; `marksCount` changes when it grows, for subscribers.
   */
  marks: ReadonlyMap<number, TimelineMark>;
  marksCount: number;
  /** A step the user asked for while viewing the past: waiting for them to confirm the fork. */
  pendingFork: DocumentStep | null;
  /** Insert mode: the next action goes in at this position and later steps stay. */
  insertAt: number | null;
  /**
   * A position the session's worker is replaying to (a far jump): the page still shows
   * `position` until the world arrives, and steps taken meanwhile count from here. Null when
   * nothing is on its way.
   */
  computing: number | null;
}

export interface SessionActions {
  /** Shows `scenario` at position `at` (clamped); drops any load error; stops playback. */
  load(source: Source, scenario: Scenario, at: number, notice?: Notice | null, document?: ScenarioDocument | null, seed?: TimelineSeed): void;
  /** The timeline's nearest checkpoint at or before the current position, for persistence to save; null before the first one after 0. */
  savableCheckpoint(): World | null;
  /** A link that failed: keeps the shell, shows the error, forgets the scenario. */
  fail(error: LoadError, notice?: Notice | null): void;
  seek(position: number): void;
  /** Shows the first `event` timed events of step `position + 1` (0: the boundary at `position`). */
  seekEvent(position: number, event: number): void;
  /** Key `.`: the next event inside a run step (entering it, or completing it after its last). */
  nextEvent(): void;
  /** Key `,`: the previous event inside a run step, back to its boundary. */
  previousEvent(): void;
  next(): void;
  previous(): void;
  first(): void;
  last(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  perform(action: KeyAction): void;
  dismissNotice(): void;
  /**
   * The user acts (produce, crash, run …): the step goes in at the cursor. At the end it is
   * appended; in insert mode it is inserted (later steps stay); in the past it waits in
   * `pendingFork` for `confirmFork` (later steps are dropped) or `cancelFork`.
   */
  act(step: DocumentStep): void;
  /** Sets the playback speed (0.25 to 8); playback continues at the new pace. */
  setSpeed(speed: number): void;
  confirmFork(): void;
  cancelFork(): void;
  /** Deletes step `index` (0-based); later steps stay and are simulated again. */
  deleteStep(index: number): void;
  /** Writes (or, with null, removes) step `index`'s `note`; the position stays. */
  setStepNote(index: number, note: string | null): void;
  /** Insert mode at `position` (the timeline moves there); `null` leaves it. */
  setInsertAt(position: number | null): void;
  /** Opens a document the user built (the new-scenario dialog): its problems, or null when opened. */
  openDocument(document: ScenarioDocument): string[] | null;
  /**
   * Idle-time work: replays up to `maxSteps` steps ahead to add checkpoints (Timeline.precompute);
   * true when there is nothing left to do. Changes nothing the UI shows.
   */
  precompute(maxSteps: number): boolean;
  /**
   * `pick(world)` at each position from `from` to `to` (Timeline.samples: replayed once, kept by
   * position), for charts over the timeline; empty without a scenario. Changes nothing shown.
   */
  samples<T>(key: string, from: number, to: number, pick: (world: World) => T): T[];
  /** Stops the session's worker, if it has one (a pane that closes). */
  dispose(): void;
}

export type SessionStore = StoreApi<SessionState & SessionActions>;

const empty: SessionState = {
  source: null, loadSerial: 0, scenario: null, position: 0, total: 0, world: null, report: null, events: [], fired: [], event: 0, eventCount: 0,
  loadError: null, notice: null, playing: false,
  document: null, invalidSteps: {}, pendingFork: null, insertAt: null, speed: 1, marks: new Map(), marksCount: 0, computing: null,
};

export const SPEEDS = [0.5, 1, 2, 4] as const;

export interface SessionStoreOptions {
  playIntervalMs?: number;
  checkpointEvery?: number;
  /**
   * Where long replays run (replayClient.ts): the session's Web Worker by default; null replays
   * everything on this thread (as where there is no Worker).
   */
  replayClient?: ReplayClientFactory | null;
  /**
   * A seek that would replay more steps than this goes to the worker, and a scenario longer
   * than this is worked ahead there; shorter ones stay on this thread (a few steps cost less
   * than the round trip).
   */
  offloadDistance?: number;
}

/** More steps than this to replay make a seek a worker's job (one checkpoint spacing). */
export const OFFLOAD_DISTANCE = 50;

export function createSessionStore(options: SessionStoreOptions = {}): SessionStore {
  const playIntervalMs = options.playIntervalMs ?? PLAY_INTERVAL_MS;
  const clientFactory = options.replayClient === undefined ? workerReplayClient : options.replayClient;
  const offloadDistance = options.offloadDistance ?? OFFLOAD_DISTANCE;
  let timeline: Timeline | null = null;
  /** Names the timeline's document for the worker: bumped by every load, edit and failure. */
  let serial = 0;
  /** The worker: undefined until first wanted, null when there is none (or it broke). */
  let client: ReplayClient | null | undefined;
  /** The serial the worker has open (-1: none). */
  let opened = -1;
  /** The seed of the last load, for the worker's first open of that document. */
  let openSeed: { serial: number; world: World } | null = null;
  /** The last edit: the worker derives its timeline when it has `from` open. */
  let derivation: { from: number; to: number; unchangedSteps: number } | null = null;
  /** The serial the worker was asked to work ahead. */
  let workingAhead = -1;
  /** The id of the seek the session waits for; an answer with another id is stale. */
  let seekTicket = 0;
  let timer: ReturnType<typeof setInterval> | null = null;
  /** Bumped by every load and failure: a load waiting for a lazy chunk gives way to a later one. */
  let loadTicket = 0;

  const stopTimer = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };

  return createStore<SessionState & SessionActions>()((set, get) => {
    /** The timeline's marks as new state, when it found more since the last time (else nothing). */
    const newMarks = (): Pick<SessionState, 'marks' | 'marksCount'> | Record<string, never> => {
      const marks = timeline?.marks();
      return marks && (marks !== get().marks || marks.size !== get().marksCount) ? { marks, marksCount: marks.size } : {};
    };

    /** The worker, started the first time it is wanted; null where there is none. */
    const worker = (): ReplayClient | null => {
      if (client === undefined) client = clientFactory ? clientFactory(receive, broken) : null;
      if (client && timeline && opened !== serial) {
        const derived = derivation && derivation.to === serial && derivation.from === opened ? derivation : null;
        client.send({
          type: 'open', serial, scenario: timeline.scenario, checkpointEvery: timeline.checkpointEvery,
          seed: openSeed?.serial === serial ? openSeed.world : null,
          derivedFrom: derived ? { serial: derived.from, unchangedSteps: derived.unchangedSteps } : null,
        });
        opened = serial;
      }
      return client;
    };

    /** Sends a far seek to the worker (true), or says it is this thread's to do (false). */
    const offloaded = (at: number): boolean => {
      if (!timeline || timeline.replayDistance(at) <= offloadDistance) return false;
      const replayer = worker();
      if (!replayer) return false;
      const id = ++seekTicket;
      replayer.send({ type: 'seek', serial, id, position: at, haveCheckpoint: timeline.checkpointAtOrBefore(at).stepsApplied });
      set({ computing: at });
      return true;
    };

    function receive(message: FromReplayWorker): void {
      if (message.serial !== serial || !timeline) return; // about a document no longer shown
      switch (message.type) {
        case 'seeked': {
          if (message.id !== seekTicket) return; // the user moved on meanwhile
          timeline.adopt(message.world, message.checkpoint);
          const at = message.world.stepsApplied;
          const insertAt = get().insertAt === at ? at : null;
          set({
            position: at, event: 0, eventCount: 0, world: message.world, report: message.report, events: message.events, fired: message.fired,
            insertAt, computing: null, ...newMarks(),
          });
          return;
        }
        case 'marks': {
          timeline.adoptMarks(message.entries);
          const marks = newMarks();
          if ('marks' in marks) set(marks);
          return;
        }
        case 'failed': {
          // Replays are deterministic: the same seek here fails the same way, where it is seen.
          if (message.id !== null && message.id === seekTicket) inThread(get().computing);
          return;
        }
        default: {
          const unknown: never = message;
          throw new Error(`unknown replay answer ${JSON.stringify(unknown)}`);
        }
      }
    }

    /** The worker died or never started: from now on this session replays in-thread. */
    function broken(): void {
      client?.terminate();
      client = null;
      opened = -1;
      inThread(get().computing);
    }

    /** Shows `target` by replaying here (a worker's answer that will not come). */
    const inThread = (target: number | null) => {
      if (target === null) return;
      seekTicket++;
      set({ computing: null });
      if (!timeline) return;
      const result = timeline.seekWithEvents(target);
      set({ position: result.world.stepsApplied, event: 0, eventCount: 0, world: result.world, report: buildReport(result.world), events: result.events, fired: result.fired, ...newMarks() });
    };

    /** Where steps count from: the position on its way, else the one shown. */
    const base = () => get().computing ?? get().position;

    const show = (position: number) => {
      if (!timeline) return;
      const at = clampPosition(timeline.length, position);
      const { position: from, event: inside, computing } = get();
      if (at === computing) return; // already on its way
      if (at === from && inside === 0 && get().world && computing === null) return;
      if (offloaded(at)) return;
      seekTicket++;
      const result = timeline.seekWithEvents(at);
      let { events, fired } = result;
      if (inside > 0 && at === from + 1) {
        // Completing a step walked event by event: animate only what is left of it.
        const shown = fired.slice(0, inside).reduce((sum, one) => sum + one.caused.length, 0);
        events = events.slice(shown);
        fired = fired.slice(inside);
      } else if (inside > 0 && at === from) {
        events = [];
        fired = [];
      }
      // Moving away leaves insert mode: the banner would name a step no longer in view.
      const insertAt = get().insertAt === at ? at : null;
      set({ position: at, event: 0, eventCount: 0, world: result.world, report: buildReport(result.world), events, fired, insertAt, computing: null, ...newMarks() });
    };

    /** Inside step `position + 1` after `event` of its timed events (0: its boundary). */
    const showEvent = (position: number, event: number) => {
      if (!timeline) return;
      const at = clampPosition(timeline.length, position);
      const count = timeline.eventCount(at);
      const k = Math.max(0, Math.min(count, Math.floor(event)));
      if (k === 0) return show(at);
      if (at === get().position && k === get().event && get().computing === null) return;
      seekTicket++;
      const result = timeline.seekEvent(at, k);
      set({
        position: at, event: k, eventCount: count, world: result.world, report: buildReport(result.world),
        events: result.events, fired: result.fired, insertAt: null, computing: null, ...newMarks(),
      });
    };

    const tick = () => {
      // A far seek is on its way: playback goes on from where it lands.
      if (get().computing !== null) return;
      const { position, total } = get();
      if (position >= total) {
        get().pause();
        return;
      }
      show(position + 1);
      if (get().position >= total) get().pause();
    };

    /** Shows an edited document at `position`, keeping the checkpoints before the first change. */
    const edit = (document: ScenarioDocument, position: number) => {
      const before = get().document;
      const parsed = validateEdited(document);
      const missing = parsed.ok ? missingFeatures(parsed.scenario.steps) : [];
      if (missing.length > 0) {
        // A step of a mechanism not loaded yet (core/features.ts): the same edit once it is.
        const ticket = loadTicket;
        void loadFeatures(missing).then(() => { if (ticket === loadTicket && get().document === before) edit(document, position); });
        return;
      }
      if (!parsed.ok || !timeline || !before) {
        set({ notice: { kind: 'edit-refused', lines: parsed.ok ? [] : parsed.lines } });
        return;
      }
      const unchanged = firstDifference(documentSteps(before), documentSteps(document));
      timeline = timeline.derive(parsed.scenario, Math.min(unchanged, timeline.length));
      derivation = { from: serial, to: serial + 1, unchangedSteps: Math.min(unchanged, timeline.length) };
      serial++;
      seekTicket++;
      const at = clampPosition(timeline.length, position);
      const { world, events, fired } = timeline.seekWithEvents(at);
      set({
        source: { kind: 'edited' }, document, scenario: parsed.scenario, invalidSteps: parsed.invalidSteps,
        total: timeline.length, position: at, event: 0, eventCount: 0, world, report: buildReport(world), events, fired, marks: timeline.marks(), marksCount: timeline.marks().size,
        computing: null,
      });
    };

    return {
      ...empty,
      load(source, scenario, at, notice = null, document = null, seed) {
        stopTimer();
        const ticket = ++loadTicket;
        const missing = missingFeatures(scenario.steps);
        if (missing.length > 0) {
          // Consumer groups and the CLI are lazy chunks (core/features.ts): brought first, then
          // the same load again, unless another load or failure came in the meantime.
          void loadFeatures(missing).then(
            () => { if (ticket === loadTicket) get().load(source, scenario, at, notice, document, seed); },
            (error: unknown) => { if (ticket === loadTicket) get().fail({ kind: 'crashed', message: `the simulator's ${missing.join(' and ')} code could not be loaded: ${String(error)}` }, notice); },
          );
          return;
        }
        timeline = createTimeline(scenario, options.checkpointEvery, { seed });
        serial++;
        seekTicket++;
        openSeed = seed ? { serial, world: seed.world } : null;
        const target = clampPosition(timeline.length, at);
        // A far position: the page opens at the nearest checkpoint and the worker replays the
        // rest, so the first paint does not wait for the simulator.
        const far = timeline.replayDistance(target) > offloadDistance && worker() !== null;
        const { world, events, fired } = timeline.seekWithEvents(far ? timeline.checkpointAtOrBefore(target).stepsApplied : target);
        set({
          ...empty, source, loadSerial: get().loadSerial + 1, scenario, total: timeline.length, notice, document, speed: get().speed,
          position: world.stepsApplied, world, report: buildReport(world), events, fired, marks: timeline.marks(), marksCount: timeline.marks().size,
        });
        if (far) offloaded(target);
        else if (timeline.length > offloadDistance && clientFactory) {
          // A long scenario: the worker starts now (after this paint), so a first jump finds it ready.
          const ticket = serial;
          setTimeout(() => { if (ticket === serial) worker(); }, 0);
        }
      },
      fail(error, notice = null) {
        stopTimer();
        loadTicket++;
        timeline = null;
        serial++;
        seekTicket++;
        set({ ...empty, loadError: error, notice });
      },
      seek: (position) => show(position),
      seekEvent: (position, event) => showEvent(position, event),
      nextEvent() {
        if (!timeline) return;
        const { position, event, total } = get();
        if (position >= total) return;
        // Past the last event (or a step with none, which happens at one instant): complete it.
        if (event >= timeline.eventCount(position)) return show(position + 1);
        showEvent(position, event + 1);
      },
      previousEvent() {
        if (!timeline) return;
        const { position, event } = get();
        if (event > 0) return showEvent(position, event - 1);
        if (position <= 0) return;
        // From a boundary after a run step, back into its last event; any other step at once.
        const count = timeline.eventCount(position - 1);
        if (count === 0) return show(position - 1);
        showEvent(position - 1, count);
      },
      next: () => show(base() + 1),
      // Inside a step, back to its boundary; else the previous step.
      previous: () => show(get().event > 0 && get().computing === null ? get().position : base() - 1),
      first: () => show(0),
      last: () => show(get().total),
      play() {
        if (!timeline || get().playing) return;
        if (get().total === 0) return;
        // Play at the last step replays from the start (ui-contract.md, "Keys").
        if (get().position >= get().total) show(0);
        set({ playing: true });
        timer = setInterval(tick, playIntervalMs / get().speed);
      },
      pause() {
        stopTimer();
        if (get().playing) set({ playing: false });
      },
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      perform(action) {
        const actions = get();
        switch (action) {
          case 'next': return actions.next();
          case 'previous': return actions.previous();
          case 'first': return actions.first();
          case 'last': return actions.last();
          case 'toggle-play': return actions.togglePlay();
          case 'next-event': return actions.nextEvent();
          case 'previous-event': return actions.previousEvent();
          default: {
            const unreachable: never = action;
            throw new Error(`unknown key action ${String(unreachable)}`);
          }
        }
      },
      dismissNotice: () => set({ notice: null }),
      setSpeed(speed) {
        const clamped = Math.max(0.25, Math.min(8, speed));
        set({ speed: clamped });
        if (get().playing) {
          stopTimer();
          timer = setInterval(tick, playIntervalMs / clamped);
        }
      },
      act(step) {
        const { document, position, total, insertAt: insertPosition } = get();
        if (!document) return;
        get().pause();
        if (insertPosition !== null) {
          edit(insertAt(document, insertPosition, step), insertPosition + 1);
          set({ insertAt: null });
        } else if (position < total || Object.keys(get().invalidSteps).length > 0) {
          set({ pendingFork: step });
        } else {
          edit(forkAt(document, position, step), position + 1);
        }
      },
      confirmFork() {
        const { document, position, pendingFork } = get();
        if (!document || !pendingFork) return;
        set({ pendingFork: null });
        edit(forkAt(document, position, pendingFork), position + 1);
      },
      cancelFork: () => set({ pendingFork: null }),
      deleteStep(index) {
        const { document, position } = get();
        if (!document || index < 0 || index >= documentSteps(document).length) return;
        get().pause();
        edit(deleteStep(document, index), position > index ? position - 1 : position);
      },
      setStepNote(index, note) {
        const { document, position } = get();
        if (!document || index < 0 || index >= documentSteps(document).length) return;
        edit(withStepNote(document, index, note), position);
      },
      setInsertAt(position) {
        if (position === null) return set({ insertAt: null });
        get().pause();
        show(position);
        set({ insertAt: get().position });
      },
      precompute(maxSteps) {
        if (timeline && timeline.length > offloadDistance) {
          // A long scenario is worked ahead by the worker; its marks come back as messages.
          const replayer = worker();
          if (replayer) {
            if (workingAhead !== serial) replayer.send({ type: 'work-ahead', serial });
            workingAhead = serial;
            return true;
          }
        }
        const done = timeline?.precompute(maxSteps) ?? true;
        const marks = newMarks();
        if ('marks' in marks) set(marks);
        return done;
      },
      samples: (key, from, to, pick) => timeline?.samples(key, from, to, pick) ?? [],
      dispose() {
        stopTimer();
        client?.terminate();
        client = null;
        opened = -1;
        seekTicket++;
        if (get().computing !== null) set({ computing: null });
      },
      savableCheckpoint() {
        if (!timeline) return null;
        const world = timeline.checkpointAtOrBefore(get().position);
        return world.stepsApplied > 0 ? world : null;
      },
      openDocument(document) {
        const parsed = validateEdited(document);
        if (!parsed.ok) return parsed.lines;
        if (Object.keys(parsed.invalidSteps).length > 0) return Object.values(parsed.invalidSteps).flat();
        get().load({ kind: 'edited' }, parsed.scenario, 0, null, document);
        return null;
      },
    };
  });
}

/** The app's one session store. */
export const sessionStore = createSessionStore();

/**
 * The session a subtree shows: the app's one store, or a pane's own in the split view
 * (view/split). Components read their session through `useSession`, never the singleton.
 */
export const SessionContext = createContext<SessionStore>(sessionStore);

type Full = SessionState & SessionActions;

/**
 * A change React may render in slices: one the page was already waiting for, so nothing reads
 * it at once. The world of a far jump arriving from the session's worker (the page said
 * `computing` meanwhile), and the page's first scenario (nothing was drawn before it). Every
 * other change, a jump replayed on this thread included, is on screen when the key press or
 * click that made it returns, as before.
 */
export function isFarChange(next: Full, previous: Full): boolean {
  if (next.world === previous.world) return false;
  if (previous.scenario === null && next.scenario !== null) return true;
  return previous.computing !== null && next.computing === null;
}

/** While above 0, every change renders at once (the split view: both panes in one commit). */
let slicingHeld = 0;

/** Makes every change render at once until the returned function is called. */
export function holdSlicing(): () => void {
  slicingHeld += 1;
  let released = false;
  return () => {
    if (!released) slicingHeld -= 1;
    released = true;
  };
}

/**
 * How a component that reads `select` renders a store change: not at all when its selection is
 * the same, in slices when the change is far (and nothing holds slicing), else at once.
 */
export function howToRender<T>(select: (state: Full) => T, next: Full, previous: Full): 'not' | 'sliced' | 'now' {
  if (Object.is(select(next), select(previous))) return 'not';
  return slicingHeld === 0 && isFarChange(next, previous) ? 'sliced' : 'now';
}

/**
 * What a component reads of its session. A far change (`isFarChange`: a worker's far jump, the
 * first scenario) is rendered as a React transition: React renders the destination in slices of
 * a few ms, yielding to the browser in between, and commits every component's new values
 * together, so `data-at` and each hook still change in one commit. Every other change (one step,
 * a jump replayed on this thread, playback, a dialog, the scrubber's marks) renders at once.
 * Zustand's `useStore` cannot do this: `useSyncExternalStore` renders every store change
 * synchronously, in one task (a cold 3,000-step jump: ~80 ms of rendering here).
 *
 * A component updates only when its own selection changed from one store state to the next, so
 * a small change during a pending far one (working ahead adding marks) never forces the far one
 * to render at once.
 */
export function useSession<T>(selector: (state: Full) => T): T {
  return useSessionOf(useContext(SessionContext), selector);
}

/** `useSession` of a given store (the time chart draws both panes' sessions). */
export function useSessionOf<T>(store: SessionStore, selector: (state: Full) => T): T {
  const [shown, setShown] = useState(() => ({ store, value: selector(store.getState()) }));
  const latest = useRef(selector);
  useLayoutEffect(() => {
    latest.current = selector;
  });
  useLayoutEffect(() => {
    const select = (state: Full) => latest.current(state);
    // A change between this component's render and now.
    const now = select(store.getState());
    setShown((previous) => (previous.store === store && Object.is(previous.value, now) ? previous : { store, value: now }));
    return store.subscribe((next, previous) => {
      const how = howToRender(select, next, previous);
      if (how === 'not') return;
      const value = select(next);
      const update = () => setShown((current) => (current.store === store && Object.is(current.value, value) ? current : { store, value }));
      if (how === 'sliced') startTransition(update);
      else update();
    });
  }, [store]);
  // Another store than the one shown (never in the app today): read it until the effect runs.
  return shown.store === store ? shown.value : selector(store.getState());
}

/** The store's actions: functions that never change, so components need not subscribe to them. */
export function sessionActions(): SessionActions {
  return sessionStore.getState();
}
