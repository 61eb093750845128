/**
 * `replication: "auto"` on simulated time (docs/scenario-format.md, "Timing"): each follower keeps
 * one fetch in flight per leader broker, covering every partition it follows there (Kafka's
 * `ReplicaFetcherThread`, one per source broker). It sends the first request the instant it starts
 * to follow and the next the instant a response arrives. Messages between brokers take
 * `networkDelayMs` each way.
 *
 * The leader processes a request on arrival (fetch.ts). When it has nothing new for that follower
 * it holds the response (Kafka's `DelayedFetch`, fetch.min.bytes 1) until a record is appended to
 * one of those partitions or `replica.fetch.wait.max.ms` has passed since arrival, and reads the
 * response when it completes. A partition whose leadership moves completes it at once.
 *
 * Lost messages, as the Java network client sees them: a request to a broker whose process is down
 * fails the connection at once (the follower learns it one delay later); anything to or from an
 * isolated broker vanishes, and the follower gives up at `replica.socket.timeout.ms` (30 s). Either
 * way it tries again after `replica.fetch.backoff.ms` (1 s).
 */
import type { FetchPartitionRequest, FetchPartitionResponse, FetchSession, HeldFetch, PartitionState } from '../model/world';
import type { FetchReading } from '../model/reactions';
import { allPartitions, brokerById, findTopic, getPartition, leaderReplica, react, replicaOf, type SimContext } from '../simContext';

/** A partition a message names may have been deleted (a `cli` step) while the message flew. */
function stillExists(ctx: SimContext, r: { topic: string; partition: number }): boolean {
  return findTopic(ctx.world, r.topic)?.partitions[r.partition] !== undefined;
}
import { schedule } from '../time/eventQueue';
import { applyFetchResponse, buildFetchRequest, fetchError, processFetchOnLeader, readForFollower } from './fetch';
import { isCurrentFollower } from './roles';

export const REPLICA_SOCKET_TIMEOUT_MS = 30000;
export const REPLICA_FETCH_BACKOFF_MS = 1000;

function isAuto(ctx: SimContext): boolean {
  return ctx.world.settings.cluster.replication === 'auto';
}

/** Internal topics (`__consumer_offsets`) replicate on their own in `manual` mode too. */
function replicatesOnItsOwn(ctx: SimContext, p: PartitionState): boolean {
  return isAuto(ctx) || p.topic.startsWith('__');
}

function processState(ctx: SimContext, broker: number): string {
  return brokerById(ctx.world, broker)?.state ?? 'crashed';
}

function session(ctx: SimContext, follower: number, leader: number): FetchSession {
  let found = ctx.world.fetchSessions.find((s) => s.follower === follower && s.leader === leader);
  if (!found) {
    found = { follower, leader, requestSeq: 0, inFlight: false, sentAtMs: 0 };
    ctx.world.fetchSessions.push(found);
    ctx.world.fetchSessions.sort((a, b) => a.follower - b.follower || a.leader - b.leader);
  }
  return found;
}

/** The partitions `follower` currently follows on `leader`, in report order. */
function followedPartitions(ctx: SimContext, follower: number, leader: number): PartitionState[] {
  return [...allPartitions(ctx.world)].filter((p) => p.leader === leader && replicatesOnItsOwn(ctx, p) && isCurrentFollower(ctx, p, follower));
}

/** Sends the session's next request now, if the follower still follows anything on that leader. */
export function sendFetch(ctx: SimContext, follower: number, leader: number): void {
  const s = session(ctx, follower, leader);
  s.requestSeq += 1;
  s.inFlight = false;
  if (processState(ctx, follower) !== 'running') return;
  const partitions: FetchPartitionRequest[] = followedPartitions(ctx, follower, leader).map((p) => {
    const replica = replicaOf(p, follower);
    if (!replica) throw new Error('assertion: follower without replica');
    return buildFetchRequest(ctx, p, replica);
  });
  if (partitions.length === 0) return;
  s.inFlight = true;
  s.sentAtMs = ctx.world.timeMs;
  const delay = ctx.world.settings.cluster.networkDelayMs;
  schedule(ctx.world.queue, ctx.world.timeMs + delay, {
    type: 'fetch-arrive', follower, leader, requestSeq: s.requestSeq, sentAtMs: s.sentAtMs, partitions,
  });
  // The network client's request timeout: whatever happens to the request or its response, the
  // follower gives up on it then (a no-op if the response came).
  failLater(ctx, follower, leader, s.requestSeq, s.sentAtMs + REPLICA_SOCKET_TIMEOUT_MS);
}

/** A follower starts following a partition on `leader`: a new session sends at once. */
export function startFollowing(ctx: SimContext, follower: number, leader: number): void {
  if (!isAuto(ctx) && followedPartitions(ctx, follower, leader).length === 0) return;
  const s = session(ctx, follower, leader);
  if (!s.inFlight) sendFetch(ctx, follower, leader);
}

/** At time 0, every follower starts its sessions, in broker-id order. */
export function startAllSessions(ctx: SimContext): void {
  if (!isAuto(ctx)) return;
  const ids = ctx.world.brokers.map((b) => b.id);
  for (const follower of ids) for (const leader of ids) if (follower !== leader) startFollowing(ctx, follower, leader);
}

/** A message was lost: the follower notices (connection refused, or its request timeout). */
function failLater(ctx: SimContext, follower: number, leader: number, requestSeq: number, atMs: number): void {
  schedule(ctx.world.queue, atMs, { type: 'fetch-failed', follower, leader, requestSeq });
}

function reachable(ctx: SimContext, a: number, b: number): boolean {
  return processState(ctx, a) === 'running' && processState(ctx, b) === 'running';
}

function isolationInvolved(ctx: SimContext, a: number, b: number): boolean {
  return processState(ctx, a) === 'isolated' || processState(ctx, b) === 'isolated';
}

export function onFetchArrive(ctx: SimContext, event: { follower: number; leader: number; requestSeq: number; sentAtMs: number; partitions: FetchPartitionRequest[] }): void {
  const { follower, leader, requestSeq } = event;
  if (!reachable(ctx, follower, leader)) {
    // Isolation: the request vanishes (the timeout set at sending fires). A leader whose process
    // is down refuses the connection: the follower learns it one delay later.
    if (!isolationInvolved(ctx, follower, leader) && processState(ctx, follower) === 'running') {
      failLater(ctx, follower, leader, requestSeq, ctx.world.timeMs + ctx.world.settings.cluster.networkDelayMs);
    }
    return;
  }
  react(ctx, { type: 'fetch-read', follower, leader, requestSeq, requests: event.partitions.filter((r) => stillExists(ctx, r)), responses: [] });
}

/**
 * The `fetch-read` reaction: the leader processes the request's next partition (fetch.ts); once
 * what that released has been answered, the next; after the last, `answerFetch`.
 */
export function readFetch(ctx: SimContext, reading: FetchReading): void {
  const { follower, requests, responses } = reading;
  if (responses.length === requests.length) {
    answerFetch(ctx, reading);
    return;
  }
  const request = requests[responses.length];
  responses.push(processFetchOnLeader(ctx, getPartition(ctx.world, request.topic, request.partition), follower, request));
  react(ctx, { type: 'fetch-read', follower, leader: reading.leader, requestSeq: reading.requestSeq, requests, responses });
}

/** The leader answers at once when it has news for the follower, else it holds the response. */
function answerFetch(ctx: SimContext, processed: FetchReading): void {
  const { follower, leader, requestSeq, responses } = processed;
  const hasNews = responses.some((r) => r.records.length > 0 || r.error !== null || r.divergingEpoch !== null);
  if (hasNews) {
    respond(ctx, follower, leader, requestSeq, responses);
    return;
  }
  ctx.world.heldFetches.push({ follower, leader, requestSeq, partitions: processed.requests });
  schedule(ctx.world.queue, ctx.world.timeMs + ctx.world.settings.cluster.config['replica.fetch.wait.max.ms'], {
    type: 'fetch-wait-expire', follower, leader, requestSeq,
  });
}

function respond(ctx: SimContext, follower: number, leader: number, requestSeq: number, partitions: FetchPartitionResponse[]): void {
  for (const r of partitions) {
    ctx.events.push({ type: 'fetch-response', atMs: ctx.world.timeMs, topic: r.topic, partition: r.partition, follower, leader, records: r.records.length, highWatermark: r.highWatermark, dropped: false });
  }
  schedule(ctx.world.queue, ctx.world.timeMs + ctx.world.settings.cluster.networkDelayMs, {
    type: 'fetch-response-arrive', follower, leader, requestSeq, partitions,
  });
}

/** A held response completes: the leader reads it now (records and HW as they are now). */
function completeHeld(ctx: SimContext, held: HeldFetch): void {
  ctx.world.heldFetches = ctx.world.heldFetches.filter((h) => h !== held);
  const responses = held.partitions.filter((r) => stillExists(ctx, r)).map((request): FetchPartitionResponse => {
    const p = getPartition(ctx.world, request.topic, request.partition);
    const leader = leaderReplica(p);
    if (!leader || p.leader !== held.leader || p.leaderEpoch !== request.currentLeaderEpoch) return fetchError(request, 'FENCED_LEADER_EPOCH');
    // Retention may have moved the leader's log start past the fetch offset while it was held.
    return readForFollower(leader, request);
  });
  respond(ctx, held.follower, held.leader, held.requestSeq, responses);
}

export function onFetchWaitExpire(ctx: SimContext, event: { follower: number; leader: number; requestSeq: number }): void {
  const held = ctx.world.heldFetches.find((h) => h.follower === event.follower && h.leader === event.leader && h.requestSeq === event.requestSeq);
  if (held) completeHeld(ctx, held);
}

/** A record was appended on `p`'s leader: held fetches that cover `p` there complete. */
export function recordAppended(ctx: SimContext, p: PartitionState): void {
  completeHeldFor(ctx, p.leader, p);
}

/** Leadership of `p` moved: held fetches for it at its old leader complete at once. */
export function leadershipMoved(ctx: SimContext, p: PartitionState, oldLeader: number | null): void {
  completeHeldFor(ctx, oldLeader, p);
}

function waitsFor(held: HeldFetch, leader: number | null, p: PartitionState): boolean {
  if (held.leader !== leader) return false;
  for (const r of held.partitions) if (r.topic === p.topic && r.partition === p.partition) return true;
  return false;
}

/** Completes the fetches held at `leader` that include `p` (`DelayedOperationPurgatory.checkAndComplete` by key). */
function completeHeldFor(ctx: SimContext, leader: number | null, p: PartitionState): void {
  // Most appends find no fetch held for their partition; the list is copied (completing a fetch
  // removes it) only when one is.
  let any = false;
  for (const held of ctx.world.heldFetches) if (waitsFor(held, leader, p)) { any = true; break; }
  if (!any) return;
  for (const held of [...ctx.world.heldFetches]) if (waitsFor(held, leader, p)) completeHeld(ctx, held);
}

export function onFetchResponseArrive(ctx: SimContext, event: { follower: number; leader: number; requestSeq: number; partitions: FetchPartitionResponse[] }): void {
  const { follower, leader, requestSeq } = event;
  const s = session(ctx, follower, leader);
  if (s.requestSeq !== requestSeq || !s.inFlight) return;
  if (!reachable(ctx, follower, leader)) {
    // Lost on the way (the request timeout fires), or the connection reset by a leader that went down.
    if (!isolationInvolved(ctx, follower, leader) && processState(ctx, follower) === 'running') failLater(ctx, follower, leader, requestSeq, ctx.world.timeMs);
    return;
  }
  for (const response of event.partitions) {
    if (!stillExists(ctx, response)) continue;
    const p = getPartition(ctx.world, response.topic, response.partition);
    const replica = replicaOf(p, follower);
    if (replica) applyFetchResponse(ctx, p, replica, response);
  }
  sendFetch(ctx, follower, leader);
}

export function onFetchFailed(ctx: SimContext, event: { follower: number; leader: number; requestSeq: number }): void {
  const s = session(ctx, event.follower, event.leader);
  if (s.requestSeq !== event.requestSeq || !s.inFlight) return;
  s.inFlight = false;
  schedule(ctx.world.queue, ctx.world.timeMs + REPLICA_FETCH_BACKOFF_MS, { type: 'fetch-send', follower: event.follower, leader: event.leader, requestSeq: s.requestSeq });
}

export function onFetchSend(ctx: SimContext, event: { follower: number; leader: number; requestSeq: number }): void {
  const s = session(ctx, event.follower, event.leader);
  if (s.inFlight || s.requestSeq !== event.requestSeq) return;
  sendFetch(ctx, event.follower, event.leader);
}

/**
 * A broker's process went down: its own sessions end; its held responses are gone, and a follower
 * still up learns of the reset connection one delay later (an isolated one at its request timeout).
 */
export function brokerWentDown(ctx: SimContext, broker: number): void {
  for (const s of ctx.world.fetchSessions) {
    if (s.follower === broker) {
      s.requestSeq += 1;
      s.inFlight = false;
    }
  }
  const delay = ctx.world.settings.cluster.networkDelayMs;
  for (const held of [...ctx.world.heldFetches]) {
    if (held.leader !== broker) continue;
    ctx.world.heldFetches = ctx.world.heldFetches.filter((h) => h !== held);
    if (processState(ctx, held.follower) === 'running') failLater(ctx, held.follower, broker, held.requestSeq, ctx.world.timeMs + delay);
  }
}
