/*
 * Stagecraft's service worker: after the first visit the playground works with the network gone.
 *
 * Registered by src/app/offline/registerServiceWorker.ts in production builds only. Plain
 * JavaScript served as is from public/, so it never changes between builds; it learns the
 * build's hashed file names by reading the page it serves:
 *
 * - install: fetch the app shell (index.html), then follow every hashed asset name it mentions,
 *   and the names those files mention (the lazy Monaco chunk, its CSS and font, the editor and
 *   analysis workers), and cache them all. Install finishes only when they are cached, so once
 *   this worker controls the page, the page can load offline.
 * - navigations: network first (a new build is picked up at once), the cached shell when the
 *   network is gone. A changed shell is cached again with its assets, and assets no build
 *   refers to any more are dropped.
 * - /assets/*: cache first (the names are content hashes, so a cached copy is never stale),
 *   cached on first use as well.
 * - other files of this origin (favicon...): network first, cache as the fallback.
 * Requests to other origins are never touched (the page makes none: DESIGN.md principle 6).
 */
const CACHE = 'stagecraft-offline-v1';
const SCOPE = new URL(self.registration.scope);
const SHELL = new URL('./', SCOPE).href;
const ASSETS = new URL('./assets/', SCOPE).pathname;
/** files of public/ the shell needs besides the hashed assets */
const STATIC = ['favicon.svg'];
/** a hashed build file name as Vite writes it (`name-XXXXXXXX.ext`), after `assets/`, `./` or `/` */
const HASHED = /(?:assets\/|\.\/|\/|")([\w.-]+-[\w-]{8}\.(?:js|mjs|css|ttf|otf|woff2?|wasm|svg|png|jpe?g|gif|webp|json))\b/g;
/** a bound on what one crawl may fetch (the build has about ten files) */
const MAX_FILES = 200;

self.addEventListener('install', (event) => {
  event.waitUntil(precache(null).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  if (request.mode === 'navigate') event.respondWith(navigate(event));
  else if (url.pathname.startsWith(ASSETS)) event.respondWith(cacheFirst(request));
  else if (url.pathname !== new URL('sw.js', SCOPE).pathname) event.respondWith(networkFirst(request));
});

async function navigate(event) {
  try {
    const response = await fetch(event.request);
    if (response.ok && isHtml(response)) event.waitUntil(refreshShell(response.clone()).catch(() => {}));
    return response;
  } catch {
    // offline: every page address (links carry their workspace in the query or fragment) is the shell
    const cached = await caches.match(SHELL);
    return cached ?? Response.error();
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') {
      const cache = await caches.open(CACHE);
      await cache.put(request, response.clone());
    }
    return response;
  } catch (e) {
    const cached = await caches.match(request, { ignoreSearch: true, ignoreVary: true });
    if (cached) return cached;
    throw e;
  }
}

function isHtml(response) {
  return (response.headers.get('content-type') ?? '').includes('text/html');
}

/** A navigation brought a shell from the network: when it differs from the cached one, cache it and its assets. */
async function refreshShell(response) {
  const html = await response.text();
  const cached = await caches.match(SHELL);
  if (cached && (await cached.text()) === html) return;
  await precache(html);
}

/**
 * Caches the shell and everything it needs: `html` is the shell's text when the caller already
 * has it. Files are fetched breadth first, each once, at most MAX_FILES; a file that fails to
 * load is left out (the shell itself must load). Afterwards hashed assets of older builds are
 * removed from the cache.
 */
async function precache(html) {
  const cache = await caches.open(CACHE);
  if (html === null) {
    const response = await fetch(SHELL, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`the app shell did not load (${response.status})`);
    html = await response.text();
  }
  const keep = new Set([SHELL]);
  const queue = [];
  const enqueue = (href) => {
    if (keep.has(href) || keep.size >= MAX_FILES) return;
    keep.add(href);
    queue.push(href);
  };
  for (const name of STATIC) enqueue(new URL(name, SCOPE).href);
  for (const name of hashedNames(html)) enqueue(new URL(name, new URL(ASSETS, SCOPE)).href);
  while (queue.length > 0) {
    const batch = queue.splice(0, 6);
    await Promise.all(
      batch.map(async (href) => {
        let response;
        try {
          response = await fetch(href);
        } catch {
          return;
        }
        if (!response.ok) return;
        await cache.put(href, response.clone());
        if (/\.(?:m?js|css)$/.test(new URL(href).pathname)) {
          for (const name of hashedNames(await response.text())) enqueue(new URL(name, new URL(ASSETS, SCOPE)).href);
        }
      }),
    );
  }
  await cache.put(SHELL, new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }));
  // drop the hashed files of older builds (other cached files stay until replaced)
  for (const request of await cache.keys()) {
    if (new URL(request.url).pathname.startsWith(ASSETS) && !keep.has(request.url)) await cache.delete(request);
  }
}

function hashedNames(text) {
  const names = new Set();
  for (const m of text.matchAll(HASHED)) names.add(m[1]);
  return names;
}
