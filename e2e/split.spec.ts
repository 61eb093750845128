/**
 * Split view, first slice (issue 21; ui-contract.md, "Split view"): `&vs=` shows the document as
 * given and as changed side by side on one timeline; each pane's hooks carry the runner's numbers
 * for its own document; what differs is marked on both sides; the address keeps `&vs=`; a change
 * that makes the document invalid shows its lines in the right pane.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { Report } from '../src/core/model/report';
import { ClusterPage } from './pages/ClusterPage';
import { expectedReport, scenarioHash } from './support/sim';

const kip101 = JSON.parse(readFileSync(new URL('../scenarios/golden/kip101-scenario1-leader-epoch.json', import.meta.url), 'utf8')) as { cluster: Record<string, unknown> };
const hwVersion = { ...kip101, cluster: { ...kip101.cluster, truncation: 'high-watermark' } };
const vs = '&vs=cluster.truncation%3Ahigh-watermark';

async function expectPaneMatches(page: Page, pane: 'a' | 'b', report: Report) {
  const root = page.locator(`[data-testid="pane"][data-pane="${pane}"]`);
  for (const p of report.partitions) {
    await expect(root.locator(`[data-testid="partition"][data-topic="${p.topic}"][data-partition="${p.partition}"]`)).toHaveAttribute('data-hw', String(p.highWatermark));
    for (const r of p.replicaStates) {
      const replica = root.locator(`[data-testid="replica"][data-topic="${p.topic}"][data-partition="${p.partition}"][data-broker="${r.broker}"]`);
      await expect(replica).toHaveAttribute('data-leo', String(r.logEndOffset));
      await expect(replica).toHaveAttribute('data-hw', String(r.highWatermark));
      await expect(replica.locator('[data-testid="record"]')).toHaveCount(r.log.length);
    }
  }
}

test('KIP-101 scenario 1: truncation to the HW in the right pane loses the record, leader epochs keep it; the keys step both panes', async ({ page }) => {
  test.setTimeout(120_000);
  const cluster = new ClusterPage(page);
  const total = (kip101 as unknown as { steps: unknown[] }).steps.length;
  await cluster.open(`${scenarioHash(kip101, total)}${vs}`, '?lang=en');
  const panes = page.getByTestId('pane');
  await expect(panes).toHaveCount(2);
  await expect(page.getByTestId('era')).toHaveCount(2);
  await expect(page.locator('[data-pane="a"] [data-testid="era"]')).toHaveAttribute('data-truncation', 'leader-epoch');
  await expect(page.locator('[data-pane="b"] [data-testid="era"]')).toHaveAttribute('data-truncation', 'high-watermark');
  // Once per page: the timeline position.
  await expect(page.getByTestId('timeline-position')).toHaveCount(1);

  for (let at = total; at >= total - 3; at--) {
    if (at < total) await cluster.press('ArrowLeft');
    await cluster.expectAt(at);
    await expectPaneMatches(page, 'a', expectedReport(kip101, at));
    await expectPaneMatches(page, 'b', expectedReport(hwVersion, at));
  }
  await cluster.press('End');
  await cluster.expectAt(total);
  const lossA = expectedReport(kip101, total).anomalies.filter((a) => a.type === 'acknowledged-record-lost');
  const lossB = expectedReport(hwVersion, total).anomalies.filter((a) => a.type === 'acknowledged-record-lost');
  expect(lossA).toHaveLength(0);
  expect(lossB.length).toBeGreaterThan(0);
  await expect(page.locator('[data-pane="a"] [data-testid="anomaly"][data-type="acknowledged-record-lost"]')).toHaveCount(0);
  await expect(page.locator('[data-pane="b"] [data-testid="anomaly"][data-type="acknowledged-record-lost"]')).toHaveCount(lossB.length);
  // Where they part is marked on both sides, and only there.
  const differsA = page.locator('[data-pane="a"] [data-testid="replica"][data-differs="true"]');
  const differsB = page.locator('[data-pane="b"] [data-testid="replica"][data-differs="true"]');
  await expect(differsA).not.toHaveCount(0);
  expect(await differsA.count()).toBe(await differsB.count());
  await expect(page.locator('[data-pane="a"] [data-testid="replica"]:not([data-differs])')).not.toHaveCount(0);
  // The address keeps the split.
  expect(decodeURIComponent(page.url())).toContain('vs=cluster.truncation:high-watermark');
});

test('a change that makes the document invalid shows the lines in the right pane', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open(`${scenarioHash(kip101, 2)}&vs=cluster.brokers%3A0`, '?lang=en');
  await expect(page.locator('[data-pane="a"] [data-testid="broker"]')).toHaveCount(3);
  await expect(page.locator('[data-pane="b"] [data-testid="load-error"]')).toContainText('cluster.brokers');
});
