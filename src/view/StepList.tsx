import type { TFunction } from 'i18next';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepErrorReport } from '../core/model/report';
import type { Scenario } from '../core/model/scenario';
import { sessionActions, useSession } from '../store/sessionStore';
import { useNarration } from './narration/useNarration';
import { numberFormatFor } from './numberFormat';
import { describeDocumentStep, describeStep } from './viewModel';

interface StepRowProps {
  at: number;
  text: string;
  current: boolean;
  refused: StepErrorReport | undefined;
  /** What the refusal means and what to do (once the narration texts are loaded). */
  explanation: string | undefined;
  invalid: string[] | undefined;
  /** The step carries an instructor's note. */
  noted: boolean;
  /** The list's translator: one `useTranslation` for the list rather than one per row. */
  t: TFunction;
}

/** One entry; memoized so that moving the cursor re-renders two rows, not thousands. */
const StepRow = memo(function StepRow({ at, text, noted, current, refused, explanation, invalid, t }: StepRowProps) {
  return (
    <li className={invalid ? 'step-invalid' : undefined}>
      <button
        type="button"
        className="step"
        aria-current={current ? 'step' : undefined}
        aria-disabled={invalid ? true : undefined}
        data-timeline-control=""
        onClick={invalid ? undefined : () => sessionActions().seek(at)}
      >
        <span className="step-number">{at}</span>
        <span className="step-text">
          {text}
          {noted && <span className="step-noted" aria-hidden="true"> ✎</span>}
          {refused && (
            <span className="step-refused" title={refused.message}>
              <span aria-hidden="true">⚠ </span>{t('steps.refused', { error: refused.error })}
              {explanation && <span className="step-explained">{explanation}</span>}
            </span>
          )}
          {invalid && (
            <span className="step-refused" data-testid="invalid-step">
              <span aria-hidden="true">⚠ </span>{t('steps.invalid')} {invalid.join(' · ')}
            </span>
          )}
        </span>
      </button>
    </li>
  );
});

/** Edits at the cursor: insert mode (later steps stay), deleting the current step, its note. */
function StepTools({ position, note }: { position: number; note: string | undefined }) {
  const { t } = useTranslation();
  const narration = useNarration();
  const insertAt = useSession((s) => s.insertAt);
  const { setInsertAt, deleteStep } = sessionActions();
  return (
    <div className="step-tools">
      {insertAt === null ? (
        <button type="button" className="button" onClick={() => setInsertAt(position)}>{t('steps.insertHere', { at: position })}</button>
      ) : (
        <p className="insert-banner" role="status">
          {t('steps.inserting', { at: insertAt })}
          <button type="button" className="button" onClick={() => setInsertAt(null)}>{t('steps.cancelInsert')}</button>
        </p>
      )}
      <button type="button" className="button" aria-disabled={position === 0 || undefined}
        onClick={position === 0 ? undefined : () => deleteStep(position - 1)}>
        {t('steps.deleteCurrent', { n: position })}
      </button>
      {narration && position > 0 && (
        <narration.NoteEditor key={position} index={position - 1} note={note}
          onSave={(text) => sessionActions().setStepNote(position - 1, text)} />
      )}
    </div>
  );
}

/** Steps listed at most, around the cursor. */
export const STEP_WINDOW = 60;

/** Every step in words; the current one is highlighted and a click jumps to it. */
export function StepList({ scenario, position, stepErrors }: {
  scenario: Scenario; position: number; stepErrors: StepErrorReport[];
}) {
  const { t, i18n } = useTranslation();
  const number = numberFormatFor(i18n.language);
  const listRef = useRef<HTMLOListElement>(null);
  const documentSteps = useSession((s) => s.document?.steps);
  const invalidSteps = useSession((s) => s.invalidSteps);
  const world = useSession((s) => s.world);
  const narration = useNarration();

  // A long scenario lists a window around the cursor: jumping across 3,000 steps stays cheap.
  const count = 1 + Math.max(scenario.steps.length, Array.isArray(documentSteps) ? documentSteps.length : 0);
  const from = Math.max(0, Math.min(position - STEP_WINDOW / 2, count - STEP_WINDOW));
  const to = Math.min(count, from + STEP_WINDOW);
  const rows = to - from;

  // Whether the list is on screen: while it is not (below the fold on a laptop), keeping the
  // current entry scrolled into view waits, so a jump never forces a layout of the hidden panel.
  const onScreen = useRef(false);
  const pendingScroll = useRef(true);
  /** The current row was placed in view, and the reader has not scrolled the list since. */
  const placed = useRef(false);
  const keepCurrentInView = () => {
    const list = listRef.current;
    const current = list?.querySelector<HTMLElement>('[aria-current="step"]');
    if (!list || !current) return;
    pendingScroll.current = false;
    const top = current.offsetTop - list.offsetTop;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + current.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = top + current.offsetHeight - list.clientHeight;
    }
    placed.current = true;
  };

  useEffect(() => {
    const list = listRef.current;
    if (!list || typeof IntersectionObserver === 'undefined') {
      onScreen.current = true;
      return;
    }
    const observer = new IntersectionObserver(([entry]) => {
      onScreen.current = entry.isIntersecting;
      if (onScreen.current && pendingScroll.current) keepCurrentInView();
    });
    observer.observe(list);
    return () => observer.disconnect();
  }, []);

  // Rows change height after the current one was placed (their texts arrive with the language's
  // chunk, a narrower column wraps them, the list's own height follows the viewport): the current
  // row is placed again, unless the reader has scrolled the list since.
  useEffect(() => {
    const list = listRef.current;
    if (!list || typeof ResizeObserver === 'undefined') return;
    // The reader's own scrolling (wheel, touch, the scrollbar, keys): not the browser's scroll
    // anchoring, which also fires scroll events when rows change height.
    const readerScrolled = () => { placed.current = false; };
    const inputs = ['wheel', 'touchmove', 'pointerdown', 'keydown'] as const;
    const observer = new ResizeObserver(() => {
      if (onScreen.current && placed.current) keepCurrentInView();
    });
    observer.observe(list);
    for (const row of list.children) observer.observe(row);
    for (const input of inputs) list.addEventListener(input, readerScrolled, { passive: true });
    return () => {
      observer.disconnect();
      for (const input of inputs) list.removeEventListener(input, readerScrolled);
    };
  }, [rows]);

  useEffect(() => {
    pendingScroll.current = true;
    if (!onScreen.current) return;
    // Measured in the next frame, after the browser's own layout, rather than forcing one now.
    const frame = requestAnimationFrame(keepCurrentInView);
    return () => cancelAnimationFrame(frame);
  }, [position]);

  const describe = (at: number): string => {
    if (at === 0) return t('steps.initial');
    const step = scenario.steps[at - 1];
    if (step) return describeStep(step, t, (n) => number.format(n));
    const raw = Array.isArray(documentSteps) ? documentSteps[at - 1] : undefined;
    return describeDocumentStep((raw ?? {}) as Record<string, unknown>, t);
  };
  const positions = Array.from({ length: to - from }, (_, i) => from + i);
  // Errors of the steps applied so far, by position (step i ends at position i + 1).
  const refused = new Map(stepErrors.map((e) => [e.step + 1, e]));
  const explain = (error: StepErrorReport | undefined): string | undefined => {
    if (!error || !narration || !world) return undefined;
    return narration.explainStepError(error, scenario, world, i18n);
  };
  return (
    <nav className="panel steps-panel" aria-label={t('steps.label')}>
      <h2>{t('steps.label')}</h2>
      <StepTools position={position} note={scenario.steps[position - 1]?.note} />
      {from > 0 && <p className="muted steps-more">{t('steps.earlier', { count: from })}</p>}
      <ol className="steps" ref={listRef} start={from}>
        {/* Keyed by slot, not by step: a jump rewrites the rows' text in place instead of
            replacing sixty DOM subtrees. */}
        {positions.map((at) => (
          <StepRow key={at - from} t={t} at={at} text={describe(at)} noted={Boolean(scenario.steps[at - 1]?.note)} current={at === position} refused={refused.get(at)} explanation={explain(refused.get(at))} invalid={invalidSteps[at - 1]} />
        ))}
      </ol>
      {to < count && <p className="muted steps-more">{t('steps.later', { count: count - to })}</p>}
    </nav>
  );
}
