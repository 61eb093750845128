/**
 * The failure steps (docs/scenario-format.md, "Steps" and "Restart"): crash (with `lostTail`),
 * restart, controlled shutdown, isolate, heal. The process state moves through the broker
 * machine; what the controller does follows from what it can know (controller.ts).
 */
import { brokerMachines } from '../features';
import type { BrokerProcessState } from '../model/report';
import type { BrokerProcessAction } from '../machines/brokerMachines';
import { allPartitions, replicaOf, type SimContext } from '../simContext';
import { brokerState, controlledShutdown, loseContact, regainContact, registerBroker } from './controller';
import { applyMetadata } from './leadership';
import { dropDelayedProduces } from './produce';
import { brokerWentDown, startFollowing } from './replicationSession';
import { recoverAfterCrash } from './truncation';
import { reopenLayout } from './logLayout';

function moveTo(ctx: SimContext, broker: number, next: BrokerProcessState): void {
  const state = brokerState(ctx, broker);
  state.state = next;
  ctx.events.push({ type: 'broker-state', atMs: ctx.world.timeMs, broker, state: next, fenced: state.fenced });
}

/**
 * Hard failure: the process stops at once. `lostTail` drops the last n records of each of its
 * logs (they were only in the page cache), clamping HWs and epoch caches as log recovery does.
 * The controller notices only when the session times out.
 */
export function crash(ctx: SimContext, broker: number, lostTail: number): void {
  const state = brokerState(ctx, broker);
  const next = brokerMachines().advanceProcess(state.state, { type: 'CRASH' }).state;
  if (next === state.state) return;
  moveTo(ctx, broker, next);
  dropDelayedProduces(ctx, broker);
  brokerWentDown(ctx, broker);
  for (const p of allPartitions(ctx.world)) {
    const replica = replicaOf(p, broker);
    if (!replica) continue;
    recoverAfterCrash(ctx, p, replica, lostTail);
    replica.appliedEpoch = -1; // the new process will start from scratch
  }
  loseContact(ctx, broker);
}

/**
 * The process starts again. The broker machine decides (brokerMachines.ts, guarded on the era and
 * on whether the controller has fenced the old incarnation): it registers at once after a fencing
 * or a controlled shutdown; before it, KRaft refuses the registration (DUPLICATE_BROKER_REGISTRATION)
 * and the broker waits `restarting`, while Kafka 2.8 exits on start-up because /brokers/ids/<id>
 * still exists (NODE_EXISTS, a step error). This function carries out the actions it returns.
 */
export function restart(ctx: SimContext, broker: number, stepIndex: number): void {
  const state = brokerState(ctx, broker);
  const { state: next, actions } = brokerMachines().advanceProcess(state.state, {
    type: 'RESTART', metadata: ctx.world.settings.cluster.metadata, oldSessionGone: state.fenced,
  });
  if (next !== state.state) moveTo(ctx, broker, next);
  runProcessActions(ctx, broker, actions, stepIndex);
}

/**
 * The controller fenced the old incarnation. KRaft: a restarted broker was refused
 * (DUPLICATE_BROKER_REGISTRATION) until now; it registers right after the fencing (a
 * simplification of Kafka's retry with backoff).
 */
export function oldSessionExpired(ctx: SimContext, broker: number): void {
  const state = brokerState(ctx, broker);
  const { state: next, actions } = brokerMachines().advanceProcess(state.state, { type: 'OLD_SESSION_EXPIRED' });
  if (next === state.state) return;
  state.state = next; // registerBroker reports the broker's new state with its fencing
  runProcessActions(ctx, broker, actions, null);
}

/** Carries out what a broker-process transition returned (in the order it lists them). */
export function runProcessActions(ctx: SimContext, broker: number, actions: readonly BrokerProcessAction[], stepIndex: number | null): void {
  for (const action of actions) {
    switch (action) {
      case 'reopenSegments':
        for (const p of allPartitions(ctx.world)) { const r = replicaOf(p, broker); if (r) reopenLayout(r.layout); }
        break;
      case 'register':
        registerBroker(ctx, broker);
        break;
      case 'refuseNodeExists': {
        const message = `broker ${broker} cannot register: /brokers/ids/${broker} still exists`;
        ctx.world.stepErrors.push({ step: stepIndex ?? -1, error: 'NODE_EXISTS', message });
        ctx.events.push({ type: 'step-error', atMs: ctx.world.timeMs, broker, error: 'NODE_EXISTS' });
        break;
      }
      default: {
        const unreachable: never = action;
        throw new Error(`unknown broker action ${String(unreachable)}`);
      }
    }
  }
}

/**
 * Controlled shutdown: leadership moves away at once, the broker leaves the ISRs, then stops. A
 * `restarting` broker just stops. An isolated one cannot reach the controller: it stops, and the
 * controller learns of it only when its session times out.
 */
export function shutdown(ctx: SimContext, broker: number): void {
  const state = brokerState(ctx, broker);
  const before = state.state;
  const next = brokerMachines().advanceProcess(before, { type: 'SHUTDOWN' }).state;
  if (next === before) return;
  if (before === 'running') controlledShutdown(ctx, broker);
  moveTo(ctx, broker, next);
  brokerWentDown(ctx, broker);
  for (const p of allPartitions(ctx.world)) {
    const replica = replicaOf(p, broker);
    if (replica) replica.appliedEpoch = -1;
  }
  if (before === 'running') regainContact(ctx, broker);
}

export function isolate(ctx: SimContext, broker: number): void {
  const state = brokerState(ctx, broker);
  const next = brokerMachines().advanceProcess(state.state, { type: 'ISOLATE' }).state;
  if (next === state.state) return;
  moveTo(ctx, broker, next);
  loseContact(ctx, broker);
}

/** All network partitions end. A fenced broker registers again; an unfenced one catches up. */
export function heal(ctx: SimContext): void {
  for (const state of ctx.world.brokers) {
    if (state.state !== 'isolated') continue;
    moveTo(ctx, state.id, brokerMachines().advanceProcess(state.state, { type: 'HEAL' }).state);
    if (state.fenced) {
      for (const p of allPartitions(ctx.world)) {
        const replica = replicaOf(p, state.id);
        if (replica) replica.appliedEpoch = -1; // it re-registers like a restarted broker
      }
      registerBroker(ctx, state.id);
    } else {
      regainContact(ctx, state.id);
      applyMetadata(ctx, state.id);
      // A fetcher that gave up while cut off starts again now.
      for (const p of allPartitions(ctx.world)) {
        if (p.leader !== null && p.leader !== state.id && p.replicas.includes(state.id)) startFollowing(ctx, state.id, p.leader);
      }
    }
  }
}
