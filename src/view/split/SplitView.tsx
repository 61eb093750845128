/**
 * The split view (issue 21; ui-contract.md, "Split view"), a lazy chunk: the left pane is the
 * session as opened, the right pane the same document with the `&vs=` fields replaced, in a
 * session store of its own that follows the left one's position (one timeline: the keys step
 * both). Each pane draws the hooks once (`pane` with `data-pane`); partitions, replicas and
 * records that differ between the panes carry `data-differs`. A changed document that does not
 * validate shows its `path: reason` lines in the right pane; one that needed a property mapped to
 * the other era, or whose change one era ignores, says so (`split-note`, prepareSplit.ts).
 * Above the panes, what differs at this position and why (`split-narration`,
 * explainDifference.ts); on the scrubber, where the panes first part (`first-difference`, found
 * in idle time by firstDifference.ts).
 */
import { lazy, Suspense, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createSessionStore, holdSlicing, SessionContext, sessionStore, useSession, useSessionOf, type SessionStore } from '../../store/sessionStore';
import { AnomalyList } from '../AnomalyList';
import { ClusterView } from '../ClusterView';
import { EraBadge } from '../EraBadge';
import { StepErrorList } from '../StepErrorList';
import { StepNarration } from '../narration/StepNarration';
import { eraOf } from '../viewModel';
import { computeDiffers, DiffersContext, type Differs } from './differs';
import { explainDifference } from './explainDifference';
import { DifferenceNarration, FirstDifferenceMark } from './DifferenceParts';
import { findFirstDifference, type FirstDifference } from '../../app/firstDifference';
import { prepareSplit } from './prepareSplit';
import { NoteList } from './NoteList';
import { useSideLabels } from './sideLabels';
import { LazyTimeChart } from '../chart/LazyTimeChart';
import { LazyProblemLines } from '../problems/LazyProblemLines';
import './split.css';

const GroupsPanel = lazy(() => import('../groups/GroupsPanel'));

function PaneBody({ animate }: { animate: boolean }) {
  const scenario = useSession((s) => s.scenario);
  const report = useSession((s) => s.report);
  const world = useSession((s) => s.world);
  const events = useSession((s) => s.events);
  const position = useSession((s) => s.position);
  if (!scenario || !report) return null;
  return (
    <>
      <EraBadge era={eraOf(scenario)} />
      {world && <StepNarration scenario={scenario} position={position} events={events} world={world} withReadingAid={false} />}
      <ClusterView report={report} manual={scenario.cluster.replication === 'manual'} editable={false} animate={animate} />
      {report.groups.length > 0 && (
        <Suspense fallback={null}><GroupsPanel groups={report.groups} partitions={report.partitions} polled={report.polled} /></Suspense>
      )}
      <StepErrorList stepErrors={report.stepErrors} scenario={scenario} world={world} />
      <AnomalyList anomalies={report.anomalies} />
    </>
  );
}

const anyDiffers = (d: Differs | null) => d !== null && d.partitions.size + d.replicas.size + d.records.size > 0;

export default function SplitView({ vs }: { vs: string }) {
  const { t } = useTranslation();
  const document = useSession((s) => s.document);
  const scenarioA = useSession((s) => s.scenario);
  const position = useSession((s) => s.position);
  const total = useSession((s) => s.total);
  const reportA = useSession((s) => s.report);
  const eventsA = useSession((s) => s.events);
  const prepared = useMemo(() => prepareSplit(document, vs), [document, vs]);
  // The right pane replays on this thread: it follows the left pane's position in the same
  // render, so both panes' hooks always show one position (a worker's answer would land later).
  const storeB: SessionStore = useMemo(() => createSessionStore({ replayClient: null }), []);
  useEffect(() => () => storeB.getState().dispose(), [storeB]);
  // Both panes show one position in one commit: no change of either is rendered in slices.
  useLayoutEffect(() => holdSlicing(), []);
  useEffect(() => {
    if (prepared.ok) storeB.getState().load({ kind: 'edited' }, prepared.scenario, sessionStore.getState().position, null, prepared.document);
  }, [prepared, storeB]);
  useEffect(() => {
    if (storeB.getState().scenario) storeB.getState().seek(position);
  }, [position, storeB]);
  const reportB = useSessionOf(storeB, (s) => s.report);
  const eventsB = useSessionOf(storeB, (s) => s.events);
  const scenarioB = useSessionOf(storeB, (s) => s.scenario);
  const positionB = useSessionOf(storeB, (s) => s.position);
  const differs = useMemo(() => (prepared.ok && reportA && reportB ? computeDiffers(reportA, reportB) : null), [prepared.ok, reportA, reportB]);

  const [first, setFirst] = useState<FirstDifference | null>(null);
  useEffect(() => {
    if (!prepared.ok || !scenarioA) return;
    setFirst(null);
    return findFirstDifference(scenarioA, prepared.scenario, setFirst);
  }, [prepared, scenarioA]);

  const labels = useSideLabels(vs, scenarioA, document);
  const sentences = useMemo(() => {
    if (!prepared.ok || !scenarioA || !scenarioB || !reportA || !reportB || positionB !== position) return null;
    return explainDifference({
      a: { report: reportA, events: eventsA, era: scenarioA.cluster.metadata, truncation: scenarioA.cluster.truncation },
      b: { report: reportB, events: eventsB, era: scenarioB.cluster.metadata, truncation: scenarioB.cluster.truncation },
      position, differsNow: anyDiffers(differs), first,
    });
  }, [prepared.ok, scenarioA, scenarioB, reportA, reportB, eventsA, eventsB, position, positionB, differs, first]);

  return (
    <DiffersContext.Provider value={differs}>
      <FirstDifferenceMark first={first} total={total} />
      {sentences && <DifferenceNarration sentences={sentences} labels={labels} />}
      <div className="split">
        <section className="pane" data-testid="pane" data-pane="a" aria-label={t('split.paneA')}>
          <p className="pane-label">{t('split.paneA')}</p>
          <PaneBody animate />
        </section>
        <SessionContext.Provider value={storeB}>
          <section className="pane" data-testid="pane" data-pane="b" aria-label={t('split.paneB', { changes: vs })}>
            <p className="pane-label">{t('split.paneB', { changes: vs })}</p>
            {prepared.ok ? (
              <>
                <NoteList notes={prepared.notes} />
                <PaneBody animate={false} />
              </>
            ) : (
              <div className="load-error" data-testid="load-error" role="alert">
                <p>{t('split.invalid')}</p>
                <LazyProblemLines lines={prepared.lines} />
              </div>
            )}
          </section>
        </SessionContext.Provider>
      </div>
      {prepared.ok && <div className="panel split-chart"><LazyTimeChart stores={[sessionStore, storeB]} /></div>}
    </DiffersContext.Provider>
  );
}
