/**
 * The lessons' texts: the `lessons` i18n namespace, one lazy chunk per language
 * (`texts/en.json`, `texts/zh.json`), added to the app's i18next instance on first use.
 */
import type { i18n } from 'i18next';

export const LESSONS_NS = 'lessons';

const loaders: Record<string, () => Promise<{ default: object }>> = {
  en: () => import('./texts/en.json'),
  zh: () => import('./texts/zh.json'),
};

/** Makes the lesson texts of `language` (and English, every missing key's fallback) available. */
export async function loadLessonTexts(instance: i18n, language: string): Promise<void> {
  for (const lang of new Set(['en', language])) {
    if (instance.hasResourceBundle(lang, LESSONS_NS) || !loaders[lang]) continue;
    const texts = (await loaders[lang]()).default;
    instance.addResourceBundle(lang, LESSONS_NS, texts);
  }
}
