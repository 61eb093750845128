/** Chapter "the command line": kafka-topics.sh and the console clients, as `cli` steps. */
import { cliAt, stops } from '../reportQueries';
import type { Report } from '../../core/model/report';
import type { Lesson } from '../types';

const BS = '--bootstrap-server localhost:9092';
const topics = (command: string) => ({ op: 'cli', command: `kafka-topics.sh ${command}` });
const first = [{ topic: 'first', partition: 0 }, { topic: 'first', partition: 1 }];
const partitionsOf = (r: Report, topic: string) => r.partitions.filter((p) => p.topic === topic);

export const cliTopics: Lesson = {
  id: 'cli-topics',
  chapter: 'cli',
  scenario: {
    version: 1, seed: 1,
    cluster: { brokers: 3 },
    steps: [
      topics(`${BS} --create --topic first --partitions 2 --replication-factor 2`),
      topics(`${BS} --list`),
      topics(`${BS} --describe --topic first`),
      topics(`${BS} --create --topic first --partitions 3 --replication-factor 2`),
      topics('--zookeeper localhost:2181 --list'),
      topics(`${BS} --delete --topic first`),
      topics(`${BS} --list`),
    ],
  },
  stops: stops(8, {
    0: { highlight: [{ broker: 1 }, { broker: 2 }, { broker: 3 }] },
    1: { highlight: first },
    2: {
      question: {
        revealAt: 3,
        choices: [
          { id: 'four', correct: true, holds: (r) => partitionsOf(r, 'first').every((p) => p.replicas.length === 2 && new Set(p.replicas).size === 2) && partitionsOf(r, 'first').length === 2 },
          { id: 'six', correct: false, holds: (r) => partitionsOf(r, 'first').some((p) => p.replicas.length === 3) },
          { id: 'two', correct: false, holds: (r) => partitionsOf(r, 'first').some((p) => p.replicas.length === 1) },
        ],
      },
    },
    3: {
      highlight: [{ topic: 'first', partition: 0, broker: 3 }, { topic: 'first', partition: 1, broker: 1 }],
      question: {
        revealAt: 4,
        choices: [
          { id: 'fails', correct: true, holds: (r) => cliAt(r, 3).exitCode === 1 && partitionsOf(r, 'first').length === 2 },
          { id: 'grows', correct: false, holds: (r) => partitionsOf(r, 'first').length === 3 },
          { id: 'replaced', correct: false, holds: (r) => cliAt(r, 3).exitCode === 0 },
        ],
      },
    },
    4: {
      callout: true,
      question: {
        revealAt: 5,
        choices: [
          { id: 'rejected', correct: true, holds: (r) => cliAt(r, 4).exitCode === 1 && cliAt(r, 4).stderr.includes('zookeeper is not a recognized option') },
          { id: 'works', correct: false, holds: (r) => cliAt(r, 4).exitCode === 0 },
        ],
      },
    },
    6: { callout: true },
  }),
  claims: [
    { at: 1, says: 'Created topic first.', holds: (r) => cliAt(r, 0).stdout === 'Created topic first.\n' && partitionsOf(r, 'first').length === 2 },
    { at: 2, says: '--list prints one topic name per line: first', holds: (r) => cliAt(r, 1).stdout === 'first\n' },
    { at: 3, says: 'describe: leaders 3 and 1, replicas 3,1 and 1,2, ISR full', holds: (r) => cliAt(r, 2).stdout.includes('Partition: 0\tLeader: 3\tReplicas: 3,1\tIsr: 3,1') && cliAt(r, 2).stdout.includes('Partition: 1\tLeader: 1\tReplicas: 1,2\tIsr: 1,2') },
    { at: 4, says: "Topic 'first' already exists, exit code 1", holds: (r) => cliAt(r, 3).stdout.includes("Topic 'first' already exists.") && cliAt(r, 3).exitCode === 1 },
    { at: 6, says: 'delete prints nothing and the topic is gone', holds: (r) => cliAt(r, 5).stdout === '' && cliAt(r, 5).exitCode === 0 && partitionsOf(r, 'first').length === 0 },
    { at: 7, says: 'the list is empty', holds: (r) => cliAt(r, 6).stdout.trim() === '' },
  ],
};

const producedValue = (r: Report, value: string) => r.produced.find((p) => p.value === value);
const offsetsTopic = (r: Report) => partitionsOf(r, '__consumer_offsets');

export const cliConsole: Lesson = {
  id: 'cli-console',
  chapter: 'cli',
  scenario: {
    version: 1, seed: 1,
    cluster: { brokers: 3 },
    topics: [{ name: 'first', partitions: 2, replicationFactor: 2 }],
    steps: [
      { op: 'cli', command: `kafka-console-producer.sh ${BS} --topic first`, input: ['hello', 'world'] },
      { op: 'run', ms: 100 },
      { op: 'cli', command: 'kafka-console-producer.sh --broker-list localhost:9092 --topic first --property parse.key=true --property key.separator=:', input: ['alice:book', 'alice:pen'] },
      { op: 'run', ms: 100 },
      { op: 'subscribe', group: 'readers', member: 'c1', topics: ['first'], config: { 'auto.offset.reset': 'earliest' } },
      { op: 'run', ms: 3000 },
    ],
  },
  stops: stops(7, {
    0: { highlight: first },
    1: { highlight: [{ topic: 'first', partition: 0, broker: 3 }] },
    2: {
      highlight: [{ topic: 'first', partition: 0, broker: 3, offset: 0 }, { topic: 'first', partition: 0, broker: 3, offset: 1 }],
      question: {
        revealAt: 3,
        choices: [
          { id: 'split', correct: true, holds: (r) => producedValue(r, 'book')?.key === 'alice' },
          { id: 'whole', correct: false, holds: (r) => producedValue(r, 'alice:book') !== undefined },
        ],
      },
    },
    3: { highlight: [{ topic: 'first', partition: 1, broker: 1 }], callout: true },
    4: {
      highlight: [{ topic: 'first', partition: 1, broker: 1, offset: 0 }, { topic: 'first', partition: 1, broker: 1, offset: 1 }],
      question: {
        revealAt: 5,
        choices: [
          { id: 'offsets', correct: true, holds: (r) => offsetsTopic(r).length === 50 },
          { id: 'none', correct: false, holds: (r) => offsetsTopic(r).length === 0 },
        ],
      },
    },
    5: { callout: true },
    6: { highlight: first },
  }),
  claims: [
    { at: 1, says: 'each line is a record without a key; both land in first-0 (one batch), the prompt printed three times', holds: (r) => cliAt(r, 0).stdout === '>>>' && producedValue(r, 'hello')?.partition === 0 && producedValue(r, 'world')?.partition === 0 && producedValue(r, 'hello')?.key === null },
    { at: 2, says: 'acknowledged once both replicas have them: HW 2', holds: (r) => producedValue(r, 'world')?.acked === true && partitionsOf(r, 'first')[0].highWatermark === 2 },
    { at: 3, says: 'alice:book is key alice, value book, and both alice records go to first-1', holds: (r) => producedValue(r, 'pen')?.key === 'alice' && producedValue(r, 'book')?.partition === 1 && producedValue(r, 'pen')?.partition === 1 },
    { at: 4, says: 'no group has been used yet: no __consumer_offsets', holds: (r) => offsetsTopic(r).length === 0 },
    { at: 6, says: 'c1 read all four records, from the beginning', holds: (r) => r.polled.flatMap((p) => p.records.map((x) => x.value)).join() === 'hello,world,book,pen' },
  ],
};
