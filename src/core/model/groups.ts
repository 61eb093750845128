/**
 * Consumer groups as plain data (docs/scenario-format.md, "Groups"): the group coordinator's view
 * of each group (Kafka's `GroupMetadata`/`MemberMetadata`) and each consumer client's own state
 * (the Java client's `ConsumerCoordinator`, `SubscriptionState` and poll loop). The group and the
 * member lifecycles are xstate machine snapshots (machines/groupMachine.ts), kept as data.
 */
import type { AssignorName } from '../protocol/groups/assignor';
import type { ConsumerConfig } from './scenario';

export type GroupStateName = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

/** The group machine's snapshot as data: its state and its generation (`generationId`). */
export interface GroupMachineData {
  value: GroupStateName;
  generation: number;
}

/** The member machine's states (the Java client's `MemberState` plus a dead process). */
export type MemberStateName = 'unjoined' | 'joining' | 'stable' | 'dead';

export interface MemberMachineData {
  value: MemberStateName;
  /** The consumer stopped calling poll (a `pause` step). */
  paused: boolean;
  /** A static member (`group.instance.id`). */
  isStatic: boolean;
  /** A rebalance was signalled while paused: the member joins when it polls again. */
  rejoinPending: boolean;
  /** `max.poll.interval.ms` passed without a poll (a static member then stops heartbeating). */
  pollTimedOut: boolean;
}

/** A member as the coordinator knows it (`MemberMetadata`). */
export interface CoordinatorMember {
  memberId: string;
  /** The step's `member` (client.id). */
  member: string;
  instanceId: string | null;
  topics: string[];
  assignor: AssignorName;
  rebalanceTimeoutMs: number;
  sessionTimeoutMs: number;
  /** Its JoinGroup for the current rebalance has arrived (`isAwaitingJoin`). */
  awaitingJoin: boolean;
  /** What the last SyncGroup gave it. */
  assignment: string[];
  /** Its JoinGroup subscription's owned partitions and their generation (sticky assignors' input). */
  owned: string[];
  ownedGeneration: number;
  /** The heartbeat expiration the coordinator has scheduled; `sessionSeq` guards stale timers. */
  sessionDeadlineMs: number | null;
  sessionSeq: number;
}

/** An offset commit appended to `__consumer_offsets`, waiting for the HW (offsets.commit.required.acks -1). */
export interface PendingCommit {
  topicPartition: string;
  offset: number;
  /** The record's offset in the coordinator's partition, and the leader that appended it. */
  recordOffset: number;
  leader: number;
}

export interface GroupState {
  group: string;
  machine: GroupMachineData;
  /** The selected protocol (assignor) of the current generation; null when Empty. */
  protocol: AssignorName | null;
  leaderId: string | null;
  /** In the order they joined (Kafka's member map; the JoinGroup response lists them so). */
  members: CoordinatorMember[];
  /** `GroupMetadata.newMemberAdded`: lets the initial delayed join wait once more. */
  newMemberAdded: boolean;
  /** Identifies the current delayed join (its timer); 0 = none. */
  joinSeq: number;
  /** `InitialDelayedJoin`'s remaining time, or null for an ordinary `DelayedJoin`. */
  initialRemainingMs: number | null;
  /** Committed offsets the coordinator has in its cache, by `topic-partition`. */
  committed: Record<string, number>;
  pendingCommits: PendingCommit[];
  /** The broker that has the group loaded now; null while no broker leads its partition. */
  loadedOn: number | null;
  /** `topic-partition`s whose latest commit went to ZooKeeper (`offsets.storage: zookeeper`), absent if none. */
  zookeeperOffsets?: string[];
}

/** One consumer process (a `subscribe` step's `member`). */
export interface ConsumerState {
  group: string;
  member: string;
  memberId: string | null;
  instanceId: string | null;
  topics: string[];
  assignor: AssignorName;
  config: ConsumerConfig;
  machine: MemberMachineData;
  /** The generation of its current assignment (-1 before the first). */
  generation: number;
  /** The partitions it owns now, in the order SyncGroup gave them. */
  assignment: string[];
  /** Its latest SyncGroup assignment, kept after an eager revocation (the sticky assignor's user data). */
  previousAssignment: string[];
  /** Fetch positions by `topic-partition` (absent: to be looked up from the committed offset). */
  positions: Record<string, number>;
  lastPollMs: number;
  nextAutoCommitMs: number;
  /** When the last JoinGroup/SyncGroup completed: heartbeats go every heartbeat.interval.ms from it. */
  heartbeatBaseMs: number;
  /** Guards its poll, rejoin and poll-timeout timers. */
  pollSeq: number;
  rejoinSeq: number;
  pollTimerAtMs: number | null;
  /** `auto` replication: a fetch held by the leaders since this instant (fetch.max.wait.ms), else null. */
  fetchHeldSinceMs: number | null;
  /** What the held fetch's leaders looked like when it was held (it completes when that changes). */
  heldSignature: string | null;
  /** The process: running, or gone (`kill`, or closed by `leave`). */
  process: 'running' | 'killed' | 'closed';
}

export interface PolledRecordReport {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  value: string;
}

export interface PolledReport {
  step: number;
  group: string;
  member: string;
  records: PolledRecordReport[];
}

/** A polled record as the world keeps it: also which produced record it was (for anomalies). */
export interface PolledRecord extends PolledRecordReport {
  producedStep: number;
  producedIndex: number;
}

export interface PolledEntry extends PolledReport {
  records: PolledRecord[];
}

export interface GroupMemberReport {
  member: string;
  instanceId: string | null;
  assignment: string[];
}

export interface GroupReport {
  group: string;
  state: GroupStateName;
  generation: number;
  assignor: AssignorName | null;
  coordinator: { partition: number; broker: number | null };
  members: GroupMemberReport[];
  committed: Record<string, number>;
}

export type GroupTimedEvent =
  | { type: 'group-join-expire'; group: string; joinSeq: number }
  | { type: 'member-session-expire'; group: string; memberId: string; sessionSeq: number }
  | { type: 'consumer-rejoin'; group: string; member: string; rejoinSeq: number }
  | { type: 'consumer-poll'; group: string; member: string; pollSeq: number }
  | { type: 'consumer-poll-timeout'; group: string; member: string };
