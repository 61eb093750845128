/**
 * kafka-consumer-groups.sh in both eras, against Kafka's ConsumerGroupCommand (3.6.2 and 2.8.2
 * core/src/main/scala/kafka/admin/ConsumerGroupCommand.scala): `printOffsets`, `printMembers`,
 * `printStates`, `shouldPrintMemberState`, `ConsumerGroupService.listGroups/deleteGroups/
 * resetOffsets/prepareOffsetsToReset/checkOffsetsRange`, `checkArgs`. Tables are worked by hand
 * from the format strings (`%-Ns`, widths at least 15 and widened to the longest value).
 */
import { describe, expect, it } from 'vitest';
import { validateScenarioDocument } from '../scenario/validateScenario';
import { simulate } from '../scenario/runScenario';
import { buildReport } from '../scenario/report';

type Era = 'kraft' | 'zookeeper';
const BS = '--bootstrap-server localhost:9092';
const cli = (command: string) => ({ op: 'cli', command });
const pad = (s: string | number, n: number) => String(s).padEnd(n);

function doc(era: Era, steps: unknown[], consumerConfig: Record<string, unknown> = {}) {
  return {
    version: 1, seed: 5, cluster: { brokers: 3, metadata: era, config: { 'offsets.topic.num.partitions': 3 } },
    consumer: { config: { 'auto.offset.reset': 'earliest', 'enable.auto.commit': false, ...consumerConfig } },
    topics: [{ name: 'orders', partitions: 2, replicationFactor: 3, assignment: [[1, 2, 3], [2, 3, 1]] }],
    steps: [
      { op: 'produce', topic: 'orders', key: 'k', value: 'a{i}', count: 3, partition: 0 },
      { op: 'produce', topic: 'orders', key: null, value: 'b{i}', count: 2, partition: 1 },
      { op: 'run', ms: 1000 }, ...steps],
  };
}

function run(era: Era, steps: unknown[], consumerConfig: Record<string, unknown> = {}) {
  const parsed = validateScenarioDocument(doc(era, steps, consumerConfig));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return buildReport(simulate(parsed.scenario));
}

/** g1: c1 owns orders-0 and committed 3 (polled a0..a2); c2 owns orders-1, polled nothing yet and committed nothing. */
const stableGroup = [
  { op: 'subscribe', group: 'g1', member: 'c1', topics: ['orders'] }, { op: 'subscribe', group: 'g1', member: 'c2', topics: ['orders'] },
  { op: 'run', ms: 10000 }, { op: 'poll', group: 'g1', member: 'c1' }, { op: 'commit', group: 'g1', member: 'c1' }, { op: 'run', ms: 100 },
];
const leaveAll = [{ op: 'leave', group: 'g1', member: 'c1' }, { op: 'leave', group: 'g1', member: 'c2' }, { op: 'run', ms: 100 }];

function memberIds(report: ReturnType<typeof run>, command: number): string[] {
  return report.cli[command].stdout.split('\n').filter((l) => l.startsWith('g1 ')).map((l) => l.split(/\s+/)[1]);
}

describe.each(['kraft', 'zookeeper'] as const)('kafka-consumer-groups.sh in %s', (era) => {
  it('describes a Stable group\'s offsets: LOG-END-OFFSET is the HW, LAG its distance to the commit (printOffsets)', () => {
    const report = run(era, [...stableGroup, cli(`kafka-consumer-groups.sh ${BS} --describe --group g1`)]);
    const out = report.cli[0].stdout.split('\n');
    const ids = [out[2].split(/\s+/)[6], out[3].split(/\s+/)[6]];
    const w = Math.max(15, ...ids.map((x) => x.length));
    const line = (cells: (string | number)[]) => `${pad(cells[0], 15)} ${pad(cells[1], 15)} ${pad(cells[2], 10)} ${pad(cells[3], 15)} ${pad(cells[4], 15)} ${pad(cells[5], 15)} ${pad(cells[6], w)} ${pad(cells[7], 15)} ${cells[8]}`;
    expect(out).toEqual([
      '',
      line(['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'CONSUMER-ID', 'HOST', 'CLIENT-ID']),
      line(['g1', 'orders', 0, 3, 3, 0, ids[0], '/127.0.0.1', 'c1']),
      line(['g1', 'orders', 1, '-', 2, '-', ids[1], '/127.0.0.1', 'c2']),
      '',
    ]);
    expect(ids[0]).toMatch(/^c1-[0-9a-f-]{36}$/);
    expect(report.cli[0]).toMatchObject({ stderr: '', exitCode: 0 });
  });

  it('--members --verbose and --state (printMembers, printStates)', () => {
    const report = run(era, [...stableGroup,
      cli(`kafka-consumer-groups.sh ${BS} --describe --group g1 --members --verbose`),
      cli(`kafka-consumer-groups.sh ${BS} --describe --group g1 --state`)]);
    const ids = memberIds(report, 0);
    const w = Math.max(15, ...ids.map((x) => x.length));
    const row = (a: string, b: string, c: string, d: string, e: string | number) => `${pad(a, 15)} ${pad(b, w)} ${pad(c, 15)} ${pad(d, 15)} ${pad(e, 15)} `;
    expect(report.cli[0].stdout).toBe(`\n${row('GROUP', 'CONSUMER-ID', 'HOST', 'CLIENT-ID', '#PARTITIONS')}ASSIGNMENT\n`
      + `${row('g1', ids[0], '/127.0.0.1', 'c1', 1)}orders(0)\n${row('g1', ids[1], '/127.0.0.1', 'c2', 1)}orders(1)\n`);
    // The coordinator: leader of __consumer_offsets-(abs("g1".hashCode) % 3) = partition 2, led by broker 1 here.
    const coordinator = report.groups[0].coordinator;
    const where = `localhost:${9091 + (coordinator.broker ?? 0)} (${coordinator.broker})`;
    expect(coordinator.partition).toBe(2);
    expect(report.cli[1].stdout).toBe(`\n${pad('GROUP', 25)} ${pad('COORDINATOR (ID)', 25)} ${pad('ASSIGNMENT-STRATEGY', 20)} ${pad('STATE', 15)} #MEMBERS`
      + `\n${pad('g1', 25)} ${pad(where, 25)} ${pad('range', 20)} ${pad('Stable', 15)} 2\n`);
  });

  it('an Empty group: the message on stderr, its committed offsets without consumers; an unknown group: Error on stdout (shouldPrintMemberState)', () => {
    const report = run(era, [...stableGroup, ...leaveAll,
      cli(`kafka-consumer-groups.sh ${BS} --describe --group g1`),
      cli(`kafka-consumer-groups.sh ${BS} --describe --group nope`),
      cli(`kafka-consumer-groups.sh ${BS} --describe --group g1 --members`)]);
    const line = (cells: (string | number)[]) => `${pad(cells[0], 15)} ${pad(cells[1], 15)} ${pad(cells[2], 10)} ${pad(cells[3], 15)} ${pad(cells[4], 15)} ${pad(cells[5], 15)} ${pad(cells[6], 15)} ${pad(cells[7], 15)} ${cells[8]}`;
    expect(report.cli[0].stderr).toBe("\nConsumer group 'g1' has no active members.\n");
    expect(report.cli[0].stdout).toBe(`\n${line(['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'CONSUMER-ID', 'HOST', 'CLIENT-ID'])}\n${line(['g1', 'orders', 0, 3, 3, 0, '-', '-', '-'])}\n`);
    expect(report.cli[1]).toMatchObject({ stdout: "\nError: Consumer group 'nope' does not exist.\n", stderr: '', exitCode: 0 });
    // No members: no table at all.
    expect(report.cli[2]).toMatchObject({ stdout: '', stderr: "\nConsumer group 'g1' has no active members.\n" });
  });

  it('--list and --list --state (listGroups, printGroupStates)', () => {
    const report = run(era, [...stableGroup, { op: 'subscribe', group: 'a-much-longer-group-name', member: 'x', topics: ['orders'] },
      cli(`kafka-consumer-groups.sh ${BS} --list`), cli(`kafka-consumer-groups.sh ${BS} --list --state`),
      cli(`kafka-consumer-groups.sh ${BS} --list --state stable`), cli(`kafka-consumer-groups.sh ${BS} --list --state bogus`)]);
    expect(report.cli[0].stdout).toBe('a-much-longer-group-name\ng1\n');
    expect(report.cli[1].stdout).toBe(`${pad('GROUP', 24)} STATE\na-much-longer-group-name PreparingRebalance\n${pad('g1', 24)} Stable\n`);
    expect(report.cli[2].stdout).toBe(`${pad('GROUP', 15)} STATE\n${pad('g1', 15)} Stable\n`);
    expect(report.cli[3].stderr.split('\n')[0]).toBe("Invalid state list 'bogus'. Valid states are: PreparingRebalance, CompletingRebalance, Stable, Dead, Empty");
    expect(report.cli[3].exitCode).toBe(1);
  });

  it('--delete refuses a group with members (GroupNotEmptyException), deletes an Empty one and tombstones its offsets', () => {
    const report = run(era, [...stableGroup,
      cli(`kafka-consumer-groups.sh ${BS} --delete --group g1`), ...leaveAll,
      cli(`kafka-consumer-groups.sh ${BS} --delete --group g1`),
      cli(`kafka-consumer-groups.sh ${BS} --delete --group g1`)]);
    expect(report.cli[0].stdout).toBe("\nError: Deletion of some consumer groups failed:\n* Group 'g1' could not be deleted due to: java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.GroupNotEmptyException: The group is not empty.\n");
    expect(report.cli[1].stdout).toBe("Deletion of requested consumer groups ('g1') was successful.\n");
    expect(report.cli[2].stdout).toContain("* Group 'g1' could not be deleted due to: java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.GroupIdNotFoundException: The group id does not exist.");
    expect(report.cli.every((c) => c.exitCode === 0)).toBe(true);
    expect(report.groups).toEqual([]);
    const log = report.partitions.find((p) => p.topic === '__consumer_offsets' && p.partition === 2)!.replicaStates[0].log;
    expect(log.map((r) => [r.key, r.value])).toEqual([['[g1,orders,0]', 'offset=3 commitTimestamp=11000'], ['[g1,orders,0]', '']]);
  });

  it('--reset-offsets: refused while the group is active; a dry run changes nothing; --execute commits (resetOffsets)', () => {
    const report = run(era, [...stableGroup,
      cli(`kafka-consumer-groups.sh ${BS} --reset-offsets --group g1 --topic orders --to-earliest --execute`), ...leaveAll,
      cli(`kafka-consumer-groups.sh ${BS} --reset-offsets --group g1 --topic orders --shift-by -2 --dry-run`),
      cli(`kafka-consumer-groups.sh ${BS} --reset-offsets --group g1 --topic orders --to-earliest --execute`), { op: 'run', ms: 100 }]);
    const header = `\n${pad('GROUP', 30)} ${pad('TOPIC', 30)} ${pad('PARTITION', 10)} ${pad('NEW-OFFSET', 15)}\n`;
    const row = (p: number, o: number) => `${pad('g1', 30)} ${pad('orders', 30)} ${pad(p, 10)} ${pad(o, 15)}\n`;
    expect(report.cli[0].stdout).toBe(`\nError: Assignments can only be reset if the group 'g1' is inactive, but the current state is Stable.\n${header}`);
    // --shift-by needs a committed offset for every partition: orders-1 has none (IllegalArgumentException → usage).
    expect(report.cli[1].stderr).toContain('Cannot shift offset for partition orders-1 since there is no current committed offset');
    expect(report.cli[1].exitCode).toBe(1);
    expect(report.cli[2].stdout).toBe(`${header}${row(0, 0)}${row(1, 0)}`);
    expect(report.groups[0].committed).toEqual({ 'orders-0': 0, 'orders-1': 0 });
  });

  it('--to-offset and --shift-by are clamped to [log start, HW] with Kafka\'s WARN (checkOffsetsRange)', () => {
    const report = run(era, [...stableGroup, ...leaveAll,
      cli(`kafka-consumer-groups.sh ${BS} --reset-offsets --group g1 --topic orders:0 --to-offset 10 --dry-run`),
      cli(`kafka-consumer-groups.sh ${BS} --reset-offsets --group g1 --topic orders:0 --shift-by -5 --dry-run`)]);
    expect(report.cli[0].stderr).toMatch(/^\[1970-01-01 00:00:11,\d{3}\] WARN New offset \(10\) is higher than latest offset for topic partition orders-0\. Value will be set to 3 \(kafka\.admin\.ConsumerGroupCommand\$\)\n$/);
    expect(report.cli[0].stdout.split('\n')[2]).toBe(`${pad('g1', 30)} ${pad('orders', 30)} ${pad(0, 10)} ${pad(3, 15)}`);
    expect(report.cli[1].stderr).toContain('WARN New offset (-2) is lower than earliest offset for topic partition orders-0. Value will be set to 0');
    expect(report.groups[0].committed).toEqual({ 'orders-0': 3 });
  });

  it('--to-current keeps committed offsets and takes the end for the others; --all-topics is the committed partitions; --describe --all-groups', () => {
    const report = run(era, [...stableGroup, ...leaveAll,
      cli(`kafka-consumer-groups.sh ${BS} --reset-offsets --group g1 --topic orders --to-current --dry-run`),
      cli(`kafka-consumer-groups.sh ${BS} --reset-offsets --group g1 --all-topics --to-earliest --dry-run`),
      cli(`kafka-consumer-groups.sh ${BS} --describe --all-groups --state`)]);
    const row = (p: number, o: number) => `${pad('g1', 30)} ${pad('orders', 30)} ${pad(p, 10)} ${pad(o, 15)}`;
    expect(report.cli[0].stdout.split('\n').slice(2, 4)).toEqual([row(0, 3), row(1, 2)]);
    expect(report.cli[1].stdout.split('\n').slice(2)).toEqual([row(0, 0), '']);
    expect(report.cli[2].stdout.split('\n')[2]).toMatch(/^g1 +localhost:\d+ \(\d\) +Empty +0$/);
    expect(report.cli[2].stderr).toBe("\nConsumer group 'g1' has no active members.\n");
  });

  it('checkArgs and joptsimple: required server first, option conflicts, availableIf', () => {
    const report = run(era, [
      cli('kafka-consumer-groups.sh --list'),
      cli(`kafka-consumer-groups.sh ${BS} --list --group g1`),
      cli(`kafka-consumer-groups.sh ${BS} --list --members`),
      cli(`kafka-consumer-groups.sh ${BS} --describe`),
      cli(`kafka-consumer-groups.sh ${BS}`),
      cli(`kafka-consumer-groups.sh ${BS} --reset-offsets --group g1 --to-latest --to-earliest`),
    ]);
    expect(report.cli.map((c) => c.stderr.split('\n')[0])).toEqual([
      'Missing required argument "[bootstrap-server]"',
      'Option "[group]" can\'t be used with option "[list]"',
      'Exception in thread "main" joptsimple.UnavailableOptionException: Option(s) [members] are unavailable given other options on the command line',
      'Option [describe] takes one of these options: [group], [all-groups]',
      'Command must include exactly one action: --list, --describe, --delete, --reset-offsets, --delete-offsets',
      'WARN: No action will be performed as the --execute option is missing.In a future major release, the default behavior of this command will be to prompt the user before executing the reset rather than doing a dry run. You should add the --dry-run option explicitly if you are scripting this command and want to keep the current default behavior without prompting.',
    ]);
    expect(report.cli[5].stderr.split('\n')[1]).toBe('Option "[to-earliest]" can\'t be used with option "[to-latest]"');
    expect(report.cli.map((c) => c.exitCode)).toEqual([1, 1, 1, 1, 1, 1]);
  });
});

describe('era differences', () => {
  it('2.8\'s tool does not see offsets committed to ZooKeeper (offsets.storage: zookeeper)', () => {
    const report = run('zookeeper', [...stableGroup, cli(`kafka-consumer-groups.sh ${BS} --describe --group g1`)], { 'offsets.storage': 'zookeeper' });
    expect(report.groups[0].committed).toEqual({ 'orders-0': 3 });
    expect(report.cli[0].stdout.split('\n')[2].split(/\s+/).slice(0, 6)).toEqual(['g1', 'orders', '0', '-', '3', '-']);
  });

  it('the --reset-offsets help lists --to-offset in 3.6 only (ResetOffsetsDoc)', () => {
    const kraft = run('kraft', [cli('kafka-consumer-groups.sh --help')]).cli[0].stderr.replace(/\s+/g, ' ');
    const zk = run('zookeeper', [cli('kafka-consumer-groups.sh --help')]).cli[0].stderr.replace(/\s+/g, ' ');
    expect(kraft).toContain('--shift-by, --from-file, --to-current, --to-offset.');
    expect(zk).toContain('--to-datetime, --by-period, --to-earliest');
    expect(zk).not.toContain('--to-current, --to-offset.');
  });
});

describe('no coordinator', () => {
  it('one broker cannot hold __consumer_offsets with 3 replicas: describe fails at once, the console consumer times out', () => {
    const parsed = validateScenarioDocument({
      version: 1, cluster: { brokers: 1 }, topics: [{ name: 'orders', partitions: 1, replicationFactor: 1 }],
      steps: [cli(`kafka-consumer-groups.sh ${BS} --describe --group g`), cli(`kafka-console-consumer.sh ${BS} --topic orders --group g`)],
    });
    if (!parsed.ok) throw new Error('invalid');
    const report = buildReport(simulate(parsed.scenario));
    expect(report.cli[0]).toMatchObject({
      stdout: '\nError: Executing consumer group command failed due to org.apache.kafka.common.errors.CoordinatorNotAvailableException: The coordinator is not available.\n',
      stderr: 'java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.CoordinatorNotAvailableException: The coordinator is not available.\n',
      exitCode: 0,
    });
    expect(report.cli[1].stderr).toContain('Processed a total of 0 messages');
    expect(report.groups).toEqual([]);
  });
});

describe('validation', () => {
  it('a later step may name a group an earlier cli step created', () => {
    const report = run('kraft', [
      cli(`kafka-console-consumer.sh ${BS} --topic orders --group made-by-cli --from-beginning`), { op: 'run', ms: 100 },
      cli(`kafka-consumer-groups.sh ${BS} --describe --group made-by-cli`),
      { op: 'subscribe', group: 'made-by-cli', member: 'c1', topics: ['orders'] }, { op: 'run', ms: 10000 }, { op: 'poll', group: 'made-by-cli', member: 'c1' }]);
    expect(report.cli[1].stdout.split('\n')[2].split(/\s+/).slice(0, 6)).toEqual(['made-by-cli', 'orders', '0', '3', '3', '0']);
    // c1 starts from the console consumer's commit: nothing left to read.
    expect(report.polled.filter((p) => p.member === 'c1').flatMap((p) => p.records)).toEqual([]);
  });

  it('a cli step that finds a coordinator counts __consumer_offsets in the partition limit', () => {
    const big = (command: string) => {
      const d = doc('kraft', [cli(command)]);
      return validateScenarioDocument({ ...d, cluster: { ...d.cluster, config: { 'offsets.topic.num.partitions': 1023 } } });
    };
    const withGroup = big(`kafka-console-consumer.sh ${BS} --topic orders --group g`);
    expect(withGroup.ok).toBe(false);
    if (!withGroup.ok) expect(JSON.stringify(withGroup.problems)).toMatch(/steps\[3\]\.op.*creates __consumer_offsets with 1023 partitions/);
    expect(big(`kafka-console-consumer.sh ${BS} --topic orders`).ok).toBe(false);
    expect(big(`kafka-console-consumer.sh ${BS} --topic orders --partition 0`).ok).toBe(true);
    expect(big(`kafka-consumer-groups.sh ${BS} --list`).ok).toBe(true);
    expect(big(`kafka-consumer-groups.sh ${BS} --describe --all-groups`).ok).toBe(false);
  });
});
