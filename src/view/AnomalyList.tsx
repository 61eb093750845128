import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnomalyReport } from '../core/model/report';

/** What a student should notice: the report's anomalies up to the current position. */
export function AnomalyList({ anomalies }: { anomalies: AnomalyReport[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  if (anomalies.length === 0) return null;
  return (
    <section className="panel anomalies" aria-labelledby={headingId}>
      <h2 id={headingId}><span aria-hidden="true">⚠ </span>{t('anomalies.label')}</h2>
      <ul>
        {anomalies.map((anomaly, i) => (
          <li key={i} data-testid="anomaly" data-type={anomaly.type}>
            <strong>{t(`anomalies.type.${anomaly.type}`, { defaultValue: anomaly.type })}</strong>
            <span className="muted"> · {anomaly.broker === undefined
              ? t('anomalies.where', { ...anomaly })
              : t('anomalies.whereBroker', { ...anomaly })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
