/**
 * The first page's JavaScript stays within its budget (the developers' guide: 150 kB gzipped):
 * the scripts and module preloads index.html names, gzipped as a server would send them.
 * Everything else (lessons, the console, consumer groups, the CLI, the brokers' xstate machines,
 * narration, dialogs) is a lazy chunk; this test fails when something new lands in the first one.
 */
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

const BUDGET_BYTES = 150 * 1000;

test('the first page loads at most 150 kB of gzipped JavaScript', async ({ request }) => {
  const html = await (await request.get('./')).text();
  const sources = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]);
  expect(sources.length).toBeGreaterThan(0);
  let total = 0;
  for (const src of sources) {
    const body = await (await request.get(src)).body();
    total += gzipSync(body, { level: 9 }).length;
  }
  expect(total, `${sources.join(', ')}: ${(total / 1000).toFixed(1)} kB gzipped`).toBeLessThanOrEqual(BUDGET_BYTES);
});
