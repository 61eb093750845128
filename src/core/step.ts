/**
 * The simulator's one entry point: `step(world, step) -> { world, events }`, pure and
 * deterministic. `applyStep` does the same work on a world the caller owns (the session and
 * the runner replay many steps on one private copy instead of cloning per step).
 */
import { isrCheckIntervalMs } from './cluster';
import type { SimEvent } from './model/events';
import type { Step } from './model/scenario';
import type { TimedEvent, World } from './model/world';
import { fetchStep } from './protocol/fetch';
import { checkAllIsrs } from './protocol/inSyncReplicas';
import { onDeliveryExpire, onProduceRetry, onProduceTimeout, produceStep } from './protocol/producerClient';
import { crash, heal, isolate, restart, shutdown } from './protocol/brokerLifecycle';
import { rebalanceLeaders, scheduleLeaderRebalance, sessionExpired } from './protocol/controller';
import { onFetchArrive, onFetchFailed, onFetchResponseArrive, onFetchSend, onFetchWaitExpire } from './protocol/replicationSession';
import { detectAnomalies } from './anomalies';
import type { SimContext } from './simContext';
import { cloneWorld } from './cloneWorld';
import { peekTime, pop, schedule, type Queued } from './time/eventQueue';

/**
 * One timed event of a `run` step: an entry of the time-ordered queue (a message delivered, a
 * timer), with what it caused at that instant. The app walks a run step by these (keys `.`/`,`).
 */
export interface FiredEvent {
  atMs: number;
  event: TimedEvent;
  /** The events it caused (anomalies found right after it included). */
  caused: SimEvent[];
}

/** Told of each timed event as it fires (for the animation of the step being shown). */
export type FiredObserver = (fired: FiredEvent) => void;

function fire(ctx: SimContext, event: TimedEvent): void {
  switch (event.type) {
    case 'isr-check':
      checkAllIsrs(ctx);
      schedule(ctx.world.queue, ctx.world.timeMs + isrCheckIntervalMs(ctx.world), event);
      return;
    case 'produce-timeout':
      onProduceTimeout(ctx, event.produced, event.attempt);
      return;
    case 'produce-retry':
      onProduceRetry(ctx, event.produced, event.attempt);
      return;
    case 'delivery-expire':
      onDeliveryExpire(ctx, event.produced);
      return;
    case 'session-expire':
      sessionExpired(ctx, event.broker, event.generation);
      return;
    case 'leader-rebalance':
      rebalanceLeaders(ctx);
      scheduleLeaderRebalance(ctx);
      return;
    case 'fetch-arrive':
      onFetchArrive(ctx, event);
      return;
    case 'fetch-wait-expire':
      onFetchWaitExpire(ctx, event);
      return;
    case 'fetch-response-arrive':
      onFetchResponseArrive(ctx, event);
      return;
    case 'fetch-failed':
      onFetchFailed(ctx, event);
      return;
    case 'fetch-send':
      onFetchSend(ctx, event);
      return;
    default: {
      const unreachable: never = event;
      throw new Error(`unknown timed event ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * Fires the queue's events due at or before `endMs`, in time order, at most `limit` of them;
 * returns how many fired. The clock stops at the last one fired.
 */
function fireDue(ctx: SimContext, endMs: number, limit: number, observe?: FiredObserver): number {
  let fired = 0;
  for (let next = peekTime(ctx.world.queue); fired < limit && next !== null && next <= endMs; next = peekTime(ctx.world.queue)) {
    const queued: Queued<TimedEvent> | undefined = pop(ctx.world.queue);
    if (!queued) break;
    ctx.world.timeMs = Math.max(ctx.world.timeMs, queued.atMs);
    const from = ctx.events.length;
    fire(ctx, queued.event);
    detectAnomalies(ctx);
    fired += 1;
    observe?.({ atMs: ctx.world.timeMs, event: queued.event, caused: ctx.events.slice(from) });
  }
  return fired;
}

/** `run`: covers the instants after now up to and including now + ms, events in time order. */
export function advanceTime(ctx: SimContext, ms: number, observe?: FiredObserver): void {
  const endMs = ctx.world.timeMs + ms;
  fireDue(ctx, endMs, Infinity, observe);
  ctx.world.timeMs = endMs;
}

/**
 * Part of a `run` step that ends at `endMs`, in place: its next `count` timed events from where
 * `world` stands (a world at the step's boundary, or one a previous call left inside it). The
 * step is not complete: `stepsApplied` stays, and the clock stands at the last event fired.
 */
export function applyRunEvents(world: World, endMs: number, count: number, observe?: FiredObserver): { events: SimEvent[]; fired: number } {
  const ctx: SimContext = { world, events: [] };
  const fired = count > 0 ? fireDue(ctx, endMs, count, observe) : 0;
  return { events: ctx.events, fired };
}

/**
 * The first `k` timed events of `step` from its boundary (`world.stepsApplied` steps applied), in
 * place: what the runner's `--at n --event k` and the app's `&at=n&ev=k` show. Only a `run` step
 * has timed events; `k` past its last event stops after the last one (the step is still not
 * complete: completing it is `applyStep`).
 */
export function applyStepPartial(world: World, step: Step, k: number, observe?: FiredObserver): { events: SimEvent[]; fired: number } {
  if (step.op !== 'run') return { events: [], fired: 0 };
  return applyRunEvents(world, world.timeMs + step.ms, k, observe);
}

/** Applies `step` (the scenario's step number `stepIndex`) to `world` in place; returns its events. */
export function applyStep(world: World, step: Step, stepIndex: number, observe?: FiredObserver): SimEvent[] {
  const ctx: SimContext = { world, events: [] };
  switch (step.op) {
    case 'produce':
      produceStep(ctx, step, stepIndex);
      break;
    case 'run':
      advanceTime(ctx, step.ms, observe);
      break;
    case 'fetch':
      fetchStep(ctx, step);
      break;
    case 'crash':
      crash(ctx, step.broker, step.lostTail);
      break;
    case 'restart':
      restart(ctx, step.broker, stepIndex);
      break;
    case 'shutdown':
      shutdown(ctx, step.broker);
      break;
    case 'isolate':
      isolate(ctx, step.broker);
      break;
    case 'heal':
      heal(ctx);
      break;
    default: {
      const unreachable: never = step;
      throw new Error(`unknown step ${JSON.stringify(unreachable)}`);
    }
  }
  detectAnomalies(ctx);
  world.stepsApplied = stepIndex + 1;
  return ctx.events;
}

/** The pure form: a new world after `step`, and what happened. The input world is untouched. */
export function step(world: World, next: Step): { world: World; events: SimEvent[] } {
  const copy = cloneWorld(world);
  const events = applyStep(copy, next, world.stepsApplied);
  return { world: copy, events };
}
