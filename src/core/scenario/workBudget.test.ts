import { describe, expect, it } from 'vitest';
import { runScenarioText } from '../../cli/runScenarioFile';
import { validateScenarioDocument } from './validateScenario';
import { WORK_BUDGET } from './workBudget';

function doc(brokers: number, partitions: number, rf: number, steps: unknown[], extra: Record<string, unknown> = {}) {
  return { version: 1, cluster: { brokers, ...(extra.cluster as object) }, topics: [{ name: 't', partitions, replicationFactor: rf }], steps, ...(extra.producer ? { producer: extra.producer } : {}) };
}
const burst = (count: number, acks: unknown = 'all') => ({ op: 'produce', topic: 't', key: null, value: 'v{i}', count, acks });

describe('the work budget (docs/scenario-format.md, "Work budget")', () => {
  const over: [string, unknown, string][] = [
    ['one count:10000 step of 1 MiB values', doc(3, 1, 3, [{ op: 'produce', topic: 't', key: null, value: 'x'.repeat(1048576), count: 10000 }]), 'bytes of keys and values'],
    ['1,000 bursts of 10,000 in auto mode', doc(3, 3, 3, Array.from({ length: 1000 }, () => [burst(10000), { op: 'run', ms: 10 }]).flat()), 'producer attempts'],
    ['the largest cluster at RF 32 for an hour', doc(32, 1024, 32, [{ op: 'run', ms: 3600000 }]), 'simulated ms × replicas'],
    ['100 bursts of 10,000 in manual mode', doc(3, 1, 3, Array.from({ length: 100 }, () => [burst(10000, 1), { op: 'fetch', broker: 2 }]).flat(), { cluster: { replication: 'manual' } }), 'records appended across replicas'],
    ['100,000 steps on the largest cluster', doc(32, 1024, 32, Array.from({ length: 100000 }, () => ({ op: 'heal' }))), 'steps × replicas'],
    ['retries every millisecond for an hour', doc(3, 3, 3, [{ op: 'crash', broker: 1 }, burst(10000), { op: 'run', ms: 3600000 }], { producer: { config: { 'retry.backoff.ms': 0 } } }), 'producer attempts'],
  ];
  for (const [what, document, factor] of over) {
    it(`refuses ${what} in under 5 s, with one $ problem naming the factor`, () => {
      const started = Date.now();
      const out = runScenarioText(JSON.stringify(document), undefined);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(out.exitCode).toBe(2);
      expect(out.stdout).toBe('');
      const lines = out.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^\$: asks for more work than the budget allows \(\d+% of it in all\); the largest factor is /);
      expect(lines[0]).toContain(factor);
    });
  }

  it('is checked only when no other problem was found', () => {
    const result = validateScenarioDocument({ ...doc(32, 1024, 32, [{ op: 'run', ms: 3600000 }]), seed: -1 });
    expect(!result.ok && result.problems.map((p) => p.path)).toEqual(['seed']);
  });

  it('lets through documents near each limit (measured in the runner: docs/scenario-format.md)', () => {
    expect(validateScenarioDocument(doc(3, 3, 3, Array.from({ length: 55 }, () => [burst(10000), { op: 'run', ms: 10 }]).flat())).ok).toBe(true);
    expect(validateScenarioDocument(doc(32, 1024, 32, [{ op: 'run', ms: 1700 }])).ok).toBe(true);
    expect(validateScenarioDocument(doc(3, 3, 3, [{ op: 'run', ms: 3600000 }])).ok).toBe(true);
    expect(WORK_BUDGET.appended).toBe(2_000_000);
  });
});
