import { describe, expect, it } from 'vitest';
import { hashFor } from './addressBar';
import { buildLink, decodePayload, encodePayload, parseLink } from './link';

describe('share links', () => {
  it('parses #s= and &at=', () => {
    expect(parseLink('#s=abc+-$x&at=3')).toEqual({ payload: 'abc+-$x', lesson: null, at: { kind: 'whole', value: 3 }, event: 0, vs: null });
    expect(parseLink('s=abc')).toEqual({ payload: 'abc', lesson: null, at: { kind: 'missing' }, event: 0, vs: null });
    expect(parseLink('')).toEqual({ payload: null, lesson: null, at: { kind: 'missing' }, event: 0, vs: null });
    expect(parseLink('#lesson=kip-101&at=2').lesson).toBe('kip-101');
  });

  it('keeps + in the payload (lz-string alphabet), unlike URLSearchParams', () => {
    const json = JSON.stringify({ title: 'x'.repeat(50) + '?&=#+ é 中文', n: [1, 2, 3] });
    const payload = encodePayload(json);
    expect(parseLink(buildLink(payload, 7)).payload).toBe(payload);
    expect(decodePayload(parseLink(buildLink(payload, 7)).payload ?? '')).toBe(json);
  });

  it('reads at: missing, whole, or not whole', () => {
    expect(parseLink('#s=a&at=0').at).toEqual({ kind: 'whole', value: 0 });
    expect(parseLink('#s=a&at=120').at).toEqual({ kind: 'whole', value: 120 });
    for (const raw of ['-1', '1.5', 'abc', '', ' 2', '+2', '1e3']) {
      expect(parseLink(`#s=a&at=${raw}`).at).toEqual({ kind: 'invalid', raw });
    }
    expect(parseLink('#s=a&at=99999999999999999999999').at).toEqual({ kind: 'whole', value: Number.MAX_SAFE_INTEGER });
  });

  it('reads &ev= (events inside the next run step): a whole number, else the boundary', () => {
    expect(parseLink('#s=a&at=3&ev=5')).toMatchObject({ at: { kind: 'whole', value: 3 }, event: 5 });
    expect(parseLink('#ev=2&at=1')).toMatchObject({ at: { kind: 'whole', value: 1 }, event: 2 });
    for (const raw of ['-1', '1.5', 'x', '']) expect(parseLink(`#s=a&at=3&ev=${raw}`).event).toBe(0);
    expect(buildLink('P', 3, 5)).toBe('#s=P&at=3&ev=5');
    expect(buildLink('P', 3, 0)).toBe('#s=P&at=3');
    expect(hashFor({ source: { kind: 'link', payload: 'P+Q' }, position: 4, event: 2 })).toBe('#s=P+Q&at=4&ev=2');
    expect(hashFor({ source: { kind: 'example' }, position: 2, event: 7 })).toBe('#at=2&ev=7');
    expect(hashFor({ source: { kind: 'example' }, position: 2, event: 0 })).toBe('#at=2');
  });

  it('does not decode garbage', () => {
    expect(decodePayload('')).toBeNull();
    const garbage = decodePayload('garbage');
    // lz-string may return junk instead of null; it must then not be valid JSON.
    if (garbage !== null) expect(() => JSON.parse(garbage)).toThrow();
  });

  it('builds the address bar hash for a link and for the example', () => {
    expect(hashFor({ source: { kind: 'link', payload: 'P+Q' }, position: 4 })).toBe('#s=P+Q&at=4');
    expect(hashFor({ source: { kind: 'example' }, position: 2 })).toBe('#at=2');
    expect(hashFor({ source: null, position: 0 })).toBeNull();
  });
});
