import { describe, expect, it } from 'vitest';
import { simulate } from '../../core/scenario/runScenario';
import { validateScenarioDocument } from '../../core/scenario/validateScenario';
import {
  consumerViews, defaultGroup, memberActions, memberStep, subscribeProblem, subscribeStep, suggestMemberName,
  type ConsumerView, type SubscribeInput,
} from './consumerSteps';

const base = {
  version: 1, seed: 3, cluster: { brokers: 3, replication: 'manual' },
  topics: [{ name: 'orders', partitions: 2, replicationFactor: 1 }, { name: 'audit', partitions: 1, replicationFactor: 1 }],
};

function scenarioOf(steps: Record<string, unknown>[]) {
  const result = validateScenarioDocument({ ...base, steps });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.scenario;
}

/** The consumers at the end of `steps`, as the controls see them. */
function viewsAfter(steps: Record<string, unknown>[]): ConsumerView[] {
  return consumerViews(simulate(scenarioOf(steps)).groups.consumers);
}

const input = (over: Partial<SubscribeInput> = {}): SubscribeInput => ({ group: 'demo-group', member: 'c1', topics: ['orders'], assignor: 'range', ...over });

describe('consumer controls', () => {
  it('builds a subscribe step the validator accepts, names trimmed, with the chosen assignor', () => {
    const step = subscribeStep(input({ member: ' c1 ', topics: ['orders', 'audit'], assignor: 'cooperative-sticky' }));
    expect(step).toEqual({ op: 'subscribe', group: 'demo-group', member: 'c1', topics: ['orders', 'audit'], assignor: 'cooperative-sticky' });
    expect(validateScenarioDocument({ ...base, steps: [step] }).ok).toBe(true);
  });

  it('offers poll, commit, pause, leave, kill to a running consumer; resume, leave, kill to a paused one; nothing after kill or leave', () => {
    const subscribed = [subscribeStep(input()), subscribeStep(input({ member: 'c2' }))];
    const running = viewsAfter(subscribed);
    expect(running.map((c) => [c.member, memberActions(c)])).toEqual([
      ['c1', ['poll', 'commit', 'pause', 'leave', 'kill']],
      ['c2', ['poll', 'commit', 'pause', 'leave', 'kill']],
    ]);
    const paused = viewsAfter([...subscribed, { op: 'pause', group: 'demo-group', member: 'c1' }]);
    expect(memberActions(paused[0])).toEqual(['resume', 'leave', 'kill']);
    // max.poll.interval.ms (300000) runs from the last poll, here the subscribe at t = 0.
    expect(paused[0].pollTimeoutAtMs).toBe(300_000);
    // After a poll at t = 4000 ms the deadline moves with it; once passed, the member is out.
    const polledThenPaused = [...subscribed, { op: 'run', ms: 4000 }, { op: 'poll', group: 'demo-group', member: 'c1' }, { op: 'pause', group: 'demo-group', member: 'c1' }];
    expect(viewsAfter(polledThenPaused)[0].pollTimeoutAtMs).toBe(304_000);
    const timedOut = viewsAfter([...polledThenPaused, { op: 'run', ms: 300_001 }])[0];
    expect([timedOut.pollTimedOut, timedOut.pollTimeoutAtMs, memberActions(timedOut)]).toEqual([true, null, ['resume', 'leave', 'kill']]);
    expect(timedOut.isStatic).toBe(false);
    expect(viewsAfter([{ ...subscribeStep(input()), instanceId: 'i1' }])[0].isStatic).toBe(true);
    const gone = viewsAfter([...subscribed, { op: 'kill', group: 'demo-group', member: 'c1' }, { op: 'leave', group: 'demo-group', member: 'c2' }]);
    expect(gone.map((c) => [c.member, c.process, memberActions(c)])).toEqual([['c1', 'killed', []], ['c2', 'closed', []]]);
  });

  it('every action it offers becomes a step the validator accepts after the steps so far', () => {
    const steps = [subscribeStep(input()), { op: 'run', ms: 4000 }];
    for (const c of viewsAfter(steps)) {
      for (const op of memberActions(c)) {
        const step = memberStep(op, c.group, c.member, viewsAfter(steps));
        expect(step).toEqual({ op, group: 'demo-group', member: 'c1' });
        expect(validateScenarioDocument({ ...base, steps: [...steps, step] }).ok, op).toBe(true);
      }
    }
  });

  it('refuses a member no one subscribed, as the validator does', () => {
    const views = viewsAfter([subscribeStep(input())]);
    expect(memberStep('poll', 'demo-group', 'c9', views)).toBeNull();
    expect(memberStep('poll', 'other', 'c1', views)).toBeNull();
    expect(validateScenarioDocument({ ...base, steps: [subscribeStep(input()), { op: 'poll', group: 'demo-group', member: 'c9' }] }).ok).toBe(false);
  });

  it('refuses an empty group or member, no topic, or the name of a running member; a killed name may subscribe again', () => {
    const views = viewsAfter([subscribeStep(input())]);
    expect(subscribeProblem(input({ group: '  ' }), views)).toBe('groupEmpty');
    expect(subscribeProblem(input({ member: '' }), views)).toBe('memberEmpty');
    expect(subscribeProblem(input({ member: 'c2', topics: [] }), views)).toBe('noTopics');
    expect(subscribeProblem(input(), views)).toBe('memberRunning');
    expect(validateScenarioDocument({ ...base, steps: [subscribeStep(input()), subscribeStep(input())] }).ok).toBe(false);
    expect(subscribeProblem(input({ group: 'other' }), views)).toBeNull();
    const killed = [subscribeStep(input()), { op: 'kill', group: 'demo-group', member: 'c1' }];
    expect(subscribeProblem(input(), viewsAfter(killed))).toBeNull();
    expect(validateScenarioDocument({ ...base, steps: [...killed, subscribeStep(input())] }).ok).toBe(true);
  });

  it('suggests c1, c2, … skipping names the group has used, and starts with an existing group', () => {
    expect(suggestMemberName([], 'demo-group')).toBe('c1');
    const views = viewsAfter([subscribeStep(input()), subscribeStep(input({ member: 'c3' })), subscribeStep(input({ group: 'other', member: 'c2' }))]);
    expect(suggestMemberName(views, 'demo-group')).toBe('c2');
    expect(suggestMemberName(views, 'other')).toBe('c1');
    expect(defaultGroup([])).toBe('demo-group');
    expect(defaultGroup(['billing', 'audit'])).toBe('billing');
  });
});
