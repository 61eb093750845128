/**
 * A `run` step walked event by event (ui-contract.md, "Keys": `.` and `,`; `&at=n&ev=k`): after
 * each event the replica hooks show what the runner reports with `--at n --event k`.
 */
import { expect, test } from '@playwright/test';
import type { Report } from '../src/core/model/report';
import { ClusterPage } from './pages/ClusterPage';
import { crashScenario } from './support/scenarios';
import { expectedReport, scenarioHash } from './support/sim';

/** The contract's worked example: one acks=all record, then 1000 ms (12 timed events). */
const workedExample = {
  version: 1,
  title: 'One record on simulated time',
  cluster: { brokers: 3, replication: 'auto', networkDelayMs: 1 },
  topics: [{ name: 'orders', assignment: [[1, 2, 3]] }],
  steps: [
    { op: 'produce', topic: 'orders', key: 'alice', value: 'hello', acks: 'all' },
    { op: 'run', ms: 1000 },
  ],
};
const EVENTS = 12;

const replicaHooks = (report: Report) =>
  report.partitions.flatMap((p) => p.replicaStates.map((r) => ({ broker: r.broker, leo: r.logEndOffset, hw: r.highWatermark })));

async function expectReplicas(cluster: ClusterPage, report: Report): Promise<void> {
  await expect.poll(async () => (await cluster.replicas()).map(({ broker, leo, hw }) => ({ broker, leo, hw })))
    .toEqual(replicaHooks(report));
}

test('. walks the run step one event at a time, and , walks back to its boundary', async ({ page }) => {
  // Thirteen runs of the runner, then 26 key presses: slow on a busy machine.
  test.setTimeout(180_000);
  const expected = Array.from({ length: EVENTS + 1 }, (_, k) => expectedReport(workedExample, 1, k));
  // The runner's states differ along the way (else this test could not fail).
  expect(new Set(expected.map((r) => JSON.stringify(replicaHooks(r)))).size).toBeGreaterThan(3);
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(workedExample, 1));
  await cluster.expectEvent(1, 0);
  for (let k = 1; k <= EVENTS; k++) {
    await cluster.press('.');
    await cluster.expectEvent(1, k);
    await expectReplicas(cluster, expected[k]);
    await expect(page).toHaveURL(new RegExp(`&at=1&ev=${k}$`));
  }
  await cluster.press('.');
  await cluster.expectEvent(2, 0);
  await expectReplicas(cluster, expectedReport(workedExample, 2));
  await cluster.press(',');
  await cluster.expectEvent(1, EVENTS);
  for (let k = EVENTS - 1; k >= 0; k--) {
    await cluster.press(',');
    await cluster.expectEvent(1, k);
    await expectReplicas(cluster, expected[k]);
  }
  await expect(page).toHaveURL(/&at=1$/);
});

test('&ev= opens inside the step; ArrowRight completes it, ArrowLeft returns to its boundary; the buttons step events', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open(`${scenarioHash(workedExample, 1)}&ev=6`);
  await cluster.expectEvent(1, 6);
  await expectReplicas(cluster, expectedReport(workedExample, 1, 6));
  await cluster.press('ArrowLeft');
  await cluster.expectEvent(1, 0);
  await cluster.button('Next event (.)').click();
  await cluster.expectEvent(1, 1);
  await cluster.press('ArrowRight');
  await cluster.expectEvent(2, 0);
  await cluster.button('Previous event (,)').click();
  await cluster.expectEvent(1, EVENTS);
});

test('the event buttons have names in Chinese too', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(workedExample, 1), '?lang=zh');
  await cluster.button('下一个事件（.）').click();
  await cluster.expectEvent(1, 1);
  await cluster.button('上一个事件（,）').click();
  await cluster.expectEvent(1, 0);
});

test('a jump shows where it lands at once: no message flies, no record drops in; one step animates again', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(crashScenario, 0), '?lang=en');
  await expect(page.locator('svg.event-stage')).toBeAttached();
  // Count every flight drawn and every record animation started from here on.
  await page.evaluate(() => {
    const seen = { flights: 0, landings: 0 };
    (window as unknown as { seen: typeof seen }).seen = seen;
    new MutationObserver((changes) => {
      for (const change of changes) for (const node of change.addedNodes) {
        if (node instanceof SVGGElement && node.classList.contains('flight')) seen.flights += 1;
      }
    }).observe(document.body, { childList: true, subtree: true });
    // On the window, capturing: the app stops animation events there, before they reach the
    // page (app/quietAnimationEvents.ts); listeners on the window itself still hear them.
    window.addEventListener('animationstart', (event) => {
      // A cell drawn by a jump gets no animation at all (EventStage): none starts.
      if ((event.target as Element).classList.contains('record')) seen.landings += 1;
    }, { capture: true });
  });
  const seen = () => page.evaluate(() => (window as unknown as { seen: { flights: number; landings: number } }).seen);
  await cluster.press('End');
  await cluster.expectAt(crashScenario.steps.length);
  // The last step's callout (broker 1 truncates) is drawn once the destination is on screen.
  await expect(page.locator('.event-stage .callout')).not.toHaveCount(0);
  expect(await seen()).toEqual({ flights: 0, landings: 0 });
  await cluster.press('Home');
  await cluster.press('ArrowRight');
  await cluster.expectAt(1);
  // One step is animated: the produce flies to the leader and the record lands.
  await expect.poll(async () => (await seen()).flights).toBeGreaterThan(0);
  await expect.poll(async () => (await seen()).landings).toBeGreaterThan(0);
});
