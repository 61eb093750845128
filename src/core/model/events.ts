/**
 * What happened during one step, for the animation layer and the inspector's "last step in
 * words". Events describe; they never drive the simulation (the world is the truth).
 */
import type { GroupStateName } from './groups';

/** Why a log was cut (stable names: the app translates them). */
export type TruncationReason = 'high-watermark' | 'lost-tail' | 'diverging-epoch' | 'offset-out-of-range' | 'below-leader-log-start';

/** Which retention pass deleted segments (protocol/retention.ts), in the order they run. */
export type RetentionReason = 'log-start-offset' | 'retention-bytes' | 'retention-ms';

/** One segment a retention pass deleted: its base offset, size and largest record timestamp. */
export interface DeletedSegment {
  baseOffset: number;
  sizeBytes: number;
  largestTimestampMs: number;
}

export type SimEvent =
  | { type: 'append'; atMs: number; topic: string; partition: number; broker: number; offset: number; leaderEpoch: number; step: number; index: number }
  | { type: 'produce-response'; atMs: number; produced: number; topic: string; partition: number; acked: boolean; error: string | null }
  | { type: 'fetch-request'; atMs: number; topic: string; partition: number; follower: number; leader: number; fetchOffset: number }
  | { type: 'fetch-response'; atMs: number; topic: string; partition: number; follower: number; leader: number; records: number; highWatermark: number; dropped: boolean }
  | { type: 'high-watermark'; atMs: number; topic: string; partition: number; broker: number; from: number; to: number }
  | { type: 'isr-shrink'; atMs: number; topic: string; partition: number; removed: number[]; isr: number[] }
  | { type: 'isr-expand'; atMs: number; topic: string; partition: number; added: number; isr: number[] }
  | { type: 'truncate'; atMs: number; topic: string; partition: number; broker: number; from: number; to: number; reason: TruncationReason }
  | { type: 'segments-deleted'; atMs: number; topic: string; partition: number; broker: number; reason: RetentionReason; segments: DeletedSegment[]; rolled: boolean; sizeBytesBefore: number; logStartOffsetBefore: number; logStartOffset: number; activeBaseOffset: number }
  | { type: 'log-start-offset'; atMs: number; topic: string; partition: number; broker: number; from: number; to: number; leader: number | null }
  | { type: 'offset-reset'; atMs: number; group: string; member: string; topic: string; partition: number; from: number; to: number | null; logStartOffset: number; policy: string }
  | { type: 'broker-state'; atMs: number; broker: number; state: string; fenced: boolean }
  | LeaderChangeEvent
  | { type: 'isr-change'; atMs: number; topic: string; partition: number; isr: number[]; leaderEpoch: number }
  | { type: 'step-error'; atMs: number; broker: number; error: string }
  | { type: 'anomaly'; atMs: number; anomaly: string; topic: string; partition: number; offset: number }
  | { type: 'group-state'; atMs: number; group: string; from: GroupStateName; to: GroupStateName; generation: number }
  | { type: 'group-member'; atMs: number; group: string; member: string; memberId: string; change: GroupMemberChange }
  | { type: 'group-assignment'; atMs: number; group: string; member: string; generation: number; assignment: string[]; revoked: string[] }
  | { type: 'consumer-poll'; atMs: number; group: string; member: string; records: number }
  | { type: 'offset-commit'; atMs: number; group: string; member: string; offsets: Record<string, number>; storage: 'kafka' | 'zookeeper'; error: string | null }
  | { type: 'coordinator-change'; atMs: number; group: string; from: number | null; to: number | null }
  /**
   * A CLI tool changed a group: kafka-consumer-groups.sh `reset-offsets --execute` (the new
   * offsets) or `--delete` (the offsets it removed); kafka-console-consumer.sh read as a member of
   * the group and closed (the offsets it commits on close, or none).
   */
  | { type: 'group-admin'; atMs: number; group: string; action: 'reset-offsets' | 'delete' | 'delete-offsets' | 'console-consumer'; offsets: Record<string, number> };

/**
 * A partition's leader changed (or it lost its leader: `to` null). `cause`: `controller` (an
 * election of its own: fencing, controlled shutdown, registration, a topic's unclean setting
 * turned on in 2.8), `rebalance` (`auto.leader.rebalance.enable` moving leadership back to the
 * preferred replica), `admin` (`kafka-leader-election.sh`, the ElectLeaders API).
 */
export interface LeaderChangeEvent {
  type: 'leader-change';
  atMs: number;
  topic: string;
  partition: number;
  from: number | null;
  to: number | null;
  leaderEpoch: number;
  unclean: boolean;
  cause: 'controller' | 'rebalance' | 'admin';
}

/**
 * How a group's membership changed: `joined` (a new member id), `left` (LeaveGroup), `expired`
 * (no heartbeat for session.timeout.ms), `not-rejoined` (a rebalance completed without it),
 * `replaced` (a static member's new instance took over its id's place), `poll-timeout` (it left
 * after max.poll.interval.ms without a poll).
 */
export type GroupMemberChange = 'joined' | 'left' | 'expired' | 'not-rejoined' | 'replaced' | 'poll-timeout';
