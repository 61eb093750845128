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
