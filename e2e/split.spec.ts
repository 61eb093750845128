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
  // The lost record: held on the left by the leader that the right pane's leader has not got at that
  // offset; that replica carries data-differs on both sides, and the record on the left does too.
  const hwEnd = expectedReport(hwVersion, total);
  for (const loss of lossB) {
    const leader = hwEnd.partitions.find((p) => p.topic === loss.topic && p.partition === loss.partition)?.leader;
    const replica = (pane: 'a' | 'b') => page.locator(`[data-pane="${pane}"] [data-testid="replica"][data-topic="${loss.topic}"][data-partition="${loss.partition}"][data-broker="${leader}"]`);
    await expect(replica('a')).toHaveAttribute('data-differs', 'true');
    await expect(replica('b')).toHaveAttribute('data-differs', 'true');
    await expect(replica('a').locator(`[data-testid="record"][data-offset="${loss.offset}"]`)).toHaveAttribute('data-differs', 'true');
  }
  // The address keeps the split.
  expect(decodeURIComponent(page.url())).toContain('vs=cluster.truncation:high-watermark');
});

test('a change that makes the document invalid shows the lines in the right pane', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open(`${scenarioHash(kip101, 2)}&vs=cluster.brokers%3A0`, '?lang=en');
  await expect(page.locator('[data-pane="a"] [data-testid="broker"]')).toHaveCount(3);
  await expect(page.locator('[data-pane="b"] [data-testid="load-error"]')).toContainText('cluster.brokers');
});

/** The restart comparison: broker 1 crashes and restarts 1 s later, well before its old session expires. */
const restartEarly = {
  version: 1, title: 'Restart too early', cluster: { brokers: 3, metadata: 'zookeeper' },
  topics: [{ name: 'orders', assignment: [[1, 2, 3]] }],
  steps: [{ op: 'crash', broker: 1 }, { op: 'run', ms: 1000 }, { op: 'restart', broker: 1 }],
};

test('ZooKeeper 2.8 vs KRaft 3.6: only the 2.8 side refuses the restart with NODE_EXISTS, and the narration says why', async ({ page }) => {
  const cluster = new ClusterPage(page);
  const kraft = { ...restartEarly, cluster: { ...restartEarly.cluster, metadata: 'kraft' } };
  // Independent expectations: the runner's reports for each era.
  expect(expectedReport(restartEarly, 3).stepErrors.map((e) => e.error)).toEqual(['NODE_EXISTS']);
  expect(expectedReport(kraft, 3).stepErrors).toEqual([]);
  await cluster.open(`${scenarioHash(restartEarly, 3)}&vs=cluster.metadata%3Akraft`, '?lang=en');
  await expect(page.locator('[data-pane="a"] [data-testid="step-error"][data-error="NODE_EXISTS"]')).toHaveCount(1);
  await expect(page.locator('[data-pane="b"] [data-testid="step-error"]')).toHaveCount(0);
  await expect(page.locator('[data-pane="b"] [data-testid="era"]')).toHaveAttribute('data-metadata', 'kraft');
  const said = page.getByTestId('split-narration');
  await expect(said).toContainText('In ZooKeeper 2.8 the restart of broker 1 is refused with NODE_EXISTS');
  await expect(said).toContainText('In KRaft 3.6 the controller refuses the registration too (DUPLICATE_BROKER_REGISTRATION) but the broker waits as restarting');
  await cluster.open(`${scenarioHash(restartEarly, 3)}&vs=cluster.metadata%3Akraft`, '?lang=zh');
  await expect(page.getByTestId('split-narration')).toContainText('NODE_EXISTS 拒绝');
});

test('the toolbar menu opens the split for this document, the scrubber marks where the panes part, and the menu closes back to one pane', async ({ page }) => {
  test.setTimeout(120_000);
  const cluster = new ClusterPage(page);
  const total = (kip101 as unknown as { steps: unknown[] }).steps.length;
  // Where the runner says the two documents first differ (leader, HW, ISR, LEO or records of a replica).
  let part = -1;
  for (let at = 0; at <= total && part < 0; at++) {
    const a = expectedReport(kip101, at);
    const b = expectedReport(hwVersion, at);
    const shape = (r: Report) => JSON.stringify(r.partitions.map((p) => [p.leader, p.highWatermark, p.isr, p.replicaStates.map((s) => [s.broker, s.logEndOffset, s.highWatermark, s.log.map((l) => [l.offset, l.key, l.value, l.leaderEpoch])])]));
    if (shape(a) !== shape(b)) part = at;
  }
  expect(part).toBeGreaterThan(0);
  await cluster.open(scenarioHash(kip101, 0), '?lang=en');
  await expect(page.getByTestId('pane')).toHaveCount(0);
  const button = page.getByTestId('compare-button');
  await button.focus();
  await page.keyboard.press('Enter');
  const entry = page.locator('[data-testid="compare-entry"][data-comparison="truncation"]');
  await expect(entry).toHaveAttribute('data-vs', 'cluster.truncation:high-watermark');
  await expect(page.getByTestId('compare-entry')).toHaveCount(6);
  // KRaft 3.6 ignores unclean election: the menu says so before it is chosen.
  await expect(page.locator('[data-comparison="unclean"] ~ ul [data-note="uncleanIgnored"]')).toHaveCount(1);
  await entry.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pane')).toHaveCount(2);
  await expect.poll(() => decodeURIComponent(page.url())).toContain('vs=cluster.truncation:high-watermark');
  const mark = page.getByTestId('first-difference');
  await expect(mark).toHaveAttribute('data-state', 'found', { timeout: 30_000 });
  await expect(mark).toHaveAttribute('data-step', String(part));
  await mark.click();
  await cluster.expectAt(part);
  await expect(page.getByTestId('split-narration')).not.toContainText('Both panes agree');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await cluster.press('ArrowLeft');
  await expect(page.getByTestId('split-narration')).toContainText(`they part at position ${part}`);
  await button.click();
  await page.getByTestId('compare-close').click();
  await expect(page.getByTestId('pane')).toHaveCount(0);
  await expect.poll(() => decodeURIComponent(page.url())).not.toContain('vs=');
});

test('presenter mode: the Compare menu scrolls inside itself, above the timeline bar, so its last entry can be chosen', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open('#at=3', '?lang=en&present=1');
  await cluster.expectAt(3);
  await page.mouse.move(300, 300); // the floating controls show
  await page.getByTestId('compare-button').click();
  const menu = page.getByTestId('compare-menu');
  await expect(menu).toBeVisible();
  const bar = await page.locator('.timeline').boundingBox();
  const box = await menu.boundingBox();
  expect(bar && box && box.y + box.height <= bar.y).toBe(true);
  const last = menu.getByTestId('compare-entry').last();
  await last.scrollIntoViewIfNeeded();
  await last.click();
  await expect(page.locator('[data-testid="pane"][data-pane="b"]')).toBeVisible();
});
