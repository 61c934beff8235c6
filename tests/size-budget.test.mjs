// Size guard on the release build (dist/), brotli-compressed as a host would serve it.
// Run by `cargo xtask test` after the build: node --test tests/size-budget.test.mjs
//
// Issue 5 asks for WASM + JS ≤ 100 KB and the page without video ≤ 150 KB. The build
// is not there yet (see BENCHMARKS.md); until it is, these ceilings only stop it
// from growing unnoticed. Lower them as the bundle shrinks.
//
// Raised from 175,000 / 200,000 when the comments were reshaped (issue 11: the
// Repository, per-comment triggers and Selectors, the lost-text fixes) and grew the
// build from 173,373 to 182,709 B: that growth is not won back yet, and issues 12
// and 13 ask for 180,000. Lower these to 180,000 / 200,000 once it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { POST } from './support/records.mjs';
import { brotliSize, filesUnder } from './support/sizes.mjs';

const DIST = resolve(import.meta.dirname, '..', process.env.SIZE_DIST ?? 'dist');
// Raised again to 200,000 / 222,000 when the reader's side of issue 12 landed (the
// Send for publishing dialog, published replies merged into the thread, the
// browser's promise to keep them): 182,746 → about 197,900 B. Issues 11, 12 and 13
// stay open on this: the target is still 180,000 / 200,000.
// Lowered to 195,000 / 217,000 when the site of issue 13 had landed (it added no
// bytes: every page loads the same app) and three cuts won back 4,170 B (one
// builder for the index's maps, no <Show>; 197,699 → 193,529 B).
// The page's ceiling raised to 220,000 with issue 25: a first visit that writes
// loads reader.js (2,982 B; the old sw-register.js was 1,465 B) and each post's
// page holds its video player inert for reader.js (+~300 B); a visit that only
// reads loads neither the app nor sw-update.js (see the reading ceiling above).
const CEILING = { wasmJs: 195_000, pageWithoutVideo: 220_000 };

test('WASM + JS stay under their ceiling', () => {
  const app = filesUnder(DIST).filter((f) => /goosebumps-[0-9a-f]+(_bg\.wasm|\.js)$/.test(f));
  assert.equal(app.length, 2, `one .wasm and one .js in dist/: ${app}`);
  const bytes = app.reduce((sum, f) => sum + brotliSize(f), 0);
  console.log(`WASM + JS: ${bytes} bytes brotli (ceiling ${CEILING.wasmJs}, issue 5 target 100000)`);
  assert.ok(bytes <= CEILING.wasmJs, `${bytes} > ${CEILING.wasmJs}`);
});

// What a reading visit fetches (issue 25): the page's HTML, the stylesheet and the
// one small script, reader.js; no WebAssembly, no wasm-bindgen glue (the app comes on
// the reader's intent). reader.js alone stays within 3,000 bytes. Images (a flag, no
// more) are not counted: they are the content's.
const READING = { script: 3_000, post: 14_000, page: 11_000 };

test('a reading visit: HTML, CSS and reader.js under their ceiling', () => {
  const css = filesUnder(DIST).filter((f) => /\/main-[0-9a-f]+\.css$/.test(f));
  assert.equal(css.length, 1, `one stylesheet in dist/: ${css}`);
  const script = brotliSize(join(DIST, 'reader.js'));
  console.log(`reader.js: ${script} bytes brotli (ceiling ${READING.script})`);
  assert.ok(script <= READING.script, `reader.js: ${script} > ${READING.script}`);
  for (const page of [`${POST}/index.html`, 'index.html', '404.html']) {
    const html = readFileSync(join(DIST, page), 'utf8');
    // The page loads reader.js and no other script file; the app is not preloaded.
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(scripts.map((s) => s.replace(/^.*\//, '')), ['reader.js'], `${page}: ${scripts}`);
    assert.ok(!/rel="(modulepreload|preload)"/.test(html), `${page} preloads nothing`);
    const bytes = brotliSize(join(DIST, page)) + brotliSize(css[0]) + script;
    const ceiling = page === `${POST}/index.html` ? READING.post : READING.page;
    console.log(`reading ${page}: ${bytes} bytes brotli (HTML + CSS + reader.js; ceiling ${ceiling})`);
    assert.ok(bytes <= ceiling, `${page}: ${bytes} > ${ceiling}`);
  }
});

// What a first visit to one page that writes loads: that page's HTML and the site's files,
// but not the other pages, the feeds and sitemap, the sample video files, the
// install-only assets (icons, manifest), the service worker's own files or the
// hosts' configuration (_headers, nginx.conf, .htaccess: read by the host, never
// by a reader's browser).
const assets = filesUnder(DIST).filter(
  (f) => !/\.(webm|mp4|html|xml)$|\/icons\/|manifest|sw\.js$|sw-update\.js$|_headers$|nginx\.conf$|\.htaccess$|robots\.txt$/.test(f),
);
const firstVisit = (page) => [join(DIST, page), ...assets].reduce((sum, f) => sum + brotliSize(f), 0);

test('the post page without its video stays under its ceiling', () => {
  const bytes = firstVisit(`${POST}/index.html`);
  console.log(`post page without video: ${bytes} bytes brotli in ${assets.length + 1} files (ceiling ${CEILING.pageWithoutVideo}, issue 5 target 150000)`);
  assert.ok(bytes <= CEILING.pageWithoutVideo, `${bytes} > ${CEILING.pageWithoutVideo}`);
});

test('every page of the site is there, and each stays under the ceiling', () => {
  const pages = filesUnder(DIST).filter((f) => f.endsWith('.html')).map((f) => relative(DIST, f));
  for (const page of ['index.html', `${POST}/index.html`, '404.html']) assert.ok(pages.includes(page), `${page} in ${pages}`);
  for (const page of pages) {
    const html = brotliSize(join(DIST, page));
    const bytes = firstVisit(page);
    console.log(`${page}: ${html} bytes brotli; with the site's files ${bytes}`);
    assert.ok(bytes <= CEILING.pageWithoutVideo, `${page}: ${bytes} > ${CEILING.pageWithoutVideo}`);
  }
});
