// Goosebumps service worker: after one visit the page opens with no network.
//
// This is a template: the post_build hook (scripts/post-build/service-worker.mjs)
// writes dist/sw.js from it with BUILD filled in: the build's version (a hash of
// every precached file) and the files to precache, relative to this script: the
// page ("./"), the hashed .js/.wasm/.css, sw-register.js, flags, favicon, icons,
// manifest, video poster and captions. Not the videos: they always come from the
// network (they are large, and are fetched in byte ranges).
//
// - install: every file into a cache of this version. A new deployment has a new
//   version, so it installs into a new cache while the old worker keeps serving
//   the old files; it then waits until the page asks (SKIP_WAITING, sent by the
//   "Reload" button of sw-register.js) or every tab of the site is closed.
// - activate: delete older versions' caches (of this scope only; another build of
//   the site under another path keeps its own), then take control of open pages.
// - fetch: the page (navigations) network first, falling back to this version's
//   cached page; precached files cache first. Everything else: the network.
const BUILD = /* @build */ { version: 'unbuilt', files: [] };

const SCOPE = self.registration.scope;
const PREFIX = `goosebumps ${SCOPE} `;
const CACHE = PREFIX + BUILD.version;
const PAGE = new URL('./', self.location).href;
const PRECACHED = new Set(BUILD.files.map((file) => new URL(file, self.location).href));

self.addEventListener('install', (event) => {
  // 'no-cache' revalidates with the server, so no file of an older deployment is
  // taken from the HTTP cache. addAll stores nothing unless every file loads.
  const requests = [...PRECACHED].map((url) => new Request(url, { cache: 'no-cache' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate' && isPage(new URL(request.url))) {
    event.respondWith(networkFirst(request));
  } else if (PRECACHED.has(request.url)) {
    event.respondWith(cacheFirst(request));
  }
});

// The page is served at the scope itself, `index.html`, `<slug>` or `<slug>.html`.
function isPage(url) {
  const scope = new URL(SCOPE);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return false;
  return /^([^/.]*|[^/]*\.html)$/.test(url.pathname.slice(scope.pathname.length));
}

async function networkFirst(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await caches.open(CACHE).then((cache) => cache.match(PAGE));
    if (!cached) throw error;
    // A navigation may not be answered with a redirected response (a host may
    // have redirected the precache request): hand over the body alone.
    if (!cached.redirected) return cached;
    const { status, statusText, headers } = cached;
    return new Response(cached.body, { status, statusText, headers });
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request, { ignoreVary: true })) || fetch(request);
}
