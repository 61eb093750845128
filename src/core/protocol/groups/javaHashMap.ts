/**
 * The iteration order of a `java.util.HashMap` / `HashSet` (OpenJDK 8+), which Kafka's assignors
 * leak into their results: RangeAssignor walks `partitionsPerTopic` (a HashMap keyed by topic),
 * AbstractStickyAssignor walks the members' owned partitions (a HashMap keyed by member id) and
 * picks `iterator().next()` of a HashSet of TopicPartitions. To give exactly Kafka's answer we
 * model the table, not the Java objects:
 *
 * - a key's bucket is `(n - 1) & (h ^ (h >>> 16))` where h is its `hashCode()` (`HashMap.hash`);
 * - a new key is appended to the end of its bucket's chain;
 * - the table starts at 16 buckets (or `tableSizeFor(initialCapacity)`) and doubles when the size
 *   exceeds 0.75 × capacity; a resize splits each chain in two, keeping the relative order;
 * - a chain that grows past 8 while the table is under 64 buckets resizes the table
 *   (`treeifyBin`). Real treeification (≥ 64 buckets and a chain of 9 keys) changes where later
 *   keys are linked; it needs nine colliding member ids or topics and is not modelled;
 * - removing never shrinks the table; iteration is bucket by bucket, each chain in order.
 */
import { javaStringHashCode } from './coordinator';

const DEFAULT_CAPACITY = 16;
const MAXIMUM_CAPACITY = 1 << 30;
const TREEIFY_THRESHOLD = 8;
const MIN_TREEIFY_CAPACITY = 64;

/** `HashMap.tableSizeFor`: the smallest power of two ≥ cap. */
export function tableSizeFor(cap: number): number {
  let n = 1;
  while (n < cap && n < MAXIMUM_CAPACITY) n *= 2;
  return n;
}

function spread(h: number): number {
  return h ^ (h >>> 16);
}

interface Entry<K, V> {
  readonly id: string;
  readonly key: K;
  value: V;
  readonly hash: number;
}

/**
 * A map whose `keys()`/`entries()` come out in the order `java.util.HashMap` would give them.
 * `idOf` must be injective (it plays `equals`); `hashOf` is the Java `hashCode()`.
 */
export class JavaHashMap<K, V> {
  private table: Entry<K, V>[][] | null = null;
  private threshold: number;
  private count = 0;
  private readonly index = new Map<string, Entry<K, V>>();

  /**
   * `new HashMap<>()` (no argument), or `new HashMap<>(initialCapacity)`. (Copy constructors
   * presize differently; no order Kafka's assignors expose here depends on one.)
   */
  constructor(
    private readonly hashOf: (key: K) => number,
    private readonly idOf: (key: K) => string,
    initialCapacity?: number,
  ) {
    this.threshold = initialCapacity === undefined ? 0 : tableSizeFor(Math.max(initialCapacity, 1));
  }

  get size(): number {
    return this.count;
  }

  has(key: K): boolean {
    return this.index.has(this.idOf(key));
  }

  get(key: K): V | undefined {
    return this.index.get(this.idOf(key))?.value;
  }

  set(key: K, value: V): this {
    const id = this.idOf(key);
    const existing = this.index.get(id);
    if (existing) {
      existing.value = value;
      return this;
    }
    if (this.table === null) this.resize();
    const hash = spread(this.hashOf(key) | 0);
    const table = this.table as Entry<K, V>[][];
    const bucket = table[(table.length - 1) & hash];
    const entry: Entry<K, V> = { id, key, value, hash };
    bucket.push(entry);
    this.index.set(id, entry);
    if (bucket.length > TREEIFY_THRESHOLD && table.length < MIN_TREEIFY_CAPACITY) this.resize();
    if (++this.count > this.threshold) this.resize();
    return this;
  }

  delete(key: K): boolean {
    const id = this.idOf(key);
    const entry = this.index.get(id);
    if (!entry || !this.table) return false;
    const bucket = this.table[(this.table.length - 1) & entry.hash];
    bucket.splice(bucket.indexOf(entry), 1);
    this.index.delete(id);
    this.count--;
    return true;
  }

  /** In Java's iteration order. */
  *entries(): IterableIterator<[K, V]> {
    if (!this.table) return;
    for (const bucket of this.table) for (const e of [...bucket]) yield [e.key, e.value];
  }

  keys(): K[] {
    return [...this.entries()].map(([k]) => k);
  }

  private resize(): void {
    const old = this.table;
    const oldCap = old ? old.length : 0;
    let newCap: number;
    if (oldCap > 0) {
      newCap = Math.min(oldCap * 2, MAXIMUM_CAPACITY);
    } else {
      newCap = this.threshold > 0 ? this.threshold : DEFAULT_CAPACITY;
    }
    this.threshold = Math.trunc(newCap * 0.75);
    const table: Entry<K, V>[][] = Array.from({ length: newCap }, () => []);
    if (old) for (const bucket of old) for (const e of bucket) table[(newCap - 1) & e.hash].push(e);
    this.table = table;
  }
}

/** A `HashMap<String, V>` (keys hashed by `String.hashCode`). */
export function javaStringHashMap<V>(initialCapacity?: number): JavaHashMap<string, V> {
  return new JavaHashMap<string, V>(javaStringHashCode, (k) => k, initialCapacity);
}

/** The order `new HashMap<String, …>()` iterates these keys in, given their insertion order. */
export function javaHashOrder(keysInInsertionOrder: readonly string[]): string[] {
  const map = javaStringHashMap<true>();
  for (const k of keysInInsertionOrder) map.set(k, true);
  return map.keys();
}
