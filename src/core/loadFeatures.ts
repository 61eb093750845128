/**
 * Brings the optional mechanisms a scenario needs (core/features.ts) as lazy chunks: consumer
 * groups for a scenario with group steps, the command-line tools for one with `cli` steps, the
 * brokers' lifecycle machines for one that crashes, restarts, stops, isolates or heals a broker.
 */
import type { BrokerStep, CrashStep, GroupStep, HealStep, Step } from './model/scenario';
import { isInstalled, type FeatureName } from './features';

// A record, so that a new group op that is not listed here fails the typecheck.
const GROUP_OPS: Record<GroupStep['op'], true> = { subscribe: true, leave: true, poll: true, commit: true, kill: true, pause: true, resume: true };
const isGroupOp = (op: string) => Object.hasOwn(GROUP_OPS, op);
const LIFECYCLE_OPS: Record<(CrashStep | BrokerStep | HealStep)['op'], true> = { crash: true, restart: true, shutdown: true, isolate: true, heal: true };
const isLifecycleOp = (op: string) => Object.hasOwn(LIFECYCLE_OPS, op);

/** The mechanisms `steps` need that are not installed yet. */
export function missingFeatures(steps: readonly Pick<Step, 'op'>[]): FeatureName[] {
  const missing: FeatureName[] = [];
  if (!isInstalled('groups') && steps.some((s) => isGroupOp(s.op))) missing.push('groups');
  if (!isInstalled('cli') && steps.some((s) => s.op === 'cli')) missing.push('cli');
  if (!isInstalled('brokerMachines') && steps.some((s) => isLifecycleOp(s.op))) missing.push('brokerMachines');
  return missing;
}

export async function loadFeatures(names: readonly FeatureName[]): Promise<void> {
  const chunks: Record<FeatureName, () => Promise<unknown>> = {
    groups: () => import('./protocol/groups/install'),
    cli: () => import('./cli/install'),
    brokerMachines: () => import('./machines/install'),
  };
  await Promise.all(names.map((name) => chunks[name]()));
}
