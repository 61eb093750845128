/**
 * Golden scenarios of the producer (Foundation 3; docs/scenario-format.md "Produce"), through the
 * runner, citing their sources: the Java producer's `Sender.canRetry` and KIP-91
 * (`delivery.timeout.ms`), KIP-98 idempotence (`ProducerStateManager` deduplicating by producer id
 * and sequence), `Partition.checkEnoughReplicasReachOffset`, and the study notes' warning that
 * acks=-1 can write a record twice when the leader fails after the followers copied it but before
 * it answered.
 */
import { describe, expect, it } from 'vitest';
import { runScenarioText } from '../../cli/runScenarioFile';
import type { Report } from '../model/report';

function run(document: unknown, at?: number): Report {
  const out = runScenarioText(JSON.stringify(document), at);
  if (out.exitCode !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout) as Report;
}

const values = (r: Report, broker: number) =>
  r.partitions[0].replicaStates.find((x) => x.broker === broker)?.log.map((l) => `${l.value}@${l.offset}`);

/**
 * RF 3, leader 1. The record reaches both followers, but the leader crashes before it learns
 * they have it (its HW stays 0, so no ack). At 9 s broker 2 is elected; at 30 s the client's
 * request times out and the record is sent again, at 30.1 s, to broker 2.
 */
function leaderFailsBeforeAck(idempotence: boolean) {
  return {
    version: 1,
    cluster: { brokers: 3, replication: 'manual' },
    producer: { acks: 'all', config: { 'enable.idempotence': idempotence } },
    topics: [{ name: 'orders', assignment: [[1, 2, 3]] }],
    steps: [
      { op: 'produce', topic: 'orders', key: 'alice', value: 'pizza' },
      { op: 'fetch', broker: 2 },
      { op: 'fetch', broker: 3 },
      { op: 'crash', broker: 1 },
      { op: 'run', ms: 30100 },
      { op: 'fetch', broker: 3 },
      { op: 'fetch', broker: 3 },
    ],
  };
}

describe('acks=all and a leader failure before the ack', () => {
  it('without idempotence the resend is appended again: duplicate-record (the study notes\' warning)', () => {
    const r = run(leaderFailsBeforeAck(false));
    expect(r.partitions[0]).toMatchObject({ leader: 2, leaderEpoch: 1 });
    expect(values(r, 2)).toEqual(['pizza@0', 'pizza@1']);
    expect(r.produced[0]).toMatchObject({ acked: true, offset: 1, error: null, attempts: 2 });
    expect(r.anomalies).toEqual([{ type: 'duplicate-record', topic: 'orders', partition: 0, offset: 1 }]);
  });

  it('the first attempt timed out on the client (the leader had crashed): REQUEST_TIMED_OUT, then a retry 100 ms later', () => {
    const doc = leaderFailsBeforeAck(false);
    const before = run({ ...doc, steps: [...doc.steps.slice(0, 4), { op: 'run', ms: 30099 }] });
    expect(before.produced[0]).toMatchObject({ acked: false, error: 'REQUEST_TIMED_OUT', attempts: 1 });
    expect(values(before, 2)).toEqual(['pizza@0']);
  });

  it('with idempotence the new leader knows the producer id and sequence (replicated with the record) and answers with the original offset', () => {
    const r = run(leaderFailsBeforeAck(true));
    expect(values(r, 2)).toEqual(['pizza@0']);
    expect(r.produced[0]).toMatchObject({ acked: true, offset: 0, error: null, attempts: 2 });
    expect(r.anomalies).toEqual([]);
  });

  it('idempotence is the 3.6 producer\'s default (kraft era) with acks=all', () => {
    const doc = leaderFailsBeforeAck(true);
    const r = run({ ...doc, producer: { acks: 'all' } });
    expect(r.anomalies).toEqual([]);
  });
});

/**
 * min.insync.replicas 2, replica.lag.time.max.ms 10000. Follower 2 copies the record but never
 * fetches again, follower 3 never fetches: at 15 s both leave the ISR, the HW passes the record
 * with an ISR of 1, and the answer is NOT_ENOUGH_REPLICAS_AFTER_APPEND (the record stays).
 */
function afterAppend(idempotence: boolean) {
  return {
    version: 1,
    cluster: { brokers: 3, replication: 'manual', config: { 'min.insync.replicas': 2, 'replica.lag.time.max.ms': 10000 } },
    producer: { acks: 'all', config: { 'enable.idempotence': idempotence } },
    topics: [{ name: 'orders', assignment: [[1, 2, 3]] }],
    steps: [
      { op: 'produce', topic: 'orders', key: 'k', value: 'v' },
      { op: 'fetch', broker: 2 },
      { op: 'run', ms: 15000 },
      { op: 'run', ms: 100, note: 'the retry meets an ISR of 1: NOT_ENOUGH_REPLICAS, not appended' },
      { op: 'fetch', broker: 2, note: 'follower 2 is caught up (fetch offset 1 = HW) and rejoins' },
      { op: 'run', ms: 100, note: 'the second retry is appended (or deduplicated)' },
      { op: 'fetch', broker: 2 },
      { op: 'fetch', broker: 2 },
    ],
  };
}

describe('NOT_ENOUGH_REPLICAS_AFTER_APPEND followed by retries', () => {
  it('answers AFTER_APPEND when the ISR shrank below min.insync.replicas, and retries after retry.backoff.ms', () => {
    const r = run(afterAppend(false), 3);
    expect(r.partitions[0]).toMatchObject({ isr: [1], highWatermark: 1 });
    expect(r.produced[0]).toMatchObject({ acked: false, error: 'NOT_ENOUGH_REPLICAS_AFTER_APPEND', offset: 0, attempts: 1 });
    const retried = run(afterAppend(false), 4);
    expect(retried.produced[0]).toMatchObject({ acked: false, error: 'NOT_ENOUGH_REPLICAS', attempts: 2 });
    expect(values(retried, 1)).toEqual(['v@0']);
  });

  it('without idempotence the next retry appends the record again, and its ack names the new offset', () => {
    const r = run(afterAppend(false));
    expect(values(r, 1)).toEqual(['v@0', 'v@1']);
    expect(r.produced[0]).toMatchObject({ acked: true, error: null, offset: 1, attempts: 3 });
    expect(r.anomalies).toEqual([{ type: 'duplicate-record', topic: 'orders', partition: 0, offset: 1 }]);
  });

  it('with idempotence the retry is recognised and acknowledged at the original offset', () => {
    const r = run(afterAppend(true), 6);
    expect(values(r, 1)).toEqual(['v@0']);
    expect(r.produced[0]).toMatchObject({ acked: true, error: null, offset: 0, attempts: 3 });
    expect(r.anomalies).toEqual([]);
  });
});

describe('retries and delivery.timeout.ms', () => {
  const lonely = (producerConfig: Record<string, unknown>) => ({
    version: 1,
    cluster: { brokers: 3, replication: 'manual', config: { 'min.insync.replicas': 2, 'replica.lag.time.max.ms': 10000 } },
    producer: { acks: 'all', config: producerConfig },
    topics: [{ name: 'orders', assignment: [[1, 2, 3]] }],
    steps: [{ op: 'run', ms: 15000 }, { op: 'produce', topic: 'orders', key: 'k', value: 'v' }, { op: 'run', ms: 120000 }],
  });

  it('NOT_ENOUGH_REPLICAS is retried every retry.backoff.ms until the batch expires at delivery.timeout.ms', () => {
    const r = run(lonely({}));
    // Sends at 15000, 15100, …, 134900 (the last one before the deadline at 135000): 1200 attempts.
    expect(r.produced[0]).toMatchObject({ acked: false, error: 'REQUEST_TIMED_OUT', offset: null, attempts: 1200 });
  });

  it('retries 0: the first error is final', () => {
    const r = run(lonely({ retries: 0, 'enable.idempotence': false }));
    expect(r.produced[0]).toMatchObject({ acked: false, error: 'NOT_ENOUGH_REPLICAS', attempts: 1 });
  });

  it('retries 3: four attempts, then the last error stays', () => {
    const r = run(lonely({ retries: 3, 'enable.idempotence': false }));
    expect(r.produced[0]).toMatchObject({ acked: false, error: 'NOT_ENOUGH_REPLICAS', attempts: 4 });
  });

  it('a controlled shutdown of the leader answers waiting produces NOT_LEADER_OR_FOLLOWER; the retry goes to the new leader', () => {
    const r = run({
      version: 1, cluster: { brokers: 3, replication: 'manual' }, producer: { acks: 'all' },
      topics: [{ name: 'orders', assignment: [[1, 2, 3]] }],
      steps: [
        { op: 'produce', topic: 'orders', key: 'k', value: 'v' },
        { op: 'shutdown', broker: 1 },
        { op: 'run', ms: 100 },
        { op: 'fetch', broker: 3 }, { op: 'fetch', broker: 3 },
      ],
    });
    expect(r.partitions[0]).toMatchObject({ leader: 2, isr: [2, 3] });
    expect(values(r, 2)).toEqual(['v@0']);
    expect(r.produced[0]).toMatchObject({ acked: true, offset: 0, attempts: 2 });
  });

  it('a record still being retried at the end has acked false and the latest attempt\'s error', () => {
    const doc = lonely({});
    const r = run({ ...doc, steps: [...doc.steps.slice(0, 2), { op: 'run', ms: 250 }] });
    expect(r.produced[0]).toMatchObject({ acked: false, error: 'NOT_ENOUGH_REPLICAS', attempts: 3 });
  });
});

describe('record size limits', () => {
  it('a record whose size estimate exceeds max.request.size (1 MiB) fails in the producer: MESSAGE_TOO_LARGE, never sent', () => {
    // Estimate (DefaultRecordBatch.estimateBatchSizeUpperBound): 61 + 21 + key (1 + 1) + value
    // (varint 3 + n) + headers 1. With n = 1048485: 61 + 21 + 2 + 3 + 1048485 + 1 = 1048573 ≤ 1048576;
    // with n = 1048489 it is 1048577 > 1048576.
    const doc = (n: number) => ({
      version: 1, cluster: { brokers: 1, replication: 'manual' }, producer: { acks: 1 },
      topics: [{ name: 't', assignment: [[1]] }],
      steps: [{ op: 'produce', topic: 't', key: 'k', value: 'x'.repeat(n) }],
    });
    expect(run(doc(1048485)).produced[0]).toMatchObject({ acked: true, attempts: 1 });
    expect(run(doc(1048489)).produced[0]).toMatchObject({ acked: false, error: 'MESSAGE_TOO_LARGE', attempts: 0, offset: null });
  });
});
