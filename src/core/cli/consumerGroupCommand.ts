/**
 * kafka-consumer-groups.sh: `kafka.admin.ConsumerGroupCommand` (3.6.2 and 2.8.2
 * `core/src/main/scala/kafka/admin/ConsumerGroupCommand.scala`; the same flow in both eras).
 *
 * `main`: parsing happens outside its `try`, so a joptsimple error escapes (`Exception in thread
 * "main"`, exit 1); then `checkArgs` (required `--bootstrap-server` first, even before `--help`),
 * the help, "exactly one action", and `run`. Inside `run`, an `IllegalArgumentException` prints
 * the usage (exit 1) and any other exception is "Error: Executing consumer group command failed
 * due to …" on stdout with its stack trace on stderr — and, like every `printError`, exit 0.
 *
 * `--list` (`--state [states]` adds a STATE column and filters), `--describe` (consumerGroupDescribe.ts),
 * `--delete` (`deleteGroups`), `--reset-offsets` (consumerGroupReset.ts), `--delete-offsets`
 * (consumerGroupDeleteOffsets.ts). Groups of `--all-groups` and `--list` come in name order (the admin client merges
 * the brokers' answers in arrival order).
 */
import type { ParsedOptions } from './optionParser';
import { parseOptions } from './optionParser';
import { ExitSignal, printUsageAndExit, uncaught, type ToolRun } from './cliOutput';
import { JavaException, kafkaError } from './javaException';
import { consumerGroupOptions } from './consumerGroupOptions';
import { printError, printMembers, printOffsets, printStates, col } from './consumerGroupDescribe';
import { resetOffsets, UsageError } from './consumerGroupReset';
import { deleteOffsets } from './consumerGroupDeleteOffsets';
import { deleteGroup, describeGroup, listGroups, type DescribedGroup } from '../protocol/groups/groupAdmin';
import { javaHashOrder } from '../protocol/groups/javaHashMap';

const STATES = ['PreparingRebalance', 'CompletingRebalance', 'Stable', 'Dead', 'Empty'];
const RESET_SCENARIOS = ['to-offset', 'to-datetime', 'by-duration', 'to-earliest', 'to-latest', 'to-current', 'shift-by', 'from-file'];

/** `CommandLineUtils.checkInvalidArgs`. */
function checkInvalid(run: ToolRun, o: ParsedOptions, used: string, invalid: string[]): void {
  if (!o.has(used)) return;
  const specs = consumerGroupOptions(run.ctx.world.settings.cluster.metadata);
  for (const other of invalid) if (o.has(other)) printUsageAndExit(run, specs, `Option "[${used}]" can't be used with option "[${other}]"`);
}

/** `ConsumerGroupCommandOptions.checkArgs`. */
function checkArgs(run: ToolRun, o: ParsedOptions): void {
  const specs = consumerGroupOptions(run.ctx.world.settings.cluster.metadata);
  const usage = (message: string) => printUsageAndExit(run, specs, message);
  if (!o.has('bootstrap-server')) usage('Missing required argument "[bootstrap-server]"');
  if (o.has('describe')) {
    if (!o.has('group') && !o.has('all-groups')) usage('Option [describe] takes one of these options: [group], [all-groups]');
    if (['members', 'offsets', 'state'].filter((x) => o.has(x)).length > 1) usage('Option [describe] takes at most one of these options: [members], [offsets], [state]');
    if (o.has('state') && o.value('state') !== undefined) usage('Option [describe] does not take a value for [state]');
  }
  if (o.has('delete')) {
    if (!o.has('group') && !o.has('all-groups')) usage('Option [delete] takes one of these options: [group], [all-groups]');
    if (o.has('topic')) usage('The consumer does not support topic-specific offset deletion from a consumer group.');
  }
  if (o.has('delete-offsets') && (!o.has('group') || !o.has('topic'))) usage('Option [delete-offsets] takes the following options: [group], [topic]');
  if (o.has('reset-offsets')) {
    if (o.has('dry-run') && o.has('execute')) usage('Option [reset-offsets] only accepts one of [execute] and [dry-run]');
    if (!o.has('dry-run') && !o.has('execute')) {
      run.out.eprintln('WARN: No action will be performed as the --execute option is missing.In a future major release, the default behavior of this command will be to prompt the user before executing the reset rather than doing a dry run. You should add the --dry-run option explicitly if you are scripting this command and want to keep the current default behavior without prompting.');
    }
    if (!o.has('group') && !o.has('all-groups')) usage('Option [reset-offsets] takes one of these options: [group], [all-groups]');
    for (const scenario of RESET_SCENARIOS) checkInvalid(run, o, scenario, RESET_SCENARIOS.filter((x) => x !== scenario));
  }
  checkInvalid(run, o, 'group', ['all-groups']);
  checkInvalid(run, o, 'group', ['list']);
  checkInvalid(run, o, 'topic', ['list', 'describe']);
}

/** `ConsumerGroupState.parse` of each name in the list (case-insensitive), or the usage error. */
function statesFrom(input: string): Set<string> {
  const states = new Set<string>();
  for (const name of input.split(',')) {
    const state = STATES.find((s) => s.toLowerCase() === name.trim().toLowerCase());
    if (!state) throw new UsageError(`Invalid state list '${input}'. Valid states are: ${STATES.join(', ')}`);
    states.add(state);
  }
  return states;
}

function list(run: ToolRun, o: ParsedOptions): void {
  const groups = listGroups(run.ctx);
  if (!o.has('state')) {
    for (const g of groups) run.out.println(g.group);
    return;
  }
  const value = o.value('state');
  const states = value === undefined || value === '' ? null : statesFrom(value);
  const shown = groups.filter((g) => states === null || states.has(g.state));
  const width = Math.max(15, ...shown.map((g) => g.group.length));
  run.out.println(`${col('GROUP', width)} STATE`);
  for (const g of shown) run.out.println(`${col(g.group, width)} ${g.state}`);
}

function groupIds(run: ToolRun, o: ParsedOptions): string[] {
  return o.has('all-groups') ? listGroups(run.ctx).map((g) => g.group) : o.values('group');
}

function describe(run: ToolRun, o: ParsedOptions): void {
  const described: DescribedGroup[] = [];
  for (const id of [...new Set(groupIds(run, o))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const d = describeGroup(run.ctx, id);
    if (!d) throw new JavaException('java.util.concurrent.ExecutionException', kafkaError('COORDINATOR_NOT_AVAILABLE').toString());
    described.push(d);
  }
  if (o.has('members')) printMembers(run, described, o.has('verbose'));
  else if (o.has('state') && !o.has('offsets')) printStates(run, described);
  else printOffsets(run, described);
}

/** `deleteGroups`: each group's result, in the order of the admin client's `HashMap` of futures. */
function deleteGroups(run: ToolRun, o: ParsedOptions): void {
  const ids = javaHashOrder([...new Set(groupIds(run, o))]);
  const results = ids.map((id) => [id, deleteGroup(run.ctx, id)] as const);
  const ok = results.filter(([, e]) => e === null).map(([id]) => id);
  const failed = results.filter(([, e]) => e !== null);
  const quoted = (names: string[]) => `'${names.join("', '")}'`;
  if (failed.length === 0) {
    run.out.println(`Deletion of requested consumer groups (${quoted(ok)}) was successful.`);
    return;
  }
  printError(run, 'Deletion of some consumer groups failed:');
  for (const [id, error] of failed) {
    // `Try(future.get)`: the failure is the ExecutionException around the broker's error.
    run.out.println(`* Group '${id}' could not be deleted due to: java.util.concurrent.ExecutionException: ${kafkaError(error!).toString()}`);
  }
  if (ok.length > 0) run.out.println(`\nThese consumer groups were deleted successfully: ${quoted(ok)}`);
}

function runCommand(run: ToolRun, o: ParsedOptions): void {
  const specs = consumerGroupOptions(run.ctx.world.settings.cluster.metadata);
  try {
    if (o.has('list')) list(run, o);
    else if (o.has('describe')) describe(run, o);
    else if (o.has('delete')) deleteGroups(run, o);
    else if (o.has('reset-offsets')) resetOffsets(run, o, groupIds(run, o));
    else deleteOffsets(run, o);
  } catch (error) {
    if (error instanceof ExitSignal) throw error;
    if (error instanceof UsageError) printUsageAndExit(run, specs, error.message);
    if (error instanceof JavaException && error.className === 'joptsimple.OptionArgumentConversionException') printUsageAndExit(run, specs, error.message);
    const e = error instanceof JavaException ? error : new JavaException('java.lang.RuntimeException', String(error));
    // `printError(s"… failed due to ${e.getMessage}", Some(e))`: the message on stdout, the trace on stderr.
    printError(run, `Executing consumer group command failed due to ${e.message}`);
    run.out.eprintln(e.toString());
  }
}

export function consumerGroupCommand(run: ToolRun): number {
  const specs = consumerGroupOptions(run.ctx.world.settings.cluster.metadata);
  try {
    // Parsed outside main's try: a joptsimple error escapes main.
    const o = parseOptions(specs, run.args);
    checkArgs(run, o);
    if (o.argumentCount === 0 || o.has('help')) {
      printUsageAndExit(run, specs, 'This tool helps to list all consumer groups, describe a consumer group, delete consumer group info, or reset consumer group offsets.');
    }
    if (['list', 'describe', 'delete', 'reset-offsets', 'delete-offsets'].filter((x) => o.has(x)).length !== 1) {
      printUsageAndExit(run, specs, 'Command must include exactly one action: --list, --describe, --delete, --reset-offsets, --delete-offsets');
    }
    runCommand(run, o);
    return 0;
  } catch (error) {
    if (error instanceof ExitSignal) return error.code;
    return uncaught(run, error);
  }
}
