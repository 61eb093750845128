/**
 * A group's lag over the last steps (issue 18), from its first commit in the last `LAG_WINDOW`
 * steps, a lazy chunk of the groups panel: the total (a
 * thick line with dots) and, for up to six partitions, one dashed line each, in SVG with scales
 * computed by hand (lagSeries.ts). The numbers come from the session (`samples`, replayed once per
 * position); the same numbers are said in a sentence and in a table of the last steps.
 * Hook: `data-testid="lag-chart"`, `data-group`, `data-last-lag` (the total at the cursor, empty
 * before the group's first commit).
 */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../store/sessionStore';
import { numberFormatFor } from '../numberFormat';
import { LAG_WINDOW, MAX_PARTITION_LINES, fromFirstValue, lagSample, lagSeries, lastValue, linePath, linear, niceTicks, peakValue } from './lagSeries';

const WIDTH = 320;
const HEIGHT = 150;
const PAD = { left: 34, right: 34, top: 10, bottom: 22 };
/** Dash patterns, so that lines differ without colour. */
const DASHES = ['6 3', '2 3', '8 3 2 3', '1 5', '10 4', '4 2 1 2'];
/** Rows of the table of values. */
const TABLE_ROWS = 12;

export default function LagChart({ group }: { group: string }) {
  const { t, i18n } = useTranslation('groups');
  const samples = useSession((s) => s.samples);
  const scenario = useSession((s) => s.scenario);
  const position = useSession((s) => s.position);
  const titleId = useId();
  const descId = useId();
  const series = useMemo(
    () => (scenario ? fromFirstValue(lagSeries(samples('lag', Math.max(0, position - LAG_WINDOW), position, lagSample), group)) : null),
    [samples, scenario, position, group],
  );
  if (!series) return null;
  const fmt = numberFormatFor(i18n.language).format;
  const last = lastValue(series.total);
  const atCursor = series.total.at(-1) ?? null;
  const peak = peakValue(series.total);
  if (!last || !peak) {
    return <p className="muted lag-empty" data-testid="lag-chart" data-group={group} data-last-lag="">{t('chart.empty')}</p>;
  }

  const drawn = series.partitions.length <= MAX_PARTITION_LINES ? series.partitions : [];
  const ticks = niceTicks(peak.value);
  const top = ticks[ticks.length - 1];
  const first = series.positions[0];
  const end = series.positions[series.positions.length - 1];
  const x = linear(first, end, PAD.left, WIDTH - PAD.right);
  const y = linear(0, top, HEIGHT - PAD.bottom, PAD.top);
  const xs = series.positions.map(x);
  const lastParts = series.partitions
    .map((tp) => [tp, series.byPartition[tp].at(-1) ?? null] as const)
    .filter(([, v]) => v !== null)
    .map(([tp, v]) => `${tp}: ${fmt(v ?? 0)}`);
  const summaryParams = { lag: fmt(atCursor ?? last.value), peak: fmt(peak.value), peakStep: series.positions[peak.index], parts: lastParts.join(', ') };
  const summary = lastParts.length > 1 ? t('chart.summary', summaryParams) : t('chart.summaryOne', summaryParams);
  const rows = series.positions.map((p, i) => ({ p, i })).slice(-TABLE_ROWS).reverse();

  return (
    <figure className="lag-chart" data-testid="lag-chart" data-group={group} data-last-lag={atCursor ?? ''}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>{t('chart.svgTitle', { group, from: first, to: end })}</title>
        <desc id={descId}>{summary}</desc>
        <g className="lag-axis" aria-hidden="true">
          {ticks.map((v) => (
            <g key={v}>
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} className="lag-grid" />
              <text x={PAD.left - 4} y={y(v) + 3} textAnchor="end">{fmt(v)}</text>
            </g>
          ))}
          <text x={PAD.left} y={HEIGHT - 6} textAnchor="start">{t('chart.step', { n: first })}</text>
          <text x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end">{t('chart.step', { n: end })}</text>
        </g>
        {drawn.map((tp, i) => (
          <path key={tp} d={linePath(xs, series.byPartition[tp], y)} className="lag-line" strokeDasharray={DASHES[i % DASHES.length]} aria-hidden="true" />
        ))}
        <path d={linePath(xs, series.total, y)} className="lag-line lag-total" aria-hidden="true" />
        {series.total.length <= 60 && series.total.map((v, i) => (v === null ? null : <circle key={i} cx={xs[i]} cy={y(v)} r={2} className="lag-dot" aria-hidden="true" />))}
        <text x={Math.min(xs[last.index] + 4, WIDTH - 2)} y={y(last.value) + 3} className="lag-last" aria-hidden="true">{fmt(last.value)}</text>
      </svg>
      <figcaption>
        <p className="lag-summary">{summary}</p>
        <ul className="lag-legend" aria-hidden="true">
          <li><svg width="24" height="8"><line x1="0" x2="24" y1="4" y2="4" className="lag-line lag-total" /></svg>{t('chart.total')}</li>
          {drawn.map((tp, i) => (
            <li key={tp}><svg width="24" height="8"><line x1="0" x2="24" y1="4" y2="4" className="lag-line" strokeDasharray={DASHES[i % DASHES.length]} /></svg>{tp}</li>
          ))}
        </ul>
        <details className="lag-values">
          <summary>{t('chart.values')}</summary>
          <table className="group-committed">
            <thead>
              <tr>
                <th scope="col">{t('chart.colStep')}</th>
                <th scope="col">{t('chart.colTime')}</th>
                <th scope="col">{t('chart.colTotal')}</th>
                {series.partitions.map((tp) => <th key={tp} scope="col">{tp}</th>)}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ p, i }) => (
                <tr key={p}>
                  <th scope="row">{p}</th>
                  <td>{fmt(series.timesMs[i])}</td>
                  <td>{series.total[i] === null ? '—' : fmt(series.total[i] ?? 0)}</td>
                  {series.partitions.map((tp) => {
                    const v = series.byPartition[tp][i];
                    return <td key={tp}>{v === null ? '—' : fmt(v)}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
