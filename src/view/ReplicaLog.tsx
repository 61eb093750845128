import { lazy, Suspense, type CSSProperties } from 'react';
import { recordDiffKey, replicaDiffKey, useDiffers } from './split/differs';
import { useTranslation } from 'react-i18next';
import type { PartitionReport, ReplicaReport } from '../core/model/report';
import { cellsLabelled, type LogWindow } from './layout/logWindow';
import type { ReplicaChange, ReplicaRole } from './viewModel';
import type { ConsumerMarksInput } from './groups/consumerMarks';

/** The consumer marks under a leader's strip load with the groups, never on the first page. */
const ConsumerLane = lazy(() => import('./groups/ConsumerLane'));

interface ReplicaLogProps {
  partition: PartitionReport;
  replica: ReplicaReport;
  role: ReplicaRole;
  inIsr: boolean;
  window: LogWindow;
  /** Grid row inside the broker's column, so one partition lines up across brokers. */
  row: number;
  /** What the last step changed here (truncation, a new leader, ISR membership). */
  change?: ReplicaChange;
  /** The groups, polls and consumers, for the leader's consumer marks (absent: none drawn). */
  consumers?: ConsumerMarksInput;
}

const EPOCH_HUES = 6;

/** A marker near the strip's right end puts its label on its left, inside the strip. */
const flip = (xPercent: number) => (xPercent > 70 ? ' marker-flip' : '');

/**
 * One replica: a horizontal strip of offset cells with HW and LEO markers. Records at or above
 * this replica's HW are drawn hatched and dashed ("uncommitted"), never by colour alone.
 */
export function ReplicaLog({ partition, replica, role, inIsr, window, row, change, consumers }: ReplicaLogProps) {
  const { t } = useTranslation();
  const differs = useDiffers();
  const drawn = replica.log.filter((record) => record.offset >= window.firstOffset);
  const labelled = cellsLabelled(window);
  const uncommitted = replica.log.filter((record) => record.offset >= replica.highWatermark).length;
  const name = `${partition.topic}-${partition.partition}`;
  const summary = replica.log.length === 0
    ? t('replica.summaryEmpty')
    : t('replica.summary', { first: replica.log[0].offset, last: replica.logEndOffset - 1, uncommitted });
  const style = { gridRow: row, '--slots': window.slots } as CSSProperties;
  // A cell's tooltip is written when the pointer first reaches it, not at every render: two
  // translations per cell were the largest cost of a long jump. Screen readers get the summary.
  const describeOnHover = (target: EventTarget) => {
    const cell = target instanceof Element ? target.closest<HTMLElement>('.record') : null;
    const record = cell ? replica.log.find((r) => r.offset === Number(cell.dataset.offset)) : undefined;
    if (!cell || !record) return;
    const committed = record.offset < replica.highWatermark;
    cell.title = `${t('replica.record', { offset: record.offset, epoch: record.leaderEpoch, key: record.key ?? '—', value: record.value })} · ${t(committed ? 'replica.committed' : 'replica.uncommitted')}`;
  };

  return (
    <div
      className={`replica role-${role}${inIsr ? '' : ' out-of-isr'}${change?.crowned !== undefined ? ' just-crowned' : ''}${change?.isr ? ` just-${change.isr}` : ''}`}
      style={style}
      data-testid="replica"
      data-topic={partition.topic}
      data-partition={partition.partition}
      data-broker={replica.broker}
      data-leo={replica.logEndOffset}
      data-hw={replica.highWatermark}
      data-log-start={replica.logStartOffset}
      data-role={role}
      data-in-isr={String(inIsr)}
      data-first-drawn-offset={window.firstOffset > 0 ? window.firstOffset : undefined}
      data-differs={differs?.replicas.has(replicaDiffKey(partition.topic, partition.partition, replica.broker)) ? 'true' : undefined}
    >
      <div className="replica-head">
        <span className="replica-name">{name}</span>
        <span className={`badge badge-${role}`}>
          {role === 'leader' && <span aria-hidden="true">♛ </span>}
          {t(`replica.role.${role}`)}
        </span>
        {!inIsr && <span className="badge badge-out">{t('replica.outOfIsr')}</span>}
        {change?.crowned !== undefined && <span className="badge badge-change">{t('replica.crowned', { epoch: change.crowned })}</span>}
        {change?.isr && <span className="badge badge-change">{t(`replica.isr-${change.isr}`)}</span>}
      </div>
      <div className="strip" aria-hidden="true" onPointerOver={(event) => describeOnHover(event.target)}>
        <div className="strip-track" />
        {drawn.map((record) => {
          const committed = record.offset < replica.highWatermark;
          // A follower keeps the segments below its log start offset until its next retention check.
          const belowStart = record.offset < replica.logStartOffset;
          return (
            <div
              key={record.offset}
              className={`record ${committed ? 'committed' : 'uncommitted'} epoch-${record.leaderEpoch % EPOCH_HUES}${belowStart ? ' below-log-start' : ''}`}
              style={{ left: `${window.x(record.offset)}%`, width: `calc(${window.cellWidth}% - 4px)` }}
              data-testid="record"
              data-offset={record.offset}
              data-epoch={record.leaderEpoch}
              data-differs={differs?.records.has(recordDiffKey(partition.topic, partition.partition, replica.broker, record.offset)) ? 'true' : undefined}
            >
              {labelled && (
                <>
                  <span className="record-offset">{record.offset}</span>
                  <span className="record-epoch">e{record.leaderEpoch}</span>
                </>
              )}
            </div>
          );
        })}
        {change?.truncatedFrom !== undefined && change.truncatedTo !== undefined && change.truncatedFrom > change.truncatedTo && (
          <div
            className="truncated-cells"
            style={{ left: `${window.x(Math.max(change.truncatedTo, window.firstOffset))}%`, width: `${(Math.min(change.truncatedFrom, window.firstOffset + window.slots) - Math.max(change.truncatedTo, window.firstOffset)) * window.cellWidth}%` }}
          >
            <span className="truncated-label" title={t('replica.truncated', { from: change.truncatedFrom, to: change.truncatedTo })}>✂</span>
          </div>
        )}
        {replica.logStartOffset > 0 && replica.logStartOffset >= window.firstOffset && (
          <div className={`marker marker-log-start${window.x(replica.logStartOffset) < 12 ? ' marker-at-left' : ''}`} style={{ left: `${window.x(replica.logStartOffset)}%` }}>
            <span className="marker-label">{t('replica.logStartMarker')}</span>
          </div>
        )}
        <div className={`marker marker-hw${flip(window.x(replica.highWatermark))}`} style={{ left: `${window.x(replica.highWatermark)}%` }}>
          <span className="marker-label">{t('replica.hw')}</span>
        </div>
        <div className={`marker marker-leo${flip(window.x(replica.logEndOffset))}`} style={{ left: `${window.x(replica.logEndOffset)}%` }}>
          <span className="marker-label">{t('replica.leo')}</span>
        </div>
      </div>
      {role === 'leader' && consumers && consumers.groups.length > 0 && (
        <Suspense fallback={null}>
          <ConsumerLane partition={partition} window={window} input={consumers} />
        </Suspense>
      )}
      <p className="replica-numbers">
        <span title={t('replica.numbersTitle')}>{t('replica.numbers', { leo: replica.logEndOffset, hw: replica.highWatermark })}</span>
        {inIsr && <span className="badge-inline">{t('replica.inIsr')}</span>}
        {change?.truncatedFrom !== undefined && change.truncatedTo !== undefined && (
          <span className="badge-inline badge-cut">✂ {t('replica.truncated', { from: change.truncatedFrom, to: change.truncatedTo })}</span>
        )}
        {replica.logStartOffset > 0 && <span className="badge-inline" data-testid="log-start">{t('replica.logStart', { offset: replica.logStartOffset })}</span>}
        {window.firstOffset > 0 && <span className="muted">{t('replica.earlier', { offset: window.firstOffset })}</span>}
      </p>
      <p className="sr-only">{summary}</p>
    </div>
  );
}
