import { describe, expect, it } from 'vitest';
import { complete } from './completion';

describe('console completion', () => {
  it('completes tools, flags and topic names', () => {
    expect(complete('kafka-to', [], 'kraft')).toBe('kafka-topics.sh ');
    expect(complete('kafka-topics.sh --boot', [], 'kraft')).toBe('kafka-topics.sh --bootstrap-server ');
    expect(complete('kafka-topics.sh --describe --topic or', ['orders', 'test'], 'kraft')).toBe('kafka-topics.sh --describe --topic orders ');
    // kraft's kafka-topics.sh has no --zookeeper to complete.
    expect(complete('kafka-topics.sh --zoo', [], 'kraft')).toBe('kafka-topics.sh --zoo');
    expect(complete('kafka-topics.sh --zoo', [], 'zookeeper')).toBe('kafka-topics.sh --zookeeper ');
  });

  it('completes the consumer tools: their flags per era and group names after --group', () => {
    expect(complete('kafka-console-c', [], 'kraft')).toBe('kafka-console-consumer.sh ');
    expect(complete('kafka-consumer-g', [], 'kraft')).toBe('kafka-consumer-groups.sh ');
    expect(complete('kafka-console-consumer.sh --from-b', [], 'kraft')).toBe('kafka-console-consumer.sh --from-beginning ');
    // 3.6 has --include beside the deprecated --whitelist; 2.8 has only --whitelist.
    expect(complete('kafka-console-consumer.sh --inc', [], 'kraft')).toBe('kafka-console-consumer.sh --include ');
    expect(complete('kafka-console-consumer.sh --inc', [], 'zookeeper')).toBe('kafka-console-consumer.sh --inc');
    expect(complete('kafka-consumer-groups.sh --reset-o', [], 'zookeeper')).toBe('kafka-consumer-groups.sh --reset-offsets ');
    for (const era of ['kraft', 'zookeeper'] as const) {
      expect(complete('kafka-consumer-groups.sh --reset-offsets --to-d', [], era)).toBe('kafka-consumer-groups.sh --reset-offsets --to-datetime ');
      expect(complete('kafka-consumer-groups.sh --reset-offsets --by', [], era)).toBe('kafka-consumer-groups.sh --reset-offsets --by-duration ');
      expect(complete('kafka-consumer-groups.sh --reset-offsets --from-f', [], era)).toBe('kafka-consumer-groups.sh --reset-offsets --from-file ');
      expect(complete('kafka-consumer-groups.sh --reset-offsets --exp', [], era)).toBe('kafka-consumer-groups.sh --reset-offsets --export ');
      // --delete and --delete-offsets share a prefix: the common part, then the full name.
      expect(complete('kafka-consumer-groups.sh --dele', [], era)).toBe('kafka-consumer-groups.sh --delete');
      expect(complete('kafka-consumer-groups.sh --delete-', [], era)).toBe('kafka-consumer-groups.sh --delete-offsets ');
    }
    expect(complete('kafka-consumer-groups.sh --describe --group pa', [], 'kraft', ['payments', 'orders-app'])).toBe('kafka-consumer-groups.sh --describe --group payments ');
    expect(complete('kafka-console-consumer.sh --topic t --group o', ['orders'], 'kraft', ['orders-app'])).toBe('kafka-console-consumer.sh --topic t --group orders-app ');
  });
});
