/**
 * The model of java.util.HashMap iteration order. Expected orders were printed by OpenJDK 17's
 * `new HashMap<String, Integer>()` / `new HashSet<TopicPartition>()` (with Kafka's
 * `TopicPartition.hashCode`) in a throwaway program, not part of the repository.
 */
import { describe, expect, it } from 'vitest';
import { JavaHashMap, javaHashOrder, javaStringHashMap, tableSizeFor } from './javaHashMap';
import { topicPartitionHashCode, tpName, type TopicPartition } from './topicPartition';

describe('java.util.HashMap iteration order (OpenJDK 17 vectors)', () => {
  it.each([
    [['topic1', 'topic2'], ['topic1', 'topic2']],
    [['topic2', 'topic1'], ['topic1', 'topic2']],
    [['orders', 'payments', 'clicks'], ['payments', 'clicks', 'orders']],
    // why Kafka's sticky tests see consumer4 … consumer1 first
    [['consumer1', 'consumer2', 'consumer3', 'consumer4'], ['consumer4', 'consumer3', 'consumer2', 'consumer1']],
  ])('%j iterates as %j', (keys, expected) => {
    expect(javaHashOrder(keys)).toEqual(expected);
  });

  it('30 keys: two resizes (16 → 32 → 64 buckets)', () => {
    const keys = Array.from({ length: 30 }, (_, i) => `member-${i}-${(i * 7919) % 1000}`);
    expect(javaHashOrder(keys).join(',')).toBe(
      'member-18-542,member-6-514,member-20-380,member-14-866,member-24-56,member-23-137,member-25-975,member-7-433,member-1-919,member-0-0,member-22-218,member-2-838,member-10-190,member-11-109,member-16-704,member-26-894,member-21-299,member-4-676,member-15-785,member-3-757,member-19-461,member-8-352,member-27-813,member-9-271,member-17-623,member-12-28,member-13-947,member-29-651,member-5-595,member-28-732',
    );
  });

  it('colliding keys ("Aa" and "BB" share a hashCode) keep insertion order within a bucket', () => {
    const keys = ['Aa', 'BB', 'AaAa', 'BBBB', 'AaBB', 'BBAa', 'AaAaAa', 'AaAaBB', 'AaBBAa', 'AaBBBB', 'BBAaAa', 'BBAaBB', 'BBBBAa', 'BBBBBB'];
    expect(javaHashOrder(keys)).toEqual(keys);
  });

  it('removals do not shrink the table; re-inserted keys go to the end of their bucket', () => {
    const m = javaStringHashMap<number>();
    for (let i = 0; i < 20; i++) m.set(`k${i}`, i);
    for (let i = 0; i < 20; i += 3) m.delete(`k${i}`);
    m.set('k100', 1);
    m.set('k3', 1);
    expect(m.keys().join(',')).toBe('k1,k2,k3,k4,k5,k11,k10,k7,k13,k8,k14,k17,k16,k19,k100');
  });

  it('a HashSet<TopicPartition> with removals', () => {
    const set = new JavaHashMap<TopicPartition, true>(topicPartitionHashCode, tpName);
    for (const topic of ['orders', 'topic', 't1', 'payments']) for (let p = 0; p < 5; p++) set.set({ topic, partition: p }, true);
    set.delete({ topic: 'orders', partition: 0 });
    set.delete({ topic: 'topic', partition: 3 });
    expect(set.keys().map(tpName).join(',')).toBe(
      'payments-4,payments-3,payments-0,topic-0,payments-2,payments-1,topic-2,topic-1,orders-1,topic-4,t1-4,orders-2,t1-3,orders-3,t1-2,orders-4,t1-1,t1-0',
    );
  });

  it('TopicPartition.hashCode = 31 * (31 + partition) + topic.hashCode() (JDK 17)', () => {
    expect(topicPartitionHashCode({ topic: 'orders', partition: 0 })).toBe(-1008769370);
    expect(topicPartitionHashCode({ topic: 'topic', partition: 7 })).toBe(110547401);
  });

  it('tableSizeFor and set/get/has', () => {
    expect([1, 2, 3, 16, 17, 33].map(tableSizeFor)).toEqual([1, 2, 4, 16, 32, 64]);
    const m = javaStringHashMap<number>();
    m.set('x', 1).set('x', 2);
    expect(m.get('x')).toBe(2);
    expect(m.size).toBe(1);
    expect(m.has('y')).toBe(false);
    expect(m.delete('y')).toBe(false);
  });
});
