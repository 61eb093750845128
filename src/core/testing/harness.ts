/**
 * A fluent harness over the real engine, for tests:
 *
 *   sim({ brokers: 3 }).topic('orders', [[1, 2, 3]])
 *     .produce('orders', 'alice').fetch(2)
 *     .expectReplica('orders', 0, 2, { hw: 0, leo: 1 })
 *
 * Every call appends a step to a scenario document; every expectation validates the document
 * through the same path as the runner, replays it, and checks the invariants after every step.
 */
import { createWorld } from '../cluster';
import { checkHighWatermarkMonotonic, checkInvariants } from '../invariants';
import type { Report, ReplicaReport, PartitionReport, ProducedReport } from '../model/report';
import type { World } from '../model/world';
import { buildReport } from '../scenario/report';
import { formatProblem, validateScenarioDocument } from '../scenario/validateScenario';
import { applyStep } from '../step';

type Json = Record<string, unknown>;

export class SimHarness {
  private readonly document: Json;

  constructor(cluster: Json = {}, extra: Json = {}) {
    this.document = { version: 1, seed: 1, cluster: { replication: 'manual', ...cluster }, topics: [], steps: [], ...extra };
  }

  get doc(): Json {
    return this.document;
  }

  private get steps(): Json[] {
    return this.document.steps as Json[];
  }

  topic(name: string, assignment: number[][], config: Json = {}): this {
    (this.document.topics as Json[]).push({ name, assignment, config });
    return this;
  }

  step(step: Json): this {
    this.steps.push(step);
    return this;
  }

  produce(topic: string, key: string | null, extra: Json = {}): this {
    return this.step({ op: 'produce', topic, key, value: extra.value ?? 'v', ...extra });
  }

  fetch(broker: number, extra: Json = {}): this {
    return this.step({ op: 'fetch', broker, ...extra });
  }

  /** One fetch by every listed follower, in order: a "fetch round". */
  round(...brokers: number[]): this {
    for (const broker of brokers) this.fetch(broker);
    return this;
  }

  run(ms: number): this {
    return this.step({ op: 'run', ms });
  }

  /** The world after `at` steps (all by default), with the invariants checked after every step. */
  world(at?: number): World {
    const result = validateScenarioDocument(this.document);
    if (!result.ok) throw new Error(`invalid scenario:\n${result.problems.map(formatProblem).join('\n')}`);
    const { scenario } = result;
    const world = createWorld(scenario);
    const until = at ?? scenario.steps.length;
    const healthy = scenario.steps.every((s) => s.op === 'produce' || s.op === 'fetch' || s.op === 'run');
    for (let i = 0; i < until; i++) {
      const before = structuredClone(world);
      applyStep(world, scenario.steps[i], i);
      const problems = [...checkInvariants(world, { healthy }), ...checkHighWatermarkMonotonic(before, world)];
      if (problems.length > 0) throw new Error(`invariant broken after step ${i}:\n${problems.join('\n')}`);
    }
    return world;
  }

  report(at?: number): Report {
    return buildReport(this.world(at));
  }

  partition(topic: string, partition: number, at?: number): PartitionReport {
    const found = this.report(at).partitions.find((p) => p.topic === topic && p.partition === partition);
    if (!found) throw new Error(`no partition ${topic}-${partition}`);
    return found;
  }

  replica(topic: string, partition: number, broker: number, at?: number): ReplicaReport {
    const found = this.partition(topic, partition, at).replicaStates.find((r) => r.broker === broker);
    if (!found) throw new Error(`broker ${broker} has no replica of ${topic}-${partition}`);
    return found;
  }

  produced(at?: number): ProducedReport[] {
    return this.report(at).produced;
  }

  expectReplica(topic: string, partition: number, broker: number, expected: { hw?: number; leo?: number }): this {
    const replica = this.replica(topic, partition, broker);
    const actual = { hw: replica.highWatermark, leo: replica.logEndOffset };
    for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
      if (actual[key] !== expected[key]) {
        throw new Error(`${topic}-${partition} on broker ${broker}: expected ${key} ${expected[key]}, got ${actual[key]}`);
      }
    }
    return this;
  }
}

export function sim(cluster: Json = {}, extra: Json = {}): SimHarness {
  return new SimHarness(cluster, extra);
}
