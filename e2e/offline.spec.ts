/**
 * Issue 22, "Offline": after one visit the app opens with the network off and plays a scenario
 * (the built-in example and a `#s=` link), its lazy chunks (narration, dialogs) included.
 */
import { expect, test } from '@playwright/test';
import { ClusterPage } from './pages/ClusterPage';
import { scenarioHash } from './support/sim';

test.use({ serviceWorkers: 'allow' });

const link = {
  version: 1, title: 'Offline', cluster: { brokers: 3, replication: 'auto' },
  topics: [{ name: 'orders', assignment: [[1, 2, 3]] }],
  steps: [{ op: 'produce', topic: 'orders', key: 'a', value: '1', acks: 'all' }, { op: 'run', ms: 500 }, { op: 'crash', broker: 1 }, { op: 'run', ms: 10000 }],
};

test('after one visit the app opens with the network off and plays a scenario', async ({ page, context }) => {
  const cluster = new ClusterPage(page);
  await cluster.open('#at=0', '?lang=en');
  await expect(page.getByTestId('broker')).toHaveCount(3);
  // The service worker has installed (precached everything) and is active.
  expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active))).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('broker')).toHaveCount(3);
  await cluster.expectAt(0);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('timeline-position')).not.toHaveAttribute('data-at', '0', { timeout: 5000 });

  // A link opened for the first time, offline: its steps, its narration (a lazy chunk) and the
  // broker machines' chunk come from the cache.
  await page.goto(`/?lang=zh${scenarioHash(link, 4)}`);
  await cluster.expectAt(4);
  await expect(page.locator('[data-testid="broker"][data-broker="1"]')).toHaveAttribute('data-state', 'crashed');
  await expect(page.getByTestId('step-narration')).toContainText('broker');
});
