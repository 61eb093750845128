/**
 * The animation layer's callouts keep off the broker heads (their names, state chips and the
 * Actions menu button): the contract's "labels never cover names (measure and stack them)".
 * They keep off the records too: a callout that covers the record it talks about hides the
 * lesson (where its words do not fit, it shows its compact form, a symbol). crashScenario's step
 * 8 draws three callouts near broker 1's head (crashed, the new leader, the lost acks=1 record);
 * the last one used to cover broker 1's Actions button, and "✕ crashed" the lost record itself.
 * The stage has no hooks, so the callouts are found by class (e2e/README.md).
 */
import { expect, test, type Page } from '@playwright/test';
import { ClusterPage } from './pages/ClusterPage';
import { crashScenario } from './support/scenarios';
import { scenarioHash } from './support/sim';

interface Box { left: number; right: number; top: number; bottom: number; text: string }

/** Every callout on the stage and every part of a broker's head (name, chips, menu button). */
async function boxes(page: Page): Promise<{ callouts: Box[]; heads: Box[]; records: Box[] }> {
  return page.evaluate(() => {
    const measure = (el: Element): Box => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: el.textContent ?? '' };
    };
    return {
      callouts: [...document.querySelectorAll('.event-stage .callout')].map(measure),
      // Presenter mode hides the menu button until the pointer moves: it is measured all the same.
      heads: [...document.querySelectorAll('[data-testid="broker"] > header > :not(details), [data-testid="broker"] > header > details > summary')].map(measure),
      records: [...document.querySelectorAll('[data-testid="record"]')].map(measure),
    };
  });
}

async function expectCalloutsOffHeads(page: Page, where: string): Promise<void> {
  const { callouts, heads, records } = await boxes(page);
  expect(callouts.length, where).toBeGreaterThanOrEqual(3);
  expect(heads.length, where).toBeGreaterThanOrEqual(9);
  // Offsets 0 and 1 on broker 1, 0 on brokers 2 and 3.
  expect(records.length, where).toBe(4);
  const covers = (c: Box, h: Box) => c.left < h.right - 0.5 && h.left < c.right - 0.5 && c.top < h.bottom - 0.5 && h.top < c.bottom - 0.5;
  for (const c of callouts) {
    for (const h of heads) expect(covers(c, h), `the callout "${c.text}" covers "${h.text}" (${where})`).toBe(false);
    for (const r of records) expect(covers(c, r), `the callout "${c.text}" covers the record "${r.text}" (${where})`).toBe(false);
  }
}

for (const { width, height, query } of [
  { width: 1280, height: 720, query: '?lang=en' },
  { width: 390, height: 844, query: '?lang=en' },
  { width: 1280, height: 720, query: '?lang=en&present=1' },
]) {
  test(`the callouts of step 8 cover no broker's name, Actions button or record at ${width}×${height} ${query}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const cluster = new ClusterPage(page);
    const anomaly = page.locator('.event-stage .callout-anomaly');

    // Stepped into: the step's move plays, and its callouts settle fully shown.
    await cluster.open(scenarioHash(crashScenario, 7), query);
    await expect(page.locator('svg.event-stage')).toBeAttached();
    await cluster.press('ArrowRight');
    await cluster.expectAt(8);
    await expect(anomaly).toHaveAttribute('opacity', '1');
    await expectCalloutsOffHeads(page, `stepped, ${width}×${height} ${query}`);

    // Jumped to by a link: the end state is drawn after the paint, fully shown as well.
    await cluster.open(scenarioHash(crashScenario, 8), query);
    await cluster.expectAt(8);
    await expect(anomaly).toHaveAttribute('opacity', '1');
    await expectCalloutsOffHeads(page, `opened at 8, ${width}×${height} ${query}`);
  });
}
