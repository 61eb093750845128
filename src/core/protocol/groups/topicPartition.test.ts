/** `TopicPartition` helpers: `toString` (`topic-partition`), `hashCode`, Java string order. */
import { describe, expect, it } from 'vitest';
import { compareByTopicThenPartition, compareJavaStrings, parseTopicPartition, topicPartitionHashCode, tpName } from './topicPartition';

describe('TopicPartition', () => {
  it('prints and parses topic-partition, topics may contain "-"', () => {
    expect(tpName({ topic: 'orders', partition: 0 })).toBe('orders-0');
    expect(parseTopicPartition('my-topic-12')).toEqual({ topic: 'my-topic', partition: 12 });
    expect(parseTopicPartition('订单-3')).toEqual({ topic: '订单', partition: 3 });
    for (const bad of ['orders', '-1', 'orders-', 'orders-x']) expect(() => parseTopicPartition(bad)).toThrow(RangeError);
  });

  it('hashCode = 31 * (31 + partition) + topic.hashCode(): "a"-0 is 31*31 + 97 = 1058', () => {
    expect(topicPartitionHashCode({ topic: 'a', partition: 0 })).toBe(1058);
    expect(topicPartitionHashCode({ topic: 'a', partition: 2 })).toBe(33 * 31 + 97);
  });

  it('orders strings by UTF-16 code unit like String.compareTo', () => {
    expect(['b', 'a', 'B', '订单', 'aa'].sort(compareJavaStrings)).toEqual(['B', 'a', 'aa', 'b', '订单']);
    const tps = [{ topic: 'b', partition: 0 }, { topic: 'a', partition: 10 }, { topic: 'a', partition: 2 }];
    expect(tps.sort(compareByTopicThenPartition).map(tpName)).toEqual(['a-2', 'a-10', 'b-0']);
  });
});
