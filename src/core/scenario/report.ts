/**
 * Builds the runner's report (docs/scenario-format.md, "Report") from a world, every field in
 * the contract's order. Fields of mechanisms that have not landed yet are present and empty.
 */
import type { LogRecordReport, PartitionReport, Report } from '../model/report';
import type { LogRecord, PartitionState, ReplicaState, World } from '../model/world';
import { logEndOffset } from '../model/world';
import { leaderReplica, replicaOf } from '../simContext';
import { segmentsReport } from '../protocol/logLayout';
import { groupsReport } from '../protocol/groups/groupsReport';
import { producedFinal } from '../cloneWorld';

/**
 * Incremented whenever a change alters the outcome of an existing scenario (a rule, the random
 * generator, the order of its draws). Links and saved sessions record it.
 */
export const SEMANTICS_VERSION = 1;

/**
 * The entries a partition's replicas may share, by offset from `base` (the lowest first offset
 * among them): a replica's log is contiguous from its first offset (model/world.ts), so arrays
 * indexed by offset find a record's entry without hashing a map's worth of record objects.
 */
interface SharedEntries {
  readonly base: number;
  readonly records: LogRecord[];
  readonly entries: LogRecordReport[];
}

function sharedEntries(p: PartitionState): SharedEntries {
  let base = Infinity;
  for (const replica of p.replicaStates) if (replica.log.length > 0) base = Math.min(base, replica.log[0].offset);
  return { base, records: [], entries: [] };
}

/**
 * Each record with its batch's byte position in its segment (protocol/logLayout.ts). The log and
 * the segments both run in offset order, so one walk pairs them (no search per record).
 */
function logWithPositions(replica: ReplicaState, shared: SharedEntries): LogRecordReport[] {
  const segments = replica.layout.segments;
  let s = 0;
  return replica.log.map((record) => {
    while (s + 1 < segments.length && segments[s + 1].baseOffset <= record.offset) s++;
    const segment = segments[s];
    const i = record.offset - segment.baseOffset;
    const position = segment !== undefined && i >= 0 && i < segment.positions.length ? segment.positions[i] : -1;
    // A follower appends the leader's record itself (protocol/fetch.ts), mostly at the same
    // position: the replicas of a partition then share one entry, a third of the objects (and
    // of what the replay worker posts to the page).
    const k = record.offset - shared.base;
    const first = shared.records[k];
    if (first === record && shared.entries[k].position === position) return shared.entries[k];
    const entry = {
      offset: record.offset, leaderEpoch: record.leaderEpoch, step: record.step, index: record.index,
      key: record.key, value: record.value, position, sizeBytes: record.sizeBytes,
    };
    if (first === undefined) {
      shared.records[k] = record;
      shared.entries[k] = entry;
    }
    return entry;
  });
}

export function partitionReport(p: PartitionState): PartitionReport {
  // Without a leader, the HW its latest leader had (the CLI shows no leader then).
  const leader = leaderReplica(p) ?? replicaOf(p, p.lastLeader);
  const shared = sharedEntries(p);
  return {
    topic: p.topic,
    partition: p.partition,
    leader: p.leader,
    leaderEpoch: p.leaderEpoch,
    isr: [...p.isr],
    replicas: [...p.replicas],
    highWatermark: leader ? leader.highWatermark : 0,
    replicaStates: p.replicaStates.map((replica) => ({
      broker: replica.broker,
      logStartOffset: replica.logStartOffset,
      logEndOffset: logEndOffset(replica),
      highWatermark: replica.highWatermark,
      log: logWithPositions(replica, shared),
      epochCache: replica.epochCache.map(([epoch, start]) => [epoch, start] as [number, number]),
      segments: segmentsReport(replica.layout),
    })),
  };
}

export function buildReport(world: World): Report {
  return {
    version: 1,
    semantics: SEMANTICS_VERSION,
    timeMs: world.timeMs,
    brokers: world.brokers.map((b) => ({ id: b.id, state: b.state, fenced: b.fenced })),
    partitions: world.topics.flatMap((t) => t.partitions.map((p) => partitionReport(p))),
    // A final entry never changes again (cloneWorld.ts shares it with checkpoints the same way):
    // the report shares it rather than copying 100,000 of them after a burst.
    produced: world.produced.map((entry, i) => (producedFinal(world.recordBatches, world.producerBatches, i) ? entry : { ...entry })),
    groups: groupsReport(world),
    polled: world.groups.polled.map((entry) => ({
      step: entry.step, group: entry.group, member: entry.member,
      records: entry.records.map((r) => ({ topic: r.topic, partition: r.partition, offset: r.offset, key: r.key, value: r.value })),
    })),
    cli: world.cli.map((entry) => ({ ...entry })),
    stepErrors: world.stepErrors.map((e) => ({ ...e })),
    anomalies: world.anomalies.map((a) => ({ ...a })),
  };
}
