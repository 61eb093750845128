/**
 * The lifecycles students should see (docs/scenario-format.md, Report `brokers[]`), as xstate
 * machines advanced with xstate's pure `transition()`. The world stores only each machine's
 * state name, so it stays plain data; `advance` rebuilds the snapshot from that name, applies
 * one event and returns the next name. Machines hold no timers: the session timeout is an event
 * the core schedules on simulated time.
 *
 * - The broker process: running, isolated, crashed, restarting, stopped.
 * - The controller's view of it: unfenced or fenced (KRaft: fenced; ZooKeeper: its
 *   /brokers/ids node is gone).
 */
import { setup, transition } from 'xstate';
import type { BrokerProcessState } from '../model/report';

export type BrokerProcessEvent =
  | { type: 'CRASH' }
  | { type: 'ISOLATE' }
  | { type: 'HEAL' }
  | { type: 'RESTART_WAITING' }
  | { type: 'REGISTER' }
  | { type: 'SHUTDOWN' };

export const brokerProcessMachine = setup({ types: { events: {} as BrokerProcessEvent } }).createMachine({
  id: 'brokerProcess',
  initial: 'running',
  states: {
    running: { on: { CRASH: 'crashed', ISOLATE: 'isolated', SHUTDOWN: 'stopped' } },
    isolated: { on: { CRASH: 'crashed', HEAL: 'running', SHUTDOWN: 'stopped' } },
    // KRaft: the new process waits until the controller has fenced its old incarnation.
    restarting: { on: { CRASH: 'crashed', REGISTER: 'running', SHUTDOWN: 'stopped' } },
    crashed: { on: { RESTART_WAITING: 'restarting', REGISTER: 'running' } },
    stopped: { on: { REGISTER: 'running' } },
  },
});

export type ControllerViewState = 'unfenced' | 'fenced';
export type ControllerViewEvent = { type: 'FENCE' } | { type: 'UNFENCE' };

export const controllerViewMachine = setup({ types: { events: {} as ControllerViewEvent } }).createMachine({
  id: 'controllerView',
  initial: 'unfenced',
  states: {
    unfenced: { on: { FENCE: 'fenced' } },
    fenced: { on: { UNFENCE: 'unfenced' } },
  },
});

export function advanceProcess(state: BrokerProcessState, event: BrokerProcessEvent): BrokerProcessState {
  const [next] = transition(brokerProcessMachine, brokerProcessMachine.resolveState({ value: state, context: {} }), event);
  return next.value as BrokerProcessState;
}

export function advanceControllerView(fenced: boolean, event: ControllerViewEvent): boolean {
  const state: ControllerViewState = fenced ? 'fenced' : 'unfenced';
  const [next] = transition(controllerViewMachine, controllerViewMachine.resolveState({ value: state, context: {} }), event);
  return next.value === 'fenced';
}
