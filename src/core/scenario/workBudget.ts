/**
 * The work budget (shared scenario-format.md, "The headless runner"; the formula is this
 * project's, documented in docs/scenario-format.md, "Work budget", and part of the semantics).
 * Each limit of the format caps one factor; together they could still ask for hours of work. So,
 * before running, a validated scenario's work is estimated from five factors, each measured
 * against its own budget, and the shares are added up: a document whose shares add up to more
 * than 100% is refused with one `$` problem naming its largest factor. Checked only when no
 * other problem was found, identically in the runner and the app.
 *
 * Every factor is an upper bound computed from the document alone, in one pass over its steps.
 */
import type { Scenario } from '../model/scenario';
import type { Problem } from './problems';
import { substitutedValueBytes } from './validateSteps';

export interface WorkFactor {
  name: string;
  value: number;
  budget: number;
}

/** The budgets: each alone takes at most about 20 s and 1.5 GB in the runner on a 2-core machine. */
export const WORK_BUDGET = {
  appended: 2_000_000,
  stepReplicas: 60_000_000,
  timeReplicas: 60_000_000,
  attempts: 60_000_000,
  bytes: 256 * 1024 * 1024,
} as const;

/** Idle fetch rounds are `replica.fetch.wait.max.ms` (500) apart by default; faster timers do more. */
const DEFAULT_ROUND_MS = 500;

/**
 * Work per simulated ms and replica, relative to `auto` replication with default timers: faster
 * idle fetch rounds add a tenth of their rate (a round without records is cheap), a faster ISR
 * check adds 1 / its period in ms, and so does the retention check; `manual` replication has no fetch rounds on time.
 */
function timerRate(scenario: Scenario): number {
  const config = scenario.cluster.config;
  const fetchRoundMs = Math.max(1, config['replica.fetch.wait.max.ms'] + 2 * scenario.cluster.networkDelayMs);
  const isrCheckMs = Math.max(1, Math.floor(config['replica.lag.time.max.ms'] / 2));
  const fetching = scenario.cluster.replication === 'auto' ? 1 + (DEFAULT_ROUND_MS / Math.min(DEFAULT_ROUND_MS, fetchRoundMs) - 1) / 10 : 0.01;
  // The retention task visits every replica each `log.retention.check.interval.ms`.
  return fetching + 1 / isrCheckMs + 1 / Math.max(1, config['log.retention.check.interval.ms']);
}

/** The document's work, factor by factor (docs/scenario-format.md, "Work budget"). */
export function estimateWork(scenario: Scenario): WorkFactor[] {
  const replicationFactor = new Map(scenario.topics.map((t) => [t.name, t.replicationFactor]));
  const replicas = scenario.topics.reduce((sum, t) => sum + t.partitions * t.replicationFactor, 0);
  const producer = scenario.producer.config;
  let appended = 0;
  let bytes = 0;
  let records = 0;
  let runMs = 0;
  for (const step of scenario.steps) {
    if (step.op === 'produce') {
      const rf = replicationFactor.get(step.topic) ?? 1;
      const keyBytes = step.key === null ? 0 : substitutedValueBytes(step.key, step.count);
      appended += step.count * rf;
      records += step.count;
      bytes += step.count * (substitutedValueBytes(step.value, step.count) + keyBytes) * (rf + 1);
    } else if (step.op === 'run') {
      runMs += step.ms;
    }
  }
  // A record is sent again at most `retries` times, each at least `retry.backoff.ms` (and 1 ms)
  // after the last, within `delivery.timeout.ms` and the time the scenario runs.
  const window = Math.min(producer['delivery.timeout.ms'], runMs);
  const attemptsPerRecord = 1 + Math.min(producer.retries, Math.ceil(window / Math.max(1, producer['retry.backoff.ms'])));
  return [
    { name: 'records appended across replicas (produce counts × replication factor)', value: appended, budget: WORK_BUDGET.appended },
    { name: 'steps × replicas', value: scenario.steps.length * replicas, budget: WORK_BUDGET.stepReplicas },
    { name: 'simulated ms × replicas × timer rate', value: runMs * replicas * timerRate(scenario), budget: WORK_BUDGET.timeReplicas },
    { name: 'producer attempts (records × possible retries)', value: records * attemptsPerRecord, budget: WORK_BUDGET.attempts },
    { name: 'bytes of keys and values (× replication factor + 1)', value: bytes, budget: WORK_BUDGET.bytes },
  ];
}

const number = (n: number) => Math.round(n).toLocaleString('en');

/** The one `$` problem of a document over the budget, naming its largest factor; null within it. */
export function workBudgetProblem(scenario: Scenario): Problem | null {
  const factors = estimateWork(scenario);
  const share = factors.reduce((sum, f) => sum + f.value / f.budget, 0);
  if (share <= 1) return null;
  const largest = factors.reduce((a, b) => (b.value / b.budget > a.value / a.budget ? b : a));
  return {
    path: '$',
    message: `asks for more work than the budget allows (${Math.round(share * 100)}% of it in all); the largest factor is ${largest.name}: `
      + `${number(largest.value)} against a budget of ${number(largest.budget)} (docs/scenario-format.md, "Work budget")`,
  };
}
