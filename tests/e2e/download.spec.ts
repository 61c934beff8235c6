// A saved file is handed over before its link goes. The page saves a file (Export
// comments, Save the file) through an object URL of a Blob and a click on a link to
// it; the browser reads the blob after the click, not during it (Safari may not
// have begun when the click returns), so the URL must outlive the click: it is
// revoked 40 seconds later, each save its own, so many saves keep none for longer.
import { readFileSync } from 'node:fs';
import { test, expect, open, post, POST } from './fixtures';
import type { Page } from '@playwright/test';

/** From the next navigation on, the page's object URLs made and revoked, in order. */
async function watchObjectUrls(page: Page) {
  await page.addInitScript(() => {
    const urls = { made: [] as string[], revoked: [] as string[] };
    Object.assign(window, { __objectUrls: urls });
    const create = URL.createObjectURL.bind(URL);
    const revoke = URL.revokeObjectURL.bind(URL);
    URL.createObjectURL = (object: Blob | MediaSource) => {
      const url = create(object);
      urls.made.push(url);
      return url;
    };
    URL.revokeObjectURL = (url: string) => {
      urls.revoked.push(url);
      revoke(url);
    };
  });
}

function objectUrls(page: Page) {
  return page.evaluate(() => (window as unknown as { __objectUrls: { made: string[]; revoked: string[] } }).__objectUrls);
}

/**
 * What the browser saves from `url` now, in a task of the page's own after the
 * click's (a link to it, clicked again: the policy's `connect-src 'self'` keeps the
 * page from fetching a `blob:` URL): the text, or `gone` when there is nothing.
 */
async function saveAgain(page: Page, url: string) {
  const downloading = page.waitForEvent('download');
  await page.evaluate((url) => {
    const a = document.createElement('a');
    a.href = url;
    a.download = 'again.json';
    a.click();
  }, url);
  const download = await downloading;
  return (await download.failure()) ? 'gone' : readFileSync(await download.path(), 'utf8');
}

test('a saved file’s link outlives the click, and goes 40 s later, however many are saved', async ({ page }) => {
  await watchObjectUrls(page);
  await page.clock.install();
  await open(page);
  await post(page, 'Saved to a file.', 'Ana');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export comments' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^goosebumps-comments-${POST}-`));
  const saved = readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(saved).comments.map((c: { content: string }) => c.content)).toEqual(['Saved to a file.']);

  // Right after the click the file is still there to be read, as it was saved.
  const { made } = await objectUrls(page);
  expect(made).toHaveLength(1);
  const [url] = made;
  expect(await saveAgain(page, url)).toBe(saved);
  expect((await objectUrls(page)).revoked).toEqual([]);
  await page.clock.fastForward('00:39');
  expect((await objectUrls(page)).revoked).toEqual([]);
  expect(await saveAgain(page, url)).toBe(saved);

  // Four more saves (Export, and Send for publishing → Save the file) meanwhile.
  for (let i = 0; i < 2; i++) {
    const more = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export comments' }).click();
    await more;
  }
  await page.getByRole('button', { name: 'Send for publishing' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send for publishing' });
  for (let i = 0; i < 2; i++) {
    const more = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save the file' }).click();
    await more;
  }
  await dialog.getByRole('button', { name: 'Close' }).click();

  // 40 s after the first click, its URL is gone (and only its own).
  await page.clock.fastForward('00:02');
  await expect.poll(async () => (await objectUrls(page)).revoked).toEqual([url]);
  expect(await saveAgain(page, url)).toBe('gone');

  // And 40 s after the last, every one: none is kept.
  await page.clock.fastForward('00:41');
  const after = await objectUrls(page);
  expect(after.made).toHaveLength(5);
  expect([...after.revoked].sort()).toEqual([...after.made].sort());
});
