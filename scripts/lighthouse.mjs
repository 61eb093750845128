/**
 * Lighthouse (mobile: its default emulation and simulated throttling) over the production build,
 * for the README's numbers: `npx vite build`, `npx vite preview --port 4173 --strictPort`, then
 *   LIGHTHOUSE_DIR=<a folder where `npm i -E lighthouse@12.2.3 chrome-launcher@1.2.1` ran> \
 *   node scripts/lighthouse.mjs http://localhost:4173/ [more URLs]
 * Lighthouse is not a dependency of the project (a large tree, and 13.x wants Node 22): it is
 * installed apart. Chrome is Debian's /usr/bin/chromium (or $CHROMIUM_PATH), through
 * chrome-launcher's chromePath. Prints performance, accessibility and the metrics behind them.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const dir = process.env.LIGHTHOUSE_DIR;
if (!dir) {
  console.error('LIGHTHOUSE_DIR must name the folder where lighthouse and chrome-launcher are installed');
  process.exit(2);
}
const urls = process.argv.slice(2);
if (urls.length === 0) {
  console.error('usage: node scripts/lighthouse.mjs <url> [url …]');
  process.exit(2);
}
const from = (name, file) => import(pathToFileURL(join(dir, 'node_modules', name, file)).href);
const { default: lighthouse } = await from('lighthouse', 'core/index.js');
const chromeLauncher = await from('chrome-launcher', 'dist/index.js');

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  for (const url of urls) {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    const { categories, audits } = result.lhr;
    const ms = (id) => Math.round(audits[id]?.numericValue ?? NaN);
    console.log(JSON.stringify({
      url,
      performance: Math.round(categories.performance.score * 100),
      accessibility: Math.round(categories.accessibility.score * 100),
      'first-contentful-paint ms': ms('first-contentful-paint'),
      'largest-contentful-paint ms': ms('largest-contentful-paint'),
      'total-blocking-time ms': ms('total-blocking-time'),
      'cumulative-layout-shift': audits['cumulative-layout-shift']?.numericValue,
      'speed-index ms': ms('speed-index'),
      failedAccessibility: Object.values(audits).filter((a) => a.score === 0 && categories.accessibility.auditRefs.some((r) => r.id === a.id)).map((a) => a.id),
      lighthouse: result.lhr.lighthouseVersion,
    }));
  }
} finally {
  await chrome.kill();
}
