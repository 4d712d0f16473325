// Fetches the current tenant's resolved manifest into the store: at boot, and on every live
// refetch (revalidating with the ETag, applying only what changed). Every manifest received is
// remembered per tenant and user; when the server is unreachable the shell boots from it and
// says it is working offline.
import { fetchManifest, ServerUnreachable } from '../api/shell-api.ts';
import { errorMessage } from '../modules/module-failure.ts';
import { browserStorage } from '../session/browser-storage.ts';
import { storedManifest, storeManifest } from './offline-manifest.ts';
import { useShellStore } from './shell-store.ts';

let current: AbortController | null = null;

/**
 * Fetches and applies the manifest; aborts a load still in flight. Never throws.
 * A `background` load (live updates, offline retries) never replaces the error page with the
 * loading page.
 */
export async function loadManifest(options: { background?: boolean } = {}): Promise<void> {
  const { tenantId, user, etag, manifest, status, setStatus, applyManifest, setOffline } =
    useShellStore.getState();
  if (!tenantId) return;
  current?.abort();
  const controller = new AbortController();
  current = controller;
  if (!manifest && !(options.background && status === 'error')) setStatus('loading');
  try {
    const result = await fetchManifest(tenantId, user.id, manifest ? etag : null, controller.signal);
    if (controller.signal.aborted) return;
    if (result.status === 'ok') {
      applyManifest(result.manifest, result.etag);
      storeManifest(browserStorage, tenantId, user.id, result.manifest);
    } else if (result.status === 'not-found') {
      setStatus('not-found', result.message);
    } else {
      setStatus('ready');
    }
    setOffline(false);
  } catch (error) {
    if (controller.signal.aborted) return;
    if (error instanceof ServerUnreachable) workOffline(tenantId, user.id, error);
    // Keep showing what we have if this was a refresh; fail visibly only on first load.
    else if (!useShellStore.getState().manifest) setStatus('error', errorMessage(error));
    else console.warn('[plugboard] manifest refresh failed', error);
  } finally {
    if (current === controller) current = null;
  }
}

/** Keeps the open shell as it is, or boots from the remembered manifest; retried by live-updates. */
function workOffline(tenantId: string, userId: string, error: ServerUnreachable): void {
  const { manifest, applyManifest, setStatus, setOffline } = useShellStore.getState();
  setOffline(true);
  if (manifest) {
    console.warn('[plugboard] server unreachable, keeping the modules already loaded', error);
    return;
  }
  const stored = storedManifest(browserStorage, tenantId, userId);
  if (stored) applyManifest(stored, null);
  else setStatus('error', errorMessage(error));
}

/**
 * Revalidates the manifest when the page becomes visible again (cheap: ETag, 304 when
 * nothing changed): catches up after sleep, when the event stream may have been cut.
 */
export function refreshWhenVisible(refresh: () => void): () => void {
  const onVisible = () => {
    if (document.visibilityState === 'visible' && useShellStore.getState().manifest) refresh();
  };
  document.addEventListener('visibilitychange', onVisible);
  return () => document.removeEventListener('visibilitychange', onVisible);
}
