/**
 * How a broker applies the controller's decisions for a partition (Kafka's `Partition.makeLeader`
 * and `makeFollower`, driven by LeaderAndIsr in 2.8 and metadata records in 3.6). Decisions reach
 * every broker that is up and reachable at the instant they are made; an isolated or crashed
 * broker applies them when it comes back.
 */
import type { PartitionState, ReplicaState } from '../model/world';
import { logEndOffset } from '../model/world';
import { brokerById, replicaOf, type SimContext } from '../simContext';
import { refreshFollowerViews, resetFollowerViews } from './inSyncReplicas';
import { assignEpoch } from './leaderEpochCache';
import { abandonDelayedProduces, raiseHighWatermark } from './produce';
import { takeAnswers } from './producerClient';
import { latestCachedEpoch, truncateTo } from './truncation';
import { startFollowing } from './replicationSession';

/**
 * The broker takes the leader epoch `p.leaderEpoch` as leader. A new leader forgets its
 * followers' LEOs; one that only takes a new epoch keeps them. Either way the followers'
 * caught-up times are reset (`resetReplicaState`), the epoch starts at its LEO and (leader-epoch
 * mode) the cache gets `[epoch, LEO]`.
 */
function makeLeader(ctx: SimContext, p: PartitionState, replica: ReplicaState): void {
  const now = ctx.world.timeMs;
  const isNewLeader = replica.appliedLeader !== replica.broker || replica.appliedEpoch < 0;
  const leo = logEndOffset(replica);
  if (isNewLeader) {
    resetFollowerViews(p, now);
    for (const r of p.replicaStates) r.verifiedUpTo = 0;
  } else {
    refreshFollowerViews(ctx, p, leo);
  }
  p.leaderEpochStartOffset = leo;
  if (ctx.world.settings.cluster.truncation === 'leader-epoch') assignEpoch(replica.epochCache, p.leaderEpoch, leo);
  replica.appliedLeader = replica.broker;
  replica.appliedEpoch = p.leaderEpoch;
  takeAnswers(ctx, raiseHighWatermark(ctx, p));
}

/**
 * The broker follows `p.leader`. In `high-watermark` mode a replica that becomes a follower (a
 * new leader, or its first decision after a restart) truncates to its own HW at once.
 */
function makeFollower(ctx: SimContext, p: PartitionState, replica: ReplicaState): void {
  const wasLeader = replica.appliedLeader === replica.broker && replica.appliedEpoch >= 0;
  const leaderChanged = replica.appliedLeader !== p.leader || replica.appliedEpoch < 0;
  if (wasLeader) takeAnswers(ctx, abandonDelayedProduces(ctx, p, replica.broker));
  if (leaderChanged && ctx.world.settings.cluster.truncation === 'high-watermark') {
    truncateTo(ctx, p, replica, replica.highWatermark, 'high-watermark');
  }
  replica.appliedLeader = p.leader;
  replica.appliedEpoch = p.leaderEpoch;
  // A new leader epoch re-adds the partition to the fetcher (`AbstractFetcherThread.addPartitions`),
  // whose first fetch carries the latest epoch of the replica's own cache.
  replica.lastFetchedEpoch = ctx.world.settings.cluster.truncation === 'leader-epoch' ? latestCachedEpoch(replica) : null;
  if (p.leader !== null && leaderChanged) startFollowing(ctx, replica.broker, p.leader);
}

/** A broker that is up applies the current leadership of every partition it has a replica of. */
export function applyMetadata(ctx: SimContext, broker: number): void {
  const state = brokerById(ctx.world, broker);
  if (!state || state.state !== 'running') return;
  for (const topic of ctx.world.topics) {
    for (const p of topic.partitions) applyPartitionMetadata(ctx, p, broker);
  }
}

export function applyPartitionMetadata(ctx: SimContext, p: PartitionState, broker: number): void {
  const replica = replicaOf(p, broker);
  const state = brokerById(ctx.world, broker);
  if (!replica || !state || state.state !== 'running') return;
  if (replica.appliedEpoch === p.leaderEpoch && replica.appliedLeader === p.leader) {
    // Same leadership, perhaps a smaller ISR it had not heard of (KRaft ISR changes keep the epoch).
    if (p.leader === broker) takeAnswers(ctx, raiseHighWatermark(ctx, p));
    return;
  }
  if (p.leader === broker) makeLeader(ctx, p, replica);
  else if (p.leader !== null) makeFollower(ctx, p, replica);
  else {
    // No leader: an old leader that is up stops leading; nobody fetches.
    if (replica.appliedLeader === broker && replica.appliedEpoch >= 0) takeAnswers(ctx, abandonDelayedProduces(ctx, p, broker));
    replica.appliedLeader = null;
    replica.appliedEpoch = p.leaderEpoch;
  }
}

/** After a controller decision on `p`: every broker that is up applies it at once. */
export function publishPartition(ctx: SimContext, p: PartitionState): void {
  // The leader first, so followers that start fetching at once find it leading.
  if (p.leader !== null) applyPartitionMetadata(ctx, p, p.leader);
  const followers = p.replicas.filter((b) => b !== p.leader).sort((a, b) => a - b); // sends go in broker-id order
  for (const broker of followers) applyPartitionMetadata(ctx, p, broker);
}
