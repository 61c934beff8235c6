// 5. Comment scale: 10, 1,000 and 10,000 comments stored as the app stores them
// (tests/support/records.mjs), then start-up, posting one comment and switching to
// comment page 2, with the JS heap, the wasm memory and the DOM size.
import { commentEntry, commentId, storedComment } from '../support/records.mjs';
import { RUNS, fmtRatio, group, heap, loadAndWait, log, median, ms, newPage, ratio, rng, table, verdict } from './lib.mjs';

export const SCALE = [10, 1_000, 10_000];

const WORDS = (
  'the film made me cry when memo and ova meet again in the cell and every time I watch it I get goosebumps ' +
  'what a story about a father his daughter love hope prison soldiers kindness injustice village sea picnic ' +
  'beautiful music actors acting scene ending heartbreaking wonderful remember watched friends family'
).split(' ');

/** `n` comments as the app stores them: ~30% replies, threads up to depth 5, ids that sort by time. */
function makeComments(n, seed = 7) {
  const random = rng(seed);
  const out = [];
  const depth = [];
  let t = Date.UTC(2024, 0, 1);
  for (let i = 0; i < n; i++) {
    t += 1_000 + Math.floor(random() * 600_000);
    const id = commentId(t, Math.floor(random() * 36 ** 6));
    let parent = null;
    let d = 1;
    if (i > 0 && random() < 0.3) {
      // A reply to one of the recent comments that is not yet 5 deep.
      for (let tries = 0; tries < 20 && parent === null; tries++) {
        const j = Math.max(0, i - 1 - Math.floor(random() * 40));
        if (depth[j] < 5) {
          parent = out[j].id;
          d = depth[j] + 1;
        }
      }
    }
    const target = 80 + Math.floor(random() * 70);
    let content = '';
    while (content.length < target) content += (content ? ' ' : '') + WORDS[Math.floor(random() * WORDS.length)];
    content = content[0].toUpperCase() + content.slice(1) + '.';
    const who = 1 + Math.floor(random() * 5000);
    out.push(
      storedComment({
        id,
        parent_id: parent,
        author: `Reader ${who}`,
        email: `reader${who}@example.com`,
        url: random() < 0.2 ? `https://example.com/reader${who}` : null,
        content,
        created_ms: t,
      }),
    );
    depth.push(d);
  }
  return out;
}

/**
 * Installs a watcher: resolves when an element containing `text` is added to the
 * page (checked in the added nodes only, so the watcher costs nothing per comment),
 * one frame after it is rendered. Starts at the next click's event time.
 */
function watchFor({ text, newCommentId }) {
  window.__watch = new Promise((resolve) => {
    let start = null;
    const onClick = (e) => {
      if (start === null) start = e.timeStamp;
    };
    addEventListener('click', onClick, { capture: true });
    const before = newCommentId ? new Set([...document.querySelectorAll('[id^="comment-"]')].map((el) => el.id)) : null;
    const matches = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return text && node.data.includes(text) ? node.parentElement : null;
      if (node.nodeType !== Node.ELEMENT_NODE) return null;
      if (newCommentId) {
        const found = node.matches('[id^="comment-"]') ? node : node.querySelector('[id^="comment-"]');
        return found && !before.has(found.id) ? found : null;
      }
      return node.textContent.includes(text) ? node : null;
    };
    const finish = (result) => {
      mo.disconnect();
      clearTimeout(timer);
      removeEventListener('click', onClick, { capture: true });
      resolve(result);
    };
    const mo = new MutationObserver((records) => {
      for (const r of records) {
        const nodes = r.type === 'characterData' ? [r.target] : [...r.addedNodes];
        for (const n of nodes) {
          const el = matches(n);
          if (el) {
            mo.disconnect();
            // The frame after: the new comment has been laid out and painted.
            requestAnimationFrame(() =>
              setTimeout(() => finish({ start, end: performance.now(), visible: el.checkVisibility?.() ?? true }), 0),
            );
            return;
          }
        }
      }
    });
    mo.observe(document.body, { childList: true, subtree: true, characterData: true });
    const timer = setTimeout(() => finish({ start, timeout: true }), 30_000);
  });
}

export async function scale(browser, base) {
  const results = {};
  let pagination = false;
  for (const n of SCALE) {
    const comments = makeComments(n);
    const entries = comments.map((c) => commentEntry(c));
    const chars = entries.reduce((a, [k, v]) => a + k.length + v.length, 0);
    const replies = comments.filter((c) => c.parent_id).length;
    log(`scale ${group(n)} comments (${group(chars)} chars, ${Math.round((100 * replies) / n)}% replies)`);
    const p = await newPage(browser);
    const r = { n, chars, replies, interactive: [], post: [], pages: [], heap: [], dom: [], wasm: [], notes: new Set() };
    try {
      // Seed once, on a page of the same origin that is not the app.
      await p.page.goto(`${base}__bench_seed`);
      await p.page.evaluate((list) => {
        localStorage.clear();
        for (const [k, v] of list) localStorage.setItem(k, v);
      }, entries);
      // The app refuses a comment within 15 s of the last one (WordPress's flood
      // guard), and this loop posts faster than that: each load of the page moves
      // its clock on a minute, so every post is accepted and timed.
      await p.context.addInitScript(() => {
        const loads = Number(sessionStorage.getItem('__benchLoads') || 0) + 1;
        sessionStorage.setItem('__benchLoads', String(loads));
        const realNow = Date.now;
        Date.now = () => realNow.call(Date) + loads * 60_000;
      });
      // Warm-up: the app may build keys of its own on its first load.
      await loadAndWait(p, base, 'goto');
      for (let i = 0; i < RUNS.load; i++) {
        log(`scale ${group(n)} reload ${i + 1}/${RUNS.load}`);
        // Every reload opens page 1 (the post below leaves the address on the last).
        await p.page.evaluate(() => history.replaceState(null, '', location.pathname + location.search));
        const t = await loadAndWait(p, base, 'reload');
        r.interactive.push(t.interactive);
        const h = await heap(p);
        r.wasm.push(h.wasm);
        r.heap.push(h.usedSize);
        r.dom.push(h.dom);

        // Post one comment from the page it will be shown on (the last, oldest
        // first), as a reader does who has read to the end, and wait until it is
        // shown. From page 1 the post would also time a switch to the last page,
        // which is no work at 10 comments (one page) and a page of work at 1,000.
        await p.page.evaluate(
          () =>
            new Promise((done) => {
              location.hash = '#comments-page-999999';
              setTimeout(() => requestAnimationFrame(() => setTimeout(done, 0)), 300);
            }),
        );
        const text = `Bench comment ${n}-${i}-${Date.now().toString(36)}: the reunion scene.`;
        await p.page.getByRole('textbox', { name: 'Comment' }).fill(text);
        await p.page.getByRole('textbox', { name: 'Name' }).fill('Bench');
        await p.page.getByRole('textbox', { name: 'Email' }).fill('bench@example.com');
        await p.page.evaluate(watchFor, { text, newCommentId: false });
        await p.page.getByRole('button', { name: 'Post Comment' }).click();
        const posted = await p.page.evaluate(() => window.__watch);
        if (posted.timeout) r.notes.add('a posted comment was not shown within 30 s');
        else r.post.push(posted.end - posted.start);
      }
      // Comment pages, if the app has them.
      for (let i = 0; i < RUNS.load; i++) {
        // The address without #comments-page-2, so each run starts on page 1.
        await loadAndWait(p, base, 'goto');
        const nav = p.page.locator('nav[aria-label="Comment pages"]');
        if ((await nav.count()) === 0) {
          r.notes.add('one comment page: no page 2');
          break;
        }
        pagination = true;
        const two = nav.getByRole('link', { name: '2', exact: true });
        if ((await two.count()) === 0) {
          r.notes.add('only one comment page');
          break;
        }
        log(`scale ${group(n)} page switch ${i + 1}/${RUNS.load}`);
        await p.page.evaluate(watchFor, { text: null, newCommentId: true });
        await two.click();
        const shown = await p.page.evaluate(() => window.__watch);
        if (shown.timeout) r.notes.add('page 2 showed no new comment within 30 s');
        else r.pages.push(shown.end - shown.start);
      }
      if (p.problems.length) log(`page problems: ${[...new Set(p.problems)].join(' / ')}`);
    } finally {
      await p.context.close();
    }
    results[n] = r;
  }

  const rows = SCALE.map((n) => {
    const r = results[n];
    return [
      group(n),
      `${group(r.chars)} (${Math.round((100 * r.replies) / n)}% replies)`,
      `**${ms(median(r.interactive))}**`,
      r.post.length ? ms(median(r.post), 1) : '—',
      !pagination ? 'n/a (no pagination yet)' : r.pages.length ? ms(median(r.pages), 1) : `n/a (${[...r.notes].join('; ')})`,
      `${(median(r.heap) / 2 ** 20).toFixed(1)} MiB`,
      r.wasm.some((x) => x != null) ? `${(median(r.wasm) / 2 ** 20).toFixed(1)} MiB` : '—',
      group(median(r.dom)),
    ];
  });
  const first = results[SCALE[0]];
  const last = results[SCALE[SCALE.length - 1]];
  const startRatio = ratio(median(last.interactive), median(first.interactive));
  const postRatio = ratio(median(last.post), median(first.post));
  const notes = SCALE.flatMap((n) => [...results[n].notes].map((x) => `${group(n)}: ${x}`));
  const md = [
    table(
      ['stored comments', 'seeded chars', 'interactive (reload)', 'post one comment', 'switch to page 2', 'JS heap after load', 'wasm memory', 'DOM elements'],
      rows,
    ),
    '',
    table(
      ['ratio', 'value', 'target'],
      [
        [`start-up @${group(last.n)} / @${group(first.n)}`, `**${fmtRatio(startRatio)}**`, `≤ 1.5× (${verdict(startRatio, 1.5)})`],
        [`post time @${group(last.n)} / @${group(first.n)}`, `**${fmtRatio(postRatio)}**`, '≈ 1× (constant time)'],
      ],
    ),
    '',
    `The comments are seeded into localStorage (one key per comment, as the app stores them; ~80–150 characters of text, ` +
      `~30% replies up to depth 5, ids from the time as the app makes them) before the page loads; one warm-up load, then ` +
      `median of ${RUNS.load} reloads, unthrottled. "Interactive" as in Start-up, but a reload (HTTP cache warm). ` +
      '"Post one comment": on the last comment page (where it appears), from the click on "Post Comment" (its event ' +
      'time) to the frame after the new comment\'s text is added to the page. "Switch to page 2": the link "2" in `nav[aria-label="Comment pages"]`, until a comment not ' +
      'shown before is on the page. JS heap: CDP `Runtime.getHeapUsage` after a forced GC; wasm memory: the size of the ' +
      "app's linear memory after load (the Rust data is there, not in the JS heap)." +
      (notes.length ? `\n\nNotes: ${notes.join('; ')}.` : ''),
  ].join('\n');
  return { md, startRatio, postRatio, results, pagination };
}
