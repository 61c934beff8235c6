// 6. Typing into a long comment: per-keystroke latency at the end of a 60,000-
// character comment, against a bare textarea and this page without its scripts.
import { readdir } from 'node:fs/promises';
import { DIST, KEY, RUNS, group, log, loadAndWait, median, ms, newPage, percentile, rng, sleep, table } from './lib.mjs';

/** Keystroke latency recorders, installed in the page before typing. */
function installTypingProbe() {
  const rec = (window.__typing = { keys: [], events: [], saves: [] });
  let pending = null;
  addEventListener(
    'keydown',
    (e) => {
      pending = { now: performance.now(), stamp: e.timeStamp };
    },
    { capture: true },
  );
  // Bubbling on window, added after the app's own (Leptos delegates its `input`
  // handlers to one window listener, added at mount): runs once the app has handled
  // the keystroke, microtasks included. The frame after is when it is on screen.
  addEventListener('input', () => {
    const p = pending;
    pending = null;
    if (!p) return;
    const handled = performance.now();
    requestAnimationFrame(() =>
      setTimeout(() => {
        const end = performance.now();
        rec.keys.push({ fromCapture: end - p.now, fromEvent: end - p.stamp, work: handled - p.now });
      }, 0),
    );
  });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) rec.events.push({ name: e.name, duration: e.duration, id: e.interactionId });
  }).observe({ type: 'event', durationThreshold: 16 });
  // How long the draft writes take (the Rust side serializes, then this call stores).
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    const t = performance.now();
    const out = setItem.call(this, k, v);
    if (String(k).includes('/draft/')) rec.saves.push({ ms: performance.now() - t, chars: String(v).length });
    return out;
  };
}

export async function typing(browser, base) {
  const sentence =
    'the moment ova finds her father again in the prison yard is the one that gives me goosebumps each time ';
  const keys = sentence.repeat(3).slice(0, RUNS.keys);
  // Pauses between keys as a person types: mostly 60-200 ms, some longer, so the
  // 250 ms draft save fires during typing too.
  const random = rng(11);
  const gaps = [...keys].map(() => (random() < 0.15 ? 240 + random() * 200 : 60 + random() * 140));
  const filler = 'In the cell the men made Ova a home. '.repeat(2000).slice(0, 60_000);
  const css = (await readdir(DIST)).find((f) => f.endsWith('.css'));

  const measure = async ({ throttle, bare }) => {
    log(`typing ${throttle}×${bare ? ', bare textarea' : ''}: ${keys.length} keys into 60,000 characters`);
    const p = await newPage(browser, { throttle, probe: !bare });
    try {
      if (bare === 'page') {
        // This very page, its scripts not loaded: the same markup, CSS and layout
        // with no app at all (the form, disabled until the app starts, is enabled).
        await p.page.route(/\.(wasm|js)(\?.*)?$/, (route) => route.abort());
        await p.page.goto(`${base}__bench_blank`);
        await p.cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
        await p.page.goto(base);
        await p.page.evaluate(() => {
          for (const set of document.querySelectorAll('fieldset[disabled]')) set.disabled = false;
        });
        p.problems.length = 0; // the blocked scripts' own errors
      } else if (bare) {
        // The same textarea, with the page's CSS, and no app: what the browser alone costs.
        await p.page.goto(`${base}__bench_blank`);
        await p.cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
        await p.page.setContent(
          `<!DOCTYPE html><html lang="en"><head><base href="${base}"><link rel="stylesheet" href="${css}"></head>` +
            '<body><form class="comment-form"><p class="comment-form-comment"><label for="comment">Comment</label>' +
            '<textarea id="comment" name="comment" rows="8"></textarea></p></form></body></html>',
        );
      } else {
        await loadAndWait(p, base, 'goto');
      }
      const box = p.page.getByRole('textbox', { name: 'Comment' });
      await box.fill(filler);
      await sleep(1_500); // the draft save after typing stops (250 ms)
      await p.page.evaluate(installTypingProbe);
      await box.evaluate((t) => {
        t.focus();
        t.setSelectionRange(t.value.length, t.value.length);
      });
      for (let i = 0; i < keys.length; i++) {
        await p.page.keyboard.type(keys[i]);
        await sleep(gaps[i]);
      }
      await sleep(800);
      const rec = await p.page.evaluate(() => window.__typing);
      const length = await box.evaluate((t) => t.value.length);
      const draft = await p.page.evaluate((k) => localStorage.getItem(k)?.length ?? 0, KEY.draft);
      if (length !== 60_000 + keys.length) log(`typing: the textarea holds ${length} characters, expected ${60_000 + keys.length}`);
      if (p.problems.length) log(`page problems: ${[...new Set(p.problems)].join(' / ')}`);
      // Event Timing: one keystroke = one interactionId (keydown, keypress, keyup);
      // only events of 16 ms or more are reported at all.
      const byInteraction = new Map();
      for (const e of rec.events) {
        if (!e.id) continue;
        byInteraction.set(e.id, Math.max(byInteraction.get(e.id) ?? 0, e.duration));
      }
      const slow = [...byInteraction.values()];
      return {
        count: rec.keys.length,
        median: median(rec.keys.map((k) => k.fromCapture)),
        p95: percentile(rec.keys.map((k) => k.fromCapture), 95),
        medianEvent: median(rec.keys.map((k) => k.fromEvent)),
        p95Event: percentile(rec.keys.map((k) => k.fromEvent), 95),
        workMedian: median(rec.keys.map((k) => k.work)),
        workP95: percentile(rec.keys.map((k) => k.work), 95),
        slow: slow.length,
        worst: slow.length ? Math.max(...slow) : null,
        etP95: slow.length > 0.05 * keys.length ? percentile([...slow, ...Array(Math.max(0, keys.length - slow.length)).fill(0)], 95) : null,
        saves: rec.saves.length,
        saveMs: median(rec.saves.map((s) => s.ms)),
        length,
        draft,
      };
    } finally {
      await p.context.close();
    }
  };

  const cases = [
    ['unthrottled', { throttle: 1, bare: false }],
    ['4× CPU slowdown', { throttle: 4, bare: false }],
    ['baseline: bare textarea, no app, unthrottled', { throttle: 1, bare: true }],
    ['baseline: bare textarea, no app, 4×', { throttle: 4, bare: true }],
    ['baseline: this page without its scripts, unthrottled', { throttle: 1, bare: 'page' }],
  ];
  const results = {};
  for (const [name, c] of cases) results[name] = await measure(c);
  const rows = cases.map(([name, c]) => {
    const r = results[name];
    const mark = (value, limit) => (c.bare ? '' : ` (${value != null && value < limit ? 'pass' : 'over'})`);
    return [
      name,
      `**${ms(r.median, 1)}**${mark(r.median, 8)}`,
      `**${ms(r.p95, 1)}**${mark(r.p95, 16)}`,
      `${ms(r.medianEvent, 1)} / ${ms(r.p95Event, 1)}`,
      `${ms(r.workMedian, 1)} / ${ms(r.workP95, 1)}`,
      `${r.slow} of ${keys.length}${r.worst != null ? `, worst ${ms(r.worst)}` : ''}${r.etP95 != null ? `, p95 ${ms(r.etP95)}` : ', p95 < 16 ms'}`,
      c.bare ? '—' : `${r.saves} × ${ms(r.saveMs, 1)}`,
    ];
  });
  const draftChars = results[cases[0][0]].draft;
  const bare = results[cases[2][0]];
  const floorNote =
    bare.median != null && bare.median >= 8
      ? ` Here even the bare textarea's median (${ms(bare.median, 1)}) is not under 8 ms: the wait for the next frame ` +
        'is part of every figure, so compare the app with the baseline, and look at "handlers only" for the part the app controls.'
      : '';
  const md = [
    table(
      ['CPU', 'median (target < 8 ms)', 'p95 (target < 16 ms)', 'from event time: median / p95', 'handlers only: median / p95', 'Event Timing: keystrokes ≥ 16 ms', 'draft writes (setItem)'],
      rows,
    ),
    '',
    `${keys.length} characters typed one key at a time (CDP key events, 60–440 ms apart) at the end of the Comment ` +
      `textarea holding 60,000 characters, with draft saving on (the draft, ${group(draftChars)} characters, is written ` +
      '250 ms after typing pauses). Latency per keystroke: from `performance.now()` in a capturing `keydown` listener to a ' +
      '`setTimeout(0)` inside the `requestAnimationFrame` after the `input` event (the frame that shows the key); the ' +
      '"from event time" column starts at the keydown\'s `event.timeStamp` instead (includes input delay); "handlers only" ends when the `input` event ' +
      'has been handled (the app\'s handler and its microtasks), before the frame. The Event Timing ' +
      'API (`PerformanceObserver` type `event`, its smallest durationThreshold, 16 ms) reports only the slow ones. ' +
      'The bare-textarea baseline rows type the same keys into a plain `<textarea>` with the page\'s CSS and no script: the frame ' +
      'wait and the browser\'s own cost of editing 60,000 characters, which no app can go below. The last row types into this ' +
      'very page with its scripts blocked (the build-time markup, its form enabled): the difference between it and the ' +
      'first row is what the app costs per keystroke.' + floorNote,
  ].join('\n');
  return { md, results, cases };
}
