/**
 * KIP-101's two scenarios, opened by link: stepping forward through every step and back again,
 * every replica's LEO, HW and ISR membership (and each partition's leader, epoch and ISR) equal
 * the headless runner's report (`src/cli/sim.ts <file> --at n`) at each position.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Report } from '../src/core/model/report';
import { ClusterPage } from './pages/ClusterPage';
import { expectedReport, scenarioHash } from './support/sim';
import { fullUnless } from './support/tier';

const files = [
  'kip101-scenario1-high-watermark.json',
  'kip101-scenario1-leader-epoch.json',
  'kip101-scenario2-high-watermark.json',
  'kip101-scenario2-leader-epoch.json',
];

function replicaNumbers(report: Report) {
  return report.partitions.flatMap((p) => p.replicaStates.map((r) => ({
    topic: p.topic, partition: p.partition, broker: r.broker, leo: r.logEndOffset, hw: r.highWatermark, inIsr: p.isr.includes(r.broker),
  })));
}

const byKey = <T extends { topic: string; partition: number; broker: number }>(items: T[]) =>
  [...items].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition || a.broker - b.broker);

for (const file of files) {
  // The fast tier walks the scenario that loses a record; the full tier all four.
  test(`${file}: forward and back, every replica matches the runner`, fullUnless(file === 'kip101-scenario1-high-watermark.json'), async ({ page }) => {
    test.setTimeout(180_000);
    const document = JSON.parse(readFileSync(`scenarios/golden/${file}`, 'utf8')) as { steps: unknown[] };
    const total = document.steps.length;
    const expected = Array.from({ length: total + 1 }, (_, at) => expectedReport(document, at));
    const cluster = new ClusterPage(page);
    await cluster.open(scenarioHash(document), '?lang=en');
    await cluster.expectAt(0);

    const check = async (at: number) => {
      await cluster.expectAt(at);
      const report = expected[at];
      const shown = (await cluster.replicas()).map(({ topic, partition, broker, leo, hw, inIsr }) => ({ topic, partition, broker, leo, hw, inIsr }));
      expect(byKey(shown), `replicas at ${at}`).toEqual(byKey(replicaNumbers(report)));
      const partitions = await cluster.partitions();
      expect(partitions.map((p) => [p.leader, p.epoch, p.isr]), `partitions at ${at}`)
        .toEqual(report.partitions.map((p) => [p.leader, p.leaderEpoch, p.isr]));
    };

    await check(0);
    for (let at = 1; at <= total; at += 1) {
      await cluster.press('ArrowRight');
      await check(at);
    }
    for (let at = total - 1; at >= 0; at -= 1) {
      await cluster.press('ArrowLeft');
      await check(at);
    }
  });
}
