import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.mjs';
const base = 'http://127.0.0.1:4599/';
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
for (const round of [1, 2, 3]) for (const name of ['app', 'noapp']) {
  const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  if (name === 'noapp') await page.route(/\.(wasm|js)$/, (r) => r.abort());
  await page.goto(base);
  if (name === 'app') await page.waitForFunction(() => !document.querySelector('#comment')?.closest('fieldset')?.disabled, null, { timeout: 30000 });
  else await page.evaluate(() => document.querySelector('#comment').closest('fieldset').disabled = false);
  await page.waitForTimeout(500);
  const box = page.locator('#comment');
  await box.fill('In the cell the men made Ova a home. '.repeat(2000).slice(0, 60000));
  await page.waitForTimeout(800);
  await page.evaluate(() => {
    const rec = (window.__t = { f: [], h: [] }); let p = null;
    addEventListener('keydown', () => { p = performance.now(); }, { capture: true });
    addEventListener('input', () => { const s = p; p = null; if (s == null) return; rec.h.push(performance.now() - s); requestAnimationFrame(() => setTimeout(() => rec.f.push(performance.now() - s), 0)); });
  });
  await box.evaluate((t) => { t.focus(); t.setSelectionRange(t.value.length, t.value.length); });
  for (const ch of 'the moment ova finds her father again in the prison yard is one') { await page.keyboard.type(ch); await page.waitForTimeout(70); }
  await page.waitForTimeout(300);
  const t = await page.evaluate(() => window.__t);
  console.log(round, name, 'frame', median(t.f).toFixed(1), 'handlers', median(t.h).toFixed(1), 'n', t.f.length);
  await ctx.close();
}
await browser.close();
