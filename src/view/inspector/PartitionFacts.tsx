import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logEndOffset, NEVER_MS, type World } from '../../core/model/world';
import { replicaRole } from '../viewModel';
import { numberFormatFor } from '../numberFormat';
import { ScrollRegion } from '../ScrollRegion';

/** The files on disk: rarely opened, so a chunk of its own. */
const DiskView = lazy(() => import('../disk/DiskView'));

/** An epoch cache as `[epoch, start offset]` pairs; a pair never breaks where the table wraps (presenter mode). */
const epochCacheText = (cache: [number, number][]) => cache.map(([epoch, start]) => `[${epoch},\u00a0${start}]`).join(' ') || '—';

/** A partition in numbers: leader, epoch, ISR, and per replica LEO, HW, epoch cache, caught-up time. */
export function PartitionFacts({ world, topic, partition }: { world: World; topic: string; partition: number }) {
  const { t, i18n } = useTranslation();
  const number = numberFormatFor(i18n.language);
  const [disk, setDisk] = useState(false);
  const state = world.topics.find((s) => s.name === topic)?.partitions[partition];
  if (!state) return <p className="muted">{t('inspector.gone')}</p>;
  const brokers = world.brokers.map((b) => ({ id: b.id, state: b.state, fenced: b.fenced }));
  const report = { leader: state.leader } as Parameters<typeof replicaRole>[0];
  return (
    <div className="inspector-body">
      <p>
        {t('inspector.partitionLine', {
          name: `${topic}-${partition}`, leader: state.leader ?? t('cluster.noLeader'), epoch: state.leaderEpoch,
          isr: state.isr.join(', ') || '—', replicas: state.replicas.join(', '),
        })}
      </p>
      <ScrollRegion label={t('inspector.replicasCaption', { name: `${topic}-${partition}` })}>
        <table className="inspector-table">
          <caption className="sr-only">{t('inspector.replicasCaption', { name: `${topic}-${partition}` })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inspector.broker')}</th>
              <th scope="col">{t('inspector.role')}</th>
              <th scope="col">{t('inspector.logStart')}</th>
              <th scope="col">LEO</th>
              <th scope="col">HW</th>
              <th scope="col">{t('inspector.epochCache')}</th>
              <th scope="col">ISR</th>
              <th scope="col">{t('inspector.caughtUp')}</th>
            </tr>
          </thead>
          <tbody>
            {state.replicaStates.map((replica) => {
              const follower = state.followers.find((f) => f.broker === replica.broker);
              const isLeader = state.leader === replica.broker;
              const role = replicaRole(report, replica.broker, brokers);
              return (
                <tr key={replica.broker}>
                  <th scope="row">{replica.broker}</th>
                  <td>{t(`replica.role.${role}`)}</td>
                  <td className="num">{replica.logStartOffset}</td>
                  <td className="num">{logEndOffset(replica)}</td>
                  <td className="num">{replica.highWatermark}</td>
                  <td><code>{world.settings.cluster.truncation === 'high-watermark' ? t('inspector.noEpochCache') : epochCacheText(replica.epochCache)}</code></td>
                  <td>{state.isr.includes(replica.broker) ? t('inspector.yes') : t('inspector.no')}</td>
                  <td>
                    {isLeader || !follower
                      ? '—'
                      : follower.lastCaughtUpTimeMs === NEVER_MS
                        ? t('inspector.caughtUpNever', { seen: follower.logEndOffset < 0 ? t('inspector.unknown') : follower.logEndOffset })
                        : t('inspector.caughtUpAt', {
                            ms: number.format(follower.lastCaughtUpTimeMs),
                            seen: follower.logEndOffset < 0 ? t('inspector.unknown') : follower.logEndOffset,
                          })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <button type="button" className="button" aria-expanded={disk} onClick={() => setDisk(!disk)} data-testid="disk-toggle">
        {disk ? t('inspector.diskHide') : t('inspector.diskShow')}
      </button>
      {disk && (
        <Suspense fallback={<p className="muted">{t('toolbar.loading')}</p>}>
          <DiskView key={`${topic}-${partition}`} world={world} topic={topic} partition={partition} />
        </Suspense>
      )}
    </div>
  );
}
