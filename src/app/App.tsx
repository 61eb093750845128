import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useSplit } from '../store/splitStore';
import { useView } from '../store/viewStore';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n';
import { sessionActions, sessionStore, useSession } from '../store/sessionStore';
import { AppToolbar } from '../view/controls/AppToolbar';
import { ProduceForm } from '../view/controls/ProduceForm';
import { RunControls } from '../view/controls/RunControls';
import { AboutDialog } from '../view/dialogs/AboutDialog';
import { ForkDialog } from '../view/dialogs/ForkDialog';
import { AnomalyList } from '../view/AnomalyList';
import { StepErrorList } from '../view/StepErrorList';
import { ClusterErrorBoundary } from '../view/ClusterErrorBoundary';
import { ClusterView } from '../view/ClusterView';
import { EraBadge } from '../view/EraBadge';
import { LanguageToggle } from '../view/LanguageToggle';
import { LoadErrorPanel } from '../view/LoadErrorPanel';
import { NoticeBanner } from '../view/NoticeBanner';
import { UpdateBanner } from '../view/UpdateBanner';
import { ProducedList } from '../view/ProducedList';
import { StepList } from '../view/StepList';
import { StepNarration } from '../view/narration/StepNarration';
import { useNarrationSettled } from '../view/narration/useNarration';
import { TimelineBar } from '../view/TimelineBar';
import { eraOf } from '../view/viewModel';
import { shareUrl } from './addressBar';
import { useCourseOpen } from '../lessons/courseView';
import type { AppMode } from './mode';

/** Rarely used: its own chunk, loaded when the dialog first opens. */
const NewScenarioDialog = lazy(() => import('../view/dialogs/NewScenarioDialog').then((m) => ({ default: m.NewScenarioDialog })));

/** Presenters only: the speaker notes window. */
const SpeakerNotes = lazy(() => import('../view/SpeakerNotes').then((m) => ({ default: m.SpeakerNotes })));

/** Rarely used too: the list of saved sessions. */
const ConsolePanel = lazy(() => import('../view/console/ConsolePanel'));
const GroupsPanel = lazy(() => import('../view/groups/GroupsPanel'));
const SplitView = lazy(() => import('../view/split/SplitView'));
// Below the fold: its chunk loads while the cluster is drawn.
const Inspector = lazy(() => import('../view/inspector/Inspector').then((m) => ({ default: m.Inspector })));
const SavedSessionsDialog = lazy(() => import('../view/dialogs/SavedSessionsDialog').then((m) => ({ default: m.SavedSessionsDialog })));

/** The course page and the lesson player, with the lessons and their texts: lazy chunks (src/lessons). */
const CoursePage = lazy(() => import('../lessons/CoursePage').then((m) => ({ default: m.CoursePage })));
const LessonPlayer = lazy(() => import('../lessons/LessonPlayer').then((m) => ({ default: m.LessonPlayer })));

/** Lazy panels below the cluster: mounted once the narration is in (useNarrationSettled says why). */
function AfterNarration({ children }: { children: ReactNode }) {
  return useNarrationSettled() ? <Suspense fallback={null}>{children}</Suspense> : null;
}

function LazyDialogs() {
  const dialog = useView((s) => s.dialog);
  if (dialog === 'new-scenario') return <Suspense fallback={null}><NewScenarioDialog /></Suspense>;
  if (dialog === 'saved-sessions') return <Suspense fallback={null}><SavedSessionsDialog /></Suspense>;
  return null;
}

export interface AppProps {
  mode: AppMode;
  onLanguage: (language: Language) => void;
  onOpenExample: () => void;
}

/**
 * Presenter mode hides the controls until the pointer moves, and again once it rests. A clicker's
 * keys step without showing them; Tab (keyboard navigation) shows them.
 */
function usePointerIdle(enabled: boolean, delayMs = 3000): boolean {
  const [idle, setIdle] = useState(true);
  useEffect(() => {
    if (!enabled) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const wake = () => {
      setIdle(false);
      clearTimeout(timer);
      timer = setTimeout(() => setIdle(true), delayMs);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Tab') wake();
    };
    window.addEventListener('pointermove', wake);
    window.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointermove', wake);
      window.removeEventListener('keydown', onKey);
    };
  }, [enabled, delayMs]);
  return enabled && idle;
}

export function App({ mode, onLanguage, onOpenExample }: AppProps) {
  const { t } = useTranslation();
  const scenario = useSession((s) => s.scenario);
  const report = useSession((s) => s.report);
  const position = useSession((s) => s.position);
  const world = useSession((s) => s.world);
  const events = useSession((s) => s.events);
  const loadError = useSession((s) => s.loadError);
  const notice = useSession((s) => s.notice);
  const loadSerial = useSession((s) => s.loadSerial);
  const idle = usePointerIdle(mode === 'present');
  const courseOpen = useCourseOpen();
  const source = useSession((s) => s.source);
  const [notesOpen, setNotesOpen] = useState(false);
  const embed = mode === 'embed';
  const split = useSplit();
  // A lesson reads beside its picture on a wide screen (styles.css, "A lesson on a wide screen").
  const lessonBeside = source?.kind === 'lesson' && !split && !embed && (report?.brokers.length ?? 0) <= 3;
  // The leaders' consumer marks read the world's consumers and the steps up to the cursor.
  const consumerContext = useMemo(
    () => (world && scenario && world.groups.consumers.length > 0 ? { consumers: world.groups.consumers, steps: scenario.steps, position } : undefined),
    [world, scenario, position],
  );

  useEffect(() => {
    document.title = scenario?.title ? `${scenario.title} · ${t('app.name')}` : t('app.name');
  }, [scenario, t]);

  return (
    <div className={`app${idle ? ' idle' : ''}`} data-mode={mode}>
      {!embed && (
        <header className="app-header">
          <p className="brand">
            <span className="logo" aria-hidden="true" />
            {t('app.name')}
          </p>
          <div className="header-main">
            {scenario && <h1 className="scenario-title" data-testid="scenario-title">{scenario.title}</h1>}
            {scenario && !split && <EraBadge era={eraOf(scenario)} />}
          </div>
          <AppToolbar shareUrl={() => shareUrl(sessionStore.getState())} />
          {mode === 'present' && (
            <button type="button" className="button speaker-notes-button" aria-pressed={notesOpen} onClick={() => setNotesOpen((open) => !open)}>
              {t('speaker.open')}
            </button>
          )}
          <LanguageToggle onChange={onLanguage} />
        </header>
      )}
      {embed && scenario && !split && (
        <div className="embed-head">
          <EraBadge era={eraOf(scenario)} />
        </div>
      )}
      {notice && <NoticeBanner notice={notice} onDismiss={sessionActions().dismissNotice} />}
      <UpdateBanner />
      {notesOpen && <Suspense fallback={null}><SpeakerNotes onClose={() => setNotesOpen(false)} /></Suspense>}
      {loadError && <LoadErrorPanel error={loadError} onOpenExample={onOpenExample} />}
      {courseOpen && !embed && (
        <Suspense fallback={<div className="course-placeholder" aria-hidden="true" />}>
          <CoursePage onOpenExample={onOpenExample} />
        </Suspense>
      )}
      {scenario && report && !(courseOpen && !embed) && (
        <ClusterErrorBoundary key={loadSerial} onOpenExample={onOpenExample}>
          <TimelineBar />
          <div className={`layout${report.brokers.length > 3 || split ? ' layout-wide' : ''}${lessonBeside ? ' layout-lesson' : ''}`}>
            <main className="main">
              {source?.kind === 'lesson' && (
                <Suspense fallback={<div className="lesson-placeholder" aria-hidden="true" />}>
                  <LessonPlayer id={source.id} position={position} total={report ? scenario.steps.length : 0} />
                </Suspense>
              )}
              {split ? (
                <Suspense fallback={<div className="split-placeholder" aria-hidden="true" />}>
                  <SplitView vs={split} />
                </Suspense>
              ) : (
                <>
                  {world && <StepNarration scenario={scenario} position={position} events={events} world={world} withReadingAid={!embed} />}
                  <ClusterView report={report} manual={scenario.cluster.replication === 'manual'} editable={!embed} consumers={consumerContext} />
                </>
              )}
              {(report.groups.length > 0 || !embed) && !split && (
                <AfterNarration>
                  <GroupsPanel groups={report.groups} partitions={report.partitions} polled={report.polled}
                    consumers={world?.groups.consumers} editable={!embed} withChart
                    events={events} steps={scenario.steps} position={position} />
                </AfterNarration>
              )}
              {!split && <StepErrorList stepErrors={report.stepErrors} scenario={scenario} world={world} />}
              {!embed && !split && <AnomalyList anomalies={report.anomalies} />}
              {!embed && <AfterNarration><Inspector /></AfterNarration>}
              {!embed && <ProducedList report={report} />}
              {!embed && (
                <AfterNarration>
                  <ConsolePanel entries={report.cli} topics={[...new Set(report.partitions.map((p) => p.topic))]} era={scenario.cluster.metadata} groups={report.groups.map((g) => g.group)} />
                </AfterNarration>
              )}
            </main>
            {!embed && (
              <aside className="side">
                <section className="panel actions-panel" aria-labelledby="actions-title">
                  <h2 id="actions-title">{t('controls.label')}</h2>
                  <ProduceForm scenario={scenario} report={report} />
                  <RunControls />
                  <p className="hint muted">{t('controls.brokerHint')}</p>
                </section>
                <StepList scenario={scenario} position={position} stepErrors={report.stepErrors} />
                <p className="keys-hint">{t('timeline.keys')}</p>
              </aside>
            )}
          </div>
        </ClusterErrorBoundary>
      )}
      {!embed && (
        <>
          <ForkDialog />
          <LazyDialogs />
          <AboutDialog />
        </>
      )}
    </div>
  );
}
