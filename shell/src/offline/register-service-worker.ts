// Registers the service worker (public/sw.js) that keeps the shell's own files and the modules'
// code, so a reload boots from the last manifest while the server cannot be reached. Production
// builds only (the dev server serves source files, not hashed ones), on secure contexts only
// (https, localhost, 127.0.0.1). A failed registration is logged: the shell works without it.

export const SERVICE_WORKER_URL = '/sw.js';
/** Message to the worker: these same-origin files were loaded without it, cache them. */
export const CACHE_URLS_MESSAGE = 'plugboard:cache-urls';

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD) return;
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  try {
    forwardFilesLoadedAroundWorker(navigator.serviceWorker);
  } catch (error) {
    console.warn('[plugboard] offline support: cannot list the files loaded so far', error);
  }
  const register = () => {
    navigator.serviceWorker
      .register(SERVICE_WORKER_URL, { scope: '/' })
      .catch((error: unknown) => console.warn('[plugboard] offline support unavailable', error));
  };
  // After the page's own loading, so the worker's install does not compete with it.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/**
 * A page fetches through the worker only once the worker controls it: on the first visit (and
 * when a new worker version takes over) the files loaded before that went around it. This
 * sends their URLs to the worker, which caches them: those loaded before the worker took
 * control, including the ones still loading at that moment. Same-origin only; the worker
 * decides which of them it keeps.
 */
function forwardFilesLoadedAroundWorker(container: ServiceWorkerContainer): void {
  let controlledSince = container.controller ? 0 : Number.POSITIVE_INFINITY;
  const send = (entries: PerformanceEntryList) => {
    const urls = entries
      .filter((e) => e.startTime < controlledSince && new URL(e.name).origin === location.origin)
      .map((e) => e.name);
    if (urls.length === 0) return;
    void container.ready.then((registration) =>
      registration.active?.postMessage({ type: CACHE_URLS_MESSAGE, urls }),
    );
  };
  container.addEventListener('controllerchange', () => {
    controlledSince = performance.now();
    // A new worker version starts with empty caches: everything loaded so far.
    send(performance.getEntriesByType('resource'));
  });
  new PerformanceObserver((list) => send(list.getEntries())).observe({ type: 'resource', buffered: true });
}
