/**
 * Lists as the page's language joins them ("1, 2, and 3"; "1、2和3"), the way
 * `Intl.ListFormat(language, { type: 'conjunction', style: 'long' })` does, without building one
 * for English and Chinese: the first `Intl.ListFormat` loads the locale's data (about 10 ms, 40 ms
 * on a throttled phone), in the narration's first render, which is the largest paint of a linked
 * step. Other languages go to one `Intl.ListFormat` per language, made once.
 */
export interface ListFormat {
  format(items: readonly string[]): string;
}

/**
 * The joint of two items, then the joints of three or more. By exact locale: en-GB, for one,
 * writes no comma before "and".
 */
const EN = { pair: ' and ', between: ', ', beforeLast: ', and ' };
const ZH = { pair: '和', between: '、', beforeLast: '和' };
const JOINS: Record<string, typeof EN> = { en: EN, 'en-US': EN, zh: ZH, 'zh-CN': ZH };

const formats = new Map<string, ListFormat>();

export function listFormatFor(language: string): ListFormat {
  let format = formats.get(language);
  if (!format) {
    const join = Object.hasOwn(JOINS, language) ? JOINS[language] : undefined;
    if (join) {
      format = {
        format: (items) => {
          if (items.length <= 1) return items.join('');
          if (items.length === 2) return items[0] + join.pair + items[1];
          return items.slice(0, -1).join(join.between) + join.beforeLast + items[items.length - 1];
        },
      };
    } else {
      let intl: Intl.ListFormat | null = null;
      format = { format: (items) => (intl ??= new Intl.ListFormat(language, { style: 'long', type: 'conjunction' })).format(items) };
    }
    formats.set(language, format);
  }
  return format;
}
