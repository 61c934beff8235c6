// Issue 22, items 4, 6 and 7: what two tabs, a reload or a failed post must not
// do to the reader's text and the page's words.
// - Each tab keeps its own draft of the new comment's form and of each reply
//   (sessionStorage, which a reload keeps and no other tab shares); a new tab is
//   offered the newest any tab saved; a posted draft comes back nowhere.
// - A comment with an unsaved edit says so after a reload, in both languages.
// - One message at a time where the form speaks; an edit saved in another tab is
//   not overwritten without a sentence first; language and theme follow in every
//   open tab; each comment's buttons are named with their words and its author
//   ("Edit Maria Camilleri").
import { test, expect, open, ready, fillComment, comment, storedEntries, put, KEY, commentId, storedComment, commentEntry } from './fixtures';
import type { Page } from '@playwright/test';

const box = (page: Page) => page.getByRole('textbox', { name: 'Comment' });

/** Longer than the 250 ms the form waits before it saves a draft. */
const settle = (page: Page) => page.waitForTimeout(500);

/** The fixture watches only the first page; another tab gets the same watch. */
function watch(page: Page, problems: string[], label: string) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`${label} console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`${label} page error: ${err.message}`));
}

/** The shared draft of the new comment's form: its text, or null. */
const sharedDraft = (page: Page) =>
  page.evaluate((key) => {
    const value = localStorage.getItem(key);
    return value === null ? null : (JSON.parse(value).comment as string);
  }, KEY.draft);

/** One stored comment by Reader 1, `Seeded comment number 1`. */
async function seedOne(page: Page) {
  const created = Date.UTC(2025, 0, 1);
  const c = storedComment({ id: commentId(created, 0), author: 'Reader 1', email: 'r@example.com', content: 'Seeded comment number 1', created_ms: created });
  await put(page, Object.fromEntries([commentEntry(c)]));
}

test.describe('one draft per tab (item 4)', () => {
  test('two tabs typing the new comment: each keeps its own across reloads, a new tab gets the newest', async ({ page: a, context, problems }) => {
    const b = await context.newPage();
    watch(b, problems, 'tab B');
    await open(a);
    await open(b);
    await box(a).fill('Tab A is writing about Memo');
    await settle(a);
    await box(b).fill('Tab B is writing about Ova');
    await settle(b);
    // The shared copy is the newest: B's.
    expect(await sharedDraft(a)).toBe('Tab B is writing about Ova');

    await a.reload();
    await ready(a);
    await expect(box(a), 'A’s text survives A’s reload').toHaveValue('Tab A is writing about Memo');
    await b.reload();
    await ready(b);
    await expect(box(b), 'B’s text survives B’s reload').toHaveValue('Tab B is writing about Ova');

    // A types on: its reload still gives its own, and it is now the newest.
    await box(a).fill('Tab A is writing about Memo, and more');
    await settle(a);
    await a.reload();
    await ready(a);
    await expect(box(a)).toHaveValue('Tab A is writing about Memo, and more');
    await b.reload();
    await ready(b);
    await expect(box(b)).toHaveValue('Tab B is writing about Ova');

    const c = await context.newPage();
    watch(c, problems, 'tab C');
    await open(c);
    await expect(box(c), 'a new tab is offered the newest draft').toHaveValue('Tab A is writing about Memo, and more');
  });

  test('two tabs typing a reply to the same comment keep their own', async ({ page: a, context, problems }) => {
    await a.goto('/');
    await seedOne(a);
    const b = await context.newPage();
    watch(b, problems, 'tab B');
    await open(a);
    await open(b);
    for (const [tab, text] of [[a, 'A answers Reader 1'], [b, 'B answers Reader 1']] as const) {
      await comment(tab, 'Seeded comment number 1').getByRole('button', { name: 'Reply to Reader 1' }).click();
      await box(tab).fill(text);
      await settle(tab);
    }
    for (const [tab, text] of [[a, 'A answers Reader 1'], [b, 'B answers Reader 1']] as const) {
      await tab.reload();
      await ready(tab);
      await comment(tab, 'Seeded comment number 1').getByRole('button', { name: 'Reply to Reader 1' }).click();
      await expect(box(tab)).toHaveValue(text);
    }
  });

  test('a draft posted in one tab comes back in no tab', async ({ page: a, context, problems }) => {
    await a.goto('/');
    const draft = { comment: 'Written once, posted once', author: 'Ana', email: 'ana@example.com', url: '', remember: false };
    await put(a, { [KEY.draft]: JSON.stringify(draft) });
    const b = await context.newPage();
    watch(b, problems, 'tab B');
    await open(a);
    await open(b);
    await expect(box(a)).toHaveValue('Written once, posted once');
    await expect(box(b)).toHaveValue('Written once, posted once');

    await b.getByRole('button', { name: 'Post Comment' }).click();
    await expect(comment(b, 'Written once, posted once')).toBeVisible();
    await expect(comment(a, 'Written once, posted once'), 'A shows B’s post').toBeVisible();
    await settle(a);
    expect(await sharedDraft(a), 'A wrote nothing back').toBeNull();

    await a.reload();
    await ready(a);
    await expect(box(a), 'A’s reload does not bring the posted text back').toHaveValue('');
    await b.reload();
    await ready(b);
    await expect(box(b)).toHaveValue('');
    const c = await context.newPage();
    watch(c, problems, 'tab C');
    await open(c);
    await expect(box(c), 'a new tab does not open with it').toHaveValue('');
    expect(await sharedDraft(c)).toBeNull();
    await expect(comment(c, 'Written once, posted once')).toHaveCount(1);
  });
});

test.describe('unsaved edits are visible (item 6)', () => {
  test('after a reload a comment says it has an unsaved edit, in both languages', async ({ page }) => {
    await open(page);
    await fillComment(page, { comment: 'The words as posted', name: 'Ana', email: 'ana@example.com' });
    await page.getByRole('button', { name: 'Post Comment' }).click();
    const item = comment(page, 'The words as posted');
    await item.getByRole('button', { name: 'Edit Ana', exact: true }).click();
    await page.getByRole('textbox', { name: 'Edit your comment' }).fill('Words typed, not saved');
    await page.reload();
    await ready(page);

    const waiting = item.getByRole('button', { name: 'Unsaved edit — continue editing Ana', exact: true });
    await expect(waiting).toBeVisible();
    await expect(waiting).toHaveText('Unsaved edit — continue editing');
    await page.getByRole('button', { name: 'Español' }).click();
    await expect(item.getByRole('button', { name: 'Edición sin guardar — seguir editando Ana', exact: true })).toHaveText('Edición sin guardar — seguir editando');
    await page.getByRole('button', { name: 'English' }).click();

    await waiting.click();
    await expect(page.getByRole('textbox', { name: 'Edit your comment' })).toHaveValue('Words typed, not saved');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(item.getByRole('button', { name: 'Edit Ana', exact: true })).toHaveText('Edit');
    await page.reload();
    await ready(page);
    await expect(item.getByRole('button', { name: 'Edit Ana', exact: true }), 'a cancelled edit no longer waits').toHaveText('Edit');
  });
});

test.describe('item 7', () => {
  test('the form says one thing at a time: posted, then not posted (empty, then storage full)', async ({ page }) => {
    await page.clock.install();
    await open(page);
    await fillComment(page, { comment: 'First and posted', name: 'Ana', email: 'ana@example.com' });
    await page.getByRole('button', { name: 'Post Comment' }).click();
    const posted = page.getByText('Your comment was posted.');
    await expect(posted).toBeVisible();

    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.getByText('Your comment was not posted. Please type your comment text.')).toBeVisible();
    await expect(posted, 'not both at once').toHaveCount(0);

    // Posted again, then the storage fills up: only the failure is said.
    await page.clock.fastForward('00:16');
    await fillComment(page, { comment: 'Second and posted', name: 'Ana', email: 'ana@example.com' });
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(posted).toBeVisible();
    await expect(page.getByText(/Your comment was not posted/)).toHaveCount(0);
    await page.clock.fastForward('00:16');
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
    });
    await fillComment(page, { comment: 'Third, with no room', name: 'Ana', email: 'ana@example.com' });
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.getByText(/Your comment was not posted\. Your browser's storage for this site is full/)).toBeVisible();
    await expect(posted).toHaveCount(0);
  });

  test('an edit saved in another tab is not overwritten without a word (the second save asks first)', async ({ page: a, context, problems }) => {
    await a.goto('/');
    await seedOne(a);
    const b = await context.newPage();
    watch(b, problems, 'tab B');
    await open(a);
    await open(b);
    const editOf = (tab: Page) => comment(tab, 'Seeded comment number 1').getByRole('button', { name: 'Edit Reader 1', exact: true });
    await editOf(a).click();
    await a.getByRole('textbox', { name: 'Edit your comment' }).fill('Tab A’s version');
    await editOf(b).click();
    await b.getByRole('textbox', { name: 'Edit your comment' }).fill('Tab B’s version');
    await b.getByRole('button', { name: 'Save' }).click();
    await expect(comment(b, 'Tab B’s version')).toBeVisible();
    // A has B's edit (the comment is marked edited) while its form stays open.
    await expect(a.locator('li.comment .edited')).toBeVisible();

    await a.getByRole('button', { name: 'Save' }).click();
    const field = a.getByRole('textbox', { name: 'Edit your comment' });
    await expect(field).toHaveAccessibleDescription(/This comment was changed in another tab while you were editing it\. Your text is still here: press Save again/);
    await expect(field).toHaveValue('Tab A’s version');
    const stored = async () => (await storedEntries(a, KEY.commentPrefix())).map(([, v]) => JSON.parse(v!).comment);
    expect((await stored())[0].content, 'B’s edit is still what is stored').toBe('Tab B’s version');

    // Saving again is the reader's choice: A's text replaces B's, which stays in the history.
    await a.getByRole('button', { name: 'Save' }).click();
    await expect(comment(a, 'Tab A’s version')).toBeVisible();
    await expect(comment(b, 'Tab A’s version')).toBeVisible();
    const [saved] = await stored();
    expect(saved.content).toBe('Tab A’s version');
    expect(JSON.stringify(saved.history)).toContain('Tab B’s version');
  });

  test('language and theme chosen in one tab apply in every open tab', async ({ page: a, context, problems }) => {
    const b = await context.newPage();
    watch(b, problems, 'tab B');
    await open(a);
    await open(b);
    await a.getByRole('button', { name: 'Español' }).click();
    await expect(b.locator('html')).toHaveAttribute('lang', 'es');
    await expect(b.getByRole('button', { name: 'Publicar el comentario' })).toBeVisible();
    await expect(b.getByRole('heading', { name: 'Deja una respuesta' })).toBeVisible();

    const dark = (tab: Page) => tab.getByRole('button', { name: 'Modo oscuro' });
    const before = await b.locator('html').getAttribute('data-theme');
    await dark(a).click();
    const chosen = await a.locator('html').getAttribute('data-theme');
    expect(chosen).not.toBe(before);
    await expect(b.locator('html')).toHaveAttribute('data-theme', chosen!);
    await expect(dark(b)).toHaveAttribute('aria-pressed', await dark(a).getAttribute('aria-pressed') as string);

    await b.getByRole('button', { name: 'English' }).click();
    await expect(a.locator('html')).toHaveAttribute('lang', 'en');
    await expect(a.getByRole('button', { name: 'Post Comment' })).toBeVisible();
    // The home page's settings follow too.
    const home = await context.newPage();
    watch(home, problems, 'home');
    await home.goto('/');
    await expect(home.getByRole('button', { name: 'Español' })).toBeEnabled();
    await a.getByRole('button', { name: 'Español' }).click();
    await expect(home.locator('html')).toHaveAttribute('lang', 'es');
  });

  test('each comment’s buttons are named with their words and the comment’s author, in both languages', async ({ page }) => {
    await open(page);
    await fillComment(page, { comment: 'Named buttons', name: 'Maria', email: 'maria@example.com' });
    await page.getByRole('button', { name: 'Post Comment' }).click();
    const item = comment(page, 'Named buttons');
    for (const name of ['Reply to Maria', 'Edit Maria', 'Delete Maria', 'Send for publishing Maria', 'Copy link Maria']) {
      await expect(item.getByRole('button', { name, exact: true }), name).toBeVisible();
    }
    await page.getByRole('button', { name: 'Español' }).click();
    for (const name of ['Responder a Maria', 'Editar Maria', 'Borrar Maria', 'Enviar para publicar Maria', 'Copiar el enlace Maria']) {
      await expect(item.getByRole('button', { name, exact: true }), name).toBeVisible();
    }
  });
});
