/**
 * How a session store reaches its replay worker (src/session/replayHost.ts): a factory the
 * store calls once, on demand (a long scenario opens, or a seek would replay far). It returns
 * null where there is no Worker (jsdom and Node in tests): the store then replays in-thread,
 * as it always did. `inThreadReplayClient` runs the same host on this thread, asynchronously and
 * through structured clones, so tests exercise the store's worker path and the protocol.
 */
import { createReplayHost, type FromReplayWorker, type ToReplayWorker } from '../session/replayHost';

export interface ReplayClient {
  send(message: ToReplayWorker): void;
  terminate(): void;
}

/** `receive` gets every answer; `broken` is called once if the worker dies or cannot start. */
export type ReplayClientFactory = (receive: (message: FromReplayWorker) => void, broken: (reason: string) => void) => ReplayClient | null;

/** `?worker=0` replays on the main thread, as before the worker (for the benchmark's comparison). */
const workerOff = () => typeof location !== 'undefined' && new URLSearchParams(location.search).get('worker') === '0';

export const workerReplayClient: ReplayClientFactory = (receive, broken) => {
  if (typeof Worker === 'undefined' || workerOff()) return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('../session/replay.worker.ts', import.meta.url), { type: 'module', name: 'replay' });
  } catch (error) {
    broken(String(error));
    return null;
  }
  worker.onmessage = (event: MessageEvent<FromReplayWorker>) => receive(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    broken(event.message || 'the replay worker failed to load');
  };
  worker.onmessageerror = () => broken('a message from the replay worker could not be read');
  return { send: (message) => worker.postMessage(message), terminate: () => worker.terminate() };
};

/** The same host on this thread: answers come in a later task, as structured clones. */
export const inThreadReplayClient: ReplayClientFactory = (receive) => {
  let alive = true;
  const host = createReplayHost({
    post: (message) => {
      const copy = structuredClone(message);
      setTimeout(() => { if (alive) receive(copy); }, 0);
    },
    later: (task) => setTimeout(() => { if (alive) task(); }, 0),
    now: () => performance.now(),
  });
  return {
    send: (message) => void host.receive(structuredClone(message)),
    terminate: () => { alive = false; },
  };
};
