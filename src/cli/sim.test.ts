/**
 * The headless runner (docs/scenario-format.md, "The headless runner"): exit 0 with a JSON report
 * on stdout; exit 2 with one `path: reason` line per problem on stderr and nothing on stdout.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDocument } from '../core/testing/arbitraries';
import { parseArgs, runScenarioText } from './runScenarioFile';

const REPORT_FIELDS = ['version', 'semantics', 'timeMs', 'brokers', 'partitions', 'produced', 'groups', 'polled', 'cli', 'stepErrors', 'anomalies'];
const PROBLEM_LINE = /^(\$|[A-Za-z_][A-Za-z0-9_]*)(\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*: \S.*$/;

describe('the runner, in-process', () => {
  it('prints a report with every field of the contract, in order', () => {
    const out = runScenarioText(readFileSync('scenarios/hw-three-rounds.json', 'utf8'), undefined);
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toBe('');
    const report = JSON.parse(out.stdout);
    expect(Object.keys(report)).toEqual(REPORT_FIELDS);
    expect(Object.keys(report.partitions[0])).toEqual(['topic', 'partition', 'leader', 'leaderEpoch', 'isr', 'replicas', 'highWatermark', 'replicaStates']);
    expect(Object.keys(report.partitions[0].replicaStates[0])).toEqual(['broker', 'logStartOffset', 'logEndOffset', 'highWatermark', 'log', 'epochCache', 'segments']);
    expect(Object.keys(report.produced[0])).toEqual(['step', 'index', 'topic', 'partition', 'key', 'value', 'acks', 'offset', 'acked', 'error', 'attempts']);
    expect(report).toMatchObject({ version: 1, semantics: 1, groups: [], polled: [], cli: [], stepErrors: [], anomalies: [] });
  });

  it('--at past the end is clamped to the end', () => {
    const text = readFileSync('scenarios/hw-three-rounds.json', 'utf8');
    expect(runScenarioText(text, 1000).stdout).toBe(runScenarioText(text, undefined).stdout);
  });

  it('100,000 problems are found in under 5 s; the first 1,000 are printed, then a count line', () => {
    const document = { version: 1, steps: Array.from({ length: 100000 }, () => ({ op: 'crash', broker: 9 })) };
    const started = Date.now();
    const out = runScenarioText(JSON.stringify(document), undefined);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(out.exitCode).toBe(2);
    const lines = out.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1001);
    expect(lines[0]).toBe('steps[0].broker: broker 9 does not exist (brokers are 1, 2, 3)');
    expect(lines[999]).toBe('steps[999].broker: broker 9 does not exist (brokers are 1, 2, 3)');
    expect(lines[1000]).toBe('$: 99,000 more problems not shown (100,000 in all)');
  });

  it('parses its arguments', () => {
    expect(parseArgs(['a.json', '--at', '3'])).toEqual({ file: 'a.json', at: 3 });
    expect(parseArgs(['-', '--at=0'])).toEqual({ file: '-', at: 0 });
    expect(parseArgs(['a.json', '--at', 'x'])).toEqual({ error: '--at needs a whole number of steps, not "x"' });
    expect(parseArgs([])).toEqual({ error: 'no scenario file given (use - for standard input)' });
    expect(parseArgs(['a.json', '--at', '3', '--event', '2'])).toEqual({ file: 'a.json', at: 3, event: 2 });
    expect(parseArgs(['a.json', '--event=0', '--at=1'])).toEqual({ file: 'a.json', at: 1, event: 0 });
    expect(parseArgs(['a.json', '--event', '2'])).toEqual({ error: '--event needs --at (the steps before the run step it walks)' });
    expect(parseArgs(['a.json', '--at', '1', '--event', '-1'])).toEqual({ error: '--event needs a whole number of events, not "-1"' });
  });

  it('200 random mutations of valid scenarios never crash it: exit 0 with a report, or exit 2 with path lines', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }),
      fc.record({ kind: fc.constant('add' as const), pick: fc.nat(), key: fc.string({ maxLength: 8 }), value: fc.jsonValue({ maxDepth: 1 }) }),
      fc.record({ kind: fc.constant('text' as const), pick: fc.nat(), junk: fc.string({ maxLength: 3 }) }),
    );
    fc.assert(
      fc.property(arbitraryDocument, fc.array(mutation, { minLength: 1, maxLength: 3 }), (document, mutations) => {
        let text = JSON.stringify(document);
        for (const m of mutations) text = mutate(text, m);
        const out = runScenarioText(text, undefined);
        expect([0, 2]).toContain(out.exitCode);
        if (out.exitCode === 0) {
          expect(Object.keys(JSON.parse(out.stdout))).toEqual(REPORT_FIELDS);
          expect(out.stderr).toBe('');
        } else {
          expect(out.stdout).toBe('');
          const lines = out.stderr.trimEnd().split('\n');
          expect(lines.length).toBeGreaterThan(0);
          for (const line of lines) expect(line).toMatch(PROBLEM_LINE);
          expect(new Set(lines).size).toBe(lines.length); // each problem once
        }
      }),
      // Seeded so a failure replays (issue 22: "seeded, time-boxed"); the time box keeps it from
      // holding up the suite on a slow machine (the runs done by then still count; vitest's
      // testTimeout is 60 s).
      { numRuns: 200, seed: 22, interruptAfterTimeLimit: 30_000, markInterruptAsFailure: false },
    );
  });
});

type Mutation =
  | { kind: 'delete'; pick: number }
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'add'; pick: number; key: string; value: unknown }
  | { kind: 'text'; pick: number; junk: string };

/** Applies one mutation at a node chosen by `pick` (pre-order over the JSON), or to the text. */
function mutate(text: string, m: Mutation): string {
  if (m.kind === 'text') {
    const at = m.pick % (text.length + 1);
    return text.slice(0, at) + m.junk + text.slice(at + 1);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return text;
  }
  const containers: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (value: unknown) => {
    if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        containers.push({ parent: value as Record<string, unknown>, key: Array.isArray(value) ? Number(key) : key });
        walk(child);
      }
    }
  };
  walk(document);
  if (containers.length === 0) return text;
  const { parent, key } = containers[m.pick % containers.length];
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  } else if (m.kind === 'replace') {
    (parent as Record<string | number, unknown>)[key] = m.value;
  } else {
    const target = (parent as Record<string | number, unknown>)[key];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[m.key] = m.value;
  }
  return JSON.stringify(document);
}

describe('the runner as a process (npm run --silent sim)', () => {
  const tsx = 'node_modules/.bin/tsx';

  it('reads a file and prints the report on stdout', () => {
    const stdout = execFileSync(tsx, ['src/cli/sim.ts', 'scenarios/hw-three-rounds.json', '--at', '5'], { encoding: 'utf8' });
    const report = JSON.parse(stdout);
    expect(report.partitions[0].highWatermark).toBe(1);
    expect(report.partitions[0].replicaStates.map((r: { highWatermark: number }) => r.highWatermark)).toEqual([1, 0, 0]);
  });

  it('an invalid document from stdin exits 2, prints nothing on stdout and one line per problem on stderr', () => {
    const doc = '{"version":1,"cluster":{"brokers":3,"replication":"manual"},"steps":[{"op":"fetch","broker":7},{"op":"poll","group":"g","member":"m"}]}';
    const result = spawnSync(tsx, ['src/cli/sim.ts', '-'], { input: doc, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('steps[0].broker: broker 7 does not exist (brokers are 1, 2, 3)\nsteps[1].member: "m" has not subscribed to group "g" in an earlier step\n');
  });

  it('not JSON exits 2 with a $ line', () => {
    const result = spawnSync(tsx, ['src/cli/sim.ts', '-'], { input: '{\n  "version": 1\n  "seed": 2\n}', encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('$: not valid JSON (line 3, column 3: unexpected "\\"seed\\""; "," was expected)\n');
  });

  it('a document nested 2,000 deep exits 2 with the one $ line, no stack trace', () => {
    const levels = 2000;
    const doc = `{"version":1,"title":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;
    const result = spawnSync(tsx, ['src/cli/sim.ts', '-'], { input: doc, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("$: nested deeper than the limit of 64 levels of JSON nesting (the document's root is level 1)\n");
  });
});
