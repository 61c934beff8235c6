// Tests of the post_build hook's steps (scripts/post-build/) on small made-up
// builds: `node --test tests/post-build.test.mjs` (cargo xtask test runs it).
// The end-to-end tests check the real build in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import vm from 'node:vm';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { csp } from '../scripts/post-build/csp.mjs';
import { publicUrls } from '../scripts/post-build/public-urls.mjs';
import { serviceWorker } from '../scripts/post-build/service-worker.mjs';
import { headers, headersFor, parseHeaders } from '../scripts/post-build/headers.mjs';

const root = resolve(import.meta.dirname, '..');
const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** A build directory holding `files` ({ path: content }), removed after `fn`. */
async function withBuild(files, fn) {
  const dir = await mkdtemp(join(tmpdir(), 'post-build-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
    }
    await fn({ dir, publicUrl: '/sub/', sourceDir: root }, (path) => readFile(join(dir, path), 'utf8'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const page = (head, body = '') =>
  `<!DOCTYPE html>\n<html lang="en">\n<head>\n  <meta charset="utf-8">\n  <title>t</title>\n${head}</head>\n<body>${body}</body>\n</html>\n`;

const policyOf = (html) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];

/** Trunk's loader as a build has it: Trunk.toml's pattern_script, filled in. */
async function loaderText(base = '/sub/') {
  const toml = await readFile(join(root, 'Trunk.toml'), 'utf8');
  const script = /^pattern_script\s*=\s*"""([\s\S]*?)"""/m.exec(toml)[1];
  return /^<script[^>]*>([\s\S]*)<\/script>\s*$/.exec(script)[1]
    .replaceAll('{base}', base)
    .replaceAll('{js}', 'goosebumps-0123456789abcdef.js')
    .replaceAll('{wasm}', 'goosebumps-0123456789abcdef_bg.wasm');
}

/** The home page's redirect of old `/#comment-…` links, as src/render/page.rs writes it. */
const oldLinks = (to) => `if(/^#(comment|respond)/.test(location.hash))location.replace(${JSON.stringify(to)}+location.hash)`;

test('csp hashes the inline scripts the build makes, as the browser reads them', async () => {
  const loader = await loaderText();
  const redirect = oldLinks('/sub/a-post/');
  const html = page(
    // CR LF reaches the browser as LF: the hash is of what the browser reads.
    `  <script type="module">${loader.replaceAll('\n', '\r\n')}</script>\n  <script src="/sub/x.js" defer></script>\n`,
    // JSON-LD is data, which no policy applies to: not hashed.
    `<script>${redirect}</script><script type="application/ld+json">{"a":1}</script><style>p{color:red}</style>`,
  );
  await withBuild({ 'index.html': html }, async (build, read) => {
    await csp(build);
    const out = await read('index.html');
    const policy = policyOf(out);
    assert.ok(policy, 'a CSP <meta>');
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src '));
    assert.equal(scriptSrc, `script-src 'self' 'wasm-unsafe-eval' ${[hash(loader), hash(redirect)].join(' ')}`);
    assert.ok(!policy.includes(hash('{"a":1}')), 'JSON-LD is not hashed');
    assert.ok(policy.includes(`style-src 'self' ${hash('p{color:red}')}`));
    assert.ok(!/'unsafe-inline'|'unsafe-eval'/.test(policy));
    assert.ok(policy.includes("base-uri 'none'") && policy.includes("object-src 'none'"));
    assert.ok(!policy.includes('frame-ancestors'), 'frame-ancestors is ignored in a <meta>');
    // Right after <meta charset>.
    assert.match(out, /<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy"/);
    // The same policy as a header (its hashes sorted), plus frame-ancestors, for the public URL.
    const sorted = policy.replace(scriptSrc, `script-src 'self' 'wasm-unsafe-eval' ${[hash(loader), hash(redirect)].sort().join(' ')}`);
    assert.ok((await read('_headers')).includes(`/sub/*\n  Content-Security-Policy: ${sorted}; frame-ancestors 'none'\n`));

    // Again on its own output: the same page (one policy, no drift).
    await csp(build);
    assert.equal(await read('index.html'), out);
  });
});

test('csp fails the build, naming the page, on an inline script the build does not make', async () => {
  const loader = await loaderText();
  for (const script of [
    '<script>alert(1)</script>',
    '<script type="module">import("/x.js")</script>',
    '<script type="text/javascript">x()</script>',
    `<script>${oldLinks('/a/"+alert(1)+"')}</script>`,
    `<script type="module">${loader}x()</script>`,
  ]) {
    await withBuild({ 'index.html': page(''), 'a-post/index.html': page('', script) }, async (build) => {
      await assert.rejects(csp(build), /a-post\/index\.html has an inline script the build does not make/, script);
    });
  }
  // Data is not script: any JSON type passes, and is not hashed.
  await withBuild({ 'index.html': page('', '<script type="application/json">{"alert":1}</script>') }, async (build, read) => {
    await csp(build);
    assert.ok(!policyOf(await read('index.html')).includes('sha256'));
  });
});

test('csp puts the policy first in <head> when there is no <meta charset>', async () => {
  const html = '<!DOCTYPE html>\n<html>\n<head>\n  <link rel="stylesheet" href="/a.css">\n</head>\n<body></body>\n</html>\n';
  await withBuild({ 'index.html': html }, async (build, read) => {
    await csp(build);
    assert.match(await read('index.html'), /<head>\n<meta http-equiv="Content-Security-Policy" content="[^"]+">\n  <link/);
  });
});

test('csp refuses what no hash can allow', async () => {
  for (const [what, html] of [
    ['an inline style attribute', page('', '<p style="color:red">x</p>')],
    ['an inline event handler', page('', '<img src="a.png" onerror="x()">')],
    ['a javascript: URL', page('', '<a href="javascript:x()">x</a>')],
    ['<base>', page('  <base href="/sub/">\n')],
  ]) {
    await withBuild({ 'index.html': html }, async (build) => {
      await assert.rejects(csp(build), /strict CSP blocks/, what);
    });
  }
});

test('publicUrls prefixes the relative <head> URLs with the public URL and refuses <base>', async () => {
  const head =
    '  <link rel="icon" href="favicon.svg">\n  <link rel="manifest" href=\'manifest.webmanifest\'>\n' +
    '  <link rel="stylesheet" href="/sub/main-0123.css">\n  <link rel="preconnect" href="https://example.com">\n' +
    '  <script src="sw-register.js" defer></script>\n';
  await withBuild({ 'index.html': page(head, '<img src="flags/mt.svg" alt="">') }, async (build, read) => {
    await publicUrls(build);
    const out = await read('index.html');
    for (const url of ['/sub/favicon.svg', '/sub/manifest.webmanifest', '/sub/main-0123.css', 'https://example.com', '/sub/sw-register.js']) {
      assert.ok(out.includes(`"${url}"`), url);
    }
    // The body is left alone: the app's URLs resolve against the page's URL.
    assert.ok(out.includes('<img src="flags/mt.svg"'));
  });
  await withBuild({ 'index.html': page('  <base href="/sub/">\n') }, async (build) => {
    await assert.rejects(publicUrls(build), /<base>/);
  });
});

test('csp gives each page its own hashes, and the header every page\'s', async () => {
  const redirect = oldLinks('/sub/a-post/');
  const loader = await loaderText();
  const home = page(`  <script>${redirect}</script>\n`);
  const post = page(`  <script type="module">${loader}</script>\n`);
  await withBuild({ 'index.html': home, 'a-post/index.html': post, '404.html': page('') }, async (build, read) => {
    await csp(build);
    const homePolicy = policyOf(await read('index.html'));
    const postPolicy = policyOf(await read('a-post/index.html'));
    assert.ok(homePolicy.includes(hash(redirect)) && !homePolicy.includes(hash(loader)));
    assert.ok(postPolicy.includes(hash(loader)) && !postPolicy.includes(hash(redirect)));
    assert.ok(!policyOf(await read('404.html')).includes('sha256'));
    const header = await read('_headers');
    assert.ok(header.includes(hash(redirect)) && header.includes(hash(loader)));
  });
});

test('serviceWorker precaches the build but not the videos, with a version that follows the bytes', async () => {
  const files = {
    'index.html': page(''),
    'a-post/index.html': page(''),
    '404.html': page(''),
    'app-0123456789abcdef.js': 'js',
    'app-0123456789abcdef_bg.wasm': 'wasm',
    'flags/mt.svg': '<svg/>',
    'media/clip.mp4': 'video',
    'media/clip.webm': 'video',
    'media/poster.jpg': 'jpg',
    '_headers': 'headers',
  };
  let first;
  await withBuild(files, async (build, read) => {
    await serviceWorker(build);
    const sw = await read('sw.js');
    const built = JSON.parse(/const BUILD = (\{[\s\S]*?\});/.exec(sw)[1]);
    // Every page, each at its folder's address; the app's code is kept once fetched, not precached.
    assert.deepEqual(built.files, ['./', '404.html', 'a-post/', 'flags/mt.svg', 'media/poster.jpg']);
    assert.deepEqual(built.code, ['app-0123456789abcdef.js', 'app-0123456789abcdef_bg.wasm']);
    assert.match(built.version, /^[0-9a-f]{16}$/);
    assert.ok(sw.includes("self.addEventListener('fetch'"), 'the worker itself is kept');
    first = built.version;
    // Run again (sw.js now exists): the same version.
    await serviceWorker(build);
    assert.equal(JSON.parse(/const BUILD = (\{[\s\S]*?\});/.exec(await read('sw.js'))[1]).version, first);
  });
  await withBuild({ ...files, 'flags/mt.svg': '<svg></svg>' }, async (build, read) => {
    await serviceWorker(build);
    assert.notEqual(JSON.parse(/const BUILD = (\{[\s\S]*?\});/.exec(await read('sw.js'))[1]).version, first);
  });
  await withBuild({ ...files, 'media/clip.mp4': 'another video' }, async (build, read) => {
    await serviceWorker(build);
    assert.equal(JSON.parse(/const BUILD = (\{[\s\S]*?\});/.exec(await read('sw.js'))[1]).version, first);
  });
});

/**
 * The worker that `serviceWorker` writes, run in a made-up worker scope at
 * `https://site.example/sub/`: `server` answers its network requests (a path →
 * body, or `offline`), and `requests` lists them as `[url, cache mode]`.
 */
async function runWorker(sw, server) {
  const listeners = {};
  const stores = new Map();
  const requests = [];
  const network = async (input, init) => {
    const request = new Request(input, init);
    requests.push([request.url, request.cache]);
    if (server.offline) throw new TypeError('Failed to fetch');
    const body = server.files[new URL(request.url).pathname];
    return body === undefined ? new Response('not found', { status: 404 }) : new Response(body, { status: 200 });
  };
  const store = (name) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const entries = stores.get(name);
    const key = (request) => (typeof request === 'string' ? request : request.url);
    return {
      match: async (request) => entries.get(key(request))?.clone(),
      put: async (request, response) => void entries.set(key(request), response),
      addAll: async (list) => {
        for (const request of list) entries.set(key(request), await network(request));
      },
    };
  };
  const context = vm.createContext({
    URL, Request, Response, console,
    // (A worker's timers never keep the test running.)
    setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
    fetch: network,
    caches: { open: async (name) => store(name), keys: async () => [...stores.keys()], delete: async (name) => stores.delete(name) },
    self: {
      registration: { scope: 'https://site.example/sub/' },
      location: new URL('https://site.example/sub/sw.js'),
      clients: { claim: async () => {} },
      skipWaiting: () => {},
      addEventListener: (type, listener) => void (listeners[type] = listener),
    },
  });
  vm.runInContext(sw, context);
  const waitUntil = async (type) => {
    let done;
    listeners[type]({ waitUntil: (promise) => void (done = promise) });
    await done;
  };
  await waitUntil('install');
  await waitUntil('activate');
  requests.length = 0;
  return {
    requests,
    stores,
    /** What the worker answers for `url` (`navigate`: as a page), or undefined when it leaves it to the browser. */
    async fetch(url, { navigate = false } = {}) {
      const request = new Request(url);
      if (navigate) Object.defineProperty(request, 'mode', { value: 'navigate' });
      let answer;
      const extended = [];
      listeners.fetch({ request, respondWith: (response) => void (answer = response), waitUntil: (promise) => void extended.push(promise) });
      const response = await answer;
      await Promise.all(extended);
      return response && { status: response.status, body: await response.text() };
    },
  };
}

test('the worker reads the published replies network first, past the HTTP cache, and its own copy only offline', async () => {
  const files = {
    'index.html': page('', 'old page'),
    'a-post/index.html': page('', 'old post'),
    '404.html': page(''),
    'app-0123456789abcdef.js': 'js',
    'flags/mt.svg': '<svg/>',
    'replies/a-post.json': '{"old":true}',
    'replies/gone.json': '{"gone":false}',
  };
  await withBuild(files, async (build, read) => {
    await serviceWorker(build);
    const built = JSON.parse(/const BUILD = (\{[\s\S]*?\});/.exec(await read('sw.js'))[1]);
    // Precached, so they read offline.
    assert.ok(built.files.includes('replies/a-post.json'));
    // As a host serves them: a page at its folder's address.
    const server = { files: Object.fromEntries(Object.entries(files).map(([path, body]) => [`/sub/${path.replace(/index\.html$/, '')}`, body])), offline: false };
    const worker = await runWorker(await read('sw.js'), server);
    const cached = [...[...worker.stores.values()][0].keys()];
    assert.ok(cached.includes('https://site.example/sub/replies/a-post.json'));

    // The owner published again: the server's file, revalidated, and never written into this version's cache.
    server.files['/sub/replies/a-post.json'] = '{"new":true}';
    server.files['/sub/a-post/'] = page('', 'new post');
    assert.deepEqual(await worker.fetch('https://site.example/sub/replies/a-post.json'), { status: 200, body: '{"new":true}' });
    assert.deepEqual(worker.requests, [['https://site.example/sub/replies/a-post.json', 'no-cache']]);
    // …as is the page that shows them, which fetches them at once, for the app to take.
    worker.requests.length = 0;
    server.files['/sub/replies/a-post.json'] = '{"newer":true}';
    assert.match((await worker.fetch('https://site.example/sub/a-post/', { navigate: true })).body, /new post/);
    assert.deepEqual(worker.requests, [
      ['https://site.example/sub/a-post/', 'no-cache'],
      ['https://site.example/sub/replies/a-post.json', 'no-cache'],
    ]);
    assert.deepEqual(await worker.fetch('https://site.example/sub/replies/a-post.json'), { status: 200, body: '{"newer":true}' });
    assert.equal(worker.requests.length, 2, 'the early answer, taken once');
    assert.deepEqual(await worker.fetch('https://site.example/sub/replies/a-post.json'), { status: 200, body: '{"newer":true}' });
    assert.equal(worker.requests.length, 3, 'then the network again');
    // A page whose post has no replies in this version (or no post) fetches nothing more.
    worker.requests.length = 0;
    await worker.fetch('https://site.example/sub/', { navigate: true });
    await worker.fetch('https://site.example/sub/no-replies/', { navigate: true });
    assert.deepEqual(worker.requests.map(([url]) => url), ['https://site.example/sub/', 'https://site.example/sub/no-replies/']);
    // A file the server no longer has is gone: its 404, not the cached copy.
    delete server.files['/sub/replies/gone.json'];
    assert.equal((await worker.fetch('https://site.example/sub/replies/gone.json')).status, 404);

    // Offline: this version's page and file, which agree.
    server.offline = true;
    assert.match((await worker.fetch('https://site.example/sub/a-post/', { navigate: true })).body, /old post/);
    assert.deepEqual(await worker.fetch('https://site.example/sub/replies/a-post.json'), { status: 200, body: '{"old":true}' });
    assert.match((await worker.fetch('https://site.example/sub/a-post/', { navigate: true })).body, /old post/);
    // A replies file it never had: the network's failure, as the browser would give it.
    await assert.rejects(worker.fetch('https://site.example/sub/replies/never.json'), /Failed to fetch/);

    // Other precached files stay cache first; other addresses are the browser's.
    server.offline = false;
    worker.requests.length = 0;
    assert.deepEqual(await worker.fetch('https://site.example/sub/flags/mt.svg'), { status: 200, body: '<svg/>' });
    assert.equal(await worker.fetch('https://site.example/sub/replies/a-post.json?x'), undefined);
    assert.equal(await worker.fetch('https://site.example/sub/replies/nested/a.json'), undefined);
    assert.equal(await worker.fetch('https://site.example/other/replies/a-post.json'), undefined);
    assert.deepEqual(worker.requests, []);
  });
});

test('headers writes _headers with the security headers and the caching rules, each checked', async () => {
  const files = {
    'index.html': page(`  <script type="module">${await loaderText()}</script>\n`),
    // Trunk writes the hash without leading zeros: 15 digits here.
    'goosebumps-915b2c139d8f961.js': 'js',
    'goosebumps-915b2c139d8f961_bg.wasm': 'wasm',
    'main-fedcba9876543210.css': 'css',
    'sw.js': 'sw',
    'reader.js': 'reader',
    'sw-prompt.css': 'css',
    'feed.xml': '<rss/>',
    'flags/mt.svg': '<svg/>',
    'media/clip-0123456789abcdef.mp4': 'not top-level: not Trunk\'s',
    // Published replies (a slug that looks like a feed's name too).
    'replies/a-post.json': '{}',
    'replies/feed-of-tears.json': '{}',
  };
  await withBuild(files, async (build, read) => {
    await csp(build);
    await headers(build);
    const text = await read('_headers');
    const policy = policyOf(await read('index.html'));
    // The CSP line stays right under the path line (as before), frame-ancestors added.
    assert.ok(text.includes(`/sub/*\n  Content-Security-Policy: ${policy}; frame-ancestors 'none'\n`));
    const rules = parseHeaders(text);
    const at = (path) => headersFor(rules, path);

    // Every response: each security header, with the value a careful host sends.
    for (const path of ['/sub/', '/sub/index.html', '/sub/goosebumps-915b2c139d8f961.js', '/sub/flags/mt.svg', '/sub/sw.js']) {
      const h = at(path);
      assert.equal(h['x-content-type-options'], 'nosniff', path);
      assert.ok(['strict-origin-when-cross-origin', 'strict-origin', 'same-origin', 'no-referrer'].includes(h['referrer-policy']), path);
      assert.equal(h['cross-origin-opener-policy'], 'same-origin', path);
      assert.ok(h['content-security-policy'].startsWith("default-src 'self'"), path);
      const permissions = Object.fromEntries(h['permissions-policy'].split(', ').map((d) => d.split('=')));
      for (const denied of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'display-capture', 'browsing-topics']) {
        assert.equal(permissions[denied], '()', `${denied} is denied`);
      }
      for (const used of ['fullscreen', 'picture-in-picture']) assert.match(permissions[used], /^\(self\b/, `${used} for the page`);
    }
    // Hashed files: a year, immutable; the page, the worker, its script and feeds: no-cache.
    for (const file of ['goosebumps-915b2c139d8f961.js', 'goosebumps-915b2c139d8f961_bg.wasm', 'main-fedcba9876543210.css']) {
      assert.equal(at(`/sub/${file}`)['cache-control'], 'public, max-age=31536000, immutable', file);
    }
    for (const path of ['/sub/', '/sub/index.html', '/sub/sw.js', '/sub/reader.js', '/sub/feed.xml']) {
      assert.equal(at(path)['cache-control'], 'no-cache', path);
    }
    // The published replies, the built ones and one published later, once each: the
    // page's HTML shows them, so neither may be kept stale (the worker fetches them
    // network first).
    for (const path of ['/sub/replies/a-post.json', '/sub/replies/feed-of-tears.json', '/sub/replies/a-later-post.json']) {
      assert.equal(at(path)['cache-control'], 'no-cache', path);
    }
    assert.equal(rules.filter((rule) => rule.path.includes('replies')).map((rule) => rule.path).join(), '/sub/replies/*');
    // Unhashed files are left to the host (never immutable), and no path gets two values.
    for (const path of ['/sub/sw-prompt.css', '/sub/flags/mt.svg', '/sub/media/clip-0123456789abcdef.mp4']) {
      assert.equal(at(path)['cache-control'], undefined, path);
    }
    for (const rule of rules) {
      const value = at(rule.path.replace('*', 'x'))['cache-control'];
      assert.ok([undefined, 'no-cache', 'public, max-age=31536000, immutable'].includes(value), `${rule.path}: ${value}`);
    }

    // Again on its own output: the same file.
    await csp(build);
    await headers(build);
    assert.equal(await read('_headers'), text);
  });
});

test('headers refuses a build without a policy or without hashed files', async () => {
  await withBuild({ 'index.html': page(''), '_headers': '/*\n' }, async (build) => {
    await assert.rejects(headers(build), /Content-Security-Policy/);
  });
  await withBuild({ 'index.html': page('') }, async (build) => {
    await csp(build);
    await assert.rejects(headers(build), /hashed/);
  });
});

test('drafts fails a build that holds a draft\'s page, address or text, and passes one without', async () => {
  const { drafts } = await import('../scripts/post-build/drafts.mjs');
  const posts = await mkdtemp(join(tmpdir(), 'drafts-posts-'));
  const env = { dir: process.env.GOOSEBUMPS_POSTS_DIR, shown: process.env.GOOSEBUMPS_DRAFTS };
  process.env.GOOSEBUMPS_POSTS_DIR = posts;
  delete process.env.GOOSEBUMPS_DRAFTS;
  try {
    const quote = 'A draft quote that nobody has read yet, long enough to be unique.';
    await writeFile(join(posts, 'a-draft.json'), JSON.stringify({ slug: 'a-draft', draft: true, title: 'Short', testimonial: { quote } }));
    await writeFile(join(posts, 'published.json'), JSON.stringify({ slug: 'published', draft: false, testimonial: { quote: 'Published words.' } }));
    await writeFile(join(posts, 'broken.json'), '{ "slug": ');
    const clean = { 'index.html': page('', '<a href="/published/">Published words.</a>'), 'published/index.html': page('') };
    await withBuild(clean, async (build) => {
      assert.match(await drafts(build), /1 draft\(s\) checked/);
    });
    for (const [what, files] of [
      ['its page', { ...clean, 'a-draft/index.html': page('') }],
      ['its replies', { ...clean, 'replies/a-draft.json': '{}' }],
      ['its address', { ...clean, 'sw.js': 'const PRECACHED = ["/a-draft/"];' }],
      ['its text, in the wasm', { ...clean, 'goosebumps-0123_bg.wasm': Buffer.concat([Buffer.from([0, 97, 115, 109]), Buffer.from(quote)]) }],
    ]) {
      await withBuild(files, async (build) => {
        await assert.rejects(drafts(build), /a draft is in the build:\n {2}.*a-draft\.json/, what);
      });
    }
    // A build that shows drafts (cargo xtask serve) is not checked.
    process.env.GOOSEBUMPS_DRAFTS = '1';
    await withBuild({ ...clean, 'a-draft/index.html': page('') }, async (build) => {
      assert.match(await drafts(build), /shown/);
    });
  } finally {
    for (const [name, value] of [['GOOSEBUMPS_POSTS_DIR', env.dir], ['GOOSEBUMPS_DRAFTS', env.shown]]) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await rm(posts, { recursive: true, force: true });
  }
});
