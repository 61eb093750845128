/**
 * The consumer controls' pure side (issue 18): which consumer processes exist at the cursor, what
 * a student may do with each, and the document steps those actions become (the shared
 * scenario-format.md, "Steps": `subscribe`, `poll`, `commit`, `pause`, `resume`, `leave`,
 * `kill`). The simulator decides what the steps do; this only follows the document's static
 * validation (a step names only members that subscribed earlier, and a running member's name is
 * taken) so that the app never appends a step the validator would refuse.
 */
import type { AssignorName } from '../../core/protocol/groups/assignor';
import type { ConsumerState } from '../../core/model/groups';
import type { DocumentStep } from '../../session/scenarioEdit';

export const ASSIGNORS: readonly AssignorName[] = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'];

export type MemberOp = 'poll' | 'commit' | 'pause' | 'resume' | 'leave' | 'kill';

/** One consumer process as the controls see it: the latest of its name in its group. */
export interface ConsumerView {
  group: string;
  member: string;
  process: ConsumerState['process'];
  paused: boolean;
  /** When a paused member's max.poll.interval.ms runs out: its last poll + the interval (null otherwise). */
  pollTimeoutAtMs: number | null;
  /** It left the group after max.poll.interval.ms while paused (resume rejoins). */
  pollTimedOut: boolean;
  /** A static member (`group.instance.id`): when its poll interval runs out it stops heartbeating instead of leaving. */
  isStatic: boolean;
}

/** The latest process of each (group, member), in the order they first subscribed. */
export function consumerViews(consumers: readonly ConsumerState[]): ConsumerView[] {
  const byName = new Map<string, ConsumerView>();
  for (const c of consumers) {
    byName.set(JSON.stringify([c.group, c.member]), {
      group: c.group, member: c.member, process: c.process, paused: c.machine.paused,
      // The rule the poll timer checks when it fires (the timer itself may be armed earlier and re-armed).
      pollTimeoutAtMs: c.machine.paused && !c.machine.pollTimedOut ? c.lastPollMs + c.config['max.poll.interval.ms'] : null,
      pollTimedOut: c.machine.pollTimedOut, isStatic: c.instanceId !== null,
    });
  }
  return [...byName.values()];
}

/**
 * What a student may do with a consumer: a running one polls, commits, stalls, leaves or dies; a
 * stalled one resumes, leaves or dies (it calls neither poll nor commit while stalled); one that
 * left or was killed does nothing until a new `subscribe` of its name.
 */
export function memberActions(c: ConsumerView): MemberOp[] {
  if (c.process !== 'running') return [];
  return c.paused ? ['resume', 'leave', 'kill'] : ['poll', 'commit', 'pause', 'leave', 'kill'];
}

/** `c1`, `c2`, …: the first name no consumer of `group` has ever used. */
export function suggestMemberName(consumers: readonly ConsumerView[], group: string): string {
  const used = new Set(consumers.filter((c) => c.group === group).map((c) => c.member));
  for (let n = 1; ; n++) if (!used.has(`c${n}`)) return `c${n}`;
}

/** The group the form starts with: the first existing one, else `demo-group`. */
export function defaultGroup(groups: readonly string[]): string {
  return groups[0] ?? 'demo-group';
}

export interface SubscribeInput {
  group: string;
  member: string;
  topics: string[];
  assignor: AssignorName;
}

export type SubscribeProblem = 'groupEmpty' | 'memberEmpty' | 'noTopics' | 'memberRunning';

/**
 * Why the form refuses, or null: an empty group id (JoinGroup's INVALID_GROUP_ID) or member name
 * (the consumer's client.id), no topic, or a name a running consumer of the group already has.
 */
export function subscribeProblem(input: SubscribeInput, consumers: readonly ConsumerView[]): SubscribeProblem | null {
  if (input.group.trim() === '') return 'groupEmpty';
  if (input.member.trim() === '') return 'memberEmpty';
  if (input.topics.length === 0) return 'noTopics';
  if (consumers.some((c) => c.group === input.group.trim() && c.member === input.member.trim() && c.process === 'running')) return 'memberRunning';
  return null;
}

export function subscribeStep(input: SubscribeInput): DocumentStep {
  return { op: 'subscribe', group: input.group.trim(), member: input.member.trim(), topics: [...input.topics], assignor: input.assignor };
}

/** A member step, or null when no consumer of that name subscribed earlier (the validator would refuse it). */
export function memberStep(op: MemberOp, group: string, member: string, consumers: readonly ConsumerView[]): DocumentStep | null {
  return consumers.some((c) => c.group === group && c.member === member) ? { op, group, member } : null;
}
