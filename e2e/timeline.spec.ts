/**
 * The timeline shows the runner's numbers: for one manual-replication scenario, every replica's
 * and partition's hooks at `&at=n` equal `src/cli/sim.ts --at n`'s report. Also the keys, and
 * what a broken link shows.
 */
import { expect, test } from '@playwright/test';
import type { Report } from '../src/core/model/report';
import { ClusterPage } from './pages/ClusterPage';
import { crashScenario, manualScenario } from './support/scenarios';
import { expectedProblems, expectedReport, scenarioHash } from './support/sim';
import { fullUnless } from './support/tier';

const total = manualScenario.steps.length;

function expectedHooks(report: Report) {
  const anomalies = report.anomalies.map((a) => a.type);
  const brokers = new Map(report.brokers.map((b) => [b.id, b]));
  return {
    anomalies,
    brokers: report.brokers.map((b) => ({ broker: b.id, state: b.state, fenced: b.fenced })),
    partitions: report.partitions.map((p) => ({
      topic: p.topic, partition: p.partition, leader: p.leader, epoch: p.leaderEpoch, hw: p.highWatermark, isr: p.isr,
    })),
    replicas: report.partitions.flatMap((p) =>
      p.replicaStates.map((r) => {
        const state = brokers.get(r.broker)?.state;
        const offline = state === 'crashed' || state === 'restarting' || state === 'stopped';
        return {
          topic: p.topic, partition: p.partition, broker: r.broker, leo: r.logEndOffset, hw: r.highWatermark,
          role: p.leader === r.broker ? 'leader' : offline ? 'offline' : 'follower',
          inIsr: p.isr.includes(r.broker),
          records: r.log.map((record) => ({ offset: record.offset, epoch: record.leaderEpoch })),
        };
      }),
    ),
  };
}

const byKey = <T extends { topic: string; partition: number; broker?: number }>(items: T[]) =>
  [...items].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition || (a.broker ?? 0) - (b.broker ?? 0));

test.describe('timeline against the runner', () => {
  const cases = [
    ...Array.from({ length: total + 1 }, (_, at) => ({ name: 'manual', scenario: manualScenario, at })),
    ...Array.from({ length: crashScenario.steps.length + 1 }, (_, at) => ({ name: 'crash', scenario: crashScenario, at })),
  ];
  for (const { name, scenario, at } of cases) {
    // The fast tier opens the first, a middle and the last position of each; the full tier all.
    const last = (name === 'manual' ? total : crashScenario.steps.length);
    test(`${name}: #s=…&at=${at} shows the runner's report`, fullUnless(at === 0 || at === last || at === Math.floor(last / 2) + (name === 'crash' ? 1 : 0)), async ({ page }) => {
      const expected = expectedHooks(expectedReport(scenario, at));
      const cluster = new ClusterPage(page);
      await cluster.open(scenarioHash(scenario, at));
      await cluster.expectAt(at);
      await expect(cluster.position).toHaveAttribute('data-total', String(scenario.steps.length));
      await expect(cluster.title).toHaveText(scenario.title);

      expect(await cluster.brokers()).toEqual(expected.brokers);
      expect(byKey(await cluster.partitions())).toEqual(byKey(expected.partitions));
      const replicas = (await cluster.replicas()).map(({ firstDrawnOffset, ...rest }) => {
        expect(firstDrawnOffset).toBeNull();
        return rest;
      });
      expect(byKey(replicas)).toEqual(byKey(expected.replicas));
      expect(await cluster.anomalyTypes()).toEqual(expected.anomalies);
    });
  }

  test('a position past the end opens at the end', async ({ page }) => {
    const cluster = new ClusterPage(page);
    await cluster.open(scenarioHash(manualScenario, 999));
    await cluster.expectAt(total);
    await expect(page).toHaveURL(new RegExp(`&at=${total}$`));
  });

  test('a position that is not a whole number opens at 0 with a notice', async ({ page }) => {
    const cluster = new ClusterPage(page);
    await cluster.open(scenarioHash(manualScenario, '2.5'));
    await cluster.expectAt(0);
    await expect(page.getByRole('status')).toContainText('2.5');
  });
});

test('a long log draws its most recent records and marks the first one drawn', async ({ page }) => {
  const longLog = {
    version: 1, title: 'A long log', cluster: { brokers: 3, replication: 'manual' },
    topics: [{ name: 'orders', partitions: 1, replicationFactor: 3, assignment: [[1, 2, 3]] }],
    steps: [
      { op: 'produce', topic: 'orders', key: 'k{i}', value: 'v{i}', acks: 1, count: 30 },
      { op: 'fetch', broker: 2 }, { op: 'fetch', broker: 3 }, { op: 'fetch', broker: 2 }, { op: 'fetch', broker: 3 },
      { op: 'fetch', broker: 2 }, { op: 'fetch', broker: 3 },
      { op: 'produce', topic: 'orders', key: 'late', value: 'x', acks: 1 },
    ],
  };
  const at = longLog.steps.length;
  const report = expectedReport(longLog, at);
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(longLog, at));
  await cluster.expectAt(at);
  for (const replica of await cluster.replicas()) {
    const state = report.partitions[0].replicaStates.find((r) => r.broker === replica.broker);
    if (!state) throw new Error(`no replica on broker ${replica.broker} in the report`);
    const offsets = replica.records.map((r) => r.offset);
    expect(replica.firstDrawnOffset).not.toBeNull();
    expect(offsets[0]).toBe(replica.firstDrawnOffset);
    expect(offsets.length).toBeGreaterThanOrEqual(Math.min(20, state.logEndOffset));
    expect(offsets).toEqual(state.log.filter((r) => r.offset >= (replica.firstDrawnOffset ?? 0)).map((r) => r.offset));
    expect(replica.firstDrawnOffset ?? 0).toBeLessThanOrEqual(state.highWatermark);
  }
});

test.describe('keys', () => {
  test('ArrowRight, ArrowLeft, PageDown, PageUp, Home and End move the timeline', async ({ page }) => {
    const cluster = new ClusterPage(page);
    await cluster.open(scenarioHash(manualScenario));
    await cluster.expectAt(0);
    await cluster.press('ArrowLeft');
    await cluster.expectAt(0);
    await cluster.press('ArrowRight');
    await cluster.expectAt(1);
    await cluster.press('ArrowRight');
    await cluster.press('PageDown');
    await cluster.expectAt(3);
    await expect(page).toHaveURL(/&at=3$/);
    await cluster.press('ArrowLeft');
    await cluster.expectAt(2);
    await cluster.press('PageUp');
    await cluster.expectAt(1);
    await cluster.press('End');
    await cluster.expectAt(total);
    await cluster.press('ArrowRight');
    await cluster.expectAt(total);
    await cluster.press('Home');
    await cluster.expectAt(0);
    await expect(page).toHaveURL(/&at=0$/);
  });

  test('stepping back gives exactly the earlier state', async ({ page }) => {
    const cluster = new ClusterPage(page);
    await cluster.open(scenarioHash(manualScenario, 3));
    const before = { partitions: await cluster.partitions(), replicas: await cluster.replicas() };
    await cluster.press('ArrowRight');
    await cluster.press('ArrowRight');
    await cluster.expectAt(5);
    await cluster.press('ArrowLeft');
    await cluster.press('ArrowLeft');
    await cluster.expectAt(3);
    expect({ partitions: await cluster.partitions(), replicas: await cluster.replicas() }).toEqual(before);
  });

  test('Space plays to the end, and plays again from 0 at the end', async ({ page }) => {
    const cluster = new ClusterPage(page);
    await cluster.open(scenarioHash(manualScenario, total - 2));
    await cluster.press('Space');
    await cluster.expectAt(total);
    await cluster.press('Space');
    await expect.poll(() => cluster.at()).toBeLessThan(total);
    await cluster.press('Space');
    const paused = await cluster.at();
    await page.waitForTimeout(1600);
    expect(await cluster.at()).toBe(paused);
  });

  test('Space on a focused transport button plays and pauses', async ({ page }) => {
    const cluster = new ClusterPage(page);
    await cluster.open(scenarioHash(manualScenario, 0), '?lang=en');
    await cluster.button('Next step').focus();
    await cluster.press('Space');
    await expect(cluster.button('Pause')).toBeVisible();
    await cluster.press('Space');
    await expect(cluster.button('Play')).toBeVisible();
  });

  test('keys do nothing while a text field has focus', async ({ page }) => {
    const cluster = new ClusterPage(page);
    await cluster.open(scenarioHash(manualScenario, 2));
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'probe';
      document.body.append(input);
    });
    await page.locator('#probe').focus();
    await cluster.press('ArrowRight');
    await cluster.press('End');
    await cluster.expectAt(2);
  });

  test('the transport buttons and the step list move the timeline', async ({ page }) => {
    const cluster = new ClusterPage(page);
    await cluster.open(scenarioHash(manualScenario), '?lang=en');
    await cluster.button('Next step').click();
    await cluster.expectAt(1);
    await cluster.button('Last step').click();
    await cluster.expectAt(total);
    await cluster.button('Previous step').click();
    await cluster.expectAt(total - 1);
    await cluster.button('First step').click();
    await cluster.expectAt(0);
    await page.getByRole('navigation').getByRole('listitem').nth(4).getByRole('button').click();
    await cluster.expectAt(4);
  });
});

test('the scrubber marks the crash and the election, once the app has worked ahead', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(crashScenario, 0), '?lang=en');
  // crashScenario: broker 1 crashes at step 7; the run of step 8 passes the session timeout, and
  // broker 1's acked record is lost with the election (an anomaly outranks the new leader).
  await expect(page.locator('.scrubber-mark[data-at="7"]')).toHaveAttribute('data-mark', 'broker');
  await expect(page.locator('.scrubber-mark[data-at="8"]')).toHaveAttribute('data-mark', 'anomaly');
  const report = expectedReport(crashScenario, 8);
  expect(report.anomalies.map((a) => a.type)).toContain('acknowledged-record-lost');
  await page.screenshot({ path: 'test-results/screenshots/scrubber-marks-en-1280x720.png' });
});

test('the step list scrolls its current entry into view once the list is on screen', async ({ page }) => {
  const steps = Array.from({ length: 40 }, (_, i) => ({ op: 'fetch', broker: 2 + (i % 2) }));
  const doc = { ...manualScenario, title: 'Forty fetches', steps };
  await page.setViewportSize({ width: 1280, height: 720 });
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(doc, 35), '?lang=en');
  const list = page.locator('ol.steps');
  await list.scrollIntoViewIfNeeded();
  const current = list.locator('[aria-current="step"]');
  await expect(current).toContainText('35');
  await expect.poll(async () => {
    const [box, item] = await Promise.all([list.boundingBox(), current.boundingBox()]);
    return !!box && !!item && item.y >= box.y - 1 && item.y + item.height <= box.y + box.height + 1;
  }).toBe(true);
});

test.describe('links that cannot be opened', () => {
  test('#s=garbage shows load-error and still renders the shell', async ({ page }) => {
    const cluster = new ClusterPage(page);
    await cluster.open('#s=garbage');
    await expect(cluster.loadError).toBeVisible();
    await expect(cluster.root).toHaveAttribute('data-mode', 'normal');
    await expect(page.getByRole('group', { name: /language|语言/i })).toBeVisible();
    await expect(page).toHaveURL(/#s=garbage$/);
  });

  test('an invalid scenario shows the runner\'s path lines', async ({ page }) => {
    const invalid = {
      ...manualScenario,
      steps: [{ op: 'fetch', broker: 7 }, { op: 'produce', topic: 'nope', key: 'k', value: 'v' }, { op: 'run', ms: -1 }],
    };
    const lines = expectedProblems(invalid);
    expect(lines.length).toBeGreaterThan(0);
    const cluster = new ClusterPage(page);
    await cluster.open(scenarioHash(invalid, 1));
    await expect(cluster.loadError).toBeVisible();
    expect(await cluster.loadErrorLines()).toEqual(lines);
    await expect(cluster.position).toHaveCount(0);
  });

  test('JSON that does not parse names $', async ({ page }) => {
    const broken = '{ "version": 1, ';
    const lines = expectedProblems(broken);
    const cluster = new ClusterPage(page);
    await cluster.open(scenarioHash(broken));
    await expect(cluster.loadError).toBeVisible();
    expect(await cluster.loadErrorLines()).toEqual(lines);
  });

  test('the error offers the built-in example', async ({ page }) => {
    const cluster = new ClusterPage(page);
    await cluster.open('#s=garbage', '?lang=en');
    await cluster.button('Open the built-in example').click();
    await expect(cluster.loadError).toHaveCount(0);
    await cluster.expectAt(0);
    await expect(page).toHaveURL(/#at=0$/);
  });
});
