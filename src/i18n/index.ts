/**
 * i18next setup: the `en` and `zh` catalogs, bundled (no loading at run time), and the
 * language choice of ui-contract.md "Links": `?lang=en|zh`, else the choice saved on this
 * device, else the browser's language.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { cacheTranslations } from './cachedT';
import en from './en.json';

export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'kafka-inside.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** `zh`, `zh-CN`, `zh-Hant-TW` … are Chinese; everything else falls back to English. */
export function languageFromTag(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const base = tag.toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : null;
}

/** Storage may be denied (cross-site iframes): then the choice lives in memory only. */
function readSaved(): Language | null {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(saved) ? saved : null;
  } catch {
    return null;
  }
}

export function saveLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Storage denied: the choice lasts for this page only.
  }
}

export interface LanguageSources {
  search: string;
  saved: Language | null;
  navigatorLanguages: readonly string[];
}

/** The contract's order: the link's `?lang=`, the saved choice, the browser's languages, English. */
export function pickLanguage({ search, saved, navigatorLanguages }: LanguageSources): Language {
  const fromLink = new URLSearchParams(search).get('lang');
  if (isLanguage(fromLink)) return fromLink;
  if (saved) return saved;
  for (const tag of navigatorLanguages) {
    const language = languageFromTag(tag);
    if (language) return language;
  }
  return 'en';
}

export function detectLanguage(): Language {
  const nav = globalThis.navigator;
  return pickLanguage({
    search: globalThis.location?.search ?? '',
    saved: readSaved(),
    navigatorLanguages: nav ? (nav.languages?.length ? nav.languages : [nav.language]) : [],
  });
}

/** The `lang` attribute for the document root. */
export function htmlLang(language: Language): string {
  return language === 'zh' ? 'zh-CN' : 'en';
}

/**
 * English is bundled (it is also every missing key's fallback); Chinese is a chunk of its own,
 * loaded before the first render for a Chinese reader and on switching (`loadLanguage`).
 */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    returnNull: false,
    // React escapes text itself; the catalogs hold plain text only.
    interpolation: { escapeValue: false },
  });
  cacheTranslations(instance);
  return instance;
}

/** Makes `language`'s catalog available (a no-op for English and once loaded). */
export async function loadLanguage(instance: i18n, language: Language): Promise<void> {
  if (language === 'en' || instance.hasResourceBundle(language, 'translation')) return;
  const catalog = (await import('./zh.json')).default;
  instance.addResourceBundle(language, 'translation', catalog);
}
