/**
 * `kafka-consumer-groups.sh --reset-offsets` (`ConsumerGroupService.resetOffsets`,
 * `prepareOffsetsToReset`, `checkOffsetsRange`, `printOffsetsToReset`; 3.6.2 and 2.8.2
 * `ConsumerGroupCommand.scala`). Only an inactive group (Empty, or Dead: unknown) can be reset;
 * otherwise "Error: Assignments can only be reset if the group 'G' is inactive, but the current
 * state is S." and an empty plan (whose header Kafka still prints). `--execute` commits the plan
 * with AlterConsumerGroupOffsets (groupAdmin.ts); without it the plan is only shown.
 *
 * Scopes: `--all-topics` (the group's committed partitions), `--topic t` (every partition of t) or
 * `--topic t:0,2`. Scenarios: `--to-earliest` (log start offset), `--to-latest` (the HW, as
 * ListOffsets answers a read_uncommitted client), `--to-offset n`, `--shift-by n` (from the
 * committed offset), `--to-current`, each clamped to [log start, HW] with Kafka's WARN. The
 * timestamp scenarios (`--to-datetime`, `--by-duration`) and `--from-file`/`--export` are not
 * modelled: the tool says so and changes nothing.
 */
import type { ToolRun } from './cliOutput';
import type { ParsedOptions } from './optionParser';
import { logLine } from './cliOutput';
import { JavaException, kafkaError } from './javaException';
import { findTopic } from '../simContext';
import { alterGroupOffsets, describeGroup } from '../protocol/groups/groupAdmin';
import { servingLeader } from '../protocol/groups/consumerClient';
import { parseTopicPartition } from '../protocol/groups/topicPartition';
import { col, logEndOffsetOf, printError } from './consumerGroupDescribe';

/** Thrown for Kafka's `IllegalArgumentException`s and `printUsageAndExit` calls inside `run`. */
export class UsageError extends Error {}

const LOGGER = 'kafka.admin.ConsumerGroupCommand$';

function logStartOf(run: ToolRun, tp: string): number | null {
  const { topic, partition } = parseTopicPartition(tp);
  const p = findTopic(run.ctx.world, topic)?.partitions[partition];
  const leader = p && servingLeader(run.ctx, p);
  return leader ? leader.logStartOffset : null;
}

/** `parseTopicPartitionsToReset`: `t:0,1` as given, `t` as every partition (describeTopics). */
function partitionsOf(run: ToolRun, topics: string[]): string[] {
  const out: string[] = [];
  for (const arg of topics.filter((t) => t.includes(':'))) {
    const parts = arg.split(':');
    if (parts.length !== 2) throw new UsageError(`Invalid topic arg '${arg}', expected topic name and partitions`);
    for (const p of parts[1].split(',')) {
      if (!/^[+-]?\d+$/.test(p)) throw new UsageError(`Invalid partition '${p}' specified in topic arg '${arg}''`);
      out.push(`${parts[0]}-${Number(p)}`);
    }
  }
  for (const topic of topics.filter((t) => !t.includes(':'))) {
    const t = findTopic(run.ctx.world, topic);
    // describeTopics(...).allTopicNames().get: ExecutionException → "failed due to …".
    if (!t) throw new JavaException('java.util.concurrent.ExecutionException', kafkaError('UNKNOWN_TOPIC_OR_PARTITION').toString());
    t.partitions.forEach((p) => out.push(`${topic}-${p.partition}`));
  }
  return out;
}

/** `checkOffsetsRange`: above the end → the end; below the start → the start (each with Kafka's WARN). */
function checkRange(run: ToolRun, requested: [string, number][]): [string, number][] {
  return requested.map(([tp, offset]) => {
    const end = logEndOffsetOf(run.ctx, tp);
    if (end === null) throw new JavaException('java.lang.IllegalStateException', `Unexpected non-existing offset value for topic partition ${tp}`);
    if (offset > end) {
      logLine(run, 'WARN', `New offset (${offset}) is higher than latest offset for topic partition ${tp}. Value will be set to ${end}`, LOGGER);
      return [tp, end];
    }
    const start = logStartOf(run, tp);
    if (start !== null && offset < start) {
      logLine(run, 'WARN', `New offset (${offset}) is lower than earliest offset for topic partition ${tp}. Value will be set to ${start}`, LOGGER);
      return [tp, start];
    }
    return [tp, offset];
  });
}

function prepare(run: ToolRun, o: ParsedOptions, partitions: string[], committed: Record<string, number>): [string, number][] {
  const listed = (what: 'starting' | 'ending', lookup: (tp: string) => number | null) => partitions.map((tp): [string, number] => {
    const offset = lookup(tp);
    if (offset === null) throw new UsageError(`Error getting ${what} offset of topic partition: ${tp}`);
    return [tp, offset];
  });
  if (o.has('to-offset')) return checkRange(run, partitions.map((tp) => [tp, o.integer('to-offset') ?? 0]));
  if (o.has('to-earliest')) return listed('starting', (tp) => logStartOf(run, tp));
  if (o.has('to-latest')) return listed('ending', (tp) => logEndOffsetOf(run.ctx, tp));
  if (o.has('shift-by')) {
    const shift = o.integer('shift-by') ?? 0;
    return checkRange(run, partitions.map((tp) => {
      if (committed[tp] === undefined) throw new UsageError(`Cannot shift offset for partition ${tp} since there is no current committed offset`);
      return [tp, committed[tp] + shift];
    }));
  }
  if (o.has('to-current')) {
    return [...partitions.filter((tp) => committed[tp] !== undefined).map((tp): [string, number] => [tp, committed[tp]]),
      ...listed('ending', (tp) => logEndOffsetOf(run.ctx, tp)).filter(([tp]) => committed[tp] === undefined)];
  }
  throw new UsageError(`Option '[reset-offsets]' requires one of the following scenarios: Set([to-offset], [shift-by], [to-datetime], [by-duration], [to-earliest], [to-latest], [to-current], [from-file])`);
}

/** `resetOffsets` then `printOffsetsToReset`. */
export function resetOffsets(run: ToolRun, o: ParsedOptions, groupIds: string[]): void {
  if (o.has('to-datetime') || o.has('by-duration') || o.has('from-file') || o.has('export')) {
    run.out.eprintln('The simulator does not model --to-datetime, --by-duration, --from-file or --export; nothing was changed.');
    return;
  }
  const plan: [string, [string, number][]][] = [];
  for (const groupId of groupIds) {
    const d = describeGroup(run.ctx, groupId);
    if (!d) throw new JavaException('java.util.concurrent.ExecutionException', kafkaError('COORDINATOR_NOT_AVAILABLE').toString());
    if (d.state !== 'Empty' && d.state !== 'Dead') {
      printError(run, `Assignments can only be reset if the group '${groupId}' is inactive, but the current state is ${d.state}.`);
      plan.push([groupId, []]);
      continue;
    }
    let partitions: string[];
    if (o.has('all-topics')) partitions = Object.keys(d.committed);
    else if (o.has('topic')) partitions = partitionsOf(run, o.values('topic'));
    else throw new UsageError('One of the reset scopes should be defined: --all-topics, --topic.');
    const prepared = prepare(run, o, partitions, d.committed);
    if (o.has('execute') && !o.has('dry-run') && prepared.length > 0) alterGroupOffsets(run.ctx, groupId, Object.fromEntries(prepared));
    plan.push([groupId, prepared]);
  }
  if (plan.length > 0) run.out.println(`\n${col('GROUP', 30)} ${col('TOPIC', 30)} ${col('PARTITION', 10)} ${col('NEW-OFFSET', 15)}`);
  for (const [groupId, prepared] of plan) {
    for (const [tp, offset] of prepared) {
      const { topic, partition } = parseTopicPartition(tp);
      run.out.println(`${col(groupId, 30)} ${col(topic, 30)} ${col(partition, 10)} ${col(offset, 15)}`);
    }
  }
}
