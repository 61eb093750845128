/**
 * The session store (zustand): the scenario being shown, the timeline position and the world
 * and report there, what went wrong loading a link, and playback.
 *
 * The simulation itself runs in `session/timeline.ts`; this store only asks it for the world at
 * a position and publishes the result. The address bar is kept in step by `app/addressBar.ts`,
 * which subscribes here.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { SimEvent } from '../core/model/events';
import type { Report } from '../core/model/report';
import type { Scenario } from '../core/model/scenario';
import type { World } from '../core/model/world';
import { buildReport } from '../core/scenario/report';
import { clampPosition, createTimeline, type Timeline } from '../session/timeline';
import type { KeyAction } from './keys';

/** Where the scenario came from: the built-in example or a `#s=` link's payload. */
export type Source = { kind: 'example' } | { kind: 'link'; payload: string };

export type LoadError =
  /** `#s=` that lz-string cannot decompress. */
  | { kind: 'undecodable' }
  /** A decoded document that the validator refused: its `path: message` lines. */
  | { kind: 'invalid'; lines: string[] }
  /** `#lesson=<id>` naming no lesson. */
  | { kind: 'unknown-lesson'; id: string };

export type Notice = { kind: 'at-not-whole'; raw: string };

/** How often playback advances, in real milliseconds. */
export const PLAY_INTERVAL_MS = 700;

export interface SessionState {
  source: Source | null;
  scenario: Scenario | null;
  position: number;
  /** The number of steps (the last position); 0 without a scenario. */
  total: number;
  world: World | null;
  report: Report | null;
  /** The events of the step that ended at `position`, when it was just replayed. */
  events: SimEvent[];
  loadError: LoadError | null;
  notice: Notice | null;
  playing: boolean;
}

export interface SessionActions {
  /** Shows `scenario` at position `at` (clamped); drops any load error; stops playback. */
  load(source: Source, scenario: Scenario, at: number, notice?: Notice | null): void;
  /** A link that failed: keeps the shell, shows the error, forgets the scenario. */
  fail(error: LoadError, notice?: Notice | null): void;
  seek(position: number): void;
  next(): void;
  previous(): void;
  first(): void;
  last(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  perform(action: KeyAction): void;
  dismissNotice(): void;
}

export type SessionStore = StoreApi<SessionState & SessionActions>;

const empty: SessionState = {
  source: null, scenario: null, position: 0, total: 0, world: null, report: null, events: [],
  loadError: null, notice: null, playing: false,
};

export interface SessionStoreOptions {
  playIntervalMs?: number;
  checkpointEvery?: number;
}

export function createSessionStore(options: SessionStoreOptions = {}): SessionStore {
  const playIntervalMs = options.playIntervalMs ?? PLAY_INTERVAL_MS;
  let timeline: Timeline | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  const stopTimer = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };

  return createStore<SessionState & SessionActions>()((set, get) => {
    const show = (position: number) => {
      if (!timeline) return;
      const at = clampPosition(timeline.length, position);
      if (at === get().position && get().world) return;
      const { world, events } = timeline.seekWithEvents(at);
      set({ position: at, world, report: buildReport(world), events });
    };

    const tick = () => {
      const { position, total } = get();
      if (position >= total) {
        get().pause();
        return;
      }
      show(position + 1);
      if (get().position >= total) get().pause();
    };

    return {
      ...empty,
      load(source, scenario, at, notice = null) {
        stopTimer();
        timeline = createTimeline(scenario, options.checkpointEvery);
        const { world, events } = timeline.seekWithEvents(clampPosition(timeline.length, at));
        set({
          ...empty, source, scenario, total: timeline.length, notice,
          position: world.stepsApplied, world, report: buildReport(world), events,
        });
      },
      fail(error, notice = null) {
        stopTimer();
        timeline = null;
        set({ ...empty, loadError: error, notice });
      },
      seek: (position) => show(position),
      next: () => show(get().position + 1),
      previous: () => show(get().position - 1),
      first: () => show(0),
      last: () => show(get().total),
      play() {
        if (!timeline || get().playing) return;
        if (get().total === 0) return;
        // Play at the last step replays from the start (ui-contract.md, "Keys").
        if (get().position >= get().total) show(0);
        set({ playing: true });
        timer = setInterval(tick, playIntervalMs);
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
          default: {
            const unreachable: never = action;
            throw new Error(`unknown key action ${String(unreachable)}`);
          }
        }
      },
      dismissNotice: () => set({ notice: null }),
    };
  });
}

/** The app's one session store. */
export const sessionStore = createSessionStore();

export function useSession<T>(selector: (state: SessionState & SessionActions) => T): T {
  return useStore(sessionStore, selector);
}

/** The store's actions: functions that never change, so components need not subscribe to them. */
export function sessionActions(): SessionActions {
  return sessionStore.getState();
}
