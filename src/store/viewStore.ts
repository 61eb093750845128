/**
 * The view slice (zustand): what the user selected for the inspector, and which dialog is open.
 * No Kafka here: selections name brokers and partitions, nothing more.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export type Selection =
  | { kind: 'broker'; broker: number }
  | { kind: 'partition'; topic: string; partition: number };

export type Dialog = 'new-scenario' | 'about' | 'saved-sessions';

export interface ViewState {
  /** The inspector's subject; null = the first partition. */
  selection: Selection | null;
  dialog: Dialog | null;
  select(selection: Selection | null): void;
  openDialog(dialog: Dialog): void;
  closeDialog(): void;
}

export function createViewStore() {
  return createStore<ViewState>()((set) => ({
    selection: null,
    dialog: null,
    select: (selection) => set({ selection }),
    openDialog: (dialog) => set({ dialog }),
    closeDialog: () => set({ dialog: null }),
  }));
}

export const viewStore = createViewStore();

export function useView<T>(selector: (state: ViewState) => T): T {
  return useStore(viewStore, selector);
}

export function viewActions(): ViewState {
  return viewStore.getState();
}
