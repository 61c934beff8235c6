// The owner's next deployment reaches a returning reader whole: what they removed
// stays removed, what they published shows, in the page's HTML and in the thread
// the app builds alike, whatever the service worker and the browser's HTTP cache
// hold from the last visit.
//
// The host here is tests/e2e/serve.mjs serving dist-published/ (built with
// tests/fixtures/published: Maria's reply wp-2, Joseph's answer wp-3, Ana's), then
// dist-published-b/ (tests/fixtures/published-b: wp-3 taken back, wp-4 and wp-5
// published), both built by `cargo xtask test`, on the same address (a deployment
// is the host serving other files), and sending `Cache-Control: max-age=600` with
// every file, as GitHub Pages does (no custom headers there): a browser may keep
// any file for 10 minutes without asking.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, ready, heading, POST_PATH, ROOT } from './fixtures';
import type { Page, Response } from '@playwright/test';

const PORT = Number(process.env.E2E_DEPLOY_PORT ?? 4185);
const SITE = `http://127.0.0.1:${PORT}`;
const REMOVED = 'So did I, every time.';
const ADDED = ['Published with the next deployment.', 'Also new in the next deployment.'];
const FIRST = ['wp-2', 'wp-3', 'lzaieio0abc123'];
const NEXT = ['wp-2', 'wp-4', 'lzaieio0abc123', 'wp-5'];

/** The host: one build of the site at a time on PORT, the way a deployment replaces the files. */
let server: ChildProcess | undefined;
async function deploy(dir: string) {
  if (!existsSync(join(ROOT, dir, 'index.html'))) {
    throw new Error(`${dir}/ is not built: run \`cargo xtask test\`, which builds it before these tests`);
  }
  await undeploy();
  server = spawn('node', ['tests/e2e/serve.mjs'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), SERVE_DIR: dir, CACHE_CONTROL: 'max-age=600' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${SITE}/`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server for ${dir}/ did not start`);
}
async function undeploy() {
  if (server && server.exitCode === null) {
    const exited = once(server, 'exit');
    server.kill();
    await exited;
  }
  server = undefined;
}

/** Waits until the page's service worker is active and controls the page. */
async function waitForServiceWorker(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none')).toBe('activated');
}

/** The comments (ids, in the order shown) in the HTML the page arrived with. */
async function inHtml(response: Response | null) {
  const html = await response!.text();
  return { html, ids: [...html.matchAll(/<li [^>]*\bid="comment-([^"]+)"/g)].map((m) => m[1]) };
}

/** The comments (ids, in the order shown) of the live thread, once the app has read the published replies. */
async function live(page: Page) {
  await ready(page);
  return page.locator('li.comment').evaluateAll((items) => items.map((li) => li.id.replace(/^comment-/, '')));
}

/** The thread is `ids`, in the arrived HTML and live alike, and `REMOVED` is nowhere or everywhere. */
async function expectThread(page: Page, response: Response | null, ids: string[]) {
  const arrived = await inHtml(response);
  expect(arrived.ids, 'the page’s HTML').toEqual(ids);
  expect(await live(page), 'the live thread').toEqual(ids);
  await expect(page.getByRole('heading', { name: heading(ids.length) })).toBeVisible();
  const removed = !ids.includes('wp-3');
  // Nowhere: not in the HTML (thread, JSON-LD), not in the live page.
  expect(arrived.html.includes(REMOVED), 'the removed reply in the HTML').toBe(!removed);
  expect((await page.content()).includes(REMOVED), 'the removed reply in the page').toBe(!removed);
  for (const text of ADDED) {
    expect(arrived.html.includes(text), `“${text}” in the HTML`).toBe(removed);
    await expect(page.locator('.comment-content', { hasText: text })).toHaveCount(removed ? 1 : 0);
  }
}

test.describe('a new deployment of published replies', () => {
  test.describe.configure({ mode: 'serial' });
  test.afterAll(undeploy);

  test('what the owner removes stays removed and what they publish shows, in the HTML and the live thread, with the worker and the HTTP cache of the last visit', async ({ page, context }) => {
    await deploy('dist-published');
    await page.goto(`${SITE}${POST_PATH}`);
    await waitForServiceWorker(page);
    // A second visit, under the worker: its copy of the replies is the one it precached.
    await expectThread(page, await page.reload(), FIRST);

    await deploy('dist-published-b');
    // The reader comes back by a link (not a reload, which would revalidate the page
    // anyway): the worker still controls the page, and the browser holds this build's
    // page and replies, fresh for 10 minutes more.
    await expectThread(page, await page.goto(`${SITE}${POST_PATH}`), NEXT);
    // The new deployment's worker installed, and waits for the reader.
    const bar = page.getByRole('status').filter({ hasText: 'A new version is available' });
    await expect(bar).toBeVisible();
    expect(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => Boolean(r.waiting)))).toBe(true);

    // Offline, before the reader takes the new version: the worker's own page and
    // replies, of one deployment, so they still agree.
    await context.setOffline(true);
    await expectThread(page, await page.reload(), FIRST);
    // The reader takes the new version (still offline): its page and its replies.
    const reloaded = page.waitForEvent('load');
    await bar.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await waitForServiceWorker(page);
    await expectThread(page, await page.reload(), NEXT);

    // Online again, under the new worker.
    await context.setOffline(false);
    await expectThread(page, await page.goto(`${SITE}${POST_PATH}`), NEXT);
    await expect(bar).toHaveCount(0);
  });
});
