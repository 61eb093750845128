import { Fragment, lazy, Suspense, useEffect, useId, useMemo, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { partitionDiffKey, useDiffers } from './split/differs';
import { useTranslation } from 'react-i18next';
import type { BrokerReport, PartitionReport, Report } from '../core/model/report';
import type { ConsumerState } from '../core/model/groups';
import type { Step } from '../core/model/scenario';
import { useSession } from '../store/sessionStore';
import { viewActions } from '../store/viewStore';
import { BrokerMenu } from './controls/BrokerMenu';
import { logWindow } from './layout/logWindow';
import { ReplicaLog } from './ReplicaLog';
import type { ConsumerMarksInput } from './groups/consumerMarks';
import { FULL_DRAW_PARTITIONS, isInternalTopic, partitionKey, partitionLag, replicaChanges, replicaRole } from './viewModel';
import { useNarrationSettled } from './narration/useNarration';
import { browserIdle } from '../app/idle';

/**
 * The animation layer (d3-selection, d3-timer, d3-ease) is not needed for the first picture:
 * its own chunk, loaded right after. It overlays the grid, so it takes no room of its own.
 */
const EventStage = lazy(() => import('./EventStage').then((m) => ({ default: m.EventStage })));
/** The legend's consumer marks come with the groups' chunk. */
const ConsumerLegendItems = lazy(() => import('./groups/ConsumerLane').then((m) => ({ default: m.ConsumerLegendItems })));

/** What the leader strips need for the consumer marks beyond the report: the world's consumers and the steps. */
export interface ConsumerContext {
  consumers: readonly ConsumerState[];
  steps: readonly Step[];
  /** Steps applied. */
  position: number;
}

function PartitionFacts({ partition, compact }: { partition: PartitionReport; compact: boolean }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <div><dt>{t('cluster.leader')}</dt><dd>{partition.leader ?? t('cluster.noLeader')}</dd></div>
      <div><dt>{t('cluster.epoch')}</dt><dd>{partition.leaderEpoch}</dd></div>
      <div><dt>{t('cluster.hw')}</dt><dd>{partition.highWatermark}</dd></div>
      <div><dt>{t('cluster.isr')}</dt><dd>{compact ? `${partition.isr.length}/${partition.replicas.length}` : partition.isr.join(', ') || '—'}</dd></div>
      {compact && <div><dt>{t('cluster.lag')}</dt><dd>{partitionLag(partition)}</dd></div>}
    </dl>
  );
}

/** The partition's summary: the one element with `data-testid="partition"` for it. */
function PartitionSummary({ partition, row, selectable, selected, onSelect }: {
  partition: PartitionReport; row?: number; selectable: boolean; selected: boolean; onSelect: () => void;
}) {
  const { t } = useTranslation();
  const differs = useDiffers();
  const name = partitionKey(partition);
  const shrunk = partition.isr.length < partition.replicas.length;
  const interactive = selectable
    ? {
        role: 'button', tabIndex: 0, 'aria-pressed': selected, 'aria-label': t('cluster.showReplicas', { partition: name }),
        onClick: onSelect,
        onKeyDown: (event: KeyboardEvent) => {
          if (event.key === 'Enter') onSelect();
        },
      }
    : {};
  return (
    <div
      className={`partition${selectable ? ' partition-selectable' : ''}${selected ? ' partition-selected' : ''}${shrunk ? ' partition-shrunk' : ''}${partition.leader === null ? ' partition-leaderless' : ''}`}
      style={row ? { gridRow: row } : undefined}
      data-testid="partition"
      data-topic={partition.topic}
      data-partition={partition.partition}
      data-leader={partition.leader ?? ''}
      data-epoch={partition.leaderEpoch}
      data-hw={partition.highWatermark}
      data-isr={partition.isr.join(',')}
      data-differs={differs?.partitions.has(partitionDiffKey(partition.topic, partition.partition)) ? 'true' : undefined}
      {...interactive}
    >
      {selectable ? (
        <h3 className="partition-name">{breakable(name)}</h3>
      ) : (
        <h3 className="partition-name">
          <button type="button" className="link-button" aria-label={t('inspector.inspect', { name })}
            onClick={() => viewActions().select({ kind: 'partition', topic: partition.topic, partition: partition.partition })}>
            {breakable(name)}
          </button>
        </h3>
      )}
      <PartitionFacts partition={partition} compact={selectable} />
    </div>
  );
}

/**
 * A partition's name with a line break allowed after each hyphen: in a narrow column "orders-0"
 * wraps as "orders-" and "0", not inside the topic's name (no break is allowed before a digit).
 */
function breakable(name: string): ReactNode {
  return name.split('-').map((part, i) => (i === 0 ? part : <Fragment key={i}>-<wbr />{part}</Fragment>));
}

function BrokerHead({ broker, manual, editable }: { broker: BrokerReport; manual: boolean; editable: boolean }) {
  const { t } = useTranslation();
  return (
    <header className="broker-head">
      <h3>
        <button type="button" className="link-button" aria-label={t('inspector.inspect', { name: t('cluster.broker', { id: broker.id }) })}
          onClick={() => viewActions().select({ kind: 'broker', broker: broker.id })}>
          {t('cluster.broker', { id: broker.id })}
        </button>
      </h3>
      <span className={`chip state-${broker.state}`}>{t(`cluster.state.${broker.state}`)}</span>
      {broker.fenced && <span className="chip chip-fenced">{t('cluster.fenced')}</span>}
      {editable && <BrokerMenu id={broker.id} manual={manual} />}
    </header>
  );
}

function Legend({ groups }: { groups: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="legend" aria-label={t('cluster.legendLabel')}>
      <li><span className="swatch swatch-committed" aria-hidden="true" />{t('cluster.legendCommitted')}</li>
      <li><span className="swatch swatch-uncommitted" aria-hidden="true" />{t('cluster.legendUncommitted')}</li>
      <li><span className="legend-crown" aria-hidden="true">♛</span>{t('cluster.legendLeader')}</li>
      <li><span className="swatch swatch-out" aria-hidden="true" />{t('cluster.legendOutOfIsr')}</li>
      {groups && <Suspense fallback={null}><ConsumerLegendItems /></Suspense>}
    </ul>
  );
}

/**
 * The cluster: brokers as columns, one row per drawn partition (its summary first), each
 * replica a log strip in its broker's column. Small clusters draw every user-topic replica; a
 * larger one lists compact summaries, and selecting one draws that partition in full.
 */
/** Once the layer has been mounted, a later cluster (another scenario) mounts it at once. */
let stageOnce = false;

/**
 * The animation layer, once the narration is in (`useNarrationSettled`) and the browser is idle
 * (at most 1 s later): nothing moves before the first step, and its chunk and first drawing
 * (about 100 ms on a phone) otherwise share the first load's network and thread with the page.
 */
function AnimationLayer() {
  const settled = useNarrationSettled();
  const [ready, setReady] = useState(stageOnce);
  useEffect(() => {
    if (ready || !settled) return undefined;
    const idle = browserIdle(1000);
    const handle = idle.request(() => {
      stageOnce = true;
      setReady(true);
    });
    return () => idle.cancel(handle);
  }, [ready, settled]);
  return ready ? <Suspense fallback={null}><EventStage /></Suspense> : null;
}

export function ClusterView({ report, manual = false, editable = true, animate = true, consumers }: {
  report: Report; manual?: boolean; editable?: boolean; animate?: boolean;
  /** Draw the consumer marks on the leaders' strips (absent: none). */
  consumers?: ConsumerContext;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [focused, setFocused] = useState<string | null>(null);
  const events = useSession((s) => s.events);
  const changes = useMemo(() => replicaChanges(events), [events]);
  const marksInput = useMemo<ConsumerMarksInput | undefined>(
    () => (consumers ? { groups: report.groups, polled: report.polled, ...consumers } : undefined),
    [consumers, report.groups, report.polled],
  );
  const userPartitions = report.partitions.filter((p) => !isInternalTopic(p.topic));
  const drawAllUser = userPartitions.length <= FULL_DRAW_PARTITIONS;
  const compact = report.partitions.filter((p) => isInternalTopic(p.topic) || !drawAllUser);
  const compactKeys = new Set(compact.map(partitionKey));
  const compactUser = compact.filter((p) => !isInternalTopic(p.topic));
  const internalTopics = [...new Set(compact.filter((p) => isInternalTopic(p.topic)).map((p) => p.topic))]
    .map((topic) => [topic, compact.filter((p) => p.topic === topic)] as const);
  const drawn = report.partitions.filter((p) => !compactKeys.has(partitionKey(p)) || partitionKey(p) === focused);
  const windows = new Map(drawn.map((p) => [partitionKey(p), logWindow(p)]));
  const toggle = (p: PartitionReport) => {
    const key = partitionKey(p);
    setFocused((current) => (current === key ? null : key));
    viewActions().select({ kind: 'partition', topic: p.topic, partition: p.partition });
  };
  const gridStyle = { '--brokers': report.brokers.length, '--rows': Math.max(1, drawn.length) } as CSSProperties;

  return (
    <section className="cluster" aria-labelledby={titleId}>
      <h2 id={titleId} className="sr-only">{t('cluster.label')}</h2>
      {compactUser.length > 0 && (
        <div className={`partition-cards${compactUser.length > FULL_DRAW_PARTITIONS ? ' partition-cards-dense' : ''}`}>
          <p className="muted">{t('cluster.compactHint')}</p>
          {compactUser.map((p) => (
            <PartitionSummary
              key={partitionKey(p)} partition={p} selectable selected={partitionKey(p) === focused}
              onSelect={() => toggle(p)}
            />
          ))}
        </div>
      )}
      <div className="cluster-grid" style={gridStyle}>
        <div className="partition-column">
          <h3 className="column-title">{t('cluster.partitions')}</h3>
          {drawn.map((p, i) =>
            compactKeys.has(partitionKey(p)) ? (
              <div key={partitionKey(p)} className="partition partition-label" style={{ gridRow: i + 2 }}>
                <h3 className="partition-name">{breakable(partitionKey(p))}</h3>
              </div>
            ) : (
              <PartitionSummary key={partitionKey(p)} partition={p} row={i + 2} selectable={false} selected={false} onSelect={() => undefined} />
            ),
          )}
        </div>
        {report.brokers.map((broker, column) => (
          <article
            key={broker.id}
            className={`broker broker-${broker.state}${broker.fenced ? ' broker-fenced' : ''}`}
            style={{ gridColumn: column + 2 }}
            data-testid="broker"
            data-broker={broker.id}
            data-state={broker.state}
            data-fenced={String(broker.fenced)}
          >
            <BrokerHead broker={broker} manual={manual} editable={editable} />
            {drawn.map((p, i) => {
              const replica = p.replicaStates.find((r) => r.broker === broker.id);
              const window = windows.get(partitionKey(p));
              if (!replica || !window) return null;
              return (
                <ReplicaLog
                  key={partitionKey(p)} partition={p} replica={replica} row={i + 2} window={window}
                  role={replicaRole(p, broker.id, report.brokers)} inIsr={p.isr.includes(broker.id)}
                  change={changes.get(`${partitionKey(p)}-${broker.id}`)} consumers={marksInput}
                />
              );
            })}
          </article>
        ))}
        {animate && <AnimationLayer />}
      </div>
      {internalTopics.map(([topic, partitions]) => (
        // Internal topics (the groups' __consumer_offsets) stay folded below the user's topics:
        // fifty summaries above the brokers would push the user's replicas off the screen.
        <details key={topic} className="internal-topic">
          <summary>{t('cluster.internalSummary', { topic, count: partitions.length })}</summary>
          <div className="partition-cards partition-cards-dense">
            {partitions.map((p) => (
              <PartitionSummary
                key={partitionKey(p)} partition={p} selectable selected={partitionKey(p) === focused}
                onSelect={() => toggle(p)}
              />
            ))}
          </div>
        </details>
      ))}
      <Legend groups={marksInput !== undefined && report.groups.length > 0} />
    </section>
  );
}
