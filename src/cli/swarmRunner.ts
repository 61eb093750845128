/**
 * The swarm's engine, separate from process I/O so tests can run it in-process.
 */
import { createWorld } from '../core/cluster';
import { checkHighWatermarkMonotonic, checkInvariants } from '../core/invariants';
import { applyStep } from '../core/step';
import { swarmScenario, type SwarmOptions } from '../core/testing/swarmScenario';
import { formatProblem, validateScenarioDocument } from '../core/scenario/validateScenario';

export interface SwarmFailure {
  seed: number;
  step: number;
  problems: string[];
  prefix: Record<string, unknown>;
}

export interface SwarmSummary {
  failures: SwarmFailure[];
  steps: number;
  anomalies: Record<string, number>;
  scenariosWithAnomalies: number;
}

const FORBIDDEN_WHEN_SAFE = ['acknowledged-record-lost', 'replica-divergence'];

/** Runs one seed; returns the first failure (with the step after which it appeared), if any. */
export function runSeed(seed: number, options: SwarmOptions): { failure: SwarmFailure | null; anomalies: string[]; steps: number } {
  const document = swarmScenario(seed, options);
  const validated = validateScenarioDocument(document);
  if (!validated.ok) {
    return { failure: { seed, step: -1, problems: validated.problems.map(formatProblem), prefix: document }, anomalies: [], steps: 0 };
  }
  const { scenario } = validated;
  const world = createWorld(scenario);
  for (let i = 0; i < scenario.steps.length; i++) {
    const before = structuredClone(world);
    let problems: string[];
    try {
      applyStep(world, scenario.steps[i], i);
      problems = [...checkInvariants(world), ...checkHighWatermarkMonotonic(before, world)];
    } catch (error) {
      problems = [`threw: ${(error as Error).stack ?? String(error)}`];
    }
    if (options.safe && options.truncation === 'leader-epoch') {
      for (const anomaly of world.anomalies) if (FORBIDDEN_WHEN_SAFE.includes(anomaly.type)) problems.push(`${anomaly.type} at ${anomaly.topic}-${anomaly.partition} offset ${anomaly.offset}`);
    }
    if (problems.length > 0) {
      const prefix = { ...document, steps: (document.steps as unknown[]).slice(0, i + 1) };
      return { failure: { seed, step: i, problems, prefix }, anomalies: world.anomalies.map((a) => a.type), steps: i + 1 };
    }
  }
  return { failure: null, anomalies: world.anomalies.map((a) => a.type), steps: scenario.steps.length };
}

export function runSwarm(options: SwarmOptions & { seeds: number; start: number }): SwarmSummary {
  const summary: SwarmSummary = { failures: [], steps: 0, anomalies: {}, scenariosWithAnomalies: 0 };
  for (let seed = options.start; seed < options.start + options.seeds; seed++) {
    const result = runSeed(seed, options);
    summary.steps += result.steps;
    if (result.failure) summary.failures.push(result.failure);
    if (result.anomalies.length > 0) summary.scenariosWithAnomalies++;
    for (const type of result.anomalies) summary.anomalies[type] = (summary.anomalies[type] ?? 0) + 1;
  }
  return summary;
}
