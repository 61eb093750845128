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

/** Per i18next instance (tests make several), the languages on their way. */
const loadingFor = new WeakMap<i18n, Map<string, Promise<void>>>();

/**
 * Makes the lesson texts of `language` (and English, every missing key's fallback) available.
 * Both languages load at once, and a second call while they load waits for the same requests:
 * the start page asks for them before the course chunk has arrived (main.tsx, `openFirst`).
 */
export async function loadLessonTexts(instance: i18n, language: string): Promise<void> {
  const loading = loadingFor.get(instance) ?? new Map<string, Promise<void>>();
  loadingFor.set(instance, loading);
  await Promise.all([...new Set(['en', language])].map((lang) => {
    if (instance.hasResourceBundle(lang, LESSONS_NS) || !loaders[lang]) return undefined;
    let pending = loading.get(lang);
    if (!pending) {
      pending = loaders[lang]().then((texts) => {
        instance.addResourceBundle(lang, LESSONS_NS, texts.default);
      }).finally(() => loading.delete(lang));
      loading.set(lang, pending);
    }
    return pending;
  }));
}
