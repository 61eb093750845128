/**
 * The session's replay worker (one per session store, started on demand: a long scenario or a
 * far jump). All it does is in `replayHost.ts`; this file only wires it to the worker's global
 * scope. Loaded with `new Worker(new URL(…), { type: 'module' })`, so it is a chunk of its own,
 * never part of the first page's JavaScript.
 */
import { createReplayHost, type FromReplayWorker, type ToReplayWorker } from './replayHost';

interface WorkerScope {
  postMessage(message: FromReplayWorker): void;
  onmessage: ((event: MessageEvent<ToReplayWorker>) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
const host = createReplayHost({
  post: (message) => scope.postMessage(message),
  later: (task) => setTimeout(task, 0),
  now: () => performance.now(),
});
scope.onmessage = (event) => void host.receive(event.data);
