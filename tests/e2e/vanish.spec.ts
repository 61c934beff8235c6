// Issue 22, item 5: published replies never vanish. When the build's
// `replies/<slug>.json` cannot be read (the network fails, the server answers
// 500, the file is cut off), the replies the first HTML showed stay — threads,
// count and the reader's own replies under them intact — and, where the page says
// there are more than it shows, one sentence says the others could not be loaded,
// with Try again (which loads the page again; drafts are kept).
//
// Against dist-published/ (GOOSEBUMPS_REPLIES_DIR=tests/fixtures/published: three
// published replies, all on the first page; `cargo xtask test` builds it), its
// replies file failed with `page.route`. The service worker is kept out, so every
// read of the file goes to the network and meets the route.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, ready, post, comment, heading, POST, POST_PATH, ROOT, serveBuild, axe } from './fixtures';
import type { Page, Route } from '@playwright/test';

const PORT = Number(process.env.E2E_VANISH_PORT ?? 4186);
const SITE = `http://127.0.0.1:${PORT}`;
const DIR = process.env.E2E_VANISH_DIR ?? 'dist-published';
const REPLIES = `${SITE}/replies/${POST}.json`;
const FIXTURE = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/published', `${POST}.json`), 'utf8'));
const UNREAD = 'Some published replies could not be loaded, so only this page’s are shown.';

test.use({ serviceWorkers: 'block' });
test.describe.configure({ mode: 'serial' });
serveBuild(DIR, PORT);

/** The ways the file fails. */
const FAILURES: Record<string, (route: Route) => Promise<void>> = {
  'the network fails': (route) => route.abort('failed'),
  'the server answers 500': (route) => route.fulfill({ status: 500, body: 'Internal Server Error' }),
  'the file is cut off': (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(FIXTURE).slice(0, 180) }),
};

/**
 * A failed load says so in the console ("Failed to load resource"), as it should;
 * those lines are expected here, every other problem still fails the test.
 */
function expectLoadErrors(problems: string[]) {
  for (let i = problems.length - 1; i >= 0; i--) {
    if (/Failed to load resource/.test(problems[i])) problems.splice(i, 1);
  }
}

/** The reader's own reply to Maria's published one, stored before the page opens. */
async function storeOwnReply(page: Page) {
  await page.goto(`${SITE}/`);
  await page.evaluate((post) => {
    const comment = { id: 'm3x9q2k0a1b2c3', post, parent_id: 'wp-2', author: 'Bo', email: 'bo@example.com', url: null, content: 'My answer to Maria.', created_ms: Date.UTC(2025, 0, 1) };
    localStorage.setItem(`goosebumps/v1/comment/${post}/${comment.id}`, JSON.stringify({ v: 2, comment }));
  }, POST);
}

for (const [how, fail] of Object.entries(FAILURES)) {
  test(`${how}: the first HTML’s replies stay, threads and count intact`, async ({ page, problems }) => {
    await storeOwnReply(page);
    let asked = 0;
    await page.route(REPLIES, (route) => {
      asked++;
      return fail(route);
    });
    await page.goto(`${SITE}${POST_PATH}`);
    await ready(page);
    expect(asked, 'the page asked for the file').toBeGreaterThan(0);
    await expect(page.getByRole('heading', { name: heading(4) })).toBeVisible();
    const maria = page.locator('#comment-wp-2');
    await expect(maria.locator(':scope > article .comment-content')).toHaveText('I cried at the same scene.');
    await expect(maria.locator(':scope > article a.url')).toHaveAttribute('href', 'https://maria.example.com');
    await expect(maria.locator(':scope > article time').first()).toHaveAttribute('datetime', '2024-03-02T19:05:16Z');
    await expect(maria.locator(':scope > ol.children > #comment-wp-3')).toContainText('So did I, every time.');
    await expect(maria.locator(':scope > ol.children > #comment-m3x9q2k0a1b2c3'), 'the reader’s reply stays under Maria’s').toContainText('My answer to Maria.');
    await expect(page.locator('ol.comment-list > li')).toHaveCount(2);
    // Still the site's: answerable, not editable.
    await expect(maria.locator(':scope > article').getByRole('button', { name: /^Edit/ })).toHaveCount(0);
    await expect(maria.getByRole('button', { name: 'Reply to Maria Camilleri' })).toBeEnabled();
    // Every published reply is on this page: nothing is missing, so nothing to say.
    await expect(page.getByText(UNREAD)).toHaveCount(0);
    await page.clock.install();
    await maria.getByRole('button', { name: 'Reply to Maria Camilleri' }).click();
    await post(page, 'Answering while the file is down.', 'Cy');
    await expect(maria.locator(':scope > ol.children')).toContainText('Answering while the file is down.');
    await expect(page.getByRole('heading', { name: heading(5) })).toBeVisible();
    expectLoadErrors(problems);
  });
}

test('more published than the page shows: counted, said in one sentence, and Try again reads them (the typed text kept)', async ({ page, problems }) => {
  // The first HTML as a post with five published replies, two of them on later
  // pages, would have it: the page says 5 and shows the first page's 3.
  await page.route(`${SITE}${POST_PATH}`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('data-published="3"', 'data-published="5"');
    await route.fulfill({ response, body });
  });
  const later = [
    { id: 'wp-4', parent: null, author: 'Later Reader', content: 'A reply from a later page.', created_ms: 1725000000000 },
    { id: 'wp-5', parent: 'wp-4', author: 'Another Reader', content: 'An answer on that later page.', created_ms: 1725100000000 },
  ];
  let failing = true;
  await page.route(REPLIES, (route) =>
    failing
      ? route.abort('failed')
      : route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ post: POST, replies: [...FIXTURE.replies, ...later] }) }),
  );
  await page.goto(`${SITE}${POST_PATH}`);
  await ready(page);
  await expect(page.getByRole('heading', { name: heading(5) }), 'the count does not drop').toBeVisible();
  const notice = page.getByRole('status').filter({ hasText: UNREAD });
  await expect(notice).toBeVisible();
  await expect(page.locator('#comment-wp-2 > ol.children > #comment-wp-3')).toBeVisible();
  await axe(page);
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.getByText('Algunas respuestas publicadas no se pudieron cargar, así que solo se muestran las de esta página.')).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();

  // Try again loads the page again, which reads the file again; what the reader
  // was typing stays. Still failing: the same page, the same sentence.
  await page.getByRole('textbox', { name: 'Comment' }).fill('Typed before trying again');
  await page.waitForTimeout(400);
  await notice.getByRole('button', { name: 'Try again' }).click();
  await ready(page);
  await expect(notice).toBeVisible();
  await expect(page.getByRole('heading', { name: heading(5) })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue('Typed before trying again');

  failing = false;
  await notice.getByRole('button', { name: 'Try again' }).click();
  await ready(page);
  await expect(page.locator('#comment-wp-4')).toContainText('A reply from a later page.');
  await expect(page.locator('#comment-wp-4 > ol.children > #comment-wp-5')).toContainText('An answer on that later page.');
  await expect(page.getByText(UNREAD)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: heading(5) })).toBeVisible();
  await expect(comment(page, 'I cried at the same scene.')).toHaveCount(1);
  await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue('Typed before trying again');
  expectLoadErrors(problems);
});
