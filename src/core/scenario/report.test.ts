/**
 * The report's log entries: each is the replica's own record at its own batch position
 * (`positionOf`, searched per record rather than walked), whether or not the replicas of a
 * partition share one entry object (they do where record and position are the same).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDocument } from '../testing/arbitraries';
import { positionOf } from '../protocol/logLayout';
import { buildReport } from './report';
import { replay, simulate } from './runScenario';
import { createWorld } from '../cluster';
import { formatProblem, validateScenarioDocument } from './validateScenario';

function valid(document: unknown) {
  const result = validateScenarioDocument(document);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

describe('report log entries', () => {
  it('give every replica its own record at its own position, shared or not', () => {
    fc.assert(
      fc.property(arbitraryDocument, (document) => {
        const world = simulate(valid(document));
        const report = buildReport(world);
        const partitions = world.topics.flatMap((t) => t.partitions);
        report.partitions.forEach((p, i) => {
          p.replicaStates.forEach((replica, j) => {
            const state = partitions[i].replicaStates[j];
            expect(replica.log).toEqual(state.log.map((r) => ({
              offset: r.offset, leaderEpoch: r.leaderEpoch, step: r.step, index: r.index,
              key: r.key, value: r.value, position: positionOf(state.layout, r.offset) ?? -1, sizeBytes: r.sizeBytes,
            })));
          });
        });
      }),
      { numRuns: 150 },
    );
  });

  it('replicas holding the same record at the same position share its entry', () => {
    const world = simulate(valid({
      version: 1, cluster: { brokers: 3, replication: 'auto' }, topics: [{ name: 'orders', assignment: [[1, 2, 3]] }],
      steps: [{ op: 'produce', topic: 'orders', key: 'k', value: 'v{i}', acks: 'all', count: 3 }, { op: 'run', ms: 500 }],
    }));
    const [leader, ...followers] = buildReport(world).partitions[0].replicaStates;
    expect(leader.log).toHaveLength(3);
    for (const follower of followers) follower.log.forEach((entry, i) => expect(entry).toBe(leader.log[i]));
  });

  it('a replica holding the same record at another position gets its own entry', () => {
    const world = simulate(valid({
      version: 1, cluster: { brokers: 3, replication: 'auto' }, topics: [{ name: 'orders', assignment: [[1, 2, 3]] }],
      steps: [{ op: 'produce', topic: 'orders', key: 'k', value: 'v', acks: 'all', count: 2 }, { op: 'run', ms: 500 }],
    }));
    // As if broker 3's segment began with 10 more bytes (a hand-made layout: the records are still
    // the leader's own objects).
    const follower = world.topics[0].partitions[0].replicaStates.find((r) => r.broker === 3)!;
    const segment = follower.layout.segments[0];
    segment.positions = segment.positions.map((position) => position + 10);
    const report = buildReport(world).partitions[0].replicaStates;
    const [leader, other] = [report.find((r) => r.broker === 1)!, report.find((r) => r.broker === 3)!];
    expect(other.log.map((e) => e.position)).toEqual(leader.log.map((e) => e.position + 10));
    other.log.forEach((entry, i) => expect(entry).not.toBe(leader.log[i]));
  });
});

describe('a report is a snapshot', () => {
  it('stays as built while the world it came from plays on (final produced entries are shared, the rest copied)', () => {
    let sharedSome = false;
    fc.assert(
      fc.property(arbitraryDocument, (document) => {
        const scenario = valid(document);
        const world = createWorld(scenario);
        const taken: { report: ReturnType<typeof buildReport>; json: string }[] = [];
        replay(world, scenario, scenario.steps.length, () => {
          const report = buildReport(world);
          if (report.produced.some((entry, i) => entry === world.produced[i])) sharedSome = true;
          taken.push({ report, json: JSON.stringify(report) });
        });
        for (const { report, json } of taken) expect(JSON.stringify(report)).toBe(json);
      }),
      { numRuns: 150 },
    );
    // The sharing the test is about happened (an arbitrary document acknowledges some records).
    expect(sharedSome).toBe(true);
  });
});
