/**
 * The broker process and controller-view machines (docs/scenario-format.md: `brokers[].state`
 * and `fenced`; the Restart rule).
 */
import { describe, expect, it } from 'vitest';
import { advanceControllerView, advanceProcess } from './brokerMachines';

describe('broker process machine', () => {
  it('follows the contract\'s lifecycle', () => {
    expect(advanceProcess('running', { type: 'CRASH' })).toBe('crashed');
    expect(advanceProcess('running', { type: 'ISOLATE' })).toBe('isolated');
    expect(advanceProcess('isolated', { type: 'HEAL' })).toBe('running');
    expect(advanceProcess('isolated', { type: 'CRASH' })).toBe('crashed');
    expect(advanceProcess('crashed', { type: 'RESTART_WAITING' })).toBe('restarting');
    expect(advanceProcess('restarting', { type: 'REGISTER' })).toBe('running');
    expect(advanceProcess('restarting', { type: 'CRASH' })).toBe('crashed');
    expect(advanceProcess('restarting', { type: 'SHUTDOWN' })).toBe('stopped');
    expect(advanceProcess('running', { type: 'SHUTDOWN' })).toBe('stopped');
    expect(advanceProcess('stopped', { type: 'REGISTER' })).toBe('running');
  });

  it('ignores events that do not apply (restarting a running broker, crashing a stopped one, healing a running one)', () => {
    expect(advanceProcess('running', { type: 'REGISTER' })).toBe('running');
    expect(advanceProcess('stopped', { type: 'CRASH' })).toBe('stopped');
    expect(advanceProcess('running', { type: 'HEAL' })).toBe('running');
    expect(advanceProcess('crashed', { type: 'ISOLATE' })).toBe('crashed');
  });

  it('controller view: fence and unfence', () => {
    expect(advanceControllerView(false, { type: 'FENCE' })).toBe(true);
    expect(advanceControllerView(true, { type: 'FENCE' })).toBe(true);
    expect(advanceControllerView(true, { type: 'UNFENCE' })).toBe(false);
  });
});
