/** Chapter "the basic concepts" (consumer groups) and chapter "consumers": groups, rebalances, offsets. */
import { assignmentOf, groupOf, polledValues, same, stops } from '../reportQueries';
import type { Lesson } from '../types';

const earliest = { 'auto.offset.reset': 'earliest' };
const p0 = { topic: 'orders', partition: 0 };
const p1 = { topic: 'orders', partition: 1 };
const all = ['o0', 'o1', 'o2', 'p0', 'p1'];

export const consumerGroups: Lesson = {
  id: 'consumer-groups',
  chapter: 'basics',
  scenario: {
    version: 1, seed: 1,
    cluster: { brokers: 3, replication: 'manual' },
    producer: { acks: 1 },
    consumer: { config: earliest },
    topics: [{ name: 'orders', assignment: [[1], [2]] }],
    steps: [
      { op: 'produce', topic: 'orders', partition: 0, key: null, value: 'o{i}', count: 3 },
      { op: 'produce', topic: 'orders', partition: 1, key: null, value: 'p{i}', count: 2 },
      { op: 'subscribe', group: 'billing', member: 'b1', topics: ['orders'] },
      { op: 'subscribe', group: 'billing', member: 'b2', topics: ['orders'] },
      { op: 'run', ms: 6000 },
      { op: 'poll', group: 'billing', member: 'b1' },
      { op: 'poll', group: 'billing', member: 'b2' },
      { op: 'subscribe', group: 'audit', member: 'a1', topics: ['orders'] },
      { op: 'run', ms: 3000 },
      { op: 'poll', group: 'audit', member: 'a1' },
    ],
  },
  stops: stops(11, {
    0: { highlight: [p0, p1] },
    1: { highlight: [{ ...p0, broker: 1 }] },
    2: { highlight: [{ ...p1, broker: 2 }] },
    4: {
      question: {
        revealAt: 5,
        choices: [
          { id: 'split', correct: true, holds: (r) => same(assignmentOf(r, 'billing', 'b1'), ['orders-0']) && same(assignmentOf(r, 'billing', 'b2'), ['orders-1']) },
          { id: 'both', correct: false, holds: (r) => assignmentOf(r, 'billing', 'b1').length === 2 && assignmentOf(r, 'billing', 'b2').length === 2 },
          { id: 'first', correct: false, holds: (r) => assignmentOf(r, 'billing', 'b1').length === 2 && assignmentOf(r, 'billing', 'b2').length === 0 },
        ],
      },
    },
    5: { highlight: [p0, p1] },
    6: { highlight: [{ ...p0, broker: 1 }] },
    7: {
      highlight: [{ ...p1, broker: 2 }],
      question: {
        revealAt: 10,
        choices: [
          { id: 'all', correct: true, holds: (r) => same(polledValues(r, 'audit', 'a1'), all) },
          { id: 'none', correct: false, holds: (r) => polledValues(r, 'audit', 'a1').length === 0 },
          { id: 'new', correct: false, holds: (r) => polledValues(r, 'audit', 'a1').length > 0 && polledValues(r, 'audit', 'a1').length < 5 },
        ],
      },
    },
    9: { highlight: [p0, p1] },
    10: { highlight: [p0, p1] },
  }),
  claims: [
    { at: 4, says: 'billing is still waiting for members (PreparingRebalance, nobody owns a partition)', holds: (r) => groupOf(r, 'billing').state === 'PreparingRebalance' && assignmentOf(r, 'billing', 'b1').length === 0 },
    { at: 5, says: 'billing is Stable in generation 1 with the range assignor', holds: (r) => groupOf(r, 'billing').state === 'Stable' && groupOf(r, 'billing').generation === 1 && groupOf(r, 'billing').assignor === 'range' },
    { at: 6, says: 'b1 reads o0, o1, o2 from orders-0 only', holds: (r) => same(polledValues(r, 'billing', 'b1'), ['o0', 'o1', 'o2']) },
    { at: 7, says: 'b2 reads p0, p1 from orders-1 only', holds: (r) => same(polledValues(r, 'billing', 'b2'), ['p0', 'p1']) },
    { at: 9, says: 'audit is its own group: a1 alone owns both partitions, billing unchanged', holds: (r) => same(assignmentOf(r, 'audit', 'a1'), ['orders-0', 'orders-1']) && same(assignmentOf(r, 'billing', 'b1'), ['orders-0']) && groupOf(r, 'billing').generation === 1 },
    { at: 10, says: 'a1 reads all five records, in order within each partition', holds: (r) => same(polledValues(r, 'audit', 'a1'), all) },
  ],
};
