/**
 * What the console consumer's `KafkaConsumer` reads within one `cli` step, and what it commits
 * when it closes (2.8.2/3.6.2 `KafkaConsumer.poll`, `Fetcher`, `SubscriptionState`,
 * `ConsumerCoordinator.maybeAutoCommitOffsetsSync`; `ConsoleConsumer.ConsumerWrapper`).
 *
 * - `--partition` assigns that one partition and seeks (earliest: the log start offset; latest:
 *   the HW, as ListOffsets answers a read_uncommitted client; a number: that offset). Otherwise it
 *   subscribes to the topic (or the topics `--include`/`--whitelist` matches, internal topics
 *   excluded) and gets every partition: the step cannot wait for a rebalance, so the console
 *   consumer reads as the only consumer of its group (a stated simplification; see below).
 * - A partition without a position starts at the group's committed offset, else by
 *   `auto.offset.reset`; a position below the log start
 *   offset or past the LEO is OFFSET_OUT_OF_RANGE and resets the same way; `none` fails instead.
 * - Each partition yields its leader's records from the position up to the HW. The order: one
 *   fetch per leader broker, in the order the assigned partitions first name each leader, each
 *   response's partitions in assignment order (`Fetcher.prepareFetchRequests`, responses taken as
 *   arriving in the order sent); `max.poll.records` records per poll. Real fetches also stop at
 *   `max.partition.fetch.bytes` (1 MiB) per partition and arrive in network order: not modelled.
 * - On close, with a group and `enable.auto.commit`, the positions are committed: 2.8 commits the
 *   position after everything the last poll returned, even records `--max-messages` left
 *   unprinted; 3.6 first seeks back to the first unprinted record of each partition
 *   (`ConsumerWrapper.resetUnconsumedOffsets`: in 3.6.2, not in 2.8.2). The commit is the one a consumer outside
 *   the group's generation sends (no member id, generation -1): accepted while the group is Empty
 *   (creating it if new), refused UNKNOWN_MEMBER_ID when it has members (then the real console
 *   consumer would have joined and shared the partitions). Without `--partition` the
 *   consumer finds its group's coordinator (creating `__consumer_offsets`) and the group exists
 *   afterwards, Empty, as Kafka's coordinator keeps it; a generated group (`console-consumer-N`,
 *   auto commit off) has no offsets (Kafka removes such a group at its next offsets cleanup,
 *   which the model does not run).
 */
import type { ReplicaState } from '../model/world';
import type { SimContext } from '../simContext';
import { findTopic } from '../simContext';
import { logEndOffset } from '../model/world';
import { commitOffsets, servingLeader } from '../protocol/groups/consumerClient';
import { recordAt } from '../model/world';
import { fetchableOffsets, findCoordinator } from '../protocol/groups/groupAdmin';
import { coordinatorFor } from '../protocol/groups/groupCoordinator';
import { isInternalTopic } from '../protocol/groups/offsetsTopic';
import { compareJavaStrings } from '../protocol/groups/topicPartition';
import type { FormattedRecord } from './messageFormatter';
import { JavaException } from './javaException';

export interface ConsumerSetup {
  era: 'kraft' | 'zookeeper';
  topic: string | null;
  include: string | null;
  partition: number | null;
  offset: 'earliest' | 'latest' | number;
  fromBeginning: boolean;
  group: string;
  groupPassed: boolean;
  extra: Map<string, string>;
  /** -1: no limit. */
  maxMessages: number;
}

interface Assigned {
  tp: string;
  topic: string;
  partition: number;
  leader: ReplicaState | undefined;
  leaderId: number | null;
}

const TIMEOUT = new JavaException('org.apache.kafka.common.errors.TimeoutException', '');
TIMEOUT.toString = () => 'org.apache.kafka.common.errors.TimeoutException';

/** `Pattern.compile(regex).matcher(topic).matches()`, with JavaScript's regex dialect (close to Java's for topic names). */
function matching(ctx: SimContext, regex: string): string[] {
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${regex})$`, 'u');
  } catch {
    return [];
  }
  return ctx.world.topics.filter((t) => !isInternalTopic(t.name) && re.test(t.name)).map((t) => t.name);
}

function assignment(ctx: SimContext, setup: ConsumerSetup): Assigned[] {
  const pairs: [string, number][] = [];
  if (setup.partition !== null && setup.topic !== null) {
    const t = findTopic(ctx.world, setup.topic);
    if (t && setup.partition < t.partitions.length) pairs.push([setup.topic, setup.partition]);
  } else {
    const topics = setup.topic !== null ? (findTopic(ctx.world, setup.topic) ? [setup.topic] : []) : matching(ctx, setup.include ?? '');
    for (const name of [...topics].sort(compareJavaStrings)) {
      const t = findTopic(ctx.world, name);
      t?.partitions.forEach((p) => pairs.push([name, p.partition]));
    }
  }
  return pairs.map(([topic, partition]) => {
    const p = findTopic(ctx.world, topic)!.partitions[partition];
    const leader = servingLeader(ctx, p);
    return { tp: `${topic}-${partition}`, topic, partition, leader, leaderId: leader ? p.leader : null };
  });
}

export interface ConsumeResult {
  records: FormattedRecord[];
  /** What ended `process` early (`TimeoutException` when nothing more came), or null at --max-messages. */
  failure: JavaException | null;
}

export function consume(ctx: SimContext, setup: ConsumerSetup, reset: 'earliest' | 'latest' | 'none'): ConsumeResult {
  if (setup.maxMessages === 0) return { records: [], failure: null };
  // subscribe() needs the group's coordinator (FindCoordinator creates __consumer_offsets); assign() does not.
  const usesGroup = setup.partition === null;
  if (usesGroup && (findCoordinator(ctx, setup.group) === null || typeof coordinatorFor(ctx, setup.group, true) === 'string')) {
    return { records: [], failure: TIMEOUT }; // no coordinator: it waits
  }
  const assigned = assignment(ctx, setup);
  const committed = usesGroup ? fetchableOffsets(ctx, setup.group) : {};
  const positions: Record<string, number> = {};
  const resetTo = (a: Assigned): number | null => (!a.leader ? null : reset === 'earliest' ? a.leader.logStartOffset : reset === 'latest' ? a.leader.highWatermark : null);
  const undefinedOffsets: string[] = [];
  const outOfRange: string[] = [];
  for (const a of assigned) {
    let position: number | null;
    if (setup.partition !== null) {
      position = setup.offset === 'earliest' ? (a.leader ? a.leader.logStartOffset : null)
        : setup.offset === 'latest' ? (a.leader ? a.leader.highWatermark : null) : setup.offset;
    } else if (committed[a.tp] !== undefined) position = committed[a.tp];
    else {
      if (reset === 'none') undefinedOffsets.push(a.tp);
      position = resetTo(a);
    }
    if (position !== null && a.leader && (position < a.leader.logStartOffset || position > logEndOffset(a.leader))) {
      if (reset === 'none') outOfRange.push(`${a.tp}=${position}`);
      position = resetTo(a);
    }
    if (position !== null) positions[a.tp] = position;
  }
  if (undefinedOffsets.length > 0) {
    return { records: [], failure: new JavaException('org.apache.kafka.clients.consumer.NoOffsetForPartitionException', `Undefined offset with no reset policy for partitions: [${undefinedOffsets.join(', ')}]`) };
  }
  if (outOfRange.length > 0) {
    return { records: [], failure: new JavaException('org.apache.kafka.clients.consumer.OffsetOutOfRangeException', `Offsets out of range with no configured reset policy for partitions: {${outOfRange.join(', ')}}`) };
  }
  // One fetch per leader, in the order the assignment first names it; partitions in assignment order.
  const leaders = [...new Set(assigned.filter((a) => a.leader).map((a) => a.leaderId))];
  const ordered = leaders.flatMap((id) => assigned.filter((a) => a.leader && a.leaderId === id));
  const readable: (FormattedRecord & { tp: string })[] = [];
  for (const a of ordered) {
    const start = positions[a.tp];
    if (start === undefined || !a.leader) continue;
    for (let offset = start; offset < a.leader.highWatermark; offset++) {
      const r = recordAt(a.leader, offset);
      if (!r) break;
      readable.push({ tp: a.tp, partition: a.partition, offset, timestamp: r.timestampMs, key: r.key, value: r.value });
    }
  }
  const limit = setup.maxMessages < 0 ? readable.length : Math.min(setup.maxMessages, readable.length);
  const records = readable.slice(0, limit);
  // The positions when the consumer closes: 3.6 after what was printed, 2.8 after the last poll's records.
  const maxPoll = Number(setup.extra.get('max.poll.records') ?? 500);
  const polledUpTo = setup.era === 'kraft' ? limit : Math.min(readable.length, Math.ceil(limit / maxPoll) * maxPoll);
  for (const r of readable.slice(0, polledUpTo)) positions[r.tp] = r.offset + 1;
  // A generated group gets enable.auto.commit=false unless a property says otherwise.
  const autoCommit = (setup.extra.get('enable.auto.commit') ?? String(setup.groupPassed)).trim().toLowerCase() === 'true';
  if (usesGroup) ctx.events.push({ type: 'group-admin', atMs: ctx.world.timeMs, group: setup.group, action: 'console-consumer', offsets: autoCommit ? { ...positions } : {} });
  if (usesGroup && autoCommit && Object.keys(positions).length > 0) {
    const clientId = setup.extra.get('client.id') ?? (setup.era === 'kraft' ? 'console-consumer' : `consumer-${setup.group}-1`);
    commitOffsets(ctx, { group: setup.group, member: clientId, memberId: null, generation: -1, storage: 'kafka' }, positions);
  }
  return { records: records.map(({ tp: _tp, ...r }) => r), failure: limit === setup.maxMessages ? null : TIMEOUT };
}
