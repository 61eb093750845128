import { select } from 'd3-selection';
import { timer } from 'd3-timer';
import { useEffect, useMemo, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { World } from '../core/model/world';
import { PLAY_INTERVAL_MS, useSession } from '../store/sessionStore';
import { frameAt, planStep, type Frame, type NodeId, type Point } from './layout/eventFrames';
import type { Translate } from './viewModel';

/** Real milliseconds one step's animation takes (shorter than playback's step interval). */
export const ANIMATION_MS = 600;
const NODE_GAP = 150;
const HEIGHT = 150;
const NODE_Y = 64;

function nodeX(index: number): number {
  return 70 + index * NODE_GAP;
}

function leaderLookup(world: World) {
  return (topic: string, partition: number) => world.topics.find((t) => t.name === topic)?.partitions[partition]?.leader ?? null;
}

function calloutText(kind: string, data: Record<string, string | number>, t: Translate): string {
  const words: Record<string, string | number> = { ...data };
  if (typeof data.state === 'string') words.state = t(`cluster.state.${data.state}`);
  if (typeof data.anomaly === 'string') words.anomaly = t(`anomalies.type.${data.anomaly}`);
  return t(`anim.${kind}`, words);
}

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * A delivered message's trace: a straight arrow between neighbours; an arc over the nodes in
 * between otherwise (rightward arcs fly higher than leftward ones, so both directions show).
 */
function trailPath(d: Frame['trails'][number]): string {
  const direction = Math.sign(d.x2 - d.x1);
  if (Math.abs(d.x2 - d.x1) <= NODE_GAP) {
    return `M${d.x1 + direction * 54},${d.y1}L${d.x2 - direction * 58},${d.y2}`;
  }
  const top = NODE_Y - 20;
  const lift = direction > 0 ? 64 : 44;
  return `M${d.x1 + direction * 30},${top}Q${(d.x1 + d.x2) / 2},${top - lift} ${d.x2 - direction * 30},${top - 2}`;
}

/** Draws one frame with d3 joins: message dots travelling, callouts stacked under their node. */
function drawFrame(svg: SVGSVGElement, frame: Frame, position: (node: NodeId) => Point | null, t: Translate): void {
  select(svg).select('g.trails').selectAll<SVGPathElement, Frame['trails'][number]>('path.trail')
    .data(frame.trails, (d) => d.id)
    .join('path')
    .attr('class', (d) => `trail trail-${d.kind}`)
    .attr('d', trailPath)
    .attr('marker-end', 'url(#stage-arrow)');
  const dots = select(svg).select('g.flights').selectAll<SVGGElement, Frame['dots'][number]>('g.flight')
    .data(frame.dots, (d) => d.id)
    .join((enter) => {
      const g = enter.append('g').attr('class', (d) => `flight flight-${d.kind}`);
      g.append('circle').attr('r', 9);
      g.append('text').attr('class', 'flight-label').attr('y', -14).attr('text-anchor', 'middle');
      return g;
    });
  dots.attr('transform', (d) => `translate(${d.x},${d.y})`).attr('opacity', (d) => d.opacity);
  dots.select('text').text((d) => (d.count > 1 ? `${d.label} ×${d.count}` : d.label));

  const stack = new Map<NodeId, number>();
  const callouts = select(svg).select('g.callouts').selectAll<SVGTextElement, Frame['callouts'][number]>('text.callout')
    .data(frame.callouts, (d) => d.id)
    .join('text')
    .attr('class', (d) => `callout callout-${d.kind}`)
    .attr('text-anchor', 'middle');
  callouts
    .attr('x', (d) => position(d.at)?.x ?? 0)
    .attr('y', (d) => {
      const row = stack.get(d.at) ?? 0;
      stack.set(d.at, row + 1);
      return NODE_Y + 44 + row * 17;
    })
    .attr('opacity', (d) => d.opacity)
    .text((d) => calloutText(d.kind, d.data, t));
}

/**
 * The step's events, animated: the producer and the brokers as nodes, messages travelling
 * between them, state changes called out. The inspector says the same in words, so this layer
 * is hidden from screen readers. Honours `prefers-reduced-motion` (the last frame at once).
 */
export function EventStage() {
  const { t } = useTranslation();
  const events = useSession((s) => s.events);
  const world = useSession((s) => s.world);
  const position = useSession((s) => s.position);
  // Faster playback, shorter animation: each step's animation ends before the next step.
  const durationMs = useSession((s) => Math.min(ANIMATION_MS, (0.85 * PLAY_INTERVAL_MS) / s.speed));
  const svgRef = useRef<SVGSVGElement>(null);
  const brokers = useMemo(() => world?.brokers.map((b) => ({ id: b.id, state: b.state, fenced: b.fenced })) ?? [], [world]);
  const plan = useMemo(() => (world ? planStep(events, leaderLookup(world)) : { flights: [], callouts: [] }), [events, world]);
  const positionOf = useMemo(() => {
    const index = new Map(brokers.map((b, i) => [b.id, i + 1]));
    return (node: NodeId): Point | null => {
      if (node === 'producer') return { x: nodeX(0), y: NODE_Y };
      const i = index.get(node);
      return i === undefined ? null : { x: nodeX(i), y: NODE_Y };
    };
  }, [brokers]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return undefined;
    const draw = (u: number) => drawFrame(svg, frameAt(plan, u, positionOf), positionOf, t);
    if (prefersReducedMotion() || (plan.flights.length === 0 && plan.callouts.length === 0)) {
      draw(1);
      return undefined;
    }
    const clock = timer((elapsed) => {
      const u = Math.min(1, elapsed / durationMs);
      draw(u);
      if (u >= 1) clock.stop();
    });
    return () => clock.stop();
  }, [plan, positionOf, t, position, durationMs]);

  const width = nodeX(brokers.length) + 70;
  return (
    <figure className="event-stage" aria-hidden="true">
      <svg ref={svgRef} viewBox={`0 0 ${width} ${HEIGHT}`} preserveAspectRatio="xMinYMin meet"
        style={{ maxWidth: `${width}px`, '--stage-min': `${Math.round(width * 0.62)}px` } as CSSProperties}>
        <g className="nodes">
          <g className="node node-producer" transform={`translate(${nodeX(0)},${NODE_Y})`}>
            <rect x={-52} y={-20} width={104} height={40} rx={10} />
            <text textAnchor="middle" dy="0.35em">{t('anim.producer')}</text>
          </g>
          {brokers.map((b, i) => (
            <g key={b.id} className={`node node-broker node-${b.state}${b.fenced ? ' node-fenced' : ''}`} transform={`translate(${nodeX(i + 1)},${NODE_Y})`}>
              <rect x={-52} y={-20} width={104} height={40} rx={10} />
              <text textAnchor="middle" dy="0.35em">
                {b.state === 'crashed' ? '✕ ' : ''}{t('cluster.broker', { id: b.id })}
              </text>
              {b.fenced && <text className="node-tag" textAnchor="middle" y={-26}>{t('cluster.fenced')}</text>}
            </g>
          ))}
        </g>
        <defs>
          <marker id="stage-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 0L10 5L0 10z" fill="#64748b" />
          </marker>
        </defs>
        <g className="trails" />
        <g className="flights" />
        <g className="callouts" />
      </svg>
    </figure>
  );
}
