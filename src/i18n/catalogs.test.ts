import { describe, expect, it } from 'vitest';
import aboutEn from './about.en.json';
import aboutZh from './about.zh.json';
import diskEn from './disk.en.json';
import diskZh from './disk.zh.json';
import en from './en.json';
import narrationEn from './narration.en.json';
import narrationZh from './narration.zh.json';
import newScenarioEn from './newScenario.en.json';
import newScenarioZh from './newScenario.zh.json';
import savedEn from './saved.en.json';
import savedZh from './saved.zh.json';
import groupsEn from './groups.en.json';
import groupsZh from './groups.zh.json';
import chartEn from './chart.en.json';
import chartZh from './chart.zh.json';
import cliEn from './cli.en.json';
import cliZh from './cli.zh.json';
import problemsEn from './problems.en.json';
import problemsZh from './problems.zh.json';
import compareEn from './compare.en.json';
import compareZh from './compare.zh.json';
import zh from './zh.json';
import { languageFromTag, pickLanguage } from './index';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
}

function lookup(catalog: unknown, key: string): string {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog) as string;
}

describe('catalogs', () => {
  // The app's catalog, and the namespaces that load with lazy panels (i18n/lazyNamespace.ts).
  const pairs: [string, unknown, unknown][] = [
    ['translation', en, zh], ['about', aboutEn, aboutZh], ['disk', diskEn, diskZh], ['saved', savedEn, savedZh], ['newScenario', newScenarioEn, newScenarioZh], ['narration', narrationEn, narrationZh], ['groups', groupsEn, groupsZh], ['chart', chartEn, chartZh], ['cli', cliEn, cliZh], ['problems', problemsEn, problemsZh], ['compare', compareEn, compareZh],
  ];
  it.each(pairs)('%s: en and zh have the same keys, with the same placeholders', (_, english, chinese) => {
    expect(keys(chinese).sort()).toEqual(keys(english).sort());
    for (const key of keys(english)) {
      expect(placeholders(String(lookup(chinese, key))), key).toEqual(placeholders(String(lookup(english, key))));
      expect(String(lookup(chinese, key)).trim(), key).not.toBe('');
    }
  });
});

describe('language choice', () => {
  it('prefers ?lang=, then the saved choice, then the browser', () => {
    expect(pickLanguage({ search: '?lang=zh', saved: 'en', navigatorLanguages: ['en-US'] })).toBe('zh');
    expect(pickLanguage({ search: '?lang=fr', saved: 'zh', navigatorLanguages: ['en-US'] })).toBe('zh');
    expect(pickLanguage({ search: '', saved: null, navigatorLanguages: ['fr-FR', 'zh-TW'] })).toBe('zh');
    expect(pickLanguage({ search: '', saved: null, navigatorLanguages: ['fr-FR'] })).toBe('en');
    expect(languageFromTag('zh-Hans-CN')).toBe('zh');
    expect(languageFromTag('EN_gb')).toBe('en');
  });
});
