/**
 * Every partition's HW, replicas' LEOs and ISR at every position of a scenario (issue 21, "A
 * chart over time"), found by replaying the scenario once with the core itself (the same
 * `createWorld` + `applyStep` the runner's `simulate` uses), a slice of steps at a time so the
 * caller can yield between slices. Pure: no React, no DOM, no timers (seriesJob.ts schedules).
 *
 * The numbers are the runner's report's (core/scenario/report.ts, `partitionReport`): the
 * partition's HW is its leader's, or without a leader its last leader's; a replica's LEO is
 * `logEndOffset`; the ISR as the partition state holds it.
 */
import { createWorld } from '../../core/cluster';
import { cloneWorld } from '../../core/cloneWorld';
import type { Scenario } from '../../core/model/scenario';
import { logEndOffset, type World } from '../../core/model/world';
import { leaderReplica, replicaOf } from '../../core/simContext';
import { applyStep } from '../../core/step';

export interface PartitionSeries {
  topic: string;
  partition: number;
  /** Every broker that held a replica at some position, ascending. */
  brokers: number[];
  /** By position: the partition's HW (null before the partition exists). */
  hw: (number | null)[];
  /** By broker, by position: that replica's LEO (null where it holds no replica). */
  leo: Map<number, (number | null)[]>;
  /** By position: the ISR, ascending broker ids (null before the partition exists). */
  isr: (readonly number[] | null)[];
  /** By position: the leader (null without one, or before the partition exists). */
  leader: (number | null)[];
}

export interface ScenarioSeries {
  /** The last position (the number of steps). */
  length: number;
  /** Positions 0..`upTo` are filled in. */
  upTo: number;
  /** Simulated time by position. */
  timeMs: number[];
  /** By `topic-partition`. */
  partitions: Map<string, PartitionSeries>;
}

export const seriesKey = (topic: string, partition: number) => `${topic}-${partition}`;

/** ISR arrays are interned so that thousands of equal ones share one array. */
function intern(pool: Map<string, readonly number[]>, isr: readonly number[]): readonly number[] {
  const sorted = [...isr].sort((a, b) => a - b);
  const key = sorted.join(',');
  let found = pool.get(key);
  if (!found) {
    found = Object.freeze(sorted);
    pool.set(key, found);
  }
  return found;
}

/**
 * Builds a scenario's series a slice at a time. `advance(maxSteps)` replays up to that many more
 * steps; it returns true once every position is filled in.
 */
export class SeriesBuilder {
  readonly series: ScenarioSeries;
  private world: World;
  private readonly pool = new Map<string, readonly number[]>();

  /**
   * `from` continues an earlier build of a scenario whose steps are a prefix of this one's (the
   * user appended a step): its series up to `from.upTo` and the world there (cloned) are reused.
   */
  constructor(readonly scenario: Scenario, from?: { series: ScenarioSeries; world: World }) {
    const length = scenario.steps.length;
    if (from) {
      const upTo = from.world.stepsApplied;
      this.world = cloneWorld(from.world);
      const partitions = new Map<string, PartitionSeries>();
      for (const [key, p] of from.series.partitions) {
        partitions.set(key, {
          ...p, brokers: [...p.brokers], hw: p.hw.slice(0, upTo + 1), isr: p.isr.slice(0, upTo + 1), leader: p.leader.slice(0, upTo + 1),
          leo: new Map([...p.leo].map(([b, values]) => [b, values.slice(0, upTo + 1)])),
        });
        for (const isr of p.isr) if (isr) this.pool.set(isr.join(','), isr);
      }
      this.series = { length, upTo, timeMs: from.series.timeMs.slice(0, upTo + 1), partitions };
    } else {
      this.world = createWorld(scenario);
      this.series = { length, upTo: -1, timeMs: [], partitions: new Map() };
      this.sample();
    }
  }

  get done(): boolean {
    return this.series.upTo >= this.series.length;
  }

  /** The world after `series.upTo` steps (the builder's own: clone it to keep it). */
  get current(): World {
    return this.world;
  }

  advance(maxSteps: number): boolean {
    const until = Math.min(this.series.length, this.world.stepsApplied + Math.max(1, Math.floor(maxSteps)));
    while (this.world.stepsApplied < until) {
      const i = this.world.stepsApplied;
      applyStep(this.world, this.scenario.steps[i], i);
      this.sample();
    }
    return this.done;
  }

  /** Notes the world's numbers at its position (`stepsApplied`). */
  private sample(): void {
    const world = this.world;
    const at = world.stepsApplied;
    const { series } = this;
    series.timeMs[at] = world.timeMs;
    for (const topic of world.topics) {
      for (const p of topic.partitions) {
        const key = seriesKey(p.topic, p.partition);
        let s = series.partitions.get(key);
        if (!s) {
          // Created by a step: nothing before it.
          const none = () => new Array<null>(at).fill(null);
          s = { topic: p.topic, partition: p.partition, brokers: [], hw: none(), leo: new Map(), isr: none(), leader: none() };
          series.partitions.set(key, s);
        }
        const leader = leaderReplica(p) ?? replicaOf(p, p.lastLeader);
        s.hw[at] = leader ? leader.highWatermark : 0;
        s.isr[at] = intern(this.pool, p.isr);
        s.leader[at] = p.leader;
        for (const replica of p.replicaStates) {
          let values = s.leo.get(replica.broker);
          if (!values) {
            values = new Array<number | null>(at).fill(null);
            s.leo.set(replica.broker, values);
            s.brokers.push(replica.broker);
            s.brokers.sort((a, b) => a - b);
          }
          values[at] = logEndOffset(replica);
        }
      }
    }
    // A partition or replica gone (deleted, reassigned) reads as null from then on.
    for (const s of series.partitions.values()) {
      if (s.hw[at] === undefined) {
        s.hw[at] = null;
        s.isr[at] = null;
        s.leader[at] = null;
      }
      for (const values of s.leo.values()) if (values[at] === undefined) values[at] = null;
    }
    series.upTo = at;
  }
}

/** The whole series at once (tests, small scenarios). */
export function buildSeries(scenario: Scenario): ScenarioSeries {
  const builder = new SeriesBuilder(scenario);
  while (!builder.advance(1000));
  return builder.series;
}

/** One partition's numbers at position `at`, shaped like the runner's report's. */
export function valuesAt(s: PartitionSeries, at: number): { hw: number | null; leo: Record<number, number>; isr: readonly number[] | null; leader: number | null } {
  const leo: Record<number, number> = {};
  for (const [broker, values] of s.leo) {
    const v = values[at];
    if (v !== null && v !== undefined) leo[broker] = v;
  }
  return { hw: s.hw[at] ?? null, leo, isr: s.isr[at] ?? null, leader: s.leader[at] ?? null };
}

/** What does not change the replay: the title and the steps' notes. */
function simulated(scenario: Scenario): string {
  return JSON.stringify({ ...scenario, title: '', steps: [] });
}

const stepText = (step: Scenario['steps'][number]) => JSON.stringify({ ...step, note: undefined });

/**
 * How many leading steps `next` shares with `previous` when both replay the same cluster (else
 * 0): those positions' numbers are the same (replay is deterministic).
 */
export function sharedPrefix(previous: Scenario, next: Scenario): number {
  if (previous === next) return next.steps.length;
  if (simulated(previous) !== simulated(next)) return 0;
  const n = Math.min(previous.steps.length, next.steps.length);
  let i = 0;
  while (i < n && (previous.steps[i] === next.steps[i] || stepText(previous.steps[i]) === stepText(next.steps[i]))) i++;
  return i;
}
