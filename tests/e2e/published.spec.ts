// Publishing replies, end to end on the release builds:
// - dist/ (no published replies, no owner address): post a reply, Send for
//   publishing, Save the file; the owner's tool (`replies add`, the built binary,
//   on a copy of the project's posts) publishes that very file without its email;
//   "Sent for publishing — waiting for …" across reloads and tabs, in both languages;
//   what the tools area says about replies only in this browser.
// - dist-published/ (built by `cargo xtask test` with GOOSEBUMPS_REPLIES_DIR=
//   tests/fixtures/published, a test-only published file for the seed post):
//   published replies in the first HTML with JavaScript off, live with it on, once
//   (marked Published) for the reader whose own reply it is, offline, and axe-clean.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, open, ready, post, comment, POST, POST_PATH, ROOT, serveBuild, axe } from './fixtures';
import type { Page } from '@playwright/test';

const PUBLISHED_PORT = Number(process.env.E2E_PUBLISHED_PORT ?? 4183);
const PUBLISHED = `http://127.0.0.1:${PUBLISHED_PORT}`;
const FIXTURE = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/published', `${POST}.json`), 'utf8'));
const OWN_ID = 'lzaieio0abc123';


test.describe('sending a reply (dist/)', () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.install();
  });

  test('Send for publishing → Save the file, and the owner’s tool publishes it', async ({ page, context }) => {
    await open(page);
    await post(page, 'Please publish me.', 'Ana');
    const item = comment(page, 'Please publish me.');
    const tools = page.locator('.comments-tools');
    await expect(tools).toContainText('1 reply is only in this browser, never saved to a file.');
    await expect(tools).toContainText(/promised to keep them/);

    const send = item.getByRole('button', { name: 'Send for publishing' });
    await send.click();
    const dialog = page.getByRole('dialog', { name: 'Send for publishing' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('It carries your email address');
    // The bundled settings have no owner address: no Email it, the file instead.
    await expect(dialog.getByRole('link', { name: 'Email it' })).toHaveCount(0);
    await axe(page);

    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save the file' }).click();
    const download = await downloading;
    const id = (await item.getAttribute('id'))!.replace(/^comment-/, '');
    expect(download.suggestedFilename()).toBe(`reply-${POST}-${id}.json`);
    const dir = mkdtempSync(join(tmpdir(), 'goosebumps-publish-'));
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved).toMatchObject({ format: 'goosebumps-comments', version: 1, post: POST, drafts: [] });
    expect(saved.comments).toHaveLength(1);
    expect(saved.comments[0]).toMatchObject({ id, content: 'Please publish me.', author: 'Ana', email: 'ana@example.com' });
    await expect(dialog.getByRole('status')).toHaveText(`Saved to ${download.suggestedFilename()}.`);

    // Escape closes the panel; focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(send).toBeFocused();
    await expect(item).toContainText('Sent for publishing — waiting for Goosebumps');
    await expect(tools).toContainText(/1 reply is only in this browser, not saved to a file since \d+ \w+\./);

    // Remembered across reloads and tabs, in both languages.
    const other = await context.newPage();
    await open(other);
    await expect(comment(other, 'Please publish me.')).toContainText('Sent for publishing — waiting for Goosebumps');
    await other.close();
    await page.reload();
    await ready(page);
    await page.getByRole('button', { name: 'Español' }).click();
    await expect(comment(page, 'Please publish me.')).toContainText('Enviado para publicar — a la espera de Goosebumps');
    await expect(tools).toContainText('1 respuesta está solo en este navegador');

    // The owner's tool, on a copy of the project's posts, takes the saved file.
    const copy = join(dir, 'project');
    cpSync(join(ROOT, 'src/content/posts'), join(copy, 'src/content/posts'), { recursive: true });
    const tool = join(ROOT, 'target/debug/replies');
    // Never skipped: without the tool this test would check nothing of publishing.
    expect(existsSync(tool), 'target/debug/replies: run `cargo xtask test` (its cargo test builds the tool)').toBe(true);
    execFileSync(tool, ['--root', copy, 'add', file], { encoding: 'utf8' });
    const published = JSON.parse(readFileSync(join(copy, 'src/content/replies', `${POST}.json`), 'utf8'));
    expect(published.replies).toEqual([
      { id, parent: null, author: 'Ana', content: 'Please publish me.', created_ms: saved.comments[0].created_ms },
    ]);
    expect(JSON.stringify(published)).not.toContain('ana@example.com');
  });

  test('Send all my replies: one file of every reply not published', async ({ page }) => {
    await open(page);
    await post(page, 'First of mine.', 'Ana');
    await post(page, 'Second of mine.', 'Ana');
    await expect(page.locator('.comments-tools')).toContainText('2 replies are only in this browser');
    const all = page.getByRole('button', { name: 'Send all my replies' });
    await all.click();
    const dialog = page.getByRole('dialog', { name: 'Send all my replies' });
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save the file' }).click();
    const saved = JSON.parse(readFileSync(await (await downloading).path(), 'utf8'));
    expect(saved.comments.map((c: { content: string }) => c.content)).toEqual(['First of mine.', 'Second of mine.']);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(all).toBeFocused();
    await expect(comment(page, 'First of mine.')).toContainText('Sent for publishing');
    await expect(comment(page, 'Second of mine.')).toContainText('Sent for publishing');
  });
});

test.describe('published replies (dist-published/)', () => {
  // One worker, one server on the port for the whole group.
  test.describe.configure({ mode: 'serial' });
  serveBuild('dist-published', PUBLISHED_PORT);

  test.describe('with JavaScript off', () => {
    test.use({ javaScriptEnabled: false });
    test('the first HTML holds the published thread, and the JSON-LD its comments', async ({ page }) => {
      await page.goto(`${PUBLISHED}${POST_PATH}`);
      await expect(page.getByRole('heading', { name: '3 thoughts on “Miracle in cell no. 7”' })).toBeVisible();
      const maria = page.locator('#comment-wp-2');
      await expect(maria).toContainText('I cried at the same scene.');
      await expect(maria.locator(':scope > article a.url')).toHaveAttribute('rel', /nofollow ugc/);
      await expect(maria.locator(':scope > article a.url')).toHaveAttribute('href', 'https://maria.example.com');
      await expect(maria.locator(':scope > article .comment-permalink')).toHaveAttribute('href', '#comment-wp-2');
      await expect(maria.locator(':scope > article .comment-permalink time')).toHaveAttribute('datetime', '2024-03-02T19:05:16Z');
      await expect(maria.locator(':scope > ol.children > #comment-wp-3')).toContainText('So did I, every time.');
      const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
      expect(ld.commentCount).toBe(3);
      expect(ld.comment[0]).toMatchObject({ '@type': 'Comment', text: 'I cried at the same scene.', author: { name: 'Maria Camilleri' } });
      expect(ld.comment[0].comment[0]).toMatchObject({ text: 'So did I, every time.' });
      expect(ld.publisher).toEqual({ '@type': 'Organization', name: 'Goosebumps' });
      await expect(page.locator('meta[property="og:site_name"]')).toHaveAttribute('content', 'Goosebumps');
      // No email address in anything published.
      expect(await page.content()).not.toContain('@example.com');
    });
  });

  test('live: one thread, answerable, permalinks; a new reader’s replies are not marked', async ({ page }) => {
    await page.clock.install();
    await open(page, `${PUBLISHED}${POST_PATH}#comment-wp-3`);
    await expect(page.getByRole('heading', { name: '3 thoughts on “Miracle in cell no. 7”' })).toBeVisible();
    await expect(page.locator('#comment-wp-3')).toHaveClass(/is-highlighted/);
    const maria = page.locator('#comment-wp-2');
    await expect(maria.getByRole('button', { name: 'Edit' })).toHaveCount(0);
    await expect(maria.locator('.published-mark')).toHaveCount(0);
    await maria.getByRole('button', { name: 'Reply to Maria Camilleri' }).click();
    await post(page, 'Answering a published reply.', 'Bo');
    await expect(maria.locator(':scope > ol.children')).toContainText('Answering a published reply.');
    await expect(page.getByRole('heading', { name: '4 thoughts on “Miracle in cell no. 7”' })).toBeVisible();
    await expect(page.locator('.comments-tools')).toContainText('1 reply is only in this browser');
    await axe(page);
  });

  test('the reader’s own reply, published since, shows once, marked Published; the count does not double', async ({ page }) => {
    await page.goto(`${PUBLISHED}${POST_PATH}`);
    const own = FIXTURE.replies.find((r: { id: string }) => r.id === OWN_ID);
    await page.evaluate(
      ({ own, post }) => {
        const record = { id: own.id, post, parent_id: null, author: own.author, email: 'ana@example.com', url: null, content: own.content, created_ms: own.created_ms };
        localStorage.setItem(`goosebumps/v1/comment/${post}/${own.id}`, JSON.stringify({ v: 2, comment: record }));
        localStorage.setItem(`goosebumps/v1/sent/${post}/${own.id}`, String(own.created_ms));
      },
      { own, post: POST },
    );
    await page.reload();
    await ready(page);
    await expect(page.getByRole('heading', { name: '3 thoughts on “Miracle in cell no. 7”' })).toBeVisible();
    const mine = page.locator(`#comment-${OWN_ID}`);
    await expect(mine).toHaveCount(1);
    await expect(mine.locator('.published-mark')).toHaveText('Published');
    await expect(mine.getByRole('button', { name: 'Edit' })).toHaveCount(0);
    await expect(mine.getByRole('button', { name: 'Delete' })).toHaveCount(0);
    await expect(mine).not.toContainText('Sent for publishing');
    await expect(page.locator('.kept-note')).toHaveCount(0);
    // Its local copy stays in exports.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export comments' }).click();
    const exported = JSON.parse(readFileSync(await (await downloading).path(), 'utf8'));
    expect(exported.comments.map((c: { id: string }) => c.id)).toEqual([OWN_ID]);
    await page.getByRole('button', { name: 'Español' }).click();
    await expect(mine.locator('.published-mark')).toHaveText('Publicado');
    await axe(page);
  });

  test('published replies read offline', async ({ page, context }) => {
    await open(page, `${PUBLISHED}${POST_PATH}`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none')).toBe('activated');
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    await expect(page.getByRole('heading', { name: '3 thoughts on “Miracle in cell no. 7”' })).toBeVisible();
    await expect(page.locator('#comment-wp-2').getByRole('button', { name: 'Reply to Maria Camilleri' })).toBeEnabled();
    await context.setOffline(false);
  });
});
