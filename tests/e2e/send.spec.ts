// What the reader sends is what the owner can publish (issue 22), on the release
// build (dist/):
// - a reply goes with the reader's unpublished replies it answers, and a reply to
//   a deleted comment (kept for its replies) goes as an answer to the one above:
//   the owner's tool (`replies add`, the built binary) takes the saved file whole;
// - the dialog shows the reply as it is now: another tab's edit is what is saved,
//   another tab's deletion closes it with a sentence (focus on the heading), and
//   Send all sends what exists when the button is pressed;
// - each reply says where it stands: saved to a file (when), sent (by mail, a
//   share, or the reader saying they sent the file), changed since sent (with
//   Send again); a mark the browser would not keep is not shown, and said; marks
//   go with their reply (and come back with Undo); older pages' keys still read.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, open, post, comment, put, storedEntries, commentId, storedComment, commentEntry, POST, ROOT } from './fixtures';

const SENT = 'Sent for publishing — waiting for Goosebumps';
const SAVED = /Saved to a file on \d+ \w+, not sent yet/;
const ONLY_HERE = (n: number) => (n === 1 ? '1 reply is only in this browser, in no file.' : `${n} replies are only in this browser, in no file.`);

/** The fixture watches only the first page; a second tab gets the same watch. */
function watch(page: Page, problems: string[], label: string) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`${label} console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`${label} page error: ${err.message}`));
}

/** A comment's own parts (not its replies'): its article. */
const own = (page: Page, text: string) => comment(page, text).locator(':scope > article');

/** Opens Send for publishing on the comment whose text holds `text`. */
async function openSend(page: Page, text: string) {
  await own(page, text).getByRole('button', { name: 'Send for publishing' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send for publishing' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Clicks Save the file in `dialog`; the saved file's name, path and JSON. */
async function saveFile(page: Page, dialog: ReturnType<Page['getByRole']>) {
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save the file' }).click();
  const download = await downloading;
  const dir = mkdtempSync(join(tmpdir(), 'goosebumps-send-'));
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path, json: JSON.parse(readFileSync(path, 'utf8')) };
}

/** `replies add FILE` on a copy of the project's posts: what it printed, and what it published. */
function publish(file: string) {
  const tool = join(ROOT, 'target/debug/replies');
  // Never skipped: without the tool this would check nothing of publishing.
  expect(existsSync(tool), 'target/debug/replies: run `cargo xtask test` (its cargo test builds the tool)').toBe(true);
  const copy = mkdtempSync(join(tmpdir(), 'goosebumps-project-'));
  cpSync(join(ROOT, 'src/content/posts'), join(copy, 'src/content/posts'), { recursive: true });
  const said = execFileSync(tool, ['--root', copy, 'add', file], { encoding: 'utf8' });
  const published = JSON.parse(readFileSync(join(copy, 'src/content/replies', `${POST}.json`), 'utf8'));
  return { said, replies: published.replies as { id: string; parent: string | null; content: string }[] };
}

const idOf = async (page: Page, text: string) => (await comment(page, text).getAttribute('id'))!.replace(/^comment-/, '');

test.describe('what is sent can be published', () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.install();
  });

  test('a reply to one’s own unpublished reply goes with it, and the tool takes both', async ({ page }) => {
    await open(page);
    await post(page, 'My first thought.', 'Ana');
    await own(page, 'My first thought.').getByRole('button', { name: 'Reply to Ana' }).click();
    await post(page, 'And a second one, on my first.', 'Ana');
    const dialog = await openSend(page, 'And a second one');
    await expect(dialog.locator('.send-quote')).toHaveText('And a second one, on my first.');
    await expect(dialog).toContainText('It goes with your earlier reply it answers, not published yet.');
    const file = await saveFile(page, dialog);
    const [first, second] = [await idOf(page, 'My first thought.'), await idOf(page, 'And a second one')];
    expect(file.name).toBe(`reply-${POST}-${second}.json`);
    expect(file.json.comments.map((c: { id: string }) => c.id)).toEqual([first, second]);
    const { said, replies } = publish(file.path);
    expect(said).toContain('2 added, 0 already published, 0 skipped, 0 refused');
    expect(replies.map((r) => [r.id, r.parent])).toEqual([[first, null], [second, first]]);
  });

  test('a reply to a comment deleted but kept for its replies goes as an answer to the one above, and says so', async ({ page }) => {
    await open(page);
    await post(page, 'A thought I will take back.', 'Ana');
    await own(page, 'A thought I will take back.').getByRole('button', { name: 'Reply to Ana' }).click();
    await post(page, 'An answer that stays.', 'Ana');
    await own(page, 'A thought I will take back.').getByRole('button', { name: 'Delete' }).click();
    await expect(page.locator('.comment-deleted')).toHaveText('This comment was deleted.');
    const dialog = await openSend(page, 'An answer that stays.');
    await expect(dialog).toContainText('It answers a deleted comment, so it will be published as an answer to the comment above that one, or as a new comment.');
    const file = await saveFile(page, dialog);
    const id = await idOf(page, 'An answer that stays.');
    expect(file.json.comments.map((c: { id: string; parent_id: string | null }) => [c.id, c.parent_id])).toEqual([[id, null]]);
    const { said, replies } = publish(file.path);
    expect(said).toContain('1 added, 0 already published, 0 skipped, 0 refused');
    expect(replies.map((r) => [r.id, r.parent])).toEqual([[id, null]]);
  });
});

test.describe('the dialog shows the reply as it is now (two tabs)', () => {
  test('another tab’s edit is what is saved; its deletion closes the dialog with a sentence, focus on the heading', async ({ page: a, context, problems }) => {
    await a.clock.install();
    const b = await context.newPage();
    watch(b, problems, 'tab B');
    await open(a);
    await post(a, 'First words.', { name: 'Ana', front: true });
    await open(b);
    await a.bringToFront();
    const dialog = await openSend(a, 'First words.');
    await expect(dialog.locator('.send-quote')).toHaveText('First words.');

    await b.bringToFront();
    await own(b, 'First words.').getByRole('button', { name: 'Edit' }).click();
    await b.getByRole('textbox', { name: 'Edit your comment' }).fill('Better words.');
    await b.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(own(b, 'Better words.')).toContainText('(edited)');

    await a.bringToFront();
    await expect(dialog.locator('.send-quote'), 'the dialog follows the edit').toHaveText('Better words.');
    const file = await saveFile(a, dialog);
    expect(file.json.comments.map((c: { content: string }) => c.content)).toEqual(['Better words.']);

    await b.bringToFront();
    await own(b, 'Better words.').getByRole('button', { name: 'Delete' }).click();
    await expect(comment(b, 'Better words.')).toHaveCount(0);
    await a.bringToFront();
    await expect(dialog, 'the dialog closes when its reply is gone').toBeHidden();
    await expect(a.locator('.comments-announcement')).toHaveText('It was deleted, so there is nothing left to send.');
    await expect(a.locator('#comments-title')).toBeFocused();
    // Its saved mark went with it.
    expect(await storedEntries(a, 'goosebumps/v1/saved/')).toEqual([]);
    expect(await storedEntries(a, 'goosebumps/v1/sent/')).toEqual([]);
  });

  test('Send all sends what exists when the button is pressed', async ({ page: a, context, problems }) => {
    await a.clock.install();
    const b = await context.newPage();
    watch(b, problems, 'tab B');
    await open(a);
    await post(a, 'Staying here.', { name: 'Ana', front: true });
    await post(a, 'Going away.', { name: 'Ana', front: true });
    await open(b);
    await a.bringToFront();
    await a.getByRole('button', { name: 'Send all my replies' }).click();
    const dialog = a.getByRole('dialog', { name: 'Send all my replies' });
    await expect(dialog).toBeVisible();

    await b.bringToFront();
    await own(b, 'Going away.').getByRole('button', { name: 'Delete' }).click();
    await expect(comment(b, 'Going away.')).toHaveCount(0);
    await a.bringToFront();
    await expect(comment(a, 'Going away.')).toHaveCount(0);
    const file = await saveFile(a, dialog);
    expect(file.json.comments.map((c: { content: string }) => c.content)).toEqual(['Staying here.']);
    await expect(own(a, 'Staying here.')).toContainText(SAVED);

    // Escape: focus back on the button that opened it.
    await a.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(a.getByRole('button', { name: 'Send all my replies' })).toBeFocused();

    // Every reply deleted elsewhere while Send all is open: it closes, focus on the heading.
    await a.getByRole('button', { name: 'Send all my replies' }).click();
    await expect(dialog).toBeVisible();
    await b.bringToFront();
    await own(b, 'Staying here.').getByRole('button', { name: 'Delete' }).click();
    await a.bringToFront();
    await expect(dialog).toBeHidden();
    await expect(a.locator('#comments-title')).toBeFocused();
    await expect(a.locator('.comments-announcement')).toHaveText('It was deleted, so there is nothing left to send.');
  });
});

test.describe('states are true', () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.install();
  });

  test('saved to a file, sent when the reader says so, changed since sent with Send again', async ({ page }) => {
    await open(page);
    await post(page, 'Where do I stand?', 'Ana');
    const item = own(page, 'Where do I stand?');
    const tools = page.locator('.comments-tools');
    await expect(tools).toContainText(ONLY_HERE(1));
    await expect(item.locator('.sent-mark')).toHaveCount(0);

    const dialog = await openSend(page, 'Where do I stand?');
    const file = await saveFile(page, dialog);
    await expect(dialog.getByRole('status')).toHaveText(`Saved to ${file.name}.`);
    // Saving is not sending.
    await expect(item).toContainText(SAVED);
    await expect(item).not.toContainText('Sent for publishing');
    await expect(tools).not.toContainText('only in this browser');
    await expect(dialog).toContainText('When you have sent the file, say so here:');
    await dialog.getByRole('button', { name: 'I sent the file' }).click();
    await expect(dialog.getByRole('status')).toHaveText(`${SENT}.`);
    await expect(item).toContainText(SENT);
    await page.keyboard.press('Escape');

    // Kept per reply: across a reload.
    await page.reload();
    await expect(own(page, 'Where do I stand?')).toContainText(SENT);

    // Edited after sending: changed since sent, offered to send again.
    await item.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('textbox', { name: 'Edit your comment' }).fill('Where do I stand now?');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const edited = own(page, 'Where do I stand now?');
    await expect(edited).toContainText('Changed since you sent it.');
    await expect(tools).toContainText(ONLY_HERE(1));
    await edited.getByRole('button', { name: 'Send again' }).click();
    const again = page.getByRole('dialog', { name: 'Send for publishing' });
    await expect(again.locator('.send-quote')).toHaveText('Where do I stand now?');
    const second = await saveFile(page, again);
    expect(second.json.comments.map((c: { content: string }) => c.content)).toEqual(['Where do I stand now?']);
    await expect(tools).not.toContainText('only in this browser');
    await expect(edited).toContainText('Changed since you sent it.');
    await again.getByRole('button', { name: 'I sent the file' }).click();
    await expect(edited).toContainText(SENT);

    // In Spanish.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Español' }).click();
    await expect(edited).toContainText('Enviado para publicar — a la espera de Goosebumps');
  });

  test('Export comments and an import count as files, per reply', async ({ page, browser }) => {
    await open(page);
    await post(page, 'Exported one.', 'Ana');
    await expect(page.locator('.comments-tools')).toContainText(ONLY_HERE(1));
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export comments' }).click();
    const exported = await (await downloading).path();
    await expect(own(page, 'Exported one.')).toContainText(SAVED);
    await expect(page.locator('.kept-note')).toHaveCount(0);
    await post(page, 'Written after the export.', 'Ana');
    await expect(page.locator('.comments-tools')).toContainText(ONLY_HERE(1));
    await expect(own(page, 'Written after the export.').locator('.sent-mark')).toHaveCount(0);

    // Another browser imports the file: what came from a file is in one.
    const other = await browser.newContext();
    const there = await other.newPage();
    await open(there);
    await there.locator('#import-file').setInputFiles(exported);
    await expect(own(there, 'Exported one.')).toContainText(SAVED);
    await expect(there.locator('.kept-note')).toHaveCount(0);
    await other.close();
  });

  test('a successful share says so and marks the reply sent; a refused one does not', async ({ page }) => {
    await page.addInitScript(() => {
      const nav = navigator as Navigator & { canShare(d: unknown): boolean; share(d: unknown): Promise<void> };
      let calls = 0;
      nav.canShare = () => true;
      nav.share = () => (++calls === 1 ? Promise.reject(new DOMException('cancelled', 'AbortError')) : Promise.resolve());
    });
    await open(page);
    await post(page, 'Shared from my phone.', 'Ana');
    const dialog = await openSend(page, 'Shared from my phone.');
    await dialog.getByRole('button', { name: 'Share…' }).click();
    await expect(dialog.getByRole('status')).toHaveText('The file was not shared.');
    await expect(own(page, 'Shared from my phone.').locator('.sent-mark')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Share…' }).click();
    await expect(dialog.getByRole('status')).toHaveText(`Shared. ${SENT}.`);
    await expect(own(page, 'Shared from my phone.')).toContainText(SENT);
  });

  test('a mark the browser would not keep is not shown, and the reader is told', async ({ page }) => {
    await open(page);
    await post(page, 'Nowhere to note it.', 'Ana');
    const dialog = await openSend(page, 'Nowhere to note it.');
    // Fill the storage to the last character (keys that are not the app's).
    await page.evaluate(() => {
      let size = 1 << 20;
      let n = 0;
      while (size >= 1) {
        try {
          localStorage.setItem(`filler/${n}`, 'x'.repeat(size));
          n++;
        } catch {
          size = Math.floor(size / 2);
        }
      }
    });
    const file = await saveFile(page, dialog);
    await expect(dialog.getByRole('status')).toHaveText(new RegExp(`^Saved to ${file.name.replace(/\./g, '\\.')}\\. Your browser’?'?s storage for this site is full`));
    await expect(own(page, 'Nowhere to note it.').locator('.sent-mark')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'I sent the file' }).click();
    await expect(dialog.getByRole('status')).toContainText('storage for this site is full');
    await expect(dialog.getByRole('status')).not.toContainText('Sent for publishing');
    await expect(own(page, 'Nowhere to note it.').locator('.sent-mark')).toHaveCount(0);
    await expect(page.locator('.comments-tools')).toContainText(ONLY_HERE(1));
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler/')).forEach((k) => localStorage.removeItem(k)));
  });

  test('deleting a reply takes its marks; Undo brings them back', async ({ page }) => {
    await open(page);
    await post(page, 'Sent, then deleted.', 'Ana');
    const dialog = await openSend(page, 'Sent, then deleted.');
    await saveFile(page, dialog);
    await dialog.getByRole('button', { name: 'I sent the file' }).click();
    await page.keyboard.press('Escape');
    const id = await idOf(page, 'Sent, then deleted.');
    expect((await storedEntries(page, 'goosebumps/v1/sent/')).map(([k]) => k)).toEqual([`goosebumps/v1/sent/${POST}/${id}`]);
    expect((await storedEntries(page, 'goosebumps/v1/saved/')).map(([k]) => k)).toEqual([`goosebumps/v1/saved/${POST}/${id}`]);
    await own(page, 'Sent, then deleted.').getByRole('button', { name: 'Delete' }).click();
    expect(await storedEntries(page, 'goosebumps/v1/sent/')).toEqual([]);
    expect(await storedEntries(page, 'goosebumps/v1/saved/')).toEqual([]);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(own(page, 'Sent, then deleted.')).toContainText(SENT);
    expect(await storedEntries(page, 'goosebumps/v1/sent/')).toHaveLength(1);
  });

  test('an older page’s keys still read: a bare sent time, the one saved date, a stale mark goes', async ({ page }) => {
    await open(page);
    const t = Date.UTC(2026, 0, 10);
    const [a, b, c] = [commentId(t, 'aaaaaa'), commentId(t + 60_000, 'bbbbbb'), commentId(t + 10 * 86_400_000, 'cccccc')];
    await put(page, Object.fromEntries([
      commentEntry(storedComment({ id: a, author: 'Ana', email: 'ana@example.com', content: 'Sent by an older page.' })),
      commentEntry(storedComment({ id: b, author: 'Ana', email: 'ana@example.com', content: 'Saved by an older page.' })),
      commentEntry(storedComment({ id: c, author: 'Ana', email: 'ana@example.com', content: 'Written after that save.' })),
      [`goosebumps/v1/sent/${POST}/${a}`, String(t + 1000)],
      [`goosebumps/v1/saved/${POST}`, String(t + 86_400_000)],
      [`goosebumps/v1/sent/${POST}/${commentId(t, 'gone00')}`, String(t)],
    ]));
    await page.reload();
    await expect(own(page, 'Sent by an older page.')).toContainText(SENT);
    await expect(own(page, 'Saved by an older page.')).toContainText('Saved to a file on 11 January, not sent yet');
    await expect(own(page, 'Written after that save.').locator('.sent-mark')).toHaveCount(0);
    await expect(page.locator('.comments-tools')).toContainText(ONLY_HERE(1));
    // The mark of a reply that is not stored any more went.
    expect((await storedEntries(page, 'goosebumps/v1/sent/')).map(([k]) => k)).toEqual([`goosebumps/v1/sent/${POST}/${a}`]);
  });
});
