/**
 * The consumer group's lifecycle and each member's, as xstate machines advanced with the pure
 * `transition()` (like brokerMachines.ts). Their guards are the classic protocol's rules
 * (Kafka 3.6 `GroupCoordinator`, `GroupMetadata.validPreviousStates`; the Java client's
 * `AbstractCoordinator`); the world keeps each snapshot as plain data (model/groups.ts).
 *
 * Group: Empty → PreparingRebalance → CompletingRebalance → Stable, and Dead while no broker has
 * the group loaded (its coordinator partition has no serving leader).
 * - JOIN: a new member, or a known one with changed metadata, makes Empty, Stable and
 *   CompletingRebalance prepare a rebalance; a known static member that rejoins a Stable group
 *   with the same protocol does not (KIP-345, `updateStaticMemberAndRebalance`).
 * - REMOVE: a member left or expired; Stable and CompletingRebalance prepare a rebalance while
 *   members remain or not (`removeMemberAndUpdateGroup`: an emptied group completes its join
 *   at once and becomes Empty).
 * - JOIN_COMPLETE: `onCompleteJoin`/`initNextGeneration`: the generation increments; the group
 *   goes to CompletingRebalance with members, Empty without.
 * - SYNC: the leader's SyncGroup stores the assignment: Stable.
 * - UNLOAD / LOAD: the coordinator moves; the loaded group is Stable with members, else Empty
 *   (`GroupMetadataManager.loadGroup` keeps the stored generation).
 */
import { assign, setup, transition } from 'xstate';
import type { GroupMachineData, GroupStateName, MemberMachineData, MemberStateName } from '../model/groups';

export type GroupEvent =
  | { type: 'JOIN'; staticRejoinSameProtocol: boolean }
  | { type: 'REMOVE' }
  | { type: 'JOIN_COMPLETE'; members: number }
  | { type: 'SYNC' }
  | { type: 'UNLOAD' }
  | { type: 'LOAD'; members: number };

export const groupMachine = setup({
  types: { context: {} as { generation: number }, events: {} as GroupEvent },
  guards: {
    staticRejoinKeepsStable: ({ event }) => event.type === 'JOIN' && event.staticRejoinSameProtocol,
    hasMembers: ({ event }) => (event.type === 'JOIN_COMPLETE' || event.type === 'LOAD') && event.members > 0,
  },
  actions: {
    nextGeneration: assign({ generation: ({ context }) => context.generation + 1 }),
  },
}).createMachine({
  id: 'group',
  initial: 'Empty',
  context: { generation: 0 },
  states: {
    Empty: { on: { JOIN: 'PreparingRebalance', UNLOAD: 'Dead' } },
    PreparingRebalance: {
      on: {
        JOIN_COMPLETE: [
          { guard: 'hasMembers', target: 'CompletingRebalance', actions: 'nextGeneration' },
          { target: 'Empty', actions: 'nextGeneration' },
        ],
        UNLOAD: 'Dead',
      },
    },
    CompletingRebalance: { on: { JOIN: 'PreparingRebalance', REMOVE: 'PreparingRebalance', SYNC: 'Stable', UNLOAD: 'Dead' } },
    Stable: {
      on: {
        JOIN: [{ guard: 'staticRejoinKeepsStable', target: 'Stable' }, { target: 'PreparingRebalance' }],
        REMOVE: 'PreparingRebalance',
        UNLOAD: 'Dead',
      },
    },
    Dead: { on: { LOAD: [{ guard: 'hasMembers', target: 'Stable' }, { target: 'Empty' }] } },
  },
});

export function initialGroupMachine(): GroupMachineData {
  return { value: 'Empty', generation: 0 };
}

/** Applies one event; an event the state does not accept leaves it unchanged (`changed` false). */
export function advanceGroup(data: GroupMachineData, event: GroupEvent): { data: GroupMachineData; changed: boolean } {
  const snapshot = groupMachine.resolveState({ value: data.value, context: { generation: data.generation } });
  const [next] = transition(groupMachine, snapshot, event);
  const out: GroupMachineData = { value: next.value as GroupStateName, generation: next.context.generation };
  return { data: out, changed: out.value !== data.value || out.generation !== data.generation };
}

/**
 * A member (the Java client's `AbstractCoordinator` states, with the process's pause and death):
 * - JOIN (subscribe, or a rejoin after being removed): joins unless paused (a paused consumer
 *   does not call poll, and only poll sends JoinGroup).
 * - REBALANCE (the heartbeat response says REBALANCE_IN_PROGRESS, or a cooperative revocation):
 *   rejoins, or, while paused, remembers to.
 * - ASSIGNED: SyncGroup answered.
 * - PAUSE / RESUME: resume joins when a rejoin is pending or the member is out of the group.
 * - POLL_TIMEOUT: `max.poll.interval.ms` passed: a dynamic member leaves (`maybeLeaveGroup`), a
 *   static one stays a member but stops heartbeating.
 * - REMOVED: the coordinator dropped it (UNKNOWN_MEMBER_ID): it rejoins unless paused.
 * - LEAVE, KILL.
 */
export type MemberEvent =
  | { type: 'JOIN' }
  | { type: 'REBALANCE' }
  | { type: 'ASSIGNED' }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'POLL_TIMEOUT' }
  | { type: 'REMOVED' }
  | { type: 'LEAVE' }
  | { type: 'KILL' };

type MemberContext = Omit<MemberMachineData, 'value'>;

export const memberMachine = setup({
  types: { context: {} as MemberContext, events: {} as MemberEvent },
  guards: {
    paused: ({ context }) => context.paused,
    mustJoinOnResume: ({ context }) => context.rejoinPending,
    isStatic: ({ context }) => context.isStatic,
  },
  actions: {
    pause: assign({ paused: true }),
    resume: assign({ paused: false, pollTimedOut: false }),
    markRejoin: assign({ rejoinPending: true }),
    clearRejoin: assign({ rejoinPending: false }),
    pollTimedOut: assign({ pollTimedOut: true }),
  },
}).createMachine({
  id: 'member',
  initial: 'unjoined',
  context: { paused: false, isStatic: false, rejoinPending: false, pollTimedOut: false },
  on: { KILL: '.dead', PAUSE: { actions: 'pause' } },
  states: {
    unjoined: {
      on: {
        JOIN: [{ guard: 'paused', actions: 'markRejoin' }, { target: 'joining', actions: 'clearRejoin' }],
        REMOVED: [{ guard: 'paused', actions: 'markRejoin' }, { target: 'joining', actions: 'clearRejoin' }],
        RESUME: [{ guard: 'mustJoinOnResume', target: 'joining', actions: ['resume', 'clearRejoin'] }, { actions: 'resume' }],
      },
    },
    joining: {
      on: {
        ASSIGNED: 'stable',
        REMOVED: [{ guard: 'paused', target: 'unjoined', actions: 'markRejoin' }, { target: 'joining', reenter: true }],
        POLL_TIMEOUT: [{ guard: 'isStatic', actions: 'pollTimedOut' }, { target: 'unjoined', actions: ['pollTimedOut', 'markRejoin'] }],
        LEAVE: 'unjoined',
        RESUME: { actions: 'resume' },
      },
    },
    stable: {
      on: {
        REBALANCE: [{ guard: 'paused', actions: 'markRejoin' }, { target: 'joining' }],
        REMOVED: [{ guard: 'paused', target: 'unjoined', actions: 'markRejoin' }, { target: 'joining' }],
        POLL_TIMEOUT: [{ guard: 'isStatic', actions: 'pollTimedOut' }, { target: 'unjoined', actions: ['pollTimedOut', 'markRejoin'] }],
        RESUME: [{ guard: 'mustJoinOnResume', target: 'joining', actions: ['resume', 'clearRejoin'] }, { actions: 'resume' }],
        LEAVE: 'unjoined',
      },
    },
    dead: {},
  },
});

export function initialMemberMachine(isStatic: boolean): MemberMachineData {
  return { value: 'unjoined', paused: false, isStatic, rejoinPending: false, pollTimedOut: false };
}

export function advanceMember(data: MemberMachineData, event: MemberEvent): MemberMachineData {
  const { value, ...context } = data;
  const [next] = transition(memberMachine, memberMachine.resolveState({ value, context }), event);
  return { value: next.value as MemberStateName, ...next.context };
}
