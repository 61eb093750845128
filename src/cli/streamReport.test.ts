import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../core/scenario/report';
import { simulate } from '../core/scenario/runScenario';
import { parseScenarioText } from '../core/scenario/scenarioText';
import { validateScenarioDocument } from '../core/scenario/validateScenario';
import { arbitraryDocument } from '../core/testing/arbitraries';
import { writeReport } from './streamReport';

function streamed(world: Parameters<typeof writeReport>[0]): { text: string; chunks: number; largest: number } {
  const chunks: string[] = [];
  writeReport(world, (chunk) => chunks.push(chunk));
  return { text: chunks.join(''), chunks: chunks.length, largest: Math.max(...chunks.map((c) => c.length)) };
}

describe('the streamed report', () => {
  it('is byte for byte JSON.stringify(report, null, 2) for the project\'s scenarios', () => {
    const files = ['scenarios/hw-three-rounds.json', 'scenarios/worked-example-auto.json', ...readdirSync('scenarios/golden').map((f) => `scenarios/golden/${f}`)];
    for (const file of files) {
      const parsed = parseScenarioText(readFileSync(file, 'utf8'));
      if (!parsed.ok) throw new Error(file);
      for (const at of [0, 2, undefined]) {
        const world = simulate(parsed.scenario, at);
        expect(streamed(world).text).toBe(`${JSON.stringify(buildReport(world), null, 2)}\n`);
      }
    }
  });

  it('is the same text for random documents (property)', () => {
    fc.assert(fc.property(arbitraryDocument, (document) => {
      const parsed = validateScenarioDocument(document);
      if (!parsed.ok) return;
      const world = simulate(parsed.scenario);
      expect(streamed(world).text).toBe(`${JSON.stringify(buildReport(world), null, 2)}\n`);
    }), { numRuns: 60 });
  });

  it('comes out in chunks of about a megabyte, not one string', () => {
    const parsed = validateScenarioDocument({
      version: 1, topics: [{ name: 't', partitions: 1, replicationFactor: 3 }],
      steps: [{ op: 'produce', topic: 't', key: null, value: 'v{i}', count: 10000 }, { op: 'run', ms: 100 }],
    });
    if (!parsed.ok) throw new Error('invalid');
    const { text, chunks, largest } = streamed(simulate(parsed.scenario));
    expect(chunks).toBeGreaterThan(3);
    expect(largest).toBeLessThan(2 << 20);
    expect(JSON.parse(text).partitions[0].replicaStates[2].log).toHaveLength(10000);
  });
});
