/**
 * The optional mechanisms (core/features.ts) as the browser meets them: fresh modules (the setup
 * file installs everything, so these tests start from a reset module registry), nothing
 * installed, each brought by `loadFeatures` exactly for the steps that need it.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Features = typeof import('./features');
type Loader = typeof import('./loadFeatures');
type StepModule = typeof import('./step');
type Cluster = typeof import('./cluster');
type Validate = typeof import('./scenario/validateScenario');

let features: Features;
let loader: Loader;
let stepModule: StepModule;
let cluster: Cluster;
let validate: Validate;

beforeEach(async () => {
  vi.resetModules();
  features = await import('./features');
  loader = await import('./loadFeatures');
  stepModule = await import('./step');
  cluster = await import('./cluster');
  validate = await import('./scenario/validateScenario');
});

describe('missingFeatures', () => {
  it('names nothing for produce, fetch and run steps', () => {
    expect(loader.missingFeatures([{ op: 'produce' }, { op: 'fetch' }, { op: 'run' }])).toEqual([]);
  });

  it('names each mechanism once, for the steps that need it', () => {
    expect(loader.missingFeatures([{ op: 'crash' }, { op: 'restart' }])).toEqual(['brokerMachines']);
    expect(loader.missingFeatures([{ op: 'heal' }])).toEqual(['brokerMachines']);
    expect(loader.missingFeatures([{ op: 'poll' }, { op: 'cli' }, { op: 'subscribe' }])).toEqual(['groups', 'cli']);
  });

  it('names nothing once loaded', async () => {
    await loader.loadFeatures(['groups', 'cli', 'brokerMachines']);
    expect(loader.missingFeatures([{ op: 'crash' }, { op: 'poll' }, { op: 'cli' }])).toEqual([]);
    expect(features.isInstalled('groups') && features.isInstalled('cli') && features.isInstalled('brokerMachines')).toBe(true);
  });
});

describe('the command-line tools bring the groups with them', () => {
  it('a console consumer with a group creates that group, so loading the CLI installs the groups too', async () => {
    await loader.loadFeatures(['cli']);
    expect(features.isInstalled('groups')).toBe(true);
    const parsed = validate.validateScenarioDocument({
      version: 1, cluster: { brokers: 3, config: { 'offsets.topic.num.partitions': 3 } }, topics: [{ name: 'orders', assignment: [[1, 2, 3]] }],
      steps: [{ op: 'cli', command: 'kafka-console-consumer.sh --bootstrap-server b:9092 --topic orders --group g' }, { op: 'run', ms: 100 }],
    });
    if (!parsed.ok) throw new Error('invalid');
    const w = cluster.createWorld(parsed.scenario);
    parsed.scenario.steps.forEach((s, i) => stepModule.applyStep(w, s, i));
    expect(w.groups.groups.map((g) => g.group)).toEqual(['g']);
  });
});

describe('a step whose mechanism is not loaded', () => {
  const world = () => {
    const parsed = validate.validateScenarioDocument({
      version: 1, title: 't', cluster: { brokers: 3, replication: 'manual' }, topics: [{ name: 'orders', assignment: [[1, 2, 3]] }], steps: [],
    });
    if (!parsed.ok) throw new Error('invalid');
    return cluster.createWorld(parsed.scenario);
  };

  it('throws, naming it, instead of doing something else', () => {
    expect(() => stepModule.applyStep(world(), { op: 'crash', broker: 1, lostTail: 0 } as never, 0)).toThrow(features.FeatureNotInstalled);
    expect(() => stepModule.applyStep(world(), { op: 'crash', broker: 1, lostTail: 0 } as never, 0)).toThrow(/broker lifecycle machines/);
  });

  it('runs once loaded: the leader crashes', async () => {
    await loader.loadFeatures(['brokerMachines']);
    const w = world();
    stepModule.applyStep(w, { op: 'crash', broker: 1, lostTail: 0 } as never, 0);
    expect(w.brokers.find((b) => b.id === 1)?.state).toBe('crashed');
  });
});

describe('the session store brings what a scenario needs before it shows it', () => {
  it('a scenario that crashes a broker is shown once the machines are loaded; a later load wins', async () => {
    const { createSessionStore } = await import('../store/sessionStore');
    const document = {
      version: 1, title: 'crash', cluster: { brokers: 3, replication: 'manual' }, topics: [{ name: 'orders', assignment: [[1, 2, 3]] }],
      steps: [{ op: 'crash', broker: 1 }],
    };
    const parsed = (await import('./scenario/validateScenario')).validateScenarioDocument(document);
    if (!parsed.ok) throw new Error('invalid');
    const store = createSessionStore();
    store.getState().load({ kind: 'edited' }, parsed.scenario, 1);
    expect(store.getState().scenario).toBeNull();
    await vi.waitFor(() => expect(store.getState().scenario).not.toBeNull());
    expect(store.getState().position).toBe(1);
    expect(store.getState().world?.brokers.find((b) => b.id === 1)?.state).toBe('crashed');
  });

  it('a failure that comes while the chunk loads is not overridden by it', async () => {
    const { createSessionStore } = await import('../store/sessionStore');
    const parsed = (await import('./scenario/validateScenario')).validateScenarioDocument({
      version: 1, title: 'poll', cluster: { brokers: 3, replication: 'manual' }, topics: [{ name: 'orders', assignment: [[1, 2, 3]] }],
      steps: [{ op: 'subscribe', group: 'g', member: 'm1', topics: ['orders'] }],
    });
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
    const store = createSessionStore();
    store.getState().load({ kind: 'edited' }, parsed.scenario, 0);
    store.getState().fail({ kind: 'undecodable' });
    await loader.loadFeatures(['groups']);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.getState().loadError).toEqual({ kind: 'undecodable' });
    expect(store.getState().scenario).toBeNull();
  });
});
