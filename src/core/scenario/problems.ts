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
  private readonly positions = new Map<string, number>();

  constructor(document: unknown) {
    this.index('$', document);
  }

  private index(path: string, value: unknown): void {
    this.positions.set(path, this.positions.size);
    if (Array.isArray(value)) value.forEach((item, i) => this.index(childPath(path, i), item));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) this.index(childPath(path, key), item);
    }
  }

  add(path: string, message: string): void {
    if (this.found.some((f) => f.problem.path === path && f.problem.message === message)) return;
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
    return [...this.found]
      .map((f) => ({ ...f, at: this.position(f.problem.path) }))
      .sort((a, b) => a.at - b.at || a.seq - b.seq)
      .map((f) => f.problem);
  }
}
