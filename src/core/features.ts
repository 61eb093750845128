/**
 * The simulator's optional mechanisms, installed by the code that brings them: consumer groups
 * (protocol/groups), the command-line tools (cli) and the brokers' lifecycle machines
 * (machines/brokerMachines.ts, with xstate: a step that crashes, restarts, stops, isolates or
 * heals a broker is the first to need them). The core calls them through this registry
 * so that the browser loads each one only when a scenario needs it (the first page stays within
 * its size budget); `loadFeatures.ts` brings them, `allFeatures.ts` installs both at once for
 * Node (the runner, the swarm, the tests).
 *
 * A step or event that needs a mechanism not installed is a programming error (the session loads
 * what a scenario needs before it runs it), so it throws, naming what is missing.
 */
import type { BrokerProcessEvent, ControllerViewEvent, ProcessTransition } from './machines/brokerMachines';
import type { GroupTimedEvent } from './model/groups';
import type { BrokerProcessState } from './model/report';
import type { CliStep, GroupStep } from './model/scenario';
import type { SimContext } from './simContext';

export interface GroupsFeature {
  groupStep(ctx: SimContext, step: GroupStep): void;
  onGroupTimer(ctx: SimContext, event: GroupTimedEvent): void;
  settleGroups(ctx: SimContext): void;
}

export interface CliFeature {
  cliStep(ctx: SimContext, step: CliStep, stepIndex: number): void;
}

export interface BrokerMachinesFeature {
  advanceProcess(state: BrokerProcessState, event: BrokerProcessEvent): ProcessTransition;
  advanceControllerView(fenced: boolean, event: ControllerViewEvent): boolean;
}

export type FeatureName = 'groups' | 'cli' | 'brokerMachines';

const installed: { groups: GroupsFeature | null; cli: CliFeature | null; brokerMachines: BrokerMachinesFeature | null } = {
  groups: null, cli: null, brokerMachines: null,
};

export function installGroups(feature: GroupsFeature): void {
  installed.groups = feature;
}

export function installCli(feature: CliFeature): void {
  installed.cli = feature;
}

export function installBrokerMachines(feature: BrokerMachinesFeature): void {
  installed.brokerMachines = feature;
}

export function isInstalled(name: FeatureName): boolean {
  return installed[name] !== null;
}

const FEATURE_WORDS: Record<FeatureName, string> = { groups: 'consumer groups', cli: 'command-line tools', brokerMachines: 'broker lifecycle machines' };

export class FeatureNotInstalled extends Error {
  constructor(readonly feature: FeatureName) {
    super(`the simulator's ${FEATURE_WORDS[feature]} were not loaded before a step that needs them`);
  }
}

export function groupsFeature(): GroupsFeature {
  if (!installed.groups) throw new FeatureNotInstalled('groups');
  return installed.groups;
}

export function cliFeature(): CliFeature {
  if (!installed.cli) throw new FeatureNotInstalled('cli');
  return installed.cli;
}

export function brokerMachines(): BrokerMachinesFeature {
  if (!installed.brokerMachines) throw new FeatureNotInstalled('brokerMachines');
  return installed.brokerMachines;
}

/** `settleGroups` when there can be groups: a world without any needs no groups code. */
export function settleGroupsIfAny(ctx: SimContext): void {
  if (ctx.world.groups.groups.length === 0) return;
  groupsFeature().settleGroups(ctx);
}
