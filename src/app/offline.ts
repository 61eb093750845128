/**
 * The service worker (vite-plugin-pwa, `vite.config.ts`): registered after the first page, in
 * this lazy chunk. It precaches the built app, so a page opened once opens and plays without a
 * network. A new version is offered (`updateStore`), never applied on its own.
 */
import { registerSW } from 'virtual:pwa-register';
import { updateStore } from '../store/updateStore';

export function startOffline(): void {
  const update = registerSW({
    onNeedRefresh() {
      updateStore.getState().offer(() => void update(true));
    },
  });
}
