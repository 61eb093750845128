/**
 * A broker's role for a partition as it stands (leader serving this epoch, current follower), read
 * from the world by every mechanism. `leadership.ts` changes roles; these only look.
 */
import type { PartitionState } from '../model/world';
import { brokerById, leaderReplica, replicaOf, type SimContext } from '../simContext';

/**
 * Whether `broker` currently acts as a follower of `p` that knows the current epoch. (Its own
 * view only: whether the leader is serving is the leader's business, answered on arrival.)
 */
export function isCurrentFollower(ctx: SimContext, p: PartitionState, broker: number): boolean {
  const replica = replicaOf(p, broker);
  if (!replica || p.leader === null || p.leader === broker) return false;
  const state = brokerById(ctx.world, broker);
  return state?.state === 'running' && replica.appliedLeader === p.leader && replica.appliedEpoch === p.leaderEpoch;
}

/** Whether the partition's leader broker is up, reachable and acting as leader in this epoch. */
export function isServingLeader(ctx: SimContext, p: PartitionState): boolean {
  const leader = leaderReplica(p);
  if (!leader) return false;
  const state = brokerById(ctx.world, p.leader);
  return state?.state === 'running' && leader.appliedLeader === p.leader && leader.appliedEpoch === p.leaderEpoch;
}
