// 8. Intent → live: a reader who reads loads no code; the app comes on intent. From a
// pointer down on the Comment field (after the page has loaded and settled) to the app
// live (public/reader.js's <html data-app="live">: the app started and built the
// comments), unthrottled and with Lighthouse's mobile throttling applied by DevTools
// (4× CPU; 150 ms round trip, 1.6 Mbps down, 750 kbps up), a fresh context each run
// (empty cache: the code comes from the network). Also what the page fetched before
// the intent: no .wasm, no wasm-bindgen glue.
import { RUNS, log, median, ms, newPage, table, sleep } from './lib.mjs';

const MOBILE = { offline: false, latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

export async function intent(browser, url) {
  const rows = [];
  const summary = {};
  for (const [name, cpu, network] of [
    ['unthrottled', 1, null],
    ['mobile (4× CPU, slow 4G)', 4, MOBILE],
  ]) {
    const runs = [];
    const before = [];
    for (let i = 0; i < RUNS.load; i++) {
      log(`intent → live, ${name}, run ${i + 1}/${RUNS.load}`);
      // No service worker: its fetches would escape the page's network throttling.
      const p = await newPage(browser, { probe: false, serviceWorkers: 'block' });
      try {
        const fetched = [];
        p.page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
        await p.cdp.send('Network.enable');
        if (network) await p.cdp.send('Network.emulateNetworkConditions', network);
        await p.cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
        await p.page.goto(url, { waitUntil: 'load' });
        await sleep(1000);
        before.push(fetched.filter((f) => /\.wasm$|goosebumps-[0-9a-f]+\.js$/.test(f)).length);
        const took = await p.page.evaluate(
          () =>
            new Promise((resolve) => {
              const root = document.documentElement;
              const box = document.getElementById('comment');
              const t0 = performance.now();
              new MutationObserver(() => {
                if (root.dataset.app === 'live') resolve(performance.now() - t0);
              }).observe(root, { attributes: true, attributeFilter: ['data-app'] });
              box.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
              if (root.dataset.app === 'live') resolve(0);
            }),
        );
        runs.push(took);
        if (p.problems.length) log(`page problems: ${p.problems.join(' / ')}`);
      } finally {
        await p.context.close();
      }
    }
    const m = { median: median(runs), min: Math.min(...runs), max: Math.max(...runs), codeBefore: Math.max(...before) };
    summary[name] = m;
    rows.push([name, `**${ms(m.median)}**`, `${ms(m.min)} – ${ms(m.max)}`, String(m.codeBefore)]);
  }
  const md = [
    table(['throttling', 'intent → live (median)', 'range', 'code files fetched before the intent'], rows),
    '',
    `The post, a fresh browser context per run (empty HTTP cache, service workers blocked: the worker's fetches would escape the throttling), loaded and left 1 s; then a ` +
      `\`pointerdown\` on the Comment field, and the time until \`<html data-app="live">\`; median of ${RUNS.load}. Mobile: ` +
      'DevTools throttling (CDP `Network.emulateNetworkConditions`, `Emulation.setCPUThrottlingRate`), as Lighthouse\'s mobile ' +
      'preset simulates it. Target on mobile: ≤ 1.5 s. A pointer moving over the form starts the load before the press lands.',
  ].join('\n');
  return { md, summary };
}
