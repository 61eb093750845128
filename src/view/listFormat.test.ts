import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listFormatFor } from './listFormat';

describe('listFormatFor', () => {
  it('joins lists exactly as Intl.ListFormat does, in English and Chinese', () => {
    for (const language of ['en', 'en-US', 'zh', 'zh-CN', 'en-GB', 'zh-TW']) {
      const ours = listFormatFor(language);
      const intl = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });
      for (let n = 0; n <= 6; n += 1) {
        const items = ['1', '2', '3', '10', '1,000', '7'].slice(0, n);
        expect(ours.format(items)).toBe(intl.format(items));
      }
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: 99999 }).map(String), { maxLength: 8 }), (items) => ours.format(items) === intl.format(items)),
      );
    }
  });

  it('hands other languages to Intl.ListFormat', () => {
    expect(listFormatFor('en-GB').format(['1', '2', '3'])).toBe('1, 2 and 3');
    expect(listFormatFor('fr').format(['1', '2', '3'])).toBe(new Intl.ListFormat('fr', { style: 'long', type: 'conjunction' }).format(['1', '2', '3']));
  });

  it('writes the lists a narration shows', () => {
    expect(listFormatFor('en').format(['1', '2', '3'])).toBe('1, 2, and 3');
    expect(listFormatFor('zh').format(['1', '2', '3'])).toBe('1、2和3');
  });
});
