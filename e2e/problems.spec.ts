/**
 * Issue 22: "20,000 problems take 7.6 s to draw". A link whose document has 20,500 problems
 * opens the load-error panel quickly, says the count, and every line can be reached by keyboard
 * though only the visible window is drawn (src/view/problems/ProblemLines.tsx).
 */
import { expect, test } from '@playwright/test';
import lz from 'lz-string';

const STEPS = 20_500;
// Every step a number: one `steps[i]: a step must be an object with an "op"` line each.
const text = JSON.stringify({
  version: 1, title: 'many problems', cluster: { brokers: [1, 2, 3] },
  topics: [{ name: 't', partitions: 1, replicationFactor: 3 }], steps: Array.from({ length: STEPS }, () => 1),
});

// In Chinese the reason is translated (src/view/problems/translateProblem.ts); the path is kept.
const cases = [
  ['en', `${STEPS} problems`, 'a step must be an object with an "op"'],
  ['zh', `${STEPS} 个问题`, '每一步都必须是带有 "op" 的对象'],
] as const;

for (const [lang, count, reason] of cases) {
  test(`a link with ${STEPS} problems shows the count and scrolls to the last line (${lang})`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const started = Date.now();
    await page.goto(`/?lang=${lang}#s=${lz.compressToEncodedURIComponent(text)}&at=0`);
    const panel = page.getByTestId('load-error');
    await expect(panel.getByTestId('problem-count')).toHaveText(count);
    expect(Date.now() - started).toBeLessThan(5000);
    // Only a window of rows is in the DOM.
    expect(await panel.locator('li').count()).toBeLessThan(60);
    const list = panel.getByRole('region');
    await expect(list).toHaveAttribute('aria-label', new RegExp(String(STEPS)));
    await list.focus();
    await page.keyboard.press('End');
    const last = panel.locator(`li[aria-posinset="${STEPS}"]`);
    await expect(last).toBeVisible();
    await expect(last).toHaveText(`steps[${STEPS - 1}]: ${reason}`);
    await expect(last).toHaveAttribute('aria-setsize', String(STEPS));
    await page.keyboard.press('Home');
    await expect(panel.locator('li[aria-posinset="1"]')).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test('a link with 100,000 problems (the step limit, every step wrong) is drawn in under 5 s', async ({ page }) => {
  const hundredThousand = JSON.stringify({ version: 1, cluster: { brokers: 3 }, topics: [{ name: 't', partitions: 1, replicationFactor: 3 }], steps: Array.from({ length: 100_000 }, () => 1) });
  const started = Date.now();
  await page.goto(`/?lang=en#s=${lz.compressToEncodedURIComponent(hundredThousand)}&at=0`);
  await expect(page.getByTestId('problem-count')).toHaveText('100000 problems');
  expect(Date.now() - started).toBeLessThan(5000);
});

// The work budget is checked in the app as in the runner (src/core/scenario/workBudget.ts and its
// test): an over-budget link is refused quickly, naming the factor, and nothing runs.
const overBudget: [string, unknown, string][] = [
  ['one count:10000 step of 1 MiB values', { version: 1, cluster: { brokers: 3 }, topics: [{ name: 't', partitions: 1, replicationFactor: 3 }], steps: [{ op: 'produce', topic: 't', key: null, value: 'x'.repeat(1048576), count: 10000 }] }, 'bytes of keys and values'],
  ['the largest cluster at RF 32 for an hour', { version: 1, cluster: { brokers: 32 }, topics: [{ name: 't', partitions: 1024, replicationFactor: 32 }], steps: [{ op: 'run', ms: 3600000 }] }, 'simulated ms × replicas'],
];
for (const [what, document, factor] of overBudget) {
  test(`a link asking for ${what} is refused in under 5 s with the factor named`, async ({ page }) => {
    const started = Date.now();
    await page.goto(`/?lang=en#s=${lz.compressToEncodedURIComponent(JSON.stringify(document))}&at=0`);
    const panel = page.getByTestId('load-error');
    await expect(panel).toContainText('$: asks for more work than the budget allows');
    await expect(panel).toContainText(factor);
    expect(Date.now() - started).toBeLessThan(5000);
  });
}
