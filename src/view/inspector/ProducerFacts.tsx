import { useTranslation } from 'react-i18next';
import type { World } from '../../core/model/world';

/** Each producer client: its requests in flight per leader broker and the records waiting in batches. */
export function ProducerFacts({ world }: { world: World }) {
  const { t } = useTranslation();
  return (
    <>
      {world.producers.map((producer, i) => {
        const waiting = world.producerBatches.filter((b) => b.producer === i && (b.phase === 'waiting' || b.phase === 'backoff'));
        const windows = producer.windows.filter((w) => w.inFlight > 0);
        return (
          <div key={i} className="inspector-body">
            <p>
              {t('inspector.producerLine', {
                acks: producer.acks, idempotent: producer.idempotent ? t('inspector.producerIdempotent', { epoch: producer.producerEpoch }) : '',
                requests: windows.reduce((n, w) => n + w.inFlight, 0), batches: waiting.length,
                records: waiting.reduce((n, b) => n + b.records.length, 0),
              })}
            </p>
            {windows.length > 0 && (
              <ul>{windows.map((w) => <li key={w.broker}>{t('inspector.producerInFlight', { broker: w.broker, count: w.inFlight })}</li>)}</ul>
            )}
          </div>
        );
      })}
    </>
  );
}
