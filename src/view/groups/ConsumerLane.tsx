/**
 * The consumer lane under a partition leader's log strip (lazy, issue 18): per group consuming the
 * partition, its committed offset (✓) and its owner's position (▸, the next offset it fetches) as
 * boundary marks on the strip's scale, and the records a delivery guarantee touched (✕ skipped,
 * ×2 read twice, ↻ will be read twice). Labels are measured and stacked in rows (stackRows) so
 * none covers another; the lane sits below the strip's HW/LEO labels, so it never covers them.
 * Test hooks: `consumer-mark`, `delivery-mark` (docs/ui-contract.md).
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartitionReport } from '../../core/model/report';
import { ensureNamespace } from '../../i18n/lazyNamespace';
import en from '../../i18n/groups.en.json';
import zh from '../../i18n/groups.zh.json';
import type { LogWindow } from '../layout/logWindow';
import { labelBox, partitionConsumerMarks, stackRows, type ConsumerMarksInput, type OffsetMark, type RecordMark } from './consumerMarks';
import { offsetRanges } from './groupRows';

/** Row heights in px before measuring (the root font size scales them: presenter mode). */
const RECORD_ROW = 16;
const LABEL_ROW = 17;

interface Props {
  partition: PartitionReport;
  window: LogWindow;
  input: ConsumerMarksInput;
}

function recordGlyph(mark: RecordMark): string {
  if (mark.kind === 'skipped') return '✕';
  return mark.done ? '×2' : '↻';
}

export default function ConsumerLane({ partition, window, input }: Props) {
  const { t, i18n } = useTranslation('groups');
  ensureNamespace(i18n, 'groups', { en, zh });
  const marks = useMemo(() => partitionConsumerMarks(partition.topic, partition.partition, input), [partition.topic, partition.partition, input]);
  const tp = `${partition.topic}-${partition.partition}`;
  const end = window.firstOffset + window.slots;
  const offsets = marks.offsets.filter((m) => m.offset >= window.firstOffset && m.offset <= end);
  const records = marks.records.filter((m) => m.offset >= window.firstOffset && m.offset < end);
  // Records of several groups on one offset go on separate rows (their boxes are cells: percent units).
  const recordRows = stackRows(records.map((m) => ({ left: window.x(m.offset), width: window.cellWidth })), 0);
  const recordRowCount = records.length === 0 ? 0 : Math.max(...recordRows) + 1;

  const lane = useRef<HTMLDivElement>(null);
  const [placed, setPlaced] = useState<{ key: string; lefts: number[]; rows: number[]; labelRow: number; recordRow: number } | null>(null);
  const labelOf = (m: OffsetMark) => (m.kind === 'committed'
    ? t('marks.committedLabel', { group: m.group, offset: m.offset })
    : t('marks.positionLabel', { member: m.member ?? '', offset: m.offset }));
  const layoutKey = `${i18n.language}|${window.firstOffset}|${window.slots}|${offsets.map((m) => `${m.group}:${m.kind}:${m.offset}:${m.member}`).join(',')}`;

  useLayoutEffect(() => {
    const element = lane.current;
    if (!element) return;
    const measure = () => {
      const width = element.clientWidth;
      const labels = [...element.querySelectorAll<HTMLElement>('.consumer-mark-label')];
      const boxes = labels.map((label, i) => labelBox((window.x(offsets[i].offset) / 100) * width, label.offsetWidth, width));
      // Row heights from the drawn sizes: text scales with the root font (presenter mode, zoom).
      const labelRow = Math.max(LABEL_ROW, ...labels.map((label) => label.offsetHeight + 1));
      const marks = [...element.querySelectorAll<HTMLElement>('.delivery-mark')];
      const recordRow = Math.max(RECORD_ROW, ...marks.map((mark) => mark.offsetHeight + 2));
      const next = { key: layoutKey, lefts: boxes.map((b) => b.left), rows: stackRows(boxes), labelRow, recordRow };
      setPlaced((current) => (current && current.key === next.key && current.lefts.join() === next.lefts.join() && current.rows.join() === next.rows.join()
        && current.labelRow === next.labelRow && current.recordRow === next.recordRow ? current : next));
    };
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(element);
    return () => observer?.disconnect();
    // offsets and window are summed up by layoutKey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layoutKey]);

  if (marks.groups.length === 0) return null;
  const ready = placed?.key === layoutKey;
  const labelRows = ready && offsets.length > 0 ? Math.max(...placed.rows) + 1 : offsets.length;
  const labelRow = ready ? placed.labelRow : LABEL_ROW;
  const recordRow = ready ? placed.recordRow : RECORD_ROW;
  const height = recordRowCount * recordRow + labelRows * labelRow + 2;

  const titleOf = (m: OffsetMark) => (m.kind === 'committed'
    ? t(m.member ? 'marks.committedTitleOwner' : 'marks.committedTitle', { group: m.group, offset: m.offset, tp, owner: m.member })
    : t('marks.positionTitle', { group: m.group, member: m.member, offset: m.offset, tp, hw: partition.highWatermark }));
  const recordTitle = (m: RecordMark) => {
    const key = m.kind === 'skipped' ? 'marks.skippedTitle' : m.done ? 'marks.twiceTitle' : 'marks.willTwiceTitle';
    return t(key, { group: m.group, member: m.member, offset: m.offset });
  };

  return (
    <div className="consumer-lane" ref={lane} style={{ height }}>
      {records.map((m, i) => (
        <span
          key={`${m.group}-${m.offset}`}
          className={`delivery-mark delivery-${m.kind}${m.kind === 'twice' && !m.done ? ' delivery-pending' : ''}`}
          style={{ left: `${window.x(m.offset)}%`, width: `calc(${window.cellWidth}% - 4px)`, top: recordRows[i] * recordRow }}
          title={recordTitle(m)}
          data-testid="delivery-mark" data-group={m.group} data-member={m.member} data-kind={m.kind} data-done={String(m.done)} data-offset={m.offset}
        >
          <span aria-hidden="true">{recordGlyph(m)}</span>
        </span>
      ))}
      {offsets.map((m, i) => {
        const row = ready ? placed.rows[i] : i;
        const top = recordRowCount * recordRow + row * labelRow;
        return (
          <div
            key={`${m.group}-${m.kind}`}
            className={`consumer-mark consumer-mark-${m.kind}`}
            data-testid="consumer-mark" data-group={m.group} data-member={m.member ?? ''} data-kind={m.kind} data-offset={m.offset}
          >
            <span className="consumer-mark-tick" style={{ left: `${window.x(m.offset)}%`, height: top + labelRow / 2 }} />
            <span
              className="consumer-mark-label" title={titleOf(m)}
              style={{ left: ready ? placed.lefts[i] : `${window.x(m.offset)}%`, top, visibility: ready ? undefined : 'hidden' }}
            >
              {labelOf(m)}
            </span>
          </div>
        );
      })}
      <p className="sr-only">
        {marks.groups.map(({ group, owner }) => {
          const committed = marks.offsets.find((m) => m.group === group && m.kind === 'committed');
          const position = marks.offsets.find((m) => m.group === group && m.kind === 'position');
          const skipped = marks.records.filter((m) => m.group === group && m.kind === 'skipped').map((m) => m.offset);
          const twice = marks.records.filter((m) => m.group === group && m.kind === 'twice').map((m) => m.offset);
          return [
            t('marks.srGroup', { group, owner: owner ?? t('marks.noOwner') }),
            committed ? t('marks.srCommitted', { offset: committed.offset }) : t('marks.srNoCommitted'),
            position ? t('marks.srPosition', { member: position.member, offset: position.offset }) : '',
            skipped.length > 0 ? t('marks.srSkipped', { offsets: offsetRanges(skipped) }) : '',
            twice.length > 0 ? t('marks.srTwice', { offsets: offsetRanges(twice) }) : '',
          ].filter(Boolean).join(' ');
        }).join(' ')}
      </p>
    </div>
  );
}

/** The legend's entries for the lane (in the cluster's legend, while there are groups). */
export function ConsumerLegendItems() {
  const { t, i18n } = useTranslation('groups');
  ensureNamespace(i18n, 'groups', { en, zh });
  return (
    <>
      <li><span className="legend-consumer legend-consumer-committed" aria-hidden="true">✓</span>{t('marks.legendCommitted')}</li>
      <li><span className="legend-consumer legend-consumer-position" aria-hidden="true">▸</span>{t('marks.legendPosition')}</li>
      <li><span className="legend-consumer delivery-skipped" aria-hidden="true">✕</span>{t('marks.legendSkipped')}</li>
      <li><span className="legend-consumer delivery-twice" aria-hidden="true">×2</span>{t('marks.legendTwice')}</li>
    </>
  );
}
