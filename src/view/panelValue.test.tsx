// @vitest-environment jsdom
/**
 * usePanelValue (panelValue.ts): after a step or a jump a panel renders the old value first,
 * with the picture, and the new one in a later render; while playing, the new one at once.
 */
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { longSteps, manualScenario } from '../session/testScenario';
import { createSessionStore, SessionContext, useSession, type SessionStore } from '../store/sessionStore';
import { usePanelValue } from './panelValue';

afterEach(cleanup);

function loaded(): SessionStore {
  const store = createSessionStore({ replayClient: null });
  store.getState().load({ kind: 'example' }, manualScenario(longSteps(12)), 0);
  return store;
}

/** Records, for each render, the position the picture shows and the one the panel shows. */
function Panel({ seen }: { seen: [number, number][] }) {
  const position = useSession((s) => s.position);
  const shown = usePanelValue(position);
  seen.push([position, shown]);
  return null;
}

function renderPanel(store: SessionStore): [number, number][] {
  const seen: [number, number][] = [];
  render(<SessionContext.Provider value={store}><Panel seen={seen} /></SessionContext.Provider>);
  return seen;
}

describe('usePanelValue', () => {
  it('after a jump, shows the old position while the picture shows the new one, then the new one', () => {
    const store = loaded();
    const seen = renderPanel(store);
    seen.length = 0;
    act(() => store.getState().seek(5));
    expect(seen[0]).toEqual([5, 0]);
    expect(seen.at(-1)).toEqual([5, 5]);
  });

  it('while playing, shows each new position in the same render as the picture', () => {
    const store = loaded();
    act(() => store.setState({ playing: true }));
    const seen = renderPanel(store);
    seen.length = 0;
    act(() => store.getState().seek(1));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every(([picture, panel]) => picture === panel)).toBe(true);
    expect(seen.at(-1)).toEqual([1, 1]);
  });
});
