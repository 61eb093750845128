/**
 * The fast way in for JSON text that is almost always valid (links, saved sessions): the
 * engine's JSON.parse, plus a check that no object names a key twice (JSON.parse would keep
 * the last one silently). Returns null when the text needs the full parser (`jsonText.ts`,
 * loaded lazily by the app) to say exactly what is wrong and where.
 *
 * The duplicate check counts member names two ways. Once JSON.parse has accepted the text, a
 * string token followed by ":" is exactly a member name, so a scan that tracks only string
 * boundaries counts them; the parsed value's objects hold one key per distinct name. The two
 * counts differ exactly when some object repeats a key.
 */
import { MAX_NESTING, textNestingDepth } from './nesting';

export function parseJsonQuickly(text: string): { value: unknown } | null {
  // Too deep: the full parser says so (the one `$` problem of nesting.ts).
  if (textNestingDepth(text) > MAX_NESTING) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return memberNamesInText(text) === keysInValue(value) ? { value } : null;
}

/** Member names in valid JSON text: strings whose next non-blank character is ":". */
export function memberNamesInText(text: string): number {
  let names = 0;
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) !== 34 /* " */) {
      i += 1;
      continue;
    }
    i += 1;
    while (i < text.length && text.charCodeAt(i) !== 34) i += text.charCodeAt(i) === 92 /* \ */ ? 2 : 1;
    i += 1;
    let j = i;
    while (j < text.length && (text[j] === ' ' || text[j] === '\n' || text[j] === '\r' || text[j] === '\t')) j += 1;
    if (text[j] === ':') names += 1;
  }
  return names;
}

/** Keys of every object in a parsed value, walked with an explicit stack. */
function keysInValue(value: unknown): number {
  let sum = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === null || typeof item !== 'object') continue;
    if (Array.isArray(item)) {
      for (const child of item) stack.push(child);
    } else {
      for (const child of Object.values(item)) {
        sum += 1;
        stack.push(child);
      }
    }
  }
  return sum;
}
