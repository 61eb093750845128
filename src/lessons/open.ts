/** The lazy entry `openHash` uses for `#lesson=<id>`: the lesson's document, titled in the reader's language. */
import type { i18n } from 'i18next';
import { findLesson, lessonDocument } from './catalog';
import { LESSONS_NS, loadLessonTexts } from './texts';

export async function lessonDocumentFor(id: string, instance: i18n): Promise<Record<string, unknown> | null> {
  const lesson = findLesson(id);
  if (!lesson) return null;
  await loadLessonTexts(instance, instance.language);
  return lessonDocument(lesson, instance.t(`${id}.title`, { ns: LESSONS_NS }));
}
