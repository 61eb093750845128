/**
 * Acting on the cluster through the controls: each action appends a step at the cursor, the
 * address bar keeps the scenario and position, and the page shows the runner's numbers for the
 * scenario in the address.
 */
import { expect, test, type Page } from '@playwright/test';
import { ClusterPage } from './pages/ClusterPage';
import { ControlsPage } from './pages/ControlsPage';
import { autoScenario, shrunkIsrScenario } from './support/clusters';
import { manualScenario } from './support/scenarios';
import { atInUrl, documentInUrl, expectedReport, scenarioHash } from './support/sim';

/** The page's hooks equal the runner's report for the scenario and position in the address. */
async function expectRunnerAgrees(page: Page, cluster: ClusterPage) {
  await expect(page).toHaveURL(new RegExp(`&at=${await cluster.at()}$`));
  const report = expectedReport(documentInUrl(page.url()), atInUrl(page.url()));
  expect(await cluster.brokers()).toEqual(report.brokers.map((b) => ({ broker: b.id, state: b.state, fenced: b.fenced })));
  expect((await cluster.partitions()).map((p) => [p.topic, p.partition, p.leader, p.epoch, p.hw, p.isr]))
    .toEqual(report.partitions.map((p) => [p.topic, p.partition, p.leader, p.leaderEpoch, p.highWatermark, p.isr]));
  return report;
}

test('crash a broker by clicking, run time, and see fencing and an election', async ({ page }) => {
  const cluster = new ClusterPage(page);
  const controls = new ControlsPage(page);
  await cluster.open(scenarioHash(autoScenario, 2), '?lang=en');
  await controls.brokerAction(1, 'Crash');
  await cluster.expectAt(3);
  const broker1 = page.locator('[data-testid="broker"][data-broker="1"]');
  await expect(broker1).toHaveAttribute('data-state', 'crashed');
  await expect(broker1).toHaveAttribute('data-fenced', 'false');
  await controls.run('10 s');
  await cluster.expectAt(4);
  await expect(broker1).toHaveAttribute('data-fenced', 'true');
  const partition = page.getByTestId('partition');
  await expect(partition).not.toHaveAttribute('data-leader', '1');
  await expect(partition).toHaveAttribute('data-epoch', '1');
  const report = await expectRunnerAgrees(page, cluster);
  expect(report.partitions[0].leader).not.toBe(1);
  // The inspector says it in words.
  await expect(page.getByRole('region', { name: 'What the last step did', exact: true })).toContainText('fenced');
});

test('acks=all under min.insync.replicas=2 with a shrunken ISR gets NOT_ENOUGH_REPLICAS', async ({ page }) => {
  const cluster = new ClusterPage(page);
  const controls = new ControlsPage(page);
  await cluster.open(scenarioHash(shrunkIsrScenario, 2), '?lang=en');
  await expect(page.getByTestId('partition')).toHaveAttribute('data-isr', '1');
  await controls.produce({ key: 'b', value: '2', acks: 'all' });
  await cluster.expectAt(3);
  await expect(page.getByRole('region', { name: 'Produced records', exact: true })).toContainText('NOT_ENOUGH_REPLICAS');
  const report = await expectRunnerAgrees(page, cluster);
  expect(report.produced.at(-1)?.error).toBe('NOT_ENOUGH_REPLICAS');
});

test('acting in the past asks first, then forks: later steps are dropped', async ({ page }) => {
  const cluster = new ClusterPage(page);
  const controls = new ControlsPage(page);
  await cluster.open(scenarioHash(manualScenario, 3), '?lang=en');
  await controls.run('1 ms');
  await expect(controls.forkDialog).toBeVisible();
  await cluster.press('ArrowRight');
  await cluster.expectAt(3);
  await controls.cancelFork();
  await expect(cluster.position).toHaveAttribute('data-total', String(manualScenario.steps.length));
  await controls.run('1 ms');
  await controls.confirmFork();
  await cluster.expectAt(4);
  await expect(cluster.position).toHaveAttribute('data-total', '4');
  const document = documentInUrl(page.url()) as { steps: unknown[] };
  expect(document.steps.at(-1)).toEqual({ op: 'run', ms: 1 });
  await expectRunnerAgrees(page, cluster);
});

test('insert and delete keep the later steps and simulate them again', async ({ page }) => {
  const cluster = new ClusterPage(page);
  const controls = new ControlsPage(page);
  const total = manualScenario.steps.length;
  await cluster.open(scenarioHash(manualScenario, 1), '?lang=en');
  await controls.insertHere();
  await controls.brokerAction(3, 'Fetch');
  await cluster.expectAt(2);
  await expect(cluster.position).toHaveAttribute('data-total', String(total + 1));
  let document = documentInUrl(page.url()) as { steps: unknown[] };
  expect(document.steps[1]).toEqual({ op: 'fetch', broker: 3 });
  expect(document.steps.slice(2)).toEqual(manualScenario.steps.slice(1));
  await cluster.press('End');
  await expectRunnerAgrees(page, cluster);
  await cluster.press('Home');
  await cluster.press('ArrowRight');
  await controls.deleteCurrentStep();
  await cluster.expectAt(0);
  await expect(cluster.position).toHaveAttribute('data-total', String(total));
  document = documentInUrl(page.url()) as { steps: unknown[] };
  expect(document.steps[0]).toEqual({ op: 'fetch', broker: 3 });
  await cluster.press('End');
  await expectRunnerAgrees(page, cluster);
});

test('a produce burst with count appends one step', async ({ page }) => {
  const cluster = new ClusterPage(page);
  const controls = new ControlsPage(page);
  await cluster.open(scenarioHash(autoScenario, 2), '?lang=en');
  await controls.produce({ key: null, value: 'v{i}', acks: '1', count: 5 });
  await cluster.expectAt(3);
  const document = documentInUrl(page.url()) as { steps: unknown[] };
  expect(document.steps.at(-1)).toEqual({ op: 'produce', topic: 'orders', key: null, value: 'v{i}', acks: 1, count: 5 });
  await expectRunnerAgrees(page, cluster);
});
