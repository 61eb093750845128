/**
 * The swarm's engine, separate from process I/O so tests can run it in-process.
 */
// Node: every mechanism installed (core/features.ts).
import '../core/allFeatures';
import { createWorld } from '../core/cluster';
import { checkHighWatermarkMonotonic, checkInvariants } from '../core/invariants';
import { applyStep } from '../core/step';
import { logEndOffset, type World } from '../core/model/world';
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

/**
 * Liveness: after the random steps, heal everything, let fencing finish, restart every broker and
 * give replication time (manual mode: fetch rounds). Then every partition must have a leader,
 * every replica must be in the ISR, and every log must be as long as its leader's.
 */
/**
 * A fetch reads one leader segment (`LocalLog.read`): with small segments (the retention swarm) a
 * follower far behind needs up to one manual round per batch, at most one per record produced.
 */
function smallSegmentRounds(document: Record<string, unknown>): number {
  const topics = document.topics as { name: string; config: Record<string, unknown> }[];
  if (!topics.some((t) => t.config['segment.bytes'] !== undefined)) return 0;
  const records = new Map<string, number>();
  for (const step of document.steps as { op: string; topic?: string; count?: number }[]) {
    if (step.op === 'produce' && step.topic !== undefined) records.set(step.topic, (records.get(step.topic) ?? 0) + (step.count ?? 1));
  }
  return Math.max(0, ...records.values());
}

export function withRecovery(document: Record<string, unknown>): Record<string, unknown> {
  const cluster = document.cluster as { brokers: number; replication: string };
  const brokers = Array.from({ length: cluster.brokers }, (_, i) => i + 1);
  // Consumers still running leave first, so their auto commits stop and __consumer_offsets settles.
  const running = new Map<string, { group: string; member: string }>();
  for (const step of document.steps as { op: string; group?: string; member?: string }[]) {
    if (step.group === undefined || step.member === undefined) continue;
    const key = JSON.stringify([step.group, step.member]);
    if (step.op === 'subscribe') running.set(key, { group: step.group, member: step.member });
    if (step.op === 'leave' || step.op === 'kill') running.delete(key);
  }
  const leaves = [...running.values()].map(({ group, member }) => ({ op: 'leave', group, member }));
  const settle: unknown[] = [{ op: 'heal' }, ...leaves, { op: 'run', ms: 20000 }, ...brokers.map((broker) => ({ op: 'restart', broker })), { op: 'run', ms: 60000 }];
  // Catching up segment by segment takes fetch rounds, not time (more time would cross the
  // preferred-leader check at 300 s and change what the rounds below settle).
  if (cluster.replication === 'manual') for (let round = 0; round < smallSegmentRounds(document); round++) settle.push(...brokers.map((broker) => ({ op: 'fetch', broker })));
  for (let round = 0; round < 4; round++) {
    if (cluster.replication === 'manual') settle.push(...brokers.map((broker) => ({ op: 'fetch', broker })));
    settle.push({ op: 'run', ms: 30000 });
  }
  // Manual replication ends with fetch rounds, not idle time: a follower that fetched the last
  // records in a round is known to have them only at its next fetch, and 30 s without one
  // (replica.lag.time.max.ms) rightly takes it out of the ISR.
  if (cluster.replication === 'manual') for (let round = 0; round < 2; round++) settle.push(...brokers.map((broker) => ({ op: 'fetch', broker })));
  return { ...document, steps: [...(document.steps as unknown[]), ...settle] };
}

function livenessProblems(world: ReturnType<typeof createWorld>): string[] {
  const problems: string[] = [];
  for (const b of world.brokers) if (b.state !== 'running' || b.fenced) problems.push(`broker ${b.id} is ${b.state}${b.fenced ? ', fenced' : ''} after recovery`);
  for (const t of world.topics) {
    for (const p of t.partitions) {
      const name = `${p.topic}-${p.partition}`;
      if (p.leader === null) { problems.push(`${name} has no leader after recovery`); continue; }
      const leader = p.replicaStates.find((r) => r.broker === p.leader);
      const leaderEnd = leader ? logEndOffset(leader) : undefined;
      if ([...p.isr].sort().join() !== [...p.replicas].sort().join()) problems.push(`${name}: ISR [${p.isr}] is not every replica after recovery`);
      for (const r of p.replicaStates) if (logEndOffset(r) !== leaderEnd) problems.push(`${name}: broker ${r.broker} has LEO ${logEndOffset(r)}, the leader ${leaderEnd}`);
    }
  }
  return problems;
}

/**
 * Consumers: every record a step's polls returned is below its partition's HW now under the
 * leader that served it (the HW never falls while a broker leads; a poll never reads at or above
 * it), and in one group no partition has two owners in one generation.
 */
export function groupProblems(before: World, world: World): string[] {
  const problems: string[] = [];
  for (const entry of world.groups.polled.slice(before.groups.polled.length)) {
    for (const record of entry.records) {
      const p = world.topics.find((t) => t.name === record.topic)?.partitions[record.partition];
      const was = before.topics.find((t) => t.name === record.topic)?.partitions[record.partition];
      if (!p || !was || p.leader === null || p.leader !== was.leader || p.leaderEpoch !== was.leaderEpoch) continue;
      const hw = p.replicaStates.find((r) => r.broker === p.leader)?.highWatermark ?? 0;
      if (record.offset >= hw) problems.push(`${entry.member} of ${entry.group} polled ${record.topic}-${record.partition} offset ${record.offset} at or above the HW ${hw}`);
    }
  }
  for (const g of world.groups.groups) {
    const owners = new Map<string, string>();
    for (const c of world.groups.consumers) {
      if (c.group !== g.group || c.process !== 'running') continue;
      for (const tp of c.assignment) {
        const key = `${c.generation}/${tp}`;
        const other = owners.get(key);
        if (other !== undefined) problems.push(`group ${g.group} generation ${c.generation}: ${tp} is owned by ${other} and ${c.member}`);
        owners.set(key, c.member);
      }
    }
  }
  return problems;
}

/** Runs one seed; returns the first failure (with the step after which it appeared), if any. */
export function runSeed(seed: number, options: SwarmOptions): { failure: SwarmFailure | null; anomalies: string[]; steps: number } {
  const document = withRecovery(swarmScenario(seed, options));
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
      problems = [...checkInvariants(world), ...checkHighWatermarkMonotonic(before, world), ...groupProblems(before, world)];
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
  const stuck = livenessProblems(world);
  if (stuck.length > 0) return { failure: { seed, step: scenario.steps.length - 1, problems: stuck, prefix: document }, anomalies: world.anomalies.map((a) => a.type), steps: scenario.steps.length };
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
