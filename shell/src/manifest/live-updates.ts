// Keeps the open shell in step with the server without reloads: server events announce new
// revisions (refetched, coalesced, applied in place); a dropped stream is checked with a
// manifest fetch, and while the server is unreachable the manifest is retried every 5 s.
import { useEffect } from 'react';
import { openEventStream } from './event-stream.ts';
import { loadManifest, refreshWhenVisible } from './manifest-sync.ts';
import { createRefetchScheduler } from './refetch-scheduler.ts';
import { useShellStore } from './shell-store.ts';

/** How often the manifest is retried while the server is unreachable. */
export const OFFLINE_RETRY_MS = 5_000;

/** Follows `tenant`'s changes until the returned function is called. */
export function startLiveUpdates(tenant: string): () => void {
  const scheduler = createRefetchScheduler({
    currentRevision: () => {
      const { manifest, tenantId } = useShellStore.getState();
      return manifest && tenantId === tenant ? manifest.revision : null;
    },
    refetch: () => loadManifest({ background: true }),
  });

  const closeStream = openEventStream(tenant, {
    onEvent(event) {
      const { offline, status } = useShellStore.getState();
      // A (re)connect after the server was unreachable: refetch whatever the revision, so the
      // offline notice goes away even when nothing changed meanwhile.
      if (event.type === 'hello' && (offline || status === 'error')) scheduler.request();
      else scheduler.announce(event.revision);
    },
    onError() {
      // The stream dropped: is the server gone? A manifest fetch tells (and marks us offline).
      if (!useShellStore.getState().offline) scheduler.request();
    },
  });

  let retryTimer: ReturnType<typeof setInterval> | undefined;
  const retryWhileOffline = (offline: boolean) => {
    if (offline && retryTimer === undefined) {
      retryTimer = setInterval(() => scheduler.request(), OFFLINE_RETRY_MS);
    } else if (!offline && retryTimer !== undefined) {
      clearInterval(retryTimer);
      retryTimer = undefined;
    }
  };
  retryWhileOffline(useShellStore.getState().offline);
  const unsubscribe = useShellStore.subscribe((state, prev) => {
    if (state.offline !== prev.offline) retryWhileOffline(state.offline);
    // The boot load (or a retry) applied a manifest: an event seen meanwhile may be newer.
    if (state.manifest && state.manifest !== prev.manifest) scheduler.recheck();
  });
  const stopVisible = refreshWhenVisible(() => scheduler.request());

  return () => {
    scheduler.dispose();
    closeStream();
    unsubscribe();
    stopVisible();
    retryWhileOffline(false);
  };
}

/** Live updates for the chosen tenant: re-subscribes on a tenant switch, stops on unmount. */
export function useLiveUpdates(tenantId: string | null, session: number): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new session (same tenant chosen again) restarts too
  useEffect(() => (tenantId ? startLiveUpdates(tenantId) : undefined), [tenantId, session]);
}
