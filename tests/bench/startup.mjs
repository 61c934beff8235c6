// 4. Start-up: from navigation to interactive (the probe in lib.mjs), unthrottled
// and with 4× CPU slowdown, in a fresh browser context each run.
import { RUNS, log, median, ms, newPage, loadAndWait, table } from './lib.mjs';

export async function startup(browser, base) {
  const rows = [];
  const summary = {};
  for (const throttle of [1, 4]) {
    const runs = [];
    for (let i = 0; i < RUNS.load; i++) {
      log(`start-up ${throttle}× run ${i + 1}/${RUNS.load}`);
      const p = await newPage(browser, { throttle });
      try {
        const r = await loadAndWait(p, base, 'goto');
        const paint = await p.page.evaluate(
          () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        );
        runs.push({ ...r, fcp: paint });
        if (p.problems.length) log(`page problems: ${p.problems.join(' / ')}`);
      } finally {
        await p.context.close();
      }
    }
    const m = {
      fcp: median(runs.map((r) => r.fcp)),
      early: median(runs.map((r) => r.early)),
      started: median(runs.map((r) => r.started)),
      interactive: median(runs.map((r) => r.interactive)),
      min: Math.min(...runs.map((r) => r.interactive)),
      max: Math.max(...runs.map((r) => r.interactive)),
    };
    summary[throttle] = m;
    rows.push([
      throttle === 1 ? 'unthrottled' : `${throttle}× CPU slowdown`,
      ms(m.fcp),
      ms(m.early),
      ms(m.started),
      `**${ms(m.interactive)}**`,
      `${ms(m.min)} – ${ms(m.max)}`,
    ]);
  }
  const md = [
    table(['CPU', 'first contentful paint', 'controls work (reader.js)', 'app started (wasm loaded)', 'app live', 'range'], rows),
    '',
    `Headless Chromium 1280×900, a fresh browser context per run (empty cache and storage), no network throttling, ` +
      `median of ${RUNS.load}. Times are from navigation start; the reader's intent to write (a pointer moving over the form) is ` +
      'shown at once, so the app loads as early as it can. **Controls work** = the "Post Comment" button is visible, the ' +
      'textarea labelled "Comment" keeps a typed value, and a click on the "Video" tab makes it `aria-selected="true"` ' +
      '(checked in the page at every DOM change and every frame): before the app, from reader.js. **App live** = that, and ' +
      'reader.js\'s `<html data-app="live">` (the app started and built the comments). "App started" is Trunk\'s `TrunkApplicationStarted` event. ' +
      'CPU slowdown is CDP `Emulation.setCPUThrottlingRate`.',
  ].join('\n');
  return { md, summary };
}
