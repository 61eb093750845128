/**
 * Scenarios for the session's and the store's unit tests, built as documents and passed through
 * the core's validator (so the tests follow its defaults). Not used by the app.
 */
import type { Scenario } from '../core/model/scenario';
import { formatProblem, validateScenarioDocument } from '../core/scenario/validateScenario';

type StepDocument = Record<string, unknown>;

export function manualScenario(steps: StepDocument[], brokers = [1, 2, 3]): Scenario {
  const result = validateScenarioDocument({
    version: 1,
    title: 'test',
    seed: 1,
    cluster: { brokers, metadata: 'kraft', truncation: 'leader-epoch', replication: 'manual', config: { 'min.insync.replicas': 2 } },
    producer: { acks: 'all' },
    topics: [{ name: 'orders', partitions: 2, replicationFactor: 3, assignment: [[1, 2, 3], [2, 3, 1]] }],
    steps,
  });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

const produce = (key: string, acks: 'all' | 1 = 'all', partition?: number): StepDocument =>
  ({ op: 'produce', topic: 'orders', key, value: `v-${key}`, acks, ...(partition === undefined ? {} : { partition }) });
const fetch = (broker: number): StepDocument => ({ op: 'fetch', broker });
const run = (ms: number): StepDocument => ({ op: 'run', ms });

/** A long, varied step list (produces, fetches, time passing long enough to shrink the ISR). */
export function longSteps(count: number): StepDocument[] {
  const steps: StepDocument[] = [];
  for (let i = 0; steps.length < count; i++) {
    const kind = i % 9;
    if (kind === 0 || kind === 4) steps.push(produce(`k${i}`, i % 3 === 0 ? 1 : 'all'));
    else if (kind === 1 || kind === 5) steps.push(fetch(2));
    else if (kind === 2 || kind === 6) steps.push(fetch(3));
    else if (kind === 3) steps.push(fetch(1));
    else if (kind === 7) steps.push(run(i % 27 === 7 ? 40000 : 700));
    else steps.push(produce(`p${i}`, 'all', i % 2));
  }
  return steps;
}
