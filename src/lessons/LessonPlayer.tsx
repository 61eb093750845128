/**
 * The lesson player (a lazy chunk): the narration of the current position (`narration`), the
 * notes-vs-Kafka-today callout, the question asked before the step that answers it (`question`,
 * `choice` with `data-correct` once answered or stepped past), the highlights, and at the end
 * "try it yourself" (the lesson forks into an ordinary session at that point).
 * Keys are never blocked: stepping past a question reveals its answer.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionActions, sessionStore } from '../store/sessionStore';
import { viewActions } from '../store/viewStore';
import { lessonLink } from '../app/link';
import { withCommandWords } from '../view/commandText';
import { answer, useAnswer } from './answers';
import { LESSONS, findLesson, narrationPosition } from './catalog';
import { showCourse } from './courseView';
import { adoptHighlightCss, highlightCss, highlightsSelector, scrollToHighlight, useOffscreen } from './highlight';
import { recordProgress } from './progress';
import { LESSONS_NS, loadLessonTexts } from './texts';
import type { Lesson, Question } from './types';
import './lessons.css';

function QuestionBox({ lesson, at, question, position }: { lesson: Lesson; at: number; question: Question; position: number }) {
  const { t } = useTranslation(LESSONS_NS);
  const chosen = useAnswer(lesson.id, at);
  const revealed = chosen !== undefined || position > at;
  const right = question.choices.find((c) => c.id === chosen)?.correct;
  const key = `${lesson.id}.q${at}`;
  return (
    <section className="lesson-question" data-testid="question" data-question={at} aria-labelledby={`${key}-prompt`}>
      <p className="lesson-question-prompt" id={`${key}-prompt`}><strong>{t('ui.predict')}</strong> {withCommandWords(t(`${key}.prompt`))}</p>
      <ul className="lesson-choices">
        {question.choices.map((c) => (
          <li key={c.id}>
            <button
              type="button" className={`button lesson-choice${chosen === c.id ? ' chosen' : ''}`} data-testid="choice" data-choice={c.id}
              data-correct={revealed ? String(c.correct) : undefined} aria-pressed={chosen === c.id}
              disabled={revealed && chosen !== undefined && chosen !== c.id}
              onClick={() => { if (chosen === undefined) answer(lesson.id, at, c.id); }}
            >
              {revealed && <span className="lesson-mark" aria-hidden="true">{c.correct ? '✓' : '✗'}</span>}
              {withCommandWords(t(`${key}.${c.id}`))}
              {revealed && <span className="sr-only">{c.correct ? t('ui.isCorrect') : t('ui.isWrong')}</span>}
            </button>
          </li>
        ))}
      </ul>
      {revealed && (
        <div className="lesson-verdict" data-testid="verdict" data-right={chosen === undefined ? undefined : String(right)} aria-live="polite">
          <p><strong>{chosen === undefined ? t('ui.skipped') : right ? t('ui.right') : t('ui.wrong')}</strong></p>
          {position >= question.revealAt
            ? <p>{withCommandWords(t(`${key}.why`))}</p>
            : <button type="button" className="button button-primary" onClick={() => sessionActions().seek(question.revealAt)}>{t('ui.show')}</button>}
        </div>
      )}
    </section>
  );
}

export function LessonPlayer({ id, position, total }: { id: string; position: number; total: number }) {
  const { t, i18n } = useTranslation(LESSONS_NS);
  const [, setLoaded] = useState(0);
  useEffect(() => {
    void loadLessonTexts(i18n, i18n.language).then(() => setLoaded((n) => n + 1));
  }, [i18n, i18n.language]);
  useEffect(() => {
    void recordProgress(id, position, total);
  }, [id, position, total]);
  const lesson = findLesson(id);
  const current = lesson?.stops[Math.min(position, lesson.stops.length - 1)];
  const highlightTarget = highlightsSelector(current?.highlight ?? []);
  const highlighted = highlightCss(highlightTarget);
  useEffect(() => adoptHighlightCss(highlighted), [highlighted]);
  // A highlight off screen (a lag chart below the fold) gets a button that brings it into view;
  // the page never scrolls by itself, away from the text being read.
  const offscreen = useOffscreen(highlightTarget);
  if (!lesson || !current) return null;
  const k = narrationPosition(lesson, position, (key) => i18n.exists(key, { ns: LESSONS_NS }));
  const narrated = lesson.stops[k];
  // Every question asked and not yet past its answer (one answered at the step where the next is asked shows both).
  const asked = lesson.stops.flatMap((s, at) => (s.question && at <= position && position <= s.question.revealAt ? [{ at, question: s.question }] : []));
  const nextId = lesson.next ?? LESSONS[LESSONS.indexOf(lesson) + 1]?.id;
  const disk = current.disk;
  const openDisk = () => {
    if (!disk) return;
    viewActions().select({ kind: 'partition', topic: disk.topic, partition: disk.partition });
    requestAnimationFrame(() => {
      const toggle = document.querySelector<HTMLButtonElement>('[data-testid="disk-toggle"]');
      if (toggle && toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
      toggle?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    });
  };
  const fork = () => {
    const { scenario, document } = sessionStore.getState();
    if (scenario && document) sessionActions().load({ kind: 'edited' }, scenario, position, null, document);
  };
  return (
    <section className="lesson" aria-labelledby="lesson-title">
      <p className="lesson-head">
        <span className="lesson-chapter">{t(`chapters.${lesson.chapter}`)}</span>
        <span id="lesson-title" className="lesson-title">{t(`${id}.title`)}</span>
        <span className="lesson-count">{t('ui.position', { n: position, total })}</span>
      </p>
      <div className="lesson-narration" data-testid="narration" aria-live="polite">
        <p>{withCommandWords(t(`${id}.n${k}`))}</p>
      </div>
      {narrated.callout && (
        <aside className="lesson-callout" data-testid="callout">
          <p className="lesson-callout-title">{t('ui.notesVsKafka')}</p>
          <p>{withCommandWords(t(`${id}.n${k}callout`))}</p>
        </aside>
      )}
      {asked.map((q) => <QuestionBox key={q.at} lesson={lesson} at={q.at} question={q.question} position={position} />)}
      <div className="lesson-actions">
        {offscreen && (
          <button type="button" className="button" data-testid="see-highlight" onClick={() => scrollToHighlight(highlightTarget)}>
            {t(offscreen === 'below' ? 'ui.seeHighlightBelow' : 'ui.seeHighlightAbove')}
          </button>
        )}
        {disk && <button type="button" className="button" onClick={openDisk}>{t('ui.disk')}</button>}
        {asked.length === 0 && position < total && (
          <button type="button" className="button button-primary" onClick={() => sessionActions().next()} data-testid="lesson-next">{t('ui.next')}</button>
        )}
        {position >= total && (
          <>
            <button type="button" className="button button-primary" onClick={fork} data-testid="try-it">{t('ui.tryIt')}</button>
            {nextId && <a className="button" href={lessonLink(nextId, 0)}>{t('ui.nextLesson', { title: t(`${nextId}.title`) })}</a>}
          </>
        )}
        <button type="button" className="button" onClick={() => showCourse(true)}>{t('ui.course')}</button>
      </div>
    </section>
  );
}
