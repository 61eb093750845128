/**
 * The animation layer's callouts keep off the broker heads (their names, state chips and the
 * Actions menu button): the contract's "labels never cover names (measure and stack them)".
 * They keep off the records and the replicas' names and numbers too: a callout that covers the
 * record it talks about hides the lesson. Where its words do not fit, it shows its compact form
 * (a symbol); where even that does not, none (a phone: the narration, the badges and the chips
 * say the same). crashScenario's step
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
async function boxes(page: Page): Promise<{ callouts: Box[]; heads: Box[]; records: Box[]; names: Box[] }> {
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
      names: [...document.querySelectorAll('.replica-head, .replica-numbers, .marker-label, .partition-name')].map(measure),
    };
  });
}

async function expectCalloutsOffHeads(page: Page, where: string, least: number): Promise<void> {
  const { callouts, heads, records, names } = await boxes(page);
  expect(callouts.length, where).toBeGreaterThanOrEqual(least);
  expect(heads.length, where).toBeGreaterThanOrEqual(9);
  // Offsets 0 and 1 on broker 1, 0 on brokers 2 and 3.
  expect(records.length, where).toBe(4);
  const covers = (c: Box, h: Box) => c.left < h.right - 0.5 && h.left < c.right - 0.5 && c.top < h.bottom - 0.5 && h.top < c.bottom - 0.5;
  for (const c of callouts) {
    for (const h of heads) expect(covers(c, h), `the callout "${c.text}" covers "${h.text}" (${where})`).toBe(false);
    for (const r of records) expect(covers(c, r), `the callout "${c.text}" covers the record "${r.text}" (${where})`).toBe(false);
    for (const n of names) expect(covers(c, n), `the callout "${c.text}" covers "${n.text}" (${where})`).toBe(false);
  }
}

// At 390 px only the crash's "✕" finds room (beside broker 1's menu); the others are left out.
for (const { width, height, query, least } of [
  { width: 1280, height: 720, query: '?lang=en', least: 3 },
  { width: 390, height: 844, query: '?lang=en', least: 1 },
  { width: 1280, height: 720, query: '?lang=en&present=1', least: 3 },
]) {
  test(`the callouts of step 8 cover no name, Actions button or record at ${width}×${height} ${query}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const cluster = new ClusterPage(page);
    // Every callout of the step there and fully shown (they appear one after another).
    const settled = async () => {
      await expect.poll(() => page.locator('.event-stage .callout').count()).toBeGreaterThanOrEqual(least);
      await expect(page.locator('.event-stage .callout:not([opacity="1"])')).toHaveCount(0);
    };

    // Stepped into: the step's move plays, and its callouts settle fully shown.
    await cluster.open(scenarioHash(crashScenario, 7), query);
    await expect(page.locator('svg.event-stage')).toBeAttached();
    await cluster.press('ArrowRight');
    await cluster.expectAt(8);
    await settled();
    await expectCalloutsOffHeads(page, `stepped, ${width}×${height} ${query}`, least);

    // Jumped to by a link: the end state is drawn after the paint, fully shown as well.
    await cluster.open(scenarioHash(crashScenario, 8), query);
    await cluster.expectAt(8);
    await settled();
    await expectCalloutsOffHeads(page, `opened at 8, ${width}×${height} ${query}`, least);
  });
}
