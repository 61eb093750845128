/**
 * A validated `Scenario` built by hand for the session's unit tests, so they do not depend on
 * the validator's defaults. Not used by the app.
 */
import type { Scenario, Step } from '../core/model/scenario';

export function manualScenario(steps: Step[], brokers = [1, 2, 3]): Scenario {
  return {
    version: 1,
    title: 'test',
    seed: 1,
    cluster: {
      brokers,
      metadata: 'kraft',
      truncation: 'leader-epoch',
      replication: 'manual',
      networkDelayMs: 1,
      config: {
        'min.insync.replicas': 2,
        'unclean.leader.election.enable': false,
        'log.segment.bytes': 1073741824,
        'log.index.interval.bytes': 4096,
        'log.retention.ms': 604800000,
        'log.retention.bytes': -1,
        'replica.lag.time.max.ms': 30000,
        'replica.fetch.wait.max.ms': 500,
        sessionTimeoutMs: 9000,
        'delete.topic.enable': true,
        'offsets.topic.num.partitions': 50,
        'offsets.topic.replication.factor': 3,
        'group.initial.rebalance.delay.ms': 3000,
        'auto.leader.rebalance.enable': true,
        'leader.imbalance.check.interval.seconds': 300,
        'leader.imbalance.per.broker.percentage': 10,
      },
    },
    producer: {
      partitioner: 'built-in',
      acks: 'all',
      config: {
        'enable.idempotence': true,
        retries: 2147483647,
        'delivery.timeout.ms': 120000,
        'request.timeout.ms': 30000,
        'retry.backoff.ms': 100,
        'max.in.flight.requests.per.connection': 5,
        'batch.size': 16384,
        'linger.ms': 5,
        'partitioner.ignore.keys': false,
      },
      idempotenceExplicit: false,
    },
    consumer: {
      config: {
        'auto.offset.reset': 'latest',
        'session.timeout.ms': 45000,
        'heartbeat.interval.ms': 3000,
        'enable.auto.commit': true,
        'auto.commit.interval.ms': 5000,
        'max.poll.records': 500,
        'fetch.max.wait.ms': 500,
        'offsets.storage': 'kafka',
      },
    },
    topics: [
      {
        name: 'orders', partitions: 2, replicationFactor: 3, assignment: [[1, 2, 3], [2, 3, 1]],
        config: {
          'min.insync.replicas': 2,
          'unclean.leader.election.enable': false,
          'segment.bytes': 1073741824,
          'index.interval.bytes': 4096,
          'retention.ms': 604800000,
          'retention.bytes': -1,
        },
      },
    ],
    steps,
  };
}

const produce = (key: string, acks: 'all' | 1 | 0 = 'all', partition: number | null = null): Step =>
  ({ op: 'produce', topic: 'orders', key, value: `v-${key}`, partition, acks, count: 1 });
const fetch = (broker: number): Step => ({ op: 'fetch', broker, topic: null, partition: null, dropResponse: false });
const run = (ms: number): Step => ({ op: 'run', ms });

/** A long, varied step list (produces, fetches, time passing long enough to shrink the ISR). */
export function longSteps(count: number): Step[] {
  const steps: Step[] = [];
  for (let i = 0; steps.length < count; i++) {
    const kind = i % 9;
    if (kind === 0 || kind === 4) steps.push(produce(`k${i}`, i % 3 === 0 ? 1 : 'all'));
    else if (kind === 1 || kind === 5) steps.push(fetch(2));
    else if (kind === 2 || kind === 6) steps.push(fetch(3));
    else if (kind === 3) steps.push(fetch(1));
    else if (kind === 7) steps.push(run(i % 27 === 7 ? 40000 : 700));
    else steps.push(produce(`p${i}`, 'all', i % 2));
  }
  return steps;
}
