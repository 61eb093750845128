/**
 * Issue 22, "Nothing blank, nothing lost, nothing unbounded": a bad link never leaves a blank
 * page, whether it opens the app or arrives in an open tab.
 */
import { expect, test, type Page } from '@playwright/test';
import lz from 'lz-string';

const link = (text: string, at = 0) => `#s=${lz.compressToEncodedURIComponent(text)}&at=${at}`;
const deepText = (levels: number) => `{"version":1,"title":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;

/** Uncaught exceptions of the page, collected for an assertion at the end. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('a link nested 2,000 deep (539 characters) opens the load-error panel, not a blank page', async ({ page }) => {
  const errors = collectErrors(page);
  const hash = link(deepText(2000));
  expect(hash.length).toBeLessThan(600);
  await page.goto(`/?lang=en${hash}`);
  const panel = page.getByTestId('load-error');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('$: nested deeper than the limit of 64 levels of JSON nesting');
  await expect(panel.locator('li')).toHaveCount(1);
  // The built-in example is one click away.
  await panel.getByRole('button', { name: 'Open the built-in example' }).click();
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-at', '0');
  expect(errors).toEqual([]);
});

test('a bad link arriving in an open tab replaces the view with the load-error panel', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?lang=en#at=0');
  await expect(page.getByTestId('broker')).toHaveCount(3);
  await page.evaluate((hash) => { window.location.hash = hash; }, link(deepText(2000)));
  await expect(page.getByTestId('load-error')).toBeVisible();
  await expect(page.getByTestId('broker')).toHaveCount(0);
  await page.evaluate(() => { window.location.hash = '#s=garbage'; });
  await expect(page.getByTestId('load-error')).toContainText('could not be decoded');
  expect(errors).toEqual([]);
});

const saved = {
  version: 1,
  title: 'Saves that hold',
  cluster: { brokers: 3, replication: 'manual' },
  topics: [{ name: 'orders', assignment: [[1, 2, 3]] }],
  steps: Array.from({ length: 12 }, (_, i) => (i % 3 === 0
    ? { op: 'produce', topic: 'orders', key: `k${i}`, value: 'v', acks: 1 }
    : { op: 'fetch', broker: 2 + (i % 2) })),
};
const savedLink = (at: number) => link(JSON.stringify(saved), at);

async function savedCount(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Saved sessions' }).click();
  const dialog = page.getByTestId('saved-sessions');
  await expect(dialog.getByTestId('saved-session').first()).toBeVisible();
  const count = await dialog.getByTestId('saved-session').count();
  await page.keyboard.press('Escape');
  return count;
}

test('an edit made just before leaving is there when the app reopens without a link', async ({ page }) => {
  await page.goto(`/?lang=en${savedLink(12)}`);
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-total', '12');
  await page.getByRole('form', { name: 'Produce' }).getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-total', '13');
  await page.goto('/?lang=en'); // at once: no waiting for a save
  await expect(page.getByTestId('scenario-title')).toHaveText('Saves that hold');
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-total', '13');
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-at', '13');
});

test('the position reached while playing is saved', async ({ page }) => {
  await page.goto(`/?lang=en${savedLink(0)}`);
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-at', '0');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-at', '3', { timeout: 5000 });
  await page.keyboard.press('Space');
  const at = await page.getByTestId('timeline-position').getAttribute('data-at');
  await page.goto('/?lang=en');
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-at', at as string);
});

test('reloading a #s= address reopens its session instead of saving another copy', async ({ page }) => {
  await page.goto(`/?lang=en${savedLink(2)}`);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-at', '3');
  await expect.poll(() => savedCount(page)).toBe(1);
  await page.reload();
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-at', '3');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-at', '4');
  expect(await savedCount(page)).toBe(1);
});

test('two tabs on one session: the second is told and can go on as a copy; nothing is overwritten', async ({ page, context }) => {
  await page.goto(`/?lang=en${savedLink(2)}`);
  await expect.poll(() => savedCount(page)).toBe(1);
  await page.goto('/?lang=en'); // this tab now holds the saved session
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-at', '2');
  const second = await context.newPage();
  await second.goto('/?lang=en');
  await expect(second.getByTestId('timeline-position')).toHaveAttribute('data-at', '2');
  await second.keyboard.press('ArrowRight');
  const notice = second.locator('[data-notice="open-elsewhere"]');
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Save my changes here as a copy' }).click();
  await expect(notice).toBeHidden();
  await expect.poll(() => savedCount(second)).toBe(2);
  // The first tab's session still says 2: the second tab never wrote it.
  await page.keyboard.press('ArrowRight');
  await page.goto('/?lang=en');
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-at', '3');
});

test('the Content-Security-Policy holds: no violation in normal and embed mode while playing and opening dialogs', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => { if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text()); });
  const errors = collectErrors(page);
  await page.goto('/?lang=en#at=0');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe');
  await expect(page.getByTestId('broker')).toHaveCount(3);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-at', '2', { timeout: 5000 });
  await page.getByRole('button', { name: 'Saved sessions' }).click();
  await expect(page.getByTestId('saved-sessions')).toBeVisible();
  await page.goto(`/?lang=zh&embed=1${savedLink(3)}`);
  await expect(page.locator('[data-mode="embed"]')).toBeVisible();
  await expect(page.getByTestId('broker')).toHaveCount(3);
  // A lesson's highlights (a constructed stylesheet, not a <style> element) and the course page.
  await page.goto('/?lang=en#lesson=why-queue');
  await expect(page.getByTestId('narration')).not.toBeEmpty();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-at', '1');
  await expect.poll(() => page.evaluate(() => document.adoptedStyleSheets.length)).toBeGreaterThan(0);
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});

test('fuzz: mutated links open a valid state or the load-error panel, never an uncaught error (seeded, short)', async ({ page }) => {
  const errors = collectErrors(page);
  let seed = 22;
  const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
  const base = JSON.stringify(saved);
  const junk = ['[', ']', '{', '}', '"', ',', ':', '-1', '1e309', 'null', '"x"', '\\u0000', '[[[[[[[[', '9007199254740993'];
  await page.goto('/?lang=en');
  for (let i = 0; i < 12; i++) {
    let text = base;
    for (let k = 0; k < 1 + (next() % 3); k++) {
      const at = next() % text.length;
      text = text.slice(0, at) + junk[next() % junk.length] + text.slice(at + (next() % 3));
    }
    await page.evaluate((hash) => { window.location.hash = hash; }, link(text));
    await expect(page.getByTestId('load-error').or(page.getByTestId('timeline-position'))).toBeVisible();
  }
  expect(errors).toEqual([]);
});
