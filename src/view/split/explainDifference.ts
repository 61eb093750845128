/**
 * What differs between the panes at one position, and why (pure): sentences `{ key, params }` in
 * the `split` namespace, built from the two panes' reports and the events of the step that led
 * there. `side` / `other` parameters are `a` or `b`; the view replaces them with the pane's
 * setting in words ("truncation to the HW", "ZooKeeper 2.8").
 *
 * 1. Why, at this step: the events that happened in one pane only, or differently (a truncation,
 *    a refused restart, a leader change, an error answered to the producer, an anomaly found).
 * 2. What differs now: each replica whose log end differs, each partition whose leader or HW
 *    differs, each record lost in one pane only (at most MAX_WHAT sentences, then how many more).
 * 3. Where they parted: when they differ but nothing at this step says why, the first position
 *    where they differ; when they agree, whether and where they will part.
 */
import type { SimEvent } from '../../core/model/events';
import type { Report } from '../../core/model/report';
import type { FirstDifference } from '../../app/firstDifference';

export type Side = 'a' | 'b';
export interface DiffSentence {
  key: string;
  params: Record<string, string | number>;
}

export interface PaneAt {
  report: Report;
  /** The events of step `position - 1` (none at position 0). */
  events: readonly SimEvent[];
  era: 'kraft' | 'zookeeper';
  truncation: 'leader-epoch' | 'high-watermark';
}

export const MAX_WHAT = 4;

const say = (key: string, params: Record<string, string | number> = {}): DiffSentence => ({ key, params });
const where = (e: { topic: string; partition: number }) => `${e.topic}-${e.partition}`;
const otherOf = (side: Side): Side => (side === 'a' ? 'b' : 'a');

type Truncate = Extract<SimEvent, { type: 'truncate' }>;
type StepError = Extract<SimEvent, { type: 'step-error' }>;
type LeaderChange = Extract<SimEvent, { type: 'leader-change' }>;
type ProduceResponse = Extract<SimEvent, { type: 'produce-response' }>;
type Anomaly = Extract<SimEvent, { type: 'anomaly' }>;

function ofType<T extends SimEvent['type']>(events: readonly SimEvent[], type: T): Extract<SimEvent, { type: T }>[] {
  return events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);
}

function whyTruncation(panes: Record<Side, PaneAt>, out: DiffSentence[]): void {
  const cuts = { a: ofType(panes.a.events, 'truncate'), b: ofType(panes.b.events, 'truncate') };
  const key = (e: Truncate) => `${where(e)}@${e.broker}`;
  const seen = new Set<string>();
  for (const side of ['a', 'b'] as const) {
    const other = otherOf(side);
    for (const cut of cuts[side]) {
      if (seen.has(key(cut))) continue;
      const match = cuts[other].find((e) => key(e) === key(cut));
      if (match && match.to === cut.to) continue;
      seen.add(key(cut));
      const params = { side, other, broker: cut.broker, where: where(cut), from: cut.from, to: cut.to, reason: cut.reason };
      if (match) {
        out.push(say('why.truncateBoth', { ...params, otherTo: match.to, otherReason: match.reason }));
      } else if (cut.reason === 'high-watermark' && panes[other].truncation === 'leader-epoch') {
        // KIP-101's story in one sentence: the HW cut, and the epoch request that avoids it.
        out.push(say('why.truncateHwNotEpoch', params));
      } else {
        out.push(say('why.truncateOne', params));
      }
    }
  }
}

function whyStepError(panes: Record<Side, PaneAt>, out: DiffSentence[]): void {
  const errors = { a: ofType(panes.a.events, 'step-error'), b: ofType(panes.b.events, 'step-error') };
  const same = (x: StepError, y: StepError) => x.broker === y.broker && x.error === y.error;
  for (const side of ['a', 'b'] as const) {
    const other = otherOf(side);
    for (const e of errors[side]) {
      if (errors[other].some((o) => same(o, e))) continue;
      const otherBroker = panes[other].report.brokers.find((b) => b.id === e.broker);
      if (e.error === 'NODE_EXISTS' && panes[other].era === 'kraft') {
        // scenario-format.md "Restart": KRaft refuses the registration without a step error and the broker waits.
        out.push(say(otherBroker?.state === 'restarting' ? 'why.nodeExistsKraftWaits' : 'why.nodeExistsKraftRegistered', { side, other, broker: e.broker }));
      } else {
        out.push(say('why.stepErrorOne', { side, other, broker: e.broker, error: e.error, state: otherBroker?.state ?? '—' }));
      }
    }
  }
}

function whyLeader(panes: Record<Side, PaneAt>, out: DiffSentence[]): void {
  const changes = { a: ofType(panes.a.events, 'leader-change'), b: ofType(panes.b.events, 'leader-change') };
  const last = (list: LeaderChange[], w: string) => list.filter((e) => where(e) === w).at(-1);
  const places = new Set([...changes.a, ...changes.b].map(where));
  for (const w of places) {
    const x = last(changes.a, w);
    const y = last(changes.b, w);
    if (x && y && x.to === y.to && x.unclean === y.unclean) continue;
    const leaderNow = (side: Side) => panes[side].report.partitions.find((p) => where(p) === w)?.leader ?? null;
    for (const [side, e] of [['a', x], ['b', y]] as const) {
      if (!e) continue;
      const other = otherOf(side);
      const otherLeader = leaderNow(other);
      out.push(say(e.unclean ? 'why.leaderUnclean' : e.to === null ? 'why.leaderNone' : 'why.leaderOne', {
        side, other, where: w, to: e.to ?? '—', otherLeader: otherLeader ?? '—', otherKey: otherLeader === null ? 'none' : 'some',
      }));
    }
  }
}

function whyProduce(panes: Record<Side, PaneAt>, out: DiffSentence[]): void {
  const responses = { a: ofType(panes.a.events, 'produce-response'), b: ofType(panes.b.events, 'produce-response') };
  const byRecord = (list: ProduceResponse[]) => new Map(list.map((e) => [e.produced, e]));
  const ma = byRecord(responses.a);
  const mb = byRecord(responses.b);
  for (const produced of new Set([...ma.keys(), ...mb.keys()])) {
    const x = ma.get(produced);
    const y = mb.get(produced);
    if (x && y && x.acked === y.acked && x.error === y.error) continue;
    for (const [side, e] of [['a', x], ['b', y]] as const) {
      if (!e || (e.acked && (side === 'a' ? y : x)?.acked)) continue;
      const record = panes[side].report.produced[produced];
      out.push(say(e.acked ? 'why.ackedOne' : 'why.produceError', {
        side, other: otherOf(side), where: where(e), error: e.error ?? '—', acks: String(record?.acks ?? '—'), record: record ? `${record.key ?? 'null'} = ${record.value}` : String(produced),
      }));
    }
  }
}

function whyAnomaly(panes: Record<Side, PaneAt>, out: DiffSentence[]): void {
  const found = { a: ofType(panes.a.events, 'anomaly'), b: ofType(panes.b.events, 'anomaly') };
  const key = (e: Anomaly) => `${e.anomaly}:${where(e)}#${e.offset}`;
  for (const side of ['a', 'b'] as const) {
    const other = new Set(found[otherOf(side)].map(key));
    for (const e of found[side]) {
      if (!other.has(key(e))) out.push(say('why.anomalyOne', { side, other: otherOf(side), anomaly: e.anomaly, where: where(e), offset: e.offset }));
    }
  }
}

function whatDiffers(a: Report, b: Report): DiffSentence[] {
  const out: DiffSentence[] = [];
  const pb = new Map(b.partitions.map((p) => [where(p), p]));
  for (const x of a.partitions) {
    const y = pb.get(where(x));
    if (!y) continue;
    if (x.leader !== y.leader) out.push(say('what.leader', { where: where(x), a: x.leader ?? '—', b: y.leader ?? '—' }));
    for (const rx of x.replicaStates) {
      const ry = y.replicaStates.find((r) => r.broker === rx.broker);
      if (!ry) continue;
      const offsets = (r: typeof rx) => new Map(r.log.map((rec) => [rec.offset, `${rec.key}\u0000${rec.value}\u0000${rec.leaderEpoch}`]));
      const ox = offsets(rx);
      const oy = offsets(ry);
      const onlyA = [...ox.keys()].filter((o) => ox.get(o) !== oy.get(o)).length;
      const onlyB = [...oy.keys()].filter((o) => ox.get(o) !== oy.get(o)).length;
      if (rx.logEndOffset !== ry.logEndOffset || onlyA + onlyB > 0) {
        out.push(say('what.replica', { where: where(x), broker: rx.broker, a: rx.logEndOffset, b: ry.logEndOffset, differing: Math.max(onlyA, onlyB) }));
      }
    }
    if (x.highWatermark !== y.highWatermark) out.push(say('what.hw', { where: where(x), a: x.highWatermark, b: y.highWatermark }));
    if (x.isr.join(',') !== y.isr.join(',')) out.push(say('what.isr', { where: where(x), a: `[${x.isr.join(', ')}]`, b: `[${y.isr.join(', ')}]` }));
  }
  const lost = (r: Report) => new Set(r.anomalies.filter((an) => an.type === 'acknowledged-record-lost').map((an) => `${where(an)}#${an.offset}`));
  const la = lost(a);
  const lb = lost(b);
  for (const [side, mine, theirs] of [['a', la, lb], ['b', lb, la]] as const) {
    for (const k of mine) {
      if (theirs.has(k)) continue;
      const [w, offset] = k.split('#');
      out.push(say('what.lost', { side, other: otherOf(side), where: w, offset: Number(offset) }));
    }
  }
  return out;
}

export interface DifferenceInput {
  a: PaneAt;
  b: PaneAt;
  position: number;
  /** Whether any partition, replica or record differs now (differs.ts). */
  differsNow: boolean;
  first: FirstDifference | null;
}

export function explainDifference({ a, b, position, differsNow, first }: DifferenceInput): DiffSentence[] {
  const panes = { a, b };
  const why: DiffSentence[] = [];
  whyStepError(panes, why);
  whyTruncation(panes, why);
  whyLeader(panes, why);
  whyProduce(panes, why);
  whyAnomaly(panes, why);
  const out = [...why];
  if (differsNow) {
    const what = whatDiffers(a.report, b.report);
    out.push(...what.slice(0, MAX_WHAT));
    if (what.length > MAX_WHAT) out.push(say('what.more', { n: what.length - MAX_WHAT }));
    if (why.length === 0 && first?.state === 'found' && first.at < position) out.push(say('since', { at: first.at }));
  } else if (why.length === 0) {
    if (first?.state === 'found' && first.at > position) out.push(say('same.until', { at: first.at }));
    else if (first?.state === 'none') out.push(say('same.never'));
    else out.push(say('same.now'));
  }
  return out;
}
