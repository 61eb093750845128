/**
 * kafka-consumer-groups.sh `--reset-offsets --to-datetime/--by-duration/--from-file/--export` and
 * `--delete-offsets`, against 3.6.2 and 2.8.2 core/src/main/scala/kafka/admin/ConsumerGroupCommand.scala
 * (`prepareOffsetsToReset`, `getLogTimestampOffsets`, `parseResetPlan`, `exportOffsetsToCsv`,
 * `deleteOffsets`), clients/.../common/utils/Utils.java `getDateTime` and its UtilsTest
 * (`shouldAcceptValidDateFormats`, `shouldThrowOnInvalidDateFormatOrNullTimestamp`), and the
 * worked examples of `java.time.Duration.parse`'s Javadoc. Expected values are worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { validateScenarioDocument } from '../scenario/validateScenario';
import { simulate } from '../scenario/runScenario';
import { buildReport } from '../scenario/report';
import { getDateTime, parseDurationNanos, timestampBefore } from './offsetsForTimes';

type Era = 'kraft' | 'zookeeper';
const BS = '--bootstrap-server localhost:9092';
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const cli = (command: string, input?: string[]) => (input ? { op: 'cli', command, input } : { op: 'cli', command });

/**
 * orders-0: a0..a2 at t = 0, c0 c1 at t = 11,100; orders-1: b0 b1 at t = 0. Group g1 (c1) commits
 * orders-0 → 3 and orders-1 → 2 at t ≈ 11,000, then (with `leave`) is Empty from t ≈ 12,100.
 */
function run(era: Era, steps: unknown[], leave = true) {
  const parsed = validateScenarioDocument({
    version: 1, seed: 5, cluster: { brokers: 3, metadata: era, config: { 'offsets.topic.num.partitions': 3 } },
    consumer: { config: { 'auto.offset.reset': 'earliest', 'enable.auto.commit': false } },
    topics: [{ name: 'orders', partitions: 2, replicationFactor: 3, assignment: [[1, 2, 3], [2, 3, 1]] }],
    steps: [
      { op: 'produce', topic: 'orders', key: 'k', value: 'a{i}', count: 3, partition: 0 },
      { op: 'produce', topic: 'orders', key: null, value: 'b{i}', count: 2, partition: 1 },
      { op: 'run', ms: 1000 },
      { op: 'subscribe', group: 'g1', member: 'c1', topics: ['orders'] }, { op: 'run', ms: 10000 },
      { op: 'poll', group: 'g1', member: 'c1' }, { op: 'commit', group: 'g1', member: 'c1' }, { op: 'run', ms: 100 },
      { op: 'produce', topic: 'orders', key: 'k', value: 'c{i}', count: 2, partition: 0 }, { op: 'run', ms: 1000 },
      ...(leave ? [{ op: 'leave', group: 'g1', member: 'c1' }, { op: 'run', ms: 100 }] : []),
      ...steps],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return buildReport(simulate(parsed.scenario));
}

const header = `\n${pad('GROUP', 30)} ${pad('TOPIC', 30)} ${pad('PARTITION', 10)} ${pad('NEW-OFFSET', 15)}\n`;
const row = (p: number, o: number) => `${pad('g1', 30)} ${pad('orders', 30)} ${pad(p, 10)} ${pad(o, 15)}\n`;
const warn = (p: number) => `\nWarn: Partition ${p} from topic orders is empty. Falling back to latest known offset.\n`;

describe('Utils.getDateTime', () => {
  it('reads the formats of shouldAcceptValidDateFormats; no zone is UTC; the epoch is simulated time 0', () => {
    expect(getDateTime('1970-01-01T00:00:05.000')).toBe(5000);
    expect(getDateTime('1970-01-01T00:00:05.000Z')).toBe(5000);
    expect(getDateTime('1970-01-01T01:00:05.000+01:00')).toBe(5000); // XXX
    expect(getDateTime('1970-01-01T01:00:05.000+0100')).toBe(5000); // Z (RFC 822): X reads +01 and ignores the rest
    expect(getDateTime('1969-12-31T19:00:05.000-05')).toBe(5000); // X
    expect(getDateTime('2020-11-09T12:34:56.123')).toBe(1604925296123);
    // SimpleDateFormat counts digits only between abutting numbers: `.5` is 5 ms.
    expect(getDateTime('1970-01-01T00:00:00.5')).toBe(5);
  });

  it('throws Kafka\'s and the JDK\'s ParseExceptions (shouldThrowOnInvalidDateFormatOrNullTimestamp)', () => {
    expect(() => getDateTime('2020-11-09 12:34:56')).toThrow("Error parsing timestamp. It does not contain a 'T' according to ISO8601 format");
    expect(() => getDateTime('2020-11-09T12:34:56')).toThrow('Unparseable date: "2020-11-09T12:34:56Z"');
    expect(() => getDateTime('2020-11-09T12:34:56.123456')).toThrow('Unparseable date'); // micro seconds
    expect(() => getDateTime('2021-02-29T00:00:00.000')).toThrow('Unparseable date'); // not lenient
  });
});

describe('Duration.parse (its Javadoc\'s examples) and now − duration', () => {
  it('parses PnDTnHnMn.nS with signs', () => {
    const s = 1_000_000_000n;
    expect(parseDurationNanos('PT20.345S')).toBe(20n * s + 345_000_000n);
    expect(parseDurationNanos('PT15M')).toBe(15n * 60n * s);
    expect(parseDurationNanos('P2DT3H4M')).toBe(((2n * 24n + 3n) * 60n + 4n) * 60n * s);
    expect(parseDurationNanos('PT-6H3M')).toBe((-6n * 60n + 3n) * 60n * s);
    expect(parseDurationNanos('-PT6H3M')).toBe(-(6n * 60n + 3n) * 60n * s);
    expect(parseDurationNanos('-PT-6H+3M')).toBe((6n * 60n - 3n) * 60n * s);
    expect(parseDurationNanos('pt0.1s')).toBe(100_000_000n);
    for (const bad of ['PT', 'P', 'P1H', '1M', 'PT1.5M']) expect(() => parseDurationNanos(bad)).toThrow('Text cannot be parsed to a Duration');
  });

  it('Instant.minus(...).toEpochMilli floors', () => {
    expect(timestampBefore(12_200, parseDurationNanos('PT5S'))).toBe(7_200);
    expect(timestampBefore(0, parseDurationNanos('PT0.0005S'))).toBe(-1);
  });
});

describe.each(['kraft', 'zookeeper'] as const)('--reset-offsets by time, from a file, exported (%s)', (era) => {
  it('--to-datetime: the first offset whose record is that recent; none → the HW (3.6 warns)', () => {
    const report = run(era, [cli(`kafka-consumer-groups.sh ${BS} --reset-offsets --group g1 --topic orders --to-datetime 1970-01-01T00:00:05.000 --execute`)]);
    // orders-0: a0..a2 at 0 ms, c0 at 11,100 ms → offset 3; orders-1 has nothing at or after 5,000 ms → HW 2.
    expect(report.cli[0]).toMatchObject({ stdout: `${era === 'kraft' ? warn(1) : ''}${header}${row(0, 3)}${row(1, 2)}`, stderr: '', exitCode: 0 });
    expect(report.groups.find((g) => g.group === 'g1')?.committed).toEqual({ 'orders-0': 3, 'orders-1': 2 });
  });

  it('--by-duration counts back from the step\'s simulated time; --export prints the plan as CSV', () => {
    // Now ≈ 12,200 ms: PT12S → ~200 ms, after a0..a2 (0 ms), before c0 (11,100 ms) → orders-0: 3.
    // PT13S → before 0 → the first offset; 2.8 and 3.6 alike.
    const report = run(era, [
      cli(`kafka-consumer-groups.sh ${BS} --reset-offsets --group g1 --topic orders:0 --by-duration PT12S --dry-run --export`),
      cli(`kafka-consumer-groups.sh ${BS} --reset-offsets --group g1 --topic orders --by-duration PT13S --dry-run --export`),
      cli(`kafka-consumer-groups.sh ${BS} --reset-offsets --group g1 --group g2 --topic orders --to-earliest --dry-run --export`),
      cli(`kafka-consumer-groups.sh ${BS} --reset-offsets --group g1 --topic orders --by-duration 12S --dry-run`)]);
    expect(report.cli[0].stdout).toBe('orders,0,3\n\n');
    expect(report.cli[1].stdout).toBe('orders,0,0\norders,1,0\n\n');
    // Two groups: the group,topic,partition,offset layout (g2 is unknown: Dead, so resettable).
    expect(report.cli[2].stdout).toBe('g1,orders,0,0\ng1,orders,1,0\ng2,orders,0,0\ng2,orders,1,0\n\n');
    expect(report.cli[3]).toMatchObject({ stdout: '\nError: Executing consumer group command failed due to Text cannot be parsed to a Duration\n', exitCode: 0 });
    expect(report.cli[3].stderr).toContain('java.time.format.DateTimeParseException: Text cannot be parsed to a Duration');
    expect(report.groups.find((g) => g.group === 'g1')?.committed).toEqual({ 'orders-0': 3, 'orders-1': 2 });
  });

  it('--from-file reads the step\'s input as the CSV, clamps each offset, and names a missing file or group', () => {
    const report = run(era, [
      cli(`kafka-consumer-groups.sh ${BS} --reset-offsets --group g1 --from-file plan.csv --execute`, ['orders,0,1', 'orders,1,9']),
      cli(`kafka-consumer-groups.sh ${BS} --reset-offsets --group g1 --from-file plan.csv --dry-run`),
      cli(`kafka-consumer-groups.sh ${BS} --reset-offsets --group g1 --group g9 --from-file plan.csv --dry-run`, ['g1,orders,0,2']),
      cli(`kafka-consumer-groups.sh ${BS} --reset-offsets --group g1 --from-file plan.csv --dry-run`, ['orders,x,1']),
      cli(`kafka-consumer-groups.sh ${BS} --reset-offsets --group g1 --from-file plan.csv --dry-run`, ['orders,0,x']), { op: 'run', ms: 100 }]);
    expect(report.cli[0].stdout).toBe(`${header}${row(0, 1)}${row(1, 2)}`);
    expect(report.cli[0].stderr).toMatch(/WARN New offset \(9\) is higher than latest offset for topic partition orders-1\. Value will be set to 2/);
    expect(report.cli[1]).toMatchObject({ stdout: '\nError: Executing consumer group command failed due to plan.csv\n', stderr: expect.stringContaining('java.nio.file.NoSuchFileException: plan.csv') });
    expect(report.cli[2].stdout).toBe(`\nError: No reset plan for group g9 found\n${header}${row(0, 2)}`);
    // Not topic,int,long: read as group,topic,partition,offset → a plan for group "orders" only.
    expect(report.cli[3].stdout).toBe(`\nError: No reset plan for group g1 found\n${header}`);
    expect(report.cli[4].stdout).toContain('failed due to Cannot deserialize value of type `int` from String "x"');
    expect(report.groups.find((g) => g.group === 'g1')?.committed).toEqual({ 'orders-0': 1, 'orders-1': 2 });
  });
});

describe.each(['kraft', 'zookeeper'] as const)('--delete-offsets (%s)', (era) => {
  const table = (rows: [string, string | number, string][]) => `\n${pad('TOPIC', 30)} ${pad('PARTITION', 15)} ${pad('STATUS', 15)}\n`
    + rows.map(([t, p, s]) => `${pad(t, 30)} ${pad(p, 15)} ${pad(s, 15)}\n`).join('');
  const unknown = 'Error: org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.';

  it('a group with members keeps the offsets of topics it subscribes to (GROUP_SUBSCRIBED_TO_TOPIC)', () => {
    const report = run(era, [cli(`kafka-consumer-groups.sh ${BS} --delete-offsets --group g1 --topic orders`)], false);
    const subscribed = 'Error: org.apache.kafka.common.errors.GroupSubscribedToTopicException: Deleting offsets of a topic is forbidden while the consumer group is actively subscribed to it.';
    expect(report.cli[0]).toMatchObject({
      stdout: `\nError: Encounter some partition level error, see the follow-up details:\n${table([['orders', 0, subscribed], ['orders', 1, subscribed]])}`, exitCode: 0,
    });
    expect(report.groups[0].committed).toEqual({ 'orders-0': 3, 'orders-1': 2 });
  });

  it('an Empty group loses them; unknown topics and partitions get their rows; no offset left → the group is gone', () => {
    const report = run(era, [
      cli(`kafka-consumer-groups.sh ${BS} --delete-offsets --group g1 --topic orders:1,7 --topic nope`),
      cli(`kafka-consumer-groups.sh ${BS} --delete-offsets --group g1 --topic orders`),
      cli(`kafka-consumer-groups.sh ${BS} --delete-offsets --group g1 --topic orders`),
      cli(`kafka-consumer-groups.sh ${BS} --delete-offsets --group g1`)]);
    expect(report.cli[0].stdout).toBe(`\nError: Encounter some partition level error, see the follow-up details:\n${table([['nope', 'Not Provided', unknown], ['orders', 1, 'Successful'], ['orders', 7, unknown]])}`);
    expect(report.cli[1].stdout).toBe(`Request succeed for deleting offsets with topic orders group g1\n${table([['orders', 0, 'Successful'], ['orders', 1, 'Successful']])}`);
    // cleanupGroupMetadata: Empty with no offsets → Dead, removed; then GROUP_ID_NOT_FOUND for the request.
    const notFound = 'Error: org.apache.kafka.common.errors.GroupIdNotFoundException: The group id does not exist.';
    expect(report.cli[2].stdout).toBe(`\nError: 'g1' does not exist.\n${table([['orders', 0, notFound], ['orders', 1, notFound]])}`);
    expect(report.cli[3].stderr.split('\n')[0]).toBe('Option [delete-offsets] takes the following options: [group], [topic]');
    expect(report.cli[3].exitCode).toBe(1);
    expect(report.groups.find((g) => g.group === 'g1')).toBeUndefined();
    const log = report.partitions.find((p) => p.topic === '__consumer_offsets' && p.partition === 2)!.replicaStates[0].log;
    expect(log.map((r) => [r.key, r.value]).slice(-1)).toEqual([['[g1,orders,0]', '']]);
  });

  it('a bad partition list: 3.6\'s IllegalArgumentException, 2.8\'s NumberFormatException (both the usage, exit 1)', () => {
    const report = run(era, [cli(`kafka-consumer-groups.sh ${BS} --delete-offsets --group g1 --topic orders:x`)]);
    expect(report.cli[0].stderr.split('\n')[0]).toBe(era === 'kraft' ? "Invalid partition 'x' specified in topic arg 'orders:x''" : 'For input string: "x"');
    expect(report.cli[0].exitCode).toBe(1);
  });
});
