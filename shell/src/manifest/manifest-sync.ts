// Fetches the current tenant's resolved manifest into the store. Also what a live update
// will call: a refetch revalidates with the ETag and applies only what changed.
import { fetchManifest } from '../api/shell-api.ts';
import { errorMessage } from '../modules/module-failure.ts';
import { useShellStore } from './shell-store.ts';

let current: AbortController | null = null;

export async function loadManifest(): Promise<void> {
  const { tenantId, user, etag, manifest, setStatus, applyManifest } = useShellStore.getState();
  if (!tenantId) return;
  current?.abort();
  const controller = new AbortController();
  current = controller;
  if (!manifest) setStatus('loading');
  try {
    const result = await fetchManifest(tenantId, user.id, manifest ? etag : null, controller.signal);
    if (controller.signal.aborted) return;
    if (result.status === 'ok') applyManifest(result.manifest, result.etag);
    else if (result.status === 'not-found') setStatus('not-found', result.message);
    else setStatus('ready');
  } catch (error) {
    if (controller.signal.aborted) return;
    // Keep showing what we have if this was a refresh; fail visibly only on first load.
    if (!useShellStore.getState().manifest) setStatus('error', errorMessage(error));
    else console.warn('[plugboard] manifest refresh failed', error);
  } finally {
    if (current === controller) current = null;
  }
}

/**
 * Revalidates the manifest when the page becomes visible again (cheap: ETag, 304 when
 * nothing changed). Server push will make changes arrive sooner; this catches up after sleep.
 */
export function refreshWhenVisible(): () => void {
  const onVisible = () => {
    if (document.visibilityState === 'visible' && useShellStore.getState().manifest) void loadManifest();
  };
  document.addEventListener('visibilitychange', onVisible);
  return () => document.removeEventListener('visibilitychange', onVisible);
}
