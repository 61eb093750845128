/**
 * The mutable context protocol functions work in: a private copy of the world that the current
 * step may change in place, the list of events the step emits, and the reactions waiting for
 * `step.ts`'s loop (model/reactions.ts). Only `step.ts` (and `createWorld`) create one.
 */
import type { SimEvent } from './model/events';
import type { Reaction } from './model/reactions';
import type { BrokerState, PartitionState, ReplicaState, TopicState, World, FollowerView } from './model/world';
import { nextIndex, seedStream, type RandomState } from './time/random';
import type { LayoutConfig } from './protocol/logLayout';

export interface SimContext {
  world: World;
  events: SimEvent[];
  /** How many of `events` the anomaly checks have looked at. */
  eventsChecked?: number;
  /**
   * The producer's sender at work (producerClient.ts): windows to look at next, as producer,
   * broker pairs laid flat (no array per wake-up: a burst of acks=1 records wakes it per record).
   */
  producerWork?: number[];
  producerSending?: boolean;
  /**
   * A controller decision left some partition without its preferred leader: `leaderBalance.ts`
   * looks, once the step or timed event is done, whether a `kraft` balance must be scheduled.
   */
  leadershipImbalanced?: boolean;
  /** What follows from the mechanisms that ran, for `step.ts`'s loop to hand on, in order. */
  reactions: Reaction[];
}

export function newContext(world: World): SimContext {
  return { world, events: [], reactions: [] };
}

/** Queues what follows from a mechanism; `step.ts`'s loop hands it on once the mechanism returns. */
export function react(ctx: SimContext, reaction: Reaction): void {
  ctx.reactions.push(reaction);
}

// The lookups below run on every event of a replay, much of it while V8 still interprets the
// code (a cold jump in the replay worker): plain loops, not `find` with a callback.

export function findTopic(world: World, name: string): TopicState | undefined {
  const topics = world.topics;
  for (let i = 0; i < topics.length; i++) if (topics[i].name === name) return topics[i];
  return undefined;
}

export function brokerById(world: World, id: number | null): BrokerState | undefined {
  const brokers = world.brokers;
  for (let i = 0; i < brokers.length; i++) if (brokers[i].id === id) return brokers[i];
  return undefined;
}

export function getPartition(world: World, topic: string, partition: number): PartitionState {
  const state = findTopic(world, topic)?.partitions[partition];
  if (!state) throw new Error(`assertion: no partition ${topic}-${partition}`);
  return state;
}

export function replicaOf(p: PartitionState, broker: number): ReplicaState | undefined {
  const i = p.replicas.indexOf(broker);
  return i < 0 ? undefined : p.replicaStates[i];
}

export function leaderReplica(p: PartitionState): ReplicaState | undefined {
  return p.leader === null ? undefined : replicaOf(p, p.leader);
}

export function followerView(p: PartitionState, broker: number): FollowerView | undefined {
  const followers = p.followers;
  for (let i = 0; i < followers.length; i++) if (followers[i].broker === broker) return followers[i];
  return undefined;
}

/** The topic's `segment.bytes` and `index.interval.bytes`, for its replicas' log layouts. */
export function layoutConfig(world: World, topic: string): LayoutConfig {
  const state = findTopic(world, topic);
  if (!state) throw new Error(`assertion: unknown topic ${topic}`);
  return { segmentBytes: state.config['segment.bytes'], indexIntervalBytes: state.config['index.interval.bytes'] };
}

/**
 * Every partition of every topic, in report order (topic name, then partition), as a new array
 * (a snapshot: callers may change topics while they walk it). Not a generator: a generator's
 * steps cost several times a loop's. Code that runs after every event (the anomaly checks)
 * walks `world.topics` itself and allocates nothing.
 */
export function allPartitions(world: World): PartitionState[] {
  const all: PartitionState[] = [];
  for (const topic of world.topics) for (const p of topic.partitions) all.push(p);
  return all;
}

/** The named random stream's state (created on first use); draws advance it in place. */
export function randomStream(world: World, stream: string): RandomState {
  let state = world.random[stream];
  if (!state) {
    state = seedStream(world.settings.seed, stream);
    world.random[stream] = state;
  }
  return state;
}

/** Draws an index in [0, n) from the named stream: `toPositive(next32()) % n`. */
export function drawIndex(world: World, stream: string, n: number): number {
  return nextIndex(randomStream(world, stream), n);
}
