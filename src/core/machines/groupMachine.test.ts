/**
 * The group and member machines decide with the protocol's rules (GroupMetadata.scala
 * `validPreviousStates`, GroupCoordinator.scala; AbstractCoordinator.java).
 */
import { describe, expect, it } from 'vitest';
import { advanceGroup, advanceMember, initialGroupMachine, initialMemberMachine, type GroupEvent, type MemberEvent } from './groupMachine';
import type { GroupMachineData, MemberMachineData } from '../model/groups';

function group(events: GroupEvent[], start: GroupMachineData = initialGroupMachine()): GroupMachineData {
  return events.reduce((data, event) => advanceGroup(data, event).data, start);
}

function member(events: MemberEvent[], start: MemberMachineData = initialMemberMachine(false)): MemberMachineData {
  return events.reduce((data, event) => advanceMember(data, event), start);
}

describe('group machine', () => {
  it('Empty → PreparingRebalance → CompletingRebalance → Stable; each completed join is a new generation', () => {
    expect(group([{ type: 'JOIN', staticRejoinSameProtocol: false }])).toEqual({ value: 'PreparingRebalance', generation: 0 });
    expect(group([{ type: 'JOIN', staticRejoinSameProtocol: false }, { type: 'JOIN_COMPLETE', members: 2 }])).toEqual({ value: 'CompletingRebalance', generation: 1 });
    expect(group([{ type: 'JOIN', staticRejoinSameProtocol: false }, { type: 'JOIN_COMPLETE', members: 2 }, { type: 'SYNC' }])).toEqual({ value: 'Stable', generation: 1 });
  });

  it('a join that completes with no member leaves the group Empty, generation still incremented (initNextGeneration)', () => {
    expect(group([{ type: 'JOIN', staticRejoinSameProtocol: false }, { type: 'JOIN_COMPLETE', members: 0 }])).toEqual({ value: 'Empty', generation: 1 });
  });

  it('Stable: a member leaving or joining prepares a rebalance; a static member rejoining with the same protocol does not (KIP-345)', () => {
    const stable: GroupMachineData = { value: 'Stable', generation: 4 };
    expect(group([{ type: 'REMOVE' }], stable)).toEqual({ value: 'PreparingRebalance', generation: 4 });
    expect(group([{ type: 'JOIN', staticRejoinSameProtocol: false }], stable).value).toBe('PreparingRebalance');
    expect(advanceGroup(stable, { type: 'JOIN', staticRejoinSameProtocol: true })).toEqual({ data: stable, changed: false });
  });

  it('events a state does not accept change nothing (SYNC outside CompletingRebalance, REMOVE in Empty)', () => {
    expect(advanceGroup({ value: 'Stable', generation: 2 }, { type: 'SYNC' }).changed).toBe(false);
    expect(advanceGroup(initialGroupMachine(), { type: 'REMOVE' }).changed).toBe(false);
  });

  it('unloaded it is Dead; loaded again it is Stable with members, else Empty, keeping the generation', () => {
    expect(group([{ type: 'UNLOAD' }, { type: 'LOAD', members: 3 }], { value: 'PreparingRebalance', generation: 5 })).toEqual({ value: 'Stable', generation: 5 });
    expect(group([{ type: 'UNLOAD' }, { type: 'LOAD', members: 0 }], { value: 'Stable', generation: 5 })).toEqual({ value: 'Empty', generation: 5 });
  });
});

describe('member machine', () => {
  it('joins, gets an assignment, rejoins on a rebalance', () => {
    expect(member([{ type: 'JOIN' }]).value).toBe('joining');
    expect(member([{ type: 'JOIN' }, { type: 'ASSIGNED' }]).value).toBe('stable');
    expect(member([{ type: 'JOIN' }, { type: 'ASSIGNED' }, { type: 'REBALANCE' }]).value).toBe('joining');
  });

  it('paused, it does not rejoin on a rebalance until it resumes (only poll sends JoinGroup)', () => {
    const paused = member([{ type: 'JOIN' }, { type: 'ASSIGNED' }, { type: 'PAUSE' }, { type: 'REBALANCE' }]);
    expect(paused).toMatchObject({ value: 'stable', paused: true, rejoinPending: true });
    expect(member([{ type: 'RESUME' }], paused)).toMatchObject({ value: 'joining', paused: false, rejoinPending: false });
  });

  it('poll timeout: a dynamic member leaves (maybeLeaveGroup), a static one stays a member', () => {
    const stable = [{ type: 'JOIN' }, { type: 'ASSIGNED' }, { type: 'PAUSE' }, { type: 'POLL_TIMEOUT' }] as MemberEvent[];
    expect(member(stable)).toMatchObject({ value: 'unjoined', pollTimedOut: true, rejoinPending: true });
    expect(member(stable, initialMemberMachine(true))).toMatchObject({ value: 'stable', pollTimedOut: true });
  });

  it('killed it stays dead', () => {
    expect(member([{ type: 'JOIN' }, { type: 'KILL' }, { type: 'JOIN' }, { type: 'RESUME' }]).value).toBe('dead');
  });
});
