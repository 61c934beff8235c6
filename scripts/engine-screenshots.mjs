// Screenshots of the release build in Firefox and WebKit, for a human look:
//   node scripts/engine-screenshots.mjs [outdir]      (default target/engine-screenshots/)
// Serves dist/ as the cross-engine suite does (tests/engines/server.mjs), seeds a
// small thread, and shoots the whole page 390 and 1280 px wide in each engine
// (ENGINES=firefox or webkit for one). Chromium's are scripts/screenshots.mjs's.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Browser, selectedEngines } from '../tests/engines/lib.mjs';
import { startSite } from '../tests/engines/server.mjs';
import { ready, seed } from '../tests/engines/page.mjs';
import { POST_PATH } from '../tests/support/records.mjs';

const out = resolve(process.argv[2] ?? 'target/engine-screenshots');
mkdirSync(out, { recursive: true });
const site = await startSite({ port: 4299 });

const thread = [
  { author: 'Maria', url: 'https://maria.example', content: 'I watched it with my daughter last week. We both cried at the same scene John describes.\nWhat a film.' },
  { author: 'Ahmet', content: 'As a Turkish viewer I can say Aras Bulut İynemli is loved here; this role proved everyone right.' },
  { author: 'Lucía', content: '¡La vimos en México y fue número uno! Una película que no se olvida.' },
  { author: 'Averyveryveryverylongnamewithoutanyspacesatallthatmightoverflow', content: 'https://example.com/a/very/long/url/that/should/wrap/nicely/without/overflowing/the/layout/at/all/even/on/phones' },
].map((c, i) => ({ ...c, created_ms: Date.UTC(2026, 10, 20, 9, 30) + i * 3_600_000 }));

let failed = false;
try {
  for (const engine of selectedEngines()) {
    if (!engine.available()) {
      console.log(`${engine.name}: skipped, missing ${engine.missing}`);
      continue;
    }
    const b = new Browser(engine, await engine.session(), site.origin);
    try {
      for (const width of [390, 1280]) {
        await b.reset();
        await b.open('/__engines/blank');
        await seed(b.driver, thread);
        await b.setSize(width, 900);
        await b.open(POST_PATH);
        await ready(b.driver);
        await new Promise((r) => setTimeout(r, 500));
        // The window as tall as the page, so one screenshot holds all of it.
        const { inner, outer, height } = await b.driver.executeScript(() => ({
          inner: window.innerWidth,
          outer: window.outerWidth,
          height: document.documentElement.scrollHeight,
        }));
        await b.setSize(width + (outer - inner), Math.min(height + 200, 8000));
        await new Promise((r) => setTimeout(r, 500));
        const seen = await b.driver.executeScript(() => ({
          inner: window.innerWidth,
          overflow: document.documentElement.scrollWidth > window.innerWidth,
        }));
        const file = `${out}/${engine.id}-${width}.png`;
        writeFileSync(file, await b.driver.takeScreenshot(), 'base64');
        // Close-ups (a window's worth, scrolled there) of the parts where engines wrap
        // text differently. Not element screenshots: WebKitWebDriver's come out black.
        await b.setSize(width + (outer - inner), 700);
        for (const [part, selector] of [['title', 'header'], ['form', '#respond, .comment-respond, #commentform']]) {
          const found = await b.driver.executeScript((css) => {
            const el = document.querySelector(css);
            if (el) el.scrollIntoView({ block: 'start', behavior: 'instant' });
            return Boolean(el);
          }, selector);
          if (found) writeFileSync(`${out}/${engine.id}-${width}-${part}.png`, await b.driver.takeScreenshot(), 'base64');
        }
        const note = seen.inner !== width ? `  (the engine kept the viewport ${seen.inner} px wide)` : '';
        console.log(`${engine.name} ${width}px: ${file}${note}${seen.overflow ? '  (horizontal overflow!)' : ''}`);
      }
      const problems = await b.problems();
      if (problems.length) {
        failed = true;
        console.log(`${engine.name}: problems: ${problems.join('; ')}`);
      }
    } finally {
      await b.driver.quit();
    }
  }
} finally {
  await site.stop();
}
process.exit(failed ? 1 : 0);
