/**
 * The list of saved sessions (ui-contract.md, "Persistence": opening a link starts a new session
 * and keeps the saved ones; this is how a user gets back to them). A zustand slice for the
 * dialog; the storage behind it is a backend that the browser entry installs (src/app), so the
 * view never touches IndexedDB. Without a backend (storage denied) the list says so.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface SavedSessionSummary {
  id: string;
  title: string;
  position: number;
  /** Steps in the saved document. */
  total: number;
  /** Wall-clock ms of the last save. */
  updatedAt: number;
  /** The session being worked on (and saved) right now. */
  current: boolean;
}

export type OpenSavedResult = { ok: true } | { ok: false; lines: string[] } | { ok: false; gone: true };

export interface SavedSessionsBackend {
  list(): Promise<SavedSessionSummary[]>;
  open(id: string): Promise<OpenSavedResult>;
  remove(id: string): Promise<void>;
  /** Goes on with the session shown as a new saved copy (another tab has it open). */
  copyCurrent(): void;
  /** A JSON file's text holding the sessions `ids` (all when omitted). */
  exportSessions(ids?: string[]): Promise<string>;
  /** Imports a file (an export, or one scenario document) through the link's validation; opens the first. */
  importText(text: string): Promise<{ ok: true } | { ok: false; lines: string[] }>;
  rename(id: string, title: string): Promise<void>;
}

export interface SavedSessionsState {
  backend: SavedSessionsBackend | null;
  /** `pending` until the browser entry has opened storage (a chunk of its own); `unavailable` where it is denied. */
  status: 'pending' | 'ready' | 'unavailable';
  /** null while loading. */
  sessions: SavedSessionSummary[] | null;
  /** Why the last open failed: the validator's lines, or that the session is gone. */
  problem: { id: string; lines: string[] } | null;
  /** The storage behind the list, or null where storage is denied. */
  install(backend: SavedSessionsBackend | null): void;
  refresh(): Promise<void>;
  /** True when the session opened. */
  open(id: string): Promise<boolean>;
  remove(id: string): Promise<void>;
  /** Why the last import was refused: the validator's lines (null when it was not). */
  importProblem: string[] | null;
  /** The file's text for the sessions `ids` (all when omitted); null without storage. */
  exportText(ids?: string[]): Promise<string | null>;
  /** True when the file's sessions were saved and the first one opened. */
  importText(text: string): Promise<boolean>;
  rename(id: string, title: string): Promise<void>;
}

export function createSavedSessionsStore() {
  return createStore<SavedSessionsState>()((set, get) => ({
    backend: null,
    status: 'pending',
    sessions: null,
    problem: null,
    importProblem: null,
    install(backend) {
      set({ backend, status: backend ? 'ready' : 'unavailable' });
      if (backend && get().sessions !== null) void get().refresh();
    },
    async refresh() {
      const { backend } = get();
      if (!backend) return set({ sessions: [] });
      set({ sessions: await backend.list().catch(() => []) });
    },
    async open(id) {
      const { backend } = get();
      if (!backend) return false;
      const result = await backend.open(id);
      if (result.ok) {
        set({ problem: null });
        return true;
      }
      set({ problem: { id, lines: 'lines' in result ? result.lines : [] } });
      await get().refresh();
      return false;
    },
    async remove(id) {
      const { backend } = get();
      if (!backend) return;
      await backend.remove(id).catch(() => undefined);
      if (get().problem?.id === id) set({ problem: null });
      await get().refresh();
    },
    async exportText(ids) {
      const { backend } = get();
      return backend ? backend.exportSessions(ids) : null;
    },
    async importText(text) {
      const { backend } = get();
      if (!backend) return false;
      const result = await backend.importText(text).catch((error: unknown) => ({ ok: false as const, lines: [`$: ${String(error)}`] }));
      set({ importProblem: result.ok ? null : result.lines });
      await get().refresh();
      return result.ok;
    },
    async rename(id, title) {
      const { backend } = get();
      if (!backend) return;
      await backend.rename(id, title.trim()).catch(() => undefined);
      await get().refresh();
    },
  }));
}

export const savedSessionsStore = createSavedSessionsStore();

export function useSavedSessions<T>(selector: (state: SavedSessionsState) => T): T {
  return useStore(savedSessionsStore, selector);
}
