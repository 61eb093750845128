/**
 * The lessons' texts: the `lessons` i18n namespace, in two parts per language.
 * - `texts/index.<lang>.json`: what the course page shows (its own words, the chapters, each
 *   lesson's title and promise), small and bundled with this module, so the course page draws
 *   as soon as its chunk is in, in either language;
 * - `texts/<lang>.json`: everything a lesson says while it plays, one lazy chunk per language.
 * Both are merged into the same namespace on the app's i18next instance.
 */
import type { i18n } from 'i18next';
import indexEn from './texts/index.en.json';
import indexZh from './texts/index.zh.json';

export const LESSONS_NS = 'lessons';

const INDEX: Record<string, object> = { en: indexEn, zh: indexZh };

const loaders: Record<string, () => Promise<{ default: object }>> = {
  en: () => import('./texts/en.json'),
  zh: () => import('./texts/zh.json'),
};

/** Per i18next instance (tests make several): the index added, and the languages on their way. */
const indexed = new WeakSet<i18n>();
const loadingFor = new WeakMap<i18n, Map<string, Promise<void>>>();
const loadedFor = new WeakMap<i18n, Set<string>>();

/** Adds the course page's texts (both languages) to `instance`, once. Synchronous. */
export function addCourseIndexTexts(instance: i18n): void {
  if (indexed.has(instance)) return;
  indexed.add(instance);
  for (const [lang, texts] of Object.entries(INDEX)) instance.addResourceBundle(lang, LESSONS_NS, texts, true, true);
}

/**
 * Makes every lesson text of `language` (and English, every missing key's fallback) available.
 * Both languages load at once, and a second call while they load waits for the same requests:
 * the start page asks for them before the course chunk has arrived (main.tsx, `openFirst`).
 */
export async function loadLessonTexts(instance: i18n, language: string): Promise<void> {
  addCourseIndexTexts(instance);
  const loading = loadingFor.get(instance) ?? new Map<string, Promise<void>>();
  loadingFor.set(instance, loading);
  const loaded = loadedFor.get(instance) ?? new Set<string>();
  loadedFor.set(instance, loaded);
  await Promise.all([...new Set(['en', language])].map((lang) => {
    if (loaded.has(lang) || !loaders[lang]) return undefined;
    let pending = loading.get(lang);
    if (!pending) {
      pending = loaders[lang]().then((texts) => {
        instance.addResourceBundle(lang, LESSONS_NS, texts.default, true, true);
        loaded.add(lang);
      }).finally(() => loading.delete(lang));
      loading.set(lang, pending);
    }
    return pending;
  }));
}
