/**
 * Validation (docs/scenario-format.md, "The headless runner"): every problem named by its JSON
 * path, once, in document order; `$` for the document itself.
 */
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from './scenarioText';
import { formatProblem, validateScenarioDocument } from './validateScenario';

function problems(document: unknown): string[] {
  const result = typeof document === 'string' ? parseScenarioText(document) : validateScenarioDocument(document);
  return result.ok ? [] : result.problems.map(formatProblem);
}

const base = () => ({
  version: 1,
  cluster: { brokers: 3, replication: 'manual' },
  topics: [{ name: 'orders', partitions: 2, replicationFactor: 3 }],
  steps: [{ op: 'produce', topic: 'orders', key: 'k', value: 'v' }] as Record<string, unknown>[],
});

describe('valid documents', () => {
  it('fills in the kraft era defaults', () => {
    const result = validateScenarioDocument(base());
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const s = result.scenario;
    expect(s.seed).toBe(1);
    expect(s.title).toBe('');
    expect(s.cluster).toMatchObject({ brokers: [1, 2, 3], metadata: 'kraft', truncation: 'leader-epoch', networkDelayMs: 1 });
    expect(s.cluster.config['replica.lag.time.max.ms']).toBe(30000);
    expect(s.cluster.config.sessionTimeoutMs).toBe(9000);
    expect(s.producer).toMatchObject({ partitioner: 'built-in', acks: 'all' });
    expect(s.producer.config['enable.idempotence']).toBe(true);
    expect(s.consumer.config['session.timeout.ms']).toBe(45000);
    expect(s.topics[0].config['min.insync.replicas']).toBe(1);
  });

  it('fills in the zookeeper era defaults (Kafka 2.8)', () => {
    const result = validateScenarioDocument({ ...base(), cluster: { brokers: [3, 1, 2], metadata: 'zookeeper', replication: 'manual' } });
    if (!result.ok) throw new Error('invalid');
    expect(result.scenario.cluster.brokers).toEqual([1, 2, 3]);
    expect(result.scenario.cluster.config.sessionTimeoutMs).toBe(18000);
    expect(result.scenario.producer).toMatchObject({ partitioner: 'sticky', acks: 1 });
    expect(result.scenario.producer.config['enable.idempotence']).toBe(false);
    expect(result.scenario.consumer.config['session.timeout.ms']).toBe(10000);
  });

  it('topic config inherits the broker config', () => {
    const doc = { ...base(), cluster: { brokers: 3, replication: 'manual', config: { 'min.insync.replicas': 2, 'log.segment.bytes': 1000 } } };
    const result = validateScenarioDocument(doc);
    if (!result.ok) throw new Error('invalid');
    expect(result.scenario.topics[0].config).toMatchObject({ 'min.insync.replicas': 2, 'segment.bytes': 1000 });
  });

  it('idempotence left unset turns off quietly with acks=1 (KAFKA-13598)', () => {
    const result = validateScenarioDocument({ ...base(), producer: { acks: 1 } });
    if (!result.ok) throw new Error('invalid');
    expect(result.scenario.producer.config['enable.idempotence']).toBe(false);
  });
});

describe('invalid documents', () => {
  it('not JSON: $ with line and column', () => {
    expect(problems('{\n  "version": 1,\n}')).toEqual(['$: not valid JSON (line 3, column 1: unexpected "}"; a property name in double quotes was expected)']);
    expect(problems('')).toEqual(['$: not valid JSON (line 1, column 1: unexpected end of input; a value was expected)']);
    expect(problems('[1, 2')[0]).toMatch(/^\$: not valid JSON \(line 1, column 6: unexpected end of input/);
  });

  it('a key twice in one object', () => {
    expect(problems('{"version": 1, "seed": 1, "seed": 2}')).toEqual(['seed: appears more than once in the same object']);
  });

  it('the document must be an object with version 1', () => {
    expect(problems([])).toEqual(['$: must be an object, not an array']);
    expect(problems({})).toEqual(['version: is required']);
    expect(problems({ ...base(), version: 2 })).toEqual(['version: must be 1 (this is scenario format 1), not 2']);
  });

  it('an unknown field anywhere', () => {
    const doc = base() as Record<string, unknown>;
    doc.extra = true;
    (doc.cluster as Record<string, unknown>).racks = 2;
    doc.steps = [{ op: 'produce', topic: 'orders', key: 'k', value: 'v', headers: [] }];
    expect(problems(doc)).toEqual([
      'cluster.racks: unknown field (expected one of: brokers, metadata, truncation, replication, networkDelayMs, config)',
      'steps[0].headers: unknown field (expected one of: op, note, topic, key, value, partition, acks, count)',
      'extra: unknown field (expected one of: version, title, seed, cluster, producer, consumer, topics, steps)',
    ]);
  });

  it('an unknown op names every op of format 1; a cli step is valid', () => {
    const doc = base();
    doc.steps = [{ op: 'explode' }, { op: 'cli', command: 'kafka-topics.sh --list' }];
    expect(problems(doc)).toEqual([
      'steps[0].op: unknown op "explode" (expected one of: produce, run, fetch, crash, restart, shutdown, isolate, heal, subscribe, leave, poll, commit, kill, pause, resume, cli)',
    ]);
  });

  it('group steps: members must have subscribed earlier, names unique while running, config checked like consumer.config', () => {
    const doc = base();
    doc.steps = [
      { op: 'poll', group: 'g', member: 'c1' },
      { op: 'subscribe', group: 'g', member: 'c1', topics: ['orders', 'nope'], assignor: 'fair', config: { 'max.poll.records': 0, 'fetch.min.bytes': 1 } },
      { op: 'subscribe', group: 'g', member: 'c1', topics: ['orders'] },
      { op: 'kill', group: 'g', member: 'c1' },
      { op: 'subscribe', group: 'g', member: 'c1', topics: [], instanceId: '' },
      { op: 'commit', group: 'other', member: 'c1' },
      { op: 'poll', group: 'g', member: 'c1', maxRecords: 0, extra: 1 },
      { op: 'subscribe', group: 'g', member: 'c2', topics: ['orders'], config: { 'offsets.storage': 'zookeeper', 'session.timeout.ms': 3000 } },
    ];
    expect(problems(doc)).toEqual([
      'steps[0].member: "c1" has not subscribed to group "g" in an earlier step',
      'steps[1].topics[1]: topic "nope" is not declared (topics are orders)',
      'steps[1].assignor: must be one of "range", "roundrobin", "sticky", "cooperative-sticky", not the string "fair"',
      'steps[1].config["max.poll.records"]: 0 is out of range (must be from 1 to 2147483647)',
      'steps[1].config["fetch.min.bytes"]: unknown consumer property (supported: auto.offset.reset, session.timeout.ms, heartbeat.interval.ms, enable.auto.commit, auto.commit.interval.ms, max.poll.records, max.poll.interval.ms, fetch.max.wait.ms, offsets.storage)',
      'steps[2].member: "c1" is already subscribed to group "g" (member names are unique within a group; leave or kill it first)',
      'steps[4].topics: must name at least one topic',
      'steps[4].instanceId: must not be empty (group.instance.id must be a non-empty string)',
      'steps[5].member: "c1" has not subscribed to group "other" in an earlier step',
      'steps[6].maxRecords: 0 is out of range (must be from 1 to 2147483647)',
      'steps[6].extra: unknown field (expected one of: op, note, group, member, maxRecords)',
      'steps[7].config["offsets.storage"]: "zookeeper" exists only in the zookeeper era (consumers before 0.9 committed offsets to ZooKeeper)',
      'steps[7].config["session.timeout.ms"]: heartbeat.interval.ms must be lower than session.timeout.ms (Kafka\'s Heartbeat requires it)',
    ]);
  });

  it('a valid subscribe gets the document\'s consumer defaults under its own overrides', () => {
    const doc: Record<string, unknown> = { ...base(), consumer: { config: { 'max.poll.records': 7, 'auto.offset.reset': 'earliest' } } };
    doc.steps = [{ op: 'subscribe', group: 'g', member: 'c1', topics: ['orders'], config: { 'max.poll.records': 3 } }];
    const result = validateScenarioDocument(doc);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.scenario.steps[0]).toMatchObject({
      op: 'subscribe', assignor: 'range', instanceId: null,
      config: { 'max.poll.records': 3, 'auto.offset.reset': 'earliest', 'session.timeout.ms': 45000, 'max.poll.interval.ms': 300000 },
    });
  });

  it('a missing broker, topic or partition', () => {
    const doc = base();
    doc.steps = [
      { op: 'fetch', broker: 7 },
      { op: 'produce', topic: 'payments', key: null, value: 'v' },
      { op: 'fetch', broker: 2, topic: 'orders', partition: 2 },
    ];
    expect(problems(doc)).toEqual([
      'steps[0].broker: broker 7 does not exist (brokers are 1, 2, 3)',
      'steps[1].topic: topic "payments" is not declared (topics are orders)',
      'steps[2].partition: topic "orders" has partitions 0 to 1, not 2',
    ]);
  });

  it('wrong types', () => {
    const doc = base() as Record<string, unknown>;
    doc.seed = 'seven';
    doc.steps = [{ op: 'produce', topic: 'orders', key: 5, value: 'v', acks: 2 }, { op: 'run', ms: 1.5 }];
    // `seed` was added to the object last, so in document order it comes after the steps.
    expect(problems(doc)).toEqual([
      'steps[0].key: must be a string, not number 5',
      'steps[0].acks: must be one of 0, 1, -1, "all", not number 2',
      'steps[1].ms: must be a whole number, not number 1.5',
      'seed: must be a whole number, not the string "seven"',
    ]);
  });

  it('values over a limit', () => {
    const doc = base() as Record<string, unknown>;
    doc.cluster = { brokers: 33, replication: 'manual' };
    doc.steps = [
      { op: 'run', ms: 3600001 },
      { op: 'produce', topic: 'orders', key: 'k', value: 'v', count: 10001 },
      { op: 'produce', topic: 'orders', key: 'k', value: 'x'.repeat(1048577) },
    ];
    expect(problems(doc)).toEqual([
      'cluster.brokers: 33 is out of range (must be from 1 to 32)',
      'steps[0].ms: 3600001 is out of range (must be from 0 to 3600000)',
      'steps[1].count: 10001 is out of range (must be from 1 to 10000)',
      'steps[2].value: is over the limit of 1 MiB (1048576 bytes in UTF-8) per record value',
    ]);
  });

  it('over the partition limit, counting every topic', () => {
    const doc = base();
    doc.topics = [{ name: 'a', partitions: 1000, replicationFactor: 1 }, { name: 'b', partitions: 25, replicationFactor: 1 }];
    doc.steps = [];
    expect(problems(doc)).toEqual(['topics[1].partitions: brings the cluster to 1025 partitions in all, over the limit of 1024']);
  });

  it('Kafka properties: unknown names, wrong types, ConfigDef ranges, the other era\'s names', () => {
    const doc = base() as Record<string, unknown>;
    doc.cluster = {
      brokers: 3, replication: 'manual',
      config: { 'min.insync.replicas': 0, 'log.segment.bytes': 10, 'zookeeper.session.timeout.ms': 6000, 'num.io.threads': 8, 'unclean.leader.election.enable': 'yes' },
    };
    expect(problems(doc)).toEqual([
      'cluster.config["min.insync.replicas"]: 0 is out of range (must be from 1 to 2147483647)',
      'cluster.config["log.segment.bytes"]: 10 is out of range (must be from 14 to 2147483647)',
      'cluster.config["zookeeper.session.timeout.ms"]: exists only in the zookeeper era (cluster.metadata is "kraft")',
      expect.stringMatching(/^cluster\.config\["num\.io\.threads"\]: unknown broker property/) as unknown as string,
      'cluster.config["unclean.leader.election.enable"]: must be true or false, not the string "yes"',
    ]);
  });

  it('the idempotent producer\'s rules (ProducerConfig)', () => {
    const doc = { ...base(), producer: { acks: 1, config: { 'enable.idempotence': true } } };
    expect(problems(doc)).toEqual(['producer.config["enable.idempotence"]: Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.']);
    const sticky = { ...base(), producer: { partitioner: 'sticky', config: { 'partitioner.ignore.keys': true } } };
    expect(problems(sticky)).toEqual(['producer.config["partitioner.ignore.keys"]: applies only to the "built-in" partitioner (producer.partitioner is "sticky")']);
  });

  it('topics: names, replication factor, assignments', () => {
    const doc = base();
    doc.topics = [
      { name: 'bad name!', partitions: 1, replicationFactor: 1 },
      { name: 'ok', partitions: 1, replicationFactor: 4 },
      { name: 'placed', assignment: [[1, 2], [2, 2]] },
      { name: 'orders.v1', partitions: 1, replicationFactor: 1 },
      { name: 'orders_v1', partitions: 1, replicationFactor: 1 },
    ] as never;
    doc.steps = [];
    expect(problems(doc)).toEqual([
      'topics[0].name: "bad name!" is illegal: a topic name may contain only ASCII letters, digits, ".", "_" and "-"',
      'topics[1].replicationFactor: 4 is larger than the number of brokers (3), as Kafka\'s INVALID_REPLICATION_FACTOR says',
      'topics[2].assignment[1][1]: broker 2 appears twice in one partition\'s replicas',
      'topics[4].name: "orders_v1" collides with topic "orders.v1" (Kafka treats "." and "_" alike in topic names)',
    ]);
  });

  it('fetch needs manual replication', () => {
    const doc = base() as Record<string, unknown>;
    doc.cluster = { brokers: 3 };
    doc.steps = [{ op: 'fetch', broker: 2 }];
    expect(problems(doc)).toEqual([
      'steps[0].op: a fetch step needs cluster.replication "manual" (with "auto", followers fetch by themselves)',
    ]);
  });

  it('failure steps name existing brokers; lostTail is a whole number', () => {
    const doc = base();
    doc.steps = [{ op: 'crash', broker: 4 }, { op: 'crash', broker: 1, lostTail: -1 }, { op: 'heal', broker: 1 }, { op: 'restart' }];
    expect(problems(doc)).toEqual([
      'steps[0].broker: broker 4 does not exist (brokers are 1, 2, 3)',
      'steps[1].lostTail: -1 is out of range (must be from 0 to 2147483647)',
      'steps[2].broker: unknown field (expected one of: op, note)',
      'steps[3].broker: is required',
    ]);
  });

  it('reports problems in document order, whatever order the sections come in', () => {
    const text = '{"steps": [{"op": "run", "ms": -1}], "version": 1, "cluster": {"brokers": 0, "replication": "manual"}}';
    expect(problems(text)).toEqual([
      'steps[0].ms: -1 is out of range (must be from 0 to 3600000)',
      'cluster.brokers: 0 is out of range (must be from 1 to 32)',
    ]);
  });
});
