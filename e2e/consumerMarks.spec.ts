/**
 * The consumer groups on the picture (issue 18): the leader strip's consumer marks (owner,
 * committed offset, position) and delivery marks (skipped: at most once; read twice: at least
 * once) carry the runner's numbers; the group's state machine lights the state the runner reports
 * and the transitions of the step, PreparingRebalance → CompletingRebalance → Stable during a join.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { deliveryDocument } from '../src/core/golden/deliveryScenario';
import { ClusterPage } from './pages/ClusterPage';
import { twoGroupsScenario } from './support/scenarios';
import { expectedReport, scenarioHash } from './support/sim';
import { FULL } from './support/tier';

const leaderMarks = (page: Page, kind: string) =>
  page.locator(`[data-testid="replica"][data-topic="t"][data-partition="0"][data-role="leader"] [data-testid="consumer-mark"][data-kind="${kind}"]`);
const deliveryMarks = (page: Page) =>
  page.locator('[data-testid="replica"][data-topic="t"][data-partition="0"][data-role="leader"] [data-testid="delivery-mark"]');

/** The owner (report.groups' assignment) and the committed offset (report.groups' committed) on t-0, as the runner says. */
async function expectCommittedMark(page: Page, document: unknown, at: number) {
  const report = expectedReport(document, at);
  const group = report.groups.find((g) => g.group === 'g');
  const owner = group?.members.find((m) => m.assignment.includes('t-0'))?.member ?? '';
  const committed = group?.committed['t-0'];
  if (committed === undefined) {
    await expect(leaderMarks(page, 'committed')).toHaveCount(0);
  } else {
    await expect(leaderMarks(page, 'committed')).toHaveCount(1);
    await expect(leaderMarks(page, 'committed')).toHaveAttribute('data-offset', String(committed));
    await expect(leaderMarks(page, 'committed')).toHaveAttribute('data-member', owner);
    await expect(page.locator('[data-testid="committed"][data-group="g"][data-topic="t"][data-partition="0"]')).toHaveAttribute('data-offset', String(committed));
  }
  return report;
}

test('at most once: the marks after a poll, a commit, the kill and the next owner\'s poll show the runner\'s numbers', async ({ page }) => {
  test.setTimeout(120_000);
  const document = deliveryDocument([{ op: 'commit', group: 'g', member: 'c1' }]);
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(document, 4), '?lang=en');
  // After the poll: c1 owns t-0 and polled 0–3, so its position (the next offset to fetch) is the last polled offset + 1.
  let report = await expectCommittedMark(page, document, 4);
  const polled = report.polled.filter((p) => p.member === 'c1').flatMap((p) => p.records.map((r) => r.offset));
  expect(polled).toEqual([0, 1, 2, 3]);
  await expect(leaderMarks(page, 'position')).toHaveAttribute('data-offset', String(Math.max(...polled) + 1));
  await expect(leaderMarks(page, 'position')).toHaveAttribute('data-member', 'c1');
  await expect(deliveryMarks(page)).toHaveCount(0);

  // After the commit: committed 4 (the runner's), the position unchanged.
  await cluster.press('ArrowRight');
  await cluster.expectAt(5);
  report = await expectCommittedMark(page, document, 5);
  expect(report.groups[0].committed).toEqual({ 't-0': 4 });
  await expect(leaderMarks(page, 'position')).toHaveAttribute('data-offset', '4');

  // After the kill: no running owner's position; 0–3 were committed before c1 processed them: skipped.
  await cluster.press('ArrowRight');
  await cluster.expectAt(6);
  await expectCommittedMark(page, document, 6);
  await expect(leaderMarks(page, 'position')).toHaveCount(0);
  await expect(deliveryMarks(page)).toHaveCount(4);
  for (let offset = 0; offset < 4; offset++) {
    const mark = deliveryMarks(page).nth(offset);
    await expect(mark).toHaveAttribute('data-kind', 'skipped');
    await expect(mark).toHaveAttribute('data-offset', String(offset));
    await expect(mark).toHaveAttribute('data-member', 'c1');
  }
  await expect(page.locator('[data-testid="delivery-note"][data-group="g"]')).toHaveAttribute('data-kind', 'skipped');
  await expect(page.locator('[data-testid="delivery-note"]')).toContainText('At most once: c1 committed t-0 up to 4 before it had processed 0–3');

  // The end: c2 owns t-0, starts at the committed offset and polls nothing (the runner says so); the marks stay.
  await cluster.press('End');
  await cluster.expectAt(document.steps.length);
  report = await expectCommittedMark(page, document, document.steps.length);
  expect(report.polled.filter((p) => p.member === 'c2').flatMap((p) => p.records)).toEqual([]);
  await expect(leaderMarks(page, 'committed')).toHaveAttribute('data-member', 'c2');
  await expect(leaderMarks(page, 'position')).toHaveAttribute('data-offset', '4');
  await expect(deliveryMarks(page)).toHaveCount(4);
  await expect(page.getByRole('list', { name: 'How to read the logs' })).toContainText('a record the group will never read');
  const axe = await new AxeBuilder({ page }).include('.cluster').include('.groups-panel').analyze();
  expect(axe.violations).toEqual([]);
});

test('at least once: killed before committing, the records will be read twice, then are', async ({ page }) => {
  test.setTimeout(120_000);
  const document = deliveryDocument([]);
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(document, 5), '?lang=zh');
  await expectCommittedMark(page, document, 5);
  await expect(deliveryMarks(page)).toHaveCount(4);
  for (let offset = 0; offset < 4; offset++) {
    await expect(deliveryMarks(page).nth(offset)).toHaveAttribute('data-kind', 'twice');
    await expect(deliveryMarks(page).nth(offset)).toHaveAttribute('data-done', 'false');
  }
  await expect(page.locator('[data-testid="delivery-note"]')).toContainText('至少一次');

  await cluster.press('End');
  await cluster.expectAt(document.steps.length);
  const report = await expectCommittedMark(page, document, document.steps.length);
  // The runner: c2 read 0–3 again.
  expect(report.polled.filter((p) => p.member === 'c2').flatMap((p) => p.records.map((r) => r.offset))).toEqual([0, 1, 2, 3]);
  for (let offset = 0; offset < 4; offset++) {
    await expect(deliveryMarks(page).nth(offset)).toHaveAttribute('data-done', 'true');
    await expect(deliveryMarks(page).nth(offset)).toHaveAttribute('data-member', 'c2');
  }
  await expect(leaderMarks(page, 'position')).toHaveAttribute('data-offset', '4');
});

test('labels of the consumer marks never cover each other nor the HW and LEO labels', FULL, async ({ page }) => {
  const document = twoGroupsScenario;

  for (const [width, query] of [[1280, '?lang=en'], [390, '?lang=en'], [1280, '?lang=zh&present=1']] as const) {
    await page.setViewportSize({ width, height: width > 800 ? 720 : 844 });
    await new ClusterPage(page).open(scenarioHash(document, document.steps.length), query);
    const report = expectedReport(document, document.steps.length);
    for (const p of report.partitions.filter((x) => x.topic === 'orders')) {
      const leader = page.locator(`[data-testid="replica"][data-topic="orders"][data-partition="${p.partition}"][data-role="leader"]`);
      for (const g of report.groups) {
        await expect(leader.locator(`[data-testid="consumer-mark"][data-kind="committed"][data-group="${g.group}"]`)).toHaveAttribute('data-offset', String(g.committed[`orders-${p.partition}`]));
      }
      await expect(leader.locator('.consumer-mark-label')).toHaveCount(4);
      await expect(leader.locator('.consumer-mark-label').first()).toBeVisible();
      const boxes = await leader.locator('.marker-label, .consumer-mark-label').evaluateAll((labels) => labels.map((l) => {
        const r = l.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: l.textContent };
      }));
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          const overlap = a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
          expect(overlap, `${a.text} and ${b.text} overlap at ${width}px ${query}`).toBe(false);
        }
      }
    }
  }
});

test('the group state machine lights PreparingRebalance, then CompletingRebalance, then Stable during a join', async ({ page }) => {
  const document = {
    // One broker and one replica each: few timed events, so the run can be walked event by event.
    version: 1, title: 'A join', seed: 3, cluster: { brokers: 1, config: { 'offsets.topic.replication.factor': 1 } },
    consumer: { config: { 'auto.offset.reset': 'earliest' } },
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 1 }],
    steps: [
      { op: 'produce', topic: 'orders', key: 'k{i}', value: 'v{i}', count: 6 },
      { op: 'subscribe', group: 'g', member: 'c1', topics: ['orders'] },
      { op: 'run', ms: 5000 },
      { op: 'subscribe', group: 'g', member: 'c2', topics: ['orders'] },
      { op: 'run', ms: 5000 },
    ],
  };
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(document, 3), '?lang=en');
  const machine = page.locator('[data-testid="group-machine"][data-group="g"]');
  await expect(machine).toHaveAttribute('data-state', expectedReport(document, 3).groups[0].state);
  await cluster.press('ArrowRight');
  await cluster.expectAt(4);
  // c2's JoinGroup: the runner's state, and the step's transition with its cause.
  expect(expectedReport(document, 4).groups[0].state).toBe('PreparingRebalance');
  await expect(machine).toHaveAttribute('data-state', 'PreparingRebalance');
  await expect(machine).toHaveAttribute('data-transitions', 'Stable>PreparingRebalance');
  await expect(machine.locator('[data-testid="group-machine-state"][data-current="true"]')).toHaveAttribute('data-state', 'PreparingRebalance');
  await expect(machine).toContainText('Stable → PreparingRebalance, c2 joined (JoinGroup)');
  await expect(machine.locator('[data-taken="true"]')).toHaveCount(1);

  // Event by event through the run: the first timed event that changes the group is c1's rejoin,
  // which completes the join and the leader's SyncGroup at one instant (the runner agrees): the
  // machine lights Stable and draws both edges taken, numbered 1 (→ CompletingRebalance) and 2 (→ Stable).
  let event = 0;
  while ((await machine.getAttribute('data-state')) === 'PreparingRebalance' && event < 50) {
    await cluster.press('.');
    event += 1;
    await cluster.expectEvent(4, event);
  }
  expect(expectedReport(document, 4, event - 1).groups[0].state).toBe('PreparingRebalance');
  expect(expectedReport(document, 4, event).groups[0].state).toBe('Stable');
  await expect(machine).toHaveAttribute('data-state', 'Stable');
  await expect(machine).toHaveAttribute('data-transitions', 'PreparingRebalance>CompletingRebalance,CompletingRebalance>Stable');
  await expect(machine.locator('.gm-order')).toHaveText(['1', '2']);
  // The whole step, opened at its end: the same two transitions, with their causes in words.
  await cluster.open(scenarioHash(document, 5), '?lang=en');
  await cluster.expectAt(5);
  expect(expectedReport(document, 5).groups[0].state).toBe('Stable');
  await expect(machine).toHaveAttribute('data-transitions', 'PreparingRebalance>CompletingRebalance,CompletingRebalance>Stable');
  await expect(machine.locator('[data-taken="true"]')).toHaveCount(2);
  await expect(machine).toContainText('the leader\'s SyncGroup with the assignment was received');

  // In Chinese: the cause in words, Kafka's state names unchanged.
  await cluster.open(scenarioHash(document, 5), '?lang=zh');
  await expect(machine).toContainText('收到了组长带着分配方案的 SyncGroup');
});
