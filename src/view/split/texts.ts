/** The `compare` namespace (split view, its menu and notes) travels with the lazy chunks that use it. */
import { useTranslation } from 'react-i18next';
import en from '../../i18n/compare.en.json';
import zh from '../../i18n/compare.zh.json';
import { ensureNamespace } from '../../i18n/lazyNamespace';

export function useCompareTexts() {
  const result = useTranslation('compare');
  ensureNamespace(result.i18n, 'compare', { en, zh });
  return result;
}
