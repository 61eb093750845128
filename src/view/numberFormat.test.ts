import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberFormatFor } from './numberFormat';

describe('numberFormatFor', () => {
  it('writes whole numbers exactly as Intl.NumberFormat does, in English and Chinese', () => {
    for (const language of ['en', 'zh', 'zh-CN']) {
      const ours = numberFormatFor(language);
      const intl = new Intl.NumberFormat(language);
      for (const n of [0, 7, 999, 1000, 1234, 100000, 1234567, -1, -1000, -987654321, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) {
        expect(ours.format(n)).toBe(intl.format(n));
      }
      fc.assert(fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => ours.format(n) === intl.format(n)));
    }
  });

  it('hands other numbers to Intl.NumberFormat', () => {
    const en = numberFormatFor('en');
    expect(en.format(1234.5)).toBe('1,234.5');
    expect(en.format(-0)).toBe(new Intl.NumberFormat('en').format(-0));
    expect(en.format(Number.NaN)).toBe('NaN');
    expect(en.format(2 ** 60)).toBe(new Intl.NumberFormat('en').format(2 ** 60));
  });

  it('the callers may take format off the object', () => {
    const { format } = numberFormatFor('zh');
    expect(format(12345)).toBe('12,345');
  });
});
