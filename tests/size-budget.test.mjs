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
import { join, relative, resolve } from 'node:path';
import { POST } from './support/records.mjs';
import { brotliSize, filesUnder } from './support/sizes.mjs';

const DIST = resolve(import.meta.dirname, '..', 'dist');
// Raised again to 200,000 / 222,000 when the reader's side of issue 12 landed (the
// Send for publishing dialog, published replies merged into the thread, the
// browser's promise to keep them): 182,746 → about 197,900 B. Issues 11, 12 and 13
// stay open on this: the target is still 180,000 / 200,000.
// Lowered to 195,000 / 217,000 when the site of issue 13 had landed (it added no
// bytes: every page loads the same app) and three cuts won back 4,170 B (one
// builder for the index's maps, no <Show>; 197,699 → 193,529 B).
const CEILING = { wasmJs: 195_000, pageWithoutVideo: 217_000 };

test('WASM + JS stay under their ceiling', () => {
  const app = filesUnder(DIST).filter((f) => /goosebumps-[0-9a-f]+(_bg\.wasm|\.js)$/.test(f));
  assert.equal(app.length, 2, `one .wasm and one .js in dist/: ${app}`);
  const bytes = app.reduce((sum, f) => sum + brotliSize(f), 0);
  console.log(`WASM + JS: ${bytes} bytes brotli (ceiling ${CEILING.wasmJs}, issue 5 target 100000)`);
  assert.ok(bytes <= CEILING.wasmJs, `${bytes} > ${CEILING.wasmJs}`);
});

// What a first visit to one page loads: that page's HTML and the site's files,
// but not the other pages, the feeds and sitemap, the sample video files, the
// install-only assets (icons, manifest), the service worker's own files or the
// hosts' configuration (_headers, nginx.conf, .htaccess: read by the host, never
// by a reader's browser).
const assets = filesUnder(DIST).filter(
  (f) => !/\.(webm|mp4|html|xml)$|\/icons\/|manifest|sw\.js$|_headers$|nginx\.conf$|\.htaccess$|robots\.txt$/.test(f),
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
