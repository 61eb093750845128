/** The first page: what it costs the browser before anything shows (README "Benchmarks"). */
import { expect, test } from '@playwright/test';

test('an English page draws "中文" instead of loading a Chinese font for it; its name stays 中文', async ({ page }) => {
  await page.goto('/?lang=en#at=0');
  const zh = page.getByRole('button', { name: '中文' });
  await expect(zh.locator('svg.zh-glyphs')).toBeVisible();
  expect(await zh.innerText()).toBe('');
  await zh.click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // In Chinese the page has the font anyway: the button is text again.
  await expect(page.getByRole('button', { name: '中文' })).toHaveText('中文');
  await expect(page.getByRole('button', { name: 'English' })).toHaveText('English');
});

test('a link\'s cluster is painted once the narration is in, not pushed down by it: no layout shift on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  // The narration's chunk arrives well after the first paint, as on a slow network.
  await page.route(/narrationModule-[^/]*\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 700));
    await route.continue();
  });
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { shifts: number[] }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // Not waiting for the load event: it can wait for the delayed chunk (a module preload), and the
  // hold was then over before the first look (it failed so on a busy machine).
  await page.goto('/?lang=en#at=0', { waitUntil: 'commit' });
  const narration = page.getByTestId('step-narration');
  // While the sentences load, the cluster is laid out below the narration but not painted.
  const first = await page.waitForFunction(() => {
    const note = document.querySelector('[data-testid="step-narration"]');
    const cluster = document.querySelector('.cluster');
    return note && cluster ? { holding: note.hasAttribute('data-holding'), visibility: getComputedStyle(cluster).visibility } : null;
  });
  expect(await first.jsonValue()).toEqual({ holding: true, visibility: 'hidden' });
  await expect(narration.locator('li').first()).toBeVisible();
  await expect(narration).not.toHaveAttribute('data-holding');
  await expect(page.locator('.cluster')).toBeVisible();
  await page.waitForTimeout(300);
  const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
  expect(shifts.reduce((sum, value) => sum + value, 0)).toBeLessThan(0.01);
});

for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
  test(`the step's title does not move when the narration arrives: the reading-aid link is there from the first paint (${viewport.width}×${viewport.height})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    // The narration's chunk (its script and its stylesheet) arrives well after the first paint
    // (past the cluster's hold: only the narration's own lines are watched here).
    await page.route(/narrationModule-[^/]*\.(js|css)$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await route.continue();
    });
    await page.addInitScript(() => {
      const shifts: string[] = [];
      (window as unknown as { narrationShifts: string[] }).narrationShifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          const sources = (entry as PerformanceEntry & { sources?: { node?: Node | null }[] }).sources ?? [];
          for (const source of sources) {
            const node = source.node instanceof Element ? source.node : source.node?.parentElement;
            if (node?.closest('[data-testid="step-narration"]')) shifts.push(`${node.nodeName}.${node.className}`);
          }
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // Step 3 of the example: its title, its own note, then the sentences.
    // Not waiting for the load event: it waits for the chunk (a module preload).
    await page.goto('/?lang=en#at=3', { waitUntil: 'commit' });
    const narration = page.getByTestId('step-narration');
    const title = narration.getByText('Step 3:', { exact: false }).first();
    const link = narration.getByRole('button', { name: 'How to read the picture' });
    await expect(link).toBeVisible();
    // Still loading: the sentences are not in yet.
    await expect(narration).toHaveAttribute('data-loading');
    const before = await title.boundingBox();
    await expect(narration.locator('li').first()).toBeVisible();
    await page.waitForTimeout(300);
    expect(await title.boundingBox()).toEqual(before);
    expect(await page.evaluate(() => (window as unknown as { narrationShifts: string[] }).narrationShifts)).toEqual([]);
  });
}

test('a narration that never arrives hides the cluster for at most a second', async ({ page }) => {
  await page.route(/narrationModule-[^/]*\.js$/, (route) => route.abort());
  await page.goto('/?lang=en#at=0');
  await expect(page.locator('.cluster')).toBeVisible({ timeout: 3000 });
  await expect(page.getByTestId('step-narration')).not.toHaveAttribute('data-holding');
});
