// A framed page does not act. Where the host sends `frame-ancestors` (_headers,
// the nginx and Apache lines) the browser refuses to frame the page at all; where it
// sends no header (GitHub Pages, S3, the test server here) another site could frame
// the post and lay its own page over it, so that a reader's click lands on Delete
// or Import unseen (clickjacking). There the page still reads, but the app does
// not start its controls, and says so once in the console (a warning: nothing
// broke). A page of the site's own origin may frame it (it could read and change
// all that the page keeps anyway).
//
// The other site is a server of the test's own on another port of 127.0.0.1 (another
// origin), whose page frames the address it is given: `/?src=<address>`. The page of
// the site's own origin that frames the post is answered by the test in the browser.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect, open, POST_PATH } from './fixtures';
import type { FrameLocator, Page } from '@playwright/test';

// The site's own framing page is answered here, in the browser, which the service
// worker (whose scope is the whole site) would answer instead once installed.
test.use({ serviceWorkers: 'block' });

const WARNING = /framed by another site's page: it reads, but its controls do not start/;

/** A page that frames `src`, full size. */
const framingPage = (src: string) =>
  `<!DOCTYPE html><html lang="en"><title>A page that frames the post</title><link rel="icon" href="data:,"><iframe title="framed" src="${src.replace(/[&"<]/g, (c) => `&#${c.charCodeAt(0)};`)}" style="width: 100%; height: 90vh; border: 0"></iframe></html>`;

let otherSite: Server;
/** The other site's page that frames `src`. */
const framedElsewhere = (src: string) => `http://127.0.0.1:${(otherSite.address() as AddressInfo).port}/?src=${encodeURIComponent(src)}`;
test.beforeAll(async () => {
  otherSite = createServer((req, res) => {
    const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src');
    res.writeHead(src ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(src ? framingPage(src) : 'not found');
  });
  await new Promise<void>((resolve) => otherSite.listen(0, '127.0.0.1', resolve));
});
test.afterAll(() => new Promise<void>((resolve) => otherSite.close(() => resolve())));

/** Answers `url` (of the site's own origin) with a page that frames `src`. */
async function framing(page: Page, url: string, src: string) {
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: framingPage(src) }));
}

/** The console's warnings that the page did not start, from every frame. */
function startWarnings(page: Page) {
  const warnings: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning' && WARNING.test(msg.text())) warnings.push(msg.text());
  });
  return warnings;
}

/** The post in `frame` reads, and none of its controls started. */
async function readsButDoesNotAct(frame: FrameLocator) {
  await expect(frame.getByRole('heading', { level: 1, name: 'Miracle in cell no. 7' })).toBeVisible();
  await expect(frame.getByRole('tabpanel', { name: 'Text' })).toContainText('Hello! My name is John Amato');
  // The build-time controls are disabled there by public/reader.js, which starts nothing.
  await expect(frame.getByRole('button', { name: 'Post Comment' })).toBeDisabled();
  await expect(frame.getByRole('textbox', { name: 'Comment' })).toBeDisabled();
  await expect(frame.getByRole('button', { name: 'Export comments' })).toBeDisabled();
  await expect(frame.getByLabel('Import comments')).toBeDisabled();
  await expect(frame.getByRole('button', { name: 'Español' })).toBeDisabled();
}

test('framed by another site, the post reads but does not start; unframed it starts', async ({ page, baseURL }) => {
  const warnings = startWarnings(page);
  await page.goto(framedElsewhere(`${baseURL}${POST_PATH}`));
  const frame = page.frameLocator('iframe[title="framed"]');
  // The app ran far enough to decide, once.
  await expect.poll(() => warnings.length).toBe(1);
  await readsButDoesNotAct(frame);
  // Given the time it takes to start, it still has not.
  await page.waitForTimeout(500);
  await expect(frame.getByRole('button', { name: 'Post Comment' })).toBeDisabled();
  expect(warnings).toHaveLength(1);

  // The same page, not framed, starts.
  await open(page);
  await expect(page.getByLabel('Import comments')).toBeEnabled();
  expect(warnings).toHaveLength(1);
});

test('framed by a page of its own site, the post starts; framed by that page inside another site’s, it does not', async ({ page, baseURL }) => {
  const warnings = startWarnings(page);
  const own = `${baseURL}/__framing-page/`;
  await framing(page, own, `${baseURL}${POST_PATH}`);
  await page.goto(own);
  const frame = page.frameLocator('iframe[title="framed"]');
  await expect(frame.getByRole('button', { name: 'Post Comment' })).toBeEnabled();
  // The reader's intent (a pointer over the form) starts the app there.
  await frame.locator('#respond').dispatchEvent('pointermove');
  await expect(frame.locator('html')).toHaveAttribute('data-app', 'live');
  await expect(frame.getByLabel('Import comments')).toBeEnabled();
  expect(warnings).toEqual([]);

  // Another site frames the site's own framing page: the top is another site's.
  await page.goto(framedElsewhere(own));
  await expect.poll(() => warnings.length).toBe(1);
  await readsButDoesNotAct(page.frameLocator('iframe[title="framed"]').frameLocator('iframe[title="framed"]'));
});
