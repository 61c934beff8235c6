// Screenshots of the release build for a human look: node scripts/screenshots.mjs [outdir]
// Serves dist/ itself, seeds a small thread, and shoots 320–1440 px wide pages; then
// the Send for publishing dialog, and (if dist-published/ is built, as `cargo xtask
// test` does) the thread with published replies, at 390 and 1280 px, light and dark;
// and (if dist-site/ is built) the home page, a post's end and the 404 page.
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_FLAGS } from '../tests/support/browsers.mjs';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const out = resolve(process.argv[2] ?? 'target/screenshots');
mkdirSync(out, { recursive: true });
const port = 4199;
const server = spawn('node', ['tests/e2e/serve.mjs'], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));

const post = 'miracle-in-cell-no-7';
const seed = ({ post }) => {
  if (localStorage.getItem('seeded')) return;
  localStorage.setItem('seeded', '1');
  const people = [
    ['Maria', 'https://maria.example', 'I watched it with my daughter last week. We both cried at the same scene John describes.\nWhat a film.'],
    ['Ahmet', null, 'As a Turkish viewer I can say Aras Bulut İynemli is loved here; this role proved everyone right.'],
    ['Lucía', null, '¡La vimos en México y fue número uno! Una película que no se olvida.'],
    ['Averyveryveryverylongnamewithoutanyspacesatallthatmightoverflow', null, 'https://example.com/a/very/long/url/that/should/wrap/nicely/without/overflowing/the/layout/at/all/even/on/phones'],
  ];
  const start = Date.UTC(2026, 10, 20, 9, 30);
  let parent = null;
  people.forEach(([author, url, content], i) => {
    const created = start + i * 3_600_000;
    const id = created.toString(36).padStart(9, '0') + String(i).padStart(6, '0');
    const comment = { id, post, parent_id: i === 1 || i === 2 ? parent : null, author, email: 'x@example.com', url, content, created_ms: created };
    if (i === 0) parent = id;
    if (i === 1) parent = id;
    localStorage.setItem(`goosebumps/v1/comment/${post}/${id}`, JSON.stringify({ v: 1, comment }));
  });
};

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
const shots = [320, 390, 768, 1280, 1440].map((width) => ({ width, name: `page-${width}` }));
shots.push({ width: 390, name: 'page-390-dark-es', colorScheme: 'dark', locale: 'es-AR' });
shots.push({ width: 1280, name: 'page-1280-dark', colorScheme: 'dark' });
for (const { width, name, colorScheme = 'light', locale = 'en-US' } of shots) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, locale });
  const page = await context.newPage();
  await page.addInitScript(seed, { post });
  await page.goto(`http://127.0.0.1:${port}/${post}/`);
  await page.locator('#submit').waitFor();
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  console.log(`${width}px: ${out}/${name}.png${overflow ? '  (horizontal overflow!)' : ''}`);
  await context.close();
}

// The Send for publishing dialog (over the seeded replies, all unpublished).
for (const [width, colorScheme] of [[390, 'light'], [390, 'dark'], [1280, 'light'], [1280, 'dark']]) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  const page = await context.newPage();
  await page.addInitScript(seed, { post });
  await page.goto(`http://127.0.0.1:${port}/${post}/`);
  await page.getByRole('button', { name: 'Send for publishing' }).first().click();
  await page.getByRole('dialog').waitFor();
  const name = `send-panel-${width}-${colorScheme}`;
  await page.screenshot({ path: `${out}/${name}.png` });
  console.log(`${width}px: ${out}/${name}.png`);
  await context.close();
}
server.kill();

// The thread with published replies (dist-published/, the test-only fixture).
if (existsSync('dist-published/index.html')) {
  const published = spawn('node', ['tests/e2e/serve.mjs'], { env: { ...process.env, PORT: String(port + 1), SERVE_DIR: 'dist-published' }, stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 500));
  for (const [width, colorScheme] of [[390, 'light'], [390, 'dark'], [1280, 'light'], [1280, 'dark']]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port + 1}/${post}/`);
    await page.locator('.comment-list > li').first().waitFor();
    await page.locator('fieldset.form-fields:not([disabled])').waitFor();
    const name = `published-thread-${width}-${colorScheme}`;
    await page.locator('#comments').screenshot({ path: `${out}/${name}.png` });
    console.log(`${width}px: ${out}/${name}.png`);
    await context.close();
  }
  published.kill();
} else {
  console.log('dist-published/ is not built: no shots of the published thread');
}
// The site of several posts (dist-site/, the test-only fixture): home, a post's
// end (Previous / Next) and the 404 page, at 320, 390 and 1280 px, light and dark.
if (existsSync('dist-site/index.html')) {
  const site = spawn('node', ['tests/e2e/serve.mjs'], { env: { ...process.env, PORT: String(port + 2), SERVE_DIR: 'dist-site' }, stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 500));
  for (const [width, colorScheme] of [[320, 'light'], [390, 'light'], [390, 'dark'], [1280, 'light'], [1280, 'dark']]) {
    for (const [name, path] of [['home', '/'], ['site-post', '/cinema-paradiso/'], ['not-found', '/no/such/page']]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port + 2}${path}`);
      await page.locator('.page-settings button:not([disabled])').first().waitFor();
      const file = `${out}/${name}-${width}-${colorScheme}.png`;
      await page.screenshot({ path: file, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      console.log(`${width}px: ${file}${overflow ? '  (horizontal overflow!)' : ''}`);
      await context.close();
    }
  }
  site.kill();
} else {
  console.log('dist-site/ is not built: no shots of the home and 404 pages');
}
await browser.close();
