/**
 * The chart over time (issue 21), a lazy chunk: for the focused partition (the inspector's
 * subject; without one, the first user partition), its HW and each replica's LEO at every
 * position of the timeline, and below them the ISR's size, with the current position marked.
 * Clicking the chart seeks to the step under the pointer; the table of values' step buttons
 * seek too (the keyboard's way). With two session stores (the split view) both panes' lines are
 * overlaid, the second dashed, and the sentence says where they part.
 *
 * The numbers come from seriesJob.ts (the scenario replayed once, in idle time, cached per
 * scenario). Hooks: `data-testid="time-chart"` with `data-topic`, `data-partition`, `data-at`
 * (the marked position), `data-total`, `data-ready`, `data-panes`, `data-hw` (first pane's HW at
 * the mark), `data-parted` (split: the first step where the panes' numbers differ); `time-chart-point` (`data-step`, `data-pane`); `time-chart-row` (`data-step`,
 * `data-pane`). See docs/ui-contract.md.
 */
import { memo, useCallback, useContext, useId, useMemo, useRef, useState, useSyncExternalStore, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../core/model/scenario';
import type { World } from '../../core/model/world';
import { ensureNamespace } from '../../i18n/lazyNamespace';
import chartEn from '../../i18n/chart.en.json';
import chartZh from '../../i18n/chart.zh.json';
import { SessionContext, useSessionOf, type SessionStore } from '../../store/sessionStore';
import { useSplit } from '../../store/splitStore';
import { useView, type Selection } from '../../store/viewStore';
import { numberFormatFor } from '../numberFormat';
import { usePanelValue } from '../panelValue';
import { changeSteps, chartFacts, hwSteps, firstDifference, linear, niceTicks, stepPath, windowAround, type ChartFacts } from './chartFacts';
import { seriesKey, valuesAt, type PartitionSeries } from './partitionSeries';
import { seriesJobFor, type SeriesJob } from './seriesJob';
import './chart.css';

/** The drawing's width follows its box (text stays at its size on a phone), within these bounds. */
const MIN_WIDTH = 300;
const MAX_WIDTH = 640;
const HEIGHT = 232;
const PAD = { left: 30, right: 46, top: 14 };
const OFFSETS_BOTTOM = 150;
const ISR_TOP = 176;
const ISR_BOTTOM = 204;
/** Replica colours (the lines are also named at their ends and in the legend: colour is never alone). */
const COLOURS = ['#b54708', '#067647', '#6941c6', '#c11574', '#0e7090', '#475467'];
const PANE_DASH = '5 3';
/** Rows of the table of values: the change steps nearest the cursor. */
const TABLE_ROWS = 24;
/** Points (HW changes and falls) are drawn up to this many per pane. */
const MAX_POINTS = 80;
const MAX_FALLS_SAID = 3;

/** The scenario's series job, and its version (it changes as the job gets further). */
function useJob(scenario: Scenario | null): [SeriesJob | null, number] {
  const job = useMemo(() => (scenario ? seriesJobFor(scenario) : null), [scenario]);
  const version = useSyncExternalStore(
    (listener) => (job ? job.subscribe(listener) : () => {}),
    () => (job ? job.version : -1),
  );
  return [job, version];
}

/** The width of the chart's box in CSS pixels, kept up to date (480 until measured), and the ref to put on the box. */
function useBoxWidth(): [number, (box: HTMLElement | null) => void] {
  const [width, setWidth] = useState(480);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((box: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!box || typeof ResizeObserver !== 'function') return;
    observer.current = new ResizeObserver(([entry]) => {
      const w = Math.round(Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, entry.contentRect.width)));
      setWidth((old) => (Math.abs(old - w) >= 8 ? w : old));
    });
    observer.current.observe(box);
  }, []);
  return [width, ref];
}

/** Drawn paths by values array and scale (the timeline's lines do not change as the cursor moves). */
const paths = new WeakMap<readonly unknown[], Map<string, string>>();
function cachedPath(values: readonly (number | null)[], scale: string, draw: () => string): string {
  let byScale = paths.get(values);
  if (!byScale) {
    byScale = new Map();
    paths.set(values, byScale);
  }
  let d = byScale.get(scale);
  if (d === undefined) {
    d = draw();
    byScale.clear();
    byScale.set(scale, d);
  }
  return d;
}
const isrSizes = new WeakMap<PartitionSeries, { upTo: number; sizes: (number | null)[] }>();
function isrSizesOf(s: PartitionSeries, upTo: number): (number | null)[] {
  const known = isrSizes.get(s);
  if (known && known.upTo === upTo) return known.sizes;
  const sizes = s.isr.map((isr) => (isr ? isr.length : null));
  isrSizes.set(s, { upTo, sizes });
  return sizes;
}

const peaks = new WeakMap<PartitionSeries, { upTo: number; offset: number; isr: number }>();
/** The highest offset (HW or LEO) and ISR size of a series. */
function peaksOf(s: PartitionSeries, upTo: number): { offset: number; isr: number } {
  const known = peaks.get(s);
  if (known && known.upTo === upTo) return known;
  let offset = 0;
  let isr = 0;
  for (const values of [s.hw, ...s.leo.values()]) for (const v of values) if (v !== null && v > offset) offset = v;
  for (const members of s.isr) if (members && members.length > isr) isr = members.length;
  const found = { upTo, offset, isr };
  peaks.set(s, found);
  return found;
}

function defaultPartition(world: World | null): { topic: string; partition: number } | null {
  const topic = world?.topics.find((t) => !t.name.startsWith('__')) ?? world?.topics[0];
  return topic ? { topic: topic.name, partition: 0 } : null;
}

/** End labels pushed apart so that none covers another. */
function spread(labels: { y: number; text: string; colour: string; key: string }[], gap = 10) {
  const sorted = [...labels].sort((a, b) => a.y - b.y);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].y - sorted[i - 1].y < gap) sorted[i] = { ...sorted[i], y: sorted[i - 1].y + gap };
  return sorted;
}

export interface TimeChartProps {
  /** The sessions to draw: one, or the split view's two (the first one's position is the cursor). */
  stores?: SessionStore[];
}

/** After a step or a jump the chart follows the session one render behind the picture (panelValue.ts). */
export default function TimeChart({ stores: given }: TimeChartProps) {
  const context = useContext(SessionContext);
  const stores = given ?? [context];
  const a = stores[0];
  const b = stores[1] ?? null;
  const scenarioA = useSessionOf(a, (s) => s.scenario);
  const scenarioB = useSessionOf(b ?? a, (s) => s.scenario);
  const position = usePanelValue(useSessionOf(a, (s) => s.position), a);
  const total = useSessionOf(a, (s) => s.total);
  const world = usePanelValue(useSessionOf(a, (s) => s.world), a);
  const selection = useView((s) => s.selection);
  const split = useSplit();
  const [jobA, versionA] = useJob(scenarioA);
  const [jobB, versionB] = useJob(b ? scenarioB : null);
  return <Chart a={a} b={b} position={position} total={total} world={world} selection={selection} split={split} jobA={jobA} jobB={jobB} versionA={versionA} versionB={versionB} />;
}

interface ChartProps {
  a: SessionStore;
  b: SessionStore | null;
  position: number;
  total: number;
  world: World | null;
  selection: Selection | null;
  split: string | null;
  jobA: SeriesJob | null;
  jobB: SeriesJob | null;
  /** The jobs' versions: a job is the same object as it gets further. */
  versionA: number;
  versionB: number;
}

const Chart = memo(function Chart({ a, b, position, total, world, selection, split, jobA, jobB }: ChartProps) {
  const { t, i18n } = useTranslation('chart');
  ensureNamespace(i18n, 'chart', { en: chartEn, zh: chartZh });
  const titleId = useId();
  const descId = useId();
  const [WIDTH, boxRef] = useBoxWidth();
  const focus = selection === null ? defaultPartition(world) : selection.kind === 'partition' ? selection : null;
  if (!focus || !jobA) return null;
  const name = `${focus.topic}-${focus.partition}`;
  const key = seriesKey(focus.topic, focus.partition);
  const fmt = numberFormatFor(i18n.language).format;
  const panes = b ? 2 : 1;
  const jobs = b && jobB ? [jobA, jobB] : [jobA];
  const ready = jobs.every((j) => j.done);
  const hooks = { 'data-testid': 'time-chart', 'data-topic': focus.topic, 'data-partition': focus.partition, 'data-at': position, 'data-total': total, 'data-panes': panes };

  if (!ready) {
    const done = jobs.reduce((n, j) => n + Math.max(0, j.series.upTo), 0);
    const all = jobs.reduce((n, j) => n + j.series.length, 0);
    return (
      <section className="time-chart" ref={boxRef} {...hooks} data-ready="false" data-hw="">
        <h3>{t('title', { name })}</h3>
        <p className="muted" aria-busy="true">{t('loading', { percent: all === 0 ? 100 : Math.floor((100 * done) / all) })}</p>
      </section>
    );
  }

  const series = jobs.map((j) => j.series.partitions.get(key));
  const s0 = series[0];
  if (!s0) {
    return <section className="time-chart" ref={boxRef} {...hooks} data-ready="true" data-hw=""><p className="muted">{t('gone', { name })}</p></section>;
  }
  const upTo = Math.min(...jobs.map((j) => j.series.upTo));
  const last = jobs[0].series.length;
  const at = Math.min(position, last);
  const paneNames = b ? [t('translation:split.paneA'), t('translation:split.paneB', { changes: split ?? '' })] : [''];

  // Scales: every value of every pane fits.
  let top = 1;
  let isrTop = 1;
  for (const s of series) {
    if (!s) continue;
    const peaks = peaksOf(s, upTo);
    top = Math.max(top, peaks.offset);
    isrTop = Math.max(isrTop, peaks.isr, s.brokers.length);
  }
  const ticks = niceTicks(top);
  // Half a step past the last position, so that its value shows as a short run, not a bare jump.
  const x = linear(0, Math.max(1, last) + 0.5, PAD.left, WIDTH - PAD.right);
  const y = linear(0, ticks[ticks.length - 1], OFFSETS_BOTTOM, PAD.top);
  const yIsr = linear(0, isrTop, ISR_BOTTOM, ISR_TOP);
  const scale = `${upTo}|${last}|${WIDTH}|${ticks[ticks.length - 1]}|${isrTop}`;
  const brokers = [...new Set(series.flatMap((s) => s?.brokers ?? []))].sort((p, q) => p - q);
  const colour = (broker: number) => COLOURS[brokers.indexOf(broker) % COLOURS.length];

  const facts = series.map((s) => (s ? chartFacts(s, Math.min(at, upTo), upTo) : null));
  const parted = b ? firstDifference(series[0], series[1], upTo) : null;
  // Joined by the catalog's words: Intl.ListFormat's Chinese puts no space between "1" and "和broker".
  const list = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(t('summary.listSep'))}${t('summary.listAnd')}${items[items.length - 1]}`);
  const say = (f: ChartFacts | null): string => {
    if (!f) return t('gone', { name });
    const first = f.hw === null ? t('summary.noHw', { at }) : f.hw.from === f.hw.to
      ? t('summary.hwOne', { hw: fmt(f.hw.value), at: f.hw.from })
      : t('summary.hwRun', { hw: fmt(f.hw.value), from: f.hw.from, to: f.hw.to });
    const falls = f.falls.slice(0, MAX_FALLS_SAID).map((fall) => (fall.broker === null
      ? t('summary.hwFall', { from: fmt(fall.from), to: fmt(fall.to), step: fall.step })
      : t('summary.leoFall', { broker: fall.broker, from: fmt(fall.from), to: fmt(fall.to), step: fall.step })));
    if (f.falls.length > MAX_FALLS_SAID) falls.push(t('summary.more', { count: f.falls.length - MAX_FALLS_SAID }));
    const opening = falls.length > 0 ? t('summary.while', { first, list: list(falls) }) : t('summary.plain', { first });
    const isr = f.isrLow ? t('summary.isrLow', { size: f.isrLow.size, replicas: f.isrLow.replicas, step: f.isrLow.step }) : t('summary.isrFull', { replicas: f.replicas });
    return t('summary.join', { a: opening, b: isr });
  };
  const summaries = facts.map(say);
  const summary = b
    ? [...summaries.map((text, i) => t('summary.pane', { pane: paneNames[i], text })), parted === null ? t('summary.same') : t('summary.parted', { step: parted })].join(' ')
    : summaries[0];

  const seek = (step: number) => a.getState().seek(step);
  const onClick = (event: MouseEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    if (rect.width === 0) return;
    const vx = ((event.clientX - rect.left) * WIDTH) / rect.width;
    const step = Math.round(((vx - PAD.left) / (WIDTH - PAD.left - PAD.right)) * (Math.max(1, last) + 0.5));
    seek(Math.max(0, Math.min(last, step)));
  };

  const labels = spread(series.flatMap((s, pane) => {
    if (!s) return [];
    const mark = pane === 0 ? '' : '′';
    const hwEnd = s.hw[upTo];
    const out = hwEnd === null || hwEnd === undefined ? [] : [{ key: `hw${pane}`, y: y(hwEnd) + 3, text: `HW${mark}`, colour: '#1d4ed8' }];
    for (const broker of s.brokers) {
      const v = s.leo.get(broker)?.[upTo];
      if (v !== null && v !== undefined) out.push({ key: `leo${pane}-${broker}`, y: y(v) + 3, text: `b${broker}${mark}`, colour: colour(broker) });
    }
    return out;
  }));

  return (
    <section className="time-chart" ref={boxRef} {...hooks} data-ready="true" data-hw={valuesAt(s0, at).hw ?? ''} data-parted={parted ?? ''}>
      <h3>{t('title', { name })}</h3>
      <figure>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${titleId} ${descId}`} onClick={onClick}>
          <title id={titleId}>{t('svgTitle', { name, total: last })}</title>
          <desc id={descId}>{summary}</desc>
          <g className="tc-axis" aria-hidden="true">
            {ticks.map((v) => (
              <g key={v}>
                <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} className="tc-grid" />
                <text x={PAD.left - 4} y={y(v) + 3} textAnchor="end">{fmt(v)}</text>
              </g>
            ))}
            <text x={PAD.left} y={PAD.top - 4} textAnchor="start">{t('offsets')}</text>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={yIsr(0)} y2={yIsr(0)} className="tc-grid" />
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={yIsr(isrTop)} y2={yIsr(isrTop)} className="tc-grid" />
            <text x={PAD.left - 4} y={yIsr(isrTop) + 3} textAnchor="end">{isrTop}</text>
            <text x={PAD.left - 4} y={yIsr(0) + 3} textAnchor="end">0</text>
            <text x={PAD.left} y={ISR_TOP - 5} textAnchor="start">{t('isr')}</text>
            {x(at) - PAD.left > 90 && <text x={PAD.left} y={HEIGHT - 6} textAnchor="start">{t('step', { n: 0 })}</text>}
            {x(last) - x(at) > 90 && <text x={x(last)} y={HEIGHT - 6} textAnchor="end">{t('step', { n: last })}</text>}
          </g>
          <rect x={PAD.left} y={PAD.top} width={WIDTH - PAD.left - PAD.right} height={ISR_BOTTOM - PAD.top} className="tc-hit" />
          {series.map((s, pane) => s && (
            <g key={pane} className={`tc-pane tc-pane-${pane}`} aria-hidden="true" strokeDasharray={pane === 1 ? PANE_DASH : undefined}>
              {s.brokers.map((broker) => {
                const values = s.leo.get(broker) ?? [];
                return <path key={broker} d={cachedPath(values, scale, () => stepPath(values, upTo, x, y))} className="tc-line tc-leo" stroke={colour(broker)} />;
              })}
              <path d={cachedPath(s.hw, scale, () => stepPath(s.hw, upTo, x, y))} className="tc-line tc-hw" />
              <path d={cachedPath(isrSizesOf(s, upTo), scale, () => stepPath(isrSizesOf(s, upTo), upTo, x, yIsr))} className="tc-line tc-isr" />
            </g>
          ))}
          {series.map((s, pane) => {
            if (!s) return null;
            const f = facts[pane];
            const points = hwSteps(s, upTo).concat((f?.falls ?? []).filter((fall) => fall.broker !== null).map((fall) => fall.step));
            const unique = [...new Set(points)].sort((p, q) => p - q);
            if (unique.length > MAX_POINTS) return null;
            return (
              <g key={`p${pane}`} className={`tc-points tc-pane-${pane}`}>
                {unique.map((step) => {
                  const fall = f?.falls.find((one) => one.step === step && one.broker !== null);
                  const v = fall ? fall.to : (s.hw[step] ?? 0);
                  return (
                    <circle key={step} cx={x(step)} cy={y(v)} r={pane === 0 ? 4 : 3} data-testid="time-chart-point" data-step={step} data-pane={pane === 0 ? 'a' : 'b'}
                      className={fall ? 'tc-point tc-fall' : 'tc-point'} stroke={fall ? colour(fall.broker ?? 0) : undefined} aria-hidden="true">
                      <title>{t('step', { n: step })}</title>
                    </circle>
                  );
                })}
              </g>
            );
          })}
          {parted !== null && (
            <g className="tc-parted" aria-hidden="true">
              <line x1={x(parted)} x2={x(parted)} y1={PAD.top} y2={ISR_BOTTOM} />
              <text x={x(parted) + 3} y={ISR_TOP - 5}>{t('partedShort', { step: parted })}</text>
            </g>
          )}
          <g className="tc-cursor" aria-hidden="true" data-testid="time-chart-cursor" data-step={at}>
            <line x1={x(at)} x2={x(at)} y1={PAD.top - 2} y2={ISR_BOTTOM + 2} />
            <text x={Math.min(Math.max(x(at), PAD.left + 30), WIDTH - PAD.right - 10)} y={HEIGHT - 6} textAnchor="middle">{t('now', { n: at })}</text>
          </g>
          <g aria-hidden="true" className="tc-labels">
            {labels.map((l) => <text key={l.key} x={WIDTH - PAD.right + 4} y={l.y} fill={l.colour}>{l.text}</text>)}
          </g>
        </svg>
        <figcaption>
          {b
            ? <>{summaries.map((text, i) => <p key={i} className="tc-summary"><strong>{t('summary.paneLabel', { pane: paneNames[i] })}</strong> {text}</p>)}<p className="tc-summary">{parted === null ? t('summary.same') : t('summary.parted', { step: parted })}</p></>
            : <p className="tc-summary">{summary}</p>}
          <ul className="tc-legend" aria-hidden="true">
            <li><svg width="22" height="8"><line x1="0" x2="22" y1="4" y2="4" className="tc-line tc-hw" /></svg>{t('hw')}</li>
            {brokers.map((broker) => (
              <li key={broker}><svg width="22" height="8"><line x1="0" x2="22" y1="4" y2="4" className="tc-line tc-leo" stroke={colour(broker)} /></svg>{t('leo', { broker })}</li>
            ))}
            <li><svg width="22" height="8"><line x1="0" x2="22" y1="4" y2="4" className="tc-line tc-isr" /></svg>{t('isr')}</li>
            {b && <li>{t('panes', { a: paneNames[0], b: paneNames[1] })}</li>}
          </ul>
          <p className="tc-hint muted">{t('hint')}</p>
          <details className="tc-values">
            <summary>{t('values')}</summary>
            {series.map((s, pane) => s && (
              <ValuesTable key={pane} s={s} pane={pane} paneName={paneNames[pane]} name={name} at={at} upTo={upTo} timeMs={jobs[pane].series.timeMs} onSeek={seek} />
            ))}
          </details>
        </figcaption>
      </figure>
    </section>
  );
});

function ValuesTable({ s, pane, paneName, name, at, upTo, timeMs, onSeek }: {
  s: PartitionSeries; pane: number; paneName: string; name: string; at: number; upTo: number; timeMs: number[]; onSeek: (step: number) => void;
}) {
  const { t, i18n } = useTranslation('chart');
  const fmt = numberFormatFor(i18n.language).format;
  const rows = windowAround(changeSteps(s, upTo), at, TABLE_ROWS);
  const current = rows.filter((r) => r <= at).at(-1);
  return (
    <div className="tc-table-wrap" role="region" aria-label={t('caption', { name, pane: paneName })} tabIndex={0}>
      <table className="inspector-table">
        <caption>{paneName ? t('caption', { name, pane: paneName }) : t('captionOne', { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colStep')}</th>
            <th scope="col" className="num">{t('colTime')}</th>
            <th scope="col" className="num">HW</th>
            {s.brokers.map((broker) => <th key={broker} scope="col" className="num">{t('colLeo', { broker })}</th>)}
            <th scope="col">ISR</th>
            <th scope="col">{t('colLeader')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((step) => {
            const v = valuesAt(s, step);
            return (
              <tr key={step} data-testid="time-chart-row" data-step={step} data-pane={pane === 0 ? 'a' : 'b'} aria-current={step === current ? 'step' : undefined}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onSeek(step)} aria-label={t('goTo', { n: step })}>{step}</button>
                </th>
                <td className="num">{fmt(timeMs[step] ?? 0)}</td>
                <td className="num">{v.hw ?? '—'}</td>
                {s.brokers.map((broker) => <td key={broker} className="num">{v.leo[broker] ?? '—'}</td>)}
                <td>{v.isr ? v.isr.join(', ') || '∅' : '—'}</td>
                <td>{v.leader ?? t('noLeader')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
