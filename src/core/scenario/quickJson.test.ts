import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonText } from './jsonText';
import { memberNamesInText, parseJsonQuickly } from './quickJson';

describe('parseJsonQuickly', () => {
  it('takes valid JSON without repeated keys', () => {
    expect(parseJsonQuickly('{"a": 1, "b": [{"c": "x:y"}, {"c": "\\": not a key"}]}')).toEqual({ value: { a: 1, b: [{ c: 'x:y' }, { c: '": not a key' }] } });
    expect(parseJsonQuickly('[1, "a", {"k" : {}}]')).toEqual({ value: [1, 'a', { k: {} }] });
  });

  it('leaves invalid JSON and repeated keys to the full parser', () => {
    expect(parseJsonQuickly('{"a": 1,}')).toBeNull();
    expect(parseJsonQuickly('{"a": 1, "a": 2}')).toBeNull();
    expect(parseJsonQuickly('{"x": {"a": 1, "b": {"a": 1}, "a": 3}}')).toBeNull();
  });

  it('counts member names, not string values that contain colons or escaped quotes', () => {
    expect(memberNamesInText('{"a\\"": "b:", "c" :\n"d", "e": ["f", "g:"]}')).toBe(3);
  });

  it('agrees with the full parser on every JSON text (property)', () => {
    // Random JSON values, printed with random spacing, some with a key repeated by hand.
    const value = fc.jsonValue({ maxDepth: 4 });
    fc.assert(fc.property(value, fc.boolean(), (v, repeat) => {
      let text = JSON.stringify(v, null, repeat ? 1 : 0);
      if (repeat && text.startsWith('{"')) text = text.replace(/^\{"/, '{"dup": 0, "dup": 0, "');
      const quick = parseJsonQuickly(text);
      const full = parseJsonText(text);
      if (quick) {
        expect(full).toEqual({ ok: true, value: quick.value });
      } else {
        expect(full.ok).toBe(false);
      }
    }), { numRuns: 500 });
  });
});
