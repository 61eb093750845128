import { describe, expect, it } from 'vitest';
import { next32, nextIndex, seedStream, toPositive } from './random';

describe('seeded streams (scenario-format "Randomness")', () => {
  it('the same seed and name give the same sequence; another name or seed another one', () => {
    const a = seedStream(7, 'partitioner:orders');
    const b = seedStream(7, 'partitioner:orders');
    const seqA = Array.from({ length: 10 }, () => next32(a));
    expect(Array.from({ length: 10 }, () => next32(b))).toEqual(seqA);
    const c = seedStream(7, 'placement:orders');
    const d = seedStream(8, 'partitioner:orders');
    expect(Array.from({ length: 10 }, () => next32(c))).not.toEqual(seqA);
    expect(Array.from({ length: 10 }, () => next32(d))).not.toEqual(seqA);
  });

  it('values are Java ints and indexes lie in [0, n) with every value reachable', () => {
    const s = seedStream(1, 'x');
    const seen = new Set<number>();
    for (let i = 0; i < 10000; i++) {
      const v = next32(s);
      expect(Number.isInteger(v) && v >= -2147483648 && v <= 2147483647).toBe(true);
      seen.add(nextIndex(s, 7));
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('is roughly uniform (chi-square over 10 buckets well under the 0.1% critical value 27.9)', () => {
    const s = seedStream(123, 'uniformity');
    const buckets = new Array(10).fill(0);
    const n = 100000;
    for (let i = 0; i < n; i++) buckets[toPositive(next32(s)) % 10]++;
    const chi = buckets.reduce((sum, count) => sum + (count - n / 10) ** 2 / (n / 10), 0);
    expect(chi).toBeLessThan(27.9);
  });

  it('the state is plain data: a structuredClone continues identically', () => {
    const s = seedStream(5, 'clone');
    next32(s);
    const copy = structuredClone(s);
    expect(next32(copy)).toBe(next32(s));
  });
});
