// Every comment page is an address, end to end on dist-many/ (built by `cargo xtask
// test` with GOOSEBUMPS_REPLIES_DIR=tests/fixtures/published-many: 120 published
// replies of the seed post, 110 threads, so three comment pages; see that folder's
// README): each page reads with JavaScript off at `/<slug>/comment-page-<n>/`, its
// page links and Previous / Next lead from one to the other, and a permalink to a
// reply on the third page lands on it; live, the page links lead to those
// addresses, where the app opens at that page (Back too), and a permalink opens its
// page; the reader's own replies add pages that only this browser has
// (`#comments-page-<n>`, turned in place); offline after a visit, a comment page
// reads.
import { test, expect, ready, seed, POST, POST_PATH, serveBuild } from './fixtures';
import type { Page } from '@playwright/test';

const PORT = Number(process.env.E2E_MANY_PORT ?? 4197);
const MANY = `http://127.0.0.1:${PORT}`;
const HEADING = '120 thoughts on “Miracle in cell no. 7”';
const TITLE = 'Miracle in cell no. 7 – John’s goosebump moment';
const SITE = 'https://goosebumps.example';
/** The address of comment page `n` (the post's own for the first). */
const pageUrl = (n: number) => (n === 1 ? POST_PATH : `${POST_PATH}comment-page-${n}/`);
/** The top-level threads each page shows, in the default order (oldest first). */
const THREADS: Record<number, [number, number]> = { 1: [1, 50], 2: [51, 100], 3: [101, 110] };

/** Checks that page `n` of the comments is the one shown: its threads, and no other's. */
async function showsPage(page: Page, n: number) {
  const [first, last] = THREADS[n];
  const list = page.locator('.comment-list');
  await expect(list.locator(`:scope > #comment-wp-${first}`)).toBeVisible();
  await expect(list.locator(`:scope > #comment-wp-${last}`)).toHaveCount(1);
  await expect(list.locator(':scope > li')).toHaveCount(last - first + 1);
  await expect(page.locator('.comment-navigation [aria-current="page"]')).toHaveText(String(n));
}

test.describe('comment pages (dist-many/)', () => {
  test.describe.configure({ mode: 'serial' });
  serveBuild('dist-many', PORT);

  test.describe('with JavaScript off', () => {
    test.use({ javaScriptEnabled: false });

    test('every comment page reads at its own address, and Next / Previous lead through them', async ({ page }) => {
      await page.goto(`${MANY}${POST_PATH}`);
      await expect(page).toHaveTitle(TITLE);
      await expect(page.getByRole('heading', { name: HEADING })).toBeVisible();
      await showsPage(page, 1);
      await expect(page.locator('head link[rel="next"]')).toHaveAttribute('href', `${SITE}${pageUrl(2)}`);
      await expect(page.locator('head link[rel="prev"]')).toHaveCount(0);
      const nav = page.getByRole('navigation', { name: 'Comment pages' });
      await expect(nav.getByRole('link', { name: '« Previous' })).toHaveCount(0);

      for (const n of [2, 3]) {
        await nav.getByRole('link', { name: 'Next »' }).click();
        await expect(page).toHaveURL(`${MANY}${pageUrl(n)}#comments`);
        await expect(page).toHaveTitle(`${TITLE} – Page ${n}`);
        await expect(page.getByRole('heading', { name: HEADING })).toBeVisible();
        await showsPage(page, n);
        await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', `${SITE}${pageUrl(n)}`);
        await expect(page.locator('head link[rel="prev"]')).toHaveAttribute('href', `${SITE}${pageUrl(n - 1)}`);
      }
      // The last page: no Next, no rel="next"; its answers in their threads.
      await expect(nav.getByRole('link', { name: 'Next »' })).toHaveCount(0);
      await expect(page.locator('head link[rel="next"]')).toHaveCount(0);
      await expect(page.locator('#comment-wp-101 > ol.children > #comment-wp-114 > ol.children > #comment-wp-115')).toContainText(
        'Published answer number 115, to wp-114.',
      );

      await nav.getByRole('link', { name: '« Previous' }).click();
      await expect(page).toHaveURL(`${MANY}${pageUrl(2)}#comments`);
      await showsPage(page, 2);
      await expect(page.locator('#comment-wp-55 > ol.children > #comment-wp-113')).toBeVisible();
      await nav.getByRole('link', { name: '1', exact: true }).click();
      await expect(page).toHaveURL(`${MANY}${POST_PATH}#comments`);
      await showsPage(page, 1);
      // The same page links go straight to a page.
      await nav.getByRole('link', { name: '3', exact: true }).click();
      await showsPage(page, 3);
    });

    test('a reply’s permalink and its feed link lead to the page that shows it', async ({ page }) => {
      await page.goto(`${MANY}${pageUrl(3)}`);
      const permalink = page.locator('#comment-wp-115 > article .comment-permalink');
      expect(await permalink.evaluate((a: HTMLAnchorElement) => a.href)).toBe(`${MANY}${pageUrl(3)}#comment-wp-115`);
      // The post's replies feed links each reply at its page (the site URL is the build's).
      const feed = await (await page.request.get(`${MANY}${POST_PATH}feed.xml`)).text();
      expect(feed).toContain(`<link rel="alternate" type="text/html" href="${SITE}${pageUrl(3)}#comment-wp-115"/>`);
      expect(feed).toContain(`<link rel="alternate" type="text/html" href="${SITE}${pageUrl(2)}#comment-wp-113"/>`);
      // Followed on this host, it lands on the reply.
      await page.goto(`${MANY}${pageUrl(3)}#comment-wp-115`);
      await expect(page.locator('#comment-wp-115')).toBeInViewport();
      // The sitemap lists the post, not its comment pages (as WordPress's).
      const sitemap = await (await page.request.get(`${MANY}/sitemap.xml`)).text();
      expect(sitemap).toContain(`${SITE}${POST_PATH}</loc>`);
      expect(sitemap).not.toContain('comment-page');
    });
  });

  test('live: a page link opens that page at its address, where the app shows it; Back returns', async ({ page }) => {
    await page.goto(`${MANY}${POST_PATH}`);
    await ready(page);
    await showsPage(page, 1);
    const nav = page.getByRole('navigation', { name: 'Comment pages' });
    await expect(nav.getByRole('link', { name: '2', exact: true })).toHaveAttribute('href', `${pageUrl(2)}#comments`);
    await nav.getByRole('link', { name: '2', exact: true }).click();
    await expect(page).toHaveURL(`${MANY}${pageUrl(2)}#comments`);
    await ready(page);
    await showsPage(page, 2);
    await nav.getByRole('link', { name: 'Next »' }).click();
    await expect(page).toHaveURL(`${MANY}${pageUrl(3)}#comments`);
    await ready(page);
    await showsPage(page, 3);
    await page.goBack();
    await expect(page).toHaveURL(`${MANY}${pageUrl(2)}#comments`);
    await showsPage(page, 2);
    await nav.getByRole('link', { name: '« Previous' }).click();
    await expect(page).toHaveURL(`${MANY}${POST_PATH}#comments`);
    await ready(page);
    await showsPage(page, 1);
  });

  test('live: a page’s address opens that page; a permalink to a reply on page 3 lands on it; #comments-page-N too', async ({ page }) => {
    await page.goto(`${MANY}${pageUrl(3)}`);
    await ready(page);
    await showsPage(page, 3);
    await expect(page.locator('#comment-wp-115 .comment-content')).toHaveText('Published answer number 115, to wp-114.');

    await page.goto(`${MANY}${POST_PATH}#comment-wp-115`);
    await ready(page);
    await expect(page.locator('#comment-wp-115')).toHaveClass(/is-highlighted/);
    await expect(page.locator('#comment-wp-115')).toBeInViewport();
    await expect(page.locator('.comment-navigation [aria-current="page"]')).toHaveText('3');

    await page.goto(`${MANY}${POST_PATH}#comments-page-2`);
    await ready(page);
    await showsPage(page, 2);
  });

  test('live: the reader’s own replies add a page only this browser has, linked as #comments-page-N', async ({ page }) => {
    await page.goto(`${MANY}${POST_PATH}`);
    await seed(page, 60);
    await page.reload();
    await ready(page);
    await expect(page.getByRole('heading', { name: '180 thoughts on “Miracle in cell no. 7”' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Comment pages' });
    await expect(nav.getByRole('link', { name: '3', exact: true })).toHaveAttribute('href', `${pageUrl(3)}#comments`);
    await expect(nav.getByRole('link', { name: '4', exact: true })).toHaveAttribute('href', '#comments-page-4');
    await nav.getByRole('link', { name: '4', exact: true }).click();
    await expect(page).toHaveURL(`${MANY}${POST_PATH}#comments-page-4`);
    await expect(page.locator('.comment-navigation [aria-current="page"]')).toHaveText('4');
    await expect(page.locator('.comment-list > li').first()).toContainText('Seeded comment number 41');
    // Back to the first page, which is this very address: turned in place.
    await nav.getByRole('link', { name: '1', exact: true }).click();
    await expect(page).toHaveURL(`${MANY}${POST_PATH}#comments`);
    await showsPage(page, 1);
  });

  test('offline after a visit, a comment page reads: the one visited, and any other through the post', async ({ page, context }) => {
    await page.goto(`${MANY}${POST_PATH}`);
    await ready(page);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none')).toBe('activated');
    // Visited while the worker is in control: kept as it came.
    await page.goto(`${MANY}${pageUrl(2)}`);
    await ready(page);
    await context.setOffline(true);
    await page.reload();
    await expect(page).toHaveTitle(`${TITLE} – Page 2`);
    await ready(page);
    await showsPage(page, 2);
    // Never visited: the post's page, on which the app shows the third page.
    await page.goto(`${MANY}${pageUrl(3)}`);
    await ready(page);
    await showsPage(page, 3);
    await context.setOffline(false);
  });
});
