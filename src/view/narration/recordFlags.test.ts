import { describe, expect, it } from 'vitest';
import { simulate } from '../../core/scenario/runScenario';
import { buildReport } from '../../core/scenario/report';
import { formatProblem, validateScenarioDocument } from '../../core/scenario/validateScenario';
import { recordFlags } from './recordFlags';

function reportOf(doc: Record<string, unknown>) {
  const parsed = validateScenarioDocument({ version: 1, seed: 1, ...doc });
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  return buildReport(simulate(parsed.scenario, parsed.scenario.steps.length));
}

describe('recordFlags', () => {
  it('flags the acknowledged record a leader crash lost, and only it', () => {
    const report = reportOf({
      cluster: { brokers: 3, replication: 'manual' }, topics: [{ name: 'orders', assignment: [[1, 2, 3]] }],
      steps: [
        { op: 'produce', topic: 'orders', key: 'a', value: '1', acks: 1 }, { op: 'fetch', broker: 2 }, { op: 'fetch', broker: 3 },
        { op: 'produce', topic: 'orders', key: 'b', value: '2', acks: 1 }, { op: 'crash', broker: 1 }, { op: 'run', ms: 10000 },
      ],
    });
    expect(report.anomalies.map((a) => a.type)).toEqual(['acknowledged-record-lost']);
    expect([...recordFlags(report)]).toEqual([[1, 'acked-then-lost']]);
  });

  it('flags a record the leader holds twice (a resend without idempotence)', () => {
    const report = {
      produced: [{ step: 0, index: 0, topic: 'orders', partition: 0, key: 'a', value: '1', acks: 'all' as const, offset: 0, acked: true, error: null, attempts: 2 }],
      anomalies: [{ type: 'duplicate-record' as const, topic: 'orders', partition: 0, offset: 1 }],
      partitions: [{
        topic: 'orders', partition: 0, leader: 1, leaderEpoch: 0, isr: [1], replicas: [1], highWatermark: 2,
        replicaStates: [{ broker: 1, logStartOffset: 0, logEndOffset: 2, highWatermark: 2, epochCache: [], segments: [], log: [0, 1].map((offset) => ({ offset, leaderEpoch: 0, step: 0, index: 0, key: 'a', value: '1', position: 0, sizeBytes: 70 })) }],
      }],
    };
    expect([...recordFlags(report)]).toEqual([[0, 'written-twice']]);
  });

  it('flags nothing without anomalies', () => {
    const report = reportOf({ cluster: { brokers: 3 }, topics: [{ name: 'orders', assignment: [[1, 2, 3]] }], steps: [{ op: 'produce', topic: 'orders', key: 'a', value: '1' }, { op: 'run', ms: 100 }] });
    expect(recordFlags(report).size).toBe(0);
  });
});
