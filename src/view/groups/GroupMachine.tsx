/**
 * A group's state machine, drawn small in its card (issue 18): the five states of
 * core/machines/groupMachine.ts and its edges, the current state lit (filled, bold, "now"), the
 * transitions this step took drawn thick with their order, and in words below with their cause.
 * Kafka's state names stay as they are; the causes are translated.
 * Test hooks: `group-machine` (`data-group`, `data-state`, `data-transitions`), its states
 * `group-machine-state` (`data-state`, `data-current`) and taken edges `data-taken="true"`.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupStateName } from '../../core/model/groups';
import { GROUP_EDGES, GROUP_STATES, type GroupTransition } from './groupTransitions';

const W = 84;
const H = 46;
/** Box top-left corners in the SVG's user units (viewBox 400 × 192). */
const BOX: Record<GroupStateName, { x: number; y: number }> = {
  Empty: { x: 4, y: 62 },
  PreparingRebalance: { x: 106, y: 62 },
  CompletingRebalance: { x: 210, y: 62 },
  Stable: { x: 312, y: 62 },
  Dead: { x: 158, y: 142 },
};
/** Two lines for the long names, so the boxes stay small. */
const LINES: Record<GroupStateName, string[]> = {
  Empty: ['Empty'],
  PreparingRebalance: ['Preparing', 'Rebalance'],
  CompletingRebalance: ['Completing', 'Rebalance'],
  Stable: ['Stable'],
  Dead: ['Dead'],
};

const cx = (s: GroupStateName) => BOX[s].x + W / 2;
const top = (s: GroupStateName) => BOX[s].y;
const bottom = (s: GroupStateName) => BOX[s].y + H;
const midY = (s: GroupStateName) => BOX[s].y + H / 2;

/** An edge's path: forward along the row, backward as an arc above it, to and from Dead as a line below. */
function edgePath(from: GroupStateName, to: GroupStateName): string {
  if (to === 'Dead') return `M${cx(from)},${bottom(from)} L${cx(to) + (cx(from) - cx(to)) / 5},${top(to)}`;
  if (from === 'Dead') return `M${cx(from) + (cx(to) - cx(from)) / 5},${top(from)} L${cx(to)},${bottom(to)}`;
  const fx = BOX[from].x;
  const tx = BOX[to].x;
  if (tx > fx) return `M${fx + W},${midY(from)} L${tx},${midY(to)}`;
  // Backward: from the top of `from` to the top of `to`, higher the farther it goes.
  const x1 = cx(from) - 12;
  const x2 = cx(to) + 12;
  const lift = fx - tx > 150 ? 56 : 40;
  return `M${x1},${top(from)} C${x1},${top(from) - lift} ${x2},${top(to) - lift} ${x2},${top(to)}`;
}

export function GroupMachine({ group, state, transitions }: { group: string; state: GroupStateName; transitions: readonly GroupTransition[] }) {
  const { t } = useTranslation('groups');
  // Marker ids are document-wide: one pair per card.
  const arrow = `gm${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const taken = (from: GroupStateName, to: GroupStateName) => transitions.findIndex((x) => x.from === from && x.to === to);
  const causeOf = (x: GroupTransition) => t(`machine.cause.${x.cause}`, { member: x.member ?? '' });
  return (
    <figure className="group-machine" data-testid="group-machine" data-group={group} data-state={state}
      data-transitions={transitions.map((x) => `${x.from}>${x.to}`).join(',')}>
      <figcaption className="group-machine-title">{t('machine.title')}</figcaption>
      <svg viewBox="0 0 400 192" role="img" aria-label={t('machine.label', { state })}>
        <defs>
          <marker id={`${arrow}-a`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="gm-arrowhead" />
          </marker>
          <marker id={`${arrow}-t`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="gm-arrowhead-taken" />
          </marker>
        </defs>
        {GROUP_EDGES.map(([from, to]) => {
          const index = taken(from, to);
          // The loads out of Dead share their line with the unloads: drawn only when taken.
          if (from === 'Dead' && index < 0) return null;
          return (
            <path key={`${from}-${to}`} d={edgePath(from, to)} className={index >= 0 ? 'gm-edge gm-edge-taken' : 'gm-edge'}
              markerEnd={`url(#${arrow}-${index >= 0 ? 't' : 'a'})`} data-taken={index >= 0 ? 'true' : undefined} />
          );
        })}
        {GROUP_STATES.map((s) => {
          const current = s === state;
          const { x, y } = BOX[s];
          // The current state says so in words too ("● now"), inside its box: colour is never the only signal.
          const lines = current ? [...LINES[s], `● ${t('machine.now')}`] : LINES[s];
          return (
            <g key={s} className={`gm-state${current ? ' gm-current' : ''}`} data-testid="group-machine-state" data-state={s} data-current={String(current)}>
              <rect x={x} y={y} width={W} height={H} rx={7} />
              {lines.map((line, i) => (
                <text key={line} className={current && i === lines.length - 1 ? 'gm-now' : undefined} x={x + W / 2} y={y + H / 2 + (i - (lines.length - 1) / 2) * 12 + 4} textAnchor="middle">{line}</text>
              ))}
            </g>
          );
        })}
        {transitions.map((x, i) => {
          // The order of this step's transitions, at the middle of each taken edge's box gap.
          const from = BOX[x.from];
          const to = BOX[x.to];
          const mx = (from.x + to.x + W) / 2;
          const my = x.to === 'Dead' || x.from === 'Dead' ? (from.y + to.y + H) / 2 : to.x > from.x ? midY(x.from) - 8 : Math.min(from.y, to.y) - (Math.abs(from.x - to.x) > 150 ? 46 : 32);
          return transitions.length > 1 ? <text key={`${x.from}-${x.to}-${i}`} className="gm-order" x={mx} y={my} textAnchor="middle">{i + 1}</text> : null;
        })}
      </svg>
      {transitions.length === 0 ? <p className="group-machine-step muted">{t('machine.none')}</p>
        : transitions.length === 1 ? (
          <p className="group-machine-step">{t('machine.took', { from: transitions[0].from, to: transitions[0].to, cause: causeOf(transitions[0]) })}</p>
        ) : (
          <div className="group-machine-step">
            {t('machine.tookMany')}
            <ol>
              {transitions.map((x, i) => <li key={i}>{x.from} → {x.to}: {causeOf(x)}</li>)}
            </ol>
          </div>
        )}
    </figure>
  );
}
