/**
 * The nesting limit of the format (shared scenario-format.md, "The headless runner"): at most 64
 * levels of JSON nesting, the document's root object being level 1. A deeper document gets this
 * one `$` problem and no other, before anything walks it, so no parser or walker of input ever
 * recurses deeper than the limit (a 2,000-deep link used to overflow the stack).
 *
 * Both measures are iterative and stop as soon as the limit is passed, so their cost is bounded
 * by the input's size whatever its shape.
 */
import type { Problem } from './problems';

export const MAX_NESTING = 64;

export const NESTING_PROBLEM: Problem = {
  path: '$',
  message: `nested deeper than the limit of ${MAX_NESTING} levels of JSON nesting (the document's root is level 1)`,
};

/**
 * The deepest nesting of `[` and `{` outside strings in JSON text, counting up to `limit + 1`
 * (stops there). Valid or not, text is scanned the way a JSON parser would nest it.
 */
export function textNestingDepth(text: string, limit = MAX_NESTING): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      i += 1;
      while (i < text.length && text.charCodeAt(i) !== 34) i += text.charCodeAt(i) === 92 /* \ */ ? 2 : 1;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      depth = Math.max(0, depth - 1);
    }
  }
  return deepest;
}

/**
 * The one `$` problem of a parsed value (from JSON.parse, IndexedDB or a file) that is not plain,
 * tree-shaped data within the limit, else null: arrays and objects nest at most `limit` levels and
 * no object is reached twice (structured clones can share or cycle; JSON text cannot). Iterative;
 * it stops at the first object past the limit or seen twice.
 */
export function valueNestingProblem(value: unknown, limit = MAX_NESTING): Problem | null {
  const seen = new Set<object>();
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  while (stack.length > 0) {
    const { value: item, depth } = stack.pop() as { value: unknown; depth: number };
    if (item === null || typeof item !== 'object') continue;
    if (depth > limit) return NESTING_PROBLEM;
    if (seen.has(item)) return { path: '$', message: 'is not plain JSON data (an object or array appears in it twice)' };
    seen.add(item);
    const children = Array.isArray(item) ? item : Object.values(item);
    for (const child of children) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
    }
  }
  return null;
}
