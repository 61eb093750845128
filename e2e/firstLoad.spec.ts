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
