/**
 * The narration is a lazy chunk (its code and, per language, its texts): the first picture does
 * not wait for it. `useNarration()` starts loading it and returns the module once the texts of
 * the current language are in i18next's `narration` namespace (null until then).
 */
import { startTransition, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { i18n } from 'i18next';

export type NarrationModule = typeof import('./narrationModule');

let modulePromise: Promise<NarrationModule> | null = null;
/** The module once it has arrived: a component mounted after that draws the sentences at once. */
let arrived: NarrationModule | null = null;

/**
 * The texts' chunk is asked for alongside the module's, not after it (the module imports the same
 * file, which is then already on its way): on a first visit the narration is the page's largest
 * text, and a second round trip delayed it.
 */
const textsAhead = {
  en: () => import('../../i18n/narration.en.json'),
  zh: () => import('../../i18n/narration.zh.json'),
};

export function loadNarration(instance: i18n, language: string): Promise<NarrationModule> {
  if (!instance.hasResourceBundle(language, 'narration')) void textsAhead[language === 'zh' ? 'zh' : 'en']().catch(() => undefined);
  modulePromise ??= import('./narrationModule').then((module) => (arrived = module));
  return modulePromise.then(async (module) => {
    await module.loadNarrationTexts(instance, language);
    return module;
  });
}

export function useNarration(): NarrationModule | null {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const [loaded, setLoaded] = useState<{ module: NarrationModule; language: string } | null>(() => (arrived ? { module: arrived, language } : null));
  useEffect(() => {
    let live = true;
    void loadNarration(i18n, language).then((module) => {
      if (live) setLoaded({ module, language });
    });
    return () => {
      live = false;
    };
  }, [i18n, language]);
  return loaded && i18n.hasResourceBundle(language, 'narration') ? loaded.module : null;
}

/**
 * How long a first load waits for the narration: StepNarration keeps what follows it hidden that
 * long at most, and the page's secondary parts (the groups, the inspector, the console, the
 * animation layer) wait as long before they mount anyway.
 */
export const FIRST_LOAD_HOLD_MS = 1000;
/** Once settled, settled for good (a language switch reloads texts; the panels stay). */
let settledOnce = false;

/**
 * Whether the narration is in (or `FIRST_LOAD_HOLD_MS` have passed): the panels below the cluster mount
 * then, not with the first render. Their chunks (about 40 kB) otherwise load alongside the
 * narration's, which is the page's largest text, and share the network with it; they are below
 * the fold, and hidden until the narration is in anyway.
 */
export function useNarrationSettled(): boolean {
  const narration = useNarration();
  const [settled, setSettled] = useState(settledOnce);
  useEffect(() => {
    if (settled) return undefined;
    // In a transition: the panels' first render is sliced, after the narration's own commit.
    const settle = () => startTransition(() => {
      settledOnce = true;
      setSettled(true);
    });
    if (narration) {
      settle();
      return undefined;
    }
    const timer = setTimeout(settle, FIRST_LOAD_HOLD_MS);
    return () => clearTimeout(timer);
  }, [settled, narration]);
  return settled;
}
