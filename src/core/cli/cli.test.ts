/**
 * Golden tests of the in-app CLI, both eras, against the formats and messages of Kafka's own
 * tools (each expectation cites its source at the tag: 3.6.2 / 2.8.2).
 */
import { describe, expect, it } from 'vitest';
import { validateScenarioDocument } from '../scenario/validateScenario';
import { simulate } from '../scenario/runScenario';
import { buildReport } from '../scenario/report';
import { tokenize } from './tokenize';
import { parseOptions } from './optionParser';

type Era = 'kraft' | 'zookeeper';

function run(era: Era, steps: unknown[], extra: Record<string, unknown> = {}) {
  const parsed = validateScenarioDocument({
    version: 1, seed: 5, cluster: { brokers: 3, metadata: era, ...extra },
    topics: [{ name: 'orders', partitions: 2, replicationFactor: 3, assignment: [[1, 2, 3], [2, 3, 1]] }], steps,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return buildReport(simulate(parsed.scenario));
}

const cli = (command: string, input?: string[]) => (input ? { op: 'cli', command, input } : { op: 'cli', command });
const BS = '--bootstrap-server localhost:9092';

describe('tokenize and joptsimple', () => {
  it('splits like a shell: quotes and escapes', () => {
    expect(tokenize(`a "b c" 'd e' f\\ g`)).toEqual({ ok: true, words: ['a', 'b c', 'd e', 'f g'] });
    expect(tokenize('a "b').ok).toBe(false);
  });

  it('takes --name value, --name=value and unique abbreviations (joptsimple AbbreviationMap)', () => {
    const specs = [{ name: 'topic', description: '', arg: { describedAs: 't', type: 'String' as const } }, { name: 'list', description: '' }];
    const o = parseOptions(specs, ['--top=x', '--li']);
    expect(o.value('topic')).toBe('x');
    expect(o.has('list')).toBe(true);
    expect(() => parseOptions(specs, ['--nope'])).toThrow('nope is not a recognized option');
  });
});

describe.each(['kraft', 'zookeeper'] as const)('kafka-topics.sh in %s', (era) => {
  it('creates, lists sorted and describes a topic with the era\'s lines (TopicCommand.PartitionDescription)', () => {
    const report = run(era, [
      cli(`kafka-topics.sh ${BS} --create --topic test --replica-assignment 2:3,3:1`),
      cli(`kafka-topics.sh ${BS} --list`),
      cli(`kafka-topics.sh ${BS} --describe --topic test`),
    ]);
    expect(report.cli[0]).toMatchObject({ stdout: 'Created topic test.\n', stderr: '', exitCode: 0 });
    expect(report.cli[1].stdout).toBe('orders\ntest\n');
    const lines = report.cli[2].stdout.split('\n');
    expect(lines[0]).toMatch(/^Topic: test\tTopicId: [A-Za-z0-9_-]{22}\tPartitionCount: 2\tReplicationFactor: 2\tConfigs: $/);
    expect(lines[1]).toBe('\tTopic: test\tPartition: 0\tLeader: 2\tReplicas: 2,3\tIsr: 2,3');
    expect(lines[2]).toBe('\tTopic: test\tPartition: 1\tLeader: 3\tReplicas: 3,1\tIsr: 3,1');
    // The topic is in the world and the report.
    expect(report.partitions.filter((p) => p.topic === 'test').map((p) => p.replicas)).toEqual([[2, 3], [3, 1]]);
  });

  it('prints Leader: none for a partition without a leader', () => {
    const report = run(era, [{ op: 'crash', broker: 1 }, { op: 'crash', broker: 2 }, { op: 'crash', broker: 3 }, { op: 'run', ms: 20000 },
      cli(`kafka-topics.sh ${BS} --describe --topic orders --unavailable-partitions`)]);
    const lines = report.cli[0].stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/\tLeader: none\t/);
  });

  it('refuses a replication factor larger than the brokers in the era\'s words', () => {
    const report = run(era, [cli(`kafka-topics.sh ${BS} --create --topic big --replication-factor 4`)]);
    // 3.6 ReplicationControlManager.createTopic + StripedReplicaPlacer; 2.8 AdminUtils.assignReplicasToBrokers.
    const message = era === 'kraft'
      ? 'Unable to replicate the partition 4 time(s): The target replication factor of 4 cannot be reached because only 3 broker(s) are registered.'
      : 'Replication factor: 4 larger than available brokers: 3.';
    expect(report.cli[0].exitCode).toBe(1);
    expect(report.cli[0].stdout).toBe(`Error while executing topic command : ${message}\n`);
    expect(report.cli[0].stderr).toContain(`ERROR org.apache.kafka.common.errors.InvalidReplicationFactorException: ${message}`);
    expect(report.cli[0].stderr).toContain('(kafka.admin.TopicCommand$)');
    expect(report.partitions.some((p) => p.topic === 'big')).toBe(false);
  });

  it('deletes a topic; a later step naming it is refused with UNKNOWN_TOPIC_OR_PARTITION', () => {
    const report = run(era, [
      cli(`kafka-topics.sh ${BS} --create --topic gone`),
      cli(`kafka-topics.sh ${BS} --delete --topic gone`),
      { op: 'produce', topic: 'gone', key: 'k', value: 'v' },
    ]);
    expect(report.cli[1]).toMatchObject({ stdout: '', exitCode: 0 });
    expect(report.partitions.some((p) => p.topic === 'gone')).toBe(false);
    expect(report.stepErrors).toEqual([expect.objectContaining({ step: 2, error: 'UNKNOWN_TOPIC_OR_PARTITION' })]);
  });

  it('refuses deletion when delete.topic.enable is false through --bootstrap-server (TopicDeletionDisabledException)', () => {
    const report = run(era, [cli(`kafka-topics.sh ${BS} --delete --topic orders`)], { config: { 'delete.topic.enable': false } });
    expect(report.cli[0].exitCode).toBe(1);
    expect(report.cli[0].stdout).toBe('Error while executing topic command : Topic deletion is disabled.\n');
    expect(report.partitions.some((p) => p.topic === 'orders')).toBe(true);
  });

  it('alters the partition count', () => {
    const report = run(era, [cli(`kafka-topics.sh ${BS} --alter --topic orders --partitions 3`)]);
    expect(report.cli[0].exitCode).toBe(0);
    expect(report.partitions.filter((p) => p.topic === 'orders')).toHaveLength(3);
  });
});

describe('era-specific flags', () => {
  it('kraft rejects --zookeeper as joptsimple does (TopicCommand 3.6 has no such option)', () => {
    const report = run('kraft', [cli('kafka-topics.sh --zookeeper localhost:2181 --list')]);
    expect(report.cli[0]).toMatchObject({
      stdout: '', exitCode: 1,
      stderr: 'Exception in thread "main" joptsimple.UnrecognizedOptionException: zookeeper is not a recognized option\n',
    });
  });

  it('2.8 deletes through --zookeeper by marking the topic; disabled deletion keeps it (ZookeeperTopicService.deleteTopic)', () => {
    const report = run('zookeeper', [
      cli('kafka-topics.sh --zookeeper localhost:2181 --delete --topic orders'),
      cli('kafka-topics.sh --zookeeper localhost:2181 --list'),
    ], { config: { 'delete.topic.enable': false } });
    expect(report.cli[0].stdout).toBe('Topic orders is marked for deletion.\nNote: This will have no impact if delete.topic.enable is not set to true.\n');
    expect(report.cli[0].exitCode).toBe(0);
    expect(report.cli[1].stdout).toBe('orders - marked for deletion\n');
  });

  it('a missing action prints the usage on stderr, exit 1 (CommandLineUtils.printUsageAndExit)', () => {
    const report = run('kraft', [cli(`kafka-topics.sh ${BS}`)]);
    expect(report.cli[0].exitCode).toBe(1);
    expect(report.cli[0].stderr.split('\n')[0]).toBe('Command must include exactly one action: --list, --describe, --create, --alter or --delete');
    expect(report.cli[0].stderr).toContain('--bootstrap-server <String: server to');
  });

  it('an unknown command is the shell\'s', () => {
    expect(run('kraft', [cli('kafka-foo.sh')]).cli[0]).toMatchObject({ exitCode: 127, stderr: 'bash: kafka-foo.sh: command not found\n' });
  });
});

describe('kafka-console-producer.sh', () => {
  it('appends one record per input line through the produce path, keys split by key.separator', () => {
    const report = run('kraft', [
      cli(`kafka-console-producer.sh ${BS} --topic orders --property parse.key=true --property key.separator=:`, ['alice:hello', 'bob:world']),
      { op: 'run', ms: 1000 },
    ]);
    expect(report.cli[0]).toMatchObject({ stdout: '>>>', exitCode: 0 });
    expect(report.produced.map((p) => [p.key, p.value, p.acks, p.acked])).toEqual([['alice', 'hello', 'all', true], ['bob', 'world', 'all', true]]);
  });

  it('2.8 defaults to acks=1 and accepts --broker-list; a line without the separator ends it (LineMessageReader)', () => {
    const report = run('zookeeper', [
      cli('kafka-console-producer.sh --broker-list localhost:9092 --topic orders --property parse.key=true', ['k\tv', 'novalue']),
    ]);
    expect(report.produced.map((p) => p.acks)).toEqual([1]);
    expect(report.cli[0].exitCode).toBe(1);
    expect(report.cli[0].stderr).toBe("org.apache.kafka.common.KafkaException: No key separator found on line number 2: 'novalue'\n");
  });
});

describe('kafka-configs.sh and kafka-leader-election.sh', () => {
  it('adds a topic config and describes it with its synonyms (ConfigCommand.describeResourceConfig)', () => {
    const report = run('kraft', [
      cli(`kafka-configs.sh ${BS} --alter --entity-type topics --entity-name orders --add-config retention.ms=60000`),
      cli(`kafka-configs.sh ${BS} --describe --entity-type topics --entity-name orders`),
      cli(`kafka-topics.sh ${BS} --describe --topic orders`),
    ]);
    expect(report.cli[0].stdout).toBe('Completed updating config for topic orders.\n');
    expect(report.cli[1].stdout).toBe('Dynamic configs for topic orders are:\n  retention.ms=60000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=60000, DEFAULT_CONFIG:log.retention.ms=604800000}\n');
    expect(report.cli[2].stdout.split('\n')[0]).toMatch(/\tConfigs: retention.ms=60000$/);
  });

  it('kraft: an unclean election only through the tool (ReplicationControlManager.electLeader)', () => {
    const report = run('kraft', [
      { op: 'crash', broker: 1 }, { op: 'crash', broker: 2 }, { op: 'crash', broker: 3 }, { op: 'run', ms: 20000 },
      { op: 'restart', broker: 2 }, { op: 'run', ms: 1000 },
      cli(`kafka-leader-election.sh ${BS} --election-type unclean --topic orders --partition 1`),
    ]);
    const p1 = report.partitions.find((p) => p.topic === 'orders' && p.partition === 1);
    expect(report.cli[0].stdout).toBe('Successfully completed leader election (UNCLEAN) for partitions orders-1\n');
    expect(p1?.leader).toBe(2);
  });

  it('preferred election not needed (ELECTION_NOT_NEEDED → "Valid replica already elected")', () => {
    const report = run('kraft', [cli(`kafka-leader-election.sh ${BS} --election-type preferred --topic orders --partition 0`)]);
    expect(report.cli[0]).toMatchObject({ stdout: 'Valid replica already elected for partitions orders-0\n', exitCode: 0 });
  });
});

describe('log timestamps', () => {
  it('formats the simulated clock as log4j ISO8601 from the epoch', async () => {
    const { logTimestamp } = await import('./cliOutput');
    expect(logTimestamp(0)).toBe('1970-01-01 00:00:00,000');
    // 2000-03-01 is day 11017 since the epoch (a leap-year boundary).
    expect(logTimestamp(11017 * 86400000 + 3723004)).toBe('2000-03-01 01:02:03,004');
  });
});

describe('a topic deleted while replication runs', () => {
  it('fetches in flight for it are dropped, and time goes on', () => {
    const report = run('kraft', [
      cli(`kafka-topics.sh ${BS} --create --topic brief --replication-factor 3`),
      { op: 'produce', topic: 'brief', key: 'k', value: 'v', acks: 1 },
      { op: 'run', ms: 1 },
      cli(`kafka-topics.sh ${BS} --delete --topic brief`),
      { op: 'run', ms: 2000 },
    ]);
    expect(report.partitions.some((p) => p.topic === 'brief')).toBe(false);
    expect(report.timeMs).toBe(2001);
  });
});
