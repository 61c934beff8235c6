// When the browser's storage fails — blocked, full, or holding values this page
// cannot read — the page still works, says so, and never deletes or rewrites what
// it cannot read.
import { test, expect, open, fillComment, post, comment, heading, put, storedEntries, blockStorage, POST, KEY, commentId, createdAt, storedComment, recordValue } from './fixtures';
import type { Page } from '@playwright/test';

const COMMENT_PREFIX = KEY.commentPrefix();
const INDEX_KEY = KEY.index;

/** A valid comment id (time in base 36, then 6 characters), `n` minutes into 2025. */
const idAt = (n: number, tail: string) => commentId(Date.UTC(2025, 0, 1) + n * 60_000, tail);

/** The stored value of a top-level comment `id` (created when its id says), format version `v`. */
const record = (v: number, id: string, content: string, author = 'Reader', post = POST) =>
  recordValue(storedComment({ id, post, author, email: 'r@example.com', content }), v);

async function values(page: Page, keys: string[]) {
  return page.evaluate((keys) => Object.fromEntries(keys.map((k) => [k, localStorage.getItem(k)])), keys);
}

test('storage blocked: the page works, says replies last only for this tab, and posting works', async ({ page }) => {
  await blockStorage(page, 'blocked');
  await open(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(
    page.getByText('Your browser is blocking storage for this site, so replies are kept only until this tab is closed.'),
  ).toBeVisible();

  await fillComment(page, { comment: 'Kept in memory only', name: 'Nomad', email: 'nomad@example.com' });
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(comment(page, 'Kept in memory only')).toBeVisible();
  await expect(page.getByRole('heading', { name: heading(1) })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Your comment was posted.' }).first()).toBeVisible();
  // Switching the testimonial view (also kept in storage) works too.
  await page.getByRole('tab', { name: 'Video' }).click();
  await expect(page.getByRole('tab', { name: 'Video' })).toHaveAttribute('aria-selected', 'true');
});

/** Fills localStorage to the last character under keys that are not the app's
 * (`filler/<n>`); returns how many values it took. */
async function fillStorage(page: Page) {
  return page.evaluate(() => {
    let size = 1 << 20;
    let n = Object.keys(localStorage).filter((k) => k.startsWith('filler/')).length;
    const first = n;
    while (size >= 1) {
      try {
        localStorage.setItem(`filler/${n}`, 'x'.repeat(size));
        n++;
      } catch (e) {
        if ((e as DOMException).name !== 'QuotaExceededError') throw e;
        size = Math.floor(size / 2);
      }
    }
    return n - first;
  });
}

test('storage full: the reply is not saved, the reader is told why, and nothing stored is removed', async ({ page }) => {
  await open(page);
  await put(page, {
    [COMMENT_PREFIX + idAt(1, 'aaaaaa')]: record(1, idAt(1, 'aaaaaa'), 'Stored before the storage filled up, one'),
    [COMMENT_PREFIX + idAt(2, 'bbbbbb')]: record(2, idAt(2, 'bbbbbb'), 'Stored before the storage filled up, two'),
    [COMMENT_PREFIX + idAt(3, 'cccccc')]: record(2, idAt(3, 'cccccc'), 'Stored before the storage filled up, three'),
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: heading(3) })).toBeVisible();
  const stored = await storedEntries(page, 'goosebumps/');
  expect(stored.filter(([k]) => k.startsWith(COMMENT_PREFIX))).toHaveLength(3);

    const fillers = await fillStorage(page);
  expect(fillers).toBeGreaterThan(0);
  const fillerKeys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler/')).length);

  const text = 'This reply will not fit';
  await fillComment(page, { comment: text, name: 'Full', email: 'full@example.com' });
  await page.getByRole('button', { name: 'Post Comment' }).click();
  const status = page.getByRole('status').filter({ hasText: "Your browser's storage for this site is full, so this reply was not saved." });
  await expect(status).toBeVisible();
  await expect(status).toContainText(/export your comments.*delete some older replies/);
  await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue(text);
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('Full');
  await expect(comment(page, text)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: heading(3) })).toBeVisible();

  // Nothing already stored was removed or changed, and the page freed nothing of others'.
  expect(await storedEntries(page, 'goosebumps/')).toEqual(stored);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler/')).length)).toBe(fillerKeys);

  // Once there is room again, pressing Post Comment again stores the same text.
  await page.evaluate(() => localStorage.removeItem('filler/0'));
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(comment(page, text)).toBeVisible();
  await expect(page.getByRole('heading', { name: heading(4) })).toBeVisible();
  const after = await storedEntries(page, COMMENT_PREFIX);
  expect(after).toHaveLength(4);
  for (const entry of stored.filter(([k]) => k.startsWith(COMMENT_PREFIX))) expect(after).toContainEqual(entry);
});

test('storage full during Edit and Undo: the change is not saved, says so, and the typed edit stays', async ({ page }) => {
  await open(page);
  await post(page, 'Short words', 'Ana');
  const id = (await comment(page, 'Short words').getAttribute('id'))!.replace(/^comment-/, '');
  const key = COMMENT_PREFIX + id;
  const [before] = await values(page, [key]).then((v) => [v[key]]);
  expect(await fillStorage(page)).toBeGreaterThan(0);

  // Edit → Save with longer words: refused, in a sentence about this change (not
  // "this reply… press Post Comment again"); the form keeps the words.
  const longer = 'Much longer words than before, which the full storage has no room for. '.repeat(20).trim();
  await comment(page, 'Short words').getByRole('button', { name: 'Edit' }).click();
  const box = page.getByRole('textbox', { name: 'Edit your comment' });
  await box.fill(longer);
  await page.getByRole('button', { name: 'Save' }).click();
  const refused = page.getByText("Your comment was not updated. Your browser's storage for this site is full, so this change was not saved.");
  await expect(refused.first()).toBeVisible();
  await expect(page.getByText('press Post Comment again')).toHaveCount(0);
  await expect(box).toHaveValue(longer);
  expect((await values(page, [key]))[key]).toBe(before);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(comment(page, 'Short words')).toBeVisible();

  // Delete (a smaller record: it fits), fill the room it freed, then Undo: refused
  // with the same sentence; the Undo bar stays so that Undo can be tried again.
  await comment(page, 'Short words').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  const deleted = (await values(page, [key]))[key];
  expect(deleted).not.toBe(before);
  await fillStorage(page);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: "The comment could not be restored. Your browser's storage for this site is full, so this change was not saved." }),
  ).toBeVisible();
  expect((await values(page, [key]))[key]).toBe(deleted);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();

  // With room again, Undo puts the comment back as it was.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler/')).forEach((k) => localStorage.removeItem(k)));
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(comment(page, 'Short words')).toBeVisible();
  expect((await values(page, [key]))[key]).toBe(before);
});

test('damaged values under our keys are skipped, counted once, and never touched', async ({ page }) => {
  await page.clock.install();
  await open(page);
  const good = {
    [COMMENT_PREFIX + idAt(1, 'good01')]: record(2, idAt(1, 'good01'), 'A good v2 comment'),
    [COMMENT_PREFIX + idAt(2, 'good02')]: record(2, idAt(2, 'good02'), 'Another good v2 comment'),
    [COMMENT_PREFIX + idAt(3, 'good03')]: record(1, idAt(3, 'good03'), 'A good comment from schema v1'),
  };
  const id = (n: number) => idAt(10 + n, 'bad00' + n);
  const damaged = {
    // Not JSON.
    [COMMENT_PREFIX + id(1)]: '{"v":2,"comment":{"id":',
    // JSON, but the wrong types.
    [COMMENT_PREFIX + id(2)]: JSON.stringify({ v: 2, comment: { id: id(2), post: POST, parent_id: null, author: 42, email: ['x'], url: null, content: { html: '<b>x</b>' }, created_ms: 'yesterday' } }),
    // A format version newer than this page knows (a newer tab's data).
    [COMMENT_PREFIX + id(3)]: JSON.stringify({ v: 99, comment: { id: id(3), post: POST, parent_id: null, author: 'Future', email: 'f@example.com', url: null, content: 'From the future', created_ms: 1, reactions: ['😀'] } }),
    // About 1 MB of junk.
    [COMMENT_PREFIX + id(4)]: '\u0000junk<script>'.repeat(80_000),
    // A key that is not a comment id, holding an otherwise good record.
    [`${COMMENT_PREFIX}NOT AN ID!`]: record(2, idAt(20, 'notid1'), 'Under a malformed key'),
    // A good record of another id than its key's.
    [COMMENT_PREFIX + id(5)]: record(2, idAt(21, 'other1'), 'Stored under the wrong key'),
  };
  const unreadable = Object.keys(damaged).length; // 6
  // Another post's comment and another app's key: neither shown nor counted nor touched.
  const foreign = {
    [KEY.comment(idAt(4, 'elsewh'), 'another-post')]: record(2, idAt(4, 'elsewh'), 'A comment on another post', 'Reader', 'another-post'),
    'someone-else/settings': '{"theme":"dark"}',
  };
  const seeded = { ...good, ...damaged, ...foreign };
  await put(page, seeded);
  const untouched = Object.keys(seeded);
  await page.reload();

  const notice = page.getByText(`${unreadable} saved replies could not be read; they were left untouched.`);
  await expect(notice).toBeVisible();
  await expect(page.getByText(/could not be read/)).toHaveCount(1);
  await expect(page.getByRole('heading', { name: heading(3) })).toBeVisible();
  await expect(page.locator('li.comment')).toHaveCount(3);
  for (const text of ['A good v2 comment', 'Another good v2 comment', 'A good comment from schema v1']) {
    await expect(comment(page, text)).toBeVisible();
  }
  for (const text of ['From the future', 'Under a malformed key', 'Stored under the wrong key', 'A comment on another post']) {
    await expect(page.getByText(text)).toHaveCount(0);
  }
  await expect(page.locator('#comments script, #comments b b')).toHaveCount(0);
  expect(await values(page, untouched), 'nothing changed after load').toEqual(seeded);

  await page.clock.fastForward('00:16');
  await fillComment(page, { comment: 'Posted next to damaged data', name: 'Fresh', email: 'fresh@example.com' });
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(comment(page, 'Posted next to damaged data')).toBeVisible();
  await expect(page.getByRole('heading', { name: heading(4) })).toBeVisible();
  expect(await values(page, untouched), 'nothing changed after posting').toEqual(seeded);

  await page.reload();
  await expect(page.getByRole('heading', { name: heading(4) })).toBeVisible();
  await expect(notice).toBeVisible();
  expect(await values(page, untouched), 'nothing changed after a reload').toEqual(seeded);
  expect(await storedEntries(page, COMMENT_PREFIX)).toHaveLength(3 + unreadable + 1);
});

test('a damaged index is rebuilt from the comment keys', async ({ page }) => {
  await open(page);
  const a = idAt(1, 'aaaaaa');
  const b = idAt(2, 'bbbbbb');
  const phantom = idAt(3, 'phantm');
  const comments = {
    [COMMENT_PREFIX + a]: record(2, a, 'First of two'),
    [COMMENT_PREFIX + b]: record(2, b, 'Second of two'),
  };
  const broken = [
    'garbage',
    '{"v":1,"entries":"garbage"}',
    '{"v":7,"entries":[]}',
    // Valid, but stale: it lists a comment that is not stored and misses one that is.
    JSON.stringify({ v: 1, entries: [[a, null, createdAt(a), 0, 1], [phantom, null, createdAt(phantom), 0, 2]] }),
  ];
  for (const index of broken) {
    await page.evaluate(() => localStorage.clear());
    await put(page, { ...comments, [INDEX_KEY]: index });
    await page.reload();
    await expect(page.getByRole('heading', { name: heading(2) }), `index ${index}`).toBeVisible();
    await expect(page.locator('li.comment')).toHaveCount(2);
    await expect(comment(page, 'First of two')).toBeVisible();
    await expect(comment(page, 'Second of two')).toBeVisible();
    await expect(page.getByText(/could not be read/)).toHaveCount(0);
    expect(await values(page, Object.keys(comments))).toEqual(comments);
    const rebuilt = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), INDEX_KEY);
    expect(rebuilt.v).toBe(1);
    expect(rebuilt.entries.map((e: unknown[]) => e[0]).sort()).toEqual([a, b]);
  }
});

test('a comment damaged after the index was saved is counted as unreadable and left in place', async ({ page }) => {
  await open(page);
  const a = idAt(1, 'aaaaaa');
  const b = idAt(2, 'bbbbbb');
  await put(page, {
    [COMMENT_PREFIX + a]: record(2, a, 'Still readable'),
    [COMMENT_PREFIX + b]: record(2, b, 'About to be damaged'),
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: heading(2) })).toBeVisible();
  const index = await page.evaluate((key) => localStorage.getItem(key), INDEX_KEY);
  expect(index, 'the index was saved at start-up').toContain(b);

  // Another program (or a bad disk) damages one record; the index still lists it.
  await put(page, { [COMMENT_PREFIX + b]: '{"v":2,"comment":' });
  await page.reload();
  await expect(comment(page, 'Still readable')).toBeVisible();
  // Soft, so one run reports every way the page differs from the README's promise.
  await expect.soft(page.getByText('One saved reply could not be read; it was left untouched.')).toBeVisible();
  await expect.soft(page.getByRole('heading', { name: heading(1) }), 'the heading counts readable comments only').toBeVisible();
  await expect.soft(page.locator('li.comment'), 'the damaged one is skipped, not listed').toHaveCount(1);
  expect(await page.evaluate((key) => localStorage.getItem(key), COMMENT_PREFIX + b)).toBe('{"v":2,"comment":');
});
