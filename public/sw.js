// Goosebumps service worker: after one visit the page opens with no network.
//
// This is a template: the post_build hook (scripts/post-build/service-worker.mjs)
// writes dist/sw.js from it with BUILD filled in: the build's version (a hash of
// every file it serves) and the files to precache, relative to this script: every
// page, the stylesheet, reader.js, flags, favicon, icons, manifest, video poster
// and captions; and the app's code (its .js and .wasm), which is not precached: a
// reading visit never needs it. It is kept in this version's cache when it is first
// fetched (on the reader's intent), through the worker or, when the page fetched it
// before the worker controlled it, when the page asks (a KEEP message from Trunk's
// loader); so a reader who used the form once can write offline. Not the videos:
// they always come from the network (they are large, and are fetched in byte ranges).
//
// - install: every precached file into a cache of this version (and the app's code
//   when an older version kept it: the reader has written here). A new deployment has a new
//   version, so it installs into a new cache while the old worker keeps serving
//   the old files; it then waits until the page asks (SKIP_WAITING, sent by the
//   "Reload" button of sw-update.js) or every tab of the site is closed.
// - activate: delete older versions' caches (of this scope only; another build of
//   the site under another path keeps its own), then take control of open pages.
// - fetch: pages (navigations) network first, falling back to this version's
//   cached copy of that page (`/`, `/<slug>/`, also asked for as `/<slug>`,
//   `/<slug>/index.html`), else its cached 404.html; a post's further comment
//   pages (`/<slug>/comment-page-<n>/`, not precached: a post may have hundreds)
//   are kept in this version's cache as they are visited, and offline they fall
//   back to that copy, else to the post's page (the app then shows page <n>
//   from the post's replies file); the published replies
//   (`replies/<slug>.json`) network first too (fetched as soon as their post's
//   page is asked for), falling back to this version's copy; other precached files and the app's code cache first (the code stored as
//   it comes). Everything else: the network.
//
// The page and its published replies are what the owner may change (publish a
// reply, take one back) without a line of code changing, so both always come from
// the server when it answers, revalidated past the browser's HTTP cache (a host
// without our _headers, e.g. GitHub Pages, lets it keep them for 10 minutes): the
// page's HTML and the thread the app builds from the file are then of the same
// deployment, and a reply the owner removed never comes back from a cache. With no
// network both come from this version's cache, again of one deployment. The fresh
// copy is not written into this version's cache: its cached page is this
// version's, and the two would disagree offline (any change to a replies file
// makes a new sw.js, whose install caches the new page and file together).
const BUILD = /* @build */ { version: 'unbuilt', files: [], code: [] };

const SCOPE = self.registration.scope;
const PREFIX = `goosebumps ${SCOPE} `;
const CACHE = PREFIX + BUILD.version;
// Shown, offline, for an address the cache has no page for.
const NOT_FOUND = new URL('404.html', self.location).href;
const PRECACHED = new Set(BUILD.files.map((file) => new URL(file, self.location).href));
// The app's code: kept once fetched.
const CODE = new Set(BUILD.code.map((file) => new URL(file, self.location).href));
// The published replies' files, read by the app at start-up: `replies/<slug>.json`.
const REPLIES = new URL('replies/', self.location).href;
// Replies files fetched on the navigation to their post (see fetchRepliesEarly),
// by URL, until the app asks for them.
const EARLY = new Map();

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      // A reader whose browser kept an older version's app code has written here:
      // this version's code is installed with its pages, so they can still write
      // offline once they take it (a reader who only read still fetches none).
      const code = (await keptCode()) ? [...CODE] : [];
      // 'no-cache' revalidates with the server, so no file of an older deployment is
      // taken from the HTTP cache. addAll stores nothing unless every file loads.
      const requests = [...PRECACHED, ...code].map((url) => new Request(url, { cache: 'no-cache' }));
      await (await caches.open(CACHE)).addAll(requests);
    })(),
  );
});

// Whether an older version of this scope kept the app's code (its .wasm).
async function keptCode() {
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const kept = await (await caches.open(name)).keys();
    if (kept.some((request) => request.url.endsWith('_bg.wasm'))) return true;
  }
  return false;
}

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
  // The page fetched the app's code before this worker controlled it: keep it
  // (from the HTTP cache, as a rule).
  if (event.data && event.data.type === 'KEEP') {
    const urls = [].concat(event.data.urls).filter((url) => CODE.has(url));
    event.waitUntil(Promise.all(urls.map((url) => cacheFirst(new Request(url)))));
  }
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate' && isPage(new URL(request.url))) {
    event.respondWith(networkFirst(request, event));
    event.waitUntil(fetchRepliesEarly(new URL(request.url)));
  } else if (isReplies(request.url)) {
    event.respondWith(repliesNetworkFirst(request));
  } else if (PRECACHED.has(request.url) || CODE.has(request.url)) {
    event.respondWith(cacheFirst(request));
  }
});

// A page is any address under the scope whose last part has no file extension,
// or ends with .html.
function isPage(url) {
  const scope = new URL(SCOPE);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return false;
  return /(^|\/)([^/.]*|[^/]*\.html)$/.test(url.pathname.slice(scope.pathname.length));
}

// The precached URL of the page a navigation asks for: `<slug>` and
// `<slug>/index.html` are `<slug>/`; no query, no hash.
function pageKey(url) {
  const page = new URL(url.pathname, url.origin);
  page.pathname = page.pathname.replace(/\/index\.html$/, '/').replace(/(^|\/)([^/.]+)$/, '$1$2/');
  return page.href;
}

// A published replies file: `replies/<slug>.json`, no query.
function isReplies(url) {
  return url.startsWith(REPLIES) && /^[^/?#]+\.json$/.test(url.slice(REPLIES.length));
}

// `request` revalidated with the server (see the top), or as it is where a browser
// refuses to copy a navigation's request.
function revalidated(request) {
  try {
    return new Request(request, { cache: 'no-cache' });
  } catch {
    return request;
  }
}

// A post's further comment page: `<slug>/comment-page-<n>/` (as `pageKey` makes it).
const COMMENT_PAGE = /\/comment-page-\d+\/$/;

async function networkFirst(request, event) {
  const key = pageKey(new URL(request.url));
  try {
    const response = await fetch(revalidated(request));
    // A comment page is kept as it is visited (its copy is then this version's).
    if (COMMENT_PAGE.test(key) && response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(key, copy)));
    }
    return response;
  } catch (error) {
    const cache = await caches.open(CACHE);
    const page = (await cache.match(key)) ?? (COMMENT_PAGE.test(key) ? await cache.match(key.replace(COMMENT_PAGE, '/')) : undefined);
    // An address the site has no page for: its not-found page, said as a host says it.
    const cached = page ?? (await cache.match(NOT_FOUND));
    if (!cached) throw error;
    // A navigation may not be answered with a redirected response (a host may
    // have redirected the precache request): hand over the body alone.
    if (page && !cached.redirected) return cached;
    const { statusText, headers } = cached;
    return new Response(cached.body, { status: page ? cached.status : 404, statusText: page ? statusText : 'Not Found', headers });
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  // The app's code, the first time: kept for offline (a copy, the page reads the body).
  if (CODE.has(request.url) && response.ok) await cache.put(request.url, response.clone());
  return response;
}

// On a navigation to a post whose replies this version has (its file is
// precached), that file is fetched at once, beside the page: the app asks for it
// only once it has started, and then finds the server's answer there or on its way
// (its round trip overlaps the page's load instead of following it). Both are of
// the same moment, so of one deployment. Not asked for within 10 s: dropped.
function fetchRepliesEarly(url) {
  // The post's page, or one of its comment pages (`<slug>/comment-page-<n>/`).
  const slug = /^([^/.]+)(?:\/(?:comment-page-\d+\/)?(?:index\.html)?)?$/.exec(url.pathname.slice(new URL(SCOPE).pathname.length))?.[1];
  const replies = slug ? new URL(`replies/${slug}.json`, self.location).href : '';
  if (!PRECACHED.has(replies)) return Promise.resolve();
  const answer = fetch(new Request(replies, { cache: 'no-cache' }));
  EARLY.set(replies, answer);
  setTimeout(() => EARLY.get(replies) === answer && EARLY.delete(replies), 10_000);
  return answer.then(
    () => {},
    () => {},
  );
}

// The server's answer, whatever it is (a 404 means the file is gone: no replies
// are published any more), or, with no network, this version's copy.
async function repliesNetworkFirst(request) {
  const early = EARLY.get(request.url);
  EARLY.delete(request.url);
  try {
    return await (early ?? fetch(revalidated(request)));
  } catch (error) {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(request, { ignoreVary: true });
    if (!cached) throw error;
    return cached;
  }
}
