import { describe, expect, it } from 'vitest';
import { createSessionStore } from '../store/sessionStore';
import { buildExampleScenario, exampleStepCount } from './exampleScenario';
import { buildLink, encodePayload } from './link';
import { openHash } from './openLink';

const exampleDocument = () => buildExampleScenario((key) => `[${key}]`);

function open(hash: string) {
  const store = createSessionStore();
  openHash(hash, { store, exampleDocument });
  return store.getState();
}

describe('openHash', () => {
  it('opens the built-in example without a link, in the given language', () => {
    const state = open('');
    expect(state.loadError).toBeNull();
    expect(state.source).toEqual({ kind: 'example' });
    expect(state.position).toBe(0);
    expect(state.total).toBe(exampleStepCount);
    expect(state.scenario?.title).toBe('[example.title]');
    expect(state.scenario?.steps[0].note).toBe('[example.note0]');
    expect(state.scenario?.cluster.replication).toBe('manual');
  });

  it('opens the example at #at=n', () => {
    expect(open('#at=3').position).toBe(3);
  });

  it('opens a #s= link at &at=, clamped to the end', () => {
    const payload = encodePayload(JSON.stringify(exampleDocument()));
    expect(open(buildLink(payload, 2))).toMatchObject({ position: 2, source: { kind: 'link', payload } });
    expect(open(buildLink(payload, 500)).position).toBe(exampleStepCount);
  });

  it('opens at 0 with a notice when at is not a whole number', () => {
    const payload = encodePayload(JSON.stringify(exampleDocument()));
    const state = open(`#s=${payload}&at=two`);
    expect(state.position).toBe(0);
    expect(state.notice).toEqual({ kind: 'at-not-whole', raw: 'two' });
  });

  it('reports a payload that does not decode or parse', () => {
    const state = open('#s=garbage');
    expect(state.scenario).toBeNull();
    expect(state.loadError?.kind === 'undecodable' || state.loadError?.kind === 'invalid').toBe(true);
    if (state.loadError?.kind === 'invalid') expect(state.loadError.lines[0]).toMatch(/^\$: /);
  });

  it('reports an invalid scenario with the path lines', () => {
    const document = { ...exampleDocument(), steps: [{ op: 'fetch', broker: 9 }] };
    const state = open(buildLink(encodePayload(JSON.stringify(document)), 0));
    expect(state.loadError?.kind).toBe('invalid');
    if (state.loadError?.kind === 'invalid') expect(state.loadError.lines.some((line) => line.startsWith('steps[0].broker: '))).toBe(true);
  });

  it('reports an unknown lesson', () => {
    expect(open('#lesson=nope').loadError).toEqual({ kind: 'unknown-lesson', id: 'nope' });
  });
});
