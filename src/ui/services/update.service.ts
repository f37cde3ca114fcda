import { registerSW } from 'virtual:pwa-register';
import { updates } from '../state/updates.svelte';

/** Registers the service worker; a new version waits for the user (see UpdateState). */
export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const apply = registerSW({
    onNeedRefresh: () => (updates.available = true),
    onOfflineReady: () => (updates.offlineReady = true),
  });
  updates.attach(apply);
  // Warn before closing a tab with unsaved input.
  addEventListener('beforeunload', (e) => {
    if (updates.hasUnsaved) e.preventDefault();
  });
}
