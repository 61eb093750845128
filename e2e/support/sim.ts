/**
 * The headless runner, as the e2e specs use it: the expected numbers always come from
 * `src/cli/sim.ts` for the same scenario and position, never from the page. The CLI is bundled
 * by esbuild once per test worker (as `npm run bench` bundles the core) and run by plain Node:
 * through tsx each run cost 1–2 s of start-up, and the specs run it about a hundred times.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import LZString from 'lz-string';
import type { Report } from '../../src/core/model/report';

const root = fileURLToPath(new URL('../..', import.meta.url));

let bundled: string | null = null;

/** `src/cli/sim.ts` as one ES module, built the first time this worker needs it. */
function simBundle(): string {
  if (bundled) return bundled;
  const dir = join(root, 'node_modules', '.cache', 'e2e-sim');
  mkdirSync(dir, { recursive: true });
  // One file per worker process: workers build at the same time.
  const outfile = join(dir, `sim-${process.pid}.mjs`);
  // `module` first, as Vite resolves packages (jsonc-parser's UMD build needs `require`).
  buildSync({ entryPoints: [join(root, 'src', 'cli', 'sim.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', mainFields: ['module', 'main'], outfile, logLevel: 'warning' });
  process.once('exit', () => rmSync(outfile, { force: true }));
  bundled = outfile;
  return outfile;
}

export interface SimResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export function runSim(document: unknown, at?: number, event?: number): SimResult {
  const dir = mkdtempSync(join(tmpdir(), 'kafka-inside-e2e-'));
  try {
    const file = join(dir, 'scenario.json');
    writeFileSync(file, typeof document === 'string' ? document : JSON.stringify(document, null, 2));
    const args = [simBundle(), file, ...(at === undefined ? [] : ['--at', String(at)]), ...(event === undefined ? [] : ['--event', String(event)])];
    const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
    if (result.error) throw result.error;
    return { exitCode: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The runner's report for `document` cut after `at` steps (and `event` timed events of the next). */
export function expectedReport(document: unknown, at: number, event?: number): Report {
  const result = runSim(document, at, event);
  if (result.exitCode !== 0) throw new Error(`sim exited ${result.exitCode}: ${result.stderr}`);
  return JSON.parse(result.stdout) as Report;
}

/** The runner's `path: reason` lines for an invalid document. */
export function expectedProblems(document: unknown): string[] {
  const result = runSim(document);
  if (result.exitCode !== 2) throw new Error(`expected sim to reject the document, got exit ${result.exitCode}`);
  return result.stderr.split('\n').filter((line) => line.trim() !== '');
}

/** `#s=<payload>&at=<n>` for a scenario document (ui-contract.md, "Links"). */
export function scenarioHash(document: unknown, at?: number | string): string {
  const json = typeof document === 'string' ? document : JSON.stringify(document);
  const payload = LZString.compressToEncodedURIComponent(json);
  return at === undefined ? `#s=${payload}` : `#s=${payload}&at=${at}`;
}

/** The scenario document in a page's address (`#s=<payload>…`), as the runner would read it. */
export function documentInUrl(url: string): unknown {
  const hash = new URL(url).hash;
  const match = /[#&]s=([^&]*)/.exec(hash);
  if (!match) throw new Error(`no #s= in ${url}`);
  const text = LZString.decompressFromEncodedURIComponent(match[1]);
  if (!text) throw new Error('undecodable payload');
  return JSON.parse(text);
}

/** `&at=n` of a page's address. */
export function atInUrl(url: string): number {
  const match = /[#&]at=(\d+)/.exec(new URL(url).hash);
  return match ? Number(match[1]) : 0;
}
