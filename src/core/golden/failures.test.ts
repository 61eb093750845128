/**
 * Golden scenarios of Foundation 2, each run through the headless runner (runScenarioText) and
 * each citing its source:
 * - the contract's worked example (docs/scenario-format.md, "Worked example"; Kafka's DelayedFetch);
 * - KIP-101's two scenarios, in both truncation eras;
 * - the Restart rule of each era (KRaft `ClusterControlManager.registerBroker` refusing a duplicate
 *   registration; Kafka 2.8 exiting on NodeExistsException);
 * - elections: a crashed but not yet fenced broker, unclean election, controlled shutdown,
 *   preferred-leader rebalancing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenarioText } from '../../cli/runScenarioFile';
import type { Report } from '../model/report';

function run(document: unknown, at?: number): Report {
  const out = runScenarioText(typeof document === 'string' ? document : JSON.stringify(document), at);
  if (out.exitCode !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout) as Report;
}

function file(name: string, at?: number): Report {
  return run(readFileSync(`scenarios/${name}`, 'utf8'), at);
}

const lhw = (r: Report) => r.partitions[0].replicaStates.map((x) => [x.logEndOffset, x.highWatermark]);

function partition(r: Report) {
  return r.partitions[0];
}

function values(r: Report, broker: number): string[] {
  const replica = partition(r).replicaStates.find((x) => x.broker === broker);
  return replica ? replica.log.map((l) => l.value) : [];
}

describe('the worked example: one acks=all record on simulated time (networkDelayMs 1)', () => {
  it('acknowledged with leader HW 1 at t = 3 ms; followers learn HW 1 only at t = 504 ms', () => {
    expect(lhw(file('worked-example-auto.json', 1))).toEqual([[1, 0], [0, 0], [0, 0]]); // t = 0
    const t2 = file('worked-example-auto.json', 2);
    expect(t2.timeMs).toBe(2);
    expect(lhw(t2)).toEqual([[1, 0], [1, 0], [1, 0]]);
    expect(t2.produced[0].acked).toBe(false);
    const t3 = file('worked-example-auto.json', 3);
    expect(lhw(t3)).toEqual([[1, 1], [1, 0], [1, 0]]);
    expect(t3.produced[0]).toMatchObject({ acked: true, offset: 0, error: null });
    const t503 = file('worked-example-auto.json', 4);
    expect(t503.timeMs).toBe(503);
    expect(lhw(t503)).toEqual([[1, 1], [1, 0], [1, 0]]);
    const t504 = file('worked-example-auto.json', 5);
    expect(lhw(t504)).toEqual([[1, 1], [1, 1], [1, 1]]);
  });
});

describe('KIP-101 scenario 1: leader change after a controlled shutdown (RF 3, leader 3)', () => {
  it('before the shutdown: leader HW 2 with m2 acknowledged, followers at HW 1', () => {
    for (const mode of ['high-watermark', 'leader-epoch']) {
      const r = file(`golden/kip101-scenario1-${mode}.json`, 10);
      expect(lhw(r)).toEqual([[2, 2], [2, 1], [2, 1]]);
      expect(r.produced.map((p) => p.acked)).toEqual([true, true]);
    }
  });

  it('high-watermark: broker 2 truncated to its HW when it followed broker 1, so m2 is lost once 2 leads', () => {
    const afterShutdown = file('golden/kip101-scenario1-high-watermark.json', 11);
    expect(partition(afterShutdown)).toMatchObject({ leader: 1, leaderEpoch: 1, isr: [1, 2] });
    expect(values(afterShutdown, 2)).toEqual(['m1']);
    const r = file('golden/kip101-scenario1-high-watermark.json');
    expect(partition(r)).toMatchObject({ leader: 2, leaderEpoch: 2, isr: [2] });
    expect(values(r, 2)).toEqual(['m1']);
    expect(r.anomalies).toEqual([{ type: 'acknowledged-record-lost', topic: 't', partition: 0, offset: 1 }]);
    expect(partition(r).replicaStates.every((x) => x.epochCache.length === 0)).toBe(true);
  });

  it('leader-epoch: broker 2 keeps m2 and nothing is reported', () => {
    const r = file('golden/kip101-scenario1-leader-epoch.json');
    expect(partition(r)).toMatchObject({ leader: 2, leaderEpoch: 2, isr: [2], highWatermark: 2 });
    expect(values(r, 2)).toEqual(['m1', 'm2']);
    expect(partition(r).replicaStates.find((x) => x.broker === 2)?.epochCache).toEqual([[0, 0], [2, 2]]);
    expect(r.anomalies).toEqual([]);
  });
});

describe('KIP-101 scenario 2: power loss, broker 2 loses its unflushed m2', () => {
  it('high-watermark: the logs diverge below the HW (broker 1 keeps m2 where the leader has m3)', () => {
    const r = file('golden/kip101-scenario2-high-watermark.json');
    expect(values(r, 1)).toEqual(['m1', 'm2']);
    expect(values(r, 2)).toEqual(['m1', 'm3']);
    expect(partition(r).isr).toEqual([2, 1]);
    expect(r.anomalies).toContainEqual({ type: 'replica-divergence', topic: 't', partition: 0, offset: 1, broker: 1 });
  });

  it('leader-epoch: broker 1 truncates at the DivergingEpoch and the logs are identical, record for record', () => {
    const r = file('golden/kip101-scenario2-leader-epoch.json');
    const [a, b] = partition(r).replicaStates;
    expect(a.log).toEqual(b.log);
    expect(values(r, 1)).toEqual(['m1', 'm3']);
    expect(r.anomalies.filter((x) => x.type === 'replica-divergence')).toEqual([]);
  });

  it('in both modes the acknowledged m2 is lost with the unflushed tail, and reported', () => {
    for (const mode of ['high-watermark', 'leader-epoch']) {
      const r = file(`golden/kip101-scenario2-${mode}.json`);
      expect(r.produced[1]).toMatchObject({ value: 'm2', acked: true, offset: 1 });
      expect(r.anomalies).toContainEqual({ type: 'acknowledged-record-lost', topic: 't', partition: 0, offset: 1 });
    }
  });

  it('the election at the first fencing picks broker 2, crashed but not yet fenced; its own fencing leaves no leader', () => {
    const r = file('golden/kip101-scenario2-leader-epoch.json', 9);
    expect(r.brokers.map((b) => [b.state, b.fenced])).toEqual([['crashed', true], ['crashed', true]]);
    expect(partition(r)).toMatchObject({ leader: null, leaderEpoch: 2, isr: [2] });
  });
});

const restartScenario = (metadata: string, restartAfterMs: number) => ({
  version: 1,
  cluster: { brokers: 3, metadata, replication: 'auto' },
  producer: { acks: 1 },
  topics: [{ name: 't', assignment: [[1, 2, 3]] }],
  steps: [
    { op: 'produce', topic: 't', key: null, value: 'a', count: 3 },
    { op: 'run', ms: 100 },
    { op: 'crash', broker: 3 },
    { op: 'produce', topic: 't', key: null, value: 'b', count: 2 },
    { op: 'run', ms: restartAfterMs },
    { op: 'restart', broker: 3 },
    { op: 'run', ms: 20000 - restartAfterMs - 1 },
    { op: 'run', ms: 1 },
    { op: 'run', ms: 30000 },
  ],
});

describe('Restart in each era', () => {
  it('KRaft: restarted 1 s after its crash, the broker stays restarting until its old session expires at 9 s, then registers and rejoins the ISR only after catching up', () => {
    const doc = restartScenario('kraft', 1000);
    const restarting = run(doc, 6);
    expect(restarting.brokers[2]).toEqual({ id: 3, state: 'restarting', fenced: false });
    expect(restarting.stepErrors).toEqual([]);
    // Crash at t = 100: the session expires at 9100 — look just before and at it.
    const before = run({ ...doc, steps: [...doc.steps.slice(0, 6), { op: 'run', ms: 7999 }] });
    expect(before.timeMs).toBe(9099);
    expect(before.brokers[2]).toEqual({ id: 3, state: 'restarting', fenced: false });
    const at = run({ ...doc, steps: [...doc.steps.slice(0, 6), { op: 'run', ms: 8000 }] });
    expect(at.timeMs).toBe(9100);
    expect(at.brokers[2]).toEqual({ id: 3, state: 'running', fenced: false });
    expect(partition(at).isr).toEqual([1, 2]);
    const later = run(doc);
    expect(partition(later).isr).toEqual([1, 2, 3]);
    expect(values(later, 3)).toEqual(['a', 'a', 'a', 'b', 'b']);
  });

  it('ZooKeeper (2.8): a restart before the 18 s session expired fails with NODE_EXISTS and the broker stays crashed', () => {
    const doc = restartScenario('zookeeper', 1000);
    const r = run(doc, 6);
    expect(r.brokers[2]).toEqual({ id: 3, state: 'crashed', fenced: false });
    expect(r.stepErrors).toEqual([{ step: 5, error: 'NODE_EXISTS', message: 'broker 3 cannot register: /brokers/ids/3 still exists' }]);
    const end = run(doc);
    expect(end.brokers[2]).toEqual({ id: 3, state: 'crashed', fenced: true });
    // The controller's own ISR removal bumps the epoch in 2.8.
    expect(partition(end)).toMatchObject({ leader: 1, leaderEpoch: 1, isr: [1, 2] });
  });

  it('ZooKeeper (2.8): restarted after the session expired, it registers at once and rejoins by catching up', () => {
    const doc = restartScenario('zookeeper', 19000);
    const r = run(doc, 6);
    expect(r.brokers[2]).toEqual({ id: 3, state: 'running', fenced: false });
    expect(r.stepErrors).toEqual([]);
    expect(partition(r).isr).toEqual([1, 2]);
    const end = run(doc);
    expect(partition(end).isr).toEqual([1, 2, 3]);
    expect(values(end, 3)).toEqual(['a', 'a', 'a', 'b', 'b']);
  });
});

describe('Controller elections', () => {
  const doc = {
    version: 1,
    cluster: { brokers: 3, replication: 'auto' },
    topics: [{ name: 't', assignment: [[1, 2, 3]] }],
    steps: [
      { op: 'run', ms: 10 },
      { op: 'crash', broker: 1 },
      { op: 'run', ms: 1000 },
      { op: 'crash', broker: 2 },
      { op: 'run', ms: 8000 },
      { op: 'run', ms: 1000 },
    ],
  };

  it('picks a crashed but not yet fenced broker, then elects again at its fencing: two epoch bumps', () => {
    const first = run(doc, 5); // t = 9010: broker 1 fenced
    expect(first.brokers.map((b) => [b.state, b.fenced])).toEqual([['crashed', true], ['crashed', false], ['running', false]]);
    expect(partition(first)).toMatchObject({ leader: 2, leaderEpoch: 1, isr: [2, 3] });
    const second = run(doc); // t = 10010: broker 2 fenced
    expect(partition(second)).toMatchObject({ leader: 3, leaderEpoch: 2, isr: [3] });
  });

  it('a produce to the crashed-but-unfenced leader gets no answer: the 3.6 client times out (REQUEST_TIMED_OUT)', () => {
    const r = run({ ...doc, steps: [...doc.steps.slice(0, 5), { op: 'produce', topic: 't', key: 'k', value: 'v', acks: 1 }, { op: 'run', ms: 30000 }] });
    expect(r.produced[0]).toMatchObject({ acked: false, error: 'REQUEST_TIMED_OUT', offset: null, attempts: 1 });
  });

  it('… and the 2.8 client records NETWORK_EXCEPTION', () => {
    const zk = { ...doc, cluster: { ...doc.cluster, metadata: 'zookeeper' } };
    const r = run({ ...zk, steps: [{ op: 'crash', broker: 1 }, { op: 'produce', topic: 't', key: 'k', value: 'v', acks: 1 }, { op: 'run', ms: 30000 }] });
    expect(r.produced[0]).toMatchObject({ acked: false, error: 'NETWORK_EXCEPTION', offset: null });
  });

  it('a produce while the partition has no leader waits unsent and expires at delivery.timeout.ms with attempts 0', () => {
    const r = run({
      version: 1, cluster: { brokers: 1, replication: 'auto' }, topics: [{ name: 't', assignment: [[1]] }],
      steps: [{ op: 'crash', broker: 1 }, { op: 'run', ms: 9000 }, { op: 'produce', topic: 't', key: 'k', value: 'v' }, { op: 'run', ms: 119999 }, { op: 'run', ms: 1 }],
    });
    expect(partition(r)).toMatchObject({ leader: null, isr: [1] });
    expect(r.produced[0]).toMatchObject({ acked: false, error: 'REQUEST_TIMED_OUT', offset: null, attempts: 0 });
  });

  it('unclean election (2.8): with no ISR member available, the first available replica leads and the ISR is only it', () => {
    const r = (metadata: string) => run({
      version: 1, cluster: { brokers: 2, metadata, replication: 'manual', config: { 'replica.lag.time.max.ms': 1000, 'unclean.leader.election.enable': true } },
      topics: [{ name: 't', assignment: [[1, 2]] }],
      // The followers never fetch, so the ISR shrinks to [1] at 1500 ms; broker 1's session ends at
      // 10500 ms (kraft, 9 s) or 19500 ms (zookeeper, 18 s).
      steps: [{ op: 'run', ms: 1500 }, { op: 'crash', broker: 1 }, { op: 'run', ms: 18000 }],
    });
    expect(partition(r('zookeeper'))).toMatchObject({ leader: 2, leaderEpoch: 1, isr: [2] });
    // 3.6's controller ignores the setting (ConfigurationControlManager.uncleanLeaderElectionEnabledForTopic
    // returns false at 3.6.2): the last ISR member stays, without a leader (golden/controller.test.ts).
    expect(partition(r('kraft'))).toMatchObject({ leader: null, leaderEpoch: 1, isr: [1] });
  });

  it('controlled shutdown of the leader is one epoch bump in KRaft; in ZooKeeper a follower\'s shutdown bumps it too', () => {
    const base = (metadata: string, broker: number) => run({
      version: 1, cluster: { brokers: 3, metadata, replication: 'manual' }, topics: [{ name: 't', assignment: [[1, 2, 3]] }],
      steps: [{ op: 'shutdown', broker }],
    });
    expect(partition(base('kraft', 1))).toMatchObject({ leader: 2, leaderEpoch: 1, isr: [2, 3] });
    expect(partition(base('kraft', 3))).toMatchObject({ leader: 1, leaderEpoch: 0, isr: [1, 2] });
    expect(partition(base('zookeeper', 3))).toMatchObject({ leader: 1, leaderEpoch: 1, isr: [1, 2] });
    expect(base('kraft', 1).brokers[0]).toEqual({ id: 1, state: 'stopped', fenced: true });
  });

  it('preferred leaders come back at the 300 s imbalance check', () => {
    const r = (ms: number) => run({
      version: 1, cluster: { brokers: 2, replication: 'auto' }, topics: [{ name: 't', assignment: [[1, 2]] }],
      steps: [{ op: 'shutdown', broker: 1 }, { op: 'restart', broker: 1 }, { op: 'run', ms }],
    });
    expect(partition(r(299999))).toMatchObject({ leader: 2, leaderEpoch: 1 });
    expect(partition(r(300000))).toMatchObject({ leader: 1, leaderEpoch: 2 });
  });

  it('isolate then heal before fencing changes nothing for the controller', () => {
    const r = run({
      version: 1, cluster: { brokers: 3, replication: 'auto' }, topics: [{ name: 't', assignment: [[1, 2, 3]] }],
      steps: [{ op: 'isolate', broker: 1 }, { op: 'run', ms: 8999 }, { op: 'heal' }, { op: 'run', ms: 5000 }],
    });
    expect(r.brokers[0]).toEqual({ id: 1, state: 'running', fenced: false });
    expect(partition(r)).toMatchObject({ leader: 1, leaderEpoch: 0 });
  });

  it('isolate then heal after fencing: the broker re-registers and catches up like a restarted one', () => {
    const r = run({
      version: 1, cluster: { brokers: 3, replication: 'auto' }, producer: { acks: 1 }, topics: [{ name: 't', assignment: [[1, 2, 3]] }],
      steps: [{ op: 'isolate', broker: 1 }, { op: 'run', ms: 9000 }, { op: 'produce', topic: 't', key: 'k', value: 'v' }, { op: 'heal' }, { op: 'run', ms: 60000 }],
    });
    expect(r.brokers[0]).toEqual({ id: 1, state: 'running', fenced: false });
    expect(partition(r)).toMatchObject({ leader: 2, leaderEpoch: 1, isr: [2, 3, 1] });
    expect(values(r, 1)).toEqual(['v']);
  });
});

describe('auto replication through a network partition', () => {
  it('a follower cut off for less than the session timeout resumes fetching after heal and stays in the ISR', () => {
    const r = run({
      version: 1, cluster: { brokers: 3, metadata: 'zookeeper', replication: 'auto', config: { 'zookeeper.session.timeout.ms': 60000, 'replica.lag.time.max.ms': 120000 } },
      producer: { acks: 1 }, topics: [{ name: 't', assignment: [[1, 2, 3]] }],
      steps: [
        { op: 'isolate', broker: 3 }, { op: 'run', ms: 35000 }, { op: 'heal' },
        { op: 'produce', topic: 't', key: null, value: 'v', count: 3 }, { op: 'run', ms: 1000 },
      ],
    });
    // Its fetch gave up at 30 s (replica.socket.timeout.ms) and the retry at 31 s was lost too;
    // the heal at 35 s starts the fetcher again, so it has the records a second later.
    expect(r.brokers[2]).toEqual({ id: 3, state: 'running', fenced: false });
    expect(partition(r).isr).toEqual([1, 2, 3]);
    expect(values(r, 3)).toEqual(['v', 'v', 'v']);
  });
});
