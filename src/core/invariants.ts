/**
 * Safety properties of the model, checked after every step in tests (and usable in dev builds).
 * Each returns the violations it finds as sentences; an empty list means the world is sound.
 *
 * - HW ≤ LEO on every replica.
 * - The leader is in the ISR.
 * - Once a serving leader knows every ISR member's LEO, its HW is at most their minimum (not
 *   always equal: a follower outside the ISR may hold it back, and 2.8 does not recompute it when
 *   its own ISR shrink commits, KAFKA-13091).
 * - A serving leader's HW never decreases while it leads (checked across two worlds).
 * - The producer keeps at most `max.in.flight.requests.per.connection` requests unanswered per
 *   leader broker; a batch of more than one record stays within `batch.size`; a log ends with a
 *   whole batch.
 * - With `healthy: true` (no failure steps), every ISR member's records below the leader's HW
 *   equal the leader's. Where Kafka's rules let that break (truncation to the HW, a lost unflushed
 *   tail, unclean election), the report's `replica-divergence` anomaly names it instead.
 */
import type { PartitionState, World } from './model/world';
import { firstOffset, logEndOffset, recordAt } from './model/world';
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
    // `UnifiedLog`: segments start at or below the log start offset, which never passes the HW.
    if (firstOffset(replica) > replica.logStartOffset || replica.logStartOffset > replica.highWatermark) {
      problems.push(`${name(p)} on broker ${replica.broker}: first segment ${firstOffset(replica)}, log start ${replica.logStartOffset}, HW ${replica.highWatermark} out of order`);
    }
    if (replica.epochCache.length > 0 && replica.epochCache[0][1] < replica.logStartOffset) {
      problems.push(`${name(p)} on broker ${replica.broker}: epoch cache starts at ${replica.epochCache[0][1]}, below the log start ${replica.logStartOffset}`);
    }
  }
  const leader = leaderReplica(p);
  if (p.leader === null || !leader) return problems;
  if (!p.isr.includes(p.leader)) problems.push(`${name(p)}: leader ${p.leader} is not in the ISR [${p.isr}]`);
  if (!serving(world, p)) return problems;
  const known = p.isr.filter((b) => b !== p.leader).map((b) => followerView(p, b)?.logEndOffset ?? -1);
  if (known.every((leo) => leo >= 0)) {
    const minimum = Math.min(logEndOffset(leader), ...known);
    if (leader.highWatermark > minimum) {
      problems.push(`${name(p)}: leader HW ${leader.highWatermark} is above the minimum ISR LEO ${minimum}`);
    }
  }
  if (!healthy) return problems;
  for (const member of p.isr) {
    const replica = replicaOf(p, member);
    if (!replica || member === p.leader) continue;
    const upTo = Math.min(leader.highWatermark, logEndOffset(replica));
    for (let offset = Math.max(leader.logStartOffset, replica.logStartOffset); offset < upTo; offset++) {
      const mine = recordAt(replica, offset);
      const leaders = recordAt(leader, offset);
      if (mine !== leaders && JSON.stringify(mine) !== JSON.stringify(leaders)) {
        problems.push(`${name(p)}: ISR member ${member} differs from leader ${p.leader} at offset ${offset} below the HW`);
        break;
      }
    }
  }
  return problems;
}

function checkProducers(world: World): string[] {
  const problems: string[] = [];
  const { config } = world.settings.producer;
  world.producers.forEach((producer, i) => {
    for (const window of producer.windows) {
      const unanswered = world.producerRequests.filter((r) => r.producer === i && r.broker === window.broker).length;
      if (producer.acks !== 0 && unanswered !== window.inFlight) problems.push(`producer ${i}: ${unanswered} requests to broker ${window.broker} but the window counts ${window.inFlight}`);
      if (unanswered > config['max.in.flight.requests.per.connection']) problems.push(`producer ${i}: ${unanswered} requests in flight to broker ${window.broker}`);
    }
  });
  for (const batch of world.producerBatches) {
    if (batch.phase !== 'done' && batch.records.length > 1 && batch.sizeBytes > config['batch.size']) problems.push(`batch ${batch.id}: ${batch.sizeBytes} bytes > batch.size`);
  }
  return problems;
}

/** Cheap per step: each replica's log ends with a whole batch whose records agree. */
function checkLogBatches(p: PartitionState): string[] {
  for (const replica of p.replicaStates) {
    const last = replica.log[replica.log.length - 1];
    if (!last) continue;
    const first = recordAt(replica, last.baseOffset);
    if (last.lastOffset !== last.offset || !first || first.lastOffset !== last.lastOffset || first.sizeBytes !== last.sizeBytes || first.leaderEpoch !== last.leaderEpoch) {
      return [`${name(p)} on broker ${replica.broker}: the log does not end with a whole batch`];
    }
  }
  return [];
}

export function checkInvariants(world: World, options: { healthy?: boolean } = {}): string[] {
  const problems: string[] = [];
  for (const p of allPartitions(world)) problems.push(...checkPartition(world, p, options.healthy ?? false), ...checkLogBatches(p));
  problems.push(...checkProducers(world));
  return problems;
}

/** The leader's HW never decreases while the same broker leads in the same epoch. */
export function checkHighWatermarkMonotonic(before: World, after: World): string[] {
  const problems: string[] = [];
  // By name: topics created at run time (`__consumer_offsets`) shift the positions of others.
  const earlier = new Map([...allPartitions(before)].map((q) => [`${q.topic}\u0000${q.partition}`, q]));
  for (const p of allPartitions(after)) {
    const q = earlier.get(`${p.topic}\u0000${p.partition}`);
    if (!q || q.leader !== p.leader || q.leaderEpoch !== p.leaderEpoch || !serving(before, q) || !serving(after, p)) continue;
    const was = leaderReplica(q)?.highWatermark ?? 0;
    const now = leaderReplica(p)?.highWatermark ?? 0;
    if (now < was) problems.push(`${name(p)}: leader HW fell from ${was} to ${now}`);
  }
  return problems;
}
