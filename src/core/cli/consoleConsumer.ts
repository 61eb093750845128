/**
 * kafka-console-consumer.sh: `kafka.tools.ConsoleConsumer` (3.6.2 and 2.8.2
 * `core/src/main/scala/kafka/tools/ConsoleConsumer.scala`). The checks of `ConsumerConfig` in
 * their order, then `run`: `process` prints each record with `DefaultMessageFormatter`
 * (messageFormatter.ts) until `--max-messages`, or until nothing more is readable; the clock does
 * not move in a step, so the consumer then ends as if `--timeout-ms` had expired
 * (docs/scenario-format.md, "CLI"): `ConsumerWrapper.receive` throws `TimeoutException`, logged
 * as "Error processing message, terminating consumer process:", then "Processed a total of N
 * messages" (`reportRecordCount`), exit 0.
 *
 * What it reads (consumerRead.ts) and, with `--group`, the offsets it commits when it closes
 * (`enable.auto.commit`, true unless the group id was generated), follow the Java consumer.
 */
import type { ParsedOptions } from './optionParser';
import { drawIndex } from '../simContext';
import { ExitSignal, logThrowable, parseOrPrintUsage, printUsageAndExit, uncaught, type ToolRun } from './cliOutput';
import { JavaException } from './javaException';
import { consumerOptions } from './consoleConsumerOptions';
import { formatterConfig, writeTo } from './messageFormatter';
import { consume, type ConsumerSetup } from './consumerRead';
import { keyValues } from './consoleProducer';

const LOGGER = 'kafka.tools.ConsoleConsumer$';

/** The ConfigDef checks of the consumer properties the model uses (`ConsumerConfig`, both eras). */
function checkConsumerConfig(props: Map<string, string>): void {
  const reset = props.get('auto.offset.reset');
  if (reset !== undefined && !['latest', 'earliest', 'none'].includes(reset)) {
    throw new JavaException('org.apache.kafka.common.config.ConfigException', `Invalid value ${reset} for configuration auto.offset.reset: String must be one of: latest, earliest, none`);
  }
  const commit = props.get('enable.auto.commit');
  if (commit !== undefined && !['true', 'false'].includes(commit.trim().toLowerCase())) {
    throw new JavaException('org.apache.kafka.common.config.ConfigException', `Invalid value ${commit} for configuration enable.auto.commit: Expected value to be either true or false`);
  }
  const maxPoll = props.get('max.poll.records');
  if (maxPoll !== undefined && (!/^\s*[+-]?\d+\s*$/.test(maxPoll) || Number(maxPoll) < 1)) {
    const reason = /^\s*[+-]?\d+\s*$/.test(maxPoll) ? 'Value must be at least 1' : 'Not a number of type INT';
    throw new JavaException('org.apache.kafka.common.config.ConfigException', `Invalid value ${maxPoll} for configuration max.poll.records: ${reason}`);
  }
}

/** `ConsumerConfig`'s checks after parsing, in Kafka's order; returns what `run` needs. */
function configure(run: ToolRun, o: ParsedOptions): ConsumerSetup {
  const era = run.ctx.world.settings.cluster.metadata;
  const specs = consumerOptions(era);
  const extra = keyValues(o.values('consumer-property'));
  const topic = o.value('topic');
  const include = o.value('include') ?? o.value('whitelist');
  if ([topic, include].filter((x) => x !== undefined).length !== 1) {
    // 3.6 interpolates an `if` without `else` into the message: `()` when --whitelist is absent.
    printUsageAndExit(run, specs, era === 'kraft'
      ? `Exactly one of --include/--topic is required. ${o.has('whitelist') ? '--whitelist is DEPRECATED use --include instead; ignored if --include specified.' : '()'}`
      : 'Exactly one of whitelist/topic is required.');
  }
  const partition = o.has('partition') ? o.integer('partition') : undefined;
  const fromBeginning = o.has('from-beginning');
  if (partition !== undefined) {
    if (!o.has('topic')) printUsageAndExit(run, specs, 'The topic is required when partition is specified.');
    if (fromBeginning && o.has('offset')) printUsageAndExit(run, specs, 'Options from-beginning and offset cannot be specified together.');
  } else if (o.has('offset')) printUsageAndExit(run, specs, 'The partition is required when offset is specified.');
  let offset: 'earliest' | 'latest' | number = fromBeginning ? 'earliest' : 'latest';
  if (o.has('offset')) {
    const text = (o.value('offset') ?? '').toLowerCase();
    if (text === 'earliest' || text === 'latest') offset = text;
    else if (/^[+-]?\d+$/.test(text) && Number(text) >= 0 && Number(text) <= Number.MAX_SAFE_INTEGER) offset = Number(text);
    else printUsageAndExit(run, specs, `The provided offset value '${o.value('offset')}' is incorrect. Valid values are 'earliest', 'latest', or a non-negative long.`);
  }
  if (!o.has('bootstrap-server')) printUsageAndExit(run, specs, 'Missing required argument "[bootstrap-server]"');
  const groups = [...new Set([o.value('group'), extra.get('group.id')].filter((g): g is string => g !== undefined))];
  if (groups.length > 1) {
    printUsageAndExit(run, specs, `The group ids provided in different places (directly using '--group', via '--consumer-property', or via '--consumer.config') do not match. Detected group ids: '${groups.join("', '")}'`);
  }
  const groupPassed = groups.length === 1;
  // `new Random().nextInt(100000)`, drawn from the seed's own stream for this purpose.
  const group = groupPassed ? groups[0] : `console-consumer-${drawIndex(run.ctx.world, 'console-consumer-group', 100000)}`;
  if (groupPassed && partition !== undefined) printUsageAndExit(run, specs, 'Options group and partition cannot be specified together.');
  const maxMessages = o.has('max-messages') ? o.integer('max-messages') ?? -1 : -1;
  return { era, topic: topic ?? null, include: include ?? null, partition: partition ?? null, offset, fromBeginning, group, groupPassed, extra, maxMessages };
}

/** `ConsoleConsumer.setAutoOffsetResetValue`: an explicit value wins, unless it contradicts --from-beginning. */
function autoOffsetReset(run: ToolRun, setup: ConsumerSetup): 'earliest' | 'latest' | 'none' {
  const explicit = setup.extra.get('auto.offset.reset');
  if (explicit === undefined) return setup.fromBeginning ? 'earliest' : 'latest';
  if (setup.fromBeginning && explicit !== 'earliest') {
    run.out.eprintln(`Can't simultaneously specify --from-beginning and 'auto.offset.reset=${explicit}', please remove one option`);
    throw new ExitSignal(1);
  }
  return explicit as 'earliest' | 'latest' | 'none';
}

function runConsumer(run: ToolRun, o: ParsedOptions, setup: ConsumerSetup): number {
  let processed = 0;
  try {
    const reset = autoOffsetReset(run, setup);
    checkConsumerConfig(setup.extra);
    const formatter = formatterConfig(keyValues(o.values('property')));
    const result = consume(run.ctx, setup, reset);
    for (const record of result.records) {
      run.out.print(writeTo(formatter, record));
      processed += 1;
    }
    // `error("Error processing message, terminating consumer process: ", e)`: the message ends in a space.
    if (result.failure) logThrowable(run, 'ERROR', 'Error processing message, terminating consumer process: ', LOGGER, result.failure);
  } catch (error) {
    if (error instanceof ExitSignal) throw error;
    // `main`: anything else escaping `run` is "Unknown error when running consumer", exit 1.
    const e = error instanceof JavaException ? error : new JavaException('java.lang.RuntimeException', String(error));
    logThrowable(run, 'ERROR', 'Unknown error when running consumer: ', LOGGER, e);
    return 1;
  }
  run.out.eprintln(`Processed a total of ${processed} messages`);
  return 0;
}

export function consoleConsumer(run: ToolRun): number {
  const specs = consumerOptions(run.ctx.world.settings.cluster.metadata);
  try {
    const o = parseOrPrintUsage(run, specs, 'This tool helps to read data from Kafka topics and outputs it to standard output.');
    return runConsumer(run, o, configure(run, o));
  } catch (error) {
    if (error instanceof ExitSignal) return error.code;
    return uncaught(run, error);
  }
}
