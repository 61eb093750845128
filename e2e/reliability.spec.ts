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
  await page.goto('/?lang=en');
  await expect(page.getByTestId('broker')).toHaveCount(3);
  await page.evaluate((hash) => { window.location.hash = hash; }, link(deepText(2000)));
  await expect(page.getByTestId('load-error')).toBeVisible();
  await expect(page.getByTestId('broker')).toHaveCount(0);
  await page.evaluate(() => { window.location.hash = '#s=garbage'; });
  await expect(page.getByTestId('load-error')).toContainText('could not be decoded');
  expect(errors).toEqual([]);
});
