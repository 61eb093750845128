/**
 * Numbers as the page's language writes them. Whole numbers (offsets, positions, milliseconds:
 * nearly all the app shows) are grouped by thousands with "," in both languages, as
 * `Intl.NumberFormat('en' | 'zh')` does, without building one: the first `Intl.NumberFormat`
 * loads the locale's data (about 25 ms on the first page, in the frame before anything shows).
 * Other numbers, and other languages, go to one `Intl.NumberFormat` per language, made once.
 */
export interface NumberFormat {
  format(value: number): string;
}

const GROUPED_BY_COMMA = new Set(['en', 'zh']);
const formats = new Map<string, NumberFormat>();

function groupWhole(value: number): string {
  const digits = String(Math.abs(value));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) out = (end > 3 ? ',' : '') + digits.slice(Math.max(0, end - 3), end) + out;
  return value < 0 ? `-${out}` : out;
}

export function numberFormatFor(language: string): NumberFormat {
  let format = formats.get(language);
  if (!format) {
    let intl: Intl.NumberFormat | null = null;
    const general = (value: number) => (intl ??= new Intl.NumberFormat(language)).format(value);
    const whole = GROUPED_BY_COMMA.has(language.split('-')[0]);
    format = { format: (value) => (whole && Number.isSafeInteger(value) && !Object.is(value, -0) ? groupWhole(value) : general(value)) };
    formats.set(language, format);
  }
  return format;
}
