// The site around the posts, end to end on the test-only site of three posts
// (tests/fixtures/site: Giulia from Italy with a video file, the oldest; Amara
// from Kenya with a YouTube video, the newest; a draft that must be nowhere),
// built by `cargo xtask test` into dist-site/ and served here as static files:
// the home page, each post at its own address, Previous / Next, the 404 page,
// JavaScript off, offline after one visit, and axe. Also, on the real site
// (dist/): an old link to the single page's comment still finds it.
import { test, expect, ready, post, comment, POST_PATH, serveBuild, axe } from './fixtures';
import type { Page } from '@playwright/test';

const SITE_PORT = Number(process.env.E2E_SITE_PORT ?? 4193);
const SITE = `http://127.0.0.1:${SITE_PORT}`;
const CINEMA = { path: '/cinema-paradiso/', title: 'Cinema Paradiso', person: 'Giulia' };
const LION = { path: '/the-lion-king/', title: 'The Lion King', person: 'Amara' };


/** The site's app has started on a page without a form: its settings work. */
async function settingsLive(page: Page) {
  await expect(page.getByRole('button', { name: 'Español' })).toBeEnabled();
}

test('an old link to the single page’s comment is sent on to the first post', async ({ page }) => {
  await page.goto('/#comment-lzaieio0abc123');
  await expect(page).toHaveURL(new RegExp(`${POST_PATH}#comment-lzaieio0abc123$`));
  await ready(page);
  await page.goto('/#comments-page-2');
  await expect(page).toHaveURL(new RegExp(`${POST_PATH}#comments-page-2$`));
});

test.describe('the site of several posts (dist-site/)', () => {
  // One worker, one server on the port for the whole group.
  test.describe.configure({ mode: 'serial' });
  serveBuild('dist-site', SITE_PORT);

  test('home → a post → the next post → back, by their links', async ({ page }) => {
    await page.goto(`${SITE}/`);
    await settingsLive(page);
    await expect(page).toHaveTitle('Goosebumps');
    const moments = page.getByRole('list').first().getByRole('listitem');
    await expect(moments).toHaveCount(2);
    // Newest first; the draft is not listed.
    await expect(moments.nth(0)).toContainText(LION.person);
    await expect(moments.nth(1)).toContainText(CINEMA.person);
    await expect(page.getByRole('img', { name: 'Kenya' })).toBeVisible();
    await expect(page.getByText('Amélie')).toHaveCount(0);

    await page.getByRole('link', { name: CINEMA.title, exact: true }).click();
    await expect(page).toHaveURL(`${SITE}${CINEMA.path}`);
    await ready(page);
    await expect(page.getByRole('heading', { level: 1, name: CINEMA.title })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Posts' });
    await expect(nav.getByRole('link', { name: /Previous post/ })).toHaveCount(0);
    await nav.getByRole('link', { name: `Next post ${LION.title}` }).click();
    await expect(page).toHaveURL(`${SITE}${LION.path}`);
    await ready(page);
    await expect(page.getByRole('heading', { level: 1, name: LION.title })).toBeVisible();
    await expect(nav.getByRole('link', { name: /Next post/ })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: `Previous post ${CINEMA.title}` })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(`${SITE}${CINEMA.path}`);
    await page.getByRole('link', { name: 'Goosebumps' }).click();
    await expect(page).toHaveURL(`${SITE}/`);
  });

  test('each post keeps its own replies', async ({ page }) => {
    // The flood guard counts time: the page's clock is moved on by `post`.
    await page.clock.install();
    await page.goto(`${SITE}${CINEMA.path}`);
    await ready(page);
    await post(page, 'A reply to Giulia.', 'Reader');
    await page.goto(`${SITE}${LION.path}`);
    await ready(page);
    await expect(comment(page, 'A reply to Giulia.')).toHaveCount(0);
    await post(page, 'A reply to Amara.', 'Reader');
    await page.goto(`${SITE}${CINEMA.path}`);
    await ready(page);
    await expect(comment(page, 'A reply to Giulia.')).toHaveCount(1);
    await expect(comment(page, 'A reply to Amara.')).toHaveCount(0);
  });

  test('a missing address shows the 404 page, in both languages, with the way home', async ({ page, problems }) => {
    const response = await page.goto(`${SITE}/no/such/page`);
    expect(response?.status()).toBe(404);
    // The browser reports the 404 status in the console: that one is expected.
    await expect.poll(() => problems.some((p) => /404/.test(p))).toBe(true);
    problems.splice(0, problems.length, ...problems.filter((p) => !/404/.test(p)));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Page not found');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Página no encontrada');
    await settingsLive(page);
    await expect(page.getByRole('link', { name: LION.title })).toHaveAttribute('href', LION.path);
    await page.getByRole('link', { name: /Go to the home page/ }).click();
    await expect(page).toHaveURL(`${SITE}/`);
  });

  test('axe finds nothing on the home page, a post and the 404 page', async ({ page, problems }) => {
    await page.goto(`${SITE}/`);
    await settingsLive(page);
    await axe(page);
    await page.goto(`${SITE}${LION.path}`);
    await ready(page);
    await axe(page);
    await page.goto(`${SITE}/missing/`);
    await settingsLive(page);
    await axe(page);
    problems.splice(0, problems.length, ...problems.filter((p) => !/404/.test(p)));
  });

  test('before the app, the YouTube facade puts the player in its place (the app’s words), and no app code comes', async ({ page }) => {
    // No network here: YouTube's player is a page of our own.
    await page.route('https://www.youtube-nocookie.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!DOCTYPE html><title>player</title>' }));
    const code: string[] = [];
    page.on('request', (r) => /\.wasm$|goosebumps-[0-9a-f]+\.js$/.test(new URL(r.url()).pathname) && code.push(r.url()));
    await page.goto(`${SITE}${LION.path}`);
    await page.getByRole('tab', { name: 'Video' }).click();
    const facade = page.getByRole('button', { name: 'Play video: The Lion King – Circle of Life' });
    await facade.click();
    const player = page.getByTitle('The Lion King – Circle of Life');
    await expect(player).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/GibiNy4d4gc?autoplay=1');
    await expect(player).toHaveAttribute('allow', 'autoplay; encrypted-media; picture-in-picture; fullscreen');
    await expect(facade).toHaveCount(0);
    await page.waitForTimeout(500);
    expect(code, 'no app code').toEqual([]);
    await expect(page.locator('html')).not.toHaveAttribute('data-app', /.*/);
  });

  test('the feeds and the sitemap are served, with absolute links to the posts', async ({ request }) => {
    const feed = await (await request.get(`${SITE}/feed.xml`)).text();
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(feed.indexOf('https://goosebumps.example/the-lion-king/')).toBeLessThan(feed.indexOf('https://goosebumps.example/cinema-paradiso/'));
    expect(feed).not.toContain('amelie');
    const sitemap = await (await request.get(`${SITE}/sitemap.xml`)).text();
    expect(sitemap).toContain('<loc>https://goosebumps.example/cinema-paradiso/</loc>');
    expect(await (await request.get(`${SITE}/robots.txt`)).text()).toContain('Sitemap: https://goosebumps.example/sitemap.xml');
    const home = await (await request.get(`${SITE}/`)).text();
    expect(home).toContain('<link rel="alternate" type="application/atom+xml"');
  });

  test.describe('with JavaScript off', () => {
    test.use({ javaScriptEnabled: false });
    test('the home page and every post are readable', async ({ page }) => {
      await page.goto(`${SITE}/`);
      await expect(page.getByRole('link', { name: LION.title, exact: true })).toBeVisible();
      await expect(page.getByText('When Rafiki lifts Simba')).toBeVisible();
      for (const p of [CINEMA, LION]) {
        await page.goto(`${SITE}${p.path}`);
        await expect(page.getByRole('heading', { level: 1, name: p.title })).toBeVisible();
        await expect(page.locator('.quote')).toContainText(p.person === 'Giulia' ? 'Cinema Paradiso' : 'Rafiki');
      }
    });
  });

  test('after one visit, the home page and every post open offline', async ({ page, context, problems }) => {
    await page.goto(`${SITE}/`);
    await settingsLive(page);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none')).toBe('activated');
    await context.setOffline(true);
    // Read offline: the pages, from the worker (the app's code was never fetched on
    // this reading visit, so it is not asked for: intent.spec tests writing offline).
    for (const p of [CINEMA, LION]) {
      await page.goto(`${SITE}${p.path}`);
      await expect(page.getByRole('heading', { level: 1, name: p.title })).toBeVisible();
      await expect(page.getByRole('tab', { name: 'Text' })).toHaveAttribute('aria-selected', 'true');
    }
    await page.goto(`${SITE}/`);
    await expect(page.getByRole('link', { name: CINEMA.title, exact: true })).toBeVisible();
    // An address never visited: the cached 404 page, with the status 404 (which
    // the browser reports in the console), not the browser's error.
    const missing = await page.goto(`${SITE}/never-built/`);
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Page not found');
    await context.setOffline(false);
    problems.splice(0, problems.length, ...problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|status of 404/i.test(p)));
  });
});
