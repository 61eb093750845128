/**
 * ui-contract.md, "Persistence": the session is saved in IndexedDB as the user works; opening the
 * app without a link brings back the last valid thing opened or edited, at the same position; a
 * link that fails to load changes nothing.
 */
import { expect, test } from '@playwright/test';
import lz from 'lz-string';

const scenario = {
  version: 1,
  title: 'Saved across reloads',
  cluster: { brokers: 3, replication: 'manual' },
  topics: [{ name: 'orders', assignment: [[1, 2, 3]] }],
  steps: [
    { op: 'produce', topic: 'orders', key: 'k', value: 'v', acks: 1 },
    { op: 'fetch', broker: 2 },
    { op: 'fetch', broker: 3 },
    { op: 'fetch', broker: 2 },
  ],
};
const link = (doc: unknown, at: number) => `/#s=${lz.compressToEncodedURIComponent(JSON.stringify(doc))}&at=${at}`;

test('a link opened and stepped through comes back, at the same position, when the app opens without a link', async ({ page }) => {
  await page.goto(link(scenario, 1));
  await expect(page.getByTestId('scenario-title')).toHaveText('Saved across reloads');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-at', '3');
  await page.waitForTimeout(600); // the save happens a moment after the last change
  await page.goto('/');
  await expect(page.getByTestId('scenario-title')).toHaveText('Saved across reloads');
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-at', '3');
  await expect(page.locator('[data-testid="replica"][data-broker="3"]')).toHaveAttribute('data-leo', '1');
});

test('a link that fails to load changes nothing that was saved', async ({ page }) => {
  await page.goto(link(scenario, 2));
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-at', '2');
  await page.waitForTimeout(600);
  await page.goto('/#s=garbage');
  await expect(page.getByTestId('load-error')).toBeVisible();
  await page.waitForTimeout(600);
  await page.goto('/');
  await expect(page.getByTestId('scenario-title')).toHaveText('Saved across reloads');
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-at', '2');
});

test('without anything saved, the app opens the built-in example', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-at', '0');
  await expect(page.getByTestId('scenario-title')).not.toHaveText('Saved across reloads');
});
