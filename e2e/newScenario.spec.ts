/**
 * The new-scenario dialog builds the cluster a teacher wants, and "Copy link" shares it: the
 * link opened in a new page shows the same state.
 */
import { expect, test } from '@playwright/test';
import { ClusterPage } from './pages/ClusterPage';
import { ControlsPage } from './pages/ControlsPage';
import { NewScenarioPage } from './pages/NewScenarioPage';
import { atInUrl, documentInUrl, expectedReport } from './support/sim';

test('build a 5-broker cluster in the dialog and share it by link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const cluster = new ClusterPage(page);
  const dialog = new NewScenarioPage(page);
  const controls = new ControlsPage(page);
  await cluster.open('#at=0', '?lang=en');
  await dialog.open();
  await dialog.preset('Kafka 2.8 (ZooKeeper)');
  await dialog.set('Brokers', '5');
  await dialog.set('Replication', 'manual');
  await dialog.set('Partitions', '2');
  await dialog.set('min.insync.replicas', '2');
  await dialog.create();

  await expect(page.getByTestId('broker')).toHaveCount(5);
  await expect(cluster.era).toHaveAttribute('data-metadata', 'zookeeper');
  await expect(page.getByTestId('partition')).toHaveCount(2);
  await expect(page.getByTestId('replica')).toHaveCount(6);
  await controls.produce({ key: 'k', value: 'v', acks: 'all' });
  await controls.brokerAction(2, 'Crash');
  await cluster.expectAt(2);

  await page.getByTestId('share').click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('#s=');
  expect(atInUrl(link)).toBe(2);

  const before = { brokers: await cluster.brokers(), partitions: await cluster.partitions(), replicas: await cluster.replicas() };
  const other = await context.newPage();
  const reopened = new ClusterPage(other);
  await other.goto(link);
  await reopened.expectAt(2);
  expect(await reopened.brokers()).toEqual(before.brokers);
  expect(await reopened.partitions()).toEqual(before.partitions);
  expect(await reopened.replicas()).toEqual(before.replicas);

  // The runner agrees with the shared document.
  const report = expectedReport(documentInUrl(link), 2);
  expect(report.brokers).toHaveLength(5);
  expect(before.brokers).toEqual(report.brokers.map((b) => ({ broker: b.id, state: b.state, fenced: b.fenced })));
});

test('the study-notes preset: ZooKeeper, truncation to the HW, round-robin keys', async ({ page }) => {
  const cluster = new ClusterPage(page);
  const dialog = new NewScenarioPage(page);
  await cluster.open('#at=0', '?lang=en');
  await dialog.open();
  await dialog.preset('As in the study notes');
  await dialog.create();
  await expect(cluster.era).toHaveAttribute('data-metadata', 'zookeeper');
  await expect(cluster.era).toHaveAttribute('data-truncation', 'high-watermark');
  const document = documentInUrl(page.url()) as { producer?: { partitioner?: string } };
  expect(document.producer?.partitioner).toBe('round-robin');
});

test('with KRaft, ticking unclean election says that Kafka 3.6\'s controller ignores it; with ZooKeeper it does not', async ({ page }) => {
  const cluster = new ClusterPage(page);
  const dialog = new NewScenarioPage(page);
  await cluster.open('#at=0', '?lang=en');
  await dialog.open();
  await dialog.preset('Kafka 3.6 (KRaft)');
  const note = dialog.dialog.getByTestId('unclean-ignored');
  await expect(note).toHaveCount(0);
  await dialog.dialog.getByLabel('unclean.leader.election.enable').check();
  await expect(note).toContainText("Kafka 3.6's controller ignores unclean.leader.election.enable");
  await expect(note).toContainText('kafka-leader-election.sh --election-type unclean');
  await dialog.set('Metadata (era)', 'zookeeper');
  await expect(note).toHaveCount(0);
  await dialog.set('Metadata (era)', 'kraft');
  await expect(note).toBeVisible();
  await dialog.create();
  const document = documentInUrl(page.url()) as { cluster: { metadata?: string }; topics: { config?: Record<string, unknown> }[] };
  expect(document.topics[0].config?.['unclean.leader.election.enable']).toBe(true);
});

test('the About page lists the stated simplifications, in Chinese too', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open('#at=0', '?lang=zh');
  await page.getByRole('button', { name: '关于这个模型' }).click();
  const about = page.getByRole('dialog', { name: '关于这个模型' });
  await expect(about).toContainText('控制器永远不会故障');
  await about.getByRole('button', { name: '关闭' }).click();
  await expect(about).toBeHidden();
});
