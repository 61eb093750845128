/**
 * kafka-console-producer.sh: `ConsoleProducer` with its `LineMessageReader` (3.6 and 2.8
 * `core/src/main/scala/kafka/tools/ConsoleProducer.scala`). Each input line is one record sent
 * through the scenario's normal produce path (`produced` reports each outcome); the reader
 * prints its `>` prompt before each line it reads and once more at the end of input.
 *
 * - `--request-required-acks` defaults to `-1` in 3.6 and `1` in 2.8; `--producer-property
 *   acks=…` overrides it. Both eras accept `--broker-list` (deprecated) beside `--bootstrap-server`.
 * - `--property parse.key=true` splits each line at `key.separator` (a tab by default); a line
 *   without it throws `KafkaException: No key separator found on line number N: '…'` (unless
 *   `ignore.error=true`), which ends the tool (`e.printStackTrace`, exit 1).
 * - A topic that does not exist: the producer waits `max.block.ms` for it in its metadata and
 *   each send fails with `TimeoutException: Topic … not present in metadata after 60000 ms.`
 *   (logged by `ErrorLoggingCallback`); the simulated clock does not move during a step, and the
 *   simulator never creates topics automatically (`auto.create.topics.enable` is not modelled).
 */
import type { Acks } from '../model/scenario';
import { findTopic } from '../simContext';
import { produceStep } from '../protocol/producerClient';
import { javaUtf8Length } from '../protocol/javaUtf8';
import { ExitSignal, logLine, parseOrPrintUsage, printUsageAndExit, uncaught, type ToolRun } from './cliOutput';
import { JavaException } from './javaException';
import type { OptionSpec, ParsedOptions } from './optionParser';

export function producerOptions(era: 'kraft' | 'zookeeper'): OptionSpec[] {
  return [
    { name: 'topic', description: 'REQUIRED: The topic id to produce messages to.', arg: { describedAs: 'topic', type: 'String' } },
    { name: 'broker-list', description: 'DEPRECATED, use --bootstrap-server instead; ignored if --bootstrap-server is specified.  The broker list string in the form HOST1:PORT1,HOST2:PORT2.', arg: { describedAs: 'broker-list', type: 'String' } },
    { name: 'bootstrap-server', description: 'REQUIRED unless --broker-list(deprecated) is specified. The server(s) to connect to. The broker list string in the form HOST1:PORT1,HOST2:PORT2.', arg: { describedAs: 'server to connect to', type: 'String' } },
    { name: 'sync', description: 'If set message send requests to the brokers are synchronously, one at a time as they arrive.' },
    { name: 'request-required-acks', description: era === 'kraft' ? 'The required `acks` of the producer requests' : 'The required acks of the producer requests', arg: { describedAs: 'request required acks', type: 'String', defaultsTo: era === 'kraft' ? '-1' : '1' } },
    { name: 'request-timeout-ms', description: 'The ack timeout of the producer requests. Value must be non-negative and non-zero.', arg: { describedAs: 'request timeout ms', type: 'Integer', defaultsTo: '1500' } },
    { name: 'property', description: 'A mechanism to pass user-defined properties in the form key=value to the message reader. This allows custom configuration for a user-defined message reader. Default properties include:\n parse.key=false\n key.separator=\\t\n ignore.error=false', arg: { describedAs: 'prop', type: 'String' } },
    { name: 'producer-property', description: 'A mechanism to pass user-defined properties in the form key=value to the producer. ', arg: { describedAs: 'producer_prop', type: 'String' } },
  ];
}

/** `CommandLineUtils.parseKeyValueArgs`: `key=value` (a missing value is an empty string). */
export function keyValues(list: string[]): Map<string, string> {
  const props = new Map<string, string>();
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq < 0) props.set(item, '');
    else props.set(item.slice(0, eq), item.slice(eq + 1));
  }
  return props;
}

function acksOf(text: string): Acks {
  const t = text.trim().toLowerCase();
  if (t === 'all' || t === '-1') return 'all';
  if (t === '0') return 0;
  if (t === '1') return 1;
  throw new JavaException('org.apache.kafka.common.config.ConfigException', `Invalid value ${text} for configuration acks: String must be one of: all, -1, 0, 1`);
}

function unescape(text: string): string {
  return text.replace(/\\t/g, '\t').replace(/\\n/g, '\n');
}

function readRecords(run: ToolRun, reader: Map<string, string>): { records: { key: string | null; value: string }[]; failure: JavaException | null } {
  const parseKey = reader.get('parse.key')?.trim().toLowerCase() === 'true';
  const separator = unescape(reader.get('key.separator') ?? '\t');
  const ignoreError = reader.get('ignore.error')?.trim().toLowerCase() === 'true';
  const records: { key: string | null; value: string }[] = [];
  for (let i = 0; i < run.input.length; i++) {
    const line = run.input[i];
    run.out.print('>');
    if (!parseKey) {
      records.push({ key: null, value: line });
      continue;
    }
    const at = line.indexOf(separator);
    if (at < 0 && !ignoreError) {
      return { records, failure: new JavaException('org.apache.kafka.common.KafkaException', `No key separator found on line number ${i + 1}: '${line}'`) };
    }
    records.push(at < 0 ? { key: null, value: line } : { key: line.slice(0, at), value: line.slice(at + separator.length) });
  }
  run.out.print('>');
  return { records, failure: null };
}

function produce(run: ToolRun, o: ParsedOptions): number {
  const topic = o.value('topic') ?? '';
  const producerProps = keyValues(o.values('producer-property'));
  const acks = acksOf(producerProps.get('acks') ?? o.value('request-required-acks') ?? '-1');
  const { records, failure } = readRecords(run, keyValues(o.values('property')));
  if (!findTopic(run.ctx.world, topic)) {
    for (const r of records) {
      const size = javaUtf8Length(r.value);
      const key = r.key === null ? 'null' : `${javaUtf8Length(r.key)} bytes`;
      logLine(run, 'ERROR', `Error when sending message to topic ${topic} with key: ${key}, value: ${size} bytes with error:`, 'org.apache.kafka.clients.producer.internals.ErrorLoggingCallback');
      run.out.eprintln(`org.apache.kafka.common.errors.TimeoutException: Topic ${topic} not present in metadata after 60000 ms.`);
    }
  } else if (records.length > 0) {
    produceStep(run.ctx, { op: 'produce', topic, key: null, value: '', partition: null, acks, count: records.length }, run.stepIndex, records);
  }
  if (failure) {
    run.out.eprintln(failure.toString());
    return 1;
  }
  return 0;
}

export function consoleProducer(run: ToolRun): number {
  const era = run.ctx.world.settings.cluster.metadata;
  const specs = producerOptions(era);
  try {
    const o = parseOrPrintUsage(run, specs, 'This tool helps to read data from standard input and publish it to Kafka.');
    if (!o.has('topic')) printUsageAndExit(run, specs, 'Missing required argument "[topic]"');
    if (!o.has('bootstrap-server') && !o.has('broker-list')) printUsageAndExit(run, specs, 'Missing required argument "[bootstrap-server]"');
    return produce(run, o);
  } catch (error) {
    if (error instanceof ExitSignal) return error.code;
    if (error instanceof JavaException) {
      run.out.eprintln(error.toString());
      return 1;
    }
    return uncaught(run, error);
  }
}
