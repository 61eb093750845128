/**
 * The split view's `&vs=` (ui-contract.md, "Split view"), as the last link opened said it: null
 * for one pane. Kept apart from the session (a load resets the session's state; the split stays
 * with the address) and written back by the address bar.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export const splitStore = createStore<{ vs: string | null }>()(() => ({ vs: null }));

export function useSplit(): string | null {
  return useStore(splitStore, (s) => s.vs);
}
