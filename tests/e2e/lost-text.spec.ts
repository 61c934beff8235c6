// The ways typed text, counts or focus went wrong before the discussion was
// reshaped (issue 11): each test tries one as a reader would and fails on it.
import { test, expect, open, ready, fillComment, post, comment, seed, POST_PATH } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.clock.install();
});

const textbox = (page: import('@playwright/test').Page) => page.getByRole('textbox', { name: 'Comment' });

test('posting a reply keeps the half-written new comment (remember unticked)', async ({ page }) => {
  await open(page);
  await post(page, 'First thought', 'Ann');
  await textbox(page).fill('Half written top-level comment');
  await page.clock.fastForward('00:01');
  await comment(page, 'First thought').getByRole('button', { name: 'Reply to Ann' }).click();
  await post(page, 'A reply', 'Bo');
  await expect(page.getByRole('heading', { name: 'Leave a Reply', exact: true })).toBeVisible();
  await expect(textbox(page)).toHaveValue('Half written top-level comment');
  await page.reload();
  await ready(page);
  await expect(textbox(page)).toHaveValue('Half written top-level comment');
  // The name the reader did not want remembered is not kept with it.
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('');
});

test('an unsaved edit survives a language switch and a reload', async ({ page }) => {
  await open(page);
  await post(page, 'Original words');
  await comment(page, 'Original words').getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Edit your comment' }).fill('Edited but not saved');
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.locator('.comment-edit textarea')).toHaveValue('Edited but not saved');
  await page.getByRole('button', { name: 'English' }).click();
  await page.reload();
  await ready(page);
  await comment(page, 'Original words').getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('textbox', { name: 'Edit your comment' })).toHaveValue('Edited but not saved');
});

test('saving an edit that changes nothing does not mark it edited', async ({ page }) => {
  await open(page);
  await post(page, 'Same words');
  await comment(page, 'Same words').getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Edit your comment' }).fill('Same words   ');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(comment(page, 'Same words').locator('.edited')).toHaveCount(0);
  // Focus goes back to the Edit button, not to the page.
  await expect(comment(page, 'Same words').getByRole('button', { name: 'Edit' })).toBeFocused();
  const stored = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.includes('/comment/')).map((k) => JSON.parse(localStorage.getItem(k)!)),
  );
  expect(stored[0].comment.history ?? []).toEqual([]);
});

test('focus after Edit, Cancel and Undo stays on the comment', async ({ page }) => {
  await open(page);
  await post(page, 'Focus me');
  await comment(page, 'Focus me').getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(comment(page, 'Focus me').getByRole('button', { name: 'Edit' })).toBeFocused();
  await comment(page, 'Focus me').getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Edit your comment' }).fill('Focus me again');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(comment(page, 'Focus me again').getByRole('button', { name: 'Edit' })).toBeFocused();
  await comment(page, 'Focus me again').getByRole('button', { name: 'Delete' }).click();
  // "Comment deleted." shows once: in the Undo bar.
  await expect(page.getByText('Comment deleted.')).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(comment(page, 'Focus me again').locator(':scope > article')).toBeFocused();
  await comment(page, 'Focus me again').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.clock.fastForward('00:16');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await expect(page.getByText('Comment deleted.')).toHaveCount(0);
  await expect(page.locator('#comments-title')).toBeFocused();
});

test('Delete and Undo of the comment being edited keeps the typed edit', async ({ page }) => {
  await open(page);
  await post(page, 'Being edited');
  await comment(page, 'Being edited').getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Edit your comment' }).fill('My new words');
  // While the edit form is open the comment shows no text: find it by its author.
  await page.locator('li.comment').first().getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('textbox', { name: 'Edit your comment' })).toHaveValue('My new words');
});

test('deleting the comment being answered moves the reply into the main form', async ({ page }) => {
  await open(page);
  await post(page, 'About to go', 'Ann');
  await comment(page, 'About to go').getByRole('button', { name: 'Reply to Ann' }).click();
  await textbox(page).fill('My unfinished reply');
  await comment(page, 'About to go').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { name: 'Leave a Reply', exact: true })).toBeVisible();
  await expect(textbox(page)).toHaveValue('My unfinished reply');
  await expect(page.getByRole('status').filter({ hasText: 'Your reply is in the form below' })).toBeVisible();
});

test('with 51 threads, a reply open on page 1 leaves a form on page 2', async ({ page }) => {
  await page.goto(POST_PATH);
  await seed(page, 51);
  await page.reload();
  await ready(page);
  await comment(page, 'Seeded comment number 1').getByRole('button', { name: 'Reply to Reader 1', exact: true }).click();
  await textbox(page).fill('Reply typed on page 1');
  await page.getByRole('link', { name: 'Next »' }).click();
  await expect(page.getByRole('button', { name: 'Post Comment' })).toBeVisible();
  // The reader is taken to the new page's first comment, not left at the links.
  await expect(comment(page, 'Seeded comment number 51').locator(':scope > article')).toBeFocused();
  await page.getByRole('link', { name: '« Previous' }).click();
  await expect(textbox(page)).toHaveValue('Reply typed on page 1');
});

test('deleting the only thread of the last page shows the last page there is', async ({ page }) => {
  await page.goto(POST_PATH);
  await seed(page, 51);
  await page.reload();
  await ready(page);
  await page.getByRole('link', { name: 'Next »' }).click();
  await comment(page, 'Seeded comment number 51').getByRole('button', { name: 'Delete' }).click();
  await expect(comment(page, 'Seeded comment number 50')).toBeVisible();
  await expect(page.locator('.comment-list > li')).toHaveCount(50);
});

test('another tab deletes the comment being answered: the reply moves to the main form', async ({ page, context }) => {
  await open(page);
  await post(page, 'Answered elsewhere', 'Ann');
  const other = await context.newPage();
  await open(other);
  await comment(page, 'Answered elsewhere').getByRole('button', { name: 'Reply to Ann' }).click();
  await textbox(page).fill('Reply that must not vanish');
  await comment(other, 'Answered elsewhere').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { name: 'Leave a Reply', exact: true })).toBeVisible();
  await expect(textbox(page)).toHaveValue('Reply that must not vanish');
});

test('text dragged into the comment box is dropped there', async ({ page }) => {
  await open(page);
  const dropped = await page.evaluate(() => {
    const area = document.querySelector('#comment') as HTMLTextAreaElement;
    const data = new DataTransfer();
    data.setData('text/plain', 'dragged words');
    const event = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
    area.dispatchEvent(event);
    return event.defaultPrevented;
  });
  expect(dropped, 'the comments area does not swallow a text drop').toBe(false);
});

test('two tabs: an edit saved in one does not replace the other tab’s typing, nor a post its draft', async ({ page, context }) => {
  await open(page);
  await post(page, 'Shared comment');
  // The context's clock (installed above) is the other tab's too.
  const other = await context.newPage();
  await open(other);
  await comment(page, 'Shared comment').getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Edit your comment' }).fill('Tab A is typing');
  await comment(other, 'Shared comment').getByRole('button', { name: 'Edit' }).click();
  await other.getByRole('textbox', { name: 'Edit your comment' }).fill('Tab B saved this');
  await other.getByRole('button', { name: 'Save' }).click();
  await expect(comment(other, 'Tab B saved this')).toHaveCount(1);
  // Tab A shows the other tab's edit (its comment is now marked edited)…
  await expect(page.locator('li.comment .edited')).toBeVisible();
  // …and the text A is typing stays A's.
  await expect(page.getByRole('textbox', { name: 'Edit your comment' })).toHaveValue('Tab A is typing');

  // Tab B types a new comment; tab A types and posts its own.
  await other.getByRole('textbox', { name: 'Comment' }).fill('Tab B’s own comment');
  await other.clock.fastForward('00:01');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.clock.fastForward('00:16');
  await fillComment(page, { comment: 'Tab A’s comment', name: 'Ann', email: 'ann@example.com' });
  await page.clock.fastForward('00:01');
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(comment(page, 'Tab A’s comment')).toHaveCount(1);
  await other.reload();
  await ready(other);
  await expect(other.getByRole('textbox', { name: 'Comment' })).toHaveValue('Tab B’s own comment');
});
