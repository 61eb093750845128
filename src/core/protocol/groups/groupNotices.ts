/**
 * What the group coordinator tells members (responses and heartbeat answers), as plain data the
 * consumer clients act on (consumerClient.ts), so the coordinator never calls the client.
 */
export type GroupNotice =
  /** A heartbeat will answer REBALANCE_IN_PROGRESS: the member rejoins. */
  | { kind: 'rebalance'; group: string; memberId: string }
  /** SyncGroup's answer (or a JoinGroup answered with the current assignment). */
  | { kind: 'assigned'; group: string; memberId: string; generation: number; assignment: string[]; revoked: string[] }
  /** The member is no longer known (UNKNOWN_MEMBER_ID on its next request). */
  | { kind: 'removed'; group: string; memberId: string }
  /** A static member's old instance: FENCED_INSTANCE_ID. */
  | { kind: 'fenced'; group: string; memberId: string }
  /** A new coordinator loaded the group: members find it and go on. */
  | { kind: 'coordinator-loaded'; group: string; memberId: string };

export type GroupNoticeSink = GroupNotice[];
