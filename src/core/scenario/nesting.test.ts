import { describe, expect, it } from 'vitest';
import { parseJsonText } from './jsonText';
import { MAX_NESTING, NESTING_PROBLEM, textNestingDepth, valueNestingProblem } from './nesting';
import { parseJsonQuickly } from './quickJson';
import { parseScenarioText } from './scenarioText';
import { validateScenarioDocument } from './validateScenario';

/** A document whose root object is level 1 and whose `title` holds `levels - 1` nested arrays. */
function nestedText(levels: number): string {
  return `{"version":1,"title":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;
}

describe('the nesting limit: 64 levels, the root object being level 1', () => {
  it('measures text by its brackets outside strings', () => {
    expect(textNestingDepth('{}')).toBe(1);
    expect(textNestingDepth('{"a": "[[[{{{", "b": [{}]}')).toBe(3);
    expect(textNestingDepth('"\\"[["')).toBe(0);
    expect(textNestingDepth(nestedText(64))).toBe(64);
    expect(textNestingDepth(nestedText(2000))).toBe(65); // it stops counting past the limit
  });

  it('a document at the limit is judged on its fields; one level more gets the one $ problem', () => {
    const atLimit = parseScenarioText(nestedText(MAX_NESTING));
    expect(atLimit.ok).toBe(false);
    expect(!atLimit.ok && atLimit.problems.map((p) => p.path)).toEqual(['title']);
    expect(parseScenarioText(nestedText(MAX_NESTING + 1))).toEqual({ ok: false, problems: [NESTING_PROBLEM] });
  });

  it('2,000 levels (a 539-character link) and 100,000 levels: one $ problem, no stack overflow', () => {
    for (const levels of [2000, 100000]) {
      const text = nestedText(levels);
      expect(parseJsonText(text)).toEqual({ ok: false, problems: [NESTING_PROBLEM] });
      expect(parseJsonQuickly(text)).toBeNull();
      expect(parseScenarioText(text)).toEqual({ ok: false, problems: [NESTING_PROBLEM] });
      // A parsed value (IndexedDB, a file) is checked the same way.
      expect(validateScenarioDocument(JSON.parse(text))).toEqual({ ok: false, problems: [NESTING_PROBLEM] });
    }
  });

  it('invalid JSON that is too deep gets the nesting problem only', () => {
    expect(parseScenarioText(`{"version":1,"title":${'['.repeat(3000)}`)).toEqual({ ok: false, problems: [NESTING_PROBLEM] });
  });

  it('a value that is not tree-shaped (shared or cyclic, as structured clones can be) is one $ problem', () => {
    const shared = { a: 1 };
    expect(valueNestingProblem({ x: shared, y: shared })?.path).toBe('$');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(validateScenarioDocument(cyclic)).toEqual({ ok: false, problems: [expect.objectContaining({ path: '$' })] });
    expect(valueNestingProblem({ a: [1, { b: [] }] })).toBeNull();
  });
});
