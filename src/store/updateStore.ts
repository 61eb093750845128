/**
 * A new version of the app, waiting (issue 22, "Offline"): the service worker has precached it,
 * and the page goes on with the version it started with until the user chooses to reload, so a
 * running lecture never changes under the instructor.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface UpdateState {
  /** A new version is ready; `apply` reloads into it. */
  waiting: boolean;
  apply: (() => void) | null;
  offer(apply: () => void): void;
  dismiss(): void;
}

export const updateStore = createStore<UpdateState>()((set) => ({
  waiting: false,
  apply: null,
  offer: (apply) => set({ waiting: true, apply }),
  dismiss: () => set({ waiting: false }),
}));

export function useUpdate<T>(selector: (state: UpdateState) => T): T {
  return useStore(updateStore, selector);
}
