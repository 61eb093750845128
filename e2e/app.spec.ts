/**
 * The page without a link, the era badge, languages and modes, and the screenshots that a
 * person looks at (test-results/screenshots/).
 */
import { expect, test } from '@playwright/test';
import { ClusterPage } from './pages/ClusterPage';
import { crashScenario, manualScenario } from './support/scenarios';
import { scenarioHash } from './support/sim';
import { FULL } from './support/tier';

test('without a link the built-in example opens at step 0', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open('#at=0', '?lang=en');
  await cluster.expectAt(0);
  expect(await cluster.total()).toBeGreaterThan(3);
  await expect(cluster.era).toHaveText('Kafka 3.6 · KRaft · leader epoch');
  await expect(cluster.era).toHaveAttribute('data-metadata', 'kraft');
  await expect(cluster.era).toHaveAttribute('data-truncation', 'leader-epoch');
  expect((await cluster.brokers()).map((b) => b.broker)).toEqual([1, 2, 3]);
  await expect(page.getByTestId('replica')).toHaveCount(3);
});

test('the example reloads at the same position', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open('#at=0', '?lang=en');
  await cluster.press('ArrowRight');
  await cluster.press('ArrowRight');
  await expect(page).toHaveURL(/#at=2$/);
  await page.reload();
  await cluster.expectAt(2);
});

test('a record cell describes itself when the pointer reaches it', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(manualScenario, 1), '?lang=en');
  const cell = page.locator('[data-testid="replica"][data-broker="1"] [data-testid="record"][data-offset="0"]');
  await cell.hover();
  // After one produce on the leader alone, offset 0 is above the HW (0): not yet committed.
  await expect(cell).toHaveAttribute('title', 'Offset 0, epoch 0, key alice, value hello · not yet committed');
});

test('the era badge names ZooKeeper-era truncation to the HW', async ({ page }) => {
  const doc = {
    version: 1, title: 'old times', cluster: { brokers: 3, metadata: 'zookeeper', truncation: 'high-watermark', replication: 'manual' },
    topics: [{ name: 't', partitions: 1, replicationFactor: 3 }], steps: [],
  };
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(doc), '?lang=en');
  await expect(cluster.era).toHaveText('Kafka 2.8 · ZooKeeper · truncation to HW (before 0.11)');
  await expect(cluster.era).toHaveAttribute('data-metadata', 'zookeeper');
  await expect(cluster.era).toHaveAttribute('data-truncation', 'high-watermark');
});

test('kraft with truncation to the HW is flagged as never shipped', async ({ page }) => {
  const doc = {
    version: 1, title: 'what if', cluster: { brokers: 3, truncation: 'high-watermark', replication: 'manual' },
    topics: [{ name: 't', partitions: 1, replicationFactor: 3 }], steps: [],
  };
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(doc), '?lang=en');
  await expect(cluster.era).toContainText('never shipped together');
});

test('the title is text, never HTML', async ({ page }) => {
  const doc = {
    version: 1, title: '<img src=x onerror="window.__pwned=1"><b>bold</b>', cluster: { brokers: 3, replication: 'manual' },
    topics: [{ name: 't', partitions: 1, replicationFactor: 3 }], steps: [],
  };
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(doc));
  await expect(cluster.title).toHaveText(doc.title);
  await expect(cluster.title.locator('img, b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('?lang=zh speaks Chinese, and the toggle switches and remembers', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open('#at=0', '?lang=zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: '下一步' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Next step' })).toBeVisible();
  await expect(page).toHaveURL(/\?lang=en/);
  await cluster.open('#at=0');
  await expect(page.getByRole('button', { name: 'Next step' })).toBeVisible();
});

test('modes: ?present=1 and ?embed=1', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open('#at=0', '?present=1');
  await expect(cluster.root).toHaveAttribute('data-mode', 'present');
  await cluster.open('#at=0', '?embed=1');
  await expect(cluster.root).toHaveAttribute('data-mode', 'embed');
  await expect(page.getByTestId('replica')).toHaveCount(3);
  await expect(cluster.position).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
});

test('every control is reachable with Tab and has a name', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open('#at=0', '?lang=en');
  const names: string[] = [];
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const label = (el as HTMLInputElement).labels?.[0]?.textContent?.trim();
      return el.getAttribute('aria-label') || label || el.textContent?.trim() || `(unnamed ${el.tagName}.${el.className})`;
    });
    if (name === null) break;
    names.push(name);
  }
  expect(names.filter((name) => name.startsWith('(unnamed'))).toEqual([]);
  for (const name of ['English', '中文', 'First step', 'Previous step', 'Play', 'Next step', 'Last step', 'Timeline position']) {
    expect(names).toContain(name);
  }
  expect(names.filter((name) => name.includes('Initial state'))).toHaveLength(1);
});

for (const lang of ['en', 'zh'] as const) {
  for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
    test(`screenshot ${lang} ${viewport.width}x${viewport.height}`, FULL, async ({ page }) => {
      await page.setViewportSize(viewport);
      const cluster = new ClusterPage(page);
      await cluster.open('#at=7', `?lang=${lang}`);
      await cluster.expectAt(7);
      await page.evaluate(() => document.fonts.ready);
      await cluster.screenshot(`cluster-${lang}-${viewport.width}x${viewport.height}`);
      await page.screenshot({ path: `test-results/screenshots/cluster-${lang}-${viewport.width}x${viewport.height}-viewport.png` });
    });
  }
}

test('screenshot of a shrunken ISR', FULL, async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open('#at=8', '?lang=en');
  await cluster.expectAt(8);
  await cluster.screenshot('cluster-en-1280x720-isr-shrink');
});

for (const at of [7, 12]) {
  test(`screenshot of a crash, at ${at}`, FULL, async ({ page }) => {
    const cluster = new ClusterPage(page);
    await cluster.open(scenarioHash(crashScenario, at), '?lang=en');
    await cluster.expectAt(at);
    await cluster.screenshot(`crash-en-1280x720-at${at}`);
  });
}

test('screenshot of a load error', FULL, async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash({ version: 1, cluster: { brokers: 3 }, steps: [{ op: 'fetch', broker: 9 }] }), '?lang=en');
  await expect(cluster.loadError).toBeVisible();
  await cluster.screenshot('load-error-en-1280x720');
});
