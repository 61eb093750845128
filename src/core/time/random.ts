/**
 * Seeded pseudo-random streams (docs/scenario-format.md, "Randomness").
 *
 * Algorithm: xoshiro128** (Blackman & Vigna), 128 bits of state as four unsigned 32-bit words.
 * A stream is named after its purpose ("placement:orders", "partitioner:orders", …). Its state
 * is seeded by SplitMix32 from `murmur2(seedLE32 ++ utf8(name))`, so each purpose has its own
 * sequence: adding a new purpose never shifts the draws of an existing one. The state lives in
 * the world as plain numbers, so checkpoints capture it and replays reproduce it exactly.
 *
 * Changing anything here changes outcomes: bump `SEMANTICS_VERSION` (scenario/report.ts).
 */
import { murmur2 } from '../protocol/murmur2';
import { encodeJavaUtf8 } from '../protocol/javaUtf8';

export type RandomState = [number, number, number, number];

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** SplitMix32: expands one 32-bit seed into well-mixed words for xoshiro's state. */
function splitMix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** The initial state of the stream `name` for the scenario `seed`. */
export function seedStream(seed: number, name: string): RandomState {
  const nameBytes = encodeJavaUtf8(name);
  const bytes = new Uint8Array(4 + nameBytes.length);
  bytes[0] = seed & 0xff;
  bytes[1] = (seed >>> 8) & 0xff;
  bytes[2] = (seed >>> 16) & 0xff;
  bytes[3] = (seed >>> 24) & 0xff;
  bytes.set(nameBytes, 4);
  const next = splitMix32(murmur2(bytes));
  const state: RandomState = [next(), next(), next(), next()];
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1; // xoshiro's one forbidden state
  return state;
}

/** Advances `state` in place and returns the next value as a signed 32-bit int, like Java's `nextInt()`. */
export function next32(state: RandomState): number {
  const [s0, s1, s2, s3] = state;
  const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
  const t = s1 << 9;
  let n2 = s2 ^ s0;
  let n3 = s3 ^ s1;
  const n1 = s1 ^ n2;
  const n0 = s0 ^ n3;
  n2 ^= t;
  n3 = rotl(n3, 11);
  state[0] = n0 >>> 0;
  state[1] = n1 >>> 0;
  state[2] = n2 >>> 0;
  state[3] = n3 >>> 0;
  return result | 0;
}

/** Kafka's `Utils.toPositive`: clears the sign bit (not `Math.abs`, which fails on MIN_VALUE). */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

/** An index in [0, n), as Kafka's partitioners draw one: `toPositive(nextInt()) % n`. */
export function nextIndex(state: RandomState, n: number): number {
  return toPositive(next32(state)) % n;
}
