/**
 * The broker process and controller-view machines (docs/scenario-format.md: `brokers[].state`
 * and `fenced`; the Restart rule).
 */
import { describe, expect, it } from 'vitest';
import { advanceControllerView, advanceProcess, brokerProcessMachine } from './brokerMachines';

describe('broker process machine', () => {
  const to = (state: Parameters<typeof advanceProcess>[0], event: Parameters<typeof advanceProcess>[1]) => advanceProcess(state, event).state;

  it('follows the contract\'s lifecycle', () => {
    expect(to('running', { type: 'CRASH' })).toBe('crashed');
    expect(to('running', { type: 'ISOLATE' })).toBe('isolated');
    expect(to('isolated', { type: 'HEAL' })).toBe('running');
    expect(to('isolated', { type: 'CRASH' })).toBe('crashed');
    expect(to('restarting', { type: 'CRASH' })).toBe('crashed');
    expect(to('restarting', { type: 'SHUTDOWN' })).toBe('stopped');
    expect(to('running', { type: 'SHUTDOWN' })).toBe('stopped');
  });

  it('restart, guarded as each era\'s Restart rule: after the fencing it registers; before it KRaft waits and ZooKeeper 2.8 refuses', () => {
    // KRaft 3.6 ClusterControlManager.registerBroker refuses a duplicate registration while the old
    // incarnation's session lives (DUPLICATE_BROKER_REGISTRATION); the broker retries.
    expect(advanceProcess('crashed', { type: 'RESTART', metadata: 'kraft', oldSessionGone: false })).toEqual({ state: 'restarting', actions: [] });
    expect(advanceProcess('restarting', { type: 'OLD_SESSION_EXPIRED' })).toEqual({ state: 'running', actions: ['register'] });
    // Kafka 2.8 KafkaZkClient.registerBroker: NodeExistsException, the process exits.
    expect(advanceProcess('crashed', { type: 'RESTART', metadata: 'zookeeper', oldSessionGone: false })).toEqual({ state: 'crashed', actions: ['refuseNodeExists'] });
    // A broker stopped while isolated (its shutdown could not reach the controller) likewise.
    expect(advanceProcess('stopped', { type: 'RESTART', metadata: 'kraft', oldSessionGone: false })).toEqual({ state: 'restarting', actions: [] });
    expect(advanceProcess('stopped', { type: 'RESTART', metadata: 'zookeeper', oldSessionGone: false })).toEqual({ state: 'stopped', actions: ['refuseNodeExists'] });
    for (const metadata of ['kraft', 'zookeeper'] as const) {
      expect(advanceProcess('crashed', { type: 'RESTART', metadata, oldSessionGone: true })).toEqual({ state: 'running', actions: ['register'] });
      expect(advanceProcess('stopped', { type: 'RESTART', metadata, oldSessionGone: true })).toEqual({ state: 'running', actions: ['reopenSegments', 'register'] });
    }
  });

  it('ignores events that do not apply (restarting a running broker, crashing a stopped one, healing a running one)', () => {
    expect(advanceProcess('running', { type: 'RESTART', metadata: 'kraft', oldSessionGone: true })).toEqual({ state: 'running', actions: [] });
    expect(advanceProcess('restarting', { type: 'RESTART', metadata: 'kraft', oldSessionGone: false })).toEqual({ state: 'restarting', actions: [] });
    expect(to('stopped', { type: 'CRASH' })).toBe('stopped');
    expect(to('running', { type: 'HEAL' })).toBe('running');
    expect(to('crashed', { type: 'ISOLATE' })).toBe('crashed');
    expect(to('crashed', { type: 'OLD_SESSION_EXPIRED' })).toBe('crashed');
  });

  it('tags say what the process can do: up (alive) and reachable', () => {
    const tags = (value: string) => [...brokerProcessMachine.resolveState({ value, context: {} }).tags].sort();
    expect(tags('running')).toEqual(['reachable', 'up']);
    expect(tags('isolated')).toEqual(['up']);
    expect(tags('restarting')).toEqual(['up']);
    expect(tags('crashed')).toEqual([]);
    expect(tags('stopped')).toEqual([]);
  });

  it('controller view: fence and unfence', () => {
    expect(advanceControllerView(false, { type: 'FENCE' })).toBe(true);
    expect(advanceControllerView(true, { type: 'FENCE' })).toBe(true);
    expect(advanceControllerView(true, { type: 'UNFENCE' })).toBe(false);
  });
});
