import { select } from 'd3-selection';
import { timer } from 'd3-timer';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { World } from '../core/model/world';
import { PLAY_INTERVAL_MS, useSession } from '../store/sessionStore';
import { useView } from '../store/viewStore';
import { anchorKey, frameAt, planMove, settledMs, type Anchor, type Frame, type MovePlan, type Point } from './layout/eventFrames';
import { estimateWidth, placeLabels, type Rect } from './layout/labelPlacement';
import type { Translate } from './viewModel';

const LABEL_PX = 12;
const LABEL_HEIGHT = 18;

function leaderLookup(world: World) {
  return (topic: string, partition: number) => world.topics.find((t) => t.name === topic)?.partitions[partition]?.leader ?? null;
}

function calloutText(kind: string, data: Record<string, string | number>, t: Translate, compact = false): string {
  const words: Record<string, string | number> = { ...data };
  if (typeof data.state === 'string') words.state = t(`cluster.state.${data.state}`);
  if (typeof data.anomaly === 'string') words.anomaly = t(`anomalies.type.${data.anomaly}`);
  return t(compact ? `anim.compact.${kind}` : `anim.${kind}`, words);
}

/**
 * How far a callout may sit from the log or broker it names (px between its wanted corner and
 * its place): its words within about two rows, its compact form (the symbol) within six, which
 * reaches the broker's head or the space under its card.
 */
const TEXT_REACH = 2.5 * LABEL_HEIGHT;
const COMPACT_REACH = 6 * LABEL_HEIGHT;

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** What the picture looks like now: where each anchor is, and what labels must not cover. */
interface Measured {
  anchors: Map<string, Point>;
  /** Names, marks and controls: no label covers them. */
  obstacles: Rect[];
  /**
   * The same and every replica's strip with the bands above and below it where its HW and LEO
   * labels go: no callout covers them. The bands, not the labels' places: a mark moves when its
   * message arrives, after the callouts are placed.
   */
  solid: Rect[];
  bounds: Rect;
  /** Each broker's column, the grid's full height: a callout about a broker or its replica stays in it. */
  columns: Map<number, Rect>;
}

/**
 * Names, marks and controls that labels keep off, inside the cluster grid. A broker's menu button
 * counts even while presenter mode hides it: it comes back when the pointer moves.
 */
const NAMES = '.broker-head h3, .broker-head .chip, .broker-head summary, .replica-head, .partition-name, .facts, .column-title, .marker-label, .replica-numbers';

function measure(grid: HTMLElement): Measured {
  const origin = grid.getBoundingClientRect();
  const rel = (r: DOMRect): Rect => ({ x: r.left - origin.left + grid.scrollLeft, y: r.top - origin.top + grid.scrollTop, width: r.width, height: r.height });
  const anchors = new Map<string, Point>();
  const rowY = new Map<string, number>();
  const strips: Rect[] = [];
  // Every HW and LEO label has one height: measured once, not per replica (this runs every step).
  const band = grid.querySelector('.marker-label')?.getBoundingClientRect().height ?? 0;
  for (const el of grid.querySelectorAll<HTMLElement>('[data-testid="replica"]')) {
    const strip = el.querySelector('.strip');
    const leo = el.querySelector('.marker-leo');
    if (!strip || !leo) continue;
    const s = rel(strip.getBoundingClientRect());
    const l = rel(leo.getBoundingClientRect());
    const { topic = '', partition = '', broker = '' } = el.dataset;
    strips.push({ x: s.x, y: s.y - band, width: s.width, height: s.height + 2 * band });
    const y = s.y + s.height / 2;
    anchors.set(anchorKey({ kind: 'replica', topic, partition: Number(partition), broker: Number(broker) }), { x: Math.min(s.x + s.width, Math.max(s.x, l.x)), y });
    rowY.set(`${topic}-${partition}`, y);
  }
  for (const el of grid.querySelectorAll<HTMLElement>('[data-testid="partition"]')) {
    const { topic = '', partition = '' } = el.dataset;
    const r = rel(el.getBoundingClientRect());
    anchors.set(anchorKey({ kind: 'producer', topic, partition: Number(partition) }), { x: r.x + r.width - 4, y: rowY.get(`${topic}-${partition}`) ?? r.y + r.height / 2 });
  }
  const columns = new Map<number, Rect>();
  const height = grid.scrollHeight;
  for (const el of grid.querySelectorAll<HTMLElement>('[data-testid="broker"]')) {
    const head = el.querySelector('.broker-head');
    const r = rel((head ?? el).getBoundingClientRect());
    anchors.set(anchorKey({ kind: 'broker', broker: Number(el.dataset.broker) }), { x: r.x + r.width / 2, y: r.y + r.height + 12 });
    const column = rel(el.getBoundingClientRect());
    columns.set(Number(el.dataset.broker), { x: column.x, y: 0, width: column.width, height });
  }
  const obstacles = [...grid.querySelectorAll(NAMES)].map((el) => rel(el.getBoundingClientRect())).filter((r) => r.width > 0 && r.height > 0);
  return { anchors, obstacles, solid: [...obstacles, ...strips], bounds: { x: 0, y: 0, width: grid.scrollWidth, height }, columns };
}

/** The real ms at which records land on each replica (a produce at the leader, a response at a follower). */
function landings(plan: MovePlan, rate: number): Map<string, { anchor: Anchor; ms: number }> {
  const at = new Map<string, { anchor: Anchor; ms: number }>();
  const note = (anchor: Anchor, ms: number) => {
    const key = anchorKey(anchor);
    at.set(key, { anchor, ms: Math.min(at.get(key)?.ms ?? Infinity, ms / rate) });
  };
  for (const f of plan.flights) if ((f.kind === 'produce' || f.kind === 'response') && f.to.kind === 'replica') note(f.to, f.endMs);
  for (const c of plan.callouts) if (c.kind === 'truncate' && c.at.kind === 'replica') note(c.at, c.startMs);
  return at;
}

/** Where a label was placed, once for the whole move, and what it says there. */
interface Spot { x: number; y: number; width: number; text: string; free?: boolean; compact?: boolean; hidden?: boolean }

/** Draws one frame with d3 joins: messages travelling, their labels and the callouts kept off names. */
function drawFrame(svg: SVGSVGElement, frame: Frame, measured: Measured, placed: Map<string, Spot>, t: Translate): void {
  const position = (a: Anchor) => measured.anchors.get(anchorKey(a)) ?? null;
  select(svg).select('g.flights').selectAll<SVGGElement, Frame['dots'][number]>('g.flight')
    .data(frame.dots, (d) => d.id)
    .join((enter) => {
      const g = enter.append('g').attr('class', (d) => `flight flight-${d.kind}`);
      g.append('path').attr('d', (d) => SYMBOL[d.kind] ?? SYMBOL.fetch);
      return g;
    })
    .attr('transform', (d) => `translate(${d.x},${d.y})`)
    .attr('opacity', (d) => d.opacity);

  type Shown = { id: string; cls: string; text: string; x: number; y: number; opacity: number };
  const shown: Shown[] = [];
  const taken = () => [...placed.values()].filter((p) => !p.hidden).map((p) => ({ x: p.x, y: p.y, width: p.width, height: LABEL_HEIGHT }));
  const place = (id: string, text: string, x: number, y: number, obstacles: Rect[], reach?: number, bounds = measured.bounds) => {
    const width = estimateWidth(text, LABEL_PX);
    const found = placeLabels([{ id, x, y, width, height: LABEL_HEIGHT, reach }], obstacles, bounds, taken()).get(id);
    return { x: found?.x ?? x, y: found?.y ?? y, width, text, free: found?.free ?? false };
  };
  // A message's label travels with it for a moment: it keeps off names only.
  for (const l of frame.labels) {
    let spot = placed.get(l.id);
    if (!spot) placed.set(l.id, (spot = place(l.id, l.text, l.x, l.y - 14, measured.obstacles)));
    shown.push({ id: l.id, cls: `label label-${l.kind}`, text: spot.text, x: spot.x, y: spot.y, opacity: l.opacity });
  }
  // A callout stays: it keeps off the records and marks as well. Where its words find no room
  // near what it names, it shows its compact form (a symbol, a number); where even that finds
  // none (a phone's narrow columns), none. What each says is on screen anyway: the narration
  // says it in full, and the replica's badges, the broker's chip or the marks show the change.
  for (const c of frame.callouts) {
    const at = position(c.at);
    if (!at) continue;
    let spot = placed.get(c.id);
    if (!spot) {
      // In its broker's column, where it has one: beside another broker's log it would name that one.
      const column = 'broker' in c.at ? measured.columns.get(c.at.broker) : undefined;
      spot = place(c.id, calloutText(c.kind, c.data, t), at.x, at.y + 30, measured.solid, TEXT_REACH, column);
      if (!spot.free) {
        const compact = place(c.id, calloutText(c.kind, c.data, t, true), at.x, at.y, measured.solid, COMPACT_REACH, column);
        spot = { ...compact, compact: true, hidden: !compact.free };
      }
      placed.set(c.id, spot);
    }
    if (spot.hidden) continue;
    shown.push({ id: c.id, cls: `callout callout-${c.kind}${spot.compact ? ' compact' : ''}`, text: spot.text, x: spot.x, y: spot.y, opacity: c.opacity });
  }
  const labels = select(svg).select('g.labels').selectAll<SVGGElement, Shown>('g.tag')
    .data(shown, (d) => d.id)
    .join((enter) => {
      const g = enter.append('g');
      g.append('rect').attr('rx', 4).attr('height', LABEL_HEIGHT);
      g.append('text').attr('y', LABEL_HEIGHT / 2).attr('dy', '0.35em').attr('x', 4);
      return g;
    })
    .attr('class', (d) => `tag ${d.cls}`)
    .attr('transform', (d) => `translate(${d.x},${d.y})`)
    .attr('opacity', (d) => d.opacity);
  labels.select('text').text((d) => d.text);
  labels.select('rect').attr('width', (d) => placed.get(d.id)?.width ?? 0);
}

/** Measures the picture and sizes the overlay to the grid's scrollable area. */
function measureStage(svg: SVGSVGElement, grid: HTMLElement): Measured {
  const measured = measure(grid);
  svg.setAttribute('width', String(measured.bounds.width));
  svg.setAttribute('height', String(measured.bounds.height));
  return measured;
}

/** The step's end state: its callouts, with no message in flight and no label. */
function drawEnd(svg: SVGSVGElement, plan: MovePlan, measured: Measured, placed: Map<string, Spot>, t: Translate): void {
  // Settled, not at plan.durationMs: a callout that appears at the very end would stay faded.
  const end = frameAt(plan, settledMs(plan), (a) => measured.anchors.get(anchorKey(a)) ?? null);
  drawFrame(svg, { ...end, dots: [], labels: [] }, measured, placed, t);
}

/**
 * A jump (Home, End, the scrubber, a far seek) shows where it lands, not the last step's flight:
 * the old drawing goes at once, the landing marks stop waiting, and the step's callouts are
 * drawn after the destination is painted, so measuring the picture (a forced layout) is not
 * part of the jump's frame.
 */
function drawAfterPaint(svg: SVGSVGElement, grid: HTMLElement, plan: MovePlan, t: Translate): () => void {
  select(svg).selectAll('g.flights > *, g.labels > *').remove();
  for (const el of grid.querySelectorAll<HTMLElement>('[data-testid="replica"]')) el.style.setProperty('--land-delay', '0ms');
  let timeout: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timeout = setTimeout(() => drawEnd(svg, plan, measureStage(svg, grid), new Map(), t), 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timeout);
  };
}

/** Message glyphs (shape, not only colour): a dot asks, a square answers, a diamond produces. */
const SYMBOL: Record<string, string> = {
  fetch: 'M0,-6A6,6 0 1 1 0,6A6,6 0 1 1 0,-6Z',
  response: 'M-8,-6H8V6H-8Z',
  'response-lost': 'M-8,-6H8V6H-8Z',
  produce: 'M0,-9L9,0L0,9L-9,0Z',
  ack: 'M-7,0L-2,5L7,-5',
  error: 'M-6,-6L6,6M6,-6L-6,6',
};

/**
 * The events just shown, animated in the one picture: an overlay on the cluster grid whose
 * messages travel between the replica logs on screen. The narration and the inspector say the
 * same in words, so this layer is hidden from screen readers. With `prefers-reduced-motion` it
 * draws the end state at once.
 */
export function EventStage() {
  const { t } = useTranslation();
  const events = useSession((s) => s.events);
  const fired = useSession((s) => s.fired);
  const world = useSession((s) => s.world);
  const position = useSession((s) => s.position);
  const event = useSession((s) => s.event);
  const playing = useSession((s) => s.playing);
  const speed = useSession((s) => s.speed);
  const motion = useView((s) => s.motion);
  const svgRef = useRef<SVGSVGElement>(null);
  /** Where the last drawing was: a move of more than one step is a jump, not a step to animate. */
  const shownAt = useRef<number | null>(null);
  const plan = useMemo(
    () => (world ? planMove({ events, fired, networkDelayMs: world.settings.cluster.networkDelayMs, leaderOf: leaderLookup(world) }) : { flights: [], callouts: [], durationMs: 0 }),
    [events, fired, world],
  );

  useLayoutEffect(() => {
    const svg = svgRef.current;
    const grid = svg?.parentElement;
    if (!svg || !grid) return undefined;
    const from = shownAt.current;
    shownAt.current = position;
    const leap = from !== null && Math.abs(position - from) > 1;
    if (leap) {
      grid.dataset.jumped = '';
      // Nothing lands after a jump: the cells it drew get no animation at all, rather than one
      // of no duration (styles.css), which the browser still builds and starts for each of a few
      // hundred cells (about 10 ms of a long jump's style work; bench/browser). Inline, so it
      // stays with those cells: leaving `data-jumped` at the next step must not start them.
      for (const cell of grid.querySelectorAll<HTMLElement>('.record')) cell.style.animation = 'none';
      return drawAfterPaint(svg, grid, plan, t);
    }
    delete grid.dataset.jumped;
    // The first drawing with nothing to draw (a link's first paint, at the initial state): nothing
    // to do. The layer is sized when it first draws; measuring the picture now would be a forced
    // layout in the first load's busiest second. A step's callouts are drawn at once, as always.
    if (from === null && plan.durationMs === 0 && plan.callouts.length === 0) return undefined;
    const measured = measureStage(svg, grid);
    // Playing: the whole move fits in the interval between steps. Else in slow motion if asked.
    const available = (0.85 * PLAY_INTERVAL_MS) / speed;
    const rate = playing && plan.durationMs > 0 ? Math.max(motion, plan.durationMs / available) : motion;
    const reduced = prefersReducedMotion();
    // New records land, and the HW and LEO marks move, when their message arrives (styles.css).
    const landing = landings(plan, rate);
    for (const el of grid.querySelectorAll<HTMLElement>('[data-testid="replica"]')) {
      const { topic = '', partition = '', broker = '' } = el.dataset;
      const ms = landing.get(anchorKey({ kind: 'replica', topic, partition: Number(partition), broker: Number(broker) }))?.ms ?? 0;
      el.style.setProperty('--land-delay', `${reduced ? 0 : Math.round(ms)}ms`);
    }
    const placed = new Map<string, Spot>();
    const draw = (planMs: number) => drawFrame(svg, frameAt(plan, planMs, (a) => measured.anchors.get(anchorKey(a)) ?? null), measured, placed, t);
    if (reduced || plan.durationMs === 0) {
      drawEnd(svg, plan, measured, placed, t);
      return undefined;
    }
    draw(0);
    const clock = timer((elapsed) => {
      const planMs = elapsed * rate;
      draw(planMs);
      if (planMs > plan.durationMs + 600) clock.stop();
    });
    return () => clock.stop();
  }, [plan, t, position, event, playing, speed, motion]);

  return (
    <svg ref={svgRef} className="event-stage" aria-hidden="true" focusable="false">
      <g className="flights" />
      <g className="labels" />
    </svg>
  );
}
