/** `npx tsx bench/browser/profile.ts`: a CPU profile of the warm 3,000-step jump, top self times. */
import { existsSync, readFileSync } from 'node:fs';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { chromium } from '@playwright/test';
import LZString from 'lz-string';
import { longScenario } from './scenarios';

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto(`http://localhost:4174/?lang=en#s=${LZString.compressToEncodedURIComponent(JSON.stringify(longScenario()))}&at=0`);
await page.getByTestId('timeline-position').waitFor();
await page.keyboard.press('End');
await page.waitForTimeout(500);
await page.keyboard.press('Home');
await page.waitForTimeout(500);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.keyboard.press('End');
await page.waitForTimeout(400);
const { profile } = await cdp.send('Profiler.stop');
const self = new Map<string, number>();
const maps = new Map<string, TraceMap>();
const dt = profile.timeDeltas ?? [];
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
(profile.samples ?? []).forEach((id, i) => {
  const node = byId.get(id);
  if (!node) return;
  const { url, lineNumber, columnNumber } = node.callFrame;
  let where = `${url.split('/').pop()}:${lineNumber}`;
  const file = url.split('/').pop() ?? '';
  if (file.endsWith('.js') && existsSync(`dist/assets/${file}.map`)) {
    const map = maps.get(file) ?? new TraceMap(readFileSync(`dist/assets/${file}.map`, 'utf8'));
    maps.set(file, map);
    const pos = originalPositionFor(map, { line: lineNumber + 1, column: columnNumber });
    where = `${pos.source?.split('/').slice(-2).join('/')}:${pos.line} ${pos.name ?? ''}`;
  }
  const key = `${node.callFrame.functionName || '(anon)'} ${where}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
});
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(v.toFixed(1), k);
await browser.close();
