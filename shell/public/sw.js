// @ts-check
/// <reference lib="webworker" />
// The shell's service worker (served at /sw.js, scope /): lets a reload boot while the server
// cannot be reached. The shell then runs on the last manifest it stored itself
// (src/manifest/offline-manifest.ts); this worker only keeps the files it needs:
// - page loads (navigations): network first, at most NETWORK_TIMEOUT_MS, then the last
//   index.html received;
// - /assets/* (hashed shell files) and /artifacts/* (content-addressed module files): cache
//   first, as these URLs never change content; stored before they are answered, so a file the
//   page got is a file the cache has;
// - other shell files (e.g. the shell's hashed /remoteEntry-*.js at the root): network first;
// - everything else, notably the /v1 API and its event stream: not touched, so the shell's own
//   offline handling and EventSource reconnects work as without a worker.
// Files loaded before the worker controlled the page are sent by the page
// (src/offline/register-service-worker.ts) in a CACHE_URLS message, and cached then.

const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

const VERSION = 'v1';
const SHELL_CACHE = `plugboard-shell-${VERSION}`;
const ARTIFACTS_CACHE = `plugboard-artifacts-${VERSION}`;
const CURRENT_CACHES = [SHELL_CACHE, ARTIFACTS_CACHE];
/** Where the last page (index.html) received is kept, whatever URL it was loaded for. */
const INDEX_KEY = '/index.html';
/** How long a page load or shell file waits for the network before the cached copy is used. */
const NETWORK_TIMEOUT_MS = 3_000;
/**
 * Entry limits; the oldest entries go first (index.html is never evicted).
 * @type {Record<string, number>}
 */
const MAX_ENTRIES = { [SHELL_CACHE]: 200, [ARTIFACTS_CACHE]: 300 };
/** The message a page sends with the same-origin files it loaded around the worker. */
const CACHE_URLS = 'plugboard:cache-urls';
const MAX_URLS_PER_MESSAGE = 500;

/**
 * How a same-origin URL is handled: 'immutable' (cache first), 'shell' (network first) or
 * null (not intercepted).
 * @param {URL} url
 * @returns {{ strategy: 'immutable' | 'shell', cache: string } | null}
 */
function routeOf(url) {
  if (url.origin !== sw.location.origin) return null;
  const path = url.pathname;
  if (path === '/v1' || path.startsWith('/v1/') || path === '/sw.js') return null;
  if (path.startsWith('/artifacts/')) return { strategy: 'immutable', cache: ARTIFACTS_CACHE };
  if (path.startsWith('/assets/')) return { strategy: 'immutable', cache: SHELL_CACHE };
  return { strategy: 'shell', cache: SHELL_CACHE };
}

sw.addEventListener('install', (event) => {
  event.waitUntil(precacheShell().finally(() => sw.skipWaiting()));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('plugboard-') && !CURRENT_CACHES.includes(name)) await caches.delete(name);
      }
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  // Chromium's "only-if-cached" outside same-origin mode cannot be fetched again from here.
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  const url = new URL(request.url);
  const route = routeOf(url);
  if (!route) return;
  if (request.mode === 'navigate') {
    // Only shell pages: an API or artifact URL opened in a tab is left alone.
    if (route.strategy === 'shell') event.respondWith(navigate(event));
    return;
  }
  if (route.strategy === 'immutable') event.respondWith(cacheFirst(event, route.cache));
  else event.respondWith(networkFirst(event, request, route.cache));
});

sw.addEventListener('message', (event) => {
  const data = /** @type {{ type?: unknown, urls?: unknown } | null} */ (event.data);
  if (data?.type !== CACHE_URLS || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u) => typeof u === 'string').slice(0, MAX_URLS_PER_MESSAGE);
  event.waitUntil(cacheUrls(urls));
});

/** @param {FetchEvent} event */
async function navigate(event) {
  const network = fetch(event.request).then(async (response) => {
    if (isPage(response)) await put(SHELL_CACHE, INDEX_KEY, response.clone());
    return response;
  });
  // The page update is kept even when the cached copy was answered first.
  event.waitUntil(network.catch(() => undefined));
  return fallBackToCache(network, INDEX_KEY);
}

/**
 * @param {FetchEvent} event
 * @param {Request} request
 * @param {string} cacheName
 */
async function networkFirst(event, request, cacheName) {
  const network = fetch(request).then(async (response) => {
    if (isShellFile(response)) await put(cacheName, request, response.clone());
    return response;
  });
  event.waitUntil(network.catch(() => undefined));
  return fallBackToCache(network, request);
}

/**
 * The network's answer if it comes in time and is not a server failure, else the cached copy;
 * without a cached copy, whatever the network gives in the end.
 * @param {Promise<Response>} network
 * @param {RequestInfo} key
 */
async function fallBackToCache(network, key) {
  try {
    const response = await withTimeout(network, NETWORK_TIMEOUT_MS);
    if (response.status < 500) return response;
    return (await match(key)) ?? response;
  } catch {
    return (await match(key)) ?? network;
  }
}

/**
 * @param {FetchEvent} event
 * @param {string} cacheName
 */
async function cacheFirst(event, cacheName) {
  const request = event.request;
  const cached = await match(request, cacheName);
  if (cached) return cached;
  const response = await fetch(request);
  if (isStorable(response)) {
    await put(cacheName, request, response.clone());
    event.waitUntil(trim(cacheName));
  }
  return response;
}

/** Caches index.html and the files it names, so a reload can boot even if no page sends more. */
async function precacheShell() {
  try {
    const response = await fetch(INDEX_KEY, { cache: 'no-cache' });
    if (!isPage(response)) return;
    const html = await response.clone().text();
    await put(SHELL_CACHE, INDEX_KEY, response);
    const urls = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    await cacheUrls(urls);
  } catch (error) {
    console.warn('[plugboard] service worker: could not cache the shell', error);
  }
}

/**
 * Caches the given files (those this worker would cache when fetched) that are not cached yet.
 * @param {string[]} urls
 */
async function cacheUrls(urls) {
  const seen = new Set();
  const touched = new Set();
  for (const raw of urls) {
    let url;
    try {
      url = new URL(raw, sw.location.href);
    } catch {
      continue;
    }
    url.hash = '';
    const route = routeOf(url);
    if (!route || seen.has(url.href)) continue;
    seen.add(url.href);
    try {
      if (await match(url.href, route.cache)) continue;
      const response = await fetch(url.href, { credentials: 'same-origin' });
      if (!(route.strategy === 'shell' ? isShellFile(response) : isStorable(response))) continue;
      await put(route.cache, url.href, response);
      touched.add(route.cache);
    } catch (error) {
      console.warn(`[plugboard] service worker: could not cache ${url.href}`, error);
    }
  }
  for (const cacheName of touched) await trim(cacheName);
}

/** @param {Response} response */
function isStorable(response) {
  return response.status === 200 && (response.type === 'basic' || response.type === 'cors');
}

/**
 * A root shell file, not the page the server answers for unknown paths (e.g. /favicon.ico).
 * @param {Response} response
 */
function isShellFile(response) {
  return isStorable(response) && !isPage(response);
}

/** @param {Response} response */
function isPage(response) {
  return isStorable(response) && (response.headers.get('content-type') ?? '').startsWith('text/html');
}

/**
 * @param {RequestInfo} key
 * @param {string} [cacheName]
 */
async function match(key, cacheName) {
  const options = { ignoreVary: true };
  if (cacheName) return (await caches.open(cacheName)).match(key, options);
  return caches.match(key, options);
}

/**
 * Stores a response; a full or failing cache never fails the request.
 * @param {string} cacheName
 * @param {RequestInfo} key
 * @param {Response} response
 */
async function put(cacheName, key, response) {
  try {
    await (await caches.open(cacheName)).put(key, response);
  } catch (error) {
    console.warn('[plugboard] service worker: could not store a response', error);
  }
}

/** @type {Map<string, Promise<void>>} */
const trimming = new Map();

/**
 * Deletes the oldest entries above the cache's limit; runs once at a time per cache.
 * @param {string} cacheName
 */
function trim(cacheName) {
  const previous = trimming.get(cacheName) ?? Promise.resolve();
  const next = previous.then(async () => {
    const limit = MAX_ENTRIES[cacheName] ?? 100;
    const cache = await caches.open(cacheName);
    const keys = (await cache.keys()).filter((r) => new URL(r.url).pathname !== INDEX_KEY);
    // keys() lists entries in the order they were stored: oldest first.
    for (const request of keys.slice(0, Math.max(0, keys.length - limit))) await cache.delete(request);
  });
  const settled = next.catch((error) => console.warn('[plugboard] service worker: trim failed', error));
  trimming.set(cacheName, settled);
  return settled;
}

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @returns {Promise<T>}
 */
function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
