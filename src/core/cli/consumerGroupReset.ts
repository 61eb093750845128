/**
 * `kafka-consumer-groups.sh --reset-offsets` (`ConsumerGroupService.resetOffsets`,
 * `prepareOffsetsToReset`, `checkOffsetsRange`, `getLogTimestampOffsets`, `printOffsetsToReset`,
 * `exportOffsetsToCsv`; 3.6.2 and 2.8.2 `ConsumerGroupCommand.scala`). Only an inactive group
 * (Empty, or Dead: unknown) can be reset; otherwise "Error: Assignments can only be reset if the
 * group 'G' is inactive, but the current state is S." and an empty plan (whose header Kafka still
 * prints). `--execute` commits the plan with AlterConsumerGroupOffsets (groupAdmin.ts); without
 * it the plan is only shown. `--export` prints the plan as CSV (resetPlanCsv.ts) instead of the
 * table.
 *
 * Scopes: `--all-topics` (the group's committed partitions), `--topic t` (every partition of t) or
 * `--topic t:0,2`; none with `--from-file`. Scenarios: `--to-earliest` (log start offset),
 * `--to-latest` (the HW, as ListOffsets answers a read_uncommitted client), `--to-offset n`,
 * `--shift-by n` (from the committed offset), `--to-current`, `--from-file` (the step's `input`
 * is the CSV), each of the ones with a number clamped to [log start, HW] with Kafka's WARN;
 * `--to-datetime` and `--by-duration` ask ListOffsets by timestamp (offsetsForTimes.ts) and fall
 * back to the HW where no record is that recent (3.6 says so: "Warn: Partition … is empty.").
 */
import type { ToolRun } from './cliOutput';
import type { ParsedOptions } from './optionParser';
import { logLine } from './cliOutput';
import { JavaException, kafkaError } from './javaException';
import { findTopic } from '../simContext';
import { alterGroupOffsets, describeGroup } from '../protocol/groups/groupAdmin';
import { servingLeader } from '../protocol/groups/consumerClient';
import { parseTopicPartition, tpName, type TopicPartition } from '../protocol/groups/topicPartition';
import { col, logEndOffsetOf, printError } from './consumerGroupDescribe';
import { getDateTime, offsetForTimestamp, parseDurationNanos, timestampBefore } from './offsetsForTimes';
import { exportOffsetsToCsv, parseResetPlan } from './resetPlanCsv';

/** Thrown for Kafka's `IllegalArgumentException`s and `printUsageAndExit` calls inside `run`. */
export class UsageError extends Error {}

const LOGGER = 'kafka.admin.ConsumerGroupCommand$';

function logStartOf(run: ToolRun, tp: string): number | null {
  const { topic, partition } = parseTopicPartition(tp);
  const p = findTopic(run.ctx.world, topic)?.partitions[partition];
  const leader = p && servingLeader(run.ctx, p);
  return leader ? leader.logStartOffset : null;
}

/**
 * `t:0,2` → `t-0`, `t-2`: 3.6's `parseTopicsWithPartitions` (IllegalArgumentExceptions: the usage);
 * 2.8 splits inline, so a bad number is `Integer.parseInt`'s NumberFormatException (also an
 * IllegalArgumentException: the usage) and `t:` an ArrayIndexOutOfBoundsException.
 */
export function parseTopicWithPartitions(run: ToolRun, arg: string): TopicPartition[] {
  const parts = arg.split(':');
  const kraft = run.ctx.world.settings.cluster.metadata === 'kraft';
  if (kraft && parts.length !== 2) throw new UsageError(`Invalid topic arg '${arg}', expected topic name and partitions`);
  if (parts.length < 2) throw new JavaException('java.lang.ArrayIndexOutOfBoundsException', `Index 1 out of bounds for length ${parts.length}`);
  const numbers = parts[1].split(',');
  // String.split drops trailing empty strings.
  while (numbers.length > 1 && numbers[numbers.length - 1] === '') numbers.pop();
  return numbers.map((p) => {
    if (!/^[+-]?\d+$/.test(p) || Math.abs(Number(p)) > 2 ** 31 - 1) {
      throw new UsageError(kraft ? `Invalid partition '${p}' specified in topic arg '${arg}''` : `For input string: "${p}"`);
    }
    return { topic: parts[0], partition: Number(p) };
  });
}

/** `parseTopicPartitionsToReset`: `t:0,1` as given, `t` as every partition (describeTopics). */
function partitionsOf(run: ToolRun, topics: string[]): string[] {
  const out: string[] = [];
  for (const arg of topics.filter((t) => t.includes(':'))) out.push(...parseTopicWithPartitions(run, arg).map(tpName));
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
    // listOffsets(...).all.get fails as a whole for a partition that does not exist.
    const { topic, partition } = parseTopicPartition(tp);
    if (!findTopic(run.ctx.world, topic)?.partitions[partition]) throw new JavaException('java.util.concurrent.ExecutionException', kafkaError('UNKNOWN_TOPIC_OR_PARTITION').toString());
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

/**
 * `getLogTimestampOffsets` then `prepareOffsetsToReset`'s match: each partition's offset for the
 * timestamp; where the broker has none (no record that recent below the HW), the HW
 * (`getLogEndOffsets`), which 3.6 announces on stdout.
 */
function byTimestamp(run: ToolRun, partitions: string[], timestamp: number): [string, number][] {
  const found = partitions.map((tp) => [tp, offsetForTimestamp(run.ctx, tp, timestamp)] as const);
  if (run.ctx.world.settings.cluster.metadata === 'kraft') {
    for (const [tp, offset] of found) {
      if (offset !== null) continue;
      const { topic, partition } = parseTopicPartition(tp);
      run.out.println(`\nWarn: Partition ${partition} from topic ${topic} is empty. Falling back to latest known offset.`);
    }
  }
  return found.map(([tp, offset]): [string, number] => {
    const resolved = offset === null ? logEndOffsetOf(run.ctx, tp) : offset;
    if (resolved === null || resolved === undefined) throw new UsageError(`Error getting offset by timestamp of topic partition: ${tp}`);
    return [tp, resolved];
  });
}

interface PlanFile {
  plan: Map<string, Map<string, number>> | null;
}

/** The lazy `resetPlanFromFile`: read once, when a group first needs it. */
function planFromFile(run: ToolRun, o: ParsedOptions, file: PlanFile): Map<string, Map<string, number>> {
  if (file.plan) return file.plan;
  const path = o.value('from-file') ?? '';
  // Utils.readFileAsString: the step's input lines are the file; no input, no file.
  if (run.input.length === 0) throw new JavaException('java.nio.file.NoSuchFileException', path);
  file.plan = parseResetPlan(o, run.input.map((line) => `${line}\n`).join(''));
  return file.plan;
}

function prepare(run: ToolRun, o: ParsedOptions, groupId: string, partitions: string[], committed: Record<string, number>, file: PlanFile): [string, number][] {
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
  if (o.has('to-datetime')) return byTimestamp(run, partitions, getDateTime(o.value('to-datetime') ?? ''));
  if (o.has('by-duration')) return byTimestamp(run, partitions, timestampBefore(run.ctx.world.timeMs, parseDurationNanos(o.value('by-duration') ?? '')));
  if (o.has('from-file')) {
    const forGroup = planFromFile(run, o, file).get(groupId);
    if (!forGroup) {
      printError(run, `No reset plan for group ${groupId} found`);
      return [];
    }
    return checkRange(run, [...forGroup]);
  }
  if (o.has('to-current')) {
    return [...partitions.filter((tp) => committed[tp] !== undefined).map((tp): [string, number] => [tp, committed[tp]]),
      ...listed('ending', (tp) => logEndOffsetOf(run.ctx, tp)).filter(([tp]) => committed[tp] === undefined)];
  }
  throw new UsageError(`Option '[reset-offsets]' requires one of the following scenarios: Set([to-offset], [shift-by], [to-datetime], [by-duration], [to-earliest], [to-latest], [to-current], [from-file])`);
}

/** `resetOffsets`, then `exportOffsetsToCsv` (`--export`) or `printOffsetsToReset`. */
export function resetOffsets(run: ToolRun, o: ParsedOptions, groupIds: string[]): void {
  const plan: [string, [string, number][]][] = [];
  const file: PlanFile = { plan: null };
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
    else if (o.has('from-file')) partitions = [];
    else throw new UsageError('One of the reset scopes should be defined: --all-topics, --topic.');
    const prepared = prepare(run, o, groupId, partitions, d.committed, file);
    if (o.has('execute') && !o.has('dry-run') && prepared.length > 0) alterGroupOffsets(run.ctx, groupId, Object.fromEntries(prepared));
    plan.push([groupId, prepared]);
  }
  if (o.has('export')) {
    run.out.println(exportOffsetsToCsv(o, plan));
    return;
  }
  if (plan.length > 0) run.out.println(`\n${col('GROUP', 30)} ${col('TOPIC', 30)} ${col('PARTITION', 10)} ${col('NEW-OFFSET', 15)}`);
  for (const [groupId, prepared] of plan) {
    for (const [tp, offset] of prepared) {
      const { topic, partition } = parseTopicPartition(tp);
      run.out.println(`${col(groupId, 30)} ${col(topic, 30)} ${col(partition, 10)} ${col(offset, 15)}`);
    }
  }
}
