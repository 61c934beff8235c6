// Published replies that look like markup (tests/fixtures/hostile), built into
// dist-hostile/ with the test site's posts: the page reads with JavaScript off and
// live exactly as that text, with its structure whole, its JSON-LD and its feed
// parsing, and 0 console errors and 0 CSP violations (the fixtures' guard; an
// injected script would also open a dialog, which fails the test). The replies of
// the site's draft are neither shipped nor precached.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, ready, serveBuild, ROOT } from './fixtures';
import type { Page } from '@playwright/test';

const PORT = Number(process.env.E2E_HOSTILE_PORT ?? 4195);
const SITE = `http://127.0.0.1:${PORT}`;
const PATH = '/cinema-paradiso/';
type Reply = { id: string; parent: string | null; author: string; url?: string; content: string };
const REPLIES: Reply[] = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/hostile/cinema-paradiso.json'), 'utf8')).replies;

/** Every reply shows its own text, name and website, in its own item. */
async function repliesShowAsText(page: Page) {
  await expect(page.getByRole('heading', { name: `${REPLIES.length} thoughts on “Cinema Paradiso”` })).toBeVisible();
  for (const r of REPLIES) {
    const body = page.locator(`[id="comment-${r.id}"] > article`);
    // textContent, not innerText: the text as it is, whatever the layout.
    expect(await body.locator('.comment-content').evaluate((el) => el.textContent)).toBe(r.content);
    expect(await body.locator('.comment-author .fn').evaluate((el) => el.textContent)).toBe(r.author);
    if (r.url) await expect(body.locator('a.url')).toHaveAttribute('href', r.url);
    if (r.parent) await expect(page.locator(`[id="comment-${r.parent}"] ol.children [id="comment-${r.id}"]`)).toHaveCount(1);
  }
  // The page's structure is the template's: one title, one h1, the root in the body.
  await expect(page).toHaveTitle('Cinema Paradiso – Giulia’s goosebump moment');
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('body > #prerendered')).toHaveCount(1);
  await expect(page.locator('script:not([type])', { hasText: 'alert' })).toHaveCount(0);
}

test.describe('published replies that look like markup (dist-hostile/)', () => {
  test.describe.configure({ mode: 'serial' });
  serveBuild('dist-hostile', PORT);

  test.describe('with JavaScript off', () => {
    test.use({ javaScriptEnabled: false });
    test('the first HTML shows every reply as its text, and its JSON-LD and feed parse', async ({ page, request }) => {
      await page.goto(`${SITE}${PATH}`);
      await repliesShowAsText(page);
      const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
      expect(ld.commentCount).toBe(REPLIES.length);
      expect(ld.comment[0]).toMatchObject({ text: REPLIES[0].content, author: { name: REPLIES[0].author, url: REPLIES[0].url } });
      expect(ld.comment[0].comment[0]).toMatchObject({ text: REPLIES[1].content, author: { name: REPLIES[1].author } });
      // The post's feed of replies is XML a real parser reads, each text as it is.
      const feed = await (await request.get(`${SITE}${PATH}feed.xml`)).text();
      const contents = await page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        if (doc.querySelector('parsererror')) return null;
        return [...doc.getElementsByTagName('entry')].map((e) => e.getElementsByTagName('content')[0]?.textContent);
      }, feed);
      expect(contents).not.toBeNull();
      for (const r of REPLIES) expect(contents).toContain(r.content);
    });
  });

  test('live: the app starts over it and shows the same replies, with no error or violation', async ({ page }) => {
    await page.goto(`${SITE}${PATH}`);
    await ready(page);
    await repliesShowAsText(page);
  });

  test('the replies of a post that is not built (a draft) are not shipped or precached', async ({ request }) => {
    expect((await request.get(`${SITE}/replies/cinema-paradiso.json`)).status()).toBe(200);
    expect((await request.get(`${SITE}/replies/amelie.json`)).status()).toBe(404);
    const worker = await (await request.get(`${SITE}/sw.js`)).text();
    expect(worker).toContain('replies/cinema-paradiso.json');
    expect(worker).not.toContain('amelie');
  });
});
