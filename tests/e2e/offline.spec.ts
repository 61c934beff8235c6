import { test, expect, open, ready, fillComment, POST_PATH } from './fixtures';
import type { BrowserContext, Page } from '@playwright/test';

/** Waits until the page's service worker is active and controls the page. */
async function waitForServiceWorker(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none')).toBe('activated');
}

/** Waits until the worker has kept the app's code, which it does not precache: it
 *  keeps it once fetched (here the page fetched it before the worker controlled it,
 *  and the loader asked the worker to keep it). */
async function waitForCodeKept(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const code = performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\.wasm$/.test(n));
        return code.length > 0 && (await Promise.all(code.map((url) => caches.match(url)))).every(Boolean);
      }),
    )
    .toBe(true);
}

/** The names of the caches the service worker keeps for `scope`. */
function cacheNames(page: Page) {
  return page.evaluate(async () => {
    const { scope } = await navigator.serviceWorker.ready;
    return (await caches.keys()).filter((name) => name.startsWith(`goosebumps ${scope} `));
  });
}

for (const path of [POST_PATH, `/sub${POST_PATH}`]) {
  test(`after one visit the page at ${path} opens and takes replies with no network`, async ({ page, context, problems }) => {
    await open(page, path);
    await waitForServiceWorker(page);
    await waitForCodeKept(page);
    const scope = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
    // The worker's scope is the site's root, above the post's page.
    const siteRoot = path.slice(0, -POST_PATH.length + 1);
    expect(new URL(scope).pathname).toBe(siteRoot);

    await context.setOffline(true);
    // Really offline: what the worker did not precache cannot be fetched (and
    // Chromium logs the one console error this test expects).
    const probe = await page.evaluate((p) => fetch(`${p}favicon.svg?not-precached`).then(() => 'online', () => 'offline'), siteRoot);
    expect(probe).toBe('offline');
    const disconnected = 'console error: Failed to load resource: net::ERR_INTERNET_DISCONNECTED';
    await expect.poll(() => problems.includes(disconnected)).toBe(true);
    problems.splice(problems.indexOf(disconnected), 1);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Post Comment' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Miracle in cell no. 7' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'A heartbreaking film' })).toBeVisible();
    await expect(page.getByRole('tabpanel', { name: 'Text' })).toContainText('Hello! My name is John Amato');
    expect(await page.getByRole('img', { name: 'Malta' }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

    await fillComment(page, { comment: 'Written on a train, offline.', name: 'Offline', email: 'offline@example.com' });
    await page.getByRole('button', { name: 'Post Comment' }).click();
    // Typing started the app from the worker's copy of its code; the press posts once it is live.
    await expect(page.locator('html')).toHaveAttribute('data-app', 'live', { timeout: 15_000 });
    const comment = page.locator('li.comment').filter({ hasText: 'Written on a train, offline.' });
    await expect(comment).toBeVisible();

    await context.setOffline(false);
    await page.reload();
    await expect(page.locator('li.comment').filter({ hasText: 'Written on a train, offline.' })).toBeVisible();
  });
}

test('under the worker, a post’s address without its slash still reaches the page, by the host’s redirect', async ({ page }) => {
  await open(page);
  await waitForServiceWorker(page);
  // The worker asks the server again (past the HTTP cache) and hands its redirect over.
  await page.goto(POST_PATH.replace(/\/$/, ''));
  expect(new URL(page.url()).pathname).toBe(POST_PATH);
  await ready(page);
  expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
});

/** From now on the server gives this context the next deployment's sw.js (the
 *  same worker with another version; see serve.mjs). */
async function deployNextVersion(context: BrowserContext, page: Page) {
  // For the whole site: sw.js is at its root, above the post's page.
  await context.addCookies([{ name: 'deployment', value: 'next', url: new URL('/', page.url()).href }]);
}

test('a new deployment waits until the reader chooses to reload', async ({ page, context }) => {
  await open(page);
  await waitForServiceWorker(page);
  const [current] = await cacheNames(page);
  expect(current).toMatch(/ [0-9a-f]{16}$/);
  await expect(page.getByRole('status').filter({ hasText: 'A new version is available' })).toHaveCount(0);

  await deployNextVersion(context, page);
  await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.update()));

  // The new worker installed into its own cache and waits; the page says so, quietly.
  const prompt = page.getByRole('status').filter({ hasText: 'A new version is available' });
  await expect(prompt).toBeVisible();
  expect((await cacheNames(page)).sort()).toEqual([current, `${current}-next`].sort());
  // Nothing changed under the reader: the old worker still controls the page.
  expect(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => Boolean(r.waiting)))).toBe(true);

  const reload = prompt.getByRole('button', { name: 'Reload' });
  await reload.focus();
  await expect(reload).toBeFocused();
  await Promise.all([page.waitForEvent('load'), reload.press('Enter')]);

  // The new version controls the reloaded page, and the old cache is gone.
  await expect(page.getByRole('button', { name: 'Post Comment' })).toBeVisible();
  await expect.poll(() => cacheNames(page)).toEqual([`${current}-next`]);
  expect(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.waiting === null && r.active !== null))).toBe(true);
  await expect(prompt).toHaveCount(0);
});

test('the new-version bar speaks the reader’s language', async ({ page, context }) => {
  await open(page);
  await page.getByRole('button', { name: 'Español' }).click();
  await waitForServiceWorker(page);
  await deployNextVersion(context, page);
  await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.update()));
  const prompt = page.getByRole('status').filter({ hasText: 'Hay una versión nueva disponible' });
  await expect(prompt).toBeVisible();
  await expect(prompt.getByRole('button', { name: 'Recargar' })).toBeVisible();
});

test('offline, the Video tab says that the video needs a connection', async ({ page, context, problems }) => {
  await open(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.getByRole('tab', { name: 'Video' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The video needs an internet connection.' })).toBeVisible();
  // The browser reports the video (and its captions) it could not fetch, maybe
  // after the notice shows.
  await page.waitForTimeout(500);
  problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')));
  await context.setOffline(false);
});
