/**
 * `npm run bench`: prints every benchmark in one run, as `name: value` lines. Core numbers come
 * from Node (bench/core.ts); browser numbers (frame time, jump time, bundle size) from headless
 * Chromium (bench/browser/, skipped with a note when Chromium or the build is not available).
 * Targets are reported beside the numbers, never asserted.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/**
 * The core is measured as the app ships it: bundled by esbuild into plain JavaScript, not run
 * through tsx, whose `keepNames` wraps every function in a `__name` call (about 10 % of the
 * simulator's profile) that the production build does not have.
 */
async function loadCoreBench(): Promise<() => Record<string, number | string>> {
  const out = fileURLToPath(new URL('../node_modules/.cache/bench/core.mjs', import.meta.url));
  mkdirSync(fileURLToPath(new URL('../node_modules/.cache/bench/', import.meta.url)), { recursive: true });
  await build({
    entryPoints: [fileURLToPath(new URL('./core.ts', import.meta.url))],
    bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: out, logLevel: 'warning',
  });
  const module = (await import(`${pathToFileURL(out).href}?t=${Date.now()}`)) as { runCoreBench: () => Record<string, number | string> };
  return module.runCoreBench;
}

const TARGETS: Record<string, string> = {
  'simulator records/s': '≥ 200,000 (issue 12)',
  'seek to the middle from the nearest checkpoint (ms)': '< 16 (issue 12)',
  'initial JavaScript gzipped (kB)': '< 150 (issue 11)',
  'frame time p95 while playing 9 brokers × 30 partitions RF 3 (main-thread work per frame, ms)': '< 16.7 (issue 11)',
  'jump first → last of 3,000 steps, cold, no working ahead (median of 7, ms)': '< 100 (issue 11)',
  'jump first → last of 3,000 steps, as shipped, 0.5 s after opening (median of 7, ms)': '< 100 (issue 11)',
  'cold jump of 3,000 steps: most main-thread work in one frame (ms)': '< 16 (issue 21)',
  'cold jump of 3,000 steps: longest main-thread task (ms)': '< 16 (issue 21)',
};

function print(title: string, results: Record<string, number | string>): void {
  console.log(`\n${title}`);
  for (const [name, value] of Object.entries(results)) {
    const target = TARGETS[name] ? `   (target ${TARGETS[name]})` : '';
    console.log(`  ${name}: ${typeof value === 'number' ? value.toLocaleString('en-US') : value}${target}`);
  }
}

async function main(): Promise<void> {
  console.log(`Benchmarks on ${process.platform} ${process.arch}, Node ${process.version}`);
  print('Core (Node, bundled as shipped)', (await loadCoreBench())());
  const browserModule = new URL('./browser/index.ts', import.meta.url);
  if (!existsSync(browserModule)) {
    console.log('\nBrowser: not built yet (bench/browser/index.ts is missing)');
    return;
  }
  const { runBrowserBench } = (await import(browserModule.href)) as { runBrowserBench: () => Promise<Record<string, number | string>> };
  print('Browser (headless Chromium)', await runBrowserBench());
}

await main();
