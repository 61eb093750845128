import { describe, expect, it } from 'vitest';
import { GROUP_EDGES, GROUP_STATES, groupTransitions } from './groupTransitions';
import { createWorld } from '../../core/cluster';
import { replay } from '../../core/scenario/runScenario';
import { advanceGroup } from '../../core/machines/groupMachine';
import { formatProblem, validateScenarioDocument } from '../../core/scenario/validateScenario';
import type { SimEvent } from '../../core/model/events';

/** Each step's events of a document, through the simulator. */
function stepEvents(document: unknown): SimEvent[][] {
  const result = validateScenarioDocument(document);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  const out: SimEvent[][] = [];
  replay(createWorld(result.scenario), result.scenario, result.scenario.steps.length, (events) => out.push(events));
  return out;
}

const summary = (events: SimEvent[]) => groupTransitions(events, 'g').map((x) => `${x.from}>${x.to}:${x.cause}${x.member ? `(${x.member})` : ''}`);

describe('groupTransitions', () => {
  it('a first join (group.initial.rebalance.delay.ms 3000): Empty→PreparingRebalance on the JoinGroup, then →CompletingRebalance→Stable when the delay ends', () => {
    const steps = stepEvents({
      version: 1, cluster: { brokers: 1, config: { 'offsets.topic.replication.factor': 1 } },
      topics: [{ name: 't', partitions: 2, replicationFactor: 1 }],
      steps: [
        { op: 'subscribe', group: 'g', member: 'c1', topics: ['t'] },
        { op: 'run', ms: 5000 },
        { op: 'subscribe', group: 'g', member: 'c2', topics: ['t'] },
        { op: 'run', ms: 10000 },
        { op: 'leave', group: 'g', member: 'c2' },
        { op: 'run', ms: 10000 },
      ],
    });
    const all = steps.map(summary);
    // The subscribe's JoinGroup may arrive in the subscribe step or in the run after it; the run completes it.
    expect([...all[0], ...all[1]]).toEqual(['Empty>PreparingRebalance:joined(c1)', 'PreparingRebalance>CompletingRebalance:all-joined', 'CompletingRebalance>Stable:sync']);
    expect([...all[2], ...all[3]]).toEqual(['Stable>PreparingRebalance:joined(c2)', 'PreparingRebalance>CompletingRebalance:all-joined', 'CompletingRebalance>Stable:sync']);
    expect([...all[4], ...all[5]]).toEqual(['Stable>PreparingRebalance:left(c2)', 'PreparingRebalance>CompletingRebalance:all-joined', 'CompletingRebalance>Stable:sync']);
  });

  it('hand-built events: a session expiry, the last member leaving, and an unload', () => {
    const at = 0;
    const events: SimEvent[] = [
      { type: 'group-member', atMs: at, group: 'g', member: 'c1', memberId: 'c1-x', change: 'expired' },
      { type: 'group-state', atMs: at, group: 'g', from: 'Stable', to: 'PreparingRebalance', generation: 3 },
      { type: 'group-member', atMs: at, group: 'other', member: 'o1', memberId: 'o1-x', change: 'joined' },
      { type: 'group-member', atMs: at, group: 'g', member: 'c2', memberId: 'c2-x', change: 'left' },
      { type: 'group-state', atMs: at, group: 'g', from: 'PreparingRebalance', to: 'Empty', generation: 4 },
      { type: 'group-state', atMs: at, group: 'g', from: 'Empty', to: 'Dead', generation: 4 },
    ];
    expect(summary(events)).toEqual(['Stable>PreparingRebalance:expired(c1)', 'PreparingRebalance>Empty:no-members', 'Empty>Dead:unloaded']);
  });

  it('the drawn edges are exactly the machine\'s transitions (every event tried from every state)', () => {
    const found = new Set<string>();
    const events = [
      { type: 'JOIN', staticRejoinSameProtocol: false }, { type: 'REMOVE' }, { type: 'JOIN_COMPLETE', members: 1 },
      { type: 'JOIN_COMPLETE', members: 0 }, { type: 'SYNC' }, { type: 'UNLOAD' }, { type: 'LOAD', members: 0 }, { type: 'LOAD', members: 2 },
    ] as const;
    for (const value of GROUP_STATES) {
      for (const event of events) {
        const { data } = advanceGroup({ value, generation: 1 }, event);
        if (data.value !== value) found.add(`${value}>${data.value}`);
      }
    }
    expect([...found].sort()).toEqual(GROUP_EDGES.map(([a, b]) => `${a}>${b}`).sort());
  });
});
