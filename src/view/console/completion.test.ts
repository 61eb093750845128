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
});
