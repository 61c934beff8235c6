// A plain static file server for the end-to-end tests and benchmarks: the release
// build as any static host would serve it. `/sub/…` serves dist-sub/ (built with
// --public-url /sub/), everything else dist/. Binds to 127.0.0.1 only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const port = Number(process.env.PORT ?? 4173);
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
};

function locate(pathname) {
  const [dir, rest] = pathname.startsWith('/sub/') ? ['dist-sub', pathname.slice(5)] : ['dist', pathname.slice(1)];
  const base = join(root, dir);
  const file = normalize(join(base, decodeURIComponent(rest)));
  return file.startsWith(base) ? file : null;
}

createServer(async (req, res) => {
  const { pathname } = new URL(req.url, 'http://localhost');
  let file = locate(pathname);
  try {
    if (file && (await stat(file)).isDirectory()) file = join(file, 'index.html');
    let body = await readFile(file);
    if (extname(file) === '.js' && file.endsWith('/sw.js') && /(?:^|;\s*)deployment=next(?:;|$)/.test(req.headers.cookie ?? '')) {
      // For the update test: a browser context with the cookie `deployment=next` gets
      // the service worker of a next deployment (the same worker, another version).
      // The browser fetches sw.js itself to look for updates, where no route reaches.
      body = Buffer.from(body.toString('utf8').replace(/"version": "([0-9a-f]+)"/, '"version": "$1-next"'));
    }
    const range = /bytes=(\d*)-(\d*)/.exec(req.headers.range ?? '');
    const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'accept-ranges': 'bytes' };
    if (range) {
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
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving dist/ and dist-sub/ at http://127.0.0.1:${port}/`));
