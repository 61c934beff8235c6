// 7. Published replies: start-up with 10, 1,000 and 10,000 published replies of
// the post (issue 12: 10,000 within 1.5× of 10). Each count is a copy of dist/
// with replies/<slug>.json written as the build writes it (without indentation),
// and the comments slot marked as the build marks a post that has some, so the app
// reads and merges them at start-up exactly as on a site that published them. (The
// first HTML of that copy does not show them: only the start-up is measured here;
// the prerendered first page is tested by published.spec.ts.)
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DIST, ROOT, RUNS, fmtRatio, group, log, median, ms, newPage, loadAndWait, ratio, serve, table, verdict } from './lib.mjs';
import { POST } from '../support/records.mjs';

export const COUNTS = [10, 1_000, 10_000];

/** `n` published replies: threads of five (a first reply, then four answers to it). */
export function publishedFile(n) {
  const start = Date.UTC(2024, 0, 1);
  const replies = [];
  for (let i = 1; i <= n; i++) {
    const root = i - ((i - 1) % 5);
    replies.push({
      id: `wp-${i}`,
      parent: i === root ? null : `wp-${root}`,
      author: `Reader ${i}`,
      content: `Published reply number ${i}, with a few words more, as readers write them.`,
      created_ms: start + i * 60_000,
    });
  }
  return JSON.stringify({ post: POST, replies });
}

/** A copy of dist/ whose post has `n` published replies; returns its folder. */
function distWith(n) {
  const dir = mkdtempSync(join(ROOT, 'target', `bench-published-${n}-`));
  cpSync(DIST, dir, { recursive: true });
  mkdirSync(join(dir, 'replies'), { recursive: true });
  writeFileSync(join(dir, 'replies', `${POST}.json`), publishedFile(n));
  const page = join(dir, POST, 'index.html');
  const html = readFileSync(page, 'utf8');
  const marked = html.replace('data-live="comments"', 'data-live="comments" data-published=""');
  if (marked === html) throw new Error('index.html has no comments slot to mark');
  writeFileSync(page, marked);
  return dir;
}

/**
 * Runs in the page before the app (context.addInitScript): records, from navigation
 * start, when the first reply of the thread is on screen — the frame after the
 * list's first item was added (the copy's first HTML has none; the app adds the
 * whole first page at once).
 */
function threadProbe() {
  window.__thread = null;
  const seen = () => document.querySelector('.comment-list > li');
  const mo = new MutationObserver(() => {
    if (!seen()) return;
    mo.disconnect();
    requestAnimationFrame(() => setTimeout(() => (window.__thread = performance.now()), 0));
  });
  const begin = () => mo.observe(document.documentElement, { childList: true, subtree: true });
  if (document.documentElement) begin();
  else document.addEventListener('readystatechange', begin, { once: true });
}

export async function published(browser) {
  mkdirSync(join(ROOT, 'target'), { recursive: true });
  const rows = [];
  const medians = {};
  for (const n of COUNTS) {
    const dir = distWith(n);
    const server = await serve(relative(ROOT, dir));
    try {
      const runs = [];
      for (let i = 0; i < RUNS.published; i++) {
        log(`published ${n} run ${i + 1}/${RUNS.published}`);
        const p = await newPage(browser);
        await p.context.addInitScript(threadProbe);
        try {
          const r = await loadAndWait(p, `${server.url}${POST}/`, 'goto');
          // The build-time form is already "interactive" by the probe's measure
          // while the app still reads the file: the time that counts here is when
          // the thread with the published replies is on screen too, as the page
          // itself saw it (not when this script, a round trip away, noticed).
          await p.page.waitForFunction(() => window.__thread !== null, null, { timeout: 60_000 });
          const shown = await p.page.evaluate(() => window.__thread);
          runs.push(Math.max(r.interactive, shown));
          if (p.problems.length) log(`page problems: ${p.problems.join(' / ')}`);
        } finally {
          await p.context.close();
        }
      }
      medians[n] = median(runs);
      rows.push([group(n), `**${ms(medians[n])}**`, `${ms(Math.min(...runs))} – ${ms(Math.max(...runs))}`]);
    } finally {
      server.child.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const startRatio = ratio(medians[COUNTS.at(-1)], medians[COUNTS[0]]);
  const md = [
    table(['published replies', 'interactive, with the thread shown', 'range'], rows),
    '',
    `10,000 / 10: **${fmtRatio(startRatio)}** (limit 1.5×: ${verdict(startRatio, 1.5)}). Headless Chromium, unthrottled, ` +
      `a fresh context per run, median of ${RUNS.published}; the later of interactive (as in section 4) and the frame after the ` +
      'first published reply joined the list (the app reads `replies/<slug>.json` before it shows the thread), from ' +
      'navigation start, measured in the page.',
  ].join('\n');
  return { md, startRatio };
}
