/**
 * Every step explains itself (issue 16): the step narration (`step-narration`), errors in words,
 * the produced table's anomaly flags, the instructor's notes and the reading aid.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ClusterPage } from './pages/ClusterPage';
import { crashScenario } from './support/scenarios';
import { documentInUrl, scenarioHash } from './support/sim';
import { fullUnless } from './support/tier';

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

const narration = (page: Page) => page.getByTestId('step-narration');

test('a leader crash with acks=1: the narration says the acknowledged record was lost, and why', async ({ page }) => {
  const cluster = new ClusterPage(page);
  // Step 7 (index 6) crashes leader 1; step 8 (index 7) runs 10 s: the controller fences it and elects 2.
  await cluster.open(scenarioHash(crashScenario, 7), '?lang=en');
  await expect(narration(page)).toHaveAttribute('data-step', '6');
  await expect(narration(page)).toContainText('Broker 1 crashed');
  await expect(narration(page)).toContainText('The controller will notice broker 1 is gone at t = 9,000 ms');
  await page.keyboard.press('ArrowRight');
  await expect(cluster.position).toHaveAttribute('data-at', '8');
  await expect(narration(page)).toHaveAttribute('data-step', '7');
  await expect(narration(page)).toContainText('The controller fenced broker 1: 9,000 ms passed without a heartbeat from it (broker.session.timeout.ms)');
  await expect(narration(page)).toContainText('Broker 2 became leader of orders-0 at epoch 1');
  await expect(narration(page)).toContainText('The record at offset 1 of orders-0 (b = 2) was acknowledged, but the leader (2) does not have it: it is lost.');
  await expect(narration(page)).toContainText('It was acknowledged with acks=1: the leader answered as soon as it had written the record, before any follower had a copy.');
  // The produced table no longer says a bare "acked" for it.
  await expect(page.locator('[data-flag="acked-then-lost"]')).toHaveText(/acked, then lost/);
  await cluster.screenshot('narration-lost-en-1280x720');

  await cluster.open(scenarioHash(crashScenario, 8), '?lang=zh');
  await expect(narration(page)).toContainText('orders-0 位移 1 上的记录（b = 2）已被确认，但 leader（2）没有它：这条记录丢失了');
  await expect(narration(page)).toContainText('它是以 acks=1 确认的');
  await expect(page.locator('[data-flag="acked-then-lost"]')).toHaveText(/已确认，后丢失/);
});

test('position 0 describes the initial state and has no data-step; manual replication says how to fetch', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(crashScenario, 0), '?lang=en');
  await expect(narration(page)).not.toHaveAttribute('data-step', /.*/);
  await expect(narration(page)).toContainText('LEO (log end offset');
  await expect(page.getByTestId('manual-replication')).toContainText('choose Fetch');
});

test('embed and presenter modes keep the narration', async ({ page }) => {
  const cluster = new ClusterPage(page);
  for (const mode of ['?embed=1&lang=en', '?present=1&lang=en']) {
    await cluster.open(scenarioHash(crashScenario, 8), mode);
    await expect(narration(page)).toHaveAttribute('data-step', '7');
    await expect(narration(page)).toContainText('it is lost');
  }
});

test('a refused restart explains NODE_EXISTS and how long to wait', async ({ page }) => {
  const doc = {
    version: 1, title: 'Too early', cluster: { brokers: 3, metadata: 'zookeeper' },
    topics: [{ name: 'orders', assignment: [[1, 2, 3]] }],
    steps: [{ op: 'crash', broker: 1 }, { op: 'run', ms: 1000 }, { op: 'restart', broker: 1 }],
  };
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(doc, 3), '?lang=en');
  await expect(narration(page)).toContainText('run at least 17,000 ms, then restart again');
  await expect(page.locator('.step-explained')).toContainText('NODE_EXISTS: ZooKeeper still holds /brokers/ids/1');
  // The step-error hook: the report's stepErrors up to the position, with what to do, in every mode.
  const refused = page.getByTestId('step-error');
  await expect(refused).toHaveCount(1);
  await expect(refused).toHaveAttribute('data-step', '2');
  await expect(refused).toHaveAttribute('data-error', 'NODE_EXISTS');
  await expect(refused).toContainText('Step 3 was refused: NODE_EXISTS');
  await expect(refused).toContainText('17,000');
  await cluster.open(scenarioHash(doc, 2), '?lang=en');
  await expect(page.getByTestId('step-error')).toHaveCount(0);
  await cluster.open(scenarioHash(doc, 3), '?lang=en&embed=1');
  await expect(page.getByTestId('step-error')).toHaveAttribute('data-error', 'NODE_EXISTS');
  await cluster.open(scenarioHash(doc, 3), '?lang=zh');
  await expect(page.getByTestId('step-error')).toContainText('第 3 步被拒绝：NODE_EXISTS');
  await expect(narration(page)).toContainText('请至少运行 17,000 毫秒，再重启一次');
});

test('an instructor writes a note: it comes first in the narration and travels in the link', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(crashScenario, 7), '?lang=en');
  await page.getByRole('button', { name: 'Write a note' }).click();
  await page.getByLabel('Note for step 7').fill('Watch the HW: offset 1 is above it.');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(narration(page).locator('.note-own')).toHaveText('Watch the HW: offset 1 is above it.');
  await expect(cluster.position).toHaveAttribute('data-at', '7');
  await expect.poll(() => (documentInUrl(page.url()) as { steps: { note?: string }[] }).steps[6].note).toBe('Watch the HW: offset 1 is above it.');
  expect(await axe(page)).toEqual([]);
});

test('the step list keeps the current step in view', async ({ page }) => {
  const steps = Array.from({ length: 50 }, (_, i) => ({ op: 'produce', topic: 'orders', key: `k${i}`, value: 'v', acks: 1 }));
  const doc = { version: 1, title: 'Long', cluster: { brokers: 3, replication: 'manual' }, topics: [{ name: 'orders', assignment: [[1, 2, 3]] }], steps };
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(doc, 45), '?lang=en');
  const list = page.locator('ol.steps');
  await list.scrollIntoViewIfNeeded();
  const current = list.locator('[aria-current="step"]');
  await expect(current).toBeVisible();
  await expect.poll(async () => {
    const [l, c] = [await list.boundingBox(), await current.boundingBox()];
    return l !== null && c !== null && c.y >= l.y - 1 && c.y + c.height <= l.y + l.height + 1;
  }).toBe(true);
});

for (const lang of ['en', 'zh']) {
  test(`axe finds nothing in the narration and the reading aid; screenshots (${lang})`, fullUnless(lang === 'en'), async ({ page }) => {
    // The settled picture is what axe must judge: a record still fading in while its message
    // lands has a lower contrast for a moment.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const cluster = new ClusterPage(page);
    for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(viewport);
      await cluster.open(scenarioHash(crashScenario, 8), `?lang=${lang}`);
      await expect(narration(page).locator('.narration-sentences li').first()).toBeVisible();
      await narration(page).screenshot({ path: `test-results/screenshots/narration-${lang}-${viewport.width}x${viewport.height}.png` });
      await page.screenshot({ path: `test-results/screenshots/narration-${lang}-${viewport.width}x${viewport.height}-viewport.png` });
    }
    expect(await axe(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 720 });
    await narration(page).getByRole('button', { name: lang === 'en' ? 'How to read the picture' : '如何看懂这张图' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.locator('.legend-list').first()).toBeVisible();
    await expect(dialog).toContainText(lang === 'en' ? 'HW (high watermark)' : 'HW（高水位）');
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/reading-aid-${lang}-1280x720.png` });
    await dialog.getByRole('button', { name: lang === 'en' ? 'About the model' : '关于这个模型' }).click();
    await expect(dialog).toContainText(lang === 'en' ? 'The controller never fails.' : '控制器永远不会故障');
  });
}

test('retention: the narration names the setting, the segments\' age and the new log start, in both languages', async ({ page }) => {
  // scenarios/retention-follower-starts-over.json: step 7 (index 6) runs to 40 s; the 30 s check
  // deletes offsets 0 and 1 on the leader. Step 9 (index 8): broker 2 starts over at 2.
  const retention = JSON.parse(readFileSync('scenarios/retention-follower-starts-over.json', 'utf8')) as Record<string, unknown>;
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(retention, 7), '?lang=en');
  await expect(narration(page)).toHaveAttribute('data-step', '6');
  await expect(narration(page)).toContainText('Broker 1 deleted 2 segments of orders-0 (offsets 0 to 1, 144 bytes)');
  await expect(narration(page)).toContainText('older than retention.ms (20,000 ms)');
  await expect(narration(page)).toContainText('gets OFFSET_OUT_OF_RANGE');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(narration(page)).toContainText('below its leader\'s log start offset 2');
  await cluster.open(scenarioHash(retention, 7), '?lang=zh');
  await expect(narration(page)).toContainText('broker 1 删除了 orders-0 的 2 个段');
  await expect(narration(page)).toContainText('OFFSET_OUT_OF_RANGE');
});

test('a run on 30 partitions reads as a few sentences; the per-partition sentences are one click away', async ({ page }) => {
  const cluster = new ClusterPage(page);
  // Step 2 runs 200 ms on 9 brokers × 30 partitions after 30 keyed records: without the fold, about 80 sentences.
  const wide = {
    version: 1, title: 'A burst on 30 partitions', seed: 1,
    cluster: { brokers: 9, replication: 'auto' },
    topics: [{ name: 'events', partitions: 30, replicationFactor: 3 }],
    steps: [{ op: 'produce', topic: 'events', key: 'k{i}', value: 'v{i}', acks: 'all', count: 30 }, { op: 'run', ms: 200 }],
  };
  await cluster.open(scenarioHash(wide, 2), '?lang=en');
  await expect(narration(page)).toHaveAttribute('data-step', '1');
  const main = narration(page).locator('ul.narration-sentences').first().locator('li');
  await expect(main.filter({ hasText: /The HW rose on \d+ partitions/ })).toHaveCount(1);
  expect(await main.count()).toBeLessThanOrEqual(8);
  const details = page.getByTestId('narration-details');
  await expect(details.locator('li').first()).toBeHidden();
  await details.locator('summary').click();
  await expect(details.locator('li[data-sentence="hw.rose"]').first()).toBeVisible();
  await cluster.open(scenarioHash(wide, 2), '?lang=zh');
  await expect(narration(page).locator('ul.narration-sentences').first()).toContainText('个分区的 HW 上升了');
  await expect(page.getByTestId('narration-details').locator('summary')).toContainText('逐个分区的详情');
});
