/**
 * The chart over time (issue 21): a partition focused in the inspector gets its chart
 * (`time-chart`, a lazy chunk); its marked position follows ←/→; clicking a point or a table
 * row's step button seeks there; the HW it reports at the mark is the runner's
 * (`src/cli/sim.ts --at n`). In the split view both panes are overlaid and the chart names the
 * first step where the two documents' numbers differ, as the runner's reports of both say.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Report } from '../src/core/model/report';
import { ClusterPage } from './pages/ClusterPage';
import { expectedReport, scenarioHash } from './support/sim';
import { FULL, fullUnless } from './support/tier';

const read = (file: string) => JSON.parse(readFileSync(new URL(`../scenarios/golden/${file}`, import.meta.url), 'utf8')) as { cluster: Record<string, unknown>; steps: unknown[] };
const hwDoc = read('kip101-scenario1-high-watermark.json');
const epochDoc = read('kip101-scenario1-leader-epoch.json');

const partitionOf = (report: Report) => {
  const p = report.partitions.find((q) => q.topic === 't' && q.partition === 0);
  if (!p) throw new Error('no t-0 in the report');
  return p;
};

test('a focused partition gets its chart: the mark follows ←/→, its HW is the runner\'s, a click on a point or a row seeks', async ({ page }) => {
  test.setTimeout(120_000);
  const cluster = new ClusterPage(page);
  const total = hwDoc.steps.length;
  await cluster.open(scenarioHash(hwDoc, 0), '?lang=en');
  await cluster.expectAt(0);
  // Under the inspector, below the fold, the chart is built only when its place nears the viewport.
  const chart = page.getByTestId('time-chart');
  await expect(page.locator('.time-chart-slot')).toBeAttached();
  await expect(chart).toHaveCount(0);
  await page.getByTestId('inspector-subject').selectOption('p:0:t');
  await page.locator('.time-chart-slot').scrollIntoViewIfNeeded();
  await expect(chart).toHaveCount(1);
  await expect(chart).toHaveAttribute('data-ready', 'true');
  await expect(chart).toHaveAttribute('data-topic', 't');
  await expect(chart).toHaveAttribute('data-partition', '0');
  await expect(chart).toHaveAttribute('data-total', String(total));
  await expect(chart.locator('svg[role="img"] > title')).toHaveCount(1);

  const expectMark = async (at: number) => {
    await cluster.expectAt(at);
    await expect(chart).toHaveAttribute('data-at', String(at));
    await expect(chart.getByTestId('time-chart-cursor')).toHaveAttribute('data-step', String(at));
    await expect(chart).toHaveAttribute('data-hw', String(partitionOf(expectedReport(hwDoc, at)).highWatermark));
  };
  await expectMark(0);
  for (const at of [1, 2, 3]) {
    await cluster.press('ArrowRight');
    await expectMark(at);
  }
  await cluster.press('ArrowLeft');
  await expectMark(2);

  // KIP-101 scenario 1 (the scenario's notes): broker 2 truncates to its HW of 1 when it follows
  // broker 1 (step 11), losing m2; the sentence says so.
  await expect(chart.locator('figcaption')).toContainText("broker 2's LEO fell back from 2 to 1 at step 11");

  // A point: the HW's changes and the falls are drawn as points, each a step to go to.
  const points = chart.locator('[data-testid="time-chart-point"][data-pane="a"]');
  expect(await points.count()).toBeGreaterThan(1);
  const target = points.last();
  const step = Number(await target.getAttribute('data-step'));
  expect(step).toBeGreaterThan(2);
  await target.click();
  await expectMark(step);

  // The keyboard's way: the table of values' step buttons.
  await chart.locator('details summary').click();
  const row = chart.locator('[data-testid="time-chart-row"][data-step="5"]');
  await row.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expectMark(5);
  await expect(row).toHaveAttribute('aria-current', 'step');
});

test('below the fold and never scrolled to, the chart is still built a few seconds after the page has loaded', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(hwDoc, 0), '?lang=en');
  await expect(page.locator('.time-chart-slot')).toBeAttached();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.getByTestId('time-chart')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('split view: both panes overlaid; the chart parts where the runner\'s reports of the two documents first differ', FULL, async ({ page }) => {
  test.setTimeout(180_000);
  const total = epochDoc.steps.length;
  const numbers = (r: Report) => {
    const p = partitionOf(r);
    return JSON.stringify([p.highWatermark, p.leader, [...p.isr].sort(), p.replicaStates.map((s) => [s.broker, s.logEndOffset])]);
  };
  let parted: number | null = null;
  for (let at = 0; at <= total && parted === null; at++) {
    if (numbers(expectedReport(epochDoc, at)) !== numbers(expectedReport(hwDoc, at))) parted = at;
  }
  expect(parted).not.toBeNull();

  const cluster = new ClusterPage(page);
  await cluster.open(`${scenarioHash(epochDoc, 0)}&vs=cluster.truncation%3Ahigh-watermark`, '?lang=en');
  await expect(page.getByTestId('pane')).toHaveCount(2);
  const chart = page.getByTestId('time-chart');
  await expect(chart).toHaveCount(1);
  await expect(chart).toHaveAttribute('data-ready', 'true');
  await expect(chart).toHaveAttribute('data-panes', '2');
  await expect(chart).toHaveAttribute('data-parted', String(parted));
  expect(await chart.locator('[data-testid="time-chart-point"][data-pane="b"]').count()).toBeGreaterThan(0);
  await cluster.press('ArrowRight');
  await cluster.expectAt(1);
  await expect(chart).toHaveAttribute('data-at', '1');
  const point = chart.locator('[data-testid="time-chart-point"][data-pane="a"]').last();
  const step = Number(await point.getAttribute('data-step'));
  await point.click();
  await cluster.expectAt(step);
  await expect(chart).toHaveAttribute('data-at', String(step));
});

for (const lang of ['en', 'zh']) {
  test(`axe finds nothing in the chart with its table of values open, one pane and split (${lang})`, fullUnless(lang === 'en'), async ({ page }) => {
    const cluster = new ClusterPage(page);
    for (const vs of ['', '&vs=cluster.truncation%3Ahigh-watermark']) {
      await cluster.open(`${scenarioHash(epochDoc, 11)}${vs}`, `?lang=${lang}`);
      if (!vs) await page.locator('.time-chart-slot').scrollIntoViewIfNeeded();
      const chart = page.getByTestId('time-chart');
      await expect(chart).toHaveAttribute('data-ready', 'true');
      await chart.locator('details summary').click();
      await expect(chart.getByTestId('time-chart-row').first()).toBeVisible();
      const results = await new AxeBuilder({ page }).include('[data-testid="time-chart"]').withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`), vs || 'one pane').toEqual([]);
    }
  });
}
