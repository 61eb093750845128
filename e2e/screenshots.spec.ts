/**
 * Screenshots that a person looks at (test-results/screenshots/): the living cluster in both
 * languages at 1280×720 and 390×844, a crash mid-animation, a large cluster, the dialogs.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ClusterPage } from './pages/ClusterPage';
import { NewScenarioPage } from './pages/NewScenarioPage';
import { largeClusterScenario } from './support/clusters';
import { crashScenario } from './support/scenarios';
import { scenarioHash } from './support/sim';
import { FULL } from './support/tier';

const viewports = [{ width: 1280, height: 720 }, { width: 390, height: 844 }];

for (const lang of ['en', 'zh'] as const) {
  for (const viewport of viewports) {
    const size = `${viewport.width}x${viewport.height}`;
    test(`living cluster ${lang} ${size}`, FULL, async ({ page }) => {
      await page.setViewportSize(viewport);
      const cluster = new ClusterPage(page);
      await cluster.open(scenarioHash(crashScenario, 8), `?lang=${lang}`);
      await expect(page.locator('svg.event-stage')).toBeVisible();
      await page.waitForTimeout(800);
      await cluster.screenshot(`living-${lang}-${size}`);
      await page.screenshot({ path: `test-results/screenshots/living-${lang}-${size}-viewport.png` });
    });
    test(`large cluster ${lang} ${size}`, FULL, async ({ page }) => {
      await page.setViewportSize(viewport);
      const cluster = new ClusterPage(page);
      await cluster.open(scenarioHash(largeClusterScenario(), 3), `?lang=${lang}`);
      await page.waitForTimeout(800);
      await page.screenshot({ path: `test-results/screenshots/large-${lang}-${size}-viewport.png` });
    });
  }
}

test('the new-scenario dialog', FULL, async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open('#at=0', '?lang=zh');
  await page.getByRole('button', { name: '新建场景' }).click();
  await page.getByRole('dialog', { name: '新建场景' }).waitFor();
  await page.screenshot({ path: 'test-results/screenshots/new-scenario-zh-1280x720.png' });
  await cluster.open('#at=0', '?lang=en');
  await new NewScenarioPage(page).open();
  await page.screenshot({ path: 'test-results/screenshots/new-scenario-en-1280x720.png' });
});

test('a crash, mid-animation', FULL, async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(crashScenario, 6), '?lang=en');
  await cluster.press('ArrowRight');
  await cluster.press('ArrowRight');
  await page.waitForTimeout(250);
  await page.screenshot({ path: 'test-results/screenshots/animation-election-en-1280x720.png' });
});

test('truncation to the HW cuts a record (KIP-101 scenario 1)', FULL, async ({ page }) => {
  const document = JSON.parse(readFileSync('scenarios/golden/kip101-scenario1-high-watermark.json', 'utf8')) as unknown;
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(document, 10), '?lang=en');
  await expect(page.locator('svg.event-stage')).toBeVisible();
  await cluster.press('ArrowRight');
  await cluster.expectAt(11);
  await page.waitForTimeout(900);
  await page.screenshot({ path: 'test-results/screenshots/truncation-en-1280x720.png', fullPage: true });
});
