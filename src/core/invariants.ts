/**
 * Safety properties of the model, checked after every step in tests (and usable in dev builds).
 * Each returns the violations it finds as sentences; an empty list means the world is sound.
 *
 * - HW ≤ LEO on every replica.
 * - The leader is in the ISR.
 * - Once a serving leader knows every ISR member's LEO, its HW is their minimum.
 * - A serving leader's HW never decreases while it leads (checked across two worlds).
 * - With `healthy: true` (no failure steps), every ISR member's records below the leader's HW
 *   equal the leader's. Where Kafka's rules let that break (truncation to the HW, a lost unflushed
 *   tail, unclean election), the report's `replica-divergence` anomaly names it instead.
 */
import type { PartitionState, World } from './model/world';
import { logEndOffset } from './model/world';
import { allPartitions, followerView, leaderReplica, newContext, replicaOf } from './simContext';
import { isServingLeader } from './protocol/roles';

function serving(world: World, p: PartitionState): boolean {
  return isServingLeader(newContext(world), p);
}

function name(p: PartitionState): string {
  return `${p.topic}-${p.partition}`;
}

function checkPartition(world: World, p: PartitionState, healthy: boolean): string[] {
  const problems: string[] = [];
  for (const replica of p.replicaStates) {
    if (replica.highWatermark > logEndOffset(replica)) {
      problems.push(`${name(p)} on broker ${replica.broker}: HW ${replica.highWatermark} > LEO ${logEndOffset(replica)}`);
    }
  }
  const leader = leaderReplica(p);
  if (p.leader === null || !leader) return problems;
  if (!p.isr.includes(p.leader)) problems.push(`${name(p)}: leader ${p.leader} is not in the ISR [${p.isr}]`);
  if (!serving(world, p)) return problems;
  const known = p.isr.filter((b) => b !== p.leader).map((b) => followerView(p, b)?.logEndOffset ?? -1);
  if (known.every((leo) => leo >= 0)) {
    const minimum = Math.min(logEndOffset(leader), ...known);
    if (leader.highWatermark !== minimum) {
      problems.push(`${name(p)}: leader HW ${leader.highWatermark} is not the minimum ISR LEO ${minimum}`);
    }
  }
  if (!healthy) return problems;
  for (const member of p.isr) {
    const replica = replicaOf(p, member);
    if (!replica || member === p.leader) continue;
    const upTo = Math.min(leader.highWatermark, logEndOffset(replica));
    for (let offset = 0; offset < upTo; offset++) {
      if (replica.log[offset] !== leader.log[offset] && JSON.stringify(replica.log[offset]) !== JSON.stringify(leader.log[offset])) {
        problems.push(`${name(p)}: ISR member ${member} differs from leader ${p.leader} at offset ${offset} below the HW`);
        break;
      }
    }
  }
  return problems;
}

export function checkInvariants(world: World, options: { healthy?: boolean } = {}): string[] {
  const problems: string[] = [];
  for (const p of allPartitions(world)) problems.push(...checkPartition(world, p, options.healthy ?? false));
  return problems;
}

/** The leader's HW never decreases while the same broker leads in the same epoch. */
export function checkHighWatermarkMonotonic(before: World, after: World): string[] {
  const problems: string[] = [];
  const earlier = [...allPartitions(before)];
  for (const [i, p] of [...allPartitions(after)].entries()) {
    const q = earlier[i];
    if (!q || q.leader !== p.leader || q.leaderEpoch !== p.leaderEpoch || !serving(before, q) || !serving(after, p)) continue;
    const was = leaderReplica(q)?.highWatermark ?? 0;
    const now = leaderReplica(p)?.highWatermark ?? 0;
    if (now < was) problems.push(`${name(p)}: leader HW fell from ${was} to ${now}`);
  }
  return problems;
}
