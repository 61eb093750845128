/**
 * Golden tests for `rangeAssign`, porting the expectations of Kafka 3.6's
 * clients/src/test/java/org/apache/kafka/clients/consumer/RangeAssignorTest.java (the cases run
 * with `RackConfig.NO_BROKER_RACK`/`NO_CONSUMER_RACK` are the rack-less ones we model; their
 * expectations are the same for every RackConfig). The tests compare ordered lists, as Kafka's
 * `assertAssignment`/`assertEquals` on `List<TopicPartition>` do.
 */
import { describe, expect, it } from 'vitest';
import type { GroupMember } from './assignor';
import { rangeAssign } from './rangeAssignor';

const m = (memberId: string, topics: string[], groupInstanceId?: string): GroupMember => ({ memberId, topics, groupInstanceId });

describe('Kafka RangeAssignorTest', () => {
  it('testOneConsumerNoTopic', () => {
    expect(rangeAssign({ members: [m('consumer1', [])], partitionsPerTopic: {} })).toEqual({ consumer1: [] });
  });

  it('testOneConsumerNonexistentTopic', () => {
    expect(rangeAssign({ members: [m('consumer1', ['topic1'])], partitionsPerTopic: {} })).toEqual({ consumer1: [] });
  });

  it('testOneConsumerOneTopic', () => {
    expect(rangeAssign({ members: [m('consumer1', ['topic1'])], partitionsPerTopic: { topic1: 3 } })).toEqual({
      consumer1: ['topic1-0', 'topic1-1', 'topic1-2'],
    });
  });

  it('testOnlyAssignsPartitionsFromSubscribedTopics', () => {
    expect(rangeAssign({ members: [m('consumer1', ['topic1'])], partitionsPerTopic: { topic1: 3, other: 3 } })).toEqual({
      consumer1: ['topic1-0', 'topic1-1', 'topic1-2'],
    });
  });

  it('testOneConsumerMultipleTopics', () => {
    expect(rangeAssign({ members: [m('consumer1', ['topic1', 'topic2'])], partitionsPerTopic: { topic1: 1, topic2: 2 } })).toEqual({
      consumer1: ['topic1-0', 'topic2-0', 'topic2-1'],
    });
  });

  it('testTwoConsumersOneTopicOnePartition', () => {
    const members = [m('consumer1', ['topic1']), m('consumer2', ['topic1'])];
    expect(rangeAssign({ members, partitionsPerTopic: { topic1: 1 } })).toEqual({ consumer1: ['topic1-0'], consumer2: [] });
  });

  it('testTwoConsumersOneTopicTwoPartitions', () => {
    const members = [m('consumer1', ['topic1']), m('consumer2', ['topic1'])];
    expect(rangeAssign({ members, partitionsPerTopic: { topic1: 2 } })).toEqual({ consumer1: ['topic1-0'], consumer2: ['topic1-1'] });
  });

  it('testMultipleConsumersMixedTopics', () => {
    const members = [m('consumer1', ['topic1']), m('consumer2', ['topic1', 'topic2']), m('consumer3', ['topic1'])];
    expect(rangeAssign({ members, partitionsPerTopic: { topic1: 3, topic2: 2 } })).toEqual({
      consumer1: ['topic1-0'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-1'],
      consumer3: ['topic1-2'],
    });
  });

  it('testTwoConsumersTwoTopicsSixPartitions', () => {
    const members = [m('consumer1', ['topic1', 'topic2']), m('consumer2', ['topic1', 'topic2'])];
    expect(rangeAssign({ members, partitionsPerTopic: { topic1: 3, topic2: 3 } })).toEqual({
      consumer1: ['topic1-0', 'topic1-1', 'topic2-0', 'topic2-1'],
      consumer2: ['topic1-2', 'topic2-2'],
    });
  });

  it('testTwoStaticConsumersTwoTopicsSixPartitions: static members sort by instance id, not member id', () => {
    const members = [m('consumer-b', ['topic1', 'topic2'], 'instance1'), m('consumer-a', ['topic1', 'topic2'], 'instance2')];
    expect(rangeAssign({ members, partitionsPerTopic: { topic1: 3, topic2: 3 } })).toEqual({
      'consumer-b': ['topic1-0', 'topic1-1', 'topic2-0', 'topic2-1'],
      'consumer-a': ['topic1-2', 'topic2-2'],
    });
  });

  it('testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions: static members come first', () => {
    const members = [m('consumer-b', ['topic1', 'topic2'], 'instance1'), m('consumer-a', ['topic1', 'topic2'])];
    expect(rangeAssign({ members, partitionsPerTopic: { topic1: 3, topic2: 3 } })).toEqual({
      'consumer-b': ['topic1-0', 'topic1-1', 'topic2-0', 'topic2-1'],
      'consumer-a': ['topic1-2', 'topic2-2'],
    });
  });

  it('testStaticMemberRangeAssignmentPersistent: replacing the dynamic member keeps the static ranges', () => {
    const statics = [m('consumer1', ['topic1', 'topic2'], 'instance1'), m('consumer2', ['topic1', 'topic2'], 'instance2'), m('consumer3', ['topic1', 'topic2'], 'instance3')];
    const partitionsPerTopic = { topic1: 5, topic2: 4 };
    const expectedStatic = {
      consumer1: ['topic1-0', 'topic1-1', 'topic2-0'],
      consumer2: ['topic1-2', 'topic2-1'],
      consumer3: ['topic1-3', 'topic2-2'],
    };
    expect(rangeAssign({ members: [...statics, m('consumer4', ['topic1', 'topic2'])], partitionsPerTopic })).toEqual({
      ...expectedStatic,
      consumer4: ['topic1-4', 'topic2-3'],
    });
    expect(rangeAssign({ members: [...statics, m('consumer5', ['topic1', 'topic2'])], partitionsPerTopic })).toEqual({
      ...expectedStatic,
      consumer5: ['topic1-4', 'topic2-3'],
    });
  });

  it('class Javadoc example: C0 [t0p0, t0p1, t1p0, t1p1], C1 [t0p2, t1p2]', () => {
    const members = [m('C0', ['t0', 't1']), m('C1', ['t0', 't1'])];
    expect(rangeAssign({ members, partitionsPerTopic: { t0: 3, t1: 3 } })).toEqual({
      C0: ['t0-0', 't0-1', 't1-0', 't1-1'],
      C1: ['t0-2', 't1-2'],
    });
  });
});

describe('Kafka order details', () => {
  it("a member's list goes topic by topic in HashMap order, not sorted ('payments' before 'clicks' before 'orders')", () => {
    // JDK 17: new HashMap with keys orders, payments, clicks iterates payments, clicks, orders.
    const members = [m('c', ['orders', 'payments', 'clicks'])];
    expect(rangeAssign({ members, partitionsPerTopic: { orders: 1, payments: 1, clicks: 1 } }).c).toEqual(['payments-0', 'clicks-0', 'orders-0']);
  });

  it('members sort by UTF-16 code units (Java compareTo), not locale: "Z" before "a"', () => {
    const members = [m('a-1', ['t']), m('Z-1', ['t'])];
    expect(rangeAssign({ members, partitionsPerTopic: { t: 2 } })).toEqual({ 'a-1': ['t-1'], 'Z-1': ['t-0'] });
  });

  it('topics with no partitions, or unknown to the cluster, are skipped', () => {
    expect(rangeAssign({ members: [m('c', ['empty', 'ghost', 't'])], partitionsPerTopic: { empty: 0, t: 1 } })).toEqual({ c: ['t-0'] });
  });

  it('rejects duplicate member ids', () => {
    expect(() => rangeAssign({ members: [m('c', ['t']), m('c', ['t'])], partitionsPerTopic: { t: 1 } })).toThrow(RangeError);
  });
});
