/**
 * Phone and projector (issue 16): on a 390×844 phone the three brokers' replicas of a partition
 * are on screen together and the timeline takes at most a fifth of the height; in presenter mode
 * at 1280×720 every replica of a 3-broker, 3-partition cluster is on screen without scrolling,
 * the toolbar shows only once the pointer moves, the inspector's replica table fits the width
 * without scrolling sideways, and the speaker notes open in a window; a lesson at 1280×720 reads
 * beside its picture.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ClusterPage } from './pages/ClusterPage';
import { crashScenario } from './support/scenarios';
import { scenarioHash } from './support/sim';

const threeByThree = {
  version: 1, title: 'Three by three', cluster: { brokers: 3, replication: 'auto' },
  topics: [{ name: 'orders', partitions: 3, assignment: [[1, 2, 3], [2, 3, 1], [3, 1, 2]] }],
  steps: [
    { op: 'produce', topic: 'orders', key: 'k{i}', value: 'v{i}', count: 6, acks: 'all', note: 'Six records, spread by key.' },
    { op: 'run', ms: 500 },
    { op: 'crash', broker: 2 },
  ],
};

for (const lang of ['en', 'zh']) {
  test(`a phone shows the three replicas of a partition side by side; the timeline takes at most a fifth (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const cluster = new ClusterPage(page);
    await cluster.open(scenarioHash(threeByThree, 2), `?lang=${lang}`);
    for (const partition of [0, 1, 2]) {
      const replicas = page.locator(`[data-testid="replica"][data-partition="${partition}"]`);
      await expect(replicas).toHaveCount(3);
      await replicas.first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
      for (const broker of [1, 2, 3]) {
        await expect(page.locator(`[data-testid="replica"][data-partition="${partition}"][data-broker="${broker}"]`)).toBeInViewport({ ratio: 1 });
      }
    }
    const timeline = await page.locator('.timeline').boundingBox();
    expect(timeline?.height ?? Infinity).toBeLessThanOrEqual(844 / 5);
    // Nothing sticks out sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
}

test('presenter mode: every replica of a 3×3 cluster on screen, the toolbar hidden until the pointer moves', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(threeByThree, 1), '?present=1&lang=en');
  await expect(cluster.root).toHaveAttribute('data-mode', 'present');
  const replicas = page.getByTestId('replica');
  await expect(replicas).toHaveCount(9);
  for (let i = 0; i < 9; i++) await expect(replicas.nth(i)).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  // Each cell's offset and epoch fit inside the cell (at the 22px root they once spilled over its
  // edges and were cut).
  const spills = await page.locator('[data-testid="record"]').evaluateAll((cells) => cells.flatMap((cell) => {
    const box = cell.getBoundingClientRect();
    return [...cell.children].filter((part) => {
      const r = part.getBoundingClientRect();
      return r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
    }).map((part) => `${cell.getAttribute('data-offset')}: ${part.className}`);
  }));
  expect(await page.getByTestId('record').count()).toBeGreaterThan(0);
  expect(spills).toEqual([]);
  const toolbar = page.getByRole('button', { name: 'New scenario' });
  await expect(toolbar).toBeHidden();
  await expect(page.locator('[data-testid="broker"] summary').first()).toBeHidden();
  // A clicker's keys step without showing the controls.
  await cluster.press('PageDown');
  await cluster.expectAt(2);
  await expect(toolbar).toBeHidden();
  await page.mouse.move(400, 300);
  await page.mouse.move(420, 320);
  await expect(toolbar).toBeVisible();
  await expect(page.locator('[data-testid="broker"] summary').first()).toBeVisible();
});

// The widest cells: a follower that never caught up, a leader's two-entry epoch cache, and with
// truncation to the HW the words that stand for the epoch cache.
for (const [truncation, lang] of [['leader-epoch', 'en'], ['high-watermark', 'en'], ['high-watermark', 'zh']] as const) {
  test(`presenter mode at 1280×720: the inspector's replica table fits its width (${truncation}, ${lang})`, async ({ page }) => {
    const document = { ...crashScenario, cluster: { ...crashScenario.cluster, truncation } };
    const cluster = new ClusterPage(page);
    await cluster.open(scenarioHash(document, 8), `?present=1&lang=${lang}`);
    await expect(cluster.root).toHaveAttribute('data-mode', 'present');
    const region = page.getByRole('region', { name: lang === 'en' ? 'Replicas of orders-0' : 'orders-0 的副本' });
    await expect(region.getByRole('row')).toHaveCount(4);
    const { scrollWidth, clientWidth } = await region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(clientWidth).toBeGreaterThan(0);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth + 1);
  });
}

test('presenter mode: the speaker notes window shows the current narration and the next step', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(threeByThree, 0), '?present=1&lang=en');
  await page.mouse.move(400, 300);
  await page.mouse.move(420, 320);
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Speaker notes' }).click()]);
  await expect(popup.locator('.speaker-next')).toContainText('Six records, spread by key.');
  await cluster.press('ArrowRight');
  await cluster.expectAt(1);
  const narration = page.locator('[data-testid="step-narration"], .main .note').first();
  const text = (await narration.textContent())?.trim() ?? '';
  expect(text.length).toBeGreaterThan(0);
  await expect(popup.locator('.speaker-now')).toHaveText(text);
  await expect(popup.locator('.speaker-position')).toContainText('Step 1 of 3');
});

test('on a phone, a narration with long property names wraps inside the screen (zh: no space to break at)', async ({ page }) => {
  // KIP-101 scenario 2, step 9: "（zookeeper.session.timeout.ms）。/brokers/ids/1" has no break
  // opportunity in Chinese text; a sentence list sized by its longest run was cut off at the right.
  await page.setViewportSize({ width: 390, height: 844 });
  const document = JSON.parse(readFileSync('scenarios/golden/kip101-scenario2-high-watermark.json', 'utf8')) as unknown;
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(document, 9), '?lang=zh');
  const sentences = page.getByTestId('step-narration').locator('li[data-sentence]');
  await expect(sentences.first()).toBeVisible();
  const narration = await page.getByTestId('step-narration').boundingBox();
  for (const box of await sentences.evaluateAll((els) => els.map((el) => {
    const r = el.getBoundingClientRect();
    return { right: r.right, overflow: el.scrollWidth - el.clientWidth, text: (el.textContent ?? '').slice(0, 30) };
  }))) {
    expect(box.overflow, box.text).toBeLessThanOrEqual(1);
    expect(box.right, box.text).toBeLessThanOrEqual((narration?.x ?? 0) + (narration?.width ?? 390) + 1);
  }
});

// A lesson at 1280×720 (a laptop): its words beside the picture, so the lesson's text, every
// replica and the start of the step's narration are on the first screen, nothing scrolled.
for (const lang of ['en', 'zh']) {
  test(`a lesson at 1280×720 shows its text beside every replica, without scrolling (${lang})`, async ({ page }) => {
    const cluster = new ClusterPage(page);
    await page.goto(`/?lang=${lang}#lesson=leader-failure&at=8`);
    await cluster.expectAt(8);
    const replicas = page.getByTestId('replica');
    await expect(replicas).toHaveCount(6);
    for (let i = 0; i < 6; i++) await expect(replicas.nth(i)).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('narration')).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('step-narration')).toBeInViewport();
    const text = await page.getByTestId('narration').boundingBox();
    const picture = await page.locator('.cluster').boundingBox();
    expect(text!.x).toBeGreaterThanOrEqual(picture!.x + picture!.width);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    // The controls and the step list are still there, after the panels.
    await expect(page.getByRole('button', { name: lang === 'en' ? 'Send' : '发送', exact: true })).toBeAttached();
  });
}

// A tool's options and scripts, and KIP numbers, never break at a hyphen: "--bootstrap-server"
// once ended a line with "-" and started the next with "-bootstrap-server", and "KIP-499" read
// "KIP-" then "499" (the CLI lessons' callouts).
for (const [lang, width, height, lesson, at] of [['en', 1280, 720, 'cli-topics', 4], ['zh', 390, 844, 'cli-topics', 4], ['en', 390, 844, 'cli-console', 3]] as const) {
  test(`command-line options stay on one line when the lesson's text wraps (${lesson}, ${lang}, ${width})`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const cluster = new ClusterPage(page);
    await page.goto(`/?lang=${lang}#lesson=${lesson}&at=${at}`);
    await cluster.expectAt(at);
    const callout = page.getByTestId('callout');
    await expect(callout).toContainText('--bootstrap-server');
    const words = await callout.evaluate((root) => {
      const found: { word: string; lines: number }[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of (node.textContent ?? '').matchAll(/--[\w-]+|[\w-]+\.sh|\b(?:KIP|KAFKA)-\d+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index ?? 0);
          range.setEnd(node, (match.index ?? 0) + match[0].length);
          // One line box: every fragment of the word shares the first one's top.
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          found.push({ word: match[0], lines: tops.size });
        }
      }
      return found;
    });
    expect(words.length).toBeGreaterThanOrEqual(4);
    expect(words.filter((w) => w.lines !== 1)).toEqual([]);
  });
}
