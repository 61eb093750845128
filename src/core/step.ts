/**
 * The simulator's one entry point: `step(world, step) -> { world, events }`, pure and
 * deterministic. `applyStep` does the same work on a world the caller owns (the session and
 * the runner replay many steps on one private copy instead of cloning per step).
 */
import { isrCheckIntervalMs } from './cluster';
import type { SimEvent } from './model/events';
import type { Step } from './model/scenario';
import type { Reaction } from './model/reactions';
import type { TimedEvent, World } from './model/world';
import { fetchExchange, fetchExchangeAnswered, fetchStep } from './protocol/fetch';
import { checkAllIsrs, checkIsr } from './protocol/inSyncReplicas';
import { completeDelayedProduces } from './protocol/produce';
import { flushSender, onBatchResult, onDeliveryExpire, onProduceRetry, onProduceTimeout, produceStep } from './protocol/producerClient';
import { crash, heal, isolate, oldSessionExpired, restart, shutdown } from './protocol/brokerLifecycle';
import { sessionExpired } from './protocol/controller';
import { afterControllerWrite, onLeaderBalanceTimer } from './protocol/leaderBalance';
import { onFetchArrive, readFetch, onFetchFailed, onFetchResponseArrive, onFetchSend, onFetchWaitExpire } from './protocol/replicationSession';
import { detectAnomalies } from './anomalies';
import { retentionCheck } from './protocol/retention';
import { getPartition, newContext, react, type SimContext } from './simContext';
import { cloneWorld } from './cloneWorld';
import { cliFeature, groupsFeature, settleGroupsIfAny } from './features';
import { partitionExists } from './protocol/topicAdmin';
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

/** Hands one reaction to the mechanism it names (model/reactions.ts). */
function handle(ctx: SimContext, reaction: Reaction): void {
  switch (reaction.type) {
    case 'high-watermark-advanced':
      // The DelayedProduce purgatory, checked by partition: each completed request is answered.
      for (const answer of completeDelayedProduces(ctx, getPartition(ctx.world, reaction.topic, reaction.partition))) {
        react(ctx, { type: 'produce-answered', request: answer.request, slot: answer.slot, error: answer.error, baseOffset: answer.baseOffset });
      }
      return;
    case 'produce-answered':
      onBatchResult(ctx, reaction.request, reaction.slot, reaction.error, reaction.baseOffset);
      return;
    case 'isr-check':
      checkIsr(ctx, getPartition(ctx.world, reaction.topic, reaction.partition));
      return;
    case 'fetch-read':
      readFetch(ctx, reaction);
      return;
    case 'fetch-exchange':
      fetchExchange(ctx, reaction);
      return;
    case 'fetch-exchange-answered':
      fetchExchangeAnswered(ctx, reaction);
      return;
    default: {
      const unreachable: never = reaction;
      throw new Error(`unknown reaction ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * The one loop that drains the reactions, depth first: what a reaction's handling queues is
 * handled before the reactions queued earlier that still wait, so each consequence follows its
 * cause at once, in the order the mechanisms raised them.
 */
function settle(ctx: SimContext): void {
  const waiting: Reaction[] = ctx.reactions.reverse();
  ctx.reactions = [];
  for (let next = waiting.pop(); next !== undefined; next = waiting.pop()) {
    handle(ctx, next);
    for (let i = ctx.reactions.length - 1; i >= 0; i--) waiting.push(ctx.reactions[i]);
    ctx.reactions.length = 0;
  }
}

/**
 * `settle`, then the producer's sender for every window an answer or a timer woke (the next
 * requests go at the same instant, once everything else that instant caused is done), and
 * whatever those sends cause, until nothing is left.
 */
function settleAll(ctx: SimContext): void {
  settle(ctx);
  while (ctx.producerWork && ctx.producerWork.length > 0) {
    flushSender(ctx);
    settle(ctx);
  }
}

function fire(ctx: SimContext, event: TimedEvent): void {
  switch (event.type) {
    case 'isr-check':
      checkAllIsrs(ctx);
      // The shrinks' consequences come before the next check is put on the clock.
      settle(ctx);
      schedule(ctx.world.queue, ctx.world.timeMs + isrCheckIntervalMs(ctx.world), event);
      return;
    case 'produce-timeout':
      onProduceTimeout(ctx, event.request);
      return;
    case 'produce-retry':
      onProduceRetry(ctx, event.batch, event.attempts);
      return;
    case 'delivery-expire':
      onDeliveryExpire(ctx, event.batch);
      return;
    case 'session-expire':
      if (sessionExpired(ctx, event.broker, event.generation)) oldSessionExpired(ctx, event.broker);
      return;
    case 'retention-check':
      retentionCheck(ctx);
      return;
    case 'leader-rebalance':
      onLeaderBalanceTimer(ctx);
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
    case 'group-join-expire':
    case 'member-session-expire':
    case 'consumer-rejoin':
    case 'consumer-poll':
    case 'consumer-poll-timeout':
      groupsFeature().onGroupTimer(ctx, event);
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
    settleAll(ctx);
    // Groups follow what the step or event changed, then their own consequences are settled.
    settleGroupsIfAny(ctx);
    settleAll(ctx);
    afterControllerWrite(ctx);
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
 * A step naming a topic (or partition) that is not there now, deleted or not yet created by a
 * `cli` step, is refused with Kafka's UNKNOWN_TOPIC_OR_PARTITION (docs/scenario-format.md, Validation).
 */
function topicGone(ctx: SimContext, topic: string, partition: number | null, stepIndex: number): boolean {
  if (partitionExists(ctx, topic, partition)) return false;
  const name = partition === null ? `topic ${topic}` : `partition ${topic}-${partition}`;
  ctx.world.stepErrors.push({ step: stepIndex, error: 'UNKNOWN_TOPIC_OR_PARTITION', message: `${name} does not exist now` });
  return true;
}

/**
 * Part of a `run` step that ends at `endMs`, in place: its next `count` timed events from where
 * `world` stands (a world at the step's boundary, or one a previous call left inside it). The
 * step is not complete: `stepsApplied` stays, and the clock stands at the last event fired.
 */
export function applyRunEvents(world: World, endMs: number, count: number, observe?: FiredObserver): { events: SimEvent[]; fired: number } {
  const ctx = newContext(world);
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
  const ctx = newContext(world);
  switch (step.op) {
    case 'produce':
      if (topicGone(ctx, step.topic, step.partition, stepIndex)) break;
      produceStep(ctx, step, stepIndex);
      break;
    case 'run':
      advanceTime(ctx, step.ms, observe);
      break;
    case 'fetch':
      if (step.topic !== null && topicGone(ctx, step.topic, step.partition, stepIndex)) break;
      fetchStep(ctx, step);
      break;
    case 'cli':
      cliFeature().cliStep(ctx, step, stepIndex);
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
    case 'subscribe':
    case 'leave':
    case 'poll':
    case 'commit':
    case 'kill':
    case 'pause':
    case 'resume':
      groupsFeature().groupStep(ctx, step);
      break;
    default: {
      const unreachable: never = step;
      throw new Error(`unknown step ${JSON.stringify(unreachable)}`);
    }
  }
  settleAll(ctx);
  // Groups follow what the step or event changed, then their own consequences are settled.
  settleGroupsIfAny(ctx);
  settleAll(ctx);
  afterControllerWrite(ctx);
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
