/**
 * The animation of what was just shown (a step, or one event of a `run` step), as a pure function
 * of its events and the elapsed real time (DESIGN.md: pausing, scrubbing and speed changes need no
 * special cases). Messages travel in the one picture, between the replicas already on screen:
 * `planMove` turns events into flights (a produce into the leader's log, a fetch from a follower's
 * log to the leader's, the response back with its records and HW) and callouts (what changed at a
 * replica or a broker); `frameAt` says where everything is at a given real millisecond.
 *
 * Timing: a message's flight takes real time in proportion to its simulated delay: one network
 * delay (`networkDelayMs`) is `hopMs` of real time. Idle simulated time between two instants
 * with something to show is squeezed to one delay (a 500 ms wait would otherwise be minutes). A
 * message that takes no simulated time (a produce request, its answer, a manual fetch's round
 * trip) is drawn over `INSTANT_SHARE` of a hop. A long step is scaled down as a whole to
 * `MAX_HOPS`, which keeps every flight in proportion to the others.
 */
import { easeCubicInOut } from 'd3-ease';
import type { SimEvent } from '../../core/model/events';
import type { FiredEvent } from '../../core/step';

/** Where a message starts or ends: a replica's log, a partition's producer side, a broker. */
export type Anchor =
  | { kind: 'replica'; topic: string; partition: number; broker: number }
  | { kind: 'producer'; topic: string; partition: number }
  | { kind: 'broker'; broker: number };

export type FlightKind = 'produce' | 'ack' | 'error' | 'fetch' | 'response' | 'response-lost';
export type CalloutKind = 'crash' | 'fenced' | 'state' | 'leader' | 'no-leader' | 'isr-shrink' | 'isr-expand' | 'truncate' | 'log-start' | 'hw' | 'anomaly' | 'step-error';

export interface Flight {
  id: string;
  kind: FlightKind;
  from: Anchor;
  to: Anchor;
  /** Real milliseconds from the start of the animation (at 1× motion). */
  startMs: number;
  endMs: number;
  /** What it carries, in numbers: `@3` (a fetch offset), `+2 · HW 1`, an error name. */
  label: string;
}

export interface Callout {
  id: string;
  kind: CalloutKind;
  at: Anchor;
  startMs: number;
  /** Words are the caller's: the callout carries the data to say. */
  data: Record<string, string | number>;
}

export interface MovePlan {
  flights: Flight[];
  callouts: Callout[];
  /** When the last flight has landed and the last callout appeared. */
  durationMs: number;
}

export interface MoveInput {
  events: readonly SimEvent[];
  fired: readonly FiredEvent[];
  networkDelayMs: number;
  leaderOf: (topic: string, partition: number) => number | null;
  /** Real ms of one network delay at 1× motion. */
  hopMs?: number;
}

export const HOP_MS = 1100;
export const INSTANT_SHARE = 0.6;
export const MAX_HOPS = 14;
export const MAX_FLIGHTS = 60;
export const MAX_CALLOUTS = 16;

export function anchorKey(a: Anchor): string {
  switch (a.kind) {
    case 'replica': return `r:${a.topic}-${a.partition}-${a.broker}`;
    case 'producer': return `p:${a.topic}-${a.partition}`;
    case 'broker': return `b:${a.broker}`;
    default: {
      const unreachable: never = a;
      throw new Error(`unknown anchor ${JSON.stringify(unreachable)}`);
    }
  }
}

const replica = (topic: string, partition: number, broker: number): Anchor => ({ kind: 'replica', topic, partition, broker });

/** Simulated instants → real ms: gaps squeezed to one delay each, one delay = one hop. */
function timeScale(instants: number[], delayMs: number, hopMs: number): (simMs: number) => number {
  const sorted = [...new Set(instants)].sort((a, b) => a - b);
  const real = new Map<number, number>();
  let at = 0;
  sorted.forEach((ms, i) => {
    if (i > 0) at += (Math.min(ms - sorted[i - 1], delayMs) / delayMs) * hopMs;
    real.set(ms, at);
  });
  return (simMs) => {
    const exact = real.get(simMs);
    if (exact !== undefined) return exact;
    // Before the first instant shown (a message sent during an earlier step): from the start.
    let best = 0;
    for (const [ms, r] of real) if (ms <= simMs) best = Math.max(best, r);
    return best;
  };
}

/** A `run` step's timed events: each message lands at its instant, what it caused appears then. */
function planFired(input: MoveInput, hopMs: number, plan: MovePlan): void {
  const delay = Math.max(1, input.networkDelayMs);
  const instants: number[] = [];
  for (const one of input.fired) {
    const e = one.event;
    if (e.type === 'fetch-arrive') instants.push(e.sentAtMs, one.atMs);
    else if (e.type === 'fetch-response-arrive') instants.push(one.atMs - delay, one.atMs);
    else if (one.caused.length > 0) instants.push(one.atMs);
  }
  const real = timeScale(instants, delay, hopMs);
  for (const one of input.fired) {
    const e = one.event;
    const landMs = real(one.atMs);
    if (e.type === 'fetch-arrive') {
      for (const p of e.partitions) {
        plan.flights.push({
          id: `fetch:${p.topic}-${p.partition}:${e.follower}>${e.leader}@${one.atMs}`, kind: 'fetch',
          from: replica(p.topic, p.partition, e.follower), to: replica(p.topic, p.partition, e.leader),
          startMs: real(e.sentAtMs), endMs: landMs, label: `Fetch @${p.fetchOffset}`,
        });
      }
    } else if (e.type === 'fetch-response-arrive') {
      for (const p of e.partitions) {
        plan.flights.push({
          id: `response:${p.topic}-${p.partition}:${e.leader}>${e.follower}@${one.atMs}`, kind: p.error ? 'error' : 'response',
          from: replica(p.topic, p.partition, e.leader), to: replica(p.topic, p.partition, e.follower),
          startMs: real(one.atMs - delay), endMs: landMs, label: p.error ?? (p.divergingEpoch ? `DivergingEpoch e${p.divergingEpoch.epoch}@${p.divergingEpoch.endOffset}` : `+${p.records.length} · HW ${p.highWatermark}`),
        });
      }
    }
    planEvents(one.caused, landMs, hopMs * INSTANT_SHARE, input.leaderOf, plan, true);
  }
}

/**
 * Events of one instant (a step other than `run`, or what one timed event caused), in causal
 * order: each message starts when the one before it on that partition has landed.
 */
function planEvents(events: readonly SimEvent[], startMs: number, legMs: number, leaderOf: MoveInput['leaderOf'], plan: MovePlan, inRun = false): void {
  /** When the last message about each partition lands: the next one starts then. */
  const ready = new Map<string, number>();
  let latest = startMs;
  const fly = (kind: FlightKind, where: { topic: string; partition: number }, from: Anchor | null, to: Anchor | null, label: string) => {
    if (!from || !to) return;
    const key = `${where.topic}-${where.partition}`;
    const begin = ready.get(key) ?? startMs;
    const end = begin + legMs;
    ready.set(key, end);
    latest = Math.max(latest, end);
    plan.flights.push({ id: `${kind}:${anchorKey(from)}>${anchorKey(to)}@${begin}:${plan.flights.length}`, kind, from, to, startMs: begin, endMs: end, label });
  };
  const call = (kind: CalloutKind, at: Anchor, data: Record<string, string | number>, where?: { topic: string; partition: number }) => {
    const when = where ? (ready.get(`${where.topic}-${where.partition}`) ?? startMs) : latest;
    plan.callouts.push({ id: `${kind}:${anchorKey(at)}:${plan.callouts.length}`, kind, at, startMs: when, data });
  };
  for (const e of events) {
    const where = 'topic' in e ? `${e.topic}-${e.partition}` : '';
    switch (e.type) {
      case 'append':
        fly('produce', e, { kind: 'producer', topic: e.topic, partition: e.partition }, replica(e.topic, e.partition, e.broker), `${where}@${e.offset}`);
        break;
      case 'produce-response': {
        const leader = leaderOf(e.topic, e.partition);
        fly(e.acked ? 'ack' : 'error', e, leader === null ? null : replica(e.topic, e.partition, leader), { kind: 'producer', topic: e.topic, partition: e.partition }, e.acked ? 'ack' : (e.error ?? ''));
        break;
      }
      case 'fetch-request':
        fly('fetch', e, replica(e.topic, e.partition, e.follower), replica(e.topic, e.partition, e.leader), `Fetch @${e.fetchOffset}`);
        break;
      case 'fetch-response':
        // In `auto` mode the response's flight is its arrival (a timed event of its own).
        if (!inRun) {
          fly(e.dropped ? 'response-lost' : 'response', e, replica(e.topic, e.partition, e.leader), replica(e.topic, e.partition, e.follower), `+${e.records} · HW ${e.highWatermark}`);
        }
        break;
      case 'high-watermark': call('hw', replica(e.topic, e.partition, e.broker), { where, from: e.from, to: e.to }, e); break;
      case 'isr-shrink':
        for (const b of e.removed) call('isr-shrink', replica(e.topic, e.partition, b), { where, removed: e.removed.join(','), isr: e.isr.join(',') }, e);
        break;
      case 'isr-expand': call('isr-expand', replica(e.topic, e.partition, e.added), { where, isr: e.isr.join(',') }, e); break;
      case 'isr-change': break;
      case 'truncate': call('truncate', replica(e.topic, e.partition, e.broker), { where, from: e.from, to: e.to }, e); break;
      case 'segments-deleted': call('log-start', replica(e.topic, e.partition, e.broker), { where, from: e.logStartOffsetBefore, to: e.logStartOffset }, e); break;
      case 'log-start-offset': call('log-start', replica(e.topic, e.partition, e.broker), { where, from: e.from, to: e.to }, e); break;
      case 'broker-state':
        call(e.state === 'crashed' ? 'crash' : e.fenced ? 'fenced' : 'state', { kind: 'broker', broker: e.broker }, { state: e.state });
        break;
      case 'leader-change':
        if (e.to === null) call('no-leader', { kind: 'producer', topic: e.topic, partition: e.partition }, { where, epoch: e.leaderEpoch }, e);
        else call('leader', replica(e.topic, e.partition, e.to), { where, epoch: e.leaderEpoch }, e);
        break;
      case 'step-error': call('step-error', { kind: 'broker', broker: e.broker }, { error: e.error }); break;
      case 'anomaly': {
        const leader = leaderOf(e.topic, e.partition);
        call('anomaly', leader === null ? { kind: 'producer', topic: e.topic, partition: e.partition } : replica(e.topic, e.partition, leader), { where, anomaly: e.anomaly, offset: e.offset }, e);
        break;
      }
      // Consumer groups are drawn beside the cluster (their own lazy panel), not as flights.
      case 'group-state':
      case 'group-member':
      case 'group-assignment':
      case 'consumer-poll':
      case 'offset-reset':
      case 'offset-commit':
      case 'coordinator-change':
      case 'group-admin':
        break;
      default: {
        const unreachable: never = e;
        throw new Error(`unknown event ${JSON.stringify(unreachable)}`);
      }
    }
  }
}

function evenly<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  return Array.from({ length: max }, (_, i) => items[Math.floor((i * items.length) / max)]);
}

export function planMove(input: MoveInput): MovePlan {
  const hopMs = input.hopMs ?? HOP_MS;
  const plan: MovePlan = { flights: [], callouts: [], durationMs: 0 };
  if (input.fired.length > 0) planFired(input, hopMs, plan);
  else planEvents(input.events, 0, hopMs * INSTANT_SHARE, input.leaderOf, plan);
  const end = Math.max(0, ...plan.flights.map((f) => f.endMs), ...plan.callouts.map((c) => c.startMs));
  // A long step plays as a whole in at most MAX_HOPS hops, every flight scaled alike.
  const scale = end > MAX_HOPS * hopMs ? (MAX_HOPS * hopMs) / end : 1;
  const flights = evenly(plan.flights, MAX_FLIGHTS).map((f) => ({ ...f, startMs: f.startMs * scale, endMs: f.endMs * scale }));
  const callouts = evenly(plan.callouts, MAX_CALLOUTS).map((c) => ({ ...c, startMs: c.startMs * scale }));
  return { flights, callouts, durationMs: end * scale };
}

export interface Point { x: number; y: number }

export interface Frame {
  dots: { id: string; kind: FlightKind; x: number; y: number; opacity: number }[];
  /** A flight's label while it flies, at the middle of its path (the caller keeps it off names). */
  labels: { id: string; kind: FlightKind; x: number; y: number; text: string; opacity: number }[];
  callouts: { id: string; kind: CalloutKind; at: Anchor; opacity: number; data: Record<string, string | number> }[];
}

const ease = easeCubicInOut;
/** How long a label stays after its flight has landed, and how long a callout takes to appear. */
const LINGER_MS = 500;
const FADE_MS = 200;

/** When the move has settled: every callout fully shown (the step's end state, as a jump draws it). */
export function settledMs(plan: MovePlan): number {
  return plan.durationMs + FADE_MS;
}

/** Where everything is `elapsedMs` after the start (in plan time: the caller divides by the motion). */
export function frameAt(plan: MovePlan, elapsedMs: number, position: (anchor: Anchor) => Point | null): Frame {
  const dots: Frame['dots'] = [];
  const labels: Frame['labels'] = [];
  for (const f of plan.flights) {
    if (elapsedMs < f.startMs || elapsedMs > f.endMs + LINGER_MS) continue;
    const from = position(f.from);
    const to = position(f.to);
    if (!from || !to) continue;
    const flying = elapsedMs <= f.endMs;
    const u = flying ? ease(f.endMs === f.startMs ? 1 : (elapsedMs - f.startMs) / (f.endMs - f.startMs)) : 1;
    const lost = f.kind === 'response-lost';
    const fading = flying ? 1 : 1 - (elapsedMs - f.endMs) / LINGER_MS;
    labels.push({ id: f.id, kind: f.kind, x: (from.x + to.x) / 2, y: (from.y + to.y) / 2, text: f.label, opacity: Math.max(0, fading) });
    if (!flying || (lost && u > 0.6)) continue;
    dots.push({ id: f.id, kind: f.kind, x: from.x + (to.x - from.x) * u, y: from.y + (to.y - from.y) * u, opacity: lost ? 1 - u : 1 });
  }
  const callouts = plan.callouts
    .filter((c) => elapsedMs >= c.startMs)
    .map((c) => ({ id: c.id, kind: c.kind, at: c.at, opacity: Math.min(1, 0.2 + (elapsedMs - c.startMs) / FADE_MS), data: c.data }));
  return { dots, labels, callouts };
}
