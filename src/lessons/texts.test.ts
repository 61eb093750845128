/**
 * Every text a lesson uses exists in English and Chinese (the two catalogs have the same keys and
 * placeholders), every position resolves to a narration, and the Chinese texts contain no English
 * words but Kafka's own names, settings and the scenarios' record values (an explicit allow-list).
 */
import { describe, expect, it } from 'vitest';
import { CHAPTERS, COMING, LESSONS, narrationPosition } from './catalog';
import en from './texts/en.json';
import indexEn from './texts/index.en.json';
import indexZh from './texts/index.zh.json';
import zh from './texts/zh.json';

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) for (const [key, text] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(key, text);
  }
  return out;
}

/** The namespace as the app merges it (texts.ts): the course page's part and the lessons' part. */
function merged(index: object, body: object): Map<string, string> {
  const parts = [flatten(index), flatten(body)];
  const overlap = [...parts[0].keys()].filter((key) => parts[1].has(key));
  if (overlap.length > 0) throw new Error(`keys in both parts of the lessons' texts: ${overlap.join(', ')}`);
  return new Map([...parts[0], ...parts[1]]);
}

const english = merged(indexEn, en);
const chinese = merged(indexZh, zh);

/** The only Latin-script words a Chinese text may contain. */
const ALLOWED = new Set([
  // Kafka's names, as the Chinese Kafka literature writes them
  'Kafka', 'Broker', 'Leader', 'Follower', 'ISR', 'HW', 'LEO', 'Epoch', 'KRaft', 'ZooKeeper', 'KIP', 'ID', 'GC', 'Raft',
  'acks', 'all', 'murmur2', 'kafka-topics.sh', '__consumer_offsets',
  // the group coordinator's states, the consumer's call and its assignors
  'PreparingRebalance', 'CompletingRebalance', 'Stable', 'Empty', 'generation', 'poll', 'range',
  'rebalance', 'eager', 'cooperative-sticky', 'JoinGroup', 'SyncGroup', 'LeaveGroup',
  // settings and error names
  'replica.lag.time.max.ms', 'min.insync.replicas', 'unclean.leader.election.enable', 'enable.idempotence', 'batch.size',
  'segment.bytes', 'index.interval.bytes', 'request.timeout.ms', 'broker.session.timeout.ms', 'zookeeper.session.timeout.ms',
  'NOT_ENOUGH_REPLICAS', 'REQUEST_TIMED_OUT', 'topic', 'ack', 'key', 'true',
  'group.initial.rebalance.delay.ms', 'auto.offset.reset', 'earliest', 'session.timeout.ms', 'group.instance.id',
  'delete.topic.enable',
  // retention and delivery semantics (the retention and delivery-semantics lessons)
  'retention.ms', 'retention.bytes', 'log.retention.hours', 'log.retention.check.interval.ms', 'LogManager', 'OFFSET_OUT_OF_RANGE',
  'ReplicaFetcherThread', 'truncateFullyAndStartAt', 'smallest', 'largest', 'none', 'max.poll.records',
  'sendOffsetsToTransaction', 'isolation.level', 'read_committed',
  // Kafka's own word for a record, named once where the course explains its term
  'record',
  // the command line: options, the fields of --describe, the tools' exceptions, the notes' host
  'create', 'list', 'describe', 'delete', 'alter', 'partitions', 'bootstrap-server', 'zookeeper', 'localhost', 'hadoop101',
  'kafka-console-producer.sh', 'kafka-console-consumer.sh', 'console-consumer-', 'broker-list', 'bootstrap', 'property',
  'parse.key', 'key.separator', 'from-beginning', 'group', 'offsets.topic.num.partitions', 'offsets.topic.replication.factor',
  'Isr', 'PartitionCount', 'ReplicationFactor', 'TopicExistsException', 'UnrecognizedOptionException', 'joptsimple',
  'offsets.storage', 'kafka-consumer-groups.sh', 'OffsetCommit', 'compact',
  'timeout-ms', 'ERROR', 'reset-offsets', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG',
  // the old consumer's ZooKeeper path /consumers/<group>/offsets/<topic>/<partition>, a commit record's value offset=4
  'consumers', 'offsets', 'offset',
  'enable.auto.commit', 'auto.commit.interval.ms', 'commitSync', 'false', 'latest',
  // variables in formulas (f + 1 replicas survive f failures; the n-th message)
  'f', 'n',
  // files and the scenarios' own names and values
  '.log', '.index', 'orders', 'orders-0', 'payments', 'safe', 'risky', 'alice', 'carol', 'book', 'pen', 'lamp', 'ink', 'pay1',
  'orders-1', 'billing', 'audit', 'b1', 'b2', 'a1', 'p0', 'p1', 'orders-2', 'g', 'c1', 'c2', 'c3', 'first', 'first-0', 'first-1', 'hello', 'world', 'readers', 'legacy', 'modern', 'l1', 'k1',
  'warehouse', 'w1', 'early', 'late', 'e1', 'e2', 'l2',
]);
const VALUE = /^(m\d|o\d|n\d|v\d|order-\d|KIP-\d+)$/;

function latinWords(text: string): string[] {
  return (text.replace(/\{\{\w+\}\}/g, '').replace(/\d{20}\.(log|index)/g, '').match(/[._]*[A-Za-z][A-Za-z0-9._-]*/g) ?? [])
    .map((w) => w.replace(/[.]+$/, ''));
}

describe('lesson texts', () => {
  it('have the same keys and placeholders in both languages, none empty', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders(chinese.get(key)!), key).toEqual(placeholders(text));
      expect(text.trim(), key).not.toBe('');
      expect(chinese.get(key)!.trim(), key).not.toBe('');
    }
  });

  it('cover every lesson: title, promise, narration from position 0, callouts, questions and their choices', () => {
    const need = (key: string) => expect(english.has(key), key).toBe(true);
    for (const chapter of CHAPTERS) need(`chapters.${chapter}`);
    for (const coming of COMING) need(`coming.${coming.id}`);
    for (const lesson of LESSONS) {
      need(`${lesson.id}.title`);
      need(`${lesson.id}.promise`);
      need(`${lesson.id}.n0`);
      lesson.stops.forEach((stop, n) => {
        const k = narrationPosition(lesson, n, (key) => english.has(key));
        need(`${lesson.id}.n${k}`);
        if (stop.callout) need(`${lesson.id}.n${n}callout`);
        if (stop.question) {
          for (const part of ['prompt', 'why', ...stop.question.choices.map((c) => c.id)]) need(`${lesson.id}.q${n}.${part}`);
        }
      });
      // No text the lesson cannot show.
      for (const key of english.keys()) {
        if (!key.startsWith(`${lesson.id}.`)) continue;
        const m = /^[^.]+\.(?:n(\d+)(callout)?|q(\d+)\.\w+|title|promise)$/.exec(key);
        expect(m, key).not.toBeNull();
        const at = Number(m![1] ?? m![3] ?? 0);
        expect(at, key).toBeLessThan(lesson.stops.length);
        if (m![2]) expect(lesson.stops[at].callout, key).toBe(true);
        if (m![3]) expect(lesson.stops[at].question, key).toBeDefined();
      }
    }
  });

  it('in Chinese use no English words but Kafka\'s names', () => {
    const stray: string[] = [];
    for (const [key, text] of chinese) {
      for (const word of latinWords(text)) if (!ALLOWED.has(word) && !VALUE.test(word)) stray.push(`${key}: ${word}`);
    }
    expect(stray).toEqual([]);
  });

  it('in Chinese call Kafka\'s record 记录: 消息 only in 消息队列 and in the notes\' words, quoted', () => {
    for (const [key, text] of chinese) {
      const own = text.replace(/“[^”]*”/g, '').replace(/消息队列/g, '');
      expect(own.includes('消息'), `${key}: ${text}`).toBe(false);
    }
    // The term is explained once, where the course first shows a record.
    expect(chinese.get('why-queue.n1')).toMatch(/记录（record）.*“消息”/);
  });

  it('in Chinese call an offset 位移, never 偏移量', () => {
    for (const [key, text] of chinese) expect(text.includes('偏移'), key).toBe(false);
    expect([...chinese.values()].filter((t) => t.includes('位移')).length).toBeGreaterThan(10);
  });
});
