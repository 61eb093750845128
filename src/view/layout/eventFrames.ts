/**
 * The animation of one step, as a pure function of its events and t ∈ [0, 1] (DESIGN.md: pausing,
 * scrubbing and speed changes need no special cases). `planStep` turns events into flights
 * (messages between the producer and brokers) and callouts (state changes at a broker);
 * `frameAt` says where everything is at t.
 *
 * Simulated time is compressed: each distinct instant with events gets an equal slot, so a
 * 45-second `run` and a single fetch both play in one animation. Messages of one kind between
 * the same two nodes in one slot are one flight with a count (transitions on state changes, not
 * per record).
 */
import { easeCubicInOut } from 'd3-ease';
import type { SimEvent } from '../../core/model/events';

export type NodeId = 'producer' | number;

export type FlightKind = 'produce' | 'ack' | 'error' | 'fetch' | 'response' | 'response-lost';
export type CalloutKind = 'crash' | 'fenced' | 'state' | 'leader' | 'no-leader' | 'isr-shrink' | 'isr-expand' | 'truncate' | 'hw' | 'anomaly' | 'step-error';

export interface Flight {
  id: string;
  kind: FlightKind;
  from: NodeId;
  to: NodeId;
  start: number;
  end: number;
  count: number;
  /** A short label drawn with the dot: "HW 3", "+2", the error name. */
  label: string;
}

export interface Callout {
  id: string;
  kind: CalloutKind;
  at: NodeId;
  start: number;
  /** Words are the caller's: the callout carries the data to say. */
  data: Record<string, string | number>;
}

export interface StepPlan {
  flights: Flight[];
  callouts: Callout[];
}

/** The share of the animation a flight takes, when few instants share it. */
const MAX_FLIGHT = 0.45;
export const MAX_FLIGHTS = 60;
export const MAX_CALLOUTS = 12;

function slots(events: readonly SimEvent[]): (atMs: number) => { start: number; length: number } {
  const instants = [...new Set(events.map((e) => e.atMs))].sort((a, b) => a - b);
  const index = new Map(instants.map((ms, i) => [ms, i]));
  const n = Math.max(1, instants.length);
  const length = Math.min(MAX_FLIGHT, 1 / n);
  // The k-th instant starts at k/(n-1) of the room left once a flight's length is kept free.
  return (atMs) => ({ start: ((index.get(atMs) ?? 0) * (1 - length)) / Math.max(1, n - 1), length });
}

function evenly<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  return Array.from({ length: max }, (_, i) => items[Math.floor((i * items.length) / max)]);
}

export function planStep(events: readonly SimEvent[], leaderOf: (topic: string, partition: number) => number | null): StepPlan {
  const slot = slots(events);
  const flights = new Map<string, Flight>();
  const callouts: Callout[] = [];
  const fly = (kind: FlightKind, from: NodeId | null, to: NodeId | null, atMs: number, label: string) => {
    if (from === null || to === null) return;
    const { start, length } = slot(atMs);
    const id = `${kind}:${from}>${to}@${atMs}`;
    const existing = flights.get(id);
    if (existing) {
      existing.count += 1;
      if (kind === 'response' || kind === 'error') existing.label = label;
    } else flights.set(id, { id, kind, from, to, start, end: Math.min(1, start + length), count: 1, label });
  };
  const call = (kind: CalloutKind, at: NodeId, atMs: number, data: Record<string, string | number>) => {
    callouts.push({ id: `${kind}:${at}:${callouts.length}`, kind, at, start: slot(atMs).start, data });
  };
  for (const e of events) planEvent(e, fly, call, leaderOf);
  return { flights: evenly([...flights.values()], MAX_FLIGHTS), callouts: evenly(callouts, MAX_CALLOUTS) };
}

type Fly = (kind: FlightKind, from: NodeId | null, to: NodeId | null, atMs: number, label: string) => void;
type Call = (kind: CalloutKind, at: NodeId, atMs: number, data: Record<string, string | number>) => void;

function planEvent(e: SimEvent, fly: Fly, call: Call, leaderOf: (topic: string, partition: number) => number | null): void {
  const where = 'topic' in e ? `${e.topic}-${e.partition}` : '';
  switch (e.type) {
    case 'append': return fly('produce', 'producer', e.broker, e.atMs, `${where}@${e.offset}`);
    case 'produce-response':
      return fly(e.acked ? 'ack' : 'error', leaderOf(e.topic, e.partition), 'producer', e.atMs, e.acked ? 'ack' : (e.error ?? ''));
    case 'fetch-request': return fly('fetch', e.follower, e.leader, e.atMs, `@${e.fetchOffset}`);
    case 'fetch-response':
      return fly(e.dropped ? 'response-lost' : 'response', e.leader, e.follower, e.atMs, `+${e.records} HW ${e.highWatermark}`);
    case 'high-watermark': return call('hw', e.broker, e.atMs, { where, from: e.from, to: e.to });
    case 'isr-shrink': return call('isr-shrink', leaderOf(e.topic, e.partition) ?? e.removed[0], e.atMs, { where, removed: e.removed.join(','), isr: e.isr.join(',') });
    case 'isr-expand': return call('isr-expand', e.added, e.atMs, { where, isr: e.isr.join(',') });
    case 'isr-change': return undefined;
    case 'truncate': return call('truncate', e.broker, e.atMs, { where, from: e.from, to: e.to });
    case 'broker-state':
      return call(e.state === 'crashed' ? 'crash' : e.fenced ? 'fenced' : 'state', e.broker, e.atMs, { state: e.state });
    case 'leader-change':
      return e.to === null
        ? call('no-leader', e.from ?? 'producer', e.atMs, { where, epoch: e.leaderEpoch })
        : call('leader', e.to, e.atMs, { where, epoch: e.leaderEpoch });
    case 'step-error': return call('step-error', e.broker, e.atMs, { error: e.error });
    case 'anomaly': return call('anomaly', leaderOf(e.topic, e.partition) ?? 'producer', e.atMs, { where, anomaly: e.anomaly, offset: e.offset });
    // Consumer groups are drawn beside the cluster (their own lazy panel), not as flights.
    case 'group-state':
    case 'group-member':
    case 'group-assignment':
    case 'consumer-poll':
    case 'offset-commit':
    case 'coordinator-change':
      return undefined;
    default: {
      const unreachable: never = e;
      throw new Error(`unknown event ${JSON.stringify(unreachable)}`);
    }
  }
}

export interface Point { x: number; y: number }

export interface Frame {
  /** Messages already delivered: a faint arrow from sender to receiver stays as a trace. */
  trails: { id: string; kind: FlightKind; x1: number; y1: number; x2: number; y2: number }[];
  dots: { id: string; kind: FlightKind; x: number; y: number; opacity: number; label: string; count: number }[];
  callouts: { id: string; kind: CalloutKind; at: NodeId; opacity: number; data: Record<string, string | number> }[];
}

/** Eases a flight along its path (d3-ease is pure: no DOM). */
const ease = easeCubicInOut;

export function frameAt(plan: StepPlan, t: number, position: (node: NodeId) => Point | null): Frame {
  const dots: Frame['dots'] = [];
  const trails: Frame['trails'] = [];
  for (const f of plan.flights) {
    if (t < f.start) continue;
    const from = position(f.from);
    const to = position(f.to);
    if (!from || !to) continue;
    if (t > f.end || (t === 1 && f.end === 1)) {
      // Requests and responses between one pair travel on two lanes, so both traces show.
      const lane = from.x < to.x ? -7 : 7;
      trails.push({ id: f.id, kind: f.kind, x1: from.x, y1: from.y + lane, x2: to.x, y2: to.y + lane });
      continue;
    }
    const u = ease(f.end === f.start ? 1 : (t - f.start) / (f.end - f.start));
    // A lost response fades out halfway.
    const lost = f.kind === 'response-lost';
    if (lost && u > 0.6) continue;
    dots.push({
      id: f.id, kind: f.kind, x: from.x + (to.x - from.x) * u, y: from.y + (to.y - from.y) * u,
      opacity: lost ? 1 - u : 1, label: f.label, count: f.count,
    });
  }
  const callouts = plan.callouts
    .filter((c) => t >= c.start)
    .map((c) => ({ id: c.id, kind: c.kind, at: c.at, opacity: Math.min(1, (t - c.start) / 0.1 + 0.2), data: c.data }));
  return { trails, dots, callouts };
}
