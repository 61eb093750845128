/**
 * Random scenarios for the swarm (`npm run sim:swarm`), derived entirely from one seed so that a
 * failing seed reproduces the whole run (the idea of TigerBeetle's VOPR). Every op of the format
 * that has landed appears, in either era and replication mode.
 */
import { seedStream, nextIndex, type RandomState } from '../time/random';

export interface SwarmOptions {
  truncation: 'leader-epoch' | 'high-watermark';
  /** acks=all, no lostTail, unclean election off: the conditions under which leader epochs promise no loss. */
  safe: boolean;
  /** Small segments and retention on every user topic, and a fast retention check (default off). */
  retention?: boolean;
}

/**
 * Retention settings, drawn from their own stream so that the scenario is otherwise the one the
 * same seed makes without them: small segments, so that logs roll, and `retention.ms` or
 * `retention.bytes` small enough to delete during a run.
 */
function retentionSettings(seed: number, options: SwarmOptions, topics: number): { broker: Record<string, number>; topics: Record<string, number>[] } {
  const r = seedStream(seed, `swarm-retention:${options.safe ? 'safe' : 'any'}`);
  const broker = { 'log.retention.check.interval.ms': pick(r, [1000, 5000, 15000]) };
  const perTopic = Array.from({ length: topics }, () => ({
    'segment.bytes': pick(r, [160, 300, 1000]),
    'retention.ms': pick(r, [2000, 10000, 30000, -1]),
    'retention.bytes': pick(r, [-1, -1, 0, 200, 600]),
  }));
  return { broker, topics: perTopic };
}

function pick<T>(r: RandomState, items: readonly T[]): T {
  return items[nextIndex(r, items.length)];
}

function between(r: RandomState, min: number, max: number): number {
  return min + nextIndex(r, max - min + 1);
}

/**
 * Consumer-group steps, drawn from their own stream so that the steps of the other streams (and
 * so every scenario the swarm made before groups existed) stay as they were: after each step,
 * maybe one group step. Members subscribe before anything else names them, and never twice while
 * running.
 */
function groupSteps(seed: number, options: SwarmOptions, topics: string[], count: number): Record<string, unknown>[][] {
  const r = seedStream(seed, `swarm-groups:${options.safe ? 'safe' : 'any'}`);
  const groups = ['g0', 'g1'];
  const members = ['c0', 'c1', 'c2'];
  const running = new Map<string, Set<string>>(groups.map((g) => [g, new Set()]));
  const subscribed = new Map<string, Set<string>>(groups.map((g) => [g, new Set()]));
  const out: Record<string, unknown>[][] = [];
  for (let i = 0; i < count; i++) {
    const here: Record<string, unknown>[] = [];
    if (nextIndex(r, 3) === 0) {
      const group = pick(r, groups);
      const member = pick(r, members);
      const op = pick(r, ['subscribe', 'subscribe', 'poll', 'poll', 'commit', 'leave', 'kill', 'pause', 'resume'] as const);
      if (op === 'subscribe' || !subscribed.get(group)?.has(member)) {
        if (!running.get(group)?.has(member)) {
          const topicCount = between(r, 1, topics.length);
          here.push({
            op: 'subscribe', group, member, topics: topics.slice(0, topicCount),
            assignor: pick(r, ['range', 'roundrobin', 'sticky', 'cooperative-sticky'] as const),
            ...(nextIndex(r, 4) === 0 ? { instanceId: `${group}-${member}` } : {}),
            config: {
              'auto.offset.reset': pick(r, ['earliest', 'latest'] as const),
              'session.timeout.ms': pick(r, [6000, 10000]),
              'heartbeat.interval.ms': pick(r, [1000, 3000]),
              'max.poll.interval.ms': pick(r, [5000, 20000]),
              'enable.auto.commit': nextIndex(r, 2) === 0,
              'max.poll.records': pick(r, [1, 5, 500]),
            },
          });
          running.get(group)?.add(member);
          subscribed.get(group)?.add(member);
        }
      } else {
        here.push({ op, group, member });
        if (op === 'leave' || op === 'kill') running.get(group)?.delete(member);
      }
    }
    out.push(here);
  }
  // Some scenarios keep a group's single assignor: a member with another one is refused, which is fine too.
  return out;
}

export function swarmScenario(seed: number, options: SwarmOptions): Record<string, unknown> {
  // The stream does not depend on the truncation mode: one seed is the same scenario in both eras.
  const r = seedStream(seed, `swarm:${options.safe ? "safe" : "any"}`);
  const brokers = between(r, 2, 5);
  const replication = pick(r, ['auto', 'auto', 'manual'] as const);
  const metadata = pick(r, ['kraft', 'zookeeper'] as const);
  const topics = Array.from({ length: between(r, 1, 2) }, (_, i) => {
    const replicationFactor = between(r, 2, Math.min(3, brokers));
    return {
      name: `t${i}`,
      partitions: between(r, 1, 3),
      replicationFactor,
      config: {
        'min.insync.replicas': between(r, 1, Math.min(2, replicationFactor)),
        'unclean.leader.election.enable': !options.safe && nextIndex(r, 5) === 0,
      },
    };
  });
  const steps: Record<string, unknown>[] = [];
  const stepCount = between(r, 10, 60);
  const brokerId = () => between(r, 1, brokers);
  for (let i = 0; i < stepCount; i++) {
    const kind = pick(r, ['produce', 'produce', 'produce', 'run', 'run', 'fetch', 'fetch', 'crash', 'restart', 'restart', 'shutdown', 'isolate', 'heal'] as const);
    const topic = pick(r, topics);
    switch (kind) {
      case 'produce': {
        const acks = options.safe ? 'all' : pick(r, [0, 1, 'all'] as const);
        steps.push({ op: 'produce', topic: topic.name, key: nextIndex(r, 2) ? null : `k${nextIndex(r, 10)}`, value: `v${i}-{i}`, acks, count: between(r, 1, 3) });
        break;
      }
      case 'run':
        steps.push({ op: 'run', ms: pick(r, [1, 2, 5, 50, 500, 3000, 10000, 20000]) });
        break;
      case 'fetch':
        if (replication === 'manual') steps.push({ op: 'fetch', broker: brokerId(), ...(nextIndex(r, 6) === 0 ? { response: 'drop' } : {}) });
        else steps.push({ op: 'run', ms: pick(r, [1, 3, 10]) });
        break;
      case 'crash':
        steps.push({ op: 'crash', broker: brokerId(), ...(!options.safe && nextIndex(r, 2) === 0 ? { lostTail: between(r, 1, 2) } : {}) });
        break;
      case 'heal':
        steps.push({ op: 'heal' });
        break;
      default:
        steps.push({ op: kind, broker: brokerId() });
    }
  }
  const extra = groupSteps(seed, options, topics.map((t) => t.name), steps.length);
  const withGroups = steps.flatMap((step, i) => [step, ...extra[i]]);
  const retention = options.retention ? retentionSettings(seed, options, topics.length) : null;
  if (retention) topics.forEach((t, i) => Object.assign(t.config, retention.topics[i]));
  return {
    version: 1,
    title: `swarm seed ${seed} (${options.truncation}${options.safe ? ', safe' : ''}${retention ? ', retention' : ''})`,
    seed,
    cluster: {
      brokers, metadata, truncation: options.truncation, replication,
      config: {
        'replica.lag.time.max.ms': pick(r, [2000, 10000, 30000]), 'replica.fetch.wait.max.ms': 500,
        'offsets.topic.num.partitions': 2, 'offsets.topic.replication.factor': Math.min(3, brokers),
        ...retention?.broker,
      },
    },
    producer: { acks: 'all', config: {} },
    topics,
    steps: withGroups,
  };
}
