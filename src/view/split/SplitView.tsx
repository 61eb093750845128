/**
 * The split view (issue 21; ui-contract.md, "Split view"), a lazy chunk: the left pane is the
 * session as opened, the right pane the same document with the `&vs=` fields replaced, in a
 * session store of its own that follows the left one's position (one timeline: the keys step
 * both). Each pane draws the hooks once (`pane` with `data-pane`); partitions, replicas and
 * records that differ between the panes carry `data-differs`. A changed document that does not
 * validate shows its `path: reason` lines in the right pane.
 */
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { changedDocument, parseSplit } from '../../app/splitView';
import { formatProblem, validateScenarioDocument } from '../../core/scenario/validateScenario';
import type { Scenario } from '../../core/model/scenario';
import type { ScenarioDocument } from '../../session/scenarioEdit';
import { createSessionStore, SessionContext, sessionStore, useSession, type SessionStore } from '../../store/sessionStore';
import { AnomalyList } from '../AnomalyList';
import { ClusterView } from '../ClusterView';
import { EraBadge } from '../EraBadge';
import { StepErrorList } from '../StepErrorList';
import { StepNarration } from '../narration/StepNarration';
import { eraOf } from '../viewModel';
import { computeDiffers, DiffersContext } from './differs';
import { LazyTimeChart } from '../chart/LazyTimeChart';
import { LazyProblemLines } from '../problems/LazyProblemLines';
import './split.css';

const GroupsPanel = lazy(() => import('../groups/GroupsPanel'));

type Prepared = { ok: true; scenario: Scenario; document: ScenarioDocument } | { ok: false; lines: string[] };

function prepare(document: ScenarioDocument | null, vs: string): Prepared {
  if (!document) return { ok: false, lines: ['$: nothing to compare'] };
  const parsed = parseSplit(vs);
  if (!parsed.ok) return { ok: false, lines: [parsed.message] };
  const changed = changedDocument(document, parsed.changes);
  if (!changed.ok) return { ok: false, lines: [changed.message] };
  const validated = validateScenarioDocument(changed.document);
  if (!validated.ok) return { ok: false, lines: validated.problems.map(formatProblem) };
  return { ok: true, scenario: validated.scenario, document: changed.document as ScenarioDocument };
}

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

export default function SplitView({ vs }: { vs: string }) {
  const { t } = useTranslation();
  const document = useSession((s) => s.document);
  const position = useSession((s) => s.position);
  const reportA = useSession((s) => s.report);
  const prepared = useMemo(() => prepare(document, vs), [document, vs]);
  const storeB: SessionStore = useMemo(() => createSessionStore(), []);
  useEffect(() => {
    if (prepared.ok) storeB.getState().load({ kind: 'edited' }, prepared.scenario, sessionStore.getState().position, null, prepared.document);
  }, [prepared, storeB]);
  useEffect(() => {
    if (storeB.getState().scenario) storeB.getState().seek(position);
  }, [position, storeB]);
  const reportB = useStore(storeB, (s) => s.report);
  const differs = useMemo(() => (prepared.ok && reportA && reportB ? computeDiffers(reportA, reportB) : null), [prepared.ok, reportA, reportB]);

  return (
    <DiffersContext.Provider value={differs}>
      <div className="split">
        <section className="pane" data-testid="pane" data-pane="a" aria-label={t('split.paneA')}>
          <p className="pane-label">{t('split.paneA')}</p>
          <PaneBody animate />
        </section>
        <SessionContext.Provider value={storeB}>
          <section className="pane" data-testid="pane" data-pane="b" aria-label={t('split.paneB', { changes: vs })}>
            <p className="pane-label">{t('split.paneB', { changes: vs })}</p>
            {prepared.ok ? <PaneBody animate={false} /> : (
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
