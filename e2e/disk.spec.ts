/**
 * The files on disk: a replica's segments, its sparse index and an offset lookup step by step,
 * for the golden segments example (src/core/golden/segments.test.ts: seven 78-byte batches,
 * segment.bytes 300, index.interval.bytes 100 → segments 0, 3, 6; index entries [2, 156] and [5, 156]).
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { scenarioHash } from './support/sim';

const doc = {
  version: 1, title: 'Segments on disk',
  cluster: { brokers: 2, replication: 'manual' }, producer: { acks: 1 },
  topics: [{ name: 'orders', assignment: [[1, 2]], config: { 'segment.bytes': 300, 'index.interval.bytes': 100 } }],
  steps: [{ op: 'produce', topic: 'orders', key: 'alice', value: 'hello', count: 7 }],
};

test('the leader\'s segments, and offset 4 found by index then scan', async ({ page }) => {
  await page.goto(`/?lang=en${scenarioHash(doc, 1)}`);
  await page.getByTestId('disk-toggle').click();
  const disk = page.getByTestId('disk-view');
  await expect(disk.getByTestId('disk-segment')).toHaveCount(3);
  await expect(disk.getByTestId('disk-segment').nth(0)).toContainText('00000000000000000000.log');
  await expect(disk.getByTestId('disk-segment').nth(0)).toContainText('234 bytes · batches: 3');
  await expect(disk.getByTestId('disk-segment').nth(1)).toContainText('00000000000000000003.index');

  await disk.getByLabel('Find offset').fill('4');
  await disk.getByRole('button', { name: 'Look it up' }).click();
  const steps = disk.getByTestId('lookup-steps').locator('li');
  await expect(steps).toHaveCount(1);
  await expect(steps.nth(0)).toContainText('00000000000000000003.log');
  await disk.getByRole('button', { name: 'All steps' }).click();
  // Segment 3's only entry is [5, 156], above 4: no entry ≤ 4, so the scan reads offsets 3 and 4 from byte 0.
  await expect(steps).toHaveText([
    /Segment: 00000000000000000003\.log/,
    /entry 0 \(offset 5\).*above the target/,
    /first entry \(offset 5\).*above the target/,
    /starts at byte 0/,
    /byte 0: offset 3, 78 bytes\. Not yet/,
    /byte 78: offset 4, 78 bytes\. Found/,
  ]);
  await expect(disk.locator('tr.disk-hit')).toHaveAttribute('data-offset', '4');
  await page.screenshot({ path: 'test-results/screenshots/disk-en-1280x720.png', fullPage: true });

  // The lookup follows the timeline: before the produce the log is empty, so 4 is out of range.
  await page.keyboard.press('Home');
  await expect(disk.getByRole('status')).toContainText('Offset 4 is not in this log');
  await page.keyboard.press('End');
  await expect(steps.last()).toContainText('Found');
});

test('in Chinese, an offset past the log end is out of range', async ({ page }) => {
  await page.goto(`/?lang=zh${scenarioHash(doc, 1)}`);
  await page.getByTestId('disk-toggle').click();
  const disk = page.getByTestId('disk-view');
  await disk.getByLabel('查找位移').fill('9');
  await disk.getByRole('button', { name: '查找', exact: true }).click();
  await expect(disk.getByRole('status')).toContainText('OFFSET_OUT_OF_RANGE');
  await disk.getByLabel('查找位移').fill('5');
  await disk.getByRole('button', { name: '查找', exact: true }).click();
  await disk.getByRole('button', { name: '全部步骤' }).click();
  await expect(disk.getByTestId('lookup-steps').locator('li').last()).toContainText('找到了');
  await page.screenshot({ path: 'test-results/screenshots/disk-zh-1280x720.png', fullPage: true });
});

test('after retention the directory starts at the log start offset, and a lookup below it is out of range', async ({ page }) => {
  // scenarios/retention-follower-starts-over.json after its 7th step (src/core/golden/retention.test.ts):
  // at 30 s retention.ms (20 s) deleted the segments of offsets 0 and 1 on the leader, broker 1.
  const retention = JSON.parse(readFileSync('scenarios/retention-follower-starts-over.json', 'utf8')) as Record<string, unknown>;
  await page.goto(`/?lang=en${scenarioHash(retention, 7)}`);
  await expect(page.locator('[data-testid="replica"][data-broker="1"]')).toHaveAttribute('data-log-start', '2');
  await expect(page.locator('[data-testid="replica"][data-broker="1"] [data-testid="log-start"]')).toContainText('log start 2');
  await page.getByTestId('disk-toggle').click();
  const disk = page.getByTestId('disk-view');
  await expect(disk.getByTestId('disk-segment')).toHaveCount(1);
  await expect(disk.getByTestId('disk-segment').nth(0)).toContainText('00000000000000000002.log');
  await expect(disk.getByTestId('disk-log-start')).toContainText('Retention deleted every segment below offset 2');
  await disk.getByLabel('Find offset').fill('1');
  await disk.getByRole('button', { name: 'Look it up' }).click();
  await expect(disk.getByRole('status')).toContainText('Offset 1 is not in this log (it holds 2 up to 3');
  // Back before the first check (step 5, t = 15 s): the log starts at 0 again.
  await page.keyboard.press('Home');
  await expect(disk.getByTestId('disk-log-start')).toContainText('Log start offset: 0.');
});
