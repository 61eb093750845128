/**
 * Problems found in a scenario document, each naming its JSON path: `$` for the document,
 * `cluster.brokers`, `steps[3].broker`, `cluster.config["min.insync.replicas"]` (names that
 * are not identifiers are quoted in brackets). Problems are reported once each, in document order.
 */

export interface Problem {
  path: string;
  message: string;
}

/** The runner's line for a problem: `path: message`. */
export function formatProblem(problem: Problem): string {
  return `${problem.path}: ${problem.message}`;
}

export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent === '$' ? '$' : parent}[${key}]`;
  const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : null;
  if (parent === '$') return name ?? `$[${JSON.stringify(key)}]`;
  return name ? `${parent}.${name}` : `${parent}[${JSON.stringify(key)}]`;
}

/**
 * Collects problems and sorts them into document order: the pre-order position of the deepest
 * path that exists in the document (a missing field sorts with its parent object), then the
 * order in which they were found.
 */
export class ProblemList {
  private readonly found: { problem: Problem; seq: number }[] = [];
  /** `path` NUL `message` of every problem found: each is reported once, found in O(1). */
  private readonly keys = new Set<string>();
  private readonly positions = new Map<string, number>();

  /** Indexed only when problems are sorted: a valid document is never walked here. */
  private indexed = false;

  /** `document` must be within the nesting limit (nesting.ts): the index walks all of it. */
  constructor(private readonly document: unknown) {}

  /** Pre-order positions of every path, with explicit stacks (no recursion on input). */
  private index(): void {
    this.indexed = true;
    const paths: string[] = ['$'];
    const values: unknown[] = [this.document];
    while (paths.length > 0) {
      const path = paths.pop() as string;
      const value = values.pop();
      this.positions.set(path, this.positions.size);
      if (value === null || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          paths.push(`${path}[${i}]`);
          values.push(value[i]);
        }
      } else {
        const keys = Object.keys(value);
        for (let i = keys.length - 1; i >= 0; i--) {
          paths.push(childPath(path, keys[i]));
          values.push((value as Record<string, unknown>)[keys[i]]);
        }
      }
    }
  }

  add(path: string, message: string): void {
    const key = `${path}\u0000${message}`;
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.found.push({ problem: { path, message }, seq: this.found.length });
  }

  get count(): number {
    return this.found.length;
  }

  private position(path: string): number {
    for (let p = path; ; ) {
      const at = this.positions.get(p);
      if (at !== undefined) return at;
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) return 0;
      p = p.slice(0, cut);
    }
  }

  sorted(): Problem[] {
    if (this.found.length === 0) return [];
    if (!this.indexed) this.index();
    return [...this.found]
      .map((f) => ({ ...f, at: this.position(f.problem.path) }))
      .sort((a, b) => a.at - b.at || a.seq - b.seq)
      .map((f) => f.problem);
  }
}
