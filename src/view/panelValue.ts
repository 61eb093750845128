/**
 * What the panels below the cluster (the inspector, its chart, the produced records) show: the
 * session one render behind the picture after a step or a jump (`useDeferredValue`), so the
 * frame that shows the new step draws the cluster and its narration only, and the panels follow
 * in React's next, interruptible render (bench/browser: a 3,000-step jump's longest task). While
 * playing they keep in step with the picture instead: one render per step costs a frame less
 * than two (the frame time while playing 9 brokers × 30 partitions).
 */
import { useContext, useDeferredValue } from 'react';
import { SessionContext, useSessionOf, type SessionStore } from '../store/sessionStore';

/** `value` as a panel shows it (`store`: the session it belongs to, by default the context's). */
export function usePanelValue<T>(value: T, store?: SessionStore): T {
  const context = useContext(SessionContext);
  const deferred = useDeferredValue(value);
  const playing = useSessionOf(store ?? context, (s) => s.playing);
  return playing ? value : deferred;
}
