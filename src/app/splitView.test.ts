import { describe, expect, it } from 'vitest';
import { parseLink } from './link';
import { changedDocument, parseSplit } from './splitView';

const doc = {
  version: 1, title: 't', cluster: { brokers: 3, truncation: 'leader-epoch' }, producer: { acks: 'all' },
  topics: [{ name: 'orders', partitions: 1, replicationFactor: 3, config: { 'min.insync.replicas': 1 } }], steps: [],
};

describe('the split view link (ui-contract, Split view)', () => {
  it('is read from the hash, URL-decoded', () => {
    expect(parseLink('#s=abc&at=3&vs=cluster.truncation%3Ahigh-watermark%3Bproducer.acks%3A1').vs).toBe('cluster.truncation:high-watermark;producer.acks:1');
    expect(parseLink('#s=abc&at=3').vs).toBeNull();
  });

  it('splits at ; then at the first :, values as JSON when they parse, else strings', () => {
    const parsed = parseSplit('cluster.truncation:high-watermark;producer.acks:1;cluster.metadata:zookeeper;steps.0.note:a:b');
    expect(parsed.ok && parsed.changes.map((c) => [c.segments, c.value])).toEqual([
      [['cluster', 'truncation'], 'high-watermark'],
      [['producer', 'acks'], 1],
      [['cluster', 'metadata'], 'zookeeper'],
      [['steps', '0', 'note'], 'a:b'],
    ]);
  });

  it('after a config segment the rest is one property name', () => {
    const parsed = parseSplit('topics.0.config.min.insync.replicas:2');
    expect(parsed.ok && parsed.changes[0].segments).toEqual(['topics', '0', 'config', 'min.insync.replicas']);
    if (!parsed.ok) throw new Error(parsed.message);
    const changed = changedDocument(doc, parsed.changes);
    expect(changed.ok && (changed.document as typeof doc).topics[0].config).toEqual({ 'min.insync.replicas': 2 });
  });

  it('replaces fields in a copy; the original is untouched; missing objects are created', () => {
    const parsed = parseSplit('cluster.truncation:high-watermark;consumer.config.auto.offset.reset:earliest');
    if (!parsed.ok) throw new Error(parsed.message);
    const changed = changedDocument(doc, parsed.changes);
    if (!changed.ok) throw new Error(changed.message);
    expect((changed.document as typeof doc).cluster.truncation).toBe('high-watermark');
    expect((changed.document as { consumer: unknown }).consumer).toEqual({ config: { 'auto.offset.reset': 'earliest' } });
    expect(doc.cluster.truncation).toBe('leader-epoch');
  });

  it('refuses what is not <path>:<value>, and prototype keys', () => {
    expect(parseSplit('cluster.truncation').ok).toBe(false);
    expect(parseSplit('').ok).toBe(false);
    expect(parseSplit('a..b:1').ok).toBe(false);
    const parsed = parseSplit('__proto__.x:1');
    expect(parsed.ok && changedDocument(doc, parsed.changes).ok).toBe(false);
    const through = parseSplit('title.x:1');
    expect(through.ok && changedDocument(doc, through.changes).ok).toBe(false);
  });
});
