/**
 * Core benchmarks (issue 12): simulator throughput against bare array appends, and the cost of
 * replaying and seeking a long scenario. Numbers are reported, never asserted.
 */
import { performance } from 'node:perf_hooks';
// Node: every mechanism installed (core/features.ts).
import '../src/core/allFeatures';
import { buildReport } from '../src/core/scenario/report';
import { simulate } from '../src/core/scenario/runScenario';
import { formatProblem, validateScenarioDocument } from '../src/core/scenario/validateScenario';
import type { Scenario } from '../src/core/model/scenario';
import { createTimeline } from '../src/session/timeline';

function valid(document: unknown): Scenario {
  const result = validateScenarioDocument(document);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

function best(runs: number, fn: () => void): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

/** RF 3, auto replication: bursts of acks=1 records, time running between them so followers keep up. */
export function throughputScenario(records: number): Scenario {
  const burst = 1000;
  const steps: unknown[] = [];
  for (let sent = 0; sent < records; sent += burst) {
    steps.push({ op: 'produce', topic: 'bench', key: null, value: 'value-{i}', acks: 1, count: burst });
    steps.push({ op: 'run', ms: 5 });
  }
  steps.push({ op: 'run', ms: 1000 });
  return valid({
    version: 1, seed: 1, cluster: { brokers: 3, replication: 'auto' }, producer: { acks: 1 },
    topics: [{ name: 'bench', assignment: [[1, 2, 3]] }], steps,
  });
}

export function longScenario(stepCount: number): Scenario {
  const steps: unknown[] = [];
  for (let i = 0; i < stepCount; i++) {
    if (i % 2 === 0) steps.push({ op: 'produce', topic: `t${i % 3}`, key: `k${i % 17}`, value: `v${i}`, acks: 'all' });
    else steps.push({ op: 'run', ms: 3 });
  }
  return valid({
    version: 1, seed: 7, cluster: { brokers: 3, replication: 'auto' },
    topics: [0, 1, 2].map((i) => ({ name: `t${i}`, partitions: 3, replicationFactor: 3 })), steps,
  });
}

/** One produce step of 10,000 acks=all records on 9 brokers × 30 partitions, then 1 s of replication. */
export function burstScenario(): Scenario {
  return valid({
    version: 1, title: 'burst', seed: 5, cluster: { brokers: 9, replication: 'auto' },
    topics: [{ name: 'events', partitions: 30, replicationFactor: 3 }],
    steps: [{ op: 'produce', topic: 'events', key: 'k{i}', value: 'v{i}', acks: 'all', count: 10000 }, { op: 'run', ms: 1000 }],
  });
}

export function runCoreBench(): Record<string, number | string> {
  const records = 100000;
  const scenario = throughputScenario(records);
  let replicated = 0;
  const simMs = best(3, () => {
    const report = buildReport(simulate(scenario));
    replicated = Math.min(...report.partitions[0].replicaStates.map((r) => r.logEndOffset));
  });
  const bareMs = best(3, () => {
    const replicas: { offset: number; value: string }[][] = [[], [], []];
    for (let i = 0; i < records; i++) {
      const record = { offset: i, value: `value-${i % 1000}` };
      for (const log of replicas) log.push(record);
    }
  });
  const long = longScenario(10000);
  const replayMs = best(3, () => simulate(long));
  const timeline = createTimeline(long);
  while (!timeline.precompute(500)) { /* builds the checkpoints once, as the app's working ahead does */ }
  const middle = Math.floor(long.steps.length / 2) + 25;
  const seekMs = best(5, () => {
    timeline.seek(0);
    timeline.seek(middle);
  });
  const burst = burstScenario();
  let burstAcked = 0;
  const burstMs = best(3, () => {
    burstAcked = buildReport(simulate(burst)).produced.filter((p) => p.acked).length;
  });
  return {
    'records produced and replicated (RF 3, auto)': replicated,
    'simulator records/s': Math.round(records / (simMs / 1000)),
    'bare array appends records/s': Math.round(records / (bareMs / 1000)),
    'ratio simulator / bare appends': (bareMs / simMs).toFixed(4),
    'replay of a 10,000-step scenario from zero (ms)': Number(replayMs.toFixed(1)),
    'seek to the middle from the nearest checkpoint (ms)': Number(seekMs.toFixed(2)),
    'a 10,000-record acks=all burst on 9 brokers × 30 partitions, then 1 s (ms)': Number(burstMs.toFixed(1)),
    'burst records acknowledged': burstAcked,
  };
}
