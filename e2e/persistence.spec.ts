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

test('without anything saved, the app opens the course; its sandbox is the built-in example', async ({ page }) => {
  await page.goto('/?lang=en');
  await expect(page.getByTestId('lesson').first()).toBeVisible();
  await expect(page.getByTestId('timeline-position')).toHaveCount(0);
  await page.getByTestId('sandbox').click();
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-at', '0');
  await expect(page.getByTestId('scenario-title')).not.toHaveText('Saved across reloads');
});

test('saved sessions are listed, reopened at their position, and deleted', async ({ page }) => {
  await page.goto(`/?lang=en${link(scenario, 2).slice(1)}`);
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-at', '2');
  await page.waitForTimeout(600);
  const other = { ...scenario, title: 'Another session' };
  await page.goto(`/?lang=en${link(other, 1).slice(1)}`);
  await expect(page.getByTestId('scenario-title')).toHaveText('Another session');
  await page.waitForTimeout(600);

  await page.getByRole('button', { name: 'Saved sessions' }).click();
  const dialog = page.getByTestId('saved-sessions');
  await expect(dialog.getByTestId('saved-session')).toHaveCount(2);
  await expect(dialog.locator('[data-testid="saved-session"][data-current="true"]')).toContainText('Another session');
  await dialog.getByRole('button', { name: 'Open “Saved across reloads”' }).click();
  await expect(dialog).not.toBeVisible();
  await expect(page.getByTestId('scenario-title')).toHaveText('Saved across reloads');
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-at', '2');

  await page.getByRole('button', { name: 'Saved sessions' }).click();
  await expect(dialog.locator('[data-testid="saved-session"][data-current="true"]')).toContainText('Saved across reloads');
  await dialog.getByRole('button', { name: 'Delete “Another session”' }).click();
  await expect(dialog.getByTestId('saved-session')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screenshots/saved-sessions.png' });
});

test('a long session is saved with a checkpoint of the brokers\' logs and reopens from it', async ({ page }) => {
  const steps = Array.from({ length: 120 }, (_, i) => (i % 3 === 0
    ? { op: 'produce', topic: 'orders', key: `k${i}`, value: `v${i}`, acks: 1 }
    : { op: 'fetch', broker: 2 + (i % 2) }));
  const long = { ...scenario, title: 'A long session', steps };
  await page.goto(link(long, 110));
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-at', '110');
  const leo = await page.locator('[data-testid="replica"][data-broker="1"]').getAttribute('data-leo');
  await page.waitForTimeout(800);
  const saved = await page.evaluate(() => new Promise<{ position: number; leaderLog: number }[]>((resolve, reject) => {
    const request = indexedDB.open('kafka-inside');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const all = request.result.transaction('checkpoints').objectStore('checkpoints').getAll();
      all.onsuccess = () => resolve(all.result.map((c: { position: number; world: { topics: { partitions: { replicaStates: { log: unknown[] }[] }[] }[] } }) => (
        { position: c.position, leaderLog: c.world.topics[0].partitions[0].replicaStates[0].log.length })));
    };
  }));
  // The checkpoint at 100 holds broker 1's disk then: the 34 records produced in steps 0–99.
  expect(saved).toEqual([{ position: 100, leaderLog: 34 }]);
  await page.goto('/');
  await expect(page.getByTestId('scenario-title')).toHaveText('A long session');
  await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-at', '110');
  await expect(page.locator('[data-testid="replica"][data-broker="1"]')).toHaveAttribute('data-leo', leo ?? '');
});
