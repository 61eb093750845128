/**
 * The Start state (docs/scenario-format.md, "Start"): at time 0 every topic exists, placed by
 * `AdminUtils` when it has no assignment; each partition's leader is its first replica at leader
 * epoch 0 (taking epoch 0 counts as a new epoch: in `leader-epoch` mode the leader's cache starts
 * `[[0, 0]]`, and `makeLeader` resets the followers' caught-up times to 0); the ISR is every
 * replica in assignment order; every LEO and HW is 0.
 */
import type { Scenario, TopicSpec } from './model/scenario';
import type { PartitionState, TopicState, World } from './model/world';
import { resetFollowerViews } from './protocol/inSyncReplicas';
import { assignReplicasToBrokers } from './protocol/replicaPlacement';
import { emptyLayout } from './protocol/logLayout';
import { drawIndex, newContext } from './simContext';
import { emptyQueue, schedule } from './time/eventQueue';
import { scheduleLeaderRebalance } from './protocol/controller';
import { startAllSessions } from './protocol/replicationSession';

export function isrCheckIntervalMs(world: World): number {
  return Math.floor(world.settings.cluster.config['replica.lag.time.max.ms'] / 2);
}

function placement(world: World, spec: TopicSpec): number[][] {
  if (spec.assignment) return spec.assignment;
  const brokers = world.brokers.filter((b) => !b.fenced).map((b) => b.id);
  const stream = `placement:${spec.name}`;
  const startIndex = drawIndex(world, stream, brokers.length);
  const replicaShift = drawIndex(world, stream, brokers.length);
  return assignReplicasToBrokers(spec.partitions, spec.replicationFactor, brokers, startIndex, replicaShift);
}

function startPartition(world: World, topic: string, partition: number, replicas: number[]): PartitionState {
  const leaderEpochMode = world.settings.cluster.truncation === 'leader-epoch';
  const p: PartitionState = {
    topic, partition, replicas: [...replicas], leader: replicas[0], leaderEpoch: 0, isr: [...replicas],
    leaderEpochStartOffset: 0,
    lastLeader: replicas[0],
    replicaStates: replicas.map((broker, i) => ({
      broker, log: [], highWatermark: 0, epochCache: leaderEpochMode && i === 0 ? [[0, 0]] : [],
      appliedLeader: replicas[0], appliedEpoch: 0, verifiedUpTo: 0, layout: emptyLayout(0), producers: [],
    })),
    followers: [],
  };
  resetFollowerViews(p, 0);
  // At start the followers' caught-up times are 0 (a fresh leader knows nothing of them).
  for (const view of p.followers) view.lastCaughtUpTimeMs = 0;
  return p;
}

export function createTopic(world: World, spec: TopicSpec): TopicState {
  const assignment = placement(world, spec);
  return {
    name: spec.name,
    config: spec.config,
    partitions: assignment.map((replicas, partition) => startPartition(world, spec.name, partition, replicas)),
    partitioner: { roundRobinCounter: null, stickyPartition: null, builtInPartition: null, builtInProducedBytes: 0 },
  };
}

export function createWorld(scenario: Scenario): World {
  const { steps: _steps, ...settings } = scenario;
  const world: World = {
    settings,
    timeMs: 0,
    stepsApplied: 0,
    brokers: [...scenario.cluster.brokers].sort((a, b) => a - b).map((id) => ({
      id, state: 'running', fenced: false, lostContactAtMs: null, sessionGeneration: 0,
    })),
    topics: [],
    produced: [],
    pendingProduces: [],
    recordBatches: [],
    producers: [],
    producerBatches: [],
    producerRequests: [],
    nextRequestId: 0,
    fetchSessions: [],
    heldFetches: [],
    queue: emptyQueue(),
    random: {},
    stepErrors: [],
    anomalies: [],
    groups: { groups: [], consumers: [], polled: [], nextCommitIndex: 0 },
  };
  const specs = [...scenario.topics].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  world.topics = specs.map((spec) => createTopic(world, spec));
  schedule(world.queue, isrCheckIntervalMs(world), { type: 'isr-check' });
  const ctx = newContext(world);
  scheduleLeaderRebalance(ctx);
  startAllSessions(ctx);
  return world;
}
