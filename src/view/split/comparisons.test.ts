/**
 * The split view's menu entries, notes and difference narration, against hand-worked cases and
 * the golden KIP-101 documents (scenarios/golden: the high-watermark one is the leader-epoch one
 * with `cluster.truncation` changed, so it is an independent expectation for the `&vs=` result).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../core/scenario/report';
import { validateScenarioDocument } from '../../core/scenario/validateScenario';
import { createTimeline } from '../../session/timeline';
import { findFirstDifference, type FirstDifference } from '../../app/firstDifference';
import { comparisons } from './comparisons';
import { computeDiffers } from './differs';
import { explainDifference } from './explainDifference';
import { pathSegments, prepareSplit } from './prepareSplit';

const golden = (name: string) => JSON.parse(readFileSync(new URL(`../../../scenarios/golden/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
const epoch = golden('kip101-scenario1-leader-epoch');

describe('prepareSplit', () => {
  it('reads problem paths back into segments', () => {
    expect(pathSegments('cluster.config["broker.session.timeout.ms"]')).toEqual(['cluster', 'config', 'broker.session.timeout.ms']);
    expect(pathSegments('steps[3].config["offsets.storage"]')).toEqual(['steps', 3, 'config', 'offsets.storage']);
  });

  it('maps KRaft\'s broker.session.timeout.ms to ZooKeeper\'s when the era changes, and says so', () => {
    const doc = { version: 1, cluster: { brokers: 3, config: { 'broker.session.timeout.ms': 6000 } }, topics: [{ name: 't', partitions: 1, replicationFactor: 3 }], steps: [] };
    const prepared = prepareSplit(doc, 'cluster.metadata:zookeeper');
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    expect(prepared.scenario.cluster.config.sessionTimeoutMs).toBe(6000);
    expect(prepared.notes[0]).toEqual({ key: 'notes.mapped', params: { from: 'broker.session.timeout.ms', to: 'zookeeper.session.timeout.ms', value: '6000' } });
  });

  it('names the era\'s default acks and idempotence, and KRaft ignoring unclean election', () => {
    const doc = { version: 1, cluster: { brokers: 3 }, topics: [{ name: 't', partitions: 1, replicationFactor: 3 }], steps: [{ op: 'produce', topic: 't', key: 'k', value: 'v' }] };
    const era = prepareSplit(doc, 'cluster.metadata:zookeeper');
    expect(era.ok && era.notes.map((n) => n.key)).toEqual(expect.arrayContaining(['notes.eraAcks', 'notes.eraIdempotenceOff']));
    const unclean = prepareSplit(doc, 'cluster.config.unclean.leader.election.enable:true');
    expect(unclean.ok && unclean.notes.map((n) => n.key)).toContain('notes.uncleanIgnored');
  });

  it('still shows an invalid change as lines', () => {
    const prepared = prepareSplit(epoch, 'cluster.brokers:0');
    expect(prepared.ok).toBe(false);
  });
});

describe('comparisons', () => {
  it('offers the six comparisons for the KIP-101 document, each valid, with this document\'s paths', () => {
    const entries = comparisons(epoch);
    expect(entries.map((e) => e.id)).toEqual(['era', 'truncation', 'acks', 'min-isr', 'unclean', 'idempotence']);
    expect(entries.every((e) => e.prepared.ok)).toBe(true);
    const truncation = entries.find((e) => e.id === 'truncation');
    expect(truncation?.vs).toBe('cluster.truncation:high-watermark');
    // Its produce steps set acks: all themselves, so the acks comparison changes them too.
    const acks = entries.find((e) => e.id === 'acks');
    expect(acks?.from).toBe('all');
    expect(acks?.vs).toMatch(/^producer\.acks:1;steps\.0\.acks:1/);
    const steps = (epoch.steps as { op: string; acks?: unknown }[]);
    expect(acks?.prepared.ok && acks.prepared.scenario.steps.filter((s) => s.op === 'produce').every((s) => (s as { acks: unknown }).acks === 1)).toBe(true);
    expect(steps.some((s) => s.acks === 'all')).toBe(true);
  });

  it('idempotence on with acks 1 sets acks to all (Kafka refuses the combination)', () => {
    const doc = { version: 1, cluster: { brokers: 3, metadata: 'zookeeper' }, topics: [{ name: 't', partitions: 1, replicationFactor: 3 }], steps: [] };
    const entry = comparisons(doc).find((e) => e.id === 'idempotence');
    expect(entry?.vs).toBe('producer.config.enable.idempotence:true;producer.acks:all');
    expect(entry?.prepared.ok).toBe(true);
  });
});

describe('first difference and the difference narration (KIP-101 scenario 1)', () => {
  const a = validateScenarioDocument(epoch);
  const hw = validateScenarioDocument(golden('kip101-scenario1-high-watermark'));
  if (!a.ok || !hw.ok) throw new Error('golden documents must validate');

  it('finds the first position where the reports differ, slice by slice', () => {
    // Hand check: walk both timelines and compare the reports at every position.
    const ta = createTimeline(a.scenario);
    const tb = createTimeline(hw.scenario);
    let expected = -1;
    for (let n = 0; n <= a.scenario.steps.length && expected < 0; n++) {
      const d = computeDiffers(buildReport(ta.seek(n)), buildReport(tb.seek(n)));
      if (d.replicas.size > 0) expected = n;
    }
    expect(expected).toBeGreaterThan(0);
    const updates: FirstDifference[] = [];
    const queue: (() => void)[] = [];
    // An idle period that allows one position per slice: the walk must resume where it stopped.
    findFirstDifference(a.scenario, hw.scenario, (r) => updates.push(r), { request: (cb) => queue.push(() => cb({ timeRemaining: () => 0 })), cancel: () => {} });
    while (queue.length > 0) (queue.shift() as () => void)();
    expect(updates.at(-1)).toEqual({ state: 'found', at: expected });
    expect(updates.filter((u) => u.state === 'searching').length).toBe(expected);

    // At that position the narration says which replica was cut, and why not with leader epochs.
    // Fresh timelines: a seek to the position a timeline last returned replays nothing, so has no events.
    const sa = createTimeline(a.scenario).seekWithEvents(expected);
    const sb = createTimeline(hw.scenario).seekWithEvents(expected);
    const sentences = explainDifference({
      a: { report: buildReport(sa.world), events: sa.events, era: 'kraft', truncation: 'leader-epoch' },
      b: { report: buildReport(sb.world), events: sb.events, era: 'kraft', truncation: 'high-watermark' },
      position: expected, differsNow: true, first: { state: 'found', at: expected },
    });
    const cut = sentences.find((s) => s.key === 'why.truncateHwNotEpoch');
    expect(cut?.params.side).toBe('b');
    expect(cut?.params.reason).toBe('high-watermark');
    expect(sentences.some((s) => s.key === 'what.replica')).toBe(true);
  });
});
