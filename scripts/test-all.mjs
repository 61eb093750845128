#!/usr/bin/env node
/**
 * `npm test`: unit, golden and property tests (vitest), the production build, and the fast tier
 * of the end-to-end tests (Playwright against the built app); `npm run test:full` (`--full`)
 * runs the whole end-to-end suite, the sweeps tagged `@full` included (e2e/support/tier.ts).
 * Ends with one plain line that CI reads: `N passed, N failed, N skipped`, summed over vitest and
 * Playwright (the build counts as one check; in the fast tier the `@full` tests count as
 * skipped). Exits non-zero when anything failed or a runner produced no results.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const VITEST_RESULTS = '.vitest-results.json';
const PLAYWRIGHT_RESULTS = '.playwright-results.json';
const totals = { passed: 0, failed: 0, skipped: 0 };

/** Each phase's time, printed with the closing count (a slow phase shows; CI aims at about five minutes). */
const timings = [];

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const start = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  timings.push(`${title}: ${Math.round((Date.now() - start) / 1000)} s`);
  return result.status ?? 1;
}

/** How many tests carry the `@full` tag (listed, not run). */
function fullTierCount() {
  const listed = spawnSync('npx', ['playwright', 'test', '--list', '--grep', '@full', '--reporter=list'], { encoding: 'utf8', env: { ...process.env, PW_BUILT: '1' } });
  const match = /Total: (\d+) tests?/.exec(listed.stdout ?? '');
  return match ? Number(match[1]) : 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const full = process.argv.includes('--full');

for (const file of [VITEST_RESULTS, PLAYWRIGHT_RESULTS]) rmSync(file, { force: true });

const vitestStatus = run('unit, golden and property tests (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_RESULTS}`]);
const vitest = readJson(VITEST_RESULTS);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
  if (vitestStatus !== 0 && vitest.numFailedTests === 0) totals.failed += 1; // e.g. a suite that failed to load
} else {
  console.error('vitest produced no results');
  totals.failed += 1;
}

const buildStatus = run('production build (vite build)', 'npx', ['vite', 'build']);
if (buildStatus === 0) totals.passed += 1;
else totals.failed += 1;

if (buildStatus === 0 && existsSync('playwright.config.ts')) {
  const tier = full ? [] : ['--grep-invert', '@full'];
  const playwrightStatus = run(`end-to-end tests (Playwright, headless Chromium): ${full ? 'the full suite' : 'the fast tier'}`, 'npx', ['playwright', 'test', ...tier], { PW_BUILT: '1' });
  const playwright = readJson(PLAYWRIGHT_RESULTS);
  if (playwright?.stats) {
    const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = playwright.stats;
    totals.passed += expected + flaky;
    totals.failed += unexpected;
    totals.skipped += skipped;
    if (!full) {
      const notRun = fullTierCount();
      totals.skipped += notRun;
      console.log(`${notRun} end-to-end tests of the full tier not run (npm run test:full runs them)`);
    }
    if (playwrightStatus !== 0 && unexpected === 0) totals.failed += 1; // e.g. the web server did not start
  } else {
    console.error('Playwright produced no results');
    totals.failed += 1;
  }
}

console.log(`\n${timings.join('\n')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
