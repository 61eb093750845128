/**
 * The group state machine as the panel draws it (pure): its states and edges (those of
 * core/machines/groupMachine.ts, Kafka's `GroupMetadata` valid previous states), and the
 * transitions one step took with their cause, read from the step's events.
 *
 * The coordinator pushes a `group-member` event just before the `group-state` event it causes
 * (a member joined, left, expired, exceeded max.poll.interval.ms, was replaced, or was dropped for
 * not rejoining), so a transition's cause is the last member change of that group since its
 * previous transition; without one, the cause follows from the edge itself (JoinGroup phase
 * complete, SyncGroup received, the coordinator unloading or loading the group).
 */
import type { GroupMemberChange, SimEvent } from '../../core/model/events';
import type { GroupStateName } from '../../core/model/groups';

export const GROUP_STATES: readonly GroupStateName[] = ['Empty', 'PreparingRebalance', 'CompletingRebalance', 'Stable', 'Dead'];

/** Every edge of the group machine (groupMachine.ts), as [from, to]. */
export const GROUP_EDGES: readonly (readonly [GroupStateName, GroupStateName])[] = [
  ['Empty', 'PreparingRebalance'],
  ['PreparingRebalance', 'CompletingRebalance'],
  ['CompletingRebalance', 'Stable'],
  ['PreparingRebalance', 'Empty'],
  ['CompletingRebalance', 'PreparingRebalance'],
  ['Stable', 'PreparingRebalance'],
  ['Empty', 'Dead'],
  ['PreparingRebalance', 'Dead'],
  ['CompletingRebalance', 'Dead'],
  ['Stable', 'Dead'],
  ['Dead', 'Empty'],
  ['Dead', 'Stable'],
];

export type TransitionCause = GroupMemberChange | 'rejoin' | 'all-joined' | 'no-members' | 'sync' | 'unloaded' | 'loaded';

export interface GroupTransition {
  from: GroupStateName;
  to: GroupStateName;
  generation: number;
  cause: TransitionCause;
  /** The member the cause names, if any. */
  member: string | null;
}

function edgeCause(from: GroupStateName, to: GroupStateName): TransitionCause {
  if (to === 'Dead') return 'unloaded';
  if (from === 'Dead') return 'loaded';
  if (to === 'CompletingRebalance') return 'all-joined';
  if (to === 'Stable') return 'sync';
  if (to === 'Empty') return 'no-members';
  return 'rejoin';
}

/** The transitions `group` took during one step, in order, each with its cause. */
export function groupTransitions(events: readonly SimEvent[], group: string): GroupTransition[] {
  const out: GroupTransition[] = [];
  let change: { change: GroupMemberChange; member: string } | null = null;
  for (const e of events) {
    if (e.type === 'group-member' && e.group === group) {
      // A static replacement pushes `replaced` then the new instance's `joined`: the replacement is the cause.
      if (!(change?.change === 'replaced' && e.change === 'joined')) change = { change: e.change, member: e.member };
    } else if (e.type === 'group-state' && e.group === group) {
      const byMember = change !== null && e.to !== 'Dead' && e.from !== 'Dead'
        && (e.to === 'PreparingRebalance' || (change.change === 'not-rejoined' && e.from === 'PreparingRebalance'));
      out.push({
        from: e.from, to: e.to, generation: e.generation,
        cause: byMember && change ? change.change : edgeCause(e.from, e.to),
        member: byMember && change ? change.member : null,
      });
      change = null;
    }
  }
  return out;
}
