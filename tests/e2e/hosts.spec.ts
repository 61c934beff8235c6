// The host configurations the build writes (scripts/post-build/hosts.mjs: nginx.conf
// and .htaccess, from _headers) on real hosts: a build for /blog/ (dist-blog/, made by
// `cargo xtask test` with feeds and published replies) copied into Debian's nginx and
// Apache as README's "Deploying" says, each server run with its own configuration
// (tests/support/hosts.mjs). For each: the statuses (the pages, the 301 to a folder's
// slash, our 404 page for a missing address and for a folder without a page), every
// file's headers equal to what _headers says (the CSP, the other security headers,
// the caching), the media types, and in Chromium the app starting with no CSP violation.
import { test, expect, ready, POST, ROOT } from './fixtures';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { headersFor, parseHeaders } from '../../scripts/post-build/headers.mjs';
import { HOST_FILES } from '../../scripts/post-build/hosts.mjs';
import { builtFiles } from '../../scripts/post-build/html.mjs';
import { startApache, startNginx } from '../support/hosts.mjs';

const BUILD = join(ROOT, 'dist-blog');
const BASE = '/blog/';
const SECURITY = ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'permissions-policy', 'cross-origin-opener-policy'];
const IMMUTABLE = 'public, max-age=31536000, immutable';

type Host = { url: string; stop(): Promise<void>; log(): Promise<string> };

/** The build, read once: its files, _headers' rules, its 404 page. */
function readBuild() {
  if (!existsSync(join(BUILD, 'nginx.conf'))) {
    throw new Error('dist-blog/ is not built: run `cargo xtask test`, which builds it before these tests');
  }
  const rules = parseHeaders(readFileSync(join(BUILD, '_headers'), 'utf8'));
  return { rules, notFound: readFileSync(join(BUILD, '404.html'), 'utf8') };
}

/** What a GET of `path` gives, redirects not followed. */
async function get(host: Host, path: string) {
  const response = await fetch(`${host.url}${path}`, { redirect: 'manual' });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body, text: () => body.toString('utf8') };
}

/** Runs `check`; on a failure, adds the server's log to the message. */
async function withLog(host: Host, server: string, check: () => Promise<void>) {
  try {
    await check();
  } catch (error) {
    const log = await host.log().catch(() => '(no log)');
    throw Object.assign(error as Error, { message: `${(error as Error).message}\n\n${server}'s log:\n${log.slice(-3000)}` });
  }
}

/** The media type of a Content-Type (no parameters). */
const mediaType = (value: string | null) => value?.split(';')[0].trim().toLowerCase();

for (const [server, start] of [
  ['nginx', startNginx],
  ['Apache', startApache],
] as const) {
  test.describe(`${server} with the build's configuration, serving a /blog/ build`, () => {
    test.describe.configure({ mode: 'serial' });
    let host: Host;
    let build: ReturnType<typeof readBuild>;
    test.beforeAll(async () => {
      build = readBuild();
      host = await start(BUILD, BASE);
    });
    test.afterAll(async () => {
      await host?.stop();
    });

    /** Checks that `response` carries the site's security headers, exactly as _headers has them. */
    function securityHeaders(response: Awaited<ReturnType<typeof get>>, path: string) {
      const wanted = headersFor(build.rules, BASE);
      for (const name of SECURITY) expect(response.headers.get(name), `${name} of ${path}`).toBe(wanted[name]);
    }

    test('the pages, a folder without its slash, and our 404 page wherever nothing is', async () => {
      await withLog(host, server, async () => {
        for (const path of [BASE, `${BASE}${POST}/`]) {
          const page = await get(host, path);
          expect(page.status, path).toBe(200);
          expect(mediaType(page.headers.get('content-type')), path).toBe('text/html');
          expect(page.text(), path).toBe(readFileSync(join(BUILD, path.slice(BASE.length), 'index.html'), 'utf8'));
          securityHeaders(page, path);
          expect(page.headers.get('cache-control'), path).toBe('no-cache');
        }
        for (const [path, to] of [
          [`${BASE}${POST}`, `${BASE}${POST}/`],
          [BASE.slice(0, -1), BASE],
        ]) {
          const moved = await get(host, path);
          expect(moved.status, path).toBe(301);
          expect(new URL(moved.headers.get('location') ?? '', host.url).pathname, path).toBe(to);
          securityHeaders(moved, path);
        }
        // A missing address, folders that hold files but no page (never a listing or
        // the server's 403), a missing reply file, and the hosts' own files.
        for (const path of [
          `${BASE}nope/`,
          `${BASE}nope`,
          `${BASE}replies/`,
          `${BASE}flags/`,
          `${BASE}icons/`,
          `${BASE}media/`,
          `${BASE}replies/nope.json`,
          `${BASE}${POST}/nope.html`,
          ...HOST_FILES.filter((file) => file !== '.htaccess').map((file) => `${BASE}${file}`),
        ]) {
          const missing = await get(host, path);
          expect(missing.status, path).toBe(404);
          expect(mediaType(missing.headers.get('content-type')), path).toBe('text/html');
          expect(missing.text(), `${path} answers with our 404.html`).toBe(build.notFound);
          securityHeaders(missing, path);
          expect(missing.headers.get('cache-control'), path).toBe('no-cache');
        }
        // .htaccess: Apache's own rule for ^\.ht files refuses it first (403); never its text.
        const htaccess = await get(host, `${BASE}.htaccess`);
        expect(htaccess.status, '.htaccess').toBe(server === 'Apache' ? 403 : 404);
        expect(htaccess.text()).not.toContain('Header');
        securityHeaders(htaccess, '.htaccess');
      });
    });

    test('every file and page: the headers _headers gives it, the cache per kind, its media type', async () => {
      await withLog(host, server, async () => {
        const files = (await builtFiles(BUILD)).filter((file: string) => !HOST_FILES.includes(file));
        // Each page also at its folder's address.
        const paths = [
          ...files.map((file: string) => `${BASE}${file}`),
          ...files.filter((f: string) => f.endsWith('index.html')).map((f: string) => `${BASE}${f.slice(0, -'index.html'.length)}`),
        ];
        const kinds = { immutable: 0, revalidated: 0 };
        for (const path of paths) {
          const response = await get(host, path);
          expect(response.status, path).toBe(200);
          const wanted = headersFor(build.rules, path);
          for (const [name, value] of Object.entries(wanted)) expect(response.headers.get(name), `${name} of ${path}`).toBe(value);
          // Nothing _headers does not say: no Cache-Control of the server's own.
          expect(response.headers.get('cache-control'), `cache-control of ${path}`).toBe(wanted['cache-control'] ?? null);

          // The kinds, as README says (not only as _headers says).
          const file = path.slice(BASE.length);
          const cache = response.headers.get('cache-control');
          if (/^(goosebumps|main)-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(file)) {
            expect(cache, path).toBe(IMMUTABLE);
            kinds.immutable++;
          } else if (/(^|\/)(index\.html)?$|\.html$|^sw\.js$|^reader\.js$|^sw-update\.js$|(^|\/)feed\.xml$|^replies\/|^sitemap\.xml$|^robots\.txt$/.test(file)) {
            expect(cache, path).toBe('no-cache');
            kinds.revalidated++;
          } else {
            expect(cache, path).toBeNull();
          }

          const type = mediaType(response.headers.get('content-type'));
          const expected: [RegExp, string | RegExp][] = [
            [/\.wasm$/, 'application/wasm'],
            [/\.webmanifest$/, 'application/manifest+json'],
            [/(^|\/)feed\.xml$/, 'application/atom+xml'],
            [/\.json$/, 'application/json'],
            [/(^|\/)$|\.html$/, 'text/html'],
            [/\.js$/, /^(text|application)\/javascript$/],
            [/\.css$/, 'text/css'],
            [/\.svg$/, 'image/svg+xml'],
            [/\.xml$/, /^(text|application)\/xml$/],
            [/\.png$/, 'image/png'],
            [/\.jpg$/, 'image/jpeg'],
            [/\.mp4$/, 'video/mp4'],
            [/\.webm$/, 'video/webm'],
            [/\.vtt$/, 'text/vtt'],
            [/\.txt$/, 'text/plain'],
          ];
          const rule = expected.find(([pattern]) => pattern.test(file));
          expect(rule, `a media type is expected for ${path}`).toBeTruthy();
          if (typeof rule![1] === 'string') expect(type, path).toBe(rule![1]);
          else expect(type, path).toMatch(rule![1]);
        }
        // The build has each kind: 3 hashed files; pages, feeds, sw.js, replies…
        expect(kinds.immutable).toBe(3);
        expect(kinds.revalidated).toBeGreaterThanOrEqual(10);
        for (const file of ['feed.xml', `${POST}/feed.xml`, `replies/${POST}.json`, 'manifest.webmanifest']) {
          expect(files, `${file} is in the build`).toContain(file);
        }
        // The policy is the one the build made: the <meta>'s, with every page's hashes and frame-ancestors.
        const policy = headersFor(build.rules, BASE)['content-security-policy'];
        expect(policy).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
        expect(policy).toContain("frame-ancestors 'none'");
        const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(readFileSync(join(BUILD, 'index.html'), 'utf8'))![1];
        for (const directive of meta.split('; ').filter((d) => !d.startsWith('script-src'))) expect(policy).toContain(directive);
      });
    });

    test('in Chromium: the post’s app starts, the home page’s too, with no CSP violation; the service worker takes /blog/', async ({ page }) => {
      const response = await page.goto(`${host.url}${BASE}${POST}/`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toBe(headersFor(build.rules, BASE)['content-security-policy']);
      await ready(page);
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      expect(scope).toBe(`${host.url}${BASE}`);

      await page.goto(`${host.url}${BASE}`);
      await expect(page.getByRole('button', { name: 'Español' })).toBeEnabled();
    });

    test('in Chromium: a folder without a page shows our 404 page, whose app starts', async ({ page, problems }) => {
      const response = await page.goto(`${host.url}${BASE}replies/`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Page not found');
      await expect(page.getByRole('button', { name: 'Español' })).toBeEnabled();
      // The browser reports the 404 status in the console: that one is expected.
      await expect.poll(() => problems.some((p) => /404/.test(p))).toBe(true);
      problems.splice(0, problems.length, ...problems.filter((p) => !/404/.test(p)));
    });
  });
}
