import { describe, expect, it } from 'vitest';
import type { PartitionReport, ReplicaReport } from '../core/model/report';
import { logWindow, MIN_RECENT } from './layout/logWindow';
import { describeStep, eraOf, outcomeOf, replicaRole } from './viewModel';

const replica = (broker: number, leo: number, hw: number): ReplicaReport => ({
  broker, logStartOffset: 0, logEndOffset: leo, highWatermark: hw, epochCache: [], segments: [],
  log: Array.from({ length: leo }, (_, offset) => ({ offset, leaderEpoch: 0, step: offset, index: 0, key: null, value: '', position: 0, sizeBytes: 70 })),
});
const partition = (replicas: ReplicaReport[], leader: number | null = 1): PartitionReport => ({
  topic: 't', partition: 0, leader, leaderEpoch: 0, isr: [1], replicas: replicas.map((r) => r.broker),
  highWatermark: 0, replicaStates: replicas,
});

describe('replicaRole', () => {
  const brokers = [
    { id: 1, state: 'crashed' as const, fenced: false },
    { id: 2, state: 'isolated' as const, fenced: false },
    { id: 3, state: 'stopped' as const, fenced: true },
  ];
  it('follows the contract: leader, then offline when not running, else follower', () => {
    const p = partition([replica(1, 0, 0), replica(2, 0, 0), replica(3, 0, 0)]);
    expect(replicaRole(p, 1, brokers)).toBe('leader');
    expect(replicaRole(p, 2, brokers)).toBe('follower');
    expect(replicaRole(p, 3, brokers)).toBe('offline');
  });
});

describe('logWindow', () => {
  it('draws short logs whole, with room after the end', () => {
    const w = logWindow(partition([replica(1, 2, 1), replica(2, 1, 0)]));
    expect(w.firstOffset).toBe(0);
    expect(w.slots).toBeGreaterThanOrEqual(3);
    expect(w.x(0)).toBe(0);
  });

  it('draws at least the last records of a long log, and everything at or above every HW', () => {
    const long = logWindow(partition([replica(1, 100, 95), replica(2, 98, 90)]));
    expect(long.firstOffset).toBe(98 - MIN_RECENT);
    const lagging = logWindow(partition([replica(1, 100, 95), replica(2, 40, 30)]));
    expect(lagging.firstOffset).toBe(40 - MIN_RECENT);
    expect(lagging.x(100)).toBeLessThan(100);
  });
});

describe('words', () => {
  const t = (key: string, values?: Record<string, unknown>) => `${key}${values ? JSON.stringify(values) : ''}`;
  it('describes steps', () => {
    expect(describeStep({ op: 'run', ms: 1000 }, t, (n) => `#${n}`)).toBe('steps.run{"ms":"#1000"}');
    expect(describeStep({ op: 'fetch', broker: 2, topic: null, partition: null, dropResponse: true }, t)).toContain('steps.responseLost');
    expect(describeStep({ op: 'produce', topic: 'o', key: null, value: 'v', partition: null, acks: 1, count: 3 }, t))
      .toContain('steps.count');
  });

  it('shows the actual records, not the {i} template', () => {
    const words = (key: string, values?: Record<string, unknown>) => (key === 'steps.produce' ? `${String(values?.key)} = ${String(values?.value)}` : '');
    expect(describeStep({ op: 'produce', topic: 'o', key: 'k{i}', value: 'v{i}', partition: null, acks: null, count: 1 }, words)).toBe('“k0” = “v0”');
    expect(describeStep({ op: 'produce', topic: 'o', key: 'k{i}', value: 'v{i}', partition: null, acks: null, count: 5 }, words).trim())
      .toBe('“k0” = “v0” … “k4” = “v4”');
    expect(describeStep({ op: 'produce', topic: 'o', key: 'alice', value: 'hello', partition: null, acks: null, count: 1 }, words)).toBe('“alice” = “hello”');
  });

  it('names eras and outcomes', () => {
    const era = (metadata: 'kraft' | 'zookeeper', truncation: 'leader-epoch' | 'high-watermark') =>
      eraOf({ cluster: { metadata, truncation } } as Parameters<typeof eraOf>[0]);
    expect(era('kraft', 'high-watermark').neverShipped).toBe(true);
    expect(era('zookeeper', 'high-watermark').neverShipped).toBe(false);
    const produced = { step: 0, index: 0, topic: 't', partition: 0, key: null, value: '', acks: 1 as const, offset: 0, attempts: 1 };
    expect(outcomeOf({ ...produced, acked: true, error: null })).toEqual({ kind: 'acked' });
    expect(outcomeOf({ ...produced, acked: false, error: 'REQUEST_TIMED_OUT' })).toEqual({ kind: 'error', error: 'REQUEST_TIMED_OUT' });
    expect(outcomeOf({ ...produced, acked: false, error: null })).toEqual({ kind: 'pending' });
  });
});
