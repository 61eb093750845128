/**
 * Sentences to text: numbers formatted for the language, broker lists joined as the language
 * joins a list ("2 and 3", "2和3"), then the `narration` catalog's words. Pure.
 */
import type { TFunction } from 'i18next';
import { listFormatFor } from '../listFormat';
import { numberFormatFor } from '../numberFormat';
import type { Param, Sentence } from './narrate';

export function formatParam(name: string, value: Param, language: string): string | number {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return name === 'count' ? value : numberFormatFor(language).format(value);
  return value.length === 0 ? '—' : listFormatFor(language).format(value.map((n) => numberFormatFor(language).format(n)));
}

export function resolveSentence(sentence: Sentence, t: TFunction, language: string): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(sentence.params)) params[name] = formatParam(name, value, language);
  return t(sentence.key, params);
}
