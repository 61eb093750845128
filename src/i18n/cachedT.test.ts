import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { cacheTranslations, callKey } from './cachedT';

function instance(cached: boolean) {
  const i18n = i18next.createInstance();
  void i18n.init({
    lng: 'en', fallbackLng: 'en', initAsync: false, interpolation: { escapeValue: false },
    resources: {
      en: { translation: { hello: 'Hello {{name}}', apples_one: '{{count}} apple', apples_other: '{{count}} apples', list: ['a', 'b'] } },
      zh: { translation: { hello: '你好 {{name}}' } },
    },
  });
  if (cached) cacheTranslations(i18n);
  return i18n;
}

describe('the translation cache', () => {
  it('answers every call as i18next does, plain or not', () => {
    const plain = instance(false).getFixedT('en');
    const cached = instance(true).getFixedT('en');
    const calls: [unknown, unknown?][] = [
      ['hello', { name: 'Ann' }], ['hello', { name: 'Bo' }], ['hello', { name: 'Ann' }],
      ['apples', { count: 1 }], ['apples', { count: 2 }], ['apples', { count: 1 }],
      ['missing.key'], ['missing.key', { defaultValue: 'fallback' }],
      ['list', { returnObjects: true }], [['missing', 'hello'], { name: 'x' }], ['hello', { name: { nested: 1 } }],
    ];
    for (const call of calls) {
      const t = (f: typeof plain) => (f as unknown as (...a: unknown[]) => unknown)(...call);
      expect(t(cached)).toEqual(t(plain));
    }
  });

  it('keeps a number and a string apart, and skips calls that are not plain', () => {
    expect(callKey('s', 'k', { count: 1 })).not.toBe(callKey('s', 'k', { count: '1' }));
    expect(callKey('s', 'k', { a: null })).not.toBe(callKey('s', 'k', { a: 'null' }));
    expect(callKey('s', 'k', { a: { b: 1 } })).toBeNull();
    expect(callKey('s', ['k'], undefined)).toBeNull();
    expect(callKey('s', 'k', 'a default')).toBeNull();
    expect(callKey('s', 'about:title', undefined)).toBeNull();
    expect(callKey('s', 'title', { ns: 'about' })).toBeNull();
  });

  it('starts over when the language changes or a catalog is added', async () => {
    const i18n = instance(true);
    const t = i18n.getFixedT(null, 'translation');
    expect(t('hello', { name: 'A' })).toBe('Hello A');
    await i18n.changeLanguage('zh');
    expect(t('hello', { name: 'A' })).toBe('你好 A');
    const en = i18n.getFixedT('en');
    expect(en('added.key')).toBe('added.key');
    i18n.addResourceBundle('en', 'translation', { added: { key: 'now here' } }, true);
    expect(en('added.key')).toBe('now here');
    // Another namespace arriving leaves this one's texts; its own function sees it at once.
    const about = i18n.getFixedT('en', 'about');
    expect(about('title')).toBe('title');
    i18n.addResourceBundle('en', 'about', { title: 'About' });
    expect(about('title')).toBe('About');
    expect(en('translation:added.key')).toBe('now here');
  });
});
