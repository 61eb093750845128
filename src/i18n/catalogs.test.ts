import { describe, expect, it } from 'vitest';
import en from './en.json';
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
  it('en and zh have the same keys, with the same placeholders', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
    for (const key of keys(en)) {
      expect(placeholders(lookup(zh, key)), key).toEqual(placeholders(lookup(en, key)));
      expect(lookup(zh, key).trim(), key).not.toBe('');
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
