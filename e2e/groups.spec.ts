/**
 * Consumer groups in the app (issue 18): the `group`, `member` and `committed` hooks carry the
 * runner's report at every position of a scenario where two groups read one topic, a member
 * joins late (a rebalance) and auto commit runs; the panel explains each state in both
 * languages; axe finds nothing.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { ClusterPage } from './pages/ClusterPage';
import { twoGroupsScenario } from './support/scenarios';
import { expectedReport, scenarioHash } from './support/sim';
import { fullUnless } from './support/tier';


const natural = (a: string, b: string) => {
  const [ta, pa] = [a.slice(0, a.lastIndexOf('-')), Number(a.slice(a.lastIndexOf('-') + 1))];
  const [tb, pb] = [b.slice(0, b.lastIndexOf('-')), Number(b.slice(b.lastIndexOf('-') + 1))];
  return ta < tb ? -1 : ta > tb ? 1 : pa - pb;
};

test('group, member and committed hooks match the runner at every position', async ({ page }) => {
  test.setTimeout(120_000);
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(twoGroupsScenario, 0), '?lang=en');
  for (let at = 0; at <= twoGroupsScenario.steps.length; at++) {
    if (at > 0) await cluster.press('ArrowRight');
    await cluster.expectAt(at);
    const report = expectedReport(twoGroupsScenario, at);
    await expect(page.getByTestId('group')).toHaveCount(report.groups.length);
    for (const g of report.groups) {
      const card = page.locator(`[data-testid="group"][data-group="${g.group}"]`);
      await expect(card).toHaveAttribute('data-state', g.state);
      await expect(card).toHaveAttribute('data-generation', String(g.generation));
      await expect(page.locator(`[data-testid="member"][data-group="${g.group}"]`)).toHaveCount(g.members.length);
      for (const m of g.members) {
        await expect(page.locator(`[data-testid="member"][data-group="${g.group}"][data-member="${m.member}"]`))
          .toHaveAttribute('data-assignment', [...m.assignment].sort(natural).join(','));
      }
      const committed = Object.entries(g.committed);
      await expect(page.locator(`[data-testid="committed"][data-group="${g.group}"]`)).toHaveCount(committed.length);
      for (const [tp, offset] of committed) {
        const dash = tp.lastIndexOf('-');
        await expect(page.locator(`[data-testid="committed"][data-group="${g.group}"][data-topic="${tp.slice(0, dash)}"][data-partition="${tp.slice(dash + 1)}"]`))
          .toHaveAttribute('data-offset', String(offset));
      }
    }
  }
  // The last position has two groups, a rebalanced one with two members, and commits.
  const last = expectedReport(twoGroupsScenario, twoGroupsScenario.steps.length);
  expect(last.groups.map((g) => g.group).sort()).toEqual(['audit', 'billing']);
  expect(last.groups.find((g) => g.group === 'billing')?.members).toHaveLength(2);
  expect(Object.keys(last.groups.find((g) => g.group === 'audit')?.committed ?? {})).toHaveLength(3);
});

for (const lang of ['en', 'zh'] as const) {
  test(`the groups panel explains the state and the lag (${lang}); axe finds nothing`, fullUnless(lang === 'zh'), async ({ page }) => {
    const cluster = new ClusterPage(page);
    await cluster.open(scenarioHash(twoGroupsScenario, twoGroupsScenario.steps.length), `?lang=${lang}`);
    const panel = page.locator('.groups-panel');
    await expect(panel).toBeVisible();
    await expect(panel).toContainText(lang === 'en' ? 'Every member has its partitions' : '每个成员都拿到了自己的分区');
    await expect(panel).toContainText(lang === 'en' ? 'Lag = ' : '滞后 = ');
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screens/groups-${lang}-1280.png` });
    const results = await new AxeBuilder({ page }).include('.groups-panel').withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
}
