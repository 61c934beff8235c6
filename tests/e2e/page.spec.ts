import { test, expect, open, fillComment, POST_PATH } from './fixtures';

test('the post reads as the seed page does', async ({ page }) => {
  await open(page);
  await expect(page).toHaveTitle(/Miracle in cell no\. 7/);
  await expect(page.getByText('Person from Malta (John)')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Miracle in cell no. 7' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Malta' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The movie “Miracle in cell number seven” – John’s goosebump moment' })).toBeVisible();
  for (const heading of ['A heartbreaking film', 'What is “Miracle in Cell No. 7” about?', 'A film of great popularity']) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  const facts = page.getByRole('complementary', { name: /More about the movie/ });
  await expect(facts).toContainText('Yedinci Koğuştaki Mucize');
  await expect(facts).toContainText('Aras Bulut İynemli as Memo');
  await expect(page.getByText('Your email address will not be published. Required fields are marked *')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Save my name, email, and website in this browser for the next time I comment.' })).not.toBeChecked();
  // The flag image really loaded.
  const flagLoaded = await page.getByRole('img', { name: 'Malta' }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
  expect(flagLoaded).toBe(true);
});

test('Text and Video switch by mouse and by keyboard, and the choice survives a reload', async ({ page }) => {
  await open(page);
  const textTab = page.getByRole('tab', { name: 'Text' });
  const videoTab = page.getByRole('tab', { name: 'Video' });
  await expect(textTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Text' })).toContainText('Hello! My name is John Amato');

  await videoTab.click();
  await expect(videoTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Video' }).locator('video')).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: 'Text' })).toBeHidden();

  await videoTab.press('ArrowLeft');
  await expect(textTab).toBeFocused();
  await expect(textTab).toHaveAttribute('aria-selected', 'true');
  await textTab.press('End');
  await expect(videoTab).toBeFocused();
  await videoTab.press('Home');
  await expect(textTab).toHaveAttribute('aria-selected', 'true');
  await textTab.press('ArrowRight');
  await expect(videoTab).toHaveAttribute('aria-selected', 'true');

  await page.reload();
  await expect(page.getByRole('tab', { name: 'Video' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Video' }).locator('video')).toBeVisible();
});

test('the sample video plays (muted) and has English captions', async ({ page }) => {
  await open(page);
  await page.getByRole('tab', { name: 'Video' }).click();
  const video = page.locator('#panel-video video');
  await expect(video).toHaveAttribute('controls', '');
  await expect(video).not.toHaveAttribute('autoplay');
  await expect(video).toHaveAttribute('preload', 'metadata');
  await expect(page.getByText(/^Sample:/)).toBeVisible();
  const track = video.locator('track');
  await expect(track).toHaveAttribute('kind', 'captions');
  await expect(track).toHaveAttribute('srclang', 'en');

  await video.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true;
    await v.play();
  });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.3);
  const cues = await video.evaluate(async (v: HTMLVideoElement) => {
    const t = v.textTracks[0];
    t.mode = 'hidden';
    for (let i = 0; i < 50 && (!t.cues || t.cues.length === 0); i++) await new Promise((r) => setTimeout(r, 100));
    return Array.from(t.cues ?? []).map((c) => (c as VTTCue).text).join(' ');
  });
  expect(cues).toContain('my goosebump moment is from this Turkish movie');
});

test('a posted comment appears at once and is still there after a reload', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('heading', { name: 'No thoughts yet. Be the first to share yours!' })).toBeVisible();
  await fillComment(page, { comment: 'What a scene.\nI cried too.', name: 'Maria', email: 'maria@example.com', website: 'maria.example' });
  await page.getByRole('button', { name: 'Post Comment' }).click();

  const comment = page.getByRole('listitem').filter({ hasText: 'What a scene.' });
  await expect(comment).toBeVisible();
  await expect(page.getByRole('heading', { name: 'One thought on “Miracle in cell no. 7”' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Your comment was posted.' })).toBeVisible();
  const author = comment.getByRole('link', { name: 'Maria' });
  await expect(author).toHaveAttribute('href', 'https://maria.example');
  await expect(author).toHaveAttribute('rel', 'nofollow ugc noopener noreferrer');
  await expect(comment.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  expect(await comment.locator('.comment-content').innerText()).toBe('What a scene.\nI cried too.');
  await expect(comment).not.toContainText('maria@example.com');
  const id = await comment.getAttribute('id');
  expect(id).toMatch(/^comment-[a-z0-9-]+$/);
  await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue('');

  await page.reload();
  await expect(page.locator(`#${id}`)).toContainText('What a scene.');
  await expect(page.getByRole('heading', { name: 'One thought on “Miracle in cell no. 7”' })).toBeVisible();
});

test('a draft is restored after a reload and after the tab is closed', async ({ page, context }) => {
  await open(page);
  await fillComment(page, { comment: 'Half a thought about Ova', name: 'Draft Author' });
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue('Half a thought about Ova');
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('Draft Author');

  await page.getByRole('textbox', { name: 'Comment' }).fill('Typed, then the tab was closed');
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await open(again);
  await expect(again.getByRole('textbox', { name: 'Comment' })).toHaveValue('Typed, then the tab was closed');
});

test('a refused submit keeps the text and focuses the first invalid field', async ({ page }) => {
  await open(page);
  await fillComment(page, { comment: 'Keep me', email: 'not-an-email' });
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription('Please fill the required fields.');
  await expect(page.getByRole('textbox', { name: 'Email' })).toHaveAccessibleDescription(/Please enter a valid email address\./);
  await expect(page.getByRole('status').filter({ hasText: 'Your comment was not posted.' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue('Keep me');
  await expect(page.getByRole('textbox', { name: 'Email' })).toHaveValue('not-an-email');
  await expect(page.locator('li.comment')).toHaveCount(0);

  await page.getByRole('textbox', { name: 'Comment' }).fill('');
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.getByRole('textbox', { name: 'Comment' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveAccessibleDescription('Please type your comment text.');

  await fillComment(page, { comment: 'x', name: 'A', email: 'a@example.com', website: 'javascript:alert(1)' });
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.getByRole('textbox', { name: 'Website' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Website' })).toHaveAccessibleDescription(/starts with http:\/\/ or https:\/\//);
});

test('hostile text is shown as text and runs nothing', async ({ page }) => {
  await open(page);
  const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  await fillComment(page, { comment: hostile, name: '<b onmouseover=alert(3)>Eve</b>', email: 'eve@example.com' });
  await page.getByRole('button', { name: 'Post Comment' }).click();
  const comment = page.locator('li.comment');
  await expect(comment.locator('.comment-content')).toHaveText(hostile);
  await expect(comment.locator('.fn')).toHaveText('<b onmouseover=alert(3)>Eve</b>');
  await expect(comment.locator('img, script, b b')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('li.comment .comment-content')).toHaveText(hostile);
  await page.locator('li.comment .fn').hover();
  // The `problems` fixture fails the test if any alert opened.
});

test('the remembered identity is prefilled when ticked and removed when not', async ({ page }) => {
  // A second comment within 15 s is refused as a flood; the clock moves on instead of the test waiting.
  await page.clock.install();
  await open(page);
  const remember = page.getByRole('checkbox', { name: /Save my name, email, and website/ });
  await fillComment(page, { comment: 'First', name: 'Remembered', email: 'r@example.com', website: 'https://r.example' });
  await remember.check();
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.locator('li.comment')).toHaveCount(1);

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('Remembered');
  await expect(page.getByRole('textbox', { name: 'Email' })).toHaveValue('r@example.com');
  await expect(page.getByRole('textbox', { name: 'Website' })).toHaveValue('https://r.example');
  await expect(remember).toBeChecked();
  expect(await page.evaluate(() => localStorage.getItem('goosebumps/v1/identity'))).toContain('Remembered');

  await page.clock.fastForward('00:20');
  await page.getByRole('textbox', { name: 'Comment' }).fill('Second');
  await remember.uncheck();
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.locator('li.comment')).toHaveCount(2);
  expect(await page.evaluate(() => localStorage.getItem('goosebumps/v1/identity'))).toBeNull();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('');
  await expect(page.getByRole('textbox', { name: 'Email' })).toHaveValue('');
  await expect(remember).not.toBeChecked();
});

test('the page works when deployed under a sub-path', async ({ page }) => {
  const missing: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
  });
  await open(page, `/sub${POST_PATH}`);
  await expect(page.getByRole('img', { name: 'Malta' })).toBeVisible();
  await page.getByRole('tab', { name: 'Video' }).click();
  await expect(page.locator('#panel-video video')).toBeVisible();
  await expect.poll(() => page.locator('#panel-video video').evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThan(0);
  await fillComment(page, { comment: 'From a sub-path', name: 'Sub', email: 'sub@example.com' });
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.locator('li.comment')).toContainText('From a sub-path');
  expect(missing).toEqual([]);
});
