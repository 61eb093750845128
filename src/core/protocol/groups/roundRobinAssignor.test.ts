/**
 * Golden tests for `roundRobinAssign`, porting the expectations of Kafka 3.6's
 * clients/src/test/java/org/apache/kafka/clients/consumer/RoundRobinAssignorTest.java, plus the
 * two examples of the `RoundRobinAssignor` class Javadoc.
 */
import { describe, expect, it } from 'vitest';
import type { GroupMember } from './assignor';
import { roundRobinAssign } from './roundRobinAssignor';

const m = (memberId: string, topics: string[], groupInstanceId?: string): GroupMember => ({ memberId, topics, groupInstanceId });

describe('Kafka RoundRobinAssignorTest', () => {
  it('testOneConsumerNoTopic / testOneConsumerNonexistentTopic', () => {
    expect(roundRobinAssign({ members: [m('consumer', [])], partitionsPerTopic: {} })).toEqual({ consumer: [] });
    expect(roundRobinAssign({ members: [m('consumer', ['topic'])], partitionsPerTopic: {} })).toEqual({ consumer: [] });
  });

  it('testOneConsumerOneTopic / testOnlyAssignsPartitionsFromSubscribedTopics', () => {
    expect(roundRobinAssign({ members: [m('consumer', ['topic'])], partitionsPerTopic: { topic: 3, other: 3 } })).toEqual({
      consumer: ['topic-0', 'topic-1', 'topic-2'],
    });
  });

  it('testOneConsumerMultipleTopics', () => {
    expect(roundRobinAssign({ members: [m('consumer', ['topic1', 'topic2'])], partitionsPerTopic: { topic1: 1, topic2: 2 } })).toEqual({
      consumer: ['topic1-0', 'topic2-0', 'topic2-1'],
    });
  });

  it('testTwoConsumersOneTopicOnePartition / testTwoConsumersOneTopicTwoPartitions', () => {
    const members = [m('consumer1', ['topic']), m('consumer2', ['topic'])];
    expect(roundRobinAssign({ members, partitionsPerTopic: { topic: 1 } })).toEqual({ consumer1: ['topic-0'], consumer2: [] });
    expect(roundRobinAssign({ members, partitionsPerTopic: { topic: 2 } })).toEqual({ consumer1: ['topic-0'], consumer2: ['topic-1'] });
  });

  it('testMultipleConsumersMixedTopics', () => {
    const members = [m('consumer1', ['topic1']), m('consumer2', ['topic1', 'topic2']), m('consumer3', ['topic1'])];
    expect(roundRobinAssign({ members, partitionsPerTopic: { topic1: 3, topic2: 2 } })).toEqual({
      consumer1: ['topic1-0'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-1'],
      consumer3: ['topic1-2'],
    });
  });

  it('testTwoDynamicConsumersTwoTopicsSixPartitions', () => {
    const members = [m('consumer1', ['topic1', 'topic2']), m('consumer2', ['topic1', 'topic2'])];
    expect(roundRobinAssign({ members, partitionsPerTopic: { topic1: 3, topic2: 3 } })).toEqual({
      consumer1: ['topic1-0', 'topic1-2', 'topic2-1'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-2'],
    });
  });

  it('testTwoStaticConsumersTwoTopicsSixPartitions', () => {
    const members = [m('consumer-b', ['topic1', 'topic2'], 'instance1'), m('consumer-a', ['topic1', 'topic2'], 'instance2')];
    expect(roundRobinAssign({ members, partitionsPerTopic: { topic1: 3, topic2: 3 } })).toEqual({
      'consumer-b': ['topic1-0', 'topic1-2', 'topic2-1'],
      'consumer-a': ['topic1-1', 'topic2-0', 'topic2-2'],
    });
  });

  it('testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions', () => {
    const members = [m('consumer-b', ['topic1', 'topic2'], 'instance1'), m('consumer-a', ['topic1', 'topic2'])];
    expect(roundRobinAssign({ members, partitionsPerTopic: { topic1: 3, topic2: 3 } })).toEqual({
      'consumer-b': ['topic1-0', 'topic1-2', 'topic2-1'],
      'consumer-a': ['topic1-1', 'topic2-0', 'topic2-2'],
    });
  });

  it('testStaticMemberAssignmentPersistent', () => {
    const statics = [m('consumer1', ['topic1', 'topic2'], 'instance1'), m('consumer2', ['topic1', 'topic2'], 'instance2'), m('consumer3', ['topic1', 'topic2'], 'instance3')];
    const partitionsPerTopic = { topic1: 3, topic2: 3 };
    const expectedStatic = { consumer1: ['topic1-0', 'topic2-1'], consumer2: ['topic1-1', 'topic2-2'], consumer3: ['topic1-2'] };
    expect(roundRobinAssign({ members: [...statics, m('consumer4', ['topic1', 'topic2'])], partitionsPerTopic })).toEqual({ ...expectedStatic, consumer4: ['topic2-0'] });
    expect(roundRobinAssign({ members: [...statics, m('consumer5', ['topic1', 'topic2'])], partitionsPerTopic })).toEqual({ ...expectedStatic, consumer5: ['topic2-0'] });
  });

  it('testStaticMemberAssignmentPersistentAfterMemberIdChanges: instance i gets [topic1-i, topic2-i] whatever its member id', () => {
    const first = roundRobinAssign({
      members: [m('consumer1', ['topic1', 'topic2'], 'instance1'), m('consumer2', ['topic1', 'topic2'], 'instance2'), m('consumer3', ['topic1', 'topic2'], 'instance3')],
      partitionsPerTopic: { topic1: 3, topic2: 3 },
    });
    const second = roundRobinAssign({
      members: [m('consumer4', ['topic1', 'topic2'], 'instance1'), m('consumer5', ['topic1', 'topic2'], 'instance2'), m('consumer1', ['topic1', 'topic2'], 'instance3')],
      partitionsPerTopic: { topic1: 3, topic2: 3 },
    });
    expect([first.consumer1, first.consumer2, first.consumer3]).toEqual([['topic1-0', 'topic2-0'], ['topic1-1', 'topic2-1'], ['topic1-2', 'topic2-2']]);
    expect([second.consumer4, second.consumer5, second.consumer1]).toEqual([first.consumer1, first.consumer2, first.consumer3]);
  });
});

describe('RoundRobinAssignor class Javadoc examples', () => {
  it('identical subscriptions: C0 [t0p0, t0p2, t1p1], C1 [t0p1, t1p0, t1p2]', () => {
    const members = [m('C0', ['t0', 't1']), m('C1', ['t0', 't1'])];
    expect(roundRobinAssign({ members, partitionsPerTopic: { t0: 3, t1: 3 } })).toEqual({ C0: ['t0-0', 't0-2', 't1-1'], C1: ['t0-1', 't1-0', 't1-2'] });
  });

  it('different subscriptions can leave it unbalanced: C0 [t0p0], C1 [t1p0], C2 [t1p1, t2p0, t2p1, t2p2]', () => {
    const members = [m('C0', ['t0']), m('C1', ['t0', 't1']), m('C2', ['t0', 't1', 't2'])];
    expect(roundRobinAssign({ members, partitionsPerTopic: { t0: 1, t1: 2, t2: 3 } })).toEqual({
      C0: ['t0-0'],
      C1: ['t1-0'],
      C2: ['t1-1', 't2-0', 't2-1', 't2-2'],
    });
  });
});
