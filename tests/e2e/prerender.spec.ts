import { test, expect, open, ready, POST_PATH } from './fixtures';

// The page is rendered at build time into index.html (src/bin/prerender.rs); the
// app then mounts over it with the same markup.

test('the built index.html already holds the page', async ({ request }) => {
  const html = await (await request.get(POST_PATH)).text();
  expect(html).toContain('<div id="prerendered" data-base="/" data-post="miracle-in-cell-no-7">');
  expect(html).toContain('<h1 lang="en" class="post-title">Miracle in cell no. 7</h1>');
  expect(html).toContain('Hello! My name is John Amato');
  expect(html).toContain('Social networks were filled with comments and memes');
  expect(html).toContain('Yedinci Koğuştaki Mucize');
  expect(html).toContain('Leave a Reply');
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the testimonial and the article are readable, and the form says it needs JavaScript', async ({ page }) => {
    await page.goto(POST_PATH);
    await expect(page.getByRole('heading', { level: 1, name: 'Miracle in cell no. 7' })).toBeVisible();
    await expect(page.getByText(/Hello! My name is John Amato/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'A film of great popularity' })).toBeVisible();
    await expect(page.getByRole('img', { name: 'Malta' })).toBeVisible();
    // Playwright turns script execution off without the parser's "scripting disabled"
    // flag, so <noscript> stays unparsed here; a browser with JavaScript off shows it.
    expect(await page.locator('#commentform noscript').innerHTML()).toContain('Replying needs JavaScript');
    // The form is an ordinary form, never disabled waiting for code (with JavaScript
    // on, public/reader.js keeps what is typed until the app takes it over).
    await expect(page.getByRole('textbox', { name: 'Comment' })).toBeEditable();
    await expect(page.getByRole('button', { name: 'Post Comment' })).toBeEnabled();
  });
});

test('the app takes over without a layout shift or a second copy of anything', async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) (window as any).__shifts.push((entry as any).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await open(page);
  await expect(page.getByRole('button', { name: 'Post Comment' })).toBeEnabled();
  await expect(page.locator('#submit')).toBeEnabled();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  for (const id of ['#commentform', '#comments', '#panel-text', '#panel-video', '.view-tabs', '.page-settings', '.site-footer']) {
    await expect(page.locator(id), id).toHaveCount(1);
  }
  await expect(page.getByRole('tab', { name: 'Text' })).toHaveCount(1);
  await expect(page.getByText('Replying needs JavaScript')).toBeHidden();
  await page.waitForTimeout(300);
  const cls = await page.evaluate(() => (window as any).__shifts.reduce((a: number, b: number) => a + b, 0));
  expect(cls).toBe(0);
});

test('search and social metadata come from the content', async ({ page }) => {
  await page.goto(POST_PATH);
  await expect(page).toHaveTitle('Miracle in cell no. 7 – John’s goosebump moment');
  const meta = (selector: string) => page.locator(selector).getAttribute('content');
  expect(await meta('meta[name="description"]')).toContain('John from Malta shares his goosebump moment');
  // Built without GOOSEBUMPS_SITE_URL: no relative canonical URL (worse than none).
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
  expect(await meta('meta[property="og:type"]')).toBe('article');
  expect(await meta('meta[property="og:title"]')).toBe('Miracle in cell no. 7 – John’s goosebump moment');
  expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld['@type']).toBe('Article');
  expect(ld.about).toMatchObject({ '@type': 'Movie', name: 'Miracle in Cell No. 7', alternateName: 'Yedinci Koğuştaki Mucize' });
  expect(ld.review['@type']).toBe('Review');
  expect(ld.review.author.name).toBe('John Amato');
  expect(ld.review.reviewBody).toContain('my goosebump moment is from this Turkish movie');
});

test('the text already on screen stays the same nodes when the app takes over', async ({ page }) => {
  // Hold the WebAssembly back until the build-time nodes are marked.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(POST_PATH);
  await expect(page.locator('#prerendered')).toHaveCount(1);
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('.post-title, .quote, .article-section, .facts')) (el as any).__built = true;
  });
  release();
  await ready(page);
  const kept = await page.evaluate(() =>
    [...document.querySelectorAll('.post-title, .quote, .article-section, .facts')].map((el) => (el as any).__built === true),
  );
  expect(kept).toEqual([true, true, true, true, true, true]);
  // And the app still drives what is around them: the tabs switch the panels.
  await page.getByRole('tab', { name: 'Video' }).click();
  await expect(page.locator('.quote')).toBeHidden();
  await page.getByRole('tab', { name: 'Text' }).click();
  await expect(page.locator('.quote')).toBeVisible();
});
