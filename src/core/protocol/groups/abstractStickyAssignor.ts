/**
 * `org.apache.kafka.clients.consumer.internals.AbstractStickyAssignor` (Kafka 3.5/3.6, the
 * rack-aware rewrite of KIP-881, used here without racks): the algorithm shared by
 * `StickyAssignor` (stickyAssignor.ts) and `CooperativeStickyAssignor`
 * (cooperativeStickyAssignor.ts). Goals, in order: balance (counts differ by at most one when
 * subscriptions are equal), then keep as many previously owned partitions as possible.
 *
 * - `allSubscriptionsEqual` validates the claimed previous ownership: a partition claimed by two
 *   members of the same generation is owned by neither (`partitionsWithMultiplePreviousOwners`);
 *   between different generations the higher one keeps it.
 * - Equal subscriptions: `ConstrainedAssignmentBuilder` (minQuota/maxQuota; owned partitions kept
 *   up to the quota, the rest dealt round robin to the sorted unfilled members).
 * - Otherwise: `GeneralAssignmentBuilder` (assign each unassigned partition to the member with the
 *   fewest partitions that can take it, then move partitions while that improves the balance,
 *   keeping the result only if its balance score is better).
 *
 * Written from Kafka's algorithm; the HashMap/HashSet iteration orders Kafka depends on are
 * rebuilt with javaHashMap.ts.
 */
import { DEFAULT_GENERATION } from './assignor';
import { javaStringHashMap } from './javaHashMap';
import { PartitionMovements } from './partitionMovements';
import { compareJavaStrings, tpName, type TopicPartition } from './topicPartition';

export interface StickySubscription {
  readonly memberId: string;
  readonly topics: readonly string[];
  /** `memberData(subscription)`: the claimed partitions and their generation. */
  readonly partitions: readonly TopicPartition[];
  readonly generation: number | undefined;
  /** `Subscription.generationId()` (the protocol field, KIP-792); compared on conflicts. */
  readonly protocolGeneration: number | undefined;
}

export interface StickyAssignResult {
  readonly assignment: Map<string, TopicPartition[]>;
  /**
   * `partitionsTransferringOwnership` (tp name → new owner) as the constrained builder records it;
   * `null` after the general builder, which does not track it (the cooperative assignor then
   * computes it from the owned partitions).
   */
  readonly partitionsTransferringOwnership: Map<string, string> | null;
  readonly algorithm: 'constrained' | 'general';
}

/**
 * @param partitionsPerTopic topics with partitions, in the `HashMap` iteration order
 * @param subscriptions the members, in the iteration order of the leader's subscriptions `HashMap`
 */
export function abstractStickyAssign(
  partitionsPerTopic: ReadonlyArray<readonly [string, number]>,
  subscriptions: readonly StickySubscription[],
): StickyAssignResult {
  const allTopics = new Set(partitionsPerTopic.map(([t]) => t));
  const validated = allSubscriptionsEqual(allTopics, subscriptions);
  if (validated.equal) {
    const transferring = new Map<string, string>();
    const assignment = new ConstrainedAssignmentBuilder(partitionsPerTopic, validated, transferring).build();
    return { assignment, partitionsTransferringOwnership: transferring, algorithm: 'constrained' };
  }
  const assignment = new GeneralAssignmentBuilder(partitionsPerTopic, validated, subscriptions).build();
  return { assignment, partitionsTransferringOwnership: null, algorithm: 'general' };
}

interface Validated {
  readonly equal: boolean;
  /** consumerToOwnedPartitions, a HashMap filled in subscription order (so: same Java order). */
  readonly owned: Map<string, TopicPartition[]>;
  readonly order: string[];
  readonly multiplyClaimed: Set<string>;
  readonly maxGeneration: number;
}

function sameTopics(a: readonly string[], b: Set<string>): boolean {
  return new Set(a).size === b.size && a.every((t) => b.has(t));
}

/** `allSubscriptionsEqual`, with the ownership validation it performs on the way. */
function allSubscriptionsEqual(allTopics: Set<string>, subscriptions: readonly StickySubscription[]): Validated {
  let equal = true;
  let subscribedTopics = new Set<string>();
  let maxGeneration = DEFAULT_GENERATION;
  const owned = new Map<string, TopicPartition[]>();
  const previousOwner = new Map<string, string>();
  const multiplyClaimed = new Set<string>();
  const protocolGeneration = new Map(subscriptions.map((s) => [s.memberId, s.protocolGeneration ?? DEFAULT_GENERATION]));
  for (const s of subscriptions) {
    if (subscribedTopics.size === 0) subscribedTopics = new Set(s.topics);
    else if (equal && !sameTopics(s.topics, subscribedTopics)) equal = false;
    const memberGeneration = s.generation ?? DEFAULT_GENERATION;
    maxGeneration = Math.max(maxGeneration, memberGeneration);
    const mine: TopicPartition[] = [];
    owned.set(s.memberId, mine);
    for (const tp of s.partitions) {
      if (!allTopics.has(tp.topic)) continue;
      const other = previousOwner.get(tpName(tp));
      if (other === undefined) {
        mine.push(tp);
        previousOwner.set(tpName(tp), s.memberId);
        continue;
      }
      const otherGeneration = protocolGeneration.get(other) as number;
      if (memberGeneration === otherGeneration) {
        // two members of one generation claim it: neither keeps it
        multiplyClaimed.add(tpName(tp));
        removeFirst(owned.get(other) as TopicPartition[], tp);
        previousOwner.set(tpName(tp), s.memberId);
      } else if (memberGeneration > otherGeneration) {
        mine.push(tp);
        removeFirst(owned.get(other) as TopicPartition[], tp);
        previousOwner.set(tpName(tp), s.memberId);
      }
      // else the other member, of a higher generation, keeps it
    }
  }
  return { equal, owned, order: subscriptions.map((s) => s.memberId), multiplyClaimed, maxGeneration };
}

function removeFirst(list: TopicPartition[], tp: TopicPartition): boolean {
  const i = list.findIndex((x) => x.topic === tp.topic && x.partition === tp.partition);
  if (i < 0) return false;
  list.splice(i, 1);
  return true;
}

class ConstrainedAssignmentBuilder {
  private readonly allRevoked = new Set<string>();
  private readonly underMinQuota: string[] = [];
  private exactlyMinQuota: string[] = [];
  private readonly minQuota: number;
  private readonly maxQuota: number;
  private readonly expectedOverMinQuota: number;
  private currentOverMinQuota = 0;
  private readonly assignment = new Map<string, TopicPartition[]>();
  private readonly assignedPartitions: TopicPartition[] = [];

  constructor(
    private readonly partitionsPerTopic: ReadonlyArray<readonly [string, number]>,
    private readonly validated: Validated,
    private readonly transferring: Map<string, string>,
  ) {
    const total = partitionsPerTopic.reduce((sum, [, n]) => sum + n, 0);
    const consumers = validated.order.length;
    this.minQuota = Math.floor(total / consumers);
    this.maxQuota = Math.ceil(total / consumers);
    this.expectedOverMinQuota = total % consumers;
    for (const c of validated.order) this.assignment.set(c, []);
  }

  build(): Map<string, TopicPartition[]> {
    this.assignOwnedPartitions();
    const unassigned = this.unassignedPartitions();
    this.underMinQuota.sort(compareJavaStrings);
    this.exactlyMinQuota.sort(compareJavaStrings);
    this.assignRoundRobin(unassigned);
    this.verifyUnfilledMembers();
    return this.assignment;
  }

  private assignOwnedPartitions(): void {
    for (const consumer of this.validated.order) {
      // 3.6 keeps the first owned partitions in the member's own order (user data / ConsumerProtocol
      // order); KAFKA-16277 (3.8) sorts them by partition, then topic, first. We model 3.6.
      const owned = (this.validated.owned.get(consumer) as TopicPartition[]).filter((tp) => !this.validated.multiplyClaimed.has(tpName(tp)));
      const mine = this.assignment.get(consumer) as TopicPartition[];
      if (owned.length < this.minQuota) {
        mine.push(...owned);
        this.assignedPartitions.push(...owned);
        this.underMinQuota.push(consumer);
      } else if (owned.length >= this.maxQuota && this.currentOverMinQuota < this.expectedOverMinQuota) {
        this.currentOverMinQuota++;
        if (this.currentOverMinQuota === this.expectedOverMinQuota) this.exactlyMinQuota = [];
        this.keep(mine, owned, this.maxQuota);
      } else {
        this.keep(mine, owned, this.minQuota);
        if (this.currentOverMinQuota < this.expectedOverMinQuota) this.exactlyMinQuota.push(consumer);
      }
    }
  }

  private keep(mine: TopicPartition[], owned: TopicPartition[], quota: number): void {
    mine.push(...owned.slice(0, quota));
    this.assignedPartitions.push(...owned.slice(0, quota));
    for (const tp of owned.slice(quota)) this.allRevoked.add(tpName(tp));
  }

  /** All partitions, topics sorted by name and partitions by number, minus the assigned ones. */
  private unassignedPartitions(): TopicPartition[] {
    const assigned = new Set(this.assignedPartitions.map(tpName));
    const topics = this.partitionsPerTopic.map(([t]) => t).sort(compareJavaStrings);
    const counts = new Map(this.partitionsPerTopic);
    const out: TopicPartition[] = [];
    for (const topic of topics) {
      for (let p = 0; p < (counts.get(topic) as number); p++) {
        if (!assigned.has(`${topic}-${p}`)) out.push({ topic, partition: p });
      }
    }
    return out;
  }

  private assignRoundRobin(unassigned: TopicPartition[]): void {
    // Java's LinkedList iterator over underMinQuota: `cursor` is the index of the next element.
    let cursor = 0;
    for (const tp of unassigned) {
      let consumer: string;
      if (cursor < this.underMinQuota.length) {
        consumer = this.underMinQuota[cursor++];
      } else if (this.underMinQuota.length === 0 && this.exactlyMinQuota.length === 0) {
        throw new Error('No more unfilled consumers to be assigned.');
      } else if (this.underMinQuota.length === 0) {
        consumer = this.exactlyMinQuota.shift() as string;
      } else {
        cursor = 0;
        consumer = this.underMinQuota[cursor++];
      }
      const count = this.assignNewPartition(tp, consumer);
      if (count === this.minQuota) {
        // unfilledConsumerIter.remove(): drops the element `next()` returned last
        this.underMinQuota.splice(cursor - 1, 1);
        cursor--;
        this.exactlyMinQuota.push(consumer);
      } else if (count === this.maxQuota) {
        this.currentOverMinQuota++;
      }
    }
  }

  private assignNewPartition(tp: TopicPartition, consumer: string): number {
    const mine = this.assignment.get(consumer) as TopicPartition[];
    mine.push(tp);
    if (this.allRevoked.has(tpName(tp)) || this.validated.multiplyClaimed.has(tpName(tp))) {
      this.transferring.set(tpName(tp), consumer);
    }
    return mine.length;
  }

  private verifyUnfilledMembers(): void {
    if (this.underMinQuota.length === 0) return;
    if (this.currentOverMinQuota !== this.expectedOverMinQuota) {
      throw new Error("We haven't reached the expected number of members with more than the minQuota partitions, but no more partitions to be assigned");
    }
    for (const member of this.underMinQuota) {
      if ((this.assignment.get(member) as TopicPartition[]).length !== this.minQuota) {
        throw new Error(`Consumer: [${member}] doesn't reach minQuota partitions, and no more partitions to be assigned`);
      }
    }
  }
}

class GeneralAssignmentBuilder {
  private readonly counts: Map<string, number>;
  private readonly totalPartitions: number;
  private readonly topic2AllPotentialConsumers = new Map<string, string[]>();
  private readonly consumer2AllPotentialTopics = new Map<string, string[]>();
  private readonly subscribedTopics = new Map<string, Set<string>>();
  private currentAssignment: Map<string, TopicPartition[]>;
  private currentPartitionConsumer = new Map<string, string>();
  private sortedAllPartitions: TopicPartition[];
  /** The members of Kafka's `TreeSet sortedCurrentSubscriptions` (ordered on demand). */
  private readonly sortedSet = new Set<string>();
  private revocationRequired = false;
  private readonly movements = new PartitionMovements();

  constructor(
    private readonly partitionsPerTopic: ReadonlyArray<readonly [string, number]>,
    private readonly validated: Validated,
    private readonly subscriptions: readonly StickySubscription[],
  ) {
    this.counts = new Map(partitionsPerTopic);
    this.totalPartitions = partitionsPerTopic.reduce((sum, [, n]) => sum + n, 0);
    for (const [topic] of partitionsPerTopic) this.topic2AllPotentialConsumers.set(topic, []);
    this.currentAssignment = new Map();
    for (const c of validated.order) this.currentAssignment.set(c, [...(validated.owned.get(c) as TopicPartition[])]);
    for (const s of subscriptions) {
      const topics = s.topics.filter((t) => this.counts.has(t));
      this.consumer2AllPotentialTopics.set(s.memberId, topics);
      this.subscribedTopics.set(s.memberId, new Set(s.topics));
      for (const t of topics) (this.topic2AllPotentialConsumers.get(t) as string[]).push(s.memberId);
      if (!this.currentAssignment.has(s.memberId)) this.currentAssignment.set(s.memberId, []);
    }
    for (const [c, tps] of this.currentAssignment) for (const tp of tps) this.currentPartitionConsumer.set(tpName(tp), c);
    // TopicComparator: fewer potential consumers first, then by name
    const sortedAllTopics = partitionsPerTopic
      .map(([t]) => t)
      .sort((a, b) => this.potential(a).length - this.potential(b).length || compareJavaStrings(a, b));
    this.sortedAllPartitions = [];
    for (const t of sortedAllTopics) {
      for (let p = 0; p < (this.counts.get(t) as number); p++) this.sortedAllPartitions.push({ topic: t, partition: p });
    }
  }

  private potential(topic: string): string[] {
    return this.topic2AllPotentialConsumers.get(topic) as string[];
  }

  private size(consumer: string): number {
    const list = this.currentAssignment.get(consumer);
    if (!list) throw new Error(`NullPointerException: no current assignment for ${consumer}`);
    return list.length;
  }

  /** SubscriptionComparator: fewer assigned partitions first, then by member id. */
  private sorted(): string[] {
    return [...this.sortedSet].sort((a, b) => this.size(a) - this.size(b) || compareJavaStrings(a, b));
  }

  build(): Map<string, TopicPartition[]> {
    const prevAssignment = this.prepopulateCurrentAssignments();
    const assigned = this.assignOwnedPartitions();
    const assignedSet = new Set(assigned.map(tpName));
    const unassigned = assigned.length === 0 ? this.sortedAllPartitions : this.sortedAllPartitions.filter((tp) => !assignedSet.has(tpName(tp)));
    for (const c of this.currentAssignment.keys()) this.sortedSet.add(c);
    this.balance(prevAssignment, unassigned);
    return this.currentAssignment;
  }

  /** `prepopulateCurrentAssignments`: claims of older generations, the newest of them per partition. */
  private prepopulateCurrentAssignments(): Map<string, { consumer: string; generation: number }> {
    const prev = new Map<string, { consumer: string; generation: number }>();
    const update = (partitions: readonly TopicPartition[], consumer: string, generation: number): void => {
      for (const tp of partitions) {
        const existing = prev.get(tpName(tp));
        if (!existing || generation > existing.generation) prev.set(tpName(tp), { consumer, generation });
      }
    };
    for (const s of this.subscriptions) {
      if (s.generation !== undefined && s.generation < this.validated.maxGeneration) update(s.partitions, s.memberId, s.generation);
      else if (s.generation === undefined && this.validated.maxGeneration > DEFAULT_GENERATION) update(s.partitions, s.memberId, DEFAULT_GENERATION);
    }
    return prev;
  }

  private assignOwnedPartitions(): TopicPartition[] {
    const assigned: TopicPartition[] = [];
    for (const [consumer, partitions] of this.currentAssignment) {
      const subscribed = this.subscribedTopics.get(consumer) as Set<string>;
      const kept: TopicPartition[] = [];
      for (const tp of partitions) {
        if (!this.topic2AllPotentialConsumers.has(tp.topic)) {
          this.currentPartitionConsumer.delete(tpName(tp));
        } else if (!subscribed.has(tp.topic)) {
          this.revocationRequired = true;
        } else {
          kept.push(tp);
          assigned.push(tp);
        }
      }
      this.currentAssignment.set(consumer, kept);
    }
    return assigned;
  }

  private maxAssignmentSize(consumer: string): number {
    const topics = this.consumer2AllPotentialTopics.get(consumer) as string[];
    if (topics.length === this.partitionsPerTopic.length) return this.totalPartitions;
    return topics.reduce((sum, t) => sum + (this.counts.get(t) as number), 0);
  }

  private isBalanced(): boolean {
    const order = this.sorted();
    const min = this.size(order[0]);
    const max = this.size(order[order.length - 1]);
    if (min >= max - 1) return true;
    const owner = new Map<string, string>();
    for (const [c, tps] of this.currentAssignment) for (const tp of tps) owner.set(tpName(tp), c);
    for (const consumer of order) {
      const mine = this.currentAssignment.get(consumer) as TopicPartition[];
      const count = mine.length;
      if (count === this.maxAssignmentSize(consumer)) continue;
      const mineSet = new Set(mine.map(tpName));
      for (const topic of this.consumer2AllPotentialTopics.get(consumer) as string[]) {
        for (let p = 0; p < (this.counts.get(topic) as number); p++) {
          const name = `${topic}-${p}`;
          if (mineSet.has(name)) continue;
          const other = owner.get(name);
          if (other === undefined) throw new Error(`NullPointerException: ${name} has no owner`);
          if (count + 1 < this.size(other)) return false;
        }
      }
    }
    return true;
  }

  private balanceScore(assignment: Map<string, TopicPartition[]>): number {
    const sizes = [...assignment.values()].map((l) => l.length);
    let score = 0;
    for (let i = 0; i < sizes.length; i++) for (let j = i + 1; j < sizes.length; j++) score += Math.abs(sizes[i] - sizes[j]);
    return score;
  }

  private maybeAssignPartition(tp: TopicPartition): boolean {
    for (const consumer of this.sorted()) {
      if ((this.consumer2AllPotentialTopics.get(consumer) as string[]).includes(tp.topic)) {
        (this.currentAssignment.get(consumer) as TopicPartition[]).push(tp);
        this.currentPartitionConsumer.set(tpName(tp), consumer);
        return true;
      }
    }
    return false;
  }

  private canTopicParticipateInReassignment(topic: string): boolean {
    return this.potential(topic).length >= 2;
  }

  private canConsumerParticipateInReassignment(consumer: string): boolean {
    const current = this.currentAssignment.get(consumer) as TopicPartition[];
    if (current.length < this.maxAssignmentSize(consumer)) return true;
    return current.some((tp) => this.canTopicParticipateInReassignment(tp.topic));
  }

  private balance(prev: Map<string, { consumer: string; generation: number }>, unassignedIn: TopicPartition[]): void {
    const order = this.sorted();
    const initializing = this.size(order[order.length - 1]) === 0;
    for (const tp of unassignedIn) {
      if (this.potential(tp.topic).length === 0) continue;
      this.maybeAssignPartition(tp);
    }
    const fixedTopics = new Set([...this.topic2AllPotentialConsumers.keys()].filter((t) => !this.canTopicParticipateInReassignment(t)));
    const aliased = unassignedIn === this.sortedAllPartitions;
    this.sortedAllPartitions = this.sortedAllPartitions.filter((tp) => !fixedTopics.has(tp.topic));
    const unassigned = aliased ? this.sortedAllPartitions : unassignedIn.filter((tp) => !fixedTopics.has(tp.topic));

    const fixedAssignments = new Map<string, TopicPartition[]>();
    for (const consumer of this.consumer2AllPotentialTopics.keys()) {
      if (!this.canConsumerParticipateInReassignment(consumer)) {
        this.sortedSet.delete(consumer);
        fixedAssignments.set(consumer, this.currentAssignment.get(consumer) as TopicPartition[]);
        this.currentAssignment.delete(consumer);
      }
    }
    const preBalance = new Map<string, TopicPartition[]>([...this.currentAssignment].map(([c, l]) => [c, [...l]]));
    const preBalanceOwners = new Map(this.currentPartitionConsumer);

    if (!this.revocationRequired) this.performReassignments(unassigned, prev);
    const reassignmentPerformed = this.performReassignments(this.sortedAllPartitions, prev);

    if (!initializing && reassignmentPerformed && this.balanceScore(this.currentAssignment) >= this.balanceScore(preBalance)) {
      this.currentAssignment = new Map<string, TopicPartition[]>([...preBalance].map(([c, l]) => [c, [...l]]));
      this.currentPartitionConsumer = preBalanceOwners;
    }
    for (const [consumer, list] of fixedAssignments) {
      this.currentAssignment.set(consumer, list);
      this.sortedSet.add(consumer);
    }
  }

  private performReassignments(partitions: readonly TopicPartition[], prev: Map<string, { consumer: string; generation: number }>): boolean {
    let reassignmentPerformed = false;
    let modified: boolean;
    do {
      modified = false;
      for (const tp of partitions) {
        if (this.isBalanced()) break;
        const consumer = this.currentPartitionConsumer.get(tpName(tp));
        if (consumer === undefined) throw new Error(`Expected partition '${tpName(tp)}' to be assigned to a consumer`);
        const previous = prev.get(tpName(tp));
        if (previous && this.size(consumer) > this.size(previous.consumer) + 1) {
          this.reassignPartitionTo(tp, previous.consumer);
          reassignmentPerformed = modified = true;
          continue;
        }
        for (const other of this.potential(tp.topic)) {
          if (this.size(consumer) > this.size(other) + 1) {
            this.reassignPartition(tp);
            reassignmentPerformed = modified = true;
            break;
          }
        }
      }
    } while (modified);
    return reassignmentPerformed;
  }

  private reassignPartition(tp: TopicPartition): void {
    const newConsumer = this.sorted().find((c) => (this.consumer2AllPotentialTopics.get(c) as string[]).includes(tp.topic));
    if (newConsumer === undefined) throw new Error(`no consumer can take ${tpName(tp)}`);
    this.reassignPartitionTo(tp, newConsumer);
  }

  private reassignPartitionTo(tp: TopicPartition, newConsumer: string): void {
    const consumer = this.currentPartitionConsumer.get(tpName(tp)) as string;
    const toMove = this.movements.getTheActualPartitionToBeMoved(tp, consumer, newConsumer);
    this.processPartitionMovement(toMove, newConsumer);
  }

  private processPartitionMovement(tp: TopicPartition, newConsumer: string): void {
    const oldConsumer = this.currentPartitionConsumer.get(tpName(tp)) as string;
    this.movements.movePartition(tp, oldConsumer, newConsumer);
    removeFirst(this.currentAssignment.get(oldConsumer) as TopicPartition[], tp);
    (this.currentAssignment.get(newConsumer) as TopicPartition[]).push(tp);
    this.currentPartitionConsumer.set(tpName(tp), newConsumer);
  }
}

/** `CollectionUtils.groupPartitionsByTopic`: a HashMap topic → partitions, in its Java order. */
export function groupPartitionsByTopic(partitions: readonly TopicPartition[]): TopicPartition[] {
  const byTopic = javaStringHashMap<TopicPartition[]>();
  for (const tp of partitions) {
    const list = byTopic.get(tp.topic);
    if (list) list.push(tp);
    else byTopic.set(tp.topic, [tp]);
  }
  return [...byTopic.entries()].flatMap(([, list]) => list);
}
