import { test, expect, open, ready, fillComment, post, comment, seed, POST, POST_PATH } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.clock.install();
});

test('a three-level thread with Reply and Cancel reply', async ({ page }) => {
  await open(page);
  await post(page, 'Top level thought');
  await expect(page.getByRole('heading', { name: 'One thought on “Miracle in cell no. 7”' })).toBeVisible();

  await comment(page, 'Top level thought').getByRole('button', { name: 'Reply to Ana' }).click();
  await expect(page.getByRole('heading', { name: /Leave a Reply to Ana/ })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Comment' })).toBeFocused();
  // Cancel puts the form back and focus on the Reply control.
  await page.getByRole('button', { name: 'Cancel reply' }).click();
  await expect(page.getByRole('heading', { name: 'Leave a Reply', exact: true })).toBeVisible();
  await expect(comment(page, 'Top level thought').getByRole('button', { name: 'Reply to Ana' })).toBeFocused();

  await comment(page, 'Top level thought').getByRole('button', { name: 'Reply to Ana' }).click();
  await post(page, 'Second level reply', 'Bo');
  await comment(page, 'Second level reply').getByRole('button', { name: 'Reply to Bo' }).click();
  await post(page, 'Third level reply', 'Cy');

  const top = comment(page, 'Top level thought');
  await expect(top.locator(':scope > ol.children > li.comment')).toHaveCount(1);
  await expect(top.locator(':scope > ol.children > li > ol.children > li.comment')).toContainText('Third level reply');
  await expect(page.getByRole('heading', { name: '3 thoughts on “Miracle in cell no. 7”' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Leave a Reply', exact: true })).toBeVisible();

  await page.reload();
  await expect(page.locator('li.comment.depth-3')).toContainText('Third level reply');
});

test('replies stop at depth 5', async ({ page }) => {
  await open(page);
  await post(page, 'Depth 1');
  for (let d = 2; d <= 5; d++) {
    await comment(page, `Depth ${d - 1}`).getByRole('button', { name: /^Reply to/ }).click();
    await post(page, `Depth ${d}`);
  }
  await expect(page.locator('li.depth-5')).toContainText('Depth 5');
  await expect(comment(page, 'Depth 5').getByRole('button', { name: /^Reply to/ })).toHaveCount(0);
  await expect(comment(page, 'Depth 4').getByRole('button', { name: /^Reply to/ })).toHaveCount(1);
});

test('each reply target keeps its own draft, across a reload', async ({ page }) => {
  await open(page);
  await post(page, 'Comment A', 'Ann');
  await post(page, 'Comment B', 'Ben');
  await comment(page, 'Comment A').getByRole('button', { name: 'Reply to Ann' }).click();
  await page.getByRole('textbox', { name: 'Comment' }).fill('My reply to A');
  await comment(page, 'Comment B').getByRole('button', { name: 'Reply to Ben' }).click();
  await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue('');
  await page.getByRole('textbox', { name: 'Comment' }).fill('My reply to B');
  await comment(page, 'Comment A').getByRole('button', { name: 'Reply to Ann' }).click();
  await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue('My reply to A');

  await page.reload();
  await comment(page, 'Comment B').getByRole('button', { name: 'Reply to Ben' }).click();
  await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue('My reply to B');
  await comment(page, 'Comment A').getByRole('button', { name: 'Reply to Ann' }).click();
  await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue('My reply to A');
});

test('edit in place shows (edited), with the same rules', async ({ page }) => {
  await open(page);
  await post(page, 'Before the edit');
  const item = comment(page, 'Before the edit');
  await item.getByRole('button', { name: 'Edit' }).click();
  const field = page.getByRole('textbox', { name: 'Edit your comment' });
  await expect(field).toBeFocused();
  await field.fill('   ');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(field).toHaveAccessibleDescription('Please type your comment text.');
  await field.fill('After the edit');
  await page.getByRole('button', { name: 'Save' }).click();
  const edited = comment(page, 'After the edit');
  await expect(edited).toContainText('(edited)');
  await expect(edited.locator('.edited time')).toHaveAttribute('datetime', /Z$/);
  await page.reload();
  await expect(comment(page, 'After the edit')).toContainText('(edited)');
});

test('delete, then Undo restores the comment exactly', async ({ page }) => {
  await open(page);
  await post(page, 'Parent comment', 'Pat');
  await comment(page, 'Parent comment').getByRole('button', { name: 'Reply to Pat' }).click();
  await post(page, 'Child reply', 'Kid');
  const parent = comment(page, 'Parent comment');
  const id = await parent.getAttribute('id');
  const before = await page.evaluate((key) => localStorage.getItem(key), `goosebumps/v1/comment/${POST}/${id!.slice(8)}`);

  await parent.getByRole('button', { name: 'Delete' }).first().click();
  await expect(page.getByText('This comment was deleted.')).toBeVisible();
  await expect(page.locator(`#${id}`)).toContainText('Child reply');
  await expect(page.getByText('Comment deleted.').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'One thought on “Miracle in cell no. 7”' })).toBeVisible();

  await page.clock.fastForward('00:09');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator(`#${id}`)).toContainText('Parent comment');
  await expect(page.locator(`#${id}`)).toContainText('Child reply');
  const after = await page.evaluate((key) => localStorage.getItem(key), `goosebumps/v1/comment/${POST}/${id!.slice(8)}`);
  expect(after).toBe(before);

  // A comment without replies goes entirely; the notice leaves after its window.
  await comment(page, 'Child reply').getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('li.comment')).toHaveCount(1);
  await page.clock.fastForward('00:16');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await page.reload();
  await expect(page.locator('li.comment')).toHaveCount(1);
});

test('duplicates and floods are refused with WordPress words, and the text stays', async ({ page }) => {
  await open(page);
  await post(page, 'Said once');
  await fillComment(page, { comment: 'Too soon', name: 'Ana', email: 'ana@example.com' });
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You are posting comments too quickly. Slow down.' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue('Too soon');

  await page.clock.fastForward('00:16');
  await page.getByRole('textbox', { name: 'Comment' }).fill('Said once');
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Duplicate comment detected; it looks as though you’ve already said that!' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue('Said once');
  await expect(page.locator('li.comment')).toHaveCount(1);
});

test('pages of 50 threads, a permalink to page 2, newest first', async ({ page }) => {
  await open(page);
  await seed(page, 60);
  await page.reload();
  await expect(page.getByRole('heading', { name: '60 thoughts on “Miracle in cell no. 7”' })).toBeVisible();
  await expect(page.locator('ol.comment-list > li.comment')).toHaveCount(50);
  const nav = page.getByRole('navigation', { name: 'Comment pages' });
  await nav.getByRole('link', { name: '2' }).click();
  await expect(page.locator('ol.comment-list > li.comment')).toHaveCount(10);
  await expect(nav.locator('[aria-current="page"]')).toHaveText('2');

  // A permalink to a comment on page 2 opens page 2, scrolled to it and highlighted.
  const id = await comment(page, 'Seeded comment number 55').getAttribute('id');
  await page.goto(POST_PATH);
  await expect(page.locator('ol.comment-list > li.comment')).toHaveCount(50);
  await page.goto(`${POST_PATH}#${id}`);
  await page.reload();
  const target = page.locator(`#${id}`);
  await expect(target).toBeVisible();
  await expect(target).toHaveClass(/is-highlighted/);
  await expect(target).toBeInViewport();
  await expect(nav.locator('[aria-current="page"]')).toHaveText('2');

  // Copy link copies that permalink.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await target.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`${POST_PATH}#${id}$`));

  await page.getByRole('combobox', { name: 'Show' }).selectOption('newest');
  await expect(page.locator('ol.comment-list > li.comment').first()).toContainText('Seeded comment number 60');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Show' })).toHaveValue('newest');
  await expect(page.locator('ol.comment-list > li.comment').first()).toContainText('Seeded comment number 60');
});

test('threads off screen are laid out only near it, and a permalink far down lands on its comment', async ({ page }) => {
  await open(page);
  await seed(page, 50);
  await page.reload();
  const threads = page.locator('ol.comment-list > li.comment');
  await expect(threads).toHaveCount(50);
  // The first five threads are always laid out; from the sixth on, only near the screen.
  const visibility = (n: number) => threads.nth(n).evaluate((el) => getComputedStyle(el).contentVisibility);
  expect(await visibility(4)).toBe('visible');
  expect(await visibility(5)).toBe('auto');
  const drawn = (n: number) => threads.nth(n).locator(':scope > article .comment-content').evaluate((el) => (el as HTMLElement).innerText);
  expect(await drawn(4)).toBe('Seeded comment number 5');
  // innerText is what is rendered: nothing for a thread far from the screen.
  expect(await drawn(44)).toBe('');

  const target = comment(page, 'Seeded comment number 45', { exact: true });
  const id = await target.getAttribute('id');
  await page.goto(`${POST_PATH}#${id}`);
  await page.reload();
  await expect(target).toHaveClass(/is-highlighted/);
  // While a comment is marked every thread is laid out, so the scroll ends on it:
  // at the top of the window, where the browser puts a `#comment-…` link's target.
  expect(await visibility(5)).toBe('visible');
  await expect(target).toBeInViewport();
  await expect.poll(() => target.evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBe(0);
  expect(await drawn(44)).toBe('Seeded comment number 45');
});

test('export, clear site data, import gives back the same comments', async ({ page }, testInfo) => {
  await open(page);
  await post(page, 'Keep me safe', 'Ann');
  await comment(page, 'Keep me safe').getByRole('button', { name: 'Reply to Ann' }).click();
  await post(page, 'A reply to keep', 'Ben');
  await comment(page, 'A reply to keep').getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Edit your comment' }).fill('A reply to keep, edited');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('textbox', { name: 'Comment' }).fill('An open draft');
  await page.clock.fastForward('00:01');

  const records = () =>
    page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.includes('/comment/'))
        .sort()
        .map((k) => [k, localStorage.getItem(k)]),
    );
  const before = await records();
  expect(before).toHaveLength(2);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export comments' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^goosebumps-comments-${POST}-\\d{4}-\\d\\d-\\d\\d\\.json$`));
  const file = testInfo.outputPath('export.json');
  await download.saveAs(file);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await ready(page);
  await expect(page.locator('li.comment')).toHaveCount(0);

  await page.locator('#import-file').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: '2 imported, 0 already here, 0 could not be read.' })).toBeVisible();
  await expect(comment(page, 'A reply to keep, edited')).toContainText('(edited)');
  expect(await records()).toEqual(before);
  await page.reload();
  await ready(page);
  await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue('An open draft');

  // Importing again merges by id: nothing is doubled.
  await page.locator('#import-file').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: '0 imported, 2 already here, 0 could not be read.' })).toBeVisible();
  await expect(page.locator('li.comment')).toHaveCount(2);

  // A malformed file changes nothing.
  await page.locator('#import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "goosebumps-comments", "version"') });
  await expect(page.getByRole('status').filter({ hasText: /could not be read as JSON.*Nothing was imported/ })).toBeVisible();
  expect(await records()).toEqual(before);
});

test('a file dropped on the comments is imported', async ({ page }) => {
  await open(page);
  const comment = { id: 'dropped1', post: POST, parent_id: null, author: 'Dee', email: 'dee@example.com', url: null, content: 'Arrived by drag and drop', created_ms: Date.UTC(2025, 5, 1) };
  const file = JSON.stringify({ format: 'goosebumps-comments', version: 1, post: POST, exported_at: '2025-06-01T00:00:00Z', comments: [comment], drafts: [] });
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'comments.json', { type: 'application/json' }));
    return dt;
  }, file);
  await page.locator('#comments').dispatchEvent('dragover', { dataTransfer });
  await page.locator('#comments').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('status').filter({ hasText: '1 imported, 0 already here, 0 could not be read.' })).toBeVisible();
  await expect(page.locator('#comment-dropped1')).toContainText('Arrived by drag and drop');
});
