import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ProducedReport } from '../core/model/report';
import { ScrollRegion } from './ScrollRegion';
import { outcomeOf } from './viewModel';

function OutcomeChip({ record, t }: { record: ProducedReport; t: TFunction }) {
  const outcome = outcomeOf(record);
  switch (outcome.kind) {
    case 'acked':
      return <span className="chip chip-ok"><span aria-hidden="true">✓ </span>{t('produced.acked')}</span>;
    case 'error':
      return <span className="chip chip-error"><span aria-hidden="true">✕ </span>{outcome.error}</span>;
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

/** The records produced so far (the most recent ones), with the producer's view of each outcome. */
export function ProducedList({ produced: all }: { produced: ProducedReport[] }) {
  const { t } = useTranslation();
  const produced = all.length > PRODUCED_ROWS ? all.slice(-PRODUCED_ROWS) : all;
  const hidden = all.length - produced.length;
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
                  <td><OutcomeChip record={record} t={t} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
