import { describe, expect, it } from 'vitest';
import { createSessionStore } from '../store/sessionStore';
import { buildExampleScenario, exampleStepCount } from './exampleScenario';
import { buildLink, encodePayload } from './link';
import { openHash } from './openLink';

const exampleDocument = () => buildExampleScenario((key) => `[${key}]`);

async function open(hash: string) {
  const store = createSessionStore();
  await openHash(hash, { store, exampleDocument });
  return store.getState();
}

describe('openHash', () => {
  it('opens the built-in example without a link, in the given language', async () => {
    const state = await open('');
    expect(state.loadError).toBeNull();
    expect(state.source).toEqual({ kind: 'example' });
    expect(state.position).toBe(0);
    expect(state.total).toBe(exampleStepCount);
    expect(state.scenario?.title).toBe('[example.title]');
    expect(state.scenario?.steps[0].note).toBe('[example.note0]');
    expect(state.scenario?.cluster.replication).toBe('manual');
  });

  it('opens the example at #at=n', async () => {
    expect((await open('#at=3')).position).toBe(3);
  });

  it('opens a #s= link at &at=, clamped to the end', async () => {
    const payload = encodePayload(JSON.stringify(exampleDocument()));
    expect((await open(buildLink(payload, 2)))).toMatchObject({ position: 2, source: { kind: 'link', payload } });
    expect((await open(buildLink(payload, 500))).position).toBe(exampleStepCount);
  });

  it('opens at 0 with a notice when at is not a whole number', async () => {
    const payload = encodePayload(JSON.stringify(exampleDocument()));
    const state = await open(`#s=${payload}&at=two`);
    expect(state.position).toBe(0);
    expect(state.notice).toEqual({ kind: 'at-not-whole', raw: 'two' });
  });

  it('reports a payload that does not decode or parse', async () => {
    const state = await open('#s=garbage');
    expect(state.scenario).toBeNull();
    expect(state.loadError?.kind === 'undecodable' || state.loadError?.kind === 'invalid').toBe(true);
    if (state.loadError?.kind === 'invalid') expect(state.loadError.lines[0]).toMatch(/^\$: /);
  });

  it('reports an invalid scenario with the path lines', async () => {
    const document = { ...exampleDocument(), steps: [{ op: 'fetch', broker: 9 }] };
    const state = await open(buildLink(encodePayload(JSON.stringify(document)), 0));
    expect(state.loadError?.kind).toBe('invalid');
    if (state.loadError?.kind === 'invalid') expect(state.loadError.lines.some((line) => line.startsWith('steps[0].broker: '))).toBe(true);
  });

  it('reports an unknown lesson', async () => {
    expect((await open('#lesson=nope')).loadError).toEqual({ kind: 'unknown-lesson', id: 'nope' });
  });
});

describe('openHash and the parser chunk', () => {
  it('a link whose JSON repeats a key is refused with the key path (the full parser, loaded lazily)', async () => {
    const text = JSON.stringify(exampleDocument()).replace('"title":', '"title":"first","title":');
    const state = await open(buildLink(encodePayload(text), 0));
    expect(state.loadError).toEqual({ kind: 'invalid', lines: ['title: appears more than once in the same object'] });
  });

  it('a link that is not JSON names the line and column', async () => {
    const state = await open(buildLink(encodePayload('{"version": 1,\n  "title": }'), 0));
    expect(state.loadError?.kind).toBe('invalid');
    if (state.loadError?.kind === 'invalid') expect(state.loadError.lines[0]).toMatch(/^\$: not valid JSON \(line 2, column 12/);
  });

  it('only the last of two quick opens is shown', async () => {
    const store = createSessionStore();
    const slow = openHash(buildLink(encodePayload('{"version": 1, "title": }'), 0), { store, exampleDocument });
    const fast = openHash('#at=2', { store, exampleDocument });
    await Promise.all([slow, fast]);
    expect(store.getState().loadError).toBeNull();
    expect(store.getState().position).toBe(2);
  });
});
