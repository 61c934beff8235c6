// The site as a host serves it, for the cross-engine suite: tests/e2e/serve.mjs
// with HEADERS=1 (dist/ and dist-sub/ as static files, with the headers of their
// `_headers`), behind a small proxy on 127.0.0.1 that only
//   - adds one <script src="/__engines/probe.js"> to each HTML page, right after the
//     CSP <meta> (the probe, problems.mjs, is allowed by script-src 'self': nothing
//     about the policy is loosened), so errors are recorded from the page's start;
//   - can go "offline": every request of the site then fails at the connection (as
//     with no network), except the probe's own file, which is the harness, not the site;
//   - can hold the app's code (its `_bg.wasm`) back until released, so a test acts
//     before the app is live, as a reader on a slow network does (the code is
//     served `no-store`, so no engine answers it from its HTTP cache).
import { spawn } from 'node:child_process';
import { createServer, request } from 'node:http';
import { resolve } from 'node:path';
import { PROBE_PATH, PROBE_SOURCE } from './problems.mjs';

const root = resolve(import.meta.dirname, '..', '..');

/** Starts serve.mjs and the proxy; resolves to { origin, setOffline(bool), stop() }. */
export async function startSite({ port = 4273 } = {}) {
  const innerPort = port + 1;
  const inner = spawn(process.execPath, ['tests/e2e/serve.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: String(innerPort), HEADERS: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((ok, fail) => {
    inner.once('error', fail);
    inner.once('exit', (code) => fail(new Error(`serve.mjs exited (${code})`)));
    inner.stdout.once('data', ok);
  });

  let offline = false;
  // While the app's code is held: the requests for it, answered on release.
  let held = null;
  const proxy = createServer(async (req, res) => {
    // The app's code is never kept by the engine's HTTP cache (every test's hold
    // holds; the real headers are tested on real servers, e2e/hosts.spec.ts).
    const code = /_bg\.wasm(\?|$)/.test(req.url);
    if (held && code) await new Promise((go) => held.push(go));
    if (req.url === PROBE_PATH) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(PROBE_SOURCE);
      return;
    }
    if (req.url === '/__engines/blank') {
      // A page of the site's origin with nothing of the site: to clear its storage.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end('<!DOCTYPE html><title>blank</title>');
      return;
    }
    if (offline) {
      req.socket.destroy();
      return;
    }
    const headers = { ...req.headers };
    delete headers['accept-encoding'];
    const upstream = request({ host: '127.0.0.1', port: innerPort, method: req.method, path: req.url, headers }, (up) => {
      const type = up.headers['content-type'] ?? '';
      if (!type.startsWith('text/html')) {
        res.writeHead(up.statusCode, code ? { ...up.headers, 'cache-control': 'no-store' } : up.headers);
        up.pipe(res);
        return;
      }
      const chunks = [];
      up.on('data', (c) => chunks.push(c));
      up.on('end', () => {
        const html = Buffer.concat(chunks).toString('utf8');
        const tag = `<script src="${PROBE_PATH}"></script>`;
        const csp = /<meta http-equiv="Content-Security-Policy"[^>]*>/.exec(html);
        const body = csp ? html.replace(csp[0], `${csp[0]}${tag}`) : html.replace('<head>', `<head>${tag}`);
        const out = { ...up.headers };
        delete out['content-length'];
        res.writeHead(up.statusCode, out);
        res.end(body);
      });
    });
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  });
  await new Promise((ok) => proxy.listen(port, '127.0.0.1', ok));
  return {
    origin: `http://127.0.0.1:${port}`,
    setOffline(value) {
      offline = value;
    },
    /** Holds the app's code back (true) or lets it and every held request through (false). */
    holdCode(value) {
      const waiting = held ?? [];
      held = value ? waiting : null;
      if (!value) for (const go of waiting) go();
    },
    async stop() {
      proxy.closeAllConnections?.();
      await new Promise((ok) => proxy.close(ok));
      inner.kill();
    },
  };
}
