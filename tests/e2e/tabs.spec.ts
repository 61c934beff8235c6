// Two tabs of one browser share localStorage: what one tab does shows in the other
// without a reload, posts made at the same time are all kept, and a draft typed in
// one tab never wipes the text being typed in the other.
import { test, expect, open, fillComment, post, comment, heading, storedEntries, KEY, type PostOptions, POST_PATH } from './fixtures';
import type { Page } from '@playwright/test';

const COMMENT_PREFIX = KEY.commentPrefix();
const DRAFT_KEY = KEY.draft;

/** The fixture watches only the first page; a second tab gets the same watch. */
function watch(page: Page, problems: string[], label: string) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`${label} console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`${label} page error: ${err.message}`));
  page.on('dialog', async (dialog) => {
    problems.push(`${label} dialog opened: ${dialog.message()}`);
    await dialog.dismiss();
  });
}

/** Comments are found by their whole text: `A-1` is not `A-10`. */
const EXACT = { exact: true };

/**
 * Posting here: in the tab brought to the front as a reader would (Chromium delays
 * clicks in a tab that is not in front), 20 s on (the clock belongs to the context:
 * Playwright moves it in every page), until the comment whose text is exactly the
 * posted one shows.
 */
const IN_TAB: PostOptions = { front: true, clock: '00:20', until: 'shown exactly' };

/** The text of every stored comment. */
async function storedComments(page: Page) {
  return (await storedEntries(page, COMMENT_PREFIX)).map(([, value]) => JSON.parse(value!).comment.content as string);
}

/** Every comment text on every page of comments, going through the page links. */
async function allShownTexts(page: Page) {
  const texts: string[] = [];
  const nav = page.getByRole('navigation', { name: 'Comment pages' });
  const pages = (await nav.count()) ? Number(await nav.locator('.page-numbers:not([rel])').last().textContent()) : 1;
  for (let n = 1; n <= pages; n++) {
    if (pages > 1) {
      await page.goto(`${POST_PATH}#comments-page-${n}`);
      await expect(nav.locator('[aria-current="page"]')).toHaveText(String(n));
    }
    texts.push(...(await page.locator('.comment-content').allTextContents()));
  }
  return texts;
}

test('a post, an edit and a delete in one tab show in the other without a reload', async ({ page: a, context, problems }) => {
  await a.clock.install();
  const b = await context.newPage();
  watch(b, problems, 'tab B');
  await open(a);
  await open(b);

  await post(a, 'Written in tab A', { name: 'Ann', ...IN_TAB });
  await expect(comment(b, 'Written in tab A', EXACT), 'a comment posted in A shows in B').toBeVisible();
  await expect(b.getByRole('heading', { name: heading(1) })).toBeVisible();

  await post(b, 'Written in tab B', { name: 'Ben', ...IN_TAB });
  await expect(comment(a, 'Written in tab B', EXACT), 'a comment posted in B shows in A').toBeVisible();
  await expect(a.getByRole('heading', { name: heading(2) })).toBeVisible();

  await a.bringToFront();
  await comment(a, 'Written in tab A', EXACT).getByRole('button', { name: 'Edit' }).click();
  await a.getByRole('textbox', { name: 'Edit your comment' }).fill('Edited in tab A');
  await a.getByRole('button', { name: 'Save' }).click();
  await expect(comment(a, 'Edited in tab A', EXACT)).toContainText('(edited)');
  await expect(comment(b, 'Edited in tab A', EXACT), 'an edit in A shows in B').toContainText('(edited)');
  await expect(comment(b, 'Written in tab A', EXACT)).toHaveCount(0);

  await comment(a, 'Edited in tab A', EXACT).getByRole('button', { name: 'Delete' }).click();
  await expect(comment(a, 'Edited in tab A', EXACT)).toHaveCount(0);
  await expect(comment(b, 'Edited in tab A', EXACT), 'a delete in A disappears in B').toHaveCount(0);
  await expect(b.getByRole('heading', { name: heading(1) })).toBeVisible();
  await expect(comment(b, 'Written in tab B', EXACT)).toBeVisible();
});

test('two tabs posting in turn lose nothing: 100 + 100 comments', async ({ page: a, context, problems }) => {
  test.setTimeout(240_000);
  // page.clock is the context's clock: install and fastForward act in every page of
  // the context (and are replayed in pages opened later), so both tabs share one time.
  await a.clock.install();
  const b = await context.newPage();
  watch(b, problems, 'tab B');
  await open(a);
  await open(b);
  // Name and email stay in the form between posts when "Save my name…" is ticked.
  for (const [tab, name] of [[a, 'Ann'], [b, 'Ben']] as const) {
    await tab.bringToFront();
    await fillComment(tab, { name, email: `${name.toLowerCase()}@example.com` });
    await tab.getByRole('checkbox', { name: /Save my name, email, and website/ }).check();
  }

  const N = 100;
  const expected: string[] = [];
  for (let i = 1; i <= N; i++) {
    for (const [tab, label] of [[a, 'A'], [b, 'B']] as const) {
      const text = `${label}-${i}`;
      expected.push(text);
      await tab.bringToFront();
      // 30 s, not 16: each page's fake clock also runs on its own timers, which
      // Chromium throttles in the tab that is not in front, so the two tabs' clocks
      // drift apart over 200 posts; the margin keeps the flood guard out of it.
      await tab.clock.fastForward('00:30');
      await tab.getByRole('textbox', { name: 'Comment' }).fill(text);
      await tab.getByRole('button', { name: 'Post Comment' }).click();
      // Posted: the form is empty again and the comment is shown (go_to opens its page).
      // Generous timeouts: 200 posts while the other worker runs its own tests.
      await expect(tab.getByRole('textbox', { name: 'Comment' }), `${text} was posted`).toHaveValue('', { timeout: 15_000 });
      await expect(comment(tab, text, EXACT)).toBeVisible({ timeout: 15_000 });
    }
  }

  // Every post is stored under its own key.
  const stored = await storedComments(a);
  expect(stored).toHaveLength(2 * N);
  expect(new Set(stored)).toEqual(new Set(expected));

  // Both tabs show all 200 without a reload (they listen to `storage` events).
  await expect.soft(a.getByRole('heading', { name: heading(2 * N) }), 'tab A counts all 200 without a reload').toBeVisible();
  await expect.soft(b.getByRole('heading', { name: heading(2 * N) }), 'tab B counts all 200 without a reload').toBeVisible();

  // And after a reload: 50 threads a page, the heading counts all, every text is there.
  for (const tab of [a, b]) {
    await tab.bringToFront();
    await tab.reload();
    await expect(tab.getByRole('heading', { name: heading(2 * N) })).toBeVisible();
    await expect(tab.locator('ol.comment-list > li.comment')).toHaveCount(50);
    const shown = await allShownTexts(tab);
    expect(shown).toHaveLength(2 * N);
    expect(new Set(shown)).toEqual(new Set(expected));
  }
  expect(await storedComments(b)).toHaveLength(2 * N);
});

test('two tabs typing the same draft: last write wins, and neither loses what is typed', async ({ page: a, context, problems }) => {
  const b = await context.newPage();
  watch(b, problems, 'tab B');
  await open(a);
  await open(b);
  const boxA = a.getByRole('textbox', { name: 'Comment' });
  const boxB = b.getByRole('textbox', { name: 'Comment' });
  const storedDraft = () => a.evaluate((key) => {
    const value = localStorage.getItem(key);
    return value === null ? null : (JSON.parse(value).comment as string);
  }, DRAFT_KEY);

  // Both tabs type at once, slower than the 250 ms debounce, so each keystroke is
  // written while the other tab is in the middle of typing.
  const typedA = 'Ova waits';
  const typedB = 'Memo sings';
  await Promise.all([
    boxA.pressSequentially(typedA, { delay: 300 }),
    boxB.pressSequentially(typedB, { delay: 300 }),
  ]);
  await expect(boxA, 'what A typed is still in A').toHaveValue(typedA);
  await expect(boxB, 'what B typed is still in B').toHaveValue(typedB);
  await expect.poll(storedDraft).toMatch(/^(Ova waits|Memo sings)$/);

  // A writes, then B writes last: storage holds B's text; each tab keeps its own.
  await boxA.pressSequentially(' in the cell');
  await expect.poll(storedDraft).toBe(`${typedA} in the cell`);
  await boxB.pressSequentially(' to her');
  await expect.poll(storedDraft).toBe(`${typedB} to her`);
  await a.waitForTimeout(400);
  expect(await storedDraft(), 'no tab writes its draft back over the last write').toBe(`${typedB} to her`);
  await expect(boxA).toHaveValue(`${typedA} in the cell`);
  await expect(boxB).toHaveValue(`${typedB} to her`);
  await expect(a.getByRole('button', { name: 'Post Comment' })).toBeVisible();
  await expect(b.getByRole('button', { name: 'Post Comment' })).toBeVisible();

  // A reload of A shows the last written draft.
  await a.reload();
  await expect(boxA).toHaveValue(`${typedB} to her`);
  expect(await storedDraft()).toBe(`${typedB} to her`);
  await expect(boxB).toHaveValue(`${typedB} to her`);
});
