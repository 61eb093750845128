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
  | { type: 'SHUTDOWN' }
  /** The `restart` step: what happens depends on the era and on the old incarnation's session. */
  | { type: 'RESTART'; metadata: 'kraft' | 'zookeeper'; oldSessionGone: boolean }
  /** KRaft: the controller fenced the old incarnation, so the waiting registration succeeds. */
  | { type: 'OLD_SESSION_EXPIRED' };

/**
 * What follows from a transition, for brokerLifecycle.ts to carry out (the machine returns it as
 * data, as RaftScope's rules return messages):
 * - `register`: the new process registers with the controller (it is unfenced and follows);
 * - `reopenSegments`: a clean restart opens new segment objects (index counters at 0);
 * - `refuseNodeExists`: Kafka 2.8 exits on start-up, /brokers/ids/<id> still exists.
 */
export type BrokerProcessAction = 'register' | 'reopenSegments' | 'refuseNodeExists';

export const brokerProcessMachine = setup({
  types: { events: {} as BrokerProcessEvent },
  guards: {
    oldSessionGone: ({ event }) => event.type === 'RESTART' && event.oldSessionGone,
    kraft: ({ event }) => event.type === 'RESTART' && event.metadata === 'kraft',
  },
  // Named only: the effects live in brokerLifecycle.ts, which reads them from `transition`.
  actions: { register: () => {}, reopenSegments: () => {}, refuseNodeExists: () => {} },
}).createMachine({
  id: 'brokerProcess',
  initial: 'running',
  states: {
    running: { tags: ['up', 'reachable'], on: { CRASH: 'crashed', ISOLATE: 'isolated', SHUTDOWN: 'stopped' } },
    isolated: { tags: ['up'], on: { CRASH: 'crashed', HEAL: 'running', SHUTDOWN: 'stopped' } },
    // KRaft: the new process waits until the controller has fenced its old incarnation
    // (DUPLICATE_BROKER_REGISTRATION until then, `ClusterControlManager.registerBroker`).
    restarting: {
      tags: ['up'],
      on: { CRASH: 'crashed', OLD_SESSION_EXPIRED: { target: 'running', actions: 'register' }, SHUTDOWN: 'stopped' },
    },
    crashed: {
      on: {
        RESTART: [
          { guard: 'oldSessionGone', target: 'running', actions: 'register' },
          { guard: 'kraft', target: 'restarting' },
          // ZooKeeper 2.8: the old ephemeral node is still there; the process exits again.
          { actions: 'refuseNodeExists' },
        ],
      },
    },
    // After a controlled shutdown the controller fenced it already: it registers at once. A
    // broker stopped while isolated is fenced only when its session times out, as after a crash.
    stopped: {
      on: {
        RESTART: [
          { guard: 'oldSessionGone', target: 'running', actions: ['reopenSegments', 'register'] },
          { guard: 'kraft', target: 'restarting' },
          { actions: 'refuseNodeExists' },
        ],
      },
    },
  },
});

export interface ProcessTransition {
  state: BrokerProcessState;
  actions: BrokerProcessAction[];
}

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

export function advanceProcess(state: BrokerProcessState, event: BrokerProcessEvent): ProcessTransition {
  const [next, actions] = transition(brokerProcessMachine, brokerProcessMachine.resolveState({ value: state, context: {} }), event);
  return { state: next.value as BrokerProcessState, actions: actions.map((a) => a.type as BrokerProcessAction) };
}

export function advanceControllerView(fenced: boolean, event: ControllerViewEvent): boolean {
  const state: ControllerViewState = fenced ? 'fenced' : 'unfenced';
  const [next] = transition(controllerViewMachine, controllerViewMachine.resolveState({ value: state, context: {} }), event);
  return next.value === 'fenced';
}
