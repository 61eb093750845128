/**
 * `auto.leader.rebalance.enable`: leadership moves back to each partition's preferred (first)
 * replica, as each era's controller schedules it (docs/scenario-format.md, "Controller"), with
 * `leader.imbalance.check.interval.seconds` as the interval.
 *
 * - `zookeeper` (2.8 `KafkaController`): `onControllerFailover` schedules the check 5 s after the
 *   controller starts (`scheduleAutoLeaderRebalanceTask(delay = 5)`), and each check schedules the
 *   next one an interval later (`processAutoPreferredReplicaLeaderElection`, in its `finally`).
 *   `checkAndTriggerAutoLeaderRebalance` groups the partitions by preferred replica; a broker whose
 *   share of them not led by it (a leaderless partition included: its leader -1 is not the broker)
 *   exceeds `leader.imbalance.per.broker.percentage` gets back those whose preferred replica is
 *   live and in the ISR (`canPreferredReplicaBeLeader`).
 * - `kraft` (3.6 `QuorumController.maybeScheduleNextBalancePartitionLeaders`, run after every
 *   controller write): no percentage. While some partition is not led by its preferred replica
 *   (`imbalancedPartitions`, a leaderless one included: `hasPreferredLeader` is `leader ==
 *   replicas[0]`) and no balance is scheduled, one is scheduled an interval later. It runs
 *   `ReplicationControlManager.maybeBalancePartitionLeaders`: a preferred election
 *   (`PartitionChangeBuilder.electPreferredLeader`) for each such partition, at most
 *   `MAX_ELECTIONS_PER_IMBALANCE` (1,000) changes a run; when more partitions wait it runs again
 *   10 ms later, otherwise, if imbalance remains, an interval later.
 */
import type { PartitionState } from '../model/world';
import { allPartitions, type SimContext } from '../simContext';
import { schedule } from '../time/eventQueue';
import { decide, isAvailable } from './controller';

/** 2.8's first check after the controller starts (`onControllerFailover`). */
export const ZOOKEEPER_FIRST_CHECK_MS = 5000;
/** 3.6 `ReplicationControlManager.MAX_ELECTIONS_PER_IMBALANCE`. */
export const MAX_ELECTIONS_PER_IMBALANCE = 1000;
/** 3.6: a balance that stopped at the limit runs again this much later (`ImbalanceSchedule.IMMEDIATELY`). */
const IMMEDIATE_DELAY_MS = 10;

function intervalMs(ctx: SimContext): number {
  return ctx.world.settings.cluster.config['leader.imbalance.check.interval.seconds'] * 1000;
}

function enabled(ctx: SimContext): boolean {
  return ctx.world.settings.cluster.config['auto.leader.rebalance.enable'];
}

const hasPreferredLeader = (p: PartitionState) => p.leader === p.replicas[0];

/** At the controller's start: 2.8 schedules its first check; 3.6 waits for an imbalance. */
export function startLeaderBalance(ctx: SimContext): void {
  if (!enabled(ctx) || ctx.world.settings.cluster.metadata === 'kraft') return;
  schedule(ctx.world.queue, ctx.world.timeMs + ZOOKEEPER_FIRST_CHECK_MS, { type: 'leader-rebalance' });
}

/** The `leader-rebalance` timer fired: the era's check, then its next schedule. */
export function onLeaderBalanceTimer(ctx: SimContext): void {
  if (ctx.world.settings.cluster.metadata === 'zookeeper') {
    checkAndTriggerAutoLeaderRebalance(ctx);
    schedule(ctx.world.queue, ctx.world.timeMs + intervalMs(ctx), { type: 'leader-rebalance' });
    return;
  }
  const stoppedAtLimit = maybeBalancePartitionLeaders(ctx);
  if (stoppedAtLimit) schedule(ctx.world.queue, ctx.world.timeMs + IMMEDIATE_DELAY_MS, { type: 'leader-rebalance' });
  else scheduleIfImbalanced(ctx);
}

/**
 * 3.6: after a step or timed event whose controller decisions left a partition without its
 * preferred leader, a balance is scheduled an interval later unless one already is.
 */
export function afterControllerWrite(ctx: SimContext): void {
  if (!ctx.leadershipImbalanced) return;
  ctx.leadershipImbalanced = false;
  if (ctx.world.settings.cluster.metadata !== 'kraft') return;
  if (ctx.world.queue.heap.some((q) => q.event.type === 'leader-rebalance')) return;
  scheduleIfImbalanced(ctx);
}

function scheduleIfImbalanced(ctx: SimContext): void {
  if (!enabled(ctx)) return;
  for (const p of allPartitions(ctx.world)) {
    if (hasPreferredLeader(p)) continue;
    schedule(ctx.world.queue, ctx.world.timeMs + intervalMs(ctx), { type: 'leader-rebalance' });
    return;
  }
}

/** The preferred replica can lead: live and in the ISR (2.8 `canPreferredReplicaBeLeader`, 3.6 `isValidNewLeader`). */
function preferredCanLead(ctx: SimContext, p: PartitionState): boolean {
  const preferred = p.replicas[0];
  return p.isr.includes(preferred) && isAvailable(ctx, preferred, null);
}

/** 2.8 `checkAndTriggerAutoLeaderRebalance`: per preferred broker, moves only above the percentage. */
function checkAndTriggerAutoLeaderRebalance(ctx: SimContext): void {
  const threshold = ctx.world.settings.cluster.config['leader.imbalance.per.broker.percentage'] / 100;
  const byPreferred = new Map<number, PartitionState[]>();
  for (const p of allPartitions(ctx.world)) {
    const list = byPreferred.get(p.replicas[0]);
    if (list) list.push(p);
    else byPreferred.set(p.replicas[0], [p]);
  }
  for (const broker of [...byPreferred.keys()].sort((a, b) => a - b)) {
    const preferred = byPreferred.get(broker) ?? [];
    const notLed = preferred.filter((p) => !hasPreferredLeader(p));
    if (notLed.length / preferred.length <= threshold) continue;
    for (const p of notLed) {
      if (preferredCanLead(ctx, p)) decide(ctx, p, broker, [...p.isr], false, 'rebalance');
    }
  }
}

/**
 * 3.6 `maybeBalancePartitionLeaders` over the imbalanced partitions (in topic and partition
 * order: Kafka iterates a hash set). Returns whether it stopped at the limit with partitions left.
 */
function maybeBalancePartitionLeaders(ctx: SimContext): boolean {
  let changes = 0;
  for (const p of [...allPartitions(ctx.world)]) {
    if (hasPreferredLeader(p)) continue;
    if (changes >= MAX_ELECTIONS_PER_IMBALANCE) return true;
    const leader = electPreferredLeader(ctx, p);
    if (leader === p.leader) continue;
    decide(ctx, p, leader, [...p.isr], false, 'rebalance');
    changes += 1;
  }
  return false;
}

/**
 * 3.6 `PartitionChangeBuilder.electPreferredLeader`: the preferred replica if it can lead; else the
 * current leader if it still can; else the first other replica that can; else no leader.
 */
function electPreferredLeader(ctx: SimContext, p: PartitionState): number | null {
  const canLead = (b: number | null) => b !== null && p.isr.includes(b) && isAvailable(ctx, b, null);
  if (preferredCanLead(ctx, p)) return p.replicas[0];
  if (canLead(p.leader)) return p.leader;
  return p.replicas.slice(1).find(canLead) ?? null;
}
