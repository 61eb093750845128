/**
 * The course (a lazy chunk that carries its table of contents and texts: courseIndex.ts,
 * texts.ts): the chapters in the study notes' order, each lesson with its one-line promise and
 * the student's progress (IndexedDB), the lessons still to come, and the sandbox (the built-in
 * example).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonProgress } from '../persist/sessionDb';
import { lessonLink } from '../app/link';
import { useSession } from '../store/sessionStore';
import { CHAPTERS, COMING, COURSE } from './courseIndex';
import { showCourse } from './courseView';
import { readProgress } from './progress';
import { browserIdle } from '../app/idle';
import { addCourseIndexTexts, LESSONS_NS, loadLessonTexts } from './texts';
import './lessons.css';

function progressText(t: (key: string, options?: Record<string, unknown>) => string, progress: LessonProgress | undefined): string {
  if (!progress || progress.furthest === 0) return t('ui.notStarted');
  if (progress.furthest >= progress.total) return t('ui.done');
  return t('ui.reached', { n: progress.furthest, total: progress.total });
}

export function CoursePage({ onOpenExample }: { onOpenExample: () => void }) {
  const { t, i18n } = useTranslation(LESSONS_NS);
  // Its texts come with this chunk (texts.ts): the page draws at once, in either language.
  addCourseIndexTexts(i18n);
  const [progress, setProgress] = useState<Map<string, LessonProgress>>(new Map());
  const hasSession = useSession((s) => s.scenario !== null);
  useEffect(() => {
    void readProgress().then(setProgress);
  }, []);
  useEffect(() => {
    // The lessons' own texts, for the lesson the reader opens next, once the page is drawn.
    const idle = browserIdle(3000);
    const handle = idle.request(() => void loadLessonTexts(i18n, i18n.language).catch(() => undefined));
    return () => idle.cancel(handle);
  }, [i18n, i18n.language]);
  return (
    <main className="course" aria-labelledby="course-title">
      <div className="course-head">
        <h1 id="course-title">{t('ui.courseTitle')}</h1>
        <p className="muted">{t('ui.courseIntro')}</p>
        <div className="course-head-actions">
          <button type="button" className="button" onClick={onOpenExample} data-testid="sandbox">{t('ui.sandbox')}</button>
          {hasSession && <button type="button" className="button" onClick={() => showCourse(false)}>{t('ui.back')}</button>}
        </div>
      </div>
      <ol className="course-chapters">
        {CHAPTERS.map((chapter) => {
          const lessons = COURSE.filter((l) => l.chapter === chapter);
          const coming = COMING.filter((l) => l.chapter === chapter);
          return (
            <li key={chapter} className="course-chapter">
              <h2>{t(`chapters.${chapter}`)}</h2>
              <ul className="course-lessons">
                {lessons.map((lesson) => {
                  const reached = progress.get(lesson.id);
                  const at = reached && reached.furthest < reached.total ? reached.furthest : 0;
                  const href = lessonLink(lesson.id, at);
                  return (
                    <li key={lesson.id} className="course-lesson" data-testid="lesson" data-lesson={lesson.id}>
                      <a href={href} onClick={() => { if (window.location.hash === href) showCourse(false); }}>{t(`${lesson.id}.title`)}</a>
                      <span className="course-promise">{t(`${lesson.id}.promise`)}</span>
                      <span className="course-progress" data-progress={reached?.furthest ?? 0}>{progressText(t, reached)}</span>
                    </li>
                  );
                })}
                {coming.map((lesson) => (
                  <li key={lesson.id} className="course-lesson coming" data-testid="lesson-coming" data-lesson={lesson.id}>
                    <span className="course-coming-title">{t(`coming.${lesson.id}`)}</span>
                    <span className="course-progress">{t('ui.coming')}</span>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </main>
  );
}
