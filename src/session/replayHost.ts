/**
 * The replay worker's side of the protocol (`replay.worker.ts` is its thin entry): it owns a
 * copy of the session's timeline and answers seeks with the world, report and events there, so
 * a jump across a long scenario replays off the main thread. Working ahead runs here too, in
 * slices, so a seek that arrives meanwhile waits one slice at most; the marks it finds go back.
 *
 * A plain function of its messages (no `self`, no timers of its own: `later` and `now` are
 * given), so tests run it in-thread, and the store falls back to replaying itself when there is
 * no Worker (jsdom, old browsers) or it broke.
 *
 * Everything crosses by structured clone: the world is plain data (docs/architecture.md, "The
 * one idea"; `cloneWorld` relies on the same), and one message keeps the records a world and its
 * checkpoint share as shared objects.
 */
import type { SimEvent } from '../core/model/events';
import type { Report } from '../core/model/report';
import type { Scenario } from '../core/model/scenario';
import type { World } from '../core/model/world';
import { loadFeatures, missingFeatures } from '../core/loadFeatures';
import { buildReport } from '../core/scenario/report';
import type { FiredEvent } from '../core/step';
import { createTimeline, type Timeline, type TimelineMark } from './timeline';

/** The main thread to the worker. `serial` names the document: bumped by every load and edit. */
export type ToReplayWorker =
  | {
    type: 'open'; serial: number; scenario: Scenario; checkpointEvery: number;
    /** A saved checkpoint the session was reopened with (TimelineSeed). */
    seed: World | null;
    /** An edit of the document the worker has open: keep its checkpoints before the change. */
    derivedFrom: { serial: number; unchangedSteps: number } | null;
  }
  | {
    type: 'seek'; serial: number; id: number; position: number;
    /** The main thread's nearest checkpoint at or before `position`: a later one is sent along. */
    haveCheckpoint: number;
  }
  /** Work ahead to the end (Timeline.precompute), posting the marks found. */
  | { type: 'work-ahead'; serial: number };

export type FromReplayWorker =
  | {
    type: 'seeked'; serial: number; id: number; world: World; report: Report; events: SimEvent[]; fired: FiredEvent[];
    /** The worker's nearest checkpoint at or before the position, when later than the main thread's. */
    checkpoint: World | null;
  }
  | { type: 'marks'; serial: number; entries: [number, TimelineMark][]; done: boolean }
  | { type: 'failed'; serial: number; id: number | null; message: string };

export interface ReplayHostOptions {
  post(message: FromReplayWorker): void;
  /** Runs `task` later, letting messages in first (a worker's `setTimeout(task, 0)`). */
  later(task: () => void): void;
  now(): number;
  /** How long one slice of working ahead may run, in ms. */
  sliceMs?: number;
}

export interface ReplayHost {
  /** Handles one message; messages are handled in order (an open may wait for a lazy chunk). */
  receive(message: ToReplayWorker): Promise<void>;
}

/** Steps per `precompute` call inside a slice. */
const SLICE_STEPS = 25;

export function createReplayHost(options: ReplayHostOptions): ReplayHost {
  const { post, later, now, sliceMs = 8 } = options;
  let serial = -1;
  let timeline: Timeline | null = null;
  /** The serial being worked ahead (null: none). */
  let working: number | null = null;
  /** How many of the timeline's marks (in insertion order) have been posted. */
  let posted = 0;
  let queue: Promise<void> = Promise.resolve();

  function slice(): void {
    if (!timeline || working !== serial) return;
    const until = now() + sliceMs;
    let done = timeline.precompute(SLICE_STEPS);
    while (!done && now() < until) done = timeline.precompute(SLICE_STEPS);
    const marks = [...timeline.marks()];
    // A mark is set once per position, so new ones come after those posted (Map order).
    const entries = marks.slice(posted);
    posted = marks.length;
    if (entries.length > 0 || done) post({ type: 'marks', serial, entries, done });
    if (done) working = null;
    else later(slice);
  }

  async function handle(message: ToReplayWorker): Promise<void> {
    switch (message.type) {
      case 'open': {
        working = null;
        const missing = missingFeatures(message.scenario.steps);
        if (missing.length > 0) await loadFeatures(missing);
        const { derivedFrom } = message;
        timeline = derivedFrom && timeline && derivedFrom.serial === serial
          ? timeline.derive(message.scenario, Math.min(derivedFrom.unchangedSteps, timeline.length))
          : createTimeline(message.scenario, message.checkpointEvery, { seed: message.seed ? { world: message.seed } : undefined });
        serial = message.serial;
        // A derived timeline keeps marks the main thread may not have had: send them all again.
        posted = 0;
        return;
      }
      case 'seek': {
        if (!timeline || message.serial !== serial) return; // a document replaced since: nobody waits for it
        const { world, events, fired } = timeline.seekWithEvents(message.position);
        const checkpoint = timeline.checkpointAtOrBefore(message.position);
        post({
          type: 'seeked', serial, id: message.id, world, report: buildReport(world), events, fired,
          checkpoint: checkpoint.stepsApplied > message.haveCheckpoint ? checkpoint : null,
        });
        return;
      }
      case 'work-ahead': {
        if (!timeline || message.serial !== serial || working === serial) return;
        working = serial;
        later(slice);
        return;
      }
      default: {
        const unknown: never = message;
        throw new Error(`unknown replay message ${JSON.stringify(unknown)}`);
      }
    }
  }

  return {
    receive(message) {
      queue = queue.then(() => handle(message)).catch((error: unknown) => {
        post({
          type: 'failed', serial: message.serial, id: message.type === 'seek' ? message.id : null,
          message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        });
      });
      return queue;
    },
  };
}
