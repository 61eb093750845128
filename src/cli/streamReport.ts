/**
 * The runner's report written as it is produced, never built as one giant string: the text is
 * byte for byte `JSON.stringify(buildReport(world), null, 2)`, but each partition's report is
 * made only when its turn comes, and long arrays (partitions, logs, produced records) are
 * written item by item through a buffer flushed every `FLUSH_CHARS`. A report of millions of
 * records then needs neither a string past V8's length limit nor all its objects at once.
 */
import type { World } from '../core/model/world';
import { buildReport, partitionReport } from '../core/scenario/report';
import { groupsReport } from '../core/protocol/groups/groupsReport';

const FLUSH_CHARS = 1 << 20;

/** An array whose items are made one at a time while it is written. */
class LazyArray {
  constructor(readonly items: () => Iterable<unknown>) {}
}

/** The report with its two large arrays made lazily, in the contract's field order. */
function lazyReport(world: World): Record<string, unknown> {
  const shell = buildReport({ ...world, topics: [], produced: [] }) as unknown as Record<string, unknown>;
  return {
    ...shell,
    // Groups read their coordinators' partitions from the topics the shell left out.
    groups: groupsReport(world),
    partitions: new LazyArray(function* partitions() {
      for (const topic of world.topics) for (const p of topic.partitions) yield partitionReport(p);
    }),
    produced: new LazyArray(function* produced() {
      for (const entry of world.produced) yield { ...entry };
    }),
  };
}

/** Arrays and objects with a nested array or object are written part by part; the rest whole. */
function hasNested(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (value instanceof LazyArray) return true;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    if (child !== null && typeof child === 'object') return true;
  }
  return false;
}

/**
 * Writes `value` as `JSON.stringify(value, null, 2)` would at nesting `indent`: a record or any
 * other flat value is stringified whole, what nests is written part by part. The report's shape
 * is fixed, so the recursion is a handful of levels deep.
 */
function writeValue(value: unknown, indent: string, write: (text: string) => void): void {
  const inner = `${indent}  `;
  if (!hasNested(value)) {
    // JSON strings never hold a raw line break, so indenting every line is safe.
    write((JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, `\n${indent}`));
    return;
  }
  if (value instanceof LazyArray || Array.isArray(value)) {
    const items = value instanceof LazyArray ? value.items() : value;
    let first = true;
    write('[');
    for (const item of items) {
      write(first ? `\n${inner}` : `,\n${inner}`);
      // JSON.stringify writes null for an array hole or an undefined item.
      writeValue(item === undefined ? null : item, inner, write);
      first = false;
    }
    write(first ? ']' : `\n${indent}]`);
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function');
  write('{');
  entries.forEach(([key, v], i) => {
    write(`${i === 0 ? '' : ','}\n${inner}${JSON.stringify(key)}: `);
    writeValue(v, inner, write);
  });
  write(`\n${indent}}`);
}

/** Writes the report of `world` through `out` in chunks of about a megabyte, ending with a newline. */
export function writeReport(world: World, out: (chunk: string) => void): void {
  let buffer = '';
  const write = (text: string) => {
    buffer += text;
    if (buffer.length >= FLUSH_CHARS) {
      out(buffer);
      buffer = '';
    }
  };
  writeValue(lazyReport(world), '', write);
  write('\n');
  if (buffer !== '') out(buffer);
}
