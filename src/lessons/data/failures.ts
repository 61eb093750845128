/** Chapter "failures": a follower fails, a leader fails (clean and unclean), HW vs leader epoch. */
import { hasAnomaly, isrOf, leaderOf, same, stops, valuesOn } from '../reportQueries';
import type { Lesson } from '../types';

const fetch = (broker: number) => ({ op: 'fetch', broker });
const produce = (topic: string, value: string) => ({ op: 'produce', topic, key: null, value });

export const followerFailure: Lesson = {
  id: 'follower-failure',
  chapter: 'failures',
  scenario: {
    version: 1, seed: 1,
    cluster: { brokers: 3, metadata: 'zookeeper', replication: 'manual', truncation: 'high-watermark' },
    producer: { acks: 'all' },
    topics: [{ name: 'orders', assignment: [[1, 2, 3]] }],
    steps: [
      produce('orders', 'm1'), fetch(2), fetch(3), fetch(2), fetch(3),
      produce('orders', 'm2'), fetch(2), fetch(3),
      { op: 'crash', broker: 3 },
      { op: 'run', ms: 18000 },
      produce('orders', 'm3'), fetch(2), fetch(2),
      { op: 'restart', broker: 3 },
      fetch(3), fetch(3),
    ],
  },
  stops: stops(17, {
    0: { highlight: [{ topic: 'orders', partition: 0 }] },
    8: { highlight: [{ topic: 'orders', partition: 0, broker: 3, offset: 1 }] },
    9: { highlight: [{ broker: 3 }] },
    10: { highlight: [{ topic: 'orders', partition: 0 }] },
    13: {
      highlight: [{ topic: 'orders', partition: 0, broker: 3 }],
      question: {
        revealAt: 14,
        choices: [
          { id: 'truncated', correct: true, holds: (r) => same(valuesOn(r, 'orders', 0, 3), ['m1']) },
          { id: 'kept', correct: false, holds: (r) => same(valuesOn(r, 'orders', 0, 3), ['m1', 'm2']) },
          { id: 'empty', correct: false, holds: (r) => valuesOn(r, 'orders', 0, 3).length === 0 },
        ],
      },
    },
    14: { highlight: [{ topic: 'orders', partition: 0, broker: 3 }], callout: true },
    16: { highlight: [{ topic: 'orders', partition: 0, broker: 3 }] },
  }),
  claims: [
    { at: 8, says: 'broker 3 holds m2 above its HW 1', holds: (r) => same(valuesOn(r, 'orders', 0, 3), ['m1', 'm2']) && r.partitions[0].replicaStates[2].highWatermark === 1 },
    { at: 10, says: 'broker 3 is out of the ISR', holds: (r) => same(isrOf(r, 'orders'), [1, 2]) },
    { at: 16, says: 'it catches up and rejoins', holds: (r) => same(isrOf(r, 'orders'), [1, 2, 3]) && same(valuesOn(r, 'orders', 0, 3), ['m1', 'm2', 'm3']) },
  ],
};

export const leaderFailure: Lesson = {
  id: 'leader-failure',
  chapter: 'failures',
  scenario: {
    version: 1, seed: 1,
    cluster: { brokers: 3, metadata: 'zookeeper', replication: 'manual' },
    producer: { acks: 'all' },
    topics: [
      { name: 'safe', assignment: [[1, 2, 3]] },
      { name: 'risky', assignment: [[1, 2, 3]], config: { 'unclean.leader.election.enable': true } },
    ],
    steps: [
      produce('safe', 'm1'), produce('risky', 'm1'), fetch(2), fetch(3), fetch(2), fetch(3),
      { op: 'crash', broker: 3 },
      { op: 'run', ms: 18000 },
      produce('safe', 'm2'), produce('risky', 'm2'), fetch(2), fetch(2),
      { op: 'restart', broker: 3 },
      { op: 'crash', broker: 1 },
      { op: 'run', ms: 18000 },
      { op: 'crash', broker: 2 },
      { op: 'run', ms: 18000 },
    ],
  },
  stops: stops(18, {
    0: { highlight: [{ topic: 'safe', partition: 0 }, { topic: 'risky', partition: 0 }] },
    8: { highlight: [{ broker: 3 }] },
    12: { highlight: [{ topic: 'safe', partition: 0, broker: 3 }, { topic: 'risky', partition: 0, broker: 3 }] },
    13: {
      highlight: [{ broker: 1 }],
      question: {
        revealAt: 15,
        choices: [
          { id: 'two', correct: true, holds: (r) => leaderOf(r, 'safe') === 2 && same(valuesOn(r, 'safe', 0, 2), ['m1', 'm2']) },
          { id: 'three', correct: false, holds: (r) => leaderOf(r, 'safe') === 3 },
          { id: 'none', correct: false, holds: (r) => leaderOf(r, 'safe') === null },
        ],
      },
    },
    15: {
      highlight: [{ broker: 2 }],
      question: {
        revealAt: 17,
        choices: [
          { id: 'wait', correct: false, holds: (r) => leaderOf(r, 'safe') === null && leaderOf(r, 'risky') === null },
          { id: 'both', correct: false, holds: (r) => leaderOf(r, 'safe') === 3 && leaderOf(r, 'risky') === 3 },
          { id: 'split', correct: true, holds: (r) => leaderOf(r, 'safe') === null && leaderOf(r, 'risky') === 3 && same(valuesOn(r, 'risky', 0, 3), ['m1']) },
        ],
      },
    },
    17: { highlight: [{ topic: 'safe', partition: 0 }, { topic: 'risky', partition: 0, broker: 3 }] },
  }),
  claims: [
    { at: 12, says: 'broker 3 is back but behind, out of the ISR', holds: (r) => same(isrOf(r, 'safe'), [1, 2]) && same(valuesOn(r, 'safe', 0, 3), ['m1']) },
    { at: 15, says: 'clean election: broker 2, in the ISR, leads with m2', holds: (r) => leaderOf(r, 'safe') === 2 && leaderOf(r, 'risky') === 2 && !hasAnomaly(r, 'acknowledged-record-lost') },
    { at: 17, says: 'unclean election loses m2 on risky; safe waits with no leader', holds: (r) => leaderOf(r, 'safe') === null && leaderOf(r, 'risky') === 3 && hasAnomaly(r, 'acknowledged-record-lost') },
  ],
};

/**
 * KIP-101's two scenarios, as scenarios/golden/kip101-scenario{1,2}-{high-watermark,leader-epoch}.json
 * have them (without their titles and notes: the lesson narrates; lessons.test.ts checks they match).
 */
function kip101Scenario(which: 1 | 2, epoch: boolean): Lesson['scenario'] {
  const cluster = epoch
    ? { brokers: which === 1 ? 3 : 2, replication: 'manual', truncation: 'leader-epoch' }
    : { brokers: which === 1 ? 3 : 2, replication: 'manual', truncation: 'high-watermark', metadata: 'zookeeper' };
  const session = epoch ? 9000 : 18000;
  const p = (value: string) => ({ op: 'produce', topic: 't', key: null, value, acks: 'all' });
  const steps = which === 1
    ? [p('m1'), fetch(1), fetch(2), fetch(1), fetch(2), p('m2'), fetch(1), fetch(2), fetch(1), fetch(2),
      { op: 'shutdown', broker: 3 }, { op: 'crash', broker: 1 }, { op: 'run', ms: session }]
    : [p('m1'), fetch(2), fetch(2), p('m2'), fetch(2), fetch(2), { op: 'crash', broker: 1 }, { op: 'crash', broker: 2, lostTail: 1 },
      { op: 'run', ms: session }, { op: 'restart', broker: 2 }, p('m3'),
      // With leader epochs (3.6, idempotent by default) m3 is first refused OUT_OF_ORDER_SEQUENCE_NUMBER
      // (broker 2 lost m2's sequence with its tail) and resent after an epoch bump, as the golden file has it.
      ...(epoch ? [{ op: 'run', ms: 100 }] : []),
      { op: 'restart', broker: 1 }, fetch(1), fetch(1)];
  return { version: 1, seed: 1, cluster, topics: [{ name: 't', assignment: [which === 1 ? [3, 1, 2] : [1, 2]] }], steps };
}

const lossStops = (epoch: boolean) => stops(14, {
  0: { highlight: [{ topic: 't', partition: 0 }] },
  10: {
    highlight: [{ topic: 't', partition: 0, broker: 2 }],
    question: {
      revealAt: 11,
      choices: [
        { id: 'truncate', correct: !epoch, holds: (r) => same(valuesOn(r, 't', 0, 2), ['m1']) },
        { id: 'keep', correct: epoch, holds: (r) => same(valuesOn(r, 't', 0, 2), ['m1', 'm2']) },
      ],
    },
  },
  11: { highlight: [{ topic: 't', partition: 0, broker: 2 }], callout: !epoch },
  13: { highlight: [{ topic: 't', partition: 0, broker: 2 }] },
});

export const kip101Loss: Lesson = {
  id: 'kip101-loss',
  chapter: 'failures',
  scenario: kip101Scenario(1, false),
  stops: lossStops(false),
  claims: [
    { at: 10, says: 'm2 acknowledged; followers were told HW 1', holds: (r) => r.produced[1].acked && r.partitions[0].replicaStates.map((x) => x.highWatermark).join() === '2,1,1' },
    { at: 13, says: 'broker 2 leads without m2: acknowledged record lost', holds: (r) => leaderOf(r, 't') === 2 && hasAnomaly(r, 'acknowledged-record-lost') },
  ],
  next: 'kip101-loss-epoch',
};

export const kip101LossEpochLesson: Lesson = {
  id: 'kip101-loss-epoch',
  chapter: 'failures',
  scenario: kip101Scenario(1, true),
  stops: lossStops(true),
  claims: [
    { at: 13, says: 'broker 2 leads with m2: nothing lost', holds: (r) => leaderOf(r, 't') === 2 && same(valuesOn(r, 't', 0, 2), ['m1', 'm2']) && r.anomalies.length === 0 },
  ],
};

/** `shift`: the leader-epoch version has one more step (m3's resend) before broker 1 returns. */
const divergenceStops = (epoch: boolean, shift = epoch ? 1 : 0) => stops(15 + shift, {
  0: { highlight: [{ topic: 't', partition: 0 }] },
  6: { highlight: [{ topic: 't', partition: 0, broker: 2, offset: 1 }] },
  8: { highlight: [{ topic: 't', partition: 0, broker: 2 }], callout: true },
  [11 + shift]: {
    highlight: [{ topic: 't', partition: 0, broker: 2, offset: 1 }, { topic: 't', partition: 0, broker: 1, offset: 1 }],
    question: {
      revealAt: 14 + shift,
      choices: [
        { id: 'diverge', correct: !epoch, holds: (r) => same(valuesOn(r, 't', 0, 1), ['m1', 'm2']) && same(valuesOn(r, 't', 0, 2), ['m1', 'm3']) },
        { id: 'converge', correct: epoch, holds: (r) => same(valuesOn(r, 't', 0, 1), ['m1', 'm3']) && same(valuesOn(r, 't', 0, 2), ['m1', 'm3']) },
      ],
    },
  },
  [14 + shift]: { highlight: [{ topic: 't', partition: 0, broker: 1, offset: 1 }] },
});

export const kip101Divergence: Lesson = {
  id: 'kip101-divergence',
  chapter: 'failures',
  scenario: kip101Scenario(2, false),
  stops: divergenceStops(false),
  claims: [
    { at: 8, says: 'broker 2 lost m2 in the power loss', holds: (r) => same(valuesOn(r, 't', 0, 2), ['m1']) },
    { at: 14, says: 'the two replicas disagree at offset 1', holds: (r) => hasAnomaly(r, 'replica-divergence') },
  ],
  next: 'kip101-divergence-epoch',
};

export const kip101DivergenceEpochLesson: Lesson = {
  id: 'kip101-divergence-epoch',
  chapter: 'failures',
  scenario: kip101Scenario(2, true),
  stops: divergenceStops(true),
  claims: [
    { at: 15, says: 'no divergence, but m2 (acknowledged, never flushed) is lost', holds: (r) => !hasAnomaly(r, 'replica-divergence') && hasAnomaly(r, 'acknowledged-record-lost') },
  ],
};
