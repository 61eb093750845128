/**
 * Acting on consumers from the groups panel (issue 18): "Add consumer" appends a `subscribe`
 * step, each member's buttons append `poll`, `commit`, `pause`, `resume`, and the page shows what
 * the runner reports for the document in the address; the step narration says what happened; a
 * stalled consumer leaves after max.poll.interval.ms; the lag chart's last value is HW − committed.
 * The numbers are worked by hand: one partition with one replica (its HW moves with each append),
 * one replica of __consumer_offsets (a commit counts at once), manual replication (the consumer
 * polls only when told), no auto commit, auto.offset.reset earliest.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ClusterPage } from './pages/ClusterPage';
import { ControlsPage } from './pages/ControlsPage';
import { atInUrl, documentInUrl, expectedReport, scenarioHash } from './support/sim';
import { fullUnless } from './support/tier';

const empty = {
  version: 1, title: 'One topic, no consumer yet', seed: 4,
  cluster: { brokers: 3, replication: 'manual', config: { 'offsets.topic.replication.factor': 1, 'offsets.topic.num.partitions': 3 } },
  consumer: { config: { 'auto.offset.reset': 'earliest', 'enable.auto.commit': false } },
  topics: [{ name: 'orders', partitions: 1, replicationFactor: 1 }],
  steps: [] as unknown[],
};

class GroupsPanel {
  readonly panel: Locator;
  readonly narration: Locator;

  constructor(readonly page: Page) {
    this.panel = page.locator('.groups-panel');
    this.narration = page.getByTestId('step-narration');
  }

  /** Opens the form and subscribes with its suggestions, or the given member name. */
  async addConsumer(member?: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add a consumer' });
    if (!(await form.isVisible())) await this.page.getByRole('button', { name: 'Add consumer' }).click();
    if (member !== undefined) await form.getByLabel('Member name (client.id)').fill(member);
    await form.getByRole('button', { name: 'Subscribe' }).click();
  }

  /** The side panel's run field (the CLI console in the main column has a Run button too). */
  async runMs(ms: number): Promise<void> {
    const side = this.page.getByRole('complementary');
    await side.getByLabel('Milliseconds').fill(String(ms));
    await side.getByRole('button', { name: 'Run', exact: true }).click();
  }

  async act(label: string): Promise<void> {
    await this.page.getByRole('button', { name: label, exact: true }).click();
  }

  committed(group: string, topic: string, partition: number): Locator {
    return this.page.locator(`[data-testid="committed"][data-group="${group}"][data-topic="${topic}"][data-partition="${partition}"]`);
  }

  chart(group: string): Locator {
    return this.page.locator(`[data-testid="lag-chart"][data-group="${group}"]`);
  }
}

/** The page's group hooks equal the runner's report for the document and position in the address. */
async function expectRunnerAgrees(page: Page) {
  const report = expectedReport(documentInUrl(page.url()), atInUrl(page.url()));
  for (const g of report.groups) {
    await expect(page.locator(`[data-testid="group"][data-group="${g.group}"]`)).toHaveAttribute('data-state', g.state);
    await expect(page.locator(`[data-testid="member"][data-group="${g.group}"]`)).toHaveCount(g.members.length);
    for (const [tp, offset] of Object.entries(g.committed)) {
      const dash = tp.lastIndexOf('-');
      await expect(page.locator(`[data-testid="committed"][data-group="${g.group}"][data-topic="${tp.slice(0, dash)}"][data-partition="${tp.slice(dash + 1)}"]`))
        .toHaveAttribute('data-offset', String(offset));
    }
  }
  return report;
}

test('add a consumer, produce, poll and commit from the app: the steps, the hooks, the narration, the lag chart', async ({ page }) => {
  const cluster = new ClusterPage(page);
  const controls = new ControlsPage(page);
  const groups = new GroupsPanel(page);
  await cluster.open(scenarioHash(empty, 0), '?lang=en');
  // No group yet: the panel says what a group is and offers the form.
  await expect(groups.panel).toContainText('A consumer group is a set of consumers');
  await expect(page.getByTestId('group')).toHaveCount(0);

  await groups.addConsumer();
  await cluster.expectAt(1);
  await expect(groups.narration).toHaveAttribute('data-step', '0');
  await expect(groups.narration).toContainText('Consumer c1 subscribed to orders in group demo-group (range assignor)');
  // The first rebalance of a new group waits group.initial.rebalance.delay.ms (3 s).
  await groups.runMs(4000);
  await cluster.expectAt(2);
  await expect(page.locator('[data-testid="group"][data-group="demo-group"]')).toHaveAttribute('data-state', 'Stable');
  await expect(page.locator('[data-testid="member"][data-member="c1"]')).toHaveAttribute('data-assignment', 'orders-0');

  await controls.produce({ count: 5 });
  await cluster.expectAt(3);
  await groups.act('Poll c1');
  await cluster.expectAt(4);
  await expect(groups.narration).toContainText('c1 of group demo-group received 5 records');
  await groups.act('Commit c1');
  await cluster.expectAt(5);
  await expect(groups.narration).toContainText('Consumer c1 of group demo-group committed its positions');
  await expect(groups.narration).toContainText('orders-0 → 5');
  await expect(groups.committed('demo-group', 'orders', 0)).toHaveAttribute('data-offset', '5');
  await expect(groups.chart('demo-group')).toHaveAttribute('data-last-lag', '0');

  // Three more records: the HW is 8, the group's committed offset still 5, so the lag is 3.
  await controls.produce({ count: 3 });
  await cluster.expectAt(6);
  await expect(groups.committed('demo-group', 'orders', 0).locator('td').last()).toHaveText('3');
  await expect(groups.chart('demo-group')).toHaveAttribute('data-last-lag', '3');
  await expect(groups.chart('demo-group')).toContainText('Now 3 records behind');

  // The steps the controls appended are the contract's, so they replay, share and save.
  const document = documentInUrl(page.url()) as { steps: unknown[] };
  expect(document.steps).toEqual([
    { op: 'subscribe', group: 'demo-group', member: 'c1', topics: ['orders'], assignor: 'range' },
    { op: 'run', ms: 4000 },
    { op: 'produce', topic: 'orders', key: 'k{i}', value: 'v{i}', count: 5 },
    { op: 'poll', group: 'demo-group', member: 'c1' },
    { op: 'commit', group: 'demo-group', member: 'c1' },
    { op: 'produce', topic: 'orders', key: 'k{i}', value: 'v{i}', count: 3 },
  ]);
  const report = await expectRunnerAgrees(page);
  expect(report.groups[0].committed).toEqual({ 'orders-0': 5 });
  expect(report.partitions.find((p) => p.topic === 'orders')?.highWatermark).toBe(8);

  // A second consumer gets the next name; a running member's name is refused in words.
  await groups.addConsumer('c1');
  await expect(groups.panel).toContainText('c1 is already running in group demo-group');
  await cluster.expectAt(6);
  await expect(page.getByRole('form', { name: 'Add a consumer' }).getByLabel('Member name (client.id)')).toHaveValue('c1');
});

test('a paused consumer leaves after max.poll.interval.ms; its backlog shows on the lag chart and drains after resume', async ({ page }) => {
  test.setTimeout(120_000);
  const cluster = new ClusterPage(page);
  const controls = new ControlsPage(page);
  const groups = new GroupsPanel(page);
  const start = {
    ...empty,
    steps: [
      { op: 'subscribe', group: 'demo-group', member: 'c1', topics: ['orders'] },
      { op: 'run', ms: 4000 },
      { op: 'produce', topic: 'orders', key: 'k{i}', value: 'v', count: 4 },
      { op: 'poll', group: 'demo-group', member: 'c1' },
      { op: 'commit', group: 'demo-group', member: 'c1' },
    ],
  };
  await cluster.open(scenarioHash(start, 5), '?lang=en');
  await expect(groups.chart('demo-group')).toHaveAttribute('data-last-lag', '0');

  await groups.act('Pause c1');
  await cluster.expectAt(6);
  await expect(groups.narration).toContainText('Consumer c1 of group demo-group stalled');
  // Its last poll was at t = 4000 ms: it leaves at 4000 + 300000 unless resumed.
  await expect(groups.panel).toContainText('it leaves the group at t = 304,000 ms');
  await expect(groups.narration).toContainText('unless it resumes, it leaves the group at t = 304,000 ms');
  await expect(page.getByRole('button', { name: 'Poll c1', exact: true })).toHaveCount(0);

  await controls.produce({ count: 6 });
  await cluster.expectAt(7);
  await expect(groups.chart('demo-group')).toHaveAttribute('data-last-lag', '6');
  await groups.runMs(301000);
  await cluster.expectAt(8);
  await expect(page.locator('[data-testid="member"][data-group="demo-group"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="group"][data-group="demo-group"]')).toHaveAttribute('data-state', 'Empty');
  await expect(groups.narration).toContainText('Consumer c1 left group demo-group: more than max.poll.interval.ms passed since its last poll');
  await expect(groups.chart('demo-group')).toHaveAttribute('data-last-lag', '6');
  await expectRunnerAgrees(page);

  // Resume polls and rejoins; after the rebalance a commit drains the backlog.
  await groups.act('Resume c1');
  await cluster.expectAt(9);
  await expect(groups.narration).toContainText('Consumer c1 of group demo-group resumed calling poll');
  await groups.runMs(4000);
  await cluster.expectAt(10);
  await expect(page.locator('[data-testid="member"][data-member="c1"]')).toHaveAttribute('data-assignment', 'orders-0');
  await groups.act('Poll c1');
  await groups.act('Commit c1');
  await cluster.expectAt(12);
  await expect(groups.committed('demo-group', 'orders', 0)).toHaveAttribute('data-offset', '10');
  const chart = groups.chart('demo-group');
  await expect(chart).toHaveAttribute('data-last-lag', '0');
  await expect(chart).toContainText('the highest was 6, at step 7');
  await expect(chart.getByRole('img', { name: 'Lag of group demo-group from step 5 to step 12' })).toBeVisible();
  // The text alternative: the table's rows, newest first.
  await chart.getByText('Values by step').click();
  const rows = chart.locator('tbody tr');
  await expect(rows.first().locator('th')).toHaveText('12');
  await expect(rows.first().locator('td').nth(1)).toHaveText('0');
  await expect(rows.nth(5).locator('td').nth(1)).toHaveText('6');
  const report = await expectRunnerAgrees(page);
  expect(report.groups[0].committed).toEqual({ 'orders-0': 10 });
  await page.screenshot({ path: 'test-results/screens/consumers-en-1280.png', fullPage: true });
});

test('three consumers from the form; one is killed: its partition moves to a survivor and the lag comes back to 0', async ({ page }) => {
  test.setTimeout(120_000);
  const cluster = new ClusterPage(page);
  const controls = new ControlsPage(page);
  const groups = new GroupsPanel(page);
  // Auto replication: consumers poll on their own and auto-commit every 5 s (the Java defaults).
  const three = {
    version: 1, title: 'Three partitions, no consumer yet', seed: 4,
    cluster: { brokers: 3, config: { 'offsets.topic.replication.factor': 1, 'offsets.topic.num.partitions': 3 } },
    consumer: { config: { 'auto.offset.reset': 'earliest' } },
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 1 }],
    steps: [] as unknown[],
  };
  await cluster.open(scenarioHash(three, 0), '?lang=en');
  for (const name of ['c1', 'c2', 'c3']) {
    await groups.addConsumer();
    await expect(page.locator(`[data-testid="member"][data-member="${name}"]`)).toHaveCount(1);
  }
  await groups.runMs(4000);
  await controls.produce({ count: 6 });
  await groups.runMs(6000);
  await cluster.expectAt(6);
  // RangeAssignor, 3 partitions over 3 members: one each, in member order.
  await expect(page.locator('[data-testid="group"][data-group="demo-group"]')).toHaveAttribute('data-state', 'Stable');
  for (const [member, tp] of [['c1', 'orders-0'], ['c2', 'orders-1'], ['c3', 'orders-2']]) {
    await expect(page.locator(`[data-testid="member"][data-member="${member}"]`)).toHaveAttribute('data-assignment', tp);
  }
  await expectRunnerAgrees(page);

  await groups.act('Kill c3');
  await cluster.expectAt(7);
  await expect(groups.narration).toContainText('c3');
  await controls.produce({ count: 6 });
  await groups.runMs(2000);
  // Still a member until session.timeout.ms (45 s) passes without a heartbeat.
  await expect(page.locator('[data-testid="member"][data-member="c3"]')).toHaveCount(1);
  await groups.runMs(46000);
  await cluster.expectAt(10);
  await expect(page.locator('[data-testid="member"][data-member="c3"]')).toHaveCount(0);
  // RangeAssignor, 3 partitions over 2 members: the first gets the extra one.
  await expect(page.locator('[data-testid="member"][data-member="c1"]')).toHaveAttribute('data-assignment', 'orders-0,orders-1');
  await expect(page.locator('[data-testid="member"][data-member="c2"]')).toHaveAttribute('data-assignment', 'orders-2');
  await expectRunnerAgrees(page);

  // The next auto commit covers orders-2 too: every partition's committed offset is its HW.
  await groups.runMs(6000);
  await cluster.expectAt(11);
  const report = await expectRunnerAgrees(page);
  for (const p of report.partitions.filter((x) => x.topic === 'orders')) {
    await expect(groups.committed('demo-group', 'orders', p.partition)).toHaveAttribute('data-offset', String(p.highWatermark));
  }
  await expect(groups.chart('demo-group')).toHaveAttribute('data-last-lag', '0');
});

for (const lang of ['en', 'zh'] as const) {
  for (const [name, viewport, query] of [
    ['1280', { width: 1280, height: 720 }, ''],
    ['390', { width: 390, height: 844 }, ''],
    ['present', { width: 1280, height: 720 }, '&present=1'],
  ] as const) {
    test(`the groups panel with its controls and chart (${lang}, ${name}); axe finds nothing`, fullUnless((lang === 'en' && name === '1280') || (lang === 'zh' && name === '390')), async ({ page }) => {
      await page.setViewportSize(viewport);
      const cluster = new ClusterPage(page);
      const doc = {
        ...empty,
        topics: [{ name: 'orders', partitions: 2, replicationFactor: 1 }, { name: 'audit', partitions: 1, replicationFactor: 1 }],
        steps: [
          { op: 'subscribe', group: 'demo-group', member: 'c1', topics: ['orders'] },
          { op: 'subscribe', group: 'demo-group', member: 'c2', topics: ['orders'] },
          { op: 'run', ms: 10000 },
          { op: 'produce', topic: 'orders', key: 'k{i}', value: 'v', count: 9 },
          { op: 'poll', group: 'demo-group', member: 'c1' }, { op: 'poll', group: 'demo-group', member: 'c2' },
          { op: 'commit', group: 'demo-group', member: 'c1' }, { op: 'commit', group: 'demo-group', member: 'c2' },
          { op: 'pause', group: 'demo-group', member: 'c2' },
          { op: 'produce', topic: 'orders', key: 'x{i}', value: 'v', count: 8 },
        ],
      };
      await cluster.open(scenarioHash(doc, doc.steps.length), `?lang=${lang}${query}`);
      const panel = page.locator('.groups-panel');
      await expect(page.locator('[data-testid="lag-chart"] svg[role="img"]')).toBeVisible();
      if (query === '') {
        await page.locator('.consumer-add button').click();
        await expect(page.locator('.consumer-form')).toBeVisible();
        await expect(panel).toContainText(lang === 'en' ? 'Topics to subscribe to' : '要订阅的主题');
      }
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/screens/consumers-${lang}-${name}.png` });
      await panel.screenshot({ path: `test-results/screens/consumers-${lang}-${name}-panel.png` });
      const results = await new AxeBuilder({ page }).include('.groups-panel').withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    });
  }
}

test('the empty panel in Chinese says what a group is and offers the form', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(empty, 0), '?lang=zh');
  const panel = page.locator('.groups-panel');
  await expect(panel).toContainText('消费者组是一起分担读取主题的一组消费者');
  await page.getByRole('button', { name: '添加消费者' }).click();
  await page.getByRole('form', { name: '添加一个消费者' }).getByRole('button', { name: '订阅' }).click();
  await cluster.expectAt(1);
  await expect(page.getByTestId('step-narration')).toContainText('c1');
  await expect(page.getByTestId('group')).toHaveAttribute('data-group', 'demo-group');
  await page.screenshot({ path: 'test-results/screens/consumers-zh-empty-after.png', fullPage: true });
});

test('the consumer controls work from the keyboard; typing a name does not step the timeline', async ({ page }) => {
  const cluster = new ClusterPage(page);
  const start = { ...empty, steps: [{ op: 'subscribe', group: 'demo-group', member: 'c1', topics: ['orders'] }, { op: 'run', ms: 4000 }] };
  await cluster.open(scenarioHash(start, 2), '?lang=en');
  const add = page.getByRole('button', { name: 'Add consumer' });
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(add).toHaveAttribute('aria-expanded', 'true');
  const form = page.getByRole('form', { name: 'Add a consumer' });
  const member = form.getByLabel('Member name (client.id)');
  await expect(member).toHaveValue('c2');
  await member.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('End');
  await page.keyboard.type('x');
  await cluster.expectAt(2);
  await page.keyboard.press('Enter');
  await cluster.expectAt(3);
  await expect(page.getByTestId('step-narration')).toContainText('Consumer c2x subscribed to orders in group demo-group');
  const pause = page.getByRole('button', { name: 'Pause c2x', exact: true });
  await pause.focus();
  await page.keyboard.press('Enter');
  await cluster.expectAt(4);
  await expect(page.getByRole('button', { name: 'Resume c2x', exact: true })).toBeVisible();
});

test('a consumer whose group no coordinator has (one broker, offsets.topic.replication.factor 3) still shows, with its actions', async ({ page }) => {
  const cluster = new ClusterPage(page);
  const groups = new GroupsPanel(page);
  const oneBroker = { version: 1, seed: 4, cluster: { brokers: 1 }, topics: [{ name: 'orders', partitions: 1, replicationFactor: 1 }], steps: [] };
  await cluster.open(scenarioHash(oneBroker, 0), '?lang=en');
  await groups.addConsumer();
  await cluster.expectAt(1);
  await expect(page.locator('[data-testid="step-error"][data-step="0"]')).toHaveAttribute('data-error', 'COORDINATOR_NOT_AVAILABLE');
  await expect(page.getByTestId('group')).toHaveCount(0);
  await expect(groups.panel).toContainText('No coordinator has this group');
  await groups.act('Leave: c1');
  await cluster.expectAt(2);
  await expect(groups.panel).not.toContainText('No coordinator has this group');
  expect((documentInUrl(page.url()) as { steps: unknown[] }).steps).toEqual([
    { op: 'subscribe', group: 'demo-group', member: 'c1', topics: ['orders'], assignor: 'range' },
    { op: 'leave', group: 'demo-group', member: 'c1' },
  ]);
});
