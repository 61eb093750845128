/**
 * Every event kind's narration names its cause, in English and in Chinese, and the Chinese is
 * Chinese: no English word but Kafka's own names (an explicit allow-list below) and the values
 * of the sentence's parameters (topics, records). Scenarios run through the real simulator.
 */
import i18next, { type i18n } from 'i18next';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../core/cluster';
import type { SimEvent } from '../../core/model/events';
import type { Scenario } from '../../core/model/scenario';
import type { World } from '../../core/model/world';
import { formatProblem, validateScenarioDocument } from '../../core/scenario/validateScenario';
import { step as applyStep } from '../../core/step';
import en from '../../i18n/narration.en.json';
import zh from '../../i18n/narration.zh.json';
import retryDoc from '../../../scenarios/retry-reorders-without-idempotence.json';
import kip101Doc from '../../../scenarios/golden/kip101-scenario1-high-watermark.json';
import kip101Scenario2Doc from '../../../scenarios/golden/kip101-scenario2-high-watermark.json';
import hwRoundsDoc from '../../../scenarios/hw-three-rounds.json';
import { EXPLAINED_ERRORS, errorSentence, FOLD_ABOVE, narrate, type Sentence } from './narrate';
import { resolveSentence } from './resolve';

function i18nFor(): i18n {
  const instance = i18next.createInstance();
  void instance.init({ resources: { en: { narration: en }, zh: { narration: zh } }, lng: 'en', initAsync: false, interpolation: { escapeValue: false } });
  return instance;
}
const instance = i18nFor();

function text(sentences: Sentence[], lang: 'en' | 'zh'): string {
  const t = instance.getFixedT(lang, 'narration');
  return sentences.map((s) => resolveSentence(s, t, lang)).join('\n');
}

interface Played {
  scenario: Scenario;
  /** worlds[n] and events[n]: after n steps (events of step n − 1). */
  worlds: World[];
  events: SimEvent[][];
}

function play(doc: Record<string, unknown>): Played {
  const parsed = validateScenarioDocument({ version: 1, seed: 1, ...doc });
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  const scenario = parsed.scenario;
  const worlds = [createWorld(scenario)];
  const events: SimEvent[][] = [[]];
  for (const s of scenario.steps) {
    const next = applyStep(worlds[worlds.length - 1], s);
    worlds.push(next.world);
    events.push(next.events);
  }
  return { scenario, worlds, events };
}

function narrationAt(played: Played, position: number): Sentence[] {
  return narrate({ scenario: played.scenario, position, events: played.events[position], world: played.worlds[position] });
}

/** The first position whose step emitted an event of `type`. */
function positionWith(played: Played, type: SimEvent['type'], where: (e: SimEvent) => boolean = () => true): number {
  const at = played.events.findIndex((events) => events.some((e) => e.type === type && where(e)));
  if (at < 0) throw new Error(`no ${type} event`);
  return at;
}

// Kafka's own names and the app's conventions that stay in Latin letters in Chinese text.
const ALLOWED_IN_CHINESE = [
  /\bkafka-[a-z-]+\.sh\b/g, // Kafka's tools by name
  /\b[a-z]+(?:\.[a-z]+)+\b/g, // property names: broker.session.timeout.ms, enable.idempotence
  /__consumer_offsets/g,
  /(?<![\w-])--[a-z][a-z-]*/g, // their flags: --reset-offsets
  /\bconsole-consumer-<n>/g, // the console consumer's generated group name
  /\/brokers\/ids\/(?:<id>|\S*)/g, // the ZooKeeper path
  /\b[A-Z][A-Z_]{3,}\b/g, // error names: NODE_EXISTS
  /\bKIP-\d+\b/g,
  /\b[A-Z][A-Za-z]+\.[a-z][A-Za-z]+\b/g, // Kafka's class.method names: Partition.maybeIncrementLeaderHW
  /\b(?:HW|LEO|ISR|leader|follower|broker|acks|all|epoch|fenced|Kafka|KRaft|ZooKeeper|JoinGroup|SyncGroup|LeaveGroup|poll|Empty|PreparingRebalance|CompletingRebalance|Stable|Dead|true|false)\b/g,
  /\bt = /g, // simulated time, as the timeline writes it
];

/** The Latin-letter words left in a Chinese text once Kafka's names and the parameter values are out. */
function englishWords(textZh: string, sentences: Sentence[]): string[] {
  let rest = textZh;
  const values = sentences.flatMap((s) => Object.values(s.params)).filter((v): v is string => typeof v === 'string' && /[A-Za-z]/.test(v));
  for (const value of values.sort((a, b) => b.length - a.length)) rest = rest.split(value).join(' ');
  for (const pattern of ALLOWED_IN_CHINESE) rest = rest.replace(pattern, ' ');
  return rest.match(/[A-Za-z]+/g) ?? [];
}

function expectBoth(sentences: Sentence[], english: RegExp[], chinese: RegExp[]) {
  const textEn = text(sentences, 'en');
  const textZh = text(sentences, 'zh');
  for (const pattern of english) expect(textEn, textEn).toMatch(pattern);
  for (const pattern of chinese) expect(textZh, textZh).toMatch(pattern);
  // A missing key would show the key itself (`step.crash`) or a placeholder.
  for (const line of [...textEn.split('\n'), ...textZh.split('\n')]) {
    expect(line).not.toMatch(/^[\w-]+(?:\.[\w-]+)+$|\{\{/);
  }
  expect(englishWords(textZh, sentences)).toEqual([]);
}

const three = { brokers: [1, 2, 3] };
const orders = [{ name: 'orders', assignment: [[1, 2, 3]] }];
const produce = (key: string, acks: 0 | 1 | 'all' = 1, extra: Record<string, unknown> = {}) => ({ op: 'produce', topic: 'orders', key, value: `v-${key}`, acks, ...extra });

/** acks=1 to leader 1, which crashes before any follower copies: the record is lost. */
const lostDoc = {
  title: 'acks=1 loses a record',
  cluster: { ...three, replication: 'manual' },
  topics: orders,
  steps: [produce('k0'), { op: 'fetch', broker: 2 }, { op: 'fetch', broker: 3 }, { op: 'fetch', broker: 2 }, { op: 'fetch', broker: 3 },
    produce('k1'), { op: 'crash', broker: 1 }, { op: 'run', ms: 10000 }, { op: 'restart', broker: 1 }, { op: 'fetch', broker: 1 }],
};

/** Two consumers on a one-partition topic: c2 idles, c1 reads and commits, then dies and c2 takes over. */
const groupDoc = {
  cluster: { ...three, config: { 'offsets.topic.num.partitions': 3 } },
  consumer: { config: { 'auto.offset.reset': 'earliest' } },
  topics: orders,
  steps: [produce('k0', 'all'), { op: 'run', ms: 100 }, { op: 'subscribe', group: 'g', member: 'c1', topics: ['orders'] },
    { op: 'subscribe', group: 'g', member: 'c2', topics: ['orders'] }, { op: 'run', ms: 5000 }, { op: 'commit', group: 'g', member: 'c1' },
    { op: 'run', ms: 100 }, { op: 'kill', group: 'g', member: 'c1' }, { op: 'run', ms: 60000 }],
};

/** Retention (retention.ms 20 s, checks every 15 s): k0 at 0 s, k1 and k2 at 15 s, copied by broker 2, which then crashes and comes back. */
const retentionDoc = {
  cluster: { brokers: [1, 2], replication: 'manual', config: { 'log.retention.check.interval.ms': 15000 } },
  topics: [{ name: 'orders', assignment: [[1, 2]], config: { 'segment.bytes': 100, 'retention.ms': 20000 } }],
  steps: [produce('k0'), { op: 'run', ms: 15000 }, produce('k1'), produce('k2'), { op: 'fetch', broker: 2 }, { op: 'fetch', broker: 2 }, { op: 'fetch', broker: 2 },
    { op: 'crash', broker: 2 }, { op: 'run', ms: 15000 }, { op: 'restart', broker: 2 }, { op: 'fetch', broker: 2 }, { op: 'run', ms: 15000 }],
};

/** A consumer that read offset 0 polls again after retention moved the log start to 2. */
const resetDoc = {
  cluster: { brokers: [1], replication: 'manual', config: { 'log.retention.check.interval.ms': 10000, 'offsets.topic.num.partitions': 1, 'offsets.topic.replication.factor': 1, 'group.initial.rebalance.delay.ms': 0 } },
  consumer: { config: { 'auto.offset.reset': 'earliest', 'enable.auto.commit': false } },
  topics: [{ name: 'orders', assignment: [[1]], config: { 'segment.bytes': 100, 'retention.ms': 20000 } }],
  steps: [{ op: 'subscribe', group: 'g', member: 'c1', topics: ['orders'] }, { op: 'run', ms: 100 }, { op: 'poll', group: 'g', member: 'c1' },
    produce('k0'), produce('k1'), { op: 'poll', group: 'g', member: 'c1', maxRecords: 1 }, { op: 'run', ms: 15000 }, produce('k2'), { op: 'run', ms: 15000 },
    { op: 'poll', group: 'g', member: 'c1' }],
};

/**
 * One case per event kind (the Record makes a new kind fail to compile here until it has one):
 * a scenario, which event to look at, and what each language must say about its cause.
 */
const CASES: Record<SimEvent['type'], { doc: Record<string, unknown>; pick?: (e: SimEvent) => boolean; en: RegExp[]; zh: RegExp[] }> = {
  append: { doc: lostDoc, en: [/Leader 1 appended k0 = v-k0 to orders-0 at offset 0/], zh: [/leader 1 把 k0 = v-k0 追加到 orders-0 的位移 0/] },
  'produce-response': {
    doc: lostDoc, en: [/acknowledged k0 = v-k0 at once \(acks=1\): only the leader has it/], zh: [/立即确认了 k0 = v-k0（acks=1）：目前只有 leader 有这条记录/],
  },
  'fetch-request': { doc: lostDoc, en: [/Follower 2 fetched from leader 1 on orders-0 \(round trips: 1\) and copied 1 record\(s\); the last response carried HW 0/], zh: [/follower 2 在 orders-0 上向 leader 1 拉取（共 1 次），复制了 1 条记录/] },
  'fetch-response': {
    doc: { cluster: { ...three, replication: 'manual' }, topics: orders, steps: [produce('k0'), { op: 'fetch', broker: 2, response: 'drop' }] },
    pick: (e) => e.type === 'fetch-response' && e.dropped,
    en: [/response to follower 2 on orders-0 was lost/, /did not get the 1 record/], zh: [/给 follower 2 的响应丢失了/],
  },
  'high-watermark': { doc: lostDoc, en: [/HW of orders-0 rose from 0 to 1 on leader 1: the HW is the lowest LEO among the ISR members \(1, 2, and 3\)/], zh: [/HW 在 leader 1 上从 0 升到 1：HW 是 ISR 成员（1、2和3）中最小的 LEO/] },
  'isr-shrink': {
    doc: { cluster: { ...three, replication: 'manual' }, topics: orders, steps: [produce('k0'), { op: 'run', ms: 45000 }] },
    en: [/Leader 1 dropped 2 and 3 from the ISR of orders-0/, /replica\.lag\.time\.max\.ms \(30,000 ms\)/], zh: [/leader 1 把 2和3 移出了 orders-0 的 ISR/, /replica\.lag\.time\.max\.ms（30,000 毫秒）/],
  },
  'isr-expand': {
    doc: { cluster: { ...three, replication: 'manual' }, topics: orders, steps: [produce('k0'), { op: 'run', ms: 45000 }, { op: 'fetch', broker: 2 }, { op: 'fetch', broker: 2 }] },
    en: [/Broker 2 rejoined the ISR of orders-0: its LEO reached leader 1's HW/], zh: [/broker 2 重新加入 orders-0 的 ISR：它的 LEO 已追上 leader 1 的 HW/],
  },
  'isr-change': {
    doc: { cluster: three, topics: orders, steps: [{ op: 'crash', broker: 3 }, { op: 'run', ms: 10000 }] },
    en: [/controller set the ISR of orders-0 to 1 and 2: a fenced broker leaves every ISR/], zh: [/控制器把 orders-0 的 ISR 设为 1和2：被标记为 fenced 的 broker 会离开它所在的每个 ISR/],
  },
  truncate: {
    doc: lostDoc, pick: (e) => e.type === 'truncate' && e.reason === 'diverging-epoch',
    en: [/Broker 1 cut orders-0 from 2 to 1: the leader answered its fetch with a diverging epoch \(KIP-101\)/], zh: [/broker 1 把 orders-0 从 2 截断到 1：leader 在拉取响应中告知了分歧的 epoch（KIP-101）/],
  },
  'broker-state': {
    doc: lostDoc, pick: (e) => e.type === 'broker-state' && e.fenced,
    en: [/controller fenced broker 1: 9,000 ms passed without a heartbeat from it \(broker\.session\.timeout\.ms\)/], zh: [/控制器把 broker 1 标记为 fenced：已经 9,000 毫秒没有收到它的心跳（broker\.session\.timeout\.ms）/],
  },
  'leader-change': {
    doc: lostDoc,
    en: [/Broker 2 became leader of orders-0 at epoch 1: the first broker in the assignment order \(1, 2, and 3\) that is in the ISR and not fenced/],
    zh: [/broker 2 成为 orders-0 的 leader，epoch 为 1：按副本分配顺序（1、2和3），它是第一个既在 ISR 中、又没有被标记为 fenced 的 broker/],
  },
  'step-error': {
    doc: { cluster: { ...three, metadata: 'zookeeper' }, topics: orders, steps: [{ op: 'crash', broker: 1 }, { op: 'run', ms: 1000 }, { op: 'restart', broker: 1 }] },
    en: [/refused this step on broker 1 with NODE_EXISTS/, /session expires at t = 18,000 ms \(zookeeper\.session\.timeout\.ms = 18,000\): run at least 17,000 ms/],
    zh: [/NODE_EXISTS/, /旧会话将在 t = 18,000 毫秒过期（zookeeper\.session\.timeout\.ms = 18,000）：请至少运行 17,000 毫秒/],
  },
  'group-state': {
    doc: groupDoc, pick: (e) => e.type === 'group-state' && e.to === 'Stable',
    en: [/Group g is Stable at generation \d+: every member has its partitions, and each partition has exactly one owner/], zh: [/消费组 g 在第 \d+ 代达到 Stable：每个成员都拿到了自己的分区/],
  },
  'group-member': {
    doc: groupDoc, pick: (e) => e.type === 'group-member' && e.change === 'expired',
    en: [/removed c1 from group g: no heartbeat for session\.timeout\.ms/], zh: [/协调者把 c1 移出了消费组 g：超过 session\.timeout\.ms 没有收到心跳/],
  },
  'group-assignment': {
    doc: groupDoc, pick: (e) => e.type === 'group-assignment' && e.member === 'c2' && e.assignment.length === 0,
    en: [/c2 owns no partition: a group has at most one consumer per partition/], zh: [/c2 没有分到任何分区：同一个组里每个分区最多只有一个消费者/],
  },
  'consumer-poll': {
    doc: groupDoc, pick: (e) => e.type === 'consumer-poll' && e.records > 0,
    en: [/received 1 record, all below the HW/], zh: [/收到 1 条记录，全部在 HW 以下/],
  },
  'offset-commit': {
    doc: groupDoc, pick: (e) => e.type === 'offset-commit' && e.error === null,
    en: [/committed orders-0 → 1 as a record in __consumer_offsets/], zh: [/把 orders-0 → 1 作为一条记录提交到 __consumer_offsets/],
  },
  'coordinator-change': {
    // Broker 1 leads __consumer_offsets-1, g's partition (3 partitions): its crash moves the coordinator once fenced.
    doc: { ...groupDoc, steps: [...groupDoc.steps.slice(0, 5), { op: 'crash', broker: 1 }, { op: 'run', ms: 10000 }] },
    en: [/coordinator of group g: it leads the group's partition of __consumer_offsets|Group g has no coordinator/], zh: [/消费组 g 的协调者|消费组 g 没有协调者/],
  },
  'group-admin': {
    // c1 commits orders-0 → 1, then dies; once the group is Empty the tool may reset it (ConsumerGroupCommand.resetOffsets).
    doc: { ...groupDoc, steps: [...groupDoc.steps.slice(0, 7), { op: 'kill', group: 'g', member: 'c1' }, { op: 'kill', group: 'g', member: 'c2' },
      { op: 'run', ms: 60000 }, { op: 'cli', command: 'kafka-consumer-groups.sh --bootstrap-server localhost:9092 --reset-offsets --group g --topic orders --to-earliest --execute' }] },
    en: [/--reset-offsets --execute committed orders-0 → 0 for group g: the tool may do this only while the group has no members/],
    zh: [/为消费组 g 提交了 orders-0 → 0：只有组里没有成员（Empty）时才允许这样做/],
  },
  'segments-deleted': {
    doc: retentionDoc, pick: (e) => e.type === 'segments-deleted' && e.broker === 1,
    en: [/Broker 1 deleted 1 segment of orders-0 \(offsets 0 to 0, \d+ bytes\): its newest record was 30,000 ms old, more than retention\.ms \(20,000 ms\), and the whole segment was below the HW/,
      /On broker 1, the log of orders-0 now starts at offset 1\. A consumer that asks for an offset below it gets OFFSET_OUT_OF_RANGE/],
    zh: [/broker 1 删除了 orders-0 的 1 个段（位移 0 到 0，\d+ 字节）：段里最新的记录已有 30,000 毫秒，超过了 retention\.ms（20,000 毫秒）/, /broker 1 上 orders-0 的日志现在从位移 1 开始/],
  },
  'log-start-offset': {
    doc: retentionDoc,
    en: [/Follower 2 raised its log start offset of orders-0 from 0 to 1: leader 1's fetch response carries the leader's log start offset/, /next retention check/],
    zh: [/follower 2 把 orders-0 的日志起始位移从 0 提高到 1/],
  },
  'offset-reset': {
    doc: resetDoc,
    en: [/c1 of group g asked orders-0 for offset 1, but the leader's log now starts at 2: the fetch got OFFSET_OUT_OF_RANGE, and auto\.offset\.reset=earliest moved the consumer to offset 2/],
    zh: [/消费组 g 的 c1 向 orders-0 请求位移 1，但 leader 的日志现在从 2 开始/, /OFFSET_OUT_OF_RANGE/],
  },
  anomaly: {
    doc: lostDoc,
    en: [/record at offset 1 of orders-0 \(k1 = v-k1\) was acknowledged, but the leader \(2\) does not have it: it is lost\. It survives only on broker 1/, /acks=1: the leader answered as soon as it had written the record, before any follower had a copy/, /Broker 2 became leader without it/],
    zh: [/orders-0 位移 1 上的记录（k1 = v-k1）已被确认，但 leader（2）没有它：这条记录丢失了/, /以 acks=1 确认的/, /broker 2 在没有这条记录的情况下成为了 leader/],
  },
};

describe('narration of each event kind', () => {
  for (const [type, c] of Object.entries(CASES) as [SimEvent['type'], (typeof CASES)[SimEvent['type']]][]) {
    it(`${type}: names the cause, in English and Chinese`, () => {
      const played = play(c.doc);
      const at = positionWith(played, type, c.pick);
      expectBoth(narrationAt(played, at), c.en, c.zh);
    });
  }
});

describe('narration of the console consumer (kafka-console-consumer.sh as a group member)', () => {
  const doc = (command: string) => ({ ...groupDoc, steps: [produce('k0', 'all'), { op: 'run', ms: 100 }, { op: 'cli', command }] });
  it('with --group it commits on close; without, the generated group commits nothing', () => {
    const withGroup = play(doc('kafka-console-consumer.sh --bootstrap-server b:9092 --topic orders --group readers --from-beginning'));
    expectBoth(narrationAt(withGroup, 3), [/read as a member of group readers and, closing, committed orders-0 → 1 \(enable\.auto\.commit\)/],
      [/以消费组 readers 成员的身份读取，关闭时提交了 orders-0 → 1/]);
    const generated = play(doc('kafka-console-consumer.sh --bootstrap-server b:9092 --topic orders --from-beginning'));
    expectBoth(narrationAt(generated, 3), [/read as a member of group console-consumer-\d+ and closed without committing/],
      [/以消费组 console-consumer-\d+ 成员的身份读取后关闭，没有提交位移/]);
  });
});

describe('narration of the next retention check', () => {
  // LogManager.startup: the first check 30 s after start (InitialTaskDelayMs), then every
  // log.retention.check.interval.ms (15 s here). k0 and k1 each fill a 100-byte segment.
  const doc = {
    cluster: { brokers: [1], replication: 'manual', config: { 'log.retention.check.interval.ms': 15000 } },
    topics: [{ name: 'orders', assignment: [[1]], config: { 'segment.bytes': 100, 'retention.ms': 20000 } }],
    steps: [produce('k0'), produce('k1'), { op: 'run', ms: 25000 }, { op: 'run', ms: 10000 }],
  };

  it('says when a segment already past retention.ms will go, and after a deletion when the next check runs', () => {
    const played = play(doc);
    // t = 25,000: k0 is 25 s old (> 20 s) but the first check runs at 30,000.
    expectBoth(narrationAt(played, 3), [/The oldest segment of orders-0 already qualifies for deletion \(retention\.ms\).*next one runs at t = 30,000 ms.*5,000 ms from now/],
      [/orders-0 最旧的段已经满足删除条件（retention\.ms）.*t = 30,000 毫秒.*还有 5,000 毫秒/]);
    // t = 35,000: the check at 30,000 deleted it; the next is 30,000 + 15,000.
    expectBoth(narrationAt(played, 4), [/The next retention check runs at t = 45,000 ms \(every log\.retention\.check\.interval\.ms, 15,000 ms\): run at least 10,000 ms more/],
      [/下一次保留检查在 t = 45,000 毫秒/]);
    // Before any record is old enough, nothing is said.
    expect(narrationAt(played, 2).map((x) => x.key)).not.toContain('pending.retentionDue');
  });
});

describe('narration of --delete-offsets', () => {
  it('names the offsets removed and what a later member does (GroupCoordinator.handleDeleteOffsets)', () => {
    const c1 = { group: 'g', member: 'c1' };
    const doc = { ...groupDoc, steps: [produce('k0', 'all'), { op: 'run', ms: 100 }, { op: 'subscribe', ...c1, topics: ['orders'] }, { op: 'run', ms: 5000 },
      { op: 'poll', ...c1 }, { op: 'commit', ...c1 }, { op: 'run', ms: 100 }, { op: 'leave', ...c1 }, { op: 'run', ms: 100 },
      { op: 'cli', command: 'kafka-consumer-groups.sh --bootstrap-server localhost:9092 --delete-offsets --group g --topic orders' }] };
    const played = play(doc);
    expectBoth(narrationAt(played, doc.steps.length), [/--delete-offsets removed the committed offsets of group g \(orders-0 → 1\).*auto\.offset\.reset/],
      [/--delete-offsets 删除了消费组 g 已提交的位移（orders-0 → 1）/]);
    // The commit and the tombstone are records of __consumer_offsets, with no producer: the
    // append says what they hold (it once read "appended  to", with no record). The step's commit
    // is the partition's second record: the poll before it auto-committed first (enable.auto.commit).
    expectBoth(narrationAt(played, 6), [/Leader \d appended the commit to __consumer_offsets-\d+ at offset 1: group g, orders-0 → 1 \(leader epoch 0\)/],
      [/leader \d 把这次提交追加到 __consumer_offsets-\d+ 的位移 1：消费组 g，orders-0 → 1/]);
    expectBoth(narrationAt(played, doc.steps.length), [/appended a tombstone to __consumer_offsets-\d+ at offset \d+: a record with no value, which deletes group g's committed offset for orders-0/],
      [/追加了一条墓碑记录：它没有值，用来删除消费组 g 在 orders-0 上提交的位移/]);
    for (const position of [6, doc.steps.length]) expect(text(narrationAt(played, position), 'en')).not.toMatch(/appended {2}to/);
  });
});

describe('narration of retention', () => {
  it('tells the passes of one check: the log-start pass, then retention.ms with a roll', () => {
    const played = play(retentionDoc);
    expectBoth(narrationAt(played, 12), [/Broker 2 deleted 1 segment of orders-0 \(offsets 0 to 0\): it lay wholly below the replica's log start offset 1/,
      /Broker 2 deleted 2 segments of orders-0 \(offsets 1 to 2, \d+ bytes\)/, /a log always keeps one: the broker first rolled a new, empty active segment at offset 3/],
    [/broker 2 删除了 orders-0 的 1 个段（位移 0 到 0）：它整段都在该副本的日志起始位移 1 之下/, /在位移 3 滚动出一个新的空活跃段/]);
  });

  it('a follower below its leader\'s log start starts over there', () => {
    const doc = {
      ...retentionDoc,
      steps: [produce('k0'), { op: 'fetch', broker: 2 }, { op: 'crash', broker: 2 }, produce('k1'), { op: 'run', ms: 15000 }, produce('k2'),
        { op: 'run', ms: 25000 }, { op: 'restart', broker: 2 }, { op: 'fetch', broker: 2 }],
    };
    const played = play(doc);
    expectBoth(narrationAt(played, 9), [/Follower 2's log of orders-0 ended at 1, below its leader's log start offset 2: the leader has already deleted everything the follower lacks/],
      [/follower 2 的 orders-0 日志结尾是 1，低于 leader 的日志起始位移 2/]);
  });

  it('retention.bytes names the size and the limit', () => {
    const doc = { ...retentionDoc, topics: [{ name: 'orders', assignment: [[1]], config: { 'segment.bytes': 100, 'retention.bytes': 1 } }], steps: [produce('k0'), produce('k1'), { op: 'run', ms: 30000 }] };
    const played = play(doc);
    // 2 × 74 = 148 bytes, 147 over the limit: segment 0 (74) fits in the excess, segment 1 no longer does.
    expectBoth(narrationAt(played, 3), [/Broker 1 deleted 1 segment of orders-0 \(offsets 0 to 0, 74 bytes\): the log held 148 bytes, at least retention\.bytes \(1\), and dropping its oldest segment still leaves 74 bytes/],
      [/日志共有 \d+ 字节，不少于 retention\.bytes（1）/]);
  });
});

describe('narration of a fetch answered after its follower went down', () => {
  it('says the response goes nowhere and nothing was copied (the follower\'s log is unchanged)', () => {
    // Auto replication: both followers' fetches wait at leader 1 (long polling) when they crash;
    // the next append completes them, but nobody is there to receive the answers.
    const played = play({ cluster: { brokers: [1, 2, 3] }, topics: orders,
      steps: [produce('k0', 'all'), { op: 'run', ms: 1000 }, { op: 'crash', broker: 3 }, { op: 'crash', broker: 2 }, produce('k1', 'all')] });
    expect(played.events[5].filter((e) => e.type === 'fetch-response' && e.records > 0)).toHaveLength(2);
    expect(played.worlds[5].topics[0].partitions[0].replicaStates.map((r) => r.log.length)).toEqual([2, 1, 1]);
    const sentences = narrationAt(played, 5);
    expectBoth(sentences, [/Leader 1 answered the fetches that followers 2 and 3 sent on orders-0 before they went down or were cut off: the responses go nowhere, so they copied nothing/],
      [/leader 1 回复了 follower 2和3 在宕机或被隔离之前发出的 orders-0 拉取请求：这些响应无处可去/]);
    expect(text(sentences, 'en')).not.toMatch(/copied 1 record/);
  });
});

describe('narration of brokers lost at one instant', () => {
  it('says once when the controller notices them (broker.session.timeout.ms after the last heartbeat)', () => {
    const played = play({ cluster: three, topics: orders, steps: [produce('k0'), { op: 'run', ms: 1000 }, { op: 'crash', broker: 3 }, { op: 'crash', broker: 2 }] });
    const sentences = narrationAt(played, 4);
    expect(sentences.filter((x) => x.key.startsWith('pending.fence'))).toHaveLength(1);
    expectBoth(sentences, [/The controller will notice brokers 2 and 3 are gone at t = 10,000 ms, when broker\.session\.timeout\.ms \(9,000 ms\) has passed/],
      [/控制器要到 t = 10,000 毫秒才会发现 broker 2和3 已经不在了/]);
  });
});

describe('narration of the ISR clock', () => {
  // Manual replication, replica.lag.time.max.ms 10,000 (checks every 5,000 ms): follower 3 never
  // fetches m2, so it was last caught up at t = 0 and the check at 15,000 is the first more than
  // 10,000 ms later (Partition.getOutOfSyncReplicas: now - lastCaughtUpTimeMs > maxLagMs).
  const doc = {
    cluster: { brokers: [1, 2, 3], replication: 'manual', config: { 'replica.lag.time.max.ms': 10000 } },
    topics: orders,
    steps: [produce('k0', 'all'), { op: 'fetch', broker: 2 }, { op: 'fetch', broker: 2 }, { op: 'run', ms: 9000 }, { op: 'run', ms: 7000 }],
  };

  it('after time passes, says when a lagging follower leaves the ISR; the model drops it then', () => {
    const played = play(doc);
    expectBoth(narrationAt(played, 4), [/Leader 1 last saw follower 3 caught up with its log end on orders-0 at t = 0 ms.*every 5,000 ms.*check at t = 15,000 ms.*Run at least 6,000 ms more/],
      [/leader 1 上一次看到 follower 3 追上 orders-0 的日志末端是在 t = 0 毫秒.*每 5,000 毫秒检查一次 ISR.*t = 15,000 毫秒的那次检查.*至少再运行 6,000 毫秒/]);
    const shrink = played.events[5].find((e) => e.type === 'isr-shrink');
    expect(shrink).toMatchObject({ atMs: 15000, removed: [3] });
    // Follower 2 is caught up: it is not named.
    expect(narrationAt(played, 4).filter((x) => x.key.startsWith('pending.isrLag')).map((x) => x.params.followers)).toEqual([[3]]);
  });

  it('is not said while a follower is fetching in auto replication, nor for one the controller fences first', () => {
    const auto = play({ ...doc, cluster: { brokers: [1, 2, 3], config: { 'replica.lag.time.max.ms': 10000 } }, steps: [produce('k0', 'all')] });
    expect(narrationAt(auto, 1).filter((x) => x.key.startsWith('pending.isrLag'))).toEqual([]);
    // Broker 3 crashes: the controller fences it after the session timeout (9,000 ms), before any ISR check could drop it.
    const crashed = play({ ...doc, cluster: { brokers: [1, 2, 3], config: { 'replica.lag.time.max.ms': 30000 } }, steps: [produce('k0', 'all'), { op: 'crash', broker: 3 }] });
    expect(narrationAt(crashed, 2).map((x) => x.key)).toContain('pending.fence');
    expect(narrationAt(crashed, 2).filter((x) => x.key.startsWith('pending.isrLag'))).toEqual([]);
  });
});

describe('the same sentence on several partitions', () => {
  it('is said once, then the other partitions are named; each stays in the details', () => {
    // Six partitions with their only replica on broker 2: its failure leaves all six without a
    // leader for the same reason, and its return makes it leader of all six again.
    const played = play({ cluster: { brokers: [1, 2] }, topics: [{ name: 'orders', assignment: [[2], [2], [2], [2], [2], [2]] }],
      steps: [{ op: 'crash', broker: 2 }, { op: 'run', ms: 10000 }, { op: 'restart', broker: 2 }] });
    const fenced = narrationAt(played, 2);
    const main = fenced.filter((x) => !x.detail);
    expect(main.filter((x) => x.key === 'leader.none').map((x) => x.params.where)).toEqual(['orders-0']);
    expectBoth(main, [/orders-0 has no leader \(epoch 1\)/, /The same goes for 5 more partitions: orders-1, orders-2, orders-3, orders-4 and 1 more\./],
      [/另外 5 个分区也一样：orders-1, orders-2, orders-3, orders-4，以及其他 1 个。/]);
    expect(fenced.filter((x) => x.detail && x.key === 'leader.none').map((x) => x.params.where)).toEqual(['orders-1', 'orders-2', 'orders-3', 'orders-4', 'orders-5']);
    const back = narrationAt(played, 3).filter((x) => !x.detail);
    expect(back.filter((x) => x.key === 'leader.registered')).toHaveLength(1);
    expect(text(back, 'en')).toMatch(/The same goes for 5 more partitions/);
  });

  it('two partitions: said once, then the other named', () => {
    const played = play({ cluster: { brokers: [1, 2] }, topics: [{ name: 'orders', assignment: [[2], [2]] }],
      steps: [{ op: 'crash', broker: 2 }, { op: 'run', ms: 10000 }] });
    const sentences = narrationAt(played, 2);
    const main = sentences.filter((x) => !x.detail);
    expect(main.filter((x) => x.key === 'leader.none').map((x) => x.params.where)).toEqual(['orders-0']);
    expectBoth(main, [/orders-0 has no leader \(epoch 1\).*\nThe same goes for orders-1\./], [/orders-1 也一样。/]);
    expect(sentences.filter((x) => x.detail).map((x) => x.params.where)).toEqual(['orders-1']);
  });
});

describe('narration of acknowledgements with a single copy', () => {
  it('acks=1 on a partition with one replica names the broker that alone holds it, not a follower that will copy it', () => {
    const played = play({ cluster: { brokers: [1, 2] }, topics: [{ name: 'orders', assignment: [[2]] }], steps: [produce('k0')] });
    expectBoth(narrationAt(played, 1), [/acknowledged k0 = v-k0 at once \(acks=1\): orders-0 has no other replica, so broker 2 alone holds it/],
      [/orders-0 没有其他副本，所以只有 broker 2 有这条记录/]);
    expect(text(narrationAt(played, 1), 'en')).not.toMatch(/follower/);
    // With a follower, the risk is the one before it copies the record.
    const replicated = play({ cluster: { brokers: [1, 2] }, topics: [{ name: 'orders', assignment: [[2, 1]] }], steps: [produce('k0')] });
    expect(text(narrationAt(replicated, 1), 'en')).toMatch(/if the leader fails before a follower copies it, it is lost/);
  });

  it('acks=all with an ISR of one says the record is on one broker only, not that it survives a loss', () => {
    // Broker 2 crashed and left the ISR (broker.session.timeout.ms); min.insync.replicas 1 lets acks=all through.
    const played = play({ cluster: { brokers: [1, 2] }, topics: [{ name: 'orders', assignment: [[1, 2]] }],
      steps: [{ op: 'crash', broker: 2 }, { op: 'run', ms: 30000 }, produce('k0', 'all'), { op: 'run', ms: 100 }] });
    const sentences = [...narrationAt(played, 3), ...narrationAt(played, 4)];
    expectBoth(sentences, [/the ISR is broker 1 alone: acks=all had no follower to wait for \(min\.insync\.replicas is 1\)/],
      [/ISR 只剩 broker 1：acks=all 没有 follower 可等（min\.insync\.replicas 为 1）/]);
    expect(text(sentences, 'en')).not.toMatch(/survives the loss/);
  });
});

describe('narration of steps and states', () => {
  it('describes the initial state, spelling out LEO and HW', () => {
    const played = play(lostDoc);
    expectBoth(narrationAt(played, 0), [/Brokers 1, 2, and 3 run Kafka 3\.6 with KRaft/, /LEO \(log end offset/, /HW \(high watermark/, /Replication is manual/],
      [/LEO（日志末端位移/, /HW（高水位/, /复制是手动的/]);
  });

  it('speaks of one broker, one partition and one replica in the singular', () => {
    const single = play({ cluster: { brokers: [1] }, topics: [{ name: 'orders', assignment: [[1]] }], steps: [produce('k')] });
    const en = text(narrationAt(single, 0), 'en');
    expect(en).toMatch(/Broker 1 runs Kafka 3\.6/);
    expect(en).toMatch(/Topic orders has 1 partition with 1 replica\./);
    expectBoth(narrationAt(single, 0), [], [/该分区有 1 个副本/]);
    const wide = play({ cluster: three, topics: [{ name: 'orders', assignment: [[1], [2]] }], steps: [produce('k')] });
    expect(text(narrationAt(wide, 0), 'en')).toMatch(/Topic orders has 2 partitions, each with 1 replica\./);
  });

  it('summarises a run with a dozen fetches in a few sentences', () => {
    const played = play({ cluster: three, topics: orders, steps: [produce('k{i}', 'all', { count: 3 }), { op: 'run', ms: 5000 }] });
    const fetches = played.events[2].filter((e) => e.type === 'fetch-request' || e.type === 'fetch-response').length;
    expect(fetches).toBeGreaterThan(10);
    const sentences = narrationAt(played, 2);
    expect(sentences.length).toBeLessThanOrEqual(5);
    expectBoth(sentences, [/Followers 2 and 3 fetched from leader 1 on orders-0 \(\d+ round trips in all\) and copied 3 record\(s\) each/, /HW of orders-0 rose from 0 to 3/, /got its acknowledgements for 3 records/],
      [/HW 在 leader 1 上从 0 升到 3/, /各复制了 3 条记录/]);
  });

  it('an acks=all record lost with a full ISR (KIP-101 scenario 1): the why does not blame a small ISR', () => {
    // m2 was acknowledged with the ISR 3, 1, 2 all holding it; broker 2 cut it at step 11 (to its
    // HW), 3 stopped and 1 crashed, and broker 2 leads at step 13 (golden/failures.test.ts).
    const played = play(kip101Doc);
    const sentences = narrationAt(played, 13);
    expectBoth(sentences, [/\(∅ = m2\) was acknowledged, but the leader \(2\) does not have it/, /every ISR member of that moment had it/, /cut the record off its log before it could lead/],
      [/当时 ISR 中的每个成员都有它/]);
    expect(text(sentences, 'en')).not.toMatch(/too small/);
  });

  it('KIP-101 scenario 2 with truncation to the HW: the leader when the loss was found, and the diverged records by name', () => {
    // Step 9: broker 2 (crashed, not yet fenced) is elected without m2 and fenced later in the
    // same run, so the partition ends the step leaderless; the loss was found under leader 2.
    // Step 13: broker 1 rejoins the ISR keeping m2 at offset 1 where leader 2 has m3.
    const played = play(kip101Scenario2Doc);
    const lost = narrationAt(played, 9);
    expectBoth(lost, [/\(∅ = m2\) was acknowledged, but the leader \(2\) does not have it/, /Broker 2 became leader without it.*With truncation to the HW \(before KIP-101\) a follower cuts only what lies above its own HW/],
      [/leader（2）没有它/, /按 HW 截断时（KIP-101 之前）/]);
    expect(text(lost, 'en')).not.toMatch(/—/);
    expectBoth(narrationAt(played, 13), [/Follower 1, in the ISR of t-0, holds ∅ = m2 at offset 1, but leader 2 holds ∅ = m3 there, below the HW/],
      [/follower 1 在 t-0 的 ISR 中，它在位移 1 上存的是 ∅ = m2，而 leader 2 在同一位置存的是 ∅ = m3/]);
  });

  it('a poll that returns nothing says why: no partition yet while the group rebalances, or everything below the HW read', () => {
    // c1 polls before the group's first rebalance has completed (both members joined, the
    // group still PreparingRebalance); at the end c2 owns both partitions and has read them.
    const doc = {
      ...groupDoc, topics: [{ name: 'orders', partitions: 2, replicationFactor: 3 }],
      steps: [produce('k{i}', 'all', { count: 4 }), { op: 'run', ms: 100 }, { op: 'subscribe', group: 'g', member: 'c1', topics: ['orders'] },
        { op: 'subscribe', group: 'g', member: 'c2', topics: ['orders'] }, { op: 'run', ms: 5000 }, { op: 'poll', group: 'g', member: 'c1' },
        { op: 'kill', group: 'g', member: 'c1' }, { op: 'run', ms: 60000 }, { op: 'poll', group: 'g', member: 'c2' }],
    };
    const played = play(doc);
    expect(played.worlds[6].groups.groups[0].machine.value).toBe('PreparingRebalance');
    // Why it still rebalances: the initial delayed join (3 s from 100 ms) found c2 added and
    // waits once more, to 6,100 ms (GroupCoordinator's InitialDelayedJoin).
    expectBoth(narrationAt(played, 5), [/group\.initial\.rebalance\.delay\.ms \(3,000 ms\).*The coordinator looks again at t = 6,100 ms: run at least 1,000 ms more/],
      [/协调者会在 t = 6,100 毫秒再看一次/]);
    expectBoth(narrationAt(played, 6), [/c1 of group g got no records: it owns no partition yet\. The group is PreparingRebalance/],
      [/消费组 g 的 c1 没有拿到记录：它还没有分到任何分区。组现在处于 PreparingRebalance 状态/]);
    expectBoth(narrationAt(played, 9), [/c2 of group g got no records: it has read everything below the HW in orders-0, orders-1/],
      [/它已读完 orders-0, orders-1 中 HW 之下的全部记录/]);
    expect(text(narrationAt(played, 9), 'en')).not.toMatch(/received 0/);
  });

  it('a cli step says what it did: a failure with the tool\'s reason, a topic created with its placement, one deleted, a consumer that printed nothing', () => {
    const cli = (command: string, input: string[] = []) => ({ op: 'cli', command: `${command}`, input });
    const played = play({
      cluster: three, topics: [],
      steps: [cli('kafka-topics.sh --bootstrap-server localhost:9092 --create --topic first --partitions 2 --replication-factor 2'),
        cli('kafka-topics.sh --bootstrap-server localhost:9092 --alter --topic first --partitions 1'),
        cli('kafka-topics.sh --zookeeper localhost:2181 --list'),
        cli('kafka-console-producer.sh --bootstrap-server localhost:9092 --topic first', ['a', 'b']),
        cli('kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic first --from-beginning --max-messages 2'),
        cli('kafka-topics.sh --bootstrap-server localhost:9092 --delete --topic first')],
    });
    // The placement is the report's own (as --describe prints it).
    const first = played.worlds[1].topics.find((t) => t.name === 'first');
    expect(first?.partitions.map((p) => [p.replicas.length, p.leader === p.replicas[0]])).toEqual([[2, true], [2, true]]);
    const [p0, p1] = first?.partitions ?? [];
    expectBoth(narrationAt(played, 1), [/Topic first was created: 2 partition\(s\) with 2 replica\(s\) each/,
      new RegExp(`first-0: replicas on brokers ${p0.replicas[0]} and ${p0.replicas[1]}, leader ${p0.replicas[0]}\\.`),
      new RegExp(`first-1: replicas on brokers ${p1.replicas[0]} and ${p1.replicas[1]}, leader ${p1.replicas[0]}\\.`)],
    [/主题 first 已创建：2 个分区，每个分区 2 个副本/]);
    // TopicCommand's own words (InvalidPartitionsException), and joptsimple's for an option 3.6 dropped.
    expectBoth(narrationAt(played, 2), [/It failed \(exit code 1\): Topic currently has 2 partitions, which is higher than the requested 1\./], [/命令失败（退出码 1）/]);
    expectBoth(narrationAt(played, 3), [/It failed \(exit code 1\): zookeeper is not a recognized option/], [/命令失败（退出码 1）：zookeeper is not a recognized option/]);
    // acks=all and no time ran: the two records are above the HW, so the consumer printed nothing.
    expectBoth(narrationAt(played, 5), [/The consumer printed 0 messages/, /Nothing was printed although first has records: they are above the HW/], [/这些记录在 HW 之上/]);
    expectBoth(narrationAt(played, 6), [/Topic first was deleted/], [/主题 first 已删除/]);
  });

  it('acks=all held while every ISR member has the record: the leader learns it only from the next fetch offsets', () => {
    // scenarios/hw-three-rounds.json: after step 3 brokers 2 and 3 have offset 0, but leader 1's
    // view of them (their fetch offsets, 0) does not; after step 4 only 3's view lags.
    const played = play(hwRoundsDoc);
    const p = played.worlds[3].topics[0].partitions[0];
    expect(p.replicaStates.map((r) => r.log.length)).toEqual([1, 1, 1]);
    expectBoth(narrationAt(played, 3), [/every ISR member holds those records now, but leader 1 learns it only from the next fetch of followers 2 and 3/],
      [/leader 1 要等 follower 2和3 下一次拉取才知道/]);
    expect(text(narrationAt(played, 3), 'en')).not.toMatch(/must fetch it/);
    expectBoth(narrationAt(played, 4), [/learns it only from the next fetch of follower 3\./], [/要等 follower 3 下一次拉取才知道/]);
    // Before anyone fetched, the old rule stands: the ISR members must fetch it.
    expect(text(narrationAt(played, 1), 'en')).toMatch(/every ISR member \(1, 2, and 3\) must fetch it/);
    // Third round: the HW rose at step 5; the followers have the record but learn the HW only
    // from their next fetch's response.
    expectBoth(narrationAt(played, 5), [/Followers 2 and 3 have every record but not their leader's latest HW/], [/follower 2和3 已有全部记录，但还不知道 leader 最新的 HW/]);
    expect(text(narrationAt(played, 5), 'en')).not.toMatch(/behind their leader/);
  });

  it('the preferred leader back in the ISR: when the controller gives it back (KRaft), and the fetches of each leader apart', () => {
    // Broker 1 leads orders-0 (assignment 1, 2, 3), is fenced at 9 s, restarts at 10 s, rejoins;
    // 3.6 schedules the balance leader.imbalance.check.interval.seconds (300 s) after leadership
    // first left it, at 9,000 + 300,000 ms (golden/controller.test.ts).
    const played = play({ cluster: three, topics: orders, steps: [{ op: 'crash', broker: 1 }, { op: 'run', ms: 10000 }, { op: 'restart', broker: 1 }, { op: 'run', ms: 2000 }, { op: 'run', ms: 300000 }] });
    expectBoth(narrationAt(played, 4), [/Broker 1, the preferred leader of orders-0 \(first in its assignment\), is back in the ISR: the controller's next leader balance, at t = 309,000 ms/],
      [/broker 1 是 orders-0 的优先 leader/, /t = 309,000 毫秒/]);
    const moved = text(narrationAt(played, 5), 'en');
    expect(moved).toMatch(/Broker 1 got orders-0 back at epoch 2/);
    // Before the move broker 2 led and 1 and 3 fetched; after it 1 leads and 2 and 3 fetch.
    expect(moved).toMatch(/Followers 1 and 3 fetched from leader 2 on orders-0/);
    expect(moved).toMatch(/Followers 2 and 3 fetched from leader 1 on orders-0/);
    expect(moved).not.toMatch(/Followers 1, 2, and 3/);
  });

  it('acks=all held by a leader that is then cut off: only the request timeout ends the wait, and the resend writes it twice', () => {
    // k0 is held by leader 1 with both followers holding it; 1 is isolated before they fetch again.
    // Broker 2 leads at 9 s; the request to 1 times out at 30 s and the resend (no idempotence)
    // appends k0 again at offset 1 (golden/producer.test.ts's duplicates).
    const played = play({
      cluster: { ...three, replication: 'manual' }, producer: { acks: 'all', config: { 'enable.idempotence': false } }, topics: orders,
      steps: [produce('k0', 'all'), { op: 'fetch', broker: 2 }, { op: 'fetch', broker: 3 }, { op: 'isolate', broker: 1 }, { op: 'run', ms: 31000 }],
    });
    const cutOff = narrationAt(played, 4);
    expectBoth(cutOff, [/still waiting for k0 = v-k0 \(acks=all\), held by leader 1, which is now down or cut off: no follower's fetch reaches it.*The request times out at t = 30,000 ms/],
      [/它被 leader 1 扣着/, /t = 30,000 毫秒超时/]);
    expect(text(cutOff, 'en')).not.toMatch(/learns it only from the next fetch/);
    expectBoth(narrationAt(played, 5), [/The record at offset 1 of orders-0 is a second copy/, /resent k0 = v-k0; leader 2 appended it to orders-0 at offset 1/], [/第二份/]);
  });

  it('a refused restart (NODE_EXISTS) says once when the old session expires', () => {
    const played = play({ cluster: { ...three, metadata: 'zookeeper' }, topics: orders, steps: [{ op: 'crash', broker: 1 }, { op: 'run', ms: 1000 }, { op: 'restart', broker: 1 }] });
    const en = text(narrationAt(played, 3), 'en');
    expect(en).toMatch(/The session expires at t = 18,000 ms/);
    expect(en).not.toMatch(/The controller will notice broker 1 is gone/);
    // Without the refusal (the step before), the controller's wait is still told.
    expect(text(narrationAt(played, 2), 'en')).toMatch(/The controller will notice broker 1 is gone at t = 18,000 ms/);
  });

  it('a restart after the broker was fenced says it registered, not that it was fenced again', () => {
    // KRaft: the restarted process registers fenced and is unfenced at once (both events at the
    // restart); the fencing itself happened at the session timeout, in the run before.
    const played = play({ cluster: three, topics: orders, steps: [{ op: 'crash', broker: 2 }, { op: 'run', ms: 10000 }, { op: 'restart', broker: 2 }] });
    expect(played.events[3].filter((e) => e.type === 'broker-state').map((e) => e.type === 'broker-state' && e.fenced)).toEqual([true, false]);
    const sentences = narrationAt(played, 3);
    expectBoth(sentences, [/Broker 2 registered with the controller/], [/broker 2 在控制器那里注册成功/]);
    expect(text(sentences, 'en')).not.toMatch(/fenced broker 2/);
  });

  it('tells a crash and when the controller will notice it (the student is never stuck)', () => {
    const played = play(lostDoc);
    expectBoth(narrationAt(played, 7), [/Broker 1 crashed/, /controller will notice broker 1 is gone at t = 9,000 ms/, /run at least 9,000 ms more/],
      [/broker 1 崩溃了/, /控制器要到 t = 9,000 毫秒才会发现 broker 1/]);
  });

  it('after a crash in manual replication, says that followers fetch only when told', () => {
    const played = play({ cluster: { ...three, replication: 'manual' }, topics: orders, steps: [produce('k0'), { op: 'run', ms: 100 }] });
    expectBoth(narrationAt(played, 2), [/Nothing changed: no message was in flight/, /Followers 2 and 3 are behind their leader\. In manual replication they fetch only when told: choose Fetch/],
      [/什么也没有改变/, /follower 2和3 落后于 leader/]);
  });

  it('lost-tail and high-watermark truncations name their reasons', () => {
    const lost = play({ cluster: three, topics: orders, steps: [produce('k{i}', 1, { count: 3 }), { op: 'crash', broker: 1, lostTail: 2 }] });
    expectBoth(narrationAt(lost, 2), [/lost the last 2 records of each of its logs: they were only in the page cache/, /lost 2 records of orders-0 \(offsets 1 to 2\)/], [/页缓存/, /leader 自己在崩溃中丢失了它/]);
    const steps = lostDoc.steps.map((s) => (s.op === 'run' ? { op: 'run', ms: 20000 } : s));
    const old = play({ ...lostDoc, steps, cluster: { ...three, replication: 'manual', metadata: 'zookeeper', truncation: 'high-watermark' } });
    const at = positionWith(old, 'truncate', (e) => e.type === 'truncate' && e.reason === 'high-watermark');
    expectBoth(narrationAt(old, at), [/before Kafka 0\.11 a replica that becomes a follower truncates to its own HW/], [/在 Kafka 0\.11 之前/]);
  });

  it('a produce refused for too small an ISR says what min.insync.replicas asks and that it retries', () => {
    const played = play({ cluster: { brokers: [1, 2], config: { 'min.insync.replicas': 2 } }, topics: [{ name: 'orders', assignment: [[1, 2]] }],
      steps: [{ op: 'crash', broker: 2 }, { op: 'run', ms: 10000 }, produce('k0', 'all')] });
    expectBoth(narrationAt(played, 3), [/got NOT_ENOUGH_REPLICAS for k0 = v-k0 on orders-0; it retries after retry\.backoff\.ms \(100 ms\)/, /fewer members than min\.insync\.replicas \(2\)/],
      [/min\.insync\.replicas（2）/, /重试/]);
  });

  it('a request that times out and is retried in the same step is said to be retried, not given up', () => {
    // scenarios/retry-reorders-without-idempotence.json, step 7 (worked in golden/batches.test.ts):
    // b's request to the crashed leader times out at 30.1 s, b is resent 100 ms later and acked.
    const played = play(retryDoc);
    const sentences = narrationAt(played, 7);
    expectBoth(sentences, [/got REQUEST_TIMED_OUT for ∅ = b on orders-0; it retries after retry\.backoff\.ms \(100 ms\)/, /the leader it was sent to was down or cut off/, /resent ∅ = b/],
      [/REQUEST_TIMED_OUT/, /重试/]);
    expect(text(sentences, 'en')).not.toMatch(/gave up on/);
    expect(text(sentences, 'zh')).not.toMatch(/生产者放弃了/);
  });

  it('a subscribe step says once that the member joins: the step tells it, not its join event again', () => {
    const played = play(groupDoc);
    const at = positionWith(played, 'group-member', (e) => e.type === 'group-member' && e.change === 'joined' && e.member === 'c1');
    expect(played.scenario.steps[at - 1]).toMatchObject({ op: 'subscribe', member: 'c1' });
    const whole = text(narrationAt(played, at), 'en');
    expect(whole).toMatch(/Consumer c1 subscribed to orders in group g \(range assignor\): it sends JoinGroup/);
    expect(whole).not.toMatch(/Consumer c1 joined group g\./);
    // Walking the step event by event shows no step sentence: there the event tells it.
    const joinedAt = played.events[at].findIndex((e) => e.type === 'group-member');
    const partial = narrate({ scenario: played.scenario, position: at, events: played.events[at].slice(0, joinedAt + 1), world: played.worlds[at], partial: true });
    expect(text(partial, 'en')).toMatch(/Consumer c1 joined group g\./);
  });

  it('a record sent to a crashed leader the producer still believes in: no answer comes until request.timeout.ms', () => {
    // Step 4: b goes to broker 1 (crashed at step 3, not yet fenced) at t = 100 ms; the client's
    // request timeout (30,000 ms) ends at 30,100 ms (golden/batches.test.ts).
    const played = play(retryDoc);
    expectBoth(narrationAt(played, 4),
      [/sent ∅ = b for orders-0 to broker 1, the leader as far as it knew, while broker 1 was down or cut off: the request was lost, and no answer will come\. At t = 30,100 ms \(request\.timeout\.ms, 30,000 ms after sending\)/],
      [/生产者把 ∅ = b 发往 broker 1/, /t = 30,100 毫秒/]);
    // Once it has timed out and been resent to the new leader, nothing is unanswered.
    expect(text(narrationAt(played, 7), 'en')).not.toMatch(/no answer will come/);
    // A network that heals does not bring a lost request back: it still waits for its timeout.
    const healed = play({ cluster: three, topics: orders, steps: [{ op: 'isolate', broker: 1 }, produce('k0', 'all'), { op: 'heal' }] });
    expect(healed.worlds[3].brokers.every((b) => b.state === 'running')).toBe(true);
    expect(text(narrationAt(healed, 3), 'en')).toMatch(/sent k0 = v-k0 for orders-0 to broker 1, the leader as far as it knew, while broker 1 was down or cut off: the request was lost/);
  });

  it('a record whose delivery.timeout.ms ran out is said to be given up', () => {
    // Two of three replicas are out of the ISR (min.insync.replicas 2): NOT_ENOUGH_REPLICAS is
    // retried until the batch expires at 15 s + 120 s (golden/producer.test.ts, "lonely").
    const played = play({
      cluster: { brokers: 3, replication: 'manual', config: { 'min.insync.replicas': 2, 'replica.lag.time.max.ms': 10000 } },
      producer: { acks: 'all' }, topics: orders,
      steps: [{ op: 'run', ms: 15000 }, produce('k0', 'all'), { op: 'run', ms: 120000 }],
    });
    expectBoth(narrationAt(played, 3), [/gave up on k0 = v-k0 for orders-0 with REQUEST_TIMED_OUT/], [/生产者放弃了/]);
  });

  it('while walking a step event by event, tells the events so far', () => {
    const played = play(lostDoc);
    const events = played.events[8].slice(0, 1);
    const sentences = narrate({ scenario: played.scenario, position: 8, events, world: played.worlds[8], partial: true });
    expect(text(sentences, 'en')).not.toMatch(/Time ran/);
    expect(text(sentences, 'en')).toMatch(/fenced broker 1/);
  });
});

describe('the controller\'s rules per era in words (golden/controller.test.ts)', () => {
  const pair = [{ name: 'orders', assignment: [[1, 2]], config: { 'unclean.leader.election.enable': true } }];
  // Follower 2 never fetches (manual, lag 1 s): the ISR is [1] from 1500 ms; leader 1 crashes and
  // is fenced at 10500 ms with broker 2 available outside the ISR.
  const skipped = {
    cluster: { brokers: [1, 2], replication: 'manual', config: { 'replica.lag.time.max.ms': 1000 } }, topics: pair,
    steps: [{ op: 'run', ms: 1500 }, { op: 'crash', broker: 1 }, { op: 'run', ms: 10000 },
      { op: 'cli', command: 'kafka-leader-election.sh --bootstrap-server localhost:9092 --election-type unclean --topic orders --partition 0' }],
  };

  it('kraft: the unclean election the setting asks for is skipped, and the tool that would do it is named', () => {
    const played = play(skipped);
    expectBoth(narrationAt(played, 3),
      [/orders-0 has no leader \(epoch 1\): no ISR member \(1\) is available\. unclean\.leader\.election\.enable is true, yet Kafka 3\.6's controller ignores it/,
        /does not elect broker 2/, /kafka-leader-election\.sh --bootstrap-server localhost:9092 --election-type unclean --topic orders --partition 0/],
      [/Kafka 3\.6 的控制器却会忽略它/, /不会选举 broker 2/, /只从 ISR（1）中选举/]);
  });

  it('kraft: the unclean election by kafka-leader-election.sh says only the tool does it in 3.6', () => {
    expectBoth(narrationAt(play(skipped), 4),
      [/Broker 2 became leader of orders-0 at epoch 2 although it was not in the ISR: kafka-leader-election\.sh --election-type unclean asked for it\. In Kafka 3\.6 only this tool/],
      [/broker 2 成为 orders-0 的 leader，epoch 为 2，尽管它不在 ISR 中/, /控制器自己都不会这样做/]);
  });

  const back = (metadata: string, ms: number) => play({
    cluster: { brokers: [1, 2], metadata }, topics: [{ name: 'orders', assignment: [[1, 2]] }],
    steps: [{ op: 'shutdown', broker: 1 }, { op: 'restart', broker: 1 }, { op: 'run', ms },
      { op: 'cli', command: 'kafka-leader-election.sh --bootstrap-server localhost:9092 --election-type preferred --topic orders --partition 0' }],
  });

  it('zookeeper: the rebalance at 5 s names the interval and the percentage', () => {
    expectBoth(narrationAt(back('zookeeper', 5000), 3),
      [/Broker 1 got orders-0 back at epoch 2/, /Kafka 2\.8's controller checks every leader\.imbalance\.check\.interval\.seconds \(300 s, the first time 5 s after it starts\)/, /leader\.imbalance\.per\.broker\.percentage \(10 %\)/],
      [/broker 1 重新成为 orders-0 的 leader/, /第一次在启动 5 秒后/, /leader\.imbalance\.per\.broker\.percentage（10%）/]);
  });

  it('kraft: the balance 300 s later says there is no percentage', () => {
    expectBoth(narrationAt(back('kraft', 300000), 3),
      [/Kafka 3\.6's controller scheduled this balance leader\.imbalance\.check\.interval\.seconds \(300 s\)/, /with no percentage threshold/],
      [/Kafka 3\.6 的控制器/, /不看任何百分比阈值/]);
  });

  it('a preferred election by the tool is told as the tool\'s, not the balance\'s', () => {
    expectBoth(narrationAt(back('kraft', 1000), 4),
      [/Broker 1 became leader of orders-0 at epoch 2: kafka-leader-election\.sh --election-type preferred gave the partition back to its preferred replica/],
      [/把分区交还给它的首选副本/]);
  });
});

describe('errors in words', () => {
  const world = play(lostDoc).worlds[0];
  it.each(EXPLAINED_ERRORS)('%s has its own sentence in both languages', (error) => {
    const sentence = errorSentence(error, world, { broker: 1, topic: 'orders', partition: 0 });
    expect(sentence.key).toBe(`errors.${error}`);
    expectBoth([sentence], [new RegExp(`^${error}: \\S`)], [new RegExp(`^${error}：\\S`)]);
  });
  it('a record produced while its partition has no leader waits in the producer, and the narration says so', () => {
    const played = play({
      cluster: { brokers: 2, replication: 'manual' },
      topics: [{ name: 'orders', assignment: [[1]] }, { name: 'audit', assignment: [[2]] }],
      steps: [
        { op: 'produce', topic: 'audit', key: 'a', value: 'kept', acks: 1 },
        { op: 'crash', broker: 1 },
        { op: 'run', ms: 10000 },
        { op: 'produce', topic: 'orders', key: 'k', value: 'v', acks: 1 },
      ],
    });
    const waiting = narrationAt(played, 4).filter((s) => s.key === 'pending.noLeader');
    expect(waiting.map((s) => s.params)).toEqual([expect.objectContaining({ where: 'orders-0' })]);
    expect(text(waiting, 'en')).toMatch(/waits in the producer: orders-0 has no leader/);
  });

  it('an unknown error still gets a sentence naming it', () => {
    expectBoth([errorSentence('SOMETHING_NEW', world)], [/^SOMETHING_NEW: Kafka's error name/], [/^SOMETHING_NEW：/]);
  });
});

describe('long steps stay readable', () => {
  it('a burst of acks=all records waiting on one partition is one sentence, with the count and the last offset', () => {
    const played = play({
      cluster: { brokers: 3, replication: 'manual' },
      topics: [{ name: 'orders', assignment: [[1, 2, 3]] }],
      steps: [{ op: 'produce', topic: 'orders', key: 'k{i}', value: 'v{i}', count: 4, acks: 'all' }],
    });
    const sentences = narrationAt(played, 1);
    const waiting = sentences.filter((s) => s.key.startsWith('pending.ackAll'));
    expect(waiting.map((s) => s.key)).toEqual(['pending.ackAllMany']);
    expect(waiting[0].params).toMatchObject({ count: 4, where: 'orders-0', offset: 3 });
    expect(text(waiting, 'en')).toContain('4 records on orders-0');
    expect(text(waiting, 'zh')).toContain('4 条记录');
  });

  it('idle fetches of many partitions (every __consumer_offsets partition) fold into one sentence', () => {
    const played = play({
      cluster: { brokers: 3 }, consumer: { config: { 'auto.offset.reset': 'earliest' } },
      topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
      steps: [
        { op: 'produce', topic: 'orders', key: 'k{i}', value: 'v{i}', count: 6 },
        { op: 'subscribe', group: 'g', member: 'c1', topics: ['orders'] },
        { op: 'run', ms: 6000 },
        { op: 'run', ms: 5000 },
      ],
    });
    const sentences = narrationAt(played, 4);
    const idle = sentences.filter((s) => s.key.startsWith('fetch.idle'));
    expect(idle).toHaveLength(1);
    expect(sentences.filter((s) => s.key === 'fetch.nothing.one' || s.key === 'fetch.nothing.many')).toEqual([]);
    expect(Number(idle[0].params.internal)).toBeGreaterThan(10);
    expect(text(idle, 'en')).toContain('__consumer_offsets');
    expect(text(idle, 'zh')).toContain('内部主题');
    expect(sentences.length).toBeLessThan(15);
  });
});

describe('a step on many partitions: routine kinds summed up, the per-partition sentences kept as details', () => {
  // 9 brokers × 30 partitions at RF 3 (the bench's picture): a burst of 30 acks=all records and
  // 200 ms of automatic replication touch 20-odd partitions each.
  const played = play({
    cluster: { brokers: 9, replication: 'auto' },
    topics: [{ name: 'events', partitions: 30, replicationFactor: 3 }],
    steps: [
      { op: 'produce', topic: 'events', key: 'k{i}', value: 'v{i}', acks: 'all', count: 30 },
      { op: 'run', ms: 200 },
    ],
  });
  const places = (events: readonly SimEvent[], type: SimEvent['type']) =>
    new Set(events.filter((e) => e.type === type).map((e) => { const p = e as { topic: string; partition: number }; return `${p.topic}-${p.partition}`; }));

  it('the produce step: one sentence for the appends and one for what waits, with totals that add up', () => {
    const sentences = narrationAt(played, 1);
    const main = sentences.filter((s) => !s.detail);
    const appended = played.events[1].filter((e) => e.type === 'append');
    const appendPlaces = places(played.events[1], 'append');
    expect(appendPlaces.size).toBeGreaterThan(FOLD_ABOVE);
    const summary = main.find((s) => s.key.startsWith('fold.append'));
    expect(summary?.params).toMatchObject({ records: appended.length, partitions: appendPlaces.size });
    expect(main.filter((s) => s.key.startsWith('append.'))).toEqual([]);
    // Every partition's own sentence is still there, as a detail.
    const details = sentences.filter((s) => s.detail && s.key.startsWith('append.'));
    expect(new Set(details.map((s) => s.params.where))).toEqual(appendPlaces);
    const held = main.find((s) => s.key.startsWith('fold.ackAllHeld'));
    expect(held?.params.records).toBe(played.worlds[1].pendingProduces.length);
    expect(main.length).toBeLessThanOrEqual(4);
    expectBoth(main, [/appended \d+ records to \d+ partitions/, /still waiting for \d+ records on \d+ partitions/], [/共追加了 \d+ 条记录/, /仍在等待 \d+ 个分区/]);
  });

  it('the run: copies, HW rises and acknowledgements summed up; each HW rise still told per partition', () => {
    const sentences = narrationAt(played, 2);
    const main = sentences.filter((s) => !s.detail);
    expect(main.length).toBeLessThanOrEqual(8);
    const hwPlaces = places(played.events[2], 'high-watermark');
    expect(main.find((s) => s.key.startsWith('fold.hw'))?.params.partitions).toBe(hwPlaces.size);
    expect(new Set(sentences.filter((s) => s.detail && s.key === 'hw.rose').map((s) => s.params.where))).toEqual(hwPlaces);
    const acked = played.events[2].filter((e) => e.type === 'produce-response' && e.acked).length;
    expect(main.find((s) => s.key === 'fold.acked.all')?.params.records).toBe(acked);
    expectBoth(main, [/The HW rose on \d+ partitions/, /acknowledgements for \d+ records on \d+ partitions/], [/个分区的 HW 上升了/, /条记录的确认/]);
  });

  it('a small cluster is never folded (three partitions read one sentence each)', () => {
    const small = play({
      cluster: { brokers: 3, replication: 'auto' },
      topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
      steps: [{ op: 'produce', topic: 'orders', key: 'k{i}', value: 'v{i}', acks: 'all', count: 9 }, { op: 'run', ms: 500 }],
    });
    for (const position of [1, 2]) expect(narrationAt(small, position).filter((s) => s.detail || s.key.startsWith('fold.'))).toEqual([]);
  });
});

describe('why a held HW is held: a follower outside the ISR, or a HW nobody recomputed (Partition.maybeIncrementLeaderHW)', () => {
  const doc = (metadata: 'kraft' | 'zookeeper', steps: unknown[]) => ({
    cluster: { ...three, metadata, replication: 'manual', config: metadata === 'zookeeper' ? { 'replica.lag.time.max.ms': 1000 } : {} },
    topics: [{ name: 'orders', assignment: [[1, 2, 3]], config: { 'min.insync.replicas': 2 } }],
    steps,
  });
  const fetch = (broker: number) => ({ op: 'fetch', broker });

  it('kraft: a returning follower outside the ISR holds acks=all until it catches up', () => {
    const played = play(doc('kraft', [produce('a', 'all'), fetch(2), fetch(3), fetch(2), fetch(3), { op: 'crash', broker: 3 }, produce('b', 'all'),
      fetch(2), fetch(2), { op: 'run', ms: 9000 }, { op: 'restart', broker: 3 }, fetch(3), produce('c', 'all'), fetch(2), fetch(2)]));
    const sentences = narrationAt(played, played.worlds.length - 1);
    // The third record is still held (its request is not the first: requests are found by id).
    expect(sentences.map((s) => s.key)).toEqual(expect.arrayContaining(['pending.ackAll', 'pending.outsideIsrKraft']));
    expectBoth(sentences, [/Broker 3 is outside the ISR of orders-0/, /until t = 30,000 ms/], [/broker 3 不在 orders-0 的 ISR 中/]);
  });

  it('zookeeper: after its own ISR shrink the leader does not recompute the HW (KAFKA-13091)', () => {
    const played = play(doc('zookeeper', [fetch(2), fetch(3), produce('a', 'all'), fetch(2), fetch(2), { op: 'run', ms: 1500 }]));
    const last = played.worlds.length - 1;
    const sentences = narrationAt(played, last);
    expect(sentences.map((s) => s.key)).toEqual(expect.arrayContaining(['isr.shrinkZk', 'pending.hwNotRecomputedZk']));
    expectBoth(sentences, [/KAFKA-13091/, /could be 1 now, but it stays 0/], [/KAFKA-13091/, /本可以是 1/]);
  });
});

describe('what consumers are waiting for', () => {
  const c1 = { group: 'g', member: 'c1' };
  const doc = (steps: Record<string, unknown>[]) => ({
    cluster: { brokers: 3, replication: 'manual', config: { 'offsets.topic.replication.factor': 1, 'offsets.topic.num.partitions': 3 } },
    consumer: { config: { 'auto.offset.reset': 'earliest', 'enable.auto.commit': false } },
    topics: [{ name: 'orders', partitions: 1, replicationFactor: 1 }],
    steps: [{ op: 'subscribe', ...c1, topics: ['orders'] }, { op: 'run', ms: 4000 }, { op: 'poll', ...c1 }, ...steps],
  });

  it('a stalled consumer: when max.poll.interval.ms after its last poll it leaves, and how long to run', () => {
    // Its last poll at t = 4000 ms, the interval 300000 ms: it leaves at t = 304000 ms.
    const played = play(doc([{ op: 'pause', ...c1 }, { op: 'run', ms: 100000 }, { op: 'run', ms: 210000 }]));
    const waits = (at: number) => narrationAt(played, at).filter((s) => s.key === 'pending.pollTimeout');
    expect(waits(4).map((s) => s.params)).toEqual([{ group: 'g', member: 'c1', at: 304000, interval: 300000, remaining: 300000 }]);
    expect(waits(5)[0].params).toMatchObject({ at: 304000, remaining: 200000 });
    expectBoth(waits(5), [/c1 of group g is stalled: unless it resumes, it leaves the group at t = 304,000 ms/], [/组 g 的 c1 已卡住：如果不恢复，它会在 t = 304,000 毫秒离开组/]);
    // Once gone (t = 314000 ms), nothing waits any more.
    expect(waits(6)).toEqual([]);
  });

  it('a stalled static member stops heartbeating instead of leaving, and the narration says so', () => {
    const played = play({ ...doc([]), steps: [{ op: 'subscribe', ...c1, topics: ['orders'], instanceId: 'i1' }, { op: 'run', ms: 4000 }, { op: 'poll', ...c1 }, { op: 'pause', ...c1 }] });
    const sentences = narrationAt(played, 4);
    expect(sentences.filter((s) => s.key === 'pending.pollTimeout')).toEqual([]);
    const waits = sentences.filter((s) => s.key === 'pending.pollTimeoutStatic');
    expect(waits.map((s) => s.params)).toEqual([{ group: 'g', member: 'c1', at: 304000, interval: 300000, remaining: 300000 }]);
    expectBoth(waits, [/a static member, so unless it resumes it stops heartbeating at t = 304,000 ms/], [/它是静态成员/]);
  });

  it('a killed consumer stays a member until session.timeout.ms without a heartbeat', () => {
    const played = play(doc([{ op: 'kill', ...c1 }, { op: 'run', ms: 50000 }]));
    const waits = narrationAt(played, 4).filter((s) => s.key === 'pending.memberExpire');
    expect(waits).toHaveLength(1);
    // session.timeout.ms is 45000 in kraft; its last heartbeat was at most heartbeat.interval.ms (3000) ago.
    const { at, timeout, remaining } = waits[0].params as { at: number; timeout: number; remaining: number };
    expect(timeout).toBe(45000);
    expect(at - 4000).toBeGreaterThan(45000 - 3000);
    expect(at - 4000).toBeLessThanOrEqual(45000);
    expect(remaining).toBe(at - 4000);
    expectBoth(waits, [/still counts the killed consumer c1 in group g/], [/已被杀掉的消费者 c1/]);
    expect(narrationAt(played, 5).filter((s) => s.key === 'pending.memberExpire')).toEqual([]);
  });
});
