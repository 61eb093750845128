/**
 * The CLI console: the study notes' chapter 2 sequence (create, list, describe, produce, delete)
 * typed in both eras gives the tools' outputs; Tab completes a topic name; the consumer tools
 * read, commit and reset a group.
 */
import { expect, test, type Page } from '@playwright/test';
import { ClusterPage } from './pages/ClusterPage';
import { scenarioHash } from './support/sim';

async function type(page: Page, command: string, lines?: string[]) {
  const input = page.getByTestId('cli-input');
  await input.fill(command);
  if (lines) await page.locator('.cli-input-lines textarea').fill(lines.join('\n'));
  await input.press('Enter');
}

for (const era of ['kraft', 'zookeeper'] as const) {
  test(`the study notes' commands in ${era}`, async ({ page }) => {
    const cluster = new ClusterPage(page);
    await cluster.open(scenarioHash({ version: 1, cluster: { brokers: 3, metadata: era }, topics: [], steps: [] }), '?lang=en');
    const admin = era === 'zookeeper' ? '--zookeeper hadoop101:2181' : '--bootstrap-server hadoop101:9092';
    const outputs = page.getByTestId('cli-output');

    await type(page, `bin/kafka-topics.sh --create ${admin} --topic first --partitions 2 --replication-factor 2`);
    await expect(outputs).toHaveCount(1);
    await expect(outputs.nth(0)).toHaveAttribute('data-exit-code', '0');
    await expect(outputs.nth(0).locator('.cli-stdout')).toHaveText('Created topic first.');
    await expect(page.locator('[data-testid="partition"][data-topic="first"]')).toHaveCount(2);

    await type(page, `bin/kafka-topics.sh --list ${admin}`);
    await expect(outputs.nth(1).locator('.cli-stdout')).toHaveText('first');

    // Tab completes the topic name.
    const input = page.getByTestId('cli-input');
    await input.fill(`bin/kafka-topics.sh --describe ${admin} --topic fi`);
    await input.press('Tab');
    await expect(input).toHaveValue(`bin/kafka-topics.sh --describe ${admin} --topic first `);
    await input.press('Enter');
    await expect(outputs.nth(2).locator('.cli-stdout')).toContainText('\tTopic: first\tPartition: 1\tLeader: ');

    await type(page, 'bin/kafka-console-producer.sh --topic first --broker-list hadoop101:9092', ['hello', 'world']);
    await expect(outputs.nth(3)).toHaveAttribute('data-exit-code', '0');
    await expect(outputs.nth(3).locator('.cli-stdout')).toHaveText('>>>');

    await type(page, `bin/kafka-topics.sh --delete ${admin} --topic first`);
    await expect(outputs.nth(4)).toHaveAttribute('data-exit-code', '0');
    if (era === 'zookeeper') await expect(outputs.nth(4).locator('.cli-stdout')).toContainText('Topic first is marked for deletion.');
    await expect(page.locator('[data-testid="partition"][data-topic="first"]')).toHaveCount(0);
  });
}

test('kraft refuses --zookeeper as joptsimple does', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash({ version: 1, cluster: { brokers: 3 }, topics: [], steps: [] }), '?lang=en');
  await type(page, 'kafka-topics.sh --list --zookeeper localhost:2181');
  const output = page.getByTestId('cli-output').first();
  await expect(output).toHaveAttribute('data-exit-code', '1');
  await expect(output.locator('.cli-stderr')).toHaveText('Exception in thread "main" joptsimple.UnrecognizedOptionException: zookeeper is not a recognized option');
});

test('the consumer tools: a console consumer commits for its group, Tab completes the group, a reset is narrated', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash({
    version: 1, cluster: { brokers: 3, config: { 'offsets.topic.num.partitions': 3 } },
    topics: [{ name: 'orders', partitions: 1, replicationFactor: 3 }],
    steps: [{ op: 'produce', topic: 'orders', key: 'k', value: 'v{i}', count: 3 }, { op: 'run', ms: 1000 }],
  }, 2), '?lang=en');
  const outputs = page.getByTestId('cli-output');
  await type(page, 'kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic orders --group readers --from-beginning --max-messages 2');
  await expect(outputs.nth(0)).toHaveAttribute('data-exit-code', '0');
  await expect(outputs.nth(0).locator('.cli-stdout')).toHaveText('v0\nv1');
  await expect(outputs.nth(0).locator('.cli-stderr')).toHaveText('Processed a total of 2 messages');

  const input = page.getByTestId('cli-input');
  await input.fill('kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group rea');
  await input.press('Tab');
  await expect(input).toHaveValue('kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group readers ');
  await input.press('Enter');
  await expect(outputs.nth(1).locator('.cli-stderr')).toHaveText("Consumer group 'readers' has no active members.");

  await type(page, 'kafka-consumer-groups.sh --bootstrap-server localhost:9092 --reset-offsets --group readers --topic orders --to-earliest --execute');
  await expect(outputs.nth(2).locator('.cli-stdout')).toContainText('readers');
  await expect(page.getByTestId('step-narration')).toContainText('--reset-offsets --execute committed orders-0 → 0 for group readers');
});

test('--delete-offsets and --reset-offsets --to-datetime change the group\'s committed offsets', async ({ page }) => {
  const cluster = new ClusterPage(page);
  const BS = '--bootstrap-server localhost:9092';
  // v0..v2 at t = 0 ms, w0 w1 at t = 10,000 ms (simulated time 0 is 1970-01-01T00:00:00Z); the
  // console consumer commits 5 for group readers, written to __consumer_offsets during the last run.
  await cluster.open(scenarioHash({
    version: 1, cluster: { brokers: 3, config: { 'offsets.topic.num.partitions': 3 } },
    topics: [{ name: 'orders', partitions: 1, replicationFactor: 3 }],
    steps: [{ op: 'produce', topic: 'orders', key: 'k', value: 'v{i}', count: 3 }, { op: 'run', ms: 10000 },
      { op: 'produce', topic: 'orders', key: 'k', value: 'w{i}', count: 2 }, { op: 'run', ms: 1000 },
      { op: 'cli', command: `kafka-console-consumer.sh ${BS} --topic orders --group readers --from-beginning` }, { op: 'run', ms: 1000 }],
  }, 6), '?lang=en');
  const outputs = page.getByTestId('cli-output');
  const committed = page.locator('[data-testid="committed"][data-group="readers"][data-topic="orders"][data-partition="0"]');
  await expect(committed).toHaveAttribute('data-offset', '5');

  await type(page, `kafka-consumer-groups.sh ${BS} --delete-offsets --group readers --topic orders`);
  await expect(outputs.nth(1)).toHaveAttribute('data-exit-code', '0');
  await expect(outputs.nth(1).locator('.cli-stdout')).toContainText('Request succeed for deleting offsets with topic orders group readers');
  await expect(outputs.nth(1).locator('.cli-stdout')).toContainText(/orders +0 +Successful/);
  await expect(page.getByTestId('step-narration')).toContainText('--delete-offsets removed the committed offsets of group readers (orders-0 → 5)');
  await expect(committed).toHaveCount(0);

  // The first record at or after 00:00:05 is w0, offset 3.
  await type(page, `kafka-consumer-groups.sh ${BS} --reset-offsets --group readers --topic orders --to-datetime 1970-01-01T00:00:05.000 --execute`);
  await expect(outputs.nth(2)).toHaveAttribute('data-exit-code', '0');
  await expect(outputs.nth(2).locator('.cli-stdout')).toContainText(/readers +orders +0 +3/);
  await expect(page.getByTestId('step-narration')).toContainText('--reset-offsets --execute committed orders-0 → 3 for group readers');
});
