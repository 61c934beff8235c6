// A plain static file server for the end-to-end tests and benchmarks: the release
// build as any static host would serve it. `/sub/…` serves dist-sub/ (built with
// --public-url /sub/), everything else dist/. Binds to 127.0.0.1 only.
// For the benchmarks: SERVE_DIR=<folder> serves that folder instead of dist/, and
// COMPRESS=1 answers with brotli or gzip (as the browser accepts), as real hosts do.
// HEADERS=1 sends the headers of the served folder's `_headers` (CSP, nosniff,
// Cache-Control…) as Netlify and Cloudflare Pages would (the cross-engine suite,
// tests/engines/, does). Off by default: the Playwright suite counts CSP violations
// and the <meta> policy alone reports each once (a header policy reports it again).
// CACHE_CONTROL=<value> sends that Cache-Control with every file instead, as a host
// without custom headers does (GitHub Pages: max-age=600; tests/e2e/deploy.spec.ts).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { headersFor, parseHeaders } from '../../scripts/post-build/headers.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const port = Number(process.env.PORT ?? 4173);
const mainDir = process.env.SERVE_DIR ?? 'dist';
const compress = process.env.COMPRESS === '1';
const compressible = new Set(['.html', '.js', '.wasm', '.css', '.svg', '.vtt', '.json']);
const compressed = new Map();
const hostHeaders = process.env.HEADERS === '1';
const cacheControl = process.env.CACHE_CONTROL ? { 'cache-control': process.env.CACHE_CONTROL } : {};
// Each folder's rules, read once (the build does not change while serving).
const rulesOf = new Map();
function rulesFor(dir) {
  if (!rulesOf.has(dir)) {
    let text = '';
    try {
      text = readFileSync(join(root, dir, '_headers'), 'utf8');
    } catch {}
    rulesOf.set(dir, parseHeaders(text));
  }
  return rulesOf.get(dir);
}
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const dirOf = (pathname) => (pathname.startsWith('/sub/') ? 'dist-sub' : mainDir);

function locate(pathname) {
  const [dir, rest] = pathname.startsWith('/sub/') ? ['dist-sub', pathname.slice(5)] : [mainDir, pathname.slice(1)];
  const base = join(root, dir);
  const file = normalize(join(base, decodeURIComponent(rest)));
  return file.startsWith(base) ? file : null;
}

createServer(async (req, res) => {
  const { pathname } = new URL(req.url, 'http://localhost');
  let file = locate(pathname);
  try {
    if (file && (await stat(file)).isDirectory()) {
      // As static hosts do: a folder's address without its slash is redirected.
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${pathname}/` });
        res.end();
        return;
      }
      file = join(file, 'index.html');
    }
    let body = await readFile(file);
    if (extname(file) === '.js' && file.endsWith('/sw.js') && /(?:^|;\s*)deployment=next(?:;|$)/.test(req.headers.cookie ?? '')) {
      // For the update test: a browser context with the cookie `deployment=next` gets
      // the service worker of a next deployment (the same worker, another version).
      // The browser fetches sw.js itself to look for updates, where no route reaches.
      body = Buffer.from(body.toString('utf8').replace(/"version": "([0-9a-f]+)"/, '"version": "$1-next"'));
    }
    const range = /bytes=(\d*)-(\d*)/.exec(req.headers.range ?? '');
    const headers = {
      ...(hostHeaders ? headersFor(rulesFor(dirOf(pathname)), pathname) : cacheControl),
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'accept-ranges': 'bytes',
    };
    const accepted = req.headers['accept-encoding'] ?? '';
    const encoding = !compress || range || !compressible.has(extname(file)) ? null
      : /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
    if (encoding) {
      // The files do not change while serving: compress each once.
      const key = `${encoding}:${file}`;
      if (!compressed.has(key)) {
        compressed.set(key, encoding === 'br'
          ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } })
          : gzipSync(body, { level: 9 }));
      }
      res.writeHead(200, { ...headers, 'content-encoding': encoding, vary: 'accept-encoding' });
      res.end(compressed.get(key));
    } else if (range) {
      // Media elements ask for ranges; answer them like a real host.
      const start = Number(range[1] || 0);
      const end = range[2] ? Number(range[2]) : body.length - 1;
      res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${body.length}` });
      res.end(body.subarray(start, end + 1));
    } else {
      res.writeHead(200, headers);
      res.end(body);
    }
  } catch {
    // As static hosts do: the site's own 404.html, with the status 404 (but for
    // the benchmarks' blank pages, which must load nothing: tests/bench/lib.mjs).
    const root404 = locate(pathname.startsWith('/sub/') ? '/sub/404.html' : '/404.html');
    try {
      if (pathname.includes('/__bench')) throw new Error('a blank page');
      const body = await readFile(root404);
      res.writeHead(404, {
        ...(hostHeaders ? headersFor(rulesFor(dirOf(pathname)), pathname) : {}),
        'content-type': types['.html'],
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${mainDir}/ and dist-sub/ at http://127.0.0.1:${port}/`));
