/**
 * What a student should notice (docs/scenario-format.md, Report `anomalies`), found by checking
 * the run against its safety properties after every step and every event of a `run`:
 *
 * - `acknowledged-record-lost`: a record whose producer got a success (acks 1 or all) is missing
 *   from its partition's leader's log. It can only start being true when a leader's log is
 *   truncated or the leader changes, so only those partitions are checked.
 * - `replica-divergence`: an ISR member holds, below the leader's HW, a record that differs from
 *   the leader's at that offset (Kafka's promise that every ISR member has the committed log).
 *   Checked incrementally: each replica remembers up to where it was found equal.
 *
 * Each anomaly is listed once, when first found.
 */
import type { AnomalyReport } from './model/report';
import type { LogRecord, PartitionState, ReplicaState } from './model/world';
import { logEndOffset, recordAt } from './model/world';
import { findTopic, getPartition, leaderReplica, type SimContext } from './simContext';

function sameRecord(a: LogRecord | undefined, b: LogRecord | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.step === b.step && a.index === b.index && a.leaderEpoch === b.leaderEpoch);
}

function report(ctx: SimContext, anomaly: AnomalyReport): void {
  const known = ctx.world.anomalies.some((a) => a.type === anomaly.type && a.topic === anomaly.topic
    && a.partition === anomaly.partition && a.offset === anomaly.offset && a.broker === anomaly.broker);
  if (known) return;
  ctx.world.anomalies.push(anomaly);
  ctx.events.push({ type: 'anomaly', atMs: ctx.world.timeMs, anomaly: anomaly.type, topic: anomaly.topic, partition: anomaly.partition, offset: anomaly.offset });
}

function checkAcknowledgedRecords(ctx: SimContext, p: PartitionState): void {
  const leader = leaderReplica(p);
  if (!leader) return;
  // Records produced before this topic was created went to an earlier topic of the same name.
  const createdAt = findTopic(ctx.world, p.topic)?.createdAtProduced ?? 0;
  for (let i = createdAt; i < ctx.world.produced.length; i++) {
    const produced = ctx.world.produced[i];
    if (!produced.acked || produced.acks === 0 || produced.offset === null || produced.offset < 0) continue;
    if (produced.topic !== p.topic || produced.partition !== p.partition) continue;
    // Below the log start offset retention deleted it: not lost (Retention).
    if (produced.offset < leader.logStartOffset) continue;
    const held = recordAt(leader, produced.offset);
    if (!held || held.step !== produced.step || held.index !== produced.index) {
      report(ctx, { type: 'acknowledged-record-lost', topic: p.topic, partition: p.partition, offset: produced.offset });
    }
  }
}

function checkDivergence(ctx: SimContext, p: PartitionState): void {
  const leader = leaderReplica(p);
  if (!leader) return;
  for (const replica of p.replicaStates) {
    if (replica === leader || !p.isr.includes(replica.broker)) continue;
    const upTo = Math.min(leader.highWatermark, logEndOffset(replica), logEndOffset(leader));
    // Records below either log start offset are gone or going by retention, never diverged.
    let offset = Math.max(replica.verifiedUpTo, leader.logStartOffset, replica.logStartOffset);
    while (offset < upTo && sameRecord(recordAt(replica, offset), recordAt(leader, offset))) offset++;
    replica.verifiedUpTo = offset;
    if (offset < upTo) {
      report(ctx, { type: 'replica-divergence', topic: p.topic, partition: p.partition, offset, broker: replica.broker });
    }
  }
}

/**
 * `duplicate-record`: a resend appended a record whose (step, index) the leader's log already
 * holds at another offset (acks=all without idempotence, the study notes' warning).
 */
export function reportDuplicate(ctx: SimContext, p: PartitionState, leader: ReplicaState, record: LogRecord): void {
  const earlier = leader.log.find((r) => r.step === record.step && r.index === record.index);
  if (earlier) report(ctx, { type: 'duplicate-record', topic: p.topic, partition: p.partition, offset: record.offset });
}

/**
 * `consumer-saw-record-later-lost`: a record some consumer polled (always from below a leader's
 * HW) is no longer at its offset on the partition's leader (an unclean election, a lost unflushed
 * tail, truncation to the HW before 0.11).
 */
function checkPolledRecords(ctx: SimContext, p: PartitionState): void {
  const leader = leaderReplica(p);
  if (!leader || ctx.world.groups.polled.length === 0) return;
  for (const entry of ctx.world.groups.polled) {
    for (const seen of entry.records) {
      // Deleted by retention since (below the log start offset) is not lost.
      if (seen.topic !== p.topic || seen.partition !== p.partition || seen.offset < leader.logStartOffset) continue;
      const held = recordAt(leader, seen.offset);
      if (!held || held.step !== seen.producedStep || held.index !== seen.producedIndex) {
        report(ctx, { type: 'consumer-saw-record-later-lost', topic: p.topic, partition: p.partition, offset: seen.offset });
      }
    }
  }
}

/** Runs the checks; the events seen since the last call say which partitions can have lost records. */
export function detectAnomalies(ctx: SimContext): void {
  // Runs after every event: nothing is allocated unless a partition changed leader or truncated.
  let touched: Set<PartitionState> | null = null;
  for (let i = ctx.eventsChecked ?? 0; i < ctx.events.length; i++) {
    const event = ctx.events[i];
    if (event.type === 'leader-change' || event.type === 'truncate') (touched ??= new Set()).add(getPartition(ctx.world, event.topic, event.partition));
  }
  ctx.eventsChecked = ctx.events.length;
  if (touched) {
    for (const p of touched) {
      checkAcknowledgedRecords(ctx, p);
      checkPolledRecords(ctx, p);
    }
  }
  for (const topic of ctx.world.topics) for (const p of topic.partitions) checkDivergence(ctx, p);
}
