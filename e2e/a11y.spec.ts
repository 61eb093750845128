/**
 * Keyboard only and screen readers: an axe scan of the main views, every control reachable by
 * Tab with a name and a visible focus ring, and the broker menu operated from the keyboard.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ClusterPage } from './pages/ClusterPage';
import { NewScenarioPage } from './pages/NewScenarioPage';
import { crashScenario } from './support/scenarios';
import { scenarioHash } from './support/sim';
import { fullUnless } from './support/tier';

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

for (const lang of ['en', 'zh']) {
  test(`axe finds nothing on the cluster page (${lang})`, fullUnless(lang === 'en'), async ({ page }) => {
    const cluster = new ClusterPage(page);
    await cluster.open(scenarioHash(crashScenario, 8), `?lang=${lang}`);
    expect(await axe(page)).toEqual([]);
  });
}

/** Headings never skip a level (h1 → h3 with no h2 between is a skip). */
async function headingLevels(page: Page): Promise<number[]> {
  return page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((els) =>
    els.filter((el) => (el as HTMLElement).offsetParent !== null || getComputedStyle(el).position === 'fixed').map((el) => Number(el.tagName[1])));
}

function expectInOrder(levels: number[]): void {
  levels.forEach((level, i) => {
    if (i > 0) expect(level, `heading ${i}: h${levels[i - 1]} then h${level}`).toBeLessThanOrEqual(levels[i - 1] + 1);
  });
}

for (const lang of ['en', 'zh']) {
  for (const [mode, query] of [['normal', ''], ['present', '&present=1'], ['embed', '&embed=1']] as const) {
    for (const [device, viewport] of [['desktop', { width: 1280, height: 720 }], ['phone', { width: 390, height: 844 }]] as const) {
      // One case of each mode in the fast tier, across both languages and devices.
      const fast = (mode === 'normal' && device === 'desktop' && lang === 'en') || (mode === 'present' && device === 'phone' && lang === 'zh') || (mode === 'embed' && device === 'desktop' && lang === 'zh');
      test(`axe: no serious or critical violation, headings in order (${mode}, ${device}, ${lang})`, fullUnless(fast), async ({ page }) => {
        await page.setViewportSize(viewport);
        const cluster = new ClusterPage(page);
        await cluster.open(scenarioHash(crashScenario, 8), `?lang=${lang}${query}`);
        await expect(cluster.root).toHaveAttribute('data-mode', mode);
        await expect(page.getByTestId('replica').first()).toBeVisible();
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
        const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
        expectInOrder(await headingLevels(page));
        if (mode === 'present') {
          // With the controls shown too.
          await page.mouse.move(300, 300);
          await page.mouse.move(310, 320);
          await expect(page.locator('.app-header')).toBeVisible();
          const shown = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
          expect(shown.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
        }
      });
    }
  }
}

test('axe finds nothing in the new-scenario dialog and the broker menu', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open('#at=0', '?lang=en');
  await page.locator('[data-testid="broker"][data-broker="2"]').getByText('Actions', { exact: true }).click();
  expect(await axe(page)).toEqual([]);
  const dialog = new NewScenarioPage(page);
  await dialog.open();
  expect(await axe(page)).toEqual([]);
});

for (const lang of ['en', 'zh']) {
  test(`axe finds nothing in the files on disk, mid-lookup, and the saved sessions (${lang})`, fullUnless(lang === 'en'), async ({ page }) => {
    const doc = {
      version: 1, title: 'Segments', cluster: { brokers: 2, replication: 'manual' }, producer: { acks: 1 },
      topics: [{ name: 'orders', assignment: [[1, 2]], config: { 'segment.bytes': 300, 'index.interval.bytes': 100 } }],
      steps: [{ op: 'produce', topic: 'orders', key: 'alice', value: 'hello', count: 7 }],
    };
    const cluster = new ClusterPage(page);
    await cluster.open(scenarioHash(doc, 1), `?lang=${lang}`);
    await page.getByTestId('disk-toggle').click();
    const disk = page.getByTestId('disk-view');
    await disk.locator('input[type="number"]').fill('4');
    await disk.locator('form button[type="submit"]').click();
    await expect(disk.getByTestId('lookup-steps').locator('li')).toHaveCount(1);
    expect(await axe(page)).toEqual([]);
    await page.waitForTimeout(500); // the session is saved a moment after it opens
    await page.getByRole('button', { name: lang === 'en' ? 'Saved sessions' : '已保存的会话' }).click();
    await expect(page.getByTestId('saved-session')).toHaveCount(1);
    expect(await axe(page)).toEqual([]);
  });
}

test('axe finds nothing on a phone, where wide tables scroll (with the files on disk open)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(crashScenario, 8), '?lang=en');
  await page.getByTestId('disk-toggle').click();
  await page.getByTestId('disk-view').waitFor();
  expect(await axe(page)).toEqual([]);
});

test('every focusable control has a name and a visible focus ring', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(crashScenario, 3), '?lang=en');
  const seen: { name: string; outline: string }[] = [];
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const labelled = el.getAttribute('aria-label') || (el as HTMLInputElement).labels?.[0]?.textContent?.trim() || el.textContent?.trim();
      const style = getComputedStyle(el);
      return { name: labelled || `(unnamed ${el.tagName})`, outline: `${style.outlineStyle} ${style.outlineWidth}` };
    });
    if (info === null) break;
    seen.push(info);
  }
  expect(seen.length).toBeGreaterThan(30);
  expect(seen.filter((s) => s.name.startsWith('(unnamed'))).toEqual([]);
  expect(seen.filter((s) => s.outline.startsWith('none') || s.outline.endsWith(' 0px'))).toEqual([]);
  const names = seen.map((s) => s.name);
  for (const name of ['New scenario', 'Copy link', 'About the model', 'Actions for broker 1', 'Send', '10 s — run 10,000 ms', 'Heal the network', 'Show']) {
    expect(names.some((n) => n.startsWith(name)), name).toBe(true);
  }
});

test('the broker menu works from the keyboard: crash broker 3 with Enter', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(crashScenario, crashScenario.steps.length), '?lang=en');
  const broker3 = page.locator('[data-testid="broker"][data-broker="3"]');
  await broker3.locator('summary').focus();
  await page.keyboard.press('Enter');
  const crash = broker3.getByRole('button', { name: 'Crash', exact: true });
  await expect(crash).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(crash).toBeHidden();
  await expect(broker3.locator('summary')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(crash).toBeVisible();
  await crash.focus();
  await page.keyboard.press('Enter');
  await expect(broker3).toHaveAttribute('data-state', 'crashed');
});

test('with prefers-reduced-motion the step\'s last frame shows at once', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(crashScenario, 7), '?lang=en');
  // The animation layer is a lazy chunk: on a busy machine it can arrive after the key press, and
  // then nothing at all is drawn yet, whatever the motion setting.
  await expect(page.locator('svg.event-stage')).toBeAttached();
  await cluster.press('ArrowRight');
  await cluster.expectAt(8);
  // No waiting for an animation: the callouts of the election are there in the next frame.
  await expect(page.locator('.event-stage .callout-leader')).toHaveCount(1, { timeout: 200 });
  await expect(page.locator('.event-stage g.flight')).toHaveCount(0);
});
