/**
 * Texts of a rarely used panel travel in the panel's lazy chunk, not in the app's first
 * download: the chunk imports its `<ns>.en.json` / `<ns>.zh.json` and adds them here before its
 * first render (`useTranslation(ns)` then finds them).
 */
import type { i18n } from 'i18next';

export function ensureNamespace(instance: i18n, ns: string, catalogs: { en: object; zh: object }): void {
  if (instance.hasResourceBundle('en', ns)) return;
  instance.addResourceBundle('en', ns, catalogs.en);
  instance.addResourceBundle('zh', ns, catalogs.zh);
}
