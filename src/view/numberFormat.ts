/**
 * One `Intl.NumberFormat` per language, made once: building one costs far more than using it,
 * and several panels format numbers on every step.
 */
const formats = new Map<string, Intl.NumberFormat>();

export function numberFormatFor(language: string): Intl.NumberFormat {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language);
    formats.set(language, format);
  }
  return format;
}
