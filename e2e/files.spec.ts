/**
 * Issue 22, "Files": a session exported to a JSON file and imported back is the same session (same
 * position, same replicas as the runner reports); a saved session can be renamed; a bad file is
 * refused in the dialog with its path: reason lines and nothing saved changes.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ClusterPage } from './pages/ClusterPage';
import { expectedReport, scenarioHash } from './support/sim';

const scenario = {
  version: 1, title: 'Exported', cluster: { brokers: 3, replication: 'manual' },
  topics: [{ name: 'orders', assignment: [[1, 2, 3]] }],
  steps: [
    { op: 'produce', topic: 'orders', key: 'a', value: '1', acks: 1 },
    { op: 'fetch', broker: 2 },
    { op: 'produce', topic: 'orders', key: 'b', value: '2', acks: 1 },
    { op: 'crash', broker: 1 },
    { op: 'run', ms: 10000 },
  ],
};

test('export then import gives the same session; rename; a bad file is refused and nothing changes', async ({ page }, info) => {
  const cluster = new ClusterPage(page);
  await cluster.open(scenarioHash(scenario, 3), '?lang=en');
  const dialog = page.getByTestId('saved-sessions');
  const entries = dialog.getByTestId('saved-session');
  await page.getByRole('button', { name: 'Saved sessions' }).click();
  await expect(entries).toHaveCount(1);

  // Export the one session to a file.
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export “Exported” to a file' }).click()]);
  expect(download.suggestedFilename()).toBe('Exported.json');
  const path = info.outputPath('Exported.json');
  await download.saveAs(path);
  const file = JSON.parse(readFileSync(path, 'utf8')) as { sessions: { position: number; document: unknown }[] };
  expect(file.sessions[0].position).toBe(3);
  expect(file.sessions[0].document).toEqual(scenario);

  // Rename it.
  await dialog.getByRole('button', { name: 'Rename “Exported”' }).click();
  await dialog.getByTestId('rename-input').fill('Lecture 3');
  await dialog.getByRole('button', { name: 'Save name' }).click();
  await expect(entries.first()).toContainText('Lecture 3');
  await expect(page.getByTestId('scenario-title')).toHaveText('Lecture 3');

  // A bad file: refused with its lines, nothing saved changes.
  await dialog.getByTestId('import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...scenario, cluster: { brokers: 0 } })) });
  await expect(dialog.getByTestId('load-error')).toContainText('cluster.brokers');
  await expect(entries).toHaveCount(1);

  // Import the exported file: a second saved session, opened at the exported position.
  await dialog.getByTestId('import-file').setInputFiles(path);
  await expect(dialog).toBeHidden();
  await cluster.expectAt(3);
  await expect(page.getByTestId('scenario-title')).toHaveText('Exported');
  const report = expectedReport(scenario, 3);
  for (const p of report.partitions) {
    for (const r of p.replicaStates) {
      await expect(page.locator(`[data-testid="replica"][data-topic="${p.topic}"][data-partition="${p.partition}"][data-broker="${r.broker}"]`))
        .toHaveAttribute('data-leo', String(r.logEndOffset));
    }
  }
  await page.getByRole('button', { name: 'Saved sessions' }).click();
  await expect(entries).toHaveCount(2);
});
