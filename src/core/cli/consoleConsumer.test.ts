/**
 * kafka-console-consumer.sh in both eras, against Kafka's ConsoleConsumer (3.6.2 and 2.8.2
 * core/src/main/scala/kafka/tools/ConsoleConsumer.scala): `ConsumerConfig`'s checks,
 * `ConsoleConsumer.process`/`reportRecordCount`, `ConsumerWrapper.receive`/`resetUnconsumedOffsets`,
 * `DefaultMessageFormatter.writeTo`. Expected texts are worked by hand from those functions.
 */
import { describe, expect, it } from 'vitest';
import { validateScenarioDocument } from '../scenario/validateScenario';
import { simulate } from '../scenario/runScenario';
import { buildReport } from '../scenario/report';
import { formatterConfig, writeTo } from './messageFormatter';

type Era = 'kraft' | 'zookeeper';
const BS = '--bootstrap-server localhost:9092';
const cli = (command: string) => ({ op: 'cli', command });

/** orders: partition 0 led by 1 holds a0..a2 (keys k), partition 1 led by 2 holds b0, b1 (key null); all replicated. */
function run(era: Era, steps: unknown[], extra: Record<string, unknown> = {}) {
  const parsed = validateScenarioDocument({
    version: 1, seed: 5, cluster: { brokers: 3, metadata: era, config: { 'offsets.topic.num.partitions': 3 } },
    topics: [{ name: 'orders', partitions: 2, replicationFactor: 3, assignment: [[1, 2, 3], [2, 3, 1]] }],
    steps: [
      { op: 'produce', topic: 'orders', key: 'k', value: 'a{i}', count: 3, partition: 0 },
      { op: 'produce', topic: 'orders', key: null, value: 'b{i}', count: 2, partition: 1 },
      { op: 'run', ms: 1000 }, ...steps],
    ...extra,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return buildReport(simulate(parsed.scenario));
}

const TIMEOUT_LINES = (time: string) => [
  `[${time}] ERROR Error processing message, terminating consumer process:  (kafka.tools.ConsoleConsumer$)`,
  'org.apache.kafka.common.errors.TimeoutException',
];

describe('DefaultMessageFormatter.writeTo (same in 2.8.2 and 3.6.2)', () => {
  const record = { partition: 1, offset: 7, timestamp: 1500, key: 'k', value: 'v' };
  it('prints timestamp, partition, offset, key, value in that order, separated by key.separator', () => {
    const all = formatterConfig(new Map([['print.timestamp', 'true'], ['print.partition', 'TRUE '], ['print.offset', 'true'], ['print.key', 'true']]));
    expect(writeTo(all, record)).toBe('CreateTime:1500\tPartition:1\tOffset:7\tk\tv\n');
  });
  it('ends the last field with line.separator when print.value=false; a null key prints null.literal', () => {
    const noValue = formatterConfig(new Map([['print.key', 'true'], ['print.value', 'false'], ['key.separator', ' | ']]));
    expect(writeTo(noValue, { ...record, key: null })).toBe('null\n');
    const sep = formatterConfig(new Map([['print.key', 'true'], ['key.separator', ' | '], ['null.literal', '∅']]));
    expect(writeTo(sep, { ...record, key: null })).toBe('∅ | v\n');
  });
});

describe.each(['kraft', 'zookeeper'] as const)('kafka-console-consumer.sh in %s', (era) => {
  it('prints what is below the HW from the beginning, leader by leader, then times out (process, receive, reportRecordCount)', () => {
    const report = run(era, [cli(`kafka-console-consumer.sh ${BS} --topic orders --from-beginning --property print.key=true --property print.partition=true`)]);
    // One fetch per leader in assignment order: broker 1 (orders-0) first, then broker 2 (orders-1).
    expect(report.cli[0].stdout).toBe('Partition:0\tk\ta0\nPartition:0\tk\ta1\nPartition:0\tk\ta2\nPartition:1\tnull\tb0\nPartition:1\tnull\tb1\n');
    expect(report.cli[0].stderr.split('\n')).toEqual([...TIMEOUT_LINES('1970-01-01 00:00:01,000'), 'Processed a total of 5 messages', '']);
    expect(report.cli[0].exitCode).toBe(0);
  });

  it('starts at the end (the HW) without --from-beginning, and reads nothing above the HW', () => {
    const latest = run(era, [cli(`kafka-console-consumer.sh ${BS} --topic orders`)]);
    expect(latest.cli[0].stdout).toBe('');
    expect(latest.cli[0].stderr).toContain('Processed a total of 0 messages');
    // manual replication, acks=1: the leader has the record, the HW has not moved, so nothing is readable.
    const parsed = validateScenarioDocument({
      version: 1, cluster: { brokers: 3, metadata: era, replication: 'manual' }, topics: [{ name: 't', partitions: 1, replicationFactor: 3 }],
      steps: [{ op: 'produce', topic: 't', key: null, value: 'x', acks: 1 }, cli(`kafka-console-consumer.sh ${BS} --topic t --from-beginning`)],
    });
    if (!parsed.ok) throw new Error('invalid');
    const unreplicated = buildReport(simulate(parsed.scenario));
    const t = unreplicated.partitions.find((p) => p.topic === 't')!;
    expect(t.replicaStates.find((r) => r.broker === t.leader)?.logEndOffset).toBe(1);
    expect(unreplicated.cli[0].stdout).toBe('');
  });

  it('--partition with --offset: a number, earliest, latest (ConsumerWrapper.seek)', () => {
    const report = run(era, [
      cli(`kafka-console-consumer.sh ${BS} --topic orders --partition 0 --offset 1 --property print.offset=true`),
      cli(`kafka-console-consumer.sh ${BS} --topic orders --partition 1 --offset earliest`),
      cli(`kafka-console-consumer.sh ${BS} --topic orders --partition 1`),
    ]);
    expect(report.cli.map((c) => c.stdout)).toEqual(['Offset:1\ta1\nOffset:2\ta2\n', 'b0\nb1\n', '']);
  });

  it('--max-messages ends normally: no ERROR line (process leaves its loop)', () => {
    const report = run(era, [cli(`kafka-console-consumer.sh ${BS} --topic orders --from-beginning --max-messages 2`)]);
    expect(report.cli[0]).toMatchObject({ stdout: 'a0\na1\n', stderr: 'Processed a total of 2 messages\n', exitCode: 0 });
  });

  it('refuses bad combinations with the usage on stderr, exit 1, in ConsumerConfig\'s order', () => {
    const report = run(era, [
      cli(`kafka-console-consumer.sh ${BS} --topic orders --offset 3`),
      cli(`kafka-console-consumer.sh ${BS} --topic orders --partition 0 --offset -4`),
      cli(`kafka-console-consumer.sh ${BS} --topic orders --partition 0 --group g`),
      cli('kafka-console-consumer.sh --topic orders'),
      cli(`kafka-console-consumer.sh ${BS} --group a --consumer-property group.id=b --topic orders`),
    ]);
    expect(report.cli.map((c) => c.stderr.split('\n')[0])).toEqual([
      'The partition is required when offset is specified.',
      "The provided offset value '-4' is incorrect. Valid values are 'earliest', 'latest', or a non-negative long.",
      'Options group and partition cannot be specified together.',
      'Missing required argument "[bootstrap-server]"',
      "The group ids provided in different places (directly using '--group', via '--consumer-property', or via '--consumer.config') do not match. Detected group ids: 'a', 'b'",
    ]);
    expect(report.cli.every((c) => c.exitCode === 1 && c.stderr.includes('--bootstrap-server <String: server to'))).toBe(true);
  });

  it('consumer properties: a contradiction with --from-beginning (setAutoOffsetResetValue), a bad value (ConfigException in main)', () => {
    const report = run(era, [
      cli(`kafka-console-consumer.sh ${BS} --topic orders --from-beginning --consumer-property auto.offset.reset=latest`),
      cli(`kafka-console-consumer.sh ${BS} --topic orders --consumer-property auto.offset.reset=oldest`),
    ]);
    expect(report.cli[0]).toMatchObject({ stdout: '', stderr: "Can't simultaneously specify --from-beginning and 'auto.offset.reset=latest', please remove one option\n", exitCode: 1 });
    expect(report.cli[1].stderr.split('\n')).toEqual([
      '[1970-01-01 00:00:01,000] ERROR Unknown error when running consumer:  (kafka.tools.ConsoleConsumer$)',
      'org.apache.kafka.common.config.ConfigException: Invalid value oldest for configuration auto.offset.reset: String must be one of: latest, earliest, none',
      '',
    ]);
    expect(report.cli[1].exitCode).toBe(1);
  });

  it('auto.offset.reset=none without a committed offset fails in poll (NoOffsetForPartitionException)', () => {
    const report = run(era, [cli(`kafka-console-consumer.sh ${BS} --topic orders --group fresh --consumer-property auto.offset.reset=none`)]);
    expect(report.cli[0].stderr).toContain('\norg.apache.kafka.clients.consumer.NoOffsetForPartitionException: Undefined offset with no reset policy for partitions: [orders-0, orders-1]\nProcessed a total of 0 messages\n');
    expect(report.cli[0].exitCode).toBe(0);
  });

  it('without --group: a generated group console-consumer-<n> (Random.nextInt(100000)) that commits nothing and stays Empty', () => {
    const report = run(era, [cli(`kafka-console-consumer.sh ${BS} --topic orders --from-beginning`), { op: 'run', ms: 100 }, cli(`kafka-consumer-groups.sh ${BS} --list`)]);
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]).toMatchObject({ state: 'Empty', members: [], committed: {} });
    expect(report.groups[0].group).toMatch(/^console-consumer-\d{1,5}$/);
    expect(report.cli[1].stdout).toBe(`${report.groups[0].group}\n`);
    // Subscribing found a coordinator: __consumer_offsets exists (3 partitions here).
    expect(report.partitions.filter((p) => p.topic === '__consumer_offsets')).toHaveLength(3);
    // --partition assigns without a group: no coordinator, no group.
    const assigned = run(era, [cli(`kafka-console-consumer.sh ${BS} --topic orders --partition 0 --offset earliest`)]);
    expect(assigned.groups).toEqual([]);
    expect(assigned.partitions.some((p) => p.topic === '__consumer_offsets')).toBe(false);
  });
});

describe('the console consumer\'s group commits on close (enable.auto.commit)', () => {
  const steps = [
    cli(`kafka-console-consumer.sh ${BS} --topic orders --group g --from-beginning --max-messages 2`),
    { op: 'run', ms: 100 },
    cli(`kafka-console-consumer.sh ${BS} --topic orders --group g`),
  ];

  it('3.6 seeks back to the first unprinted record before closing (ConsumerWrapper.resetUnconsumedOffsets)', () => {
    const report = run('kraft', steps);
    // Printed a0, a1: orders-0 at 2; orders-1 reset to earliest (0) and committed too (allConsumed).
    expect(report.cli[1].stdout).toBe('a2\nb0\nb1\n');
    expect(report.groups[0]).toMatchObject({ group: 'g', state: 'Empty', members: [] });
  });

  it('2.8 commits the position after everything its poll returned, printed or not (no resetUnconsumedOffsets in 2.8.2)', () => {
    const report = run('zookeeper', steps);
    expect(report.cli[1].stdout).toBe('');
    expect(report.groups[0].committed).toEqual({ 'orders-0': 3, 'orders-1': 2 });
  });

  it('the commit is a record in __consumer_offsets, acknowledged once its HW passes it', () => {
    const report = run('kraft', steps.slice(0, 2));
    expect(report.groups[0].committed).toEqual({ 'orders-0': 2, 'orders-1': 0 });
    const offsets = report.partitions.filter((p) => p.topic === '__consumer_offsets').flatMap((p) => p.replicaStates[0].log);
    expect(offsets.map((r) => r.key).sort()).toEqual(['[g,orders,0]', '[g,orders,1]']);
  });

  it('a group with members refuses the outsider\'s commit (GroupCoordinator.validateOffsetCommit: UNKNOWN_MEMBER_ID)', () => {
    const report = run('kraft', [
      { op: 'subscribe', group: 'g', member: 'c1', topics: ['orders'], config: { 'enable.auto.commit': false } }, { op: 'run', ms: 10000 },
      cli(`kafka-console-consumer.sh ${BS} --topic orders --group g --from-beginning`), { op: 'run', ms: 100 },
    ]);
    expect(report.cli[0].stdout).toBe('a0\na1\na2\nb0\nb1\n');
    expect(report.groups[0].committed).toEqual({});
  });
});

describe('topics by regular expression (ConsumerWrapper: subscribe(Pattern))', () => {
  it('3.6 --include and 2.8 --whitelist match whole topic names; 2.8 has no --include', () => {
    const kraft = run('kraft', [cli(`kafka-console-consumer.sh ${BS} --include 'ord.*' --from-beginning --max-messages 1`), cli(`kafka-console-consumer.sh ${BS} --include 'ord' --from-beginning`)]);
    expect(kraft.cli[0].stdout).toBe('a0\n');
    expect(kraft.cli[1].stdout).toBe(''); // matches(), not find(): "ord" is not the whole name
    const zk = run('zookeeper', [cli(`kafka-console-consumer.sh ${BS} --whitelist 'ord.*' --from-beginning --max-messages 1`), cli(`kafka-console-consumer.sh ${BS} --include 'ord.*'`)]);
    expect(zk.cli[0].stdout).toBe('a0\n');
    expect(zk.cli[1].stderr.split('\n')[0]).toBe('include is not a recognized option');
  });
});

describe('era texts', () => {
  it('3.6 asks for --include/--topic and prints "()" for the missing --whitelist note; 2.8 asks for whitelist/topic', () => {
    expect(run('kraft', [cli(`kafka-console-consumer.sh ${BS}`)]).cli[0].stderr.split('\n')[0]).toBe('Exactly one of --include/--topic is required. ()');
    expect(run('zookeeper', [cli(`kafka-console-consumer.sh ${BS}`)]).cli[0].stderr.split('\n')[0]).toBe('Exactly one of whitelist/topic is required.');
  });

  it('--help prints the usage (maybePrintHelpOrVersion / printHelpAndExitIfNeeded), exit 1', () => {
    const report = run('kraft', [cli('kafka-console-consumer.sh --help')]);
    expect(report.cli[0].stderr.split('\n')[0]).toBe('This tool helps to read data from Kafka topics and outputs it to standard output.');
    expect(report.cli[0].stderr).toContain('--from-beginning');
    expect(report.cli[0].exitCode).toBe(1);
  });
});
