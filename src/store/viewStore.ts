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

/** The About dialog's pages: for students (how to read the picture) and for the curious (the model). */
export type AboutPage = 'reading' | 'model';

export interface ViewState {
  /** The inspector's subject; null = the first partition. */
  selection: Selection | null;
  dialog: Dialog | null;
  aboutPage: AboutPage;
  /** Slow motion for the animation: 1 (normal), 0.5 or 0.25 of its pace. */
  motion: number;
  setMotion(motion: number): void;
  select(selection: Selection | null): void;
  /** `page` picks the About dialog's page (else the one shown last, at first "reading"). */
  openDialog(dialog: Dialog, page?: AboutPage): void;
  setAboutPage(page: AboutPage): void;
  closeDialog(): void;
}

export function createViewStore() {
  return createStore<ViewState>()((set) => ({
    selection: null,
    dialog: null,
    aboutPage: 'reading',
    motion: 1,
    setMotion: (motion) => set({ motion: Math.max(0.1, Math.min(1, motion)) }),
    select: (selection) => set({ selection }),
    openDialog: (dialog, page) => set(page ? { dialog, aboutPage: page } : { dialog }),
    setAboutPage: (aboutPage) => set({ aboutPage }),
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
