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
import { drawIndex, newContext, randomStream } from './simContext';
import { next32 } from './time/random';
import { emptyQueue, schedule } from './time/eventQueue';
import { startLeaderBalance } from './protocol/leaderBalance';
import { startAllSessions } from './protocol/replicationSession';
import { scheduleFirstRetentionCheck } from './protocol/retention';

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

const BASE64_URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A topic id (KIP-516) as Kafka prints a `Uuid`: 16 bytes in URL-safe base64 without padding
 * (22 characters). Kafka draws it at random; here 4 × 32 bits from the `topic-id:<name>` stream.
 */
export function drawTopicId(world: World, name: string): string {
  const stream = randomStream(world, `topic-id:${name}`);
  const bytes: number[] = [];
  for (let i = 0; i < 4; i++) {
    const word = next32(stream) >>> 0;
    bytes.push((word >>> 24) & 255, (word >>> 16) & 255, (word >>> 8) & 255, word & 255);
  }
  let text = '';
  for (let i = 0; i < 16; i += 3) {
    const chunk = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 3 <= 16 ? 4 : 16 - i + 1;
    for (let c = 0; c < chars; c++) text += BASE64_URL[(chunk >> (18 - 6 * c)) & 63];
  }
  return text;
}

/** The topic configs a document's topic sets itself: those that differ from the broker's. */
function documentOverrides(world: World, spec: TopicSpec): string[] {
  const broker = world.settings.cluster.config;
  const inherits: Record<string, keyof typeof broker> = {
    'min.insync.replicas': 'min.insync.replicas', 'unclean.leader.election.enable': 'unclean.leader.election.enable',
    'segment.bytes': 'log.segment.bytes', 'index.interval.bytes': 'log.index.interval.bytes',
    'retention.ms': 'log.retention.ms', 'retention.bytes': 'log.retention.bytes',
  };
  return Object.keys(spec.config).filter((name) => spec.config[name as keyof TopicSpec['config']] !== broker[inherits[name]]).sort();
}

function startPartition(world: World, topic: string, partition: number, replicas: number[]): PartitionState {
  const leaderEpochMode = world.settings.cluster.truncation === 'leader-epoch';
  const p: PartitionState = {
    topic, partition, replicas: [...replicas], leader: replicas[0], leaderEpoch: 0, isr: [...replicas],
    leaderEpochStartOffset: 0,
    lastLeader: replicas[0],
    replicaStates: replicas.map((broker, i) => ({
      broker, log: [], highWatermark: 0, epochCache: leaderEpochMode && i === 0 ? [[0, 0]] : [],
      appliedLeader: replicas[0], appliedEpoch: 0, verifiedUpTo: 0, layout: emptyLayout(0), producers: [], lastFetchedEpoch: null, logStartOffset: 0,
    })),
    followers: [],
  };
  // Every replica is in the ISR: caught up at time 0, a real instant (the Start rule).
  resetFollowerViews(p, 0);
  return p;
}

export function createTopic(world: World, spec: TopicSpec): TopicState {
  const assignment = placement(world, spec);
  return {
    name: spec.name,
    topicId: drawTopicId(world, spec.name),
    config: spec.config,
    overrides: documentOverrides(world, spec),
    markedForDeletion: false,
    createdAtProduced: 0,
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
    cli: [],
  };
  const specs = [...scenario.topics].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  world.topics = specs.map((spec) => createTopic(world, spec));
  schedule(world.queue, isrCheckIntervalMs(world), { type: 'isr-check' });
  scheduleFirstRetentionCheck(world);
  const ctx = newContext(world);
  startLeaderBalance(ctx);
  startAllSessions(ctx);
  return world;
}
