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

const consumer = (options: string) => ({ op: 'cli', command: `kafka-console-consumer.sh ${BS} --topic first ${options}` });
const all4 = 'hello\nworld\nbook\npen\n';
const groupsNamed = (r: Report, prefix: string) => r.groups.filter((g) => g.group.startsWith(prefix));

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
      consumer('--from-beginning --group readers'),
      { op: 'run', ms: 1000 },
      consumer('--from-beginning --group readers'),
      consumer('--from-beginning'),
      { op: 'cli', command: `kafka-consumer-groups.sh ${BS} --describe --group readers` },
    ],
  },
  stops: stops(10, {
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
      highlight: first,
      question: {
        revealAt: 5,
        choices: [
          { id: 'offsets', correct: true, holds: (r) => offsetsTopic(r).length === 50 },
          { id: 'none', correct: false, holds: (r) => offsetsTopic(r).length === 0 },
        ],
      },
    },
    5: { highlight: first, callout: true },
    6: {
      question: {
        revealAt: 7,
        choices: [
          { id: 'nothing', correct: true, holds: (r) => cliAt(r, 6).stdout === '' && cliAt(r, 6).exitCode === 0 },
          { id: 'again', correct: false, holds: (r) => cliAt(r, 6).stdout.includes('hello') },
        ],
      },
    },
    7: {
      question: {
        revealAt: 8,
        choices: [
          { id: 'all', correct: true, holds: (r) => cliAt(r, 7).stdout === all4 },
          { id: 'nothing', correct: false, holds: (r) => cliAt(r, 7).stdout === '' },
        ],
      },
    },
    8: { highlight: first },
    9: { callout: true },
  }),
  claims: [
    { at: 1, says: 'each line is a record without a key; both land in first-0 (one batch), the prompt printed three times', holds: (r) => cliAt(r, 0).stdout === '>>>' && producedValue(r, 'hello')?.partition === 0 && producedValue(r, 'world')?.partition === 0 && producedValue(r, 'hello')?.key === null },
    { at: 2, says: 'acknowledged once both replicas have them: HW 2', holds: (r) => producedValue(r, 'world')?.acked === true && partitionsOf(r, 'first')[0].highWatermark === 2 },
    { at: 3, says: 'alice:book is key alice, value book, and both alice records go to first-1', holds: (r) => producedValue(r, 'pen')?.key === 'alice' && producedValue(r, 'book')?.partition === 1 && producedValue(r, 'pen')?.partition === 1 },
    { at: 4, says: 'no group has been used yet: no __consumer_offsets', holds: (r) => offsetsTopic(r).length === 0 },
    { at: 5, says: 'the consumer printed first-0 then first-1, each in order, then the timeout ERROR and "Processed a total of 4 messages"', holds: (r) => cliAt(r, 4).stdout === all4 && cliAt(r, 4).stderr.includes('TimeoutException') && cliAt(r, 4).stderr.endsWith('Processed a total of 4 messages\n') },
    { at: 6, says: 'the commit made on close is replicated: readers committed 2 and 2, and is Empty', holds: (r) => groupsNamed(r, 'readers')[0]?.state === 'Empty' && groupsNamed(r, 'readers')[0]?.committed['first-0'] === 2 && groupsNamed(r, 'readers')[0]?.committed['first-1'] === 2 },
    { at: 7, says: 'the second run with the same group printed nothing: Processed a total of 0 messages', holds: (r) => cliAt(r, 6).stderr.endsWith('Processed a total of 0 messages\n') },
    { at: 8, says: 'without --group: a group console-consumer-<n> that committed nothing', holds: (r) => groupsNamed(r, 'console-consumer-').length === 1 && Object.keys(groupsNamed(r, 'console-consumer-')[0].committed).length === 0 },
    { at: 9, says: 'describe: no active members, offsets 2 and 2, lag 0', holds: (r) => cliAt(r, 8).stderr.includes("Consumer group 'readers' has no active members.") && /readers\s+first\s+0\s+2\s+2\s+0\s/.test(cliAt(r, 8).stdout) && /readers\s+first\s+1\s+2\s+2\s+0\s/.test(cliAt(r, 8).stdout) },
  ],
};
