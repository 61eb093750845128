/**
 * The browser half of `npm run bench`: Playwright drives headless Chromium (/usr/bin/chromium,
 * or $CHROMIUM_PATH) against `vite preview` of a fresh build, and reports
 * - the frame-time p95 while playing a 9-broker × 30-partition RF 3 auto-replication scenario,
 * - the time to jump from the first to the last step of a 3,000-step scenario (cold: no
 *   checkpoints yet; warm: the second time),
 * - the initial JavaScript, gzipped, from dist/ (what index.html loads before any lazy chunk).
 * Numbers are reported, never asserted.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import LZString from 'lz-string';
import { largeAutoScenario, longScenario } from './scenarios';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PORT = 4179;
const BASE = `http://localhost:${PORT}/`;

function hashOf(document: unknown, at = 0): string {
  return `#s=${LZString.compressToEncodedURIComponent(JSON.stringify(document))}&at=${at}`;
}

/** Gzipped bytes of the scripts index.html loads at once (entry + modulepreloads). */
export function initialJavaScriptGzipBytes(dist = join(root, 'dist')): number {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = new Set<string>();
  for (const match of html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g)) files.add(match[1]);
  let total = 0;
  for (const file of files) total += gzipSync(readFileSync(join(dist, file))).length;
  return total;
}

async function startPreview(): Promise<ChildProcess> {
  const server = spawn(join(root, 'node_modules', '.bin', 'vite'), ['preview', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: 'ignore' });
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(BASE)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill();
  throw new Error('vite preview did not start');
}

/** Frame times (ms between animation frames) while the app plays, for `seconds`. */
async function playFrameTimes(page: Page, seconds: number): Promise<number[]> {
  await page.keyboard.press('Space');
  return page.evaluate((ms) => new Promise<number[]>((resolve) => {
    const times: number[] = [];
    let last = performance.now();
    const end = last + ms;
    const frame = (now: number) => {
      times.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(frame);
      else resolve(times);
    };
    requestAnimationFrame(frame);
  }), seconds * 1000);
}

/**
 * Real ms from pressing End until the position shows the last step and the frame that shows it
 * has been produced (two animation frames: the second starts after the first one's paint).
 */
async function jumpToEnd(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => {
    const position = document.querySelector('[data-testid="timeline-position"]');
    if (!position) throw new Error('no timeline-position');
    const total = position.getAttribute('data-total');
    const start = performance.now();
    const done = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
    const observer = new MutationObserver(() => {
      if (position.getAttribute('data-at') === total) {
        observer.disconnect();
        done();
      }
    });
    observer.observe(position, { attributes: true });
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
  }));
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const round = (n: number) => Math.round(n * 100) / 100;

export async function runBrowserBench(): Promise<Record<string, number | string>> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) return { skipped: `no Chromium at ${executablePath}` };
  const build = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) return { skipped: `vite build failed: ${build.stderr.slice(0, 200)}` };
  const results: Record<string, number | string> = {
    'initial JavaScript gzipped (kB)': round(initialJavaScriptGzipBytes() / 1024),
  };
  const server = await startPreview();
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    // tsx keeps function names with a `__name` helper that the page does not have.
    await page.addInitScript('window.__name = (f) => f');
    await page.goto(`${BASE}?lang=en${hashOf(largeAutoScenario())}`);
    await page.getByTestId('timeline-position').waitFor();
    const frames = await playFrameTimes(page, 8);
    results['frame time p95 while playing 9 brokers × 30 partitions RF 3 (ms)'] = round(percentile(frames, 95));
    results['frame time median while playing (ms)'] = round(percentile(frames, 50));
    results['frames measured'] = frames.length;
    // rAF intervals cannot go below the display refresh (16.7 ms at 60 Hz), so the p95 above sits at
    // the refresh when nothing is late; what shows real jank is the share of late frames.
    const median = percentile(frames, 50);
    results['late frames while playing (interval > 1.5 × median, %)'] = round((100 * frames.filter((f) => f > 1.5 * median).length) / Math.max(1, frames.length));

    await page.goto('about:blank');
    await page.goto(`${BASE}?lang=en${hashOf(longScenario())}`);
    await page.getByTestId('timeline-position').waitFor();
    results['jump first → last of 3,000 steps, cold (ms)'] = round(await jumpToEnd(page));
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.querySelector('[data-testid="timeline-position"]')?.getAttribute('data-at') === '0');
    results['jump first → last of 3,000 steps, warm (ms)'] = round(await jumpToEnd(page));
  } finally {
    await browser.close();
    server.kill();
  }
  return results;
}
