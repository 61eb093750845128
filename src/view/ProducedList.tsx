import type { TFunction } from 'i18next';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProducedReport, Report } from '../core/model/report';
import type { World } from '../core/model/world';
import { useSession } from '../store/sessionStore';
import type { RecordFlag } from './narration/recordFlags';
import { useNarration, type NarrationModule } from './narration/useNarration';
import { ScrollRegion } from './ScrollRegion';
import { usePanelValue } from './panelValue';
import { outcomeOf } from './viewModel';

interface ChipProps {
  record: ProducedReport;
  t: TFunction;
  /** What an anomaly says of this record (acked, then lost; written twice). */
  flag: RecordFlag | undefined;
  narration: NarrationModule | null;
  world: World | null;
  /** Whether this row explains its error in a sentence (the first row with each error does). */
  explain: boolean;
}

function OutcomeChip({ record, t, flag, narration, world, explain }: ChipProps) {
  const outcome = outcomeOf(record);
  switch (outcome.kind) {
    case 'acked':
      if (flag && narration) {
        const lost = flag === 'acked-then-lost';
        return (
          <span className="chip chip-error" data-flag={flag} title={t(lost ? 'narration:ui.ackedLostTitle' : 'narration:ui.writtenTwiceTitle')}>
            <span aria-hidden="true">⚠ </span>{t(lost ? 'narration:ui.ackedLost' : 'narration:ui.writtenTwice')}
          </span>
        );
      }
      return <span className="chip chip-ok"><span aria-hidden="true">✓ </span>{t('produced.acked')}</span>;
    case 'error':
      return (
        <>
          <span className="chip chip-error" data-error={outcome.error}><span aria-hidden="true">✕ </span>{outcome.error}</span>
          {explain && narration && world && (
            <narration.ErrorExplanation error={outcome.error} world={world} place={{ topic: record.topic, partition: record.partition }} />
          )}
        </>
      );
    case 'pending':
      return <span className="chip chip-pending"><span aria-hidden="true">… </span>{t('produced.pending')}</span>;
    default: {
      const unreachable: never = outcome;
      throw new Error(`unknown outcome ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Rows drawn at most: the most recent records (a burst of 10,000 stays cheap to draw). */
export const PRODUCED_ROWS = 30;

/**
 * The records produced so far (the most recent ones), with the producer's view of each outcome.
 * After a step or a jump it follows the session one render behind the picture (panelValue.ts).
 */
export function ProducedList({ report }: { report: Report }) {
  const deferredReport = usePanelValue(report);
  const world = usePanelValue(useSession((s) => s.world));
  return <ProducedTable report={deferredReport} world={world} />;
}

const ProducedTable = memo(function ProducedTable({ report, world }: { report: Report; world: World | null }) {
  const { t } = useTranslation();
  const narration = useNarration();
  const all = report.produced;
  const produced = all.length > PRODUCED_ROWS ? all.slice(-PRODUCED_ROWS) : all;
  const hidden = all.length - produced.length;
  const flags = narration && report.anomalies.length > 0 ? narration.recordFlags(report) : null;
  const seenErrors = new Set<string>();
  const explain = produced.map((record) => {
    if (record.acked || record.error === null || seenErrors.has(record.error)) return false;
    seenErrors.add(record.error);
    return true;
  });
  return (
    <section className="panel produced-panel" aria-labelledby="produced-heading">
      <h2 id="produced-heading">{t('produced.label')}</h2>
      {hidden > 0 && <p className="muted">{t('produced.earlier', { count: hidden })}</p>}
      {produced.length === 0 ? (
        <p className="muted">{t('produced.empty')}</p>
      ) : (
        <ScrollRegion label={t('produced.table')}>
          <table className="produced">
            <thead>
              <tr>
                <th scope="col">{t('produced.step')}</th>
                <th scope="col">{t('produced.record')}</th>
                <th scope="col">{t('produced.where')}</th>
                <th scope="col">{t('produced.acks')}</th>
                <th scope="col">{t('produced.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {/* Keyed by row, not by record: after a jump the rows are rewritten in place. */}
              {produced.map((record, row) => (
                <tr key={row}>
                  <td className="num">{record.step + 1}{record.index > 0 ? `.${record.index}` : ''}</td>
                  <td className="record-text">
                    <code>{record.key ?? t('steps.nullKey')}</code> = <code>{record.value}</code>
                  </td>
                  <td className="num">
                    {record.topic}-{record.partition} @ {record.offset ?? t('produced.noOffset')}
                  </td>
                  <td className="num">{String(record.acks)}</td>
                  <td><OutcomeChip record={record} t={t} flag={flags?.get(hidden + row)} narration={narration} world={world} explain={explain[row]} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
});
