/**
 * Segments and the sparse offset index through the runner (issue 12), worked by hand from
 * Kafka's rules (`LogSegment.append`: an index entry when more than `index.interval.bytes` were
 * written since the last one; `LogSegment.shouldRoll`: roll when size > segment.bytes − batch size;
 * `LocalLog.read`: one read stays within one segment; `appendAsFollower`: one append per fetched set).
 */
import { describe, expect, it } from 'vitest';
import { runScenarioText } from '../../cli/runScenarioFile';
import type { Report } from '../model/report';

function run(document: unknown): Report {
  const out = runScenarioText(JSON.stringify(document), undefined);
  if (out.exitCode !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout) as Report;
}

// Seven alice/hello records of 78 bytes each (61 + 1 + 16), segment.bytes 300, index.interval.bytes 100.
const doc = (extraSteps: unknown[] = []) => ({
  version: 1,
  cluster: { brokers: 2, replication: 'manual' },
  producer: { acks: 1 },
  topics: [{ name: 'orders', assignment: [[1, 2]], config: { 'segment.bytes': 300, 'index.interval.bytes': 100 } }],
  steps: [{ op: 'produce', topic: 'orders', key: 'alice', value: 'hello', count: 7 }, ...extraSteps],
});

describe('the leader\'s segments and index, batch by batch', () => {
  it('rolls at offsets 3 and 6 and indexes offsets 2 and 5', () => {
    // offset 0: position 0, counter 0 → 78.  offset 1: position 78, counter 78 → 156.
    // offset 2: position 156; counter 156 > 100 → entry [2, 156], counter 0 → 78.
    // offset 3: size 234 > 300 − 78 = 222 → roll, new segment 3; position 0, counter 78.
    // offset 4: position 78, counter 156.  offset 5: position 156, entry [5, 156], counter 78.
    // offset 6: size 234 > 222 → roll, segment 6; position 0.
    const leader = run(doc()).partitions[0].replicaStates[0];
    expect(leader.log.map((r) => r.position)).toEqual([0, 78, 156, 0, 78, 156, 0]);
    expect(leader.segments).toEqual([
      { baseOffset: 0, file: '00000000000000000000.log', sizeBytes: 234, index: [[2, 156]] },
      { baseOffset: 3, file: '00000000000000000003.log', sizeBytes: 234, index: [[5, 156]] },
      { baseOffset: 6, file: '00000000000000000006.log', sizeBytes: 78, index: [] },
    ]);
  });

  it('a follower reads one leader segment per fetch and appends each set at once: same segments, no index entries', () => {
    // Fetch 1 returns offsets 0–2 (one segment): one 234-byte append, counter 0 → 234, no entry.
    // Fetch 2 returns 3–5: size 234 > 300 − 234 → roll at 3; counter of the new segment 0 → no entry.
    // Fetch 3 returns 6: size 234 > 300 − 78 → roll at 6.
    const r = run(doc([{ op: 'fetch', broker: 2 }, { op: 'fetch', broker: 2 }, { op: 'fetch', broker: 2 }]));
    const follower = r.partitions[0].replicaStates[1];
    expect(follower.logEndOffset).toBe(7);
    expect(follower.segments).toEqual([
      { baseOffset: 0, file: '00000000000000000000.log', sizeBytes: 234, index: [] },
      { baseOffset: 3, file: '00000000000000000003.log', sizeBytes: 234, index: [] },
      { baseOffset: 6, file: '00000000000000000006.log', sizeBytes: 78, index: [] },
    ]);
  });

  it('the defaults: 1 GiB segments and an entry after more than 4096 bytes', () => {
    // 53 batches of 78 bytes = 4134 > 4096: the 54th batch (offset 53, position 4134) is indexed.
    const r = run({ ...doc(), topics: [{ name: 'orders', assignment: [[1, 2]] }], steps: [{ op: 'produce', topic: 'orders', key: 'alice', value: 'hello', count: 60 }] });
    expect(r.partitions[0].replicaStates[0].segments).toEqual([
      { baseOffset: 0, file: '00000000000000000000.log', sizeBytes: 60 * 78, index: [[53, 4134]] },
    ]);
  });

  it('a batch larger than segment.bytes is refused: RECORD_LIST_TOO_LARGE, not retried', () => {
    const r = run({ ...doc(), topics: [{ name: 'orders', assignment: [[1, 2]], config: { 'segment.bytes': 50 } }] });
    expect(r.produced[0]).toMatchObject({ acked: false, error: 'RECORD_LIST_TOO_LARGE', attempts: 1, offset: null });
    expect(r.partitions[0].replicaStates[0].logEndOffset).toBe(0);
  });

  it('a crash that loses the tail truncates the segments and rebuilds the active index (LogSegment.recover)', () => {
    // Lose offsets 5 and 6: segment 6 is deleted; segment 3 keeps offsets 3–4 (156 bytes); its
    // index is rebuilt from position 0: 78 − 0 is not > 100, so no entry.
    const r = run(doc([{ op: 'crash', broker: 1, lostTail: 2 }]));
    expect(r.partitions[0].replicaStates[0].segments).toEqual([
      { baseOffset: 0, file: '00000000000000000000.log', sizeBytes: 234, index: [[2, 156]] },
      { baseOffset: 3, file: '00000000000000000003.log', sizeBytes: 156, index: [] },
    ]);
  });
});
