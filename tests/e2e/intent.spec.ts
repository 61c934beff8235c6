// A reader who only reads downloads no code; the app arrives on intent; every
// control works at the first touch; nothing typed is lost while it loads (issue 25).
//
// public/reader.js, the one small script a page loads, drives the controls until the
// app runs and starts it (Trunk's loader, Trunk.toml) on the reader's intent. Here the
// app's code is held back (page.route on the .wasm; the service worker blocked, so
// every request is routed) to act "before the app", then let through.
import type { Page, Request } from '@playwright/test';
import { test, expect, open, ready, intent, heading, storedEntries, seed, KEY, POST, POST_PATH, serveBuild } from './fixtures';

const LANG = 'goosebumps/v1/lang';
const THEME = 'goosebumps/v1/theme';

/** Every request the page makes, by path. */
function requests(page: Page) {
  const seen: string[] = [];
  page.on('request', (r: Request) => seen.push(new URL(r.url()).pathname));
  return seen;
}

const isCode = (path: string) => /\.wasm$|goosebumps-[0-9a-f]+\.js$/.test(path);

/** Holds the app's code back until `release()` is called. */
async function holdApp(page: Page) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** The not-found page is answered 404, which the console reports: expected, once. */
function notFoundSaid(problems: string[]) {
  const said = problems.findIndex((p) => /status of 404/.test(p));
  if (said >= 0) problems.splice(said, 1);
}

const live = (page: Page) => expect(page.locator('html')).toHaveAttribute('data-app', 'live', { timeout: 15_000 });

test.describe('reading fetches no code', () => {
  for (const path of [POST_PATH, '/', '/no-such-page/']) {
    test(`${path}: the page, its stylesheet and images, and reader.js only`, async ({ page, problems }) => {
      const seen = requests(page);
      await page.goto(path);
      await page.waitForLoadState('load');
      // A reader reads, scrolls, switches the tabs and the colours.
      await page.mouse.wheel(0, 2000);
      if (path === POST_PATH) {
        await page.getByRole('tab', { name: 'Video' }).click();
        await page.getByRole('tab', { name: 'Text' }).click();
      }
      await page.getByRole('button', { name: 'Dark mode' }).click();
      await page.waitForTimeout(1500);
      expect(seen.filter(isCode), 'no app code').toEqual([]);
      expect(seen.filter((p) => p.endsWith('.js')).sort()).toEqual(['/reader.js', '/sw.js'].filter((p) => seen.includes(p)));
      expect(seen).toContain('/reader.js');
      await expect(page.locator('html')).not.toHaveAttribute('data-app', /.*/);
      notFoundSaid(problems);
    });
  }

  test('the home page fetches the app only when the language is switched', async ({ page }) => {
    const seen = requests(page);
    await page.goto('/');
    await page.getByRole('button', { name: 'Español' }).hover();
    await page.waitForTimeout(800);
    expect(seen.filter(isCode)).toEqual([]);
    await page.getByRole('button', { name: 'Español' }).click();
    await expect(page.getByRole('button', { name: 'English' })).toBeVisible();
    expect(seen.filter(isCode).length).toBe(2);
    expect(await storedEntries(page, LANG)).toEqual([[LANG, 'es']]);
  });
});

test.describe('before the app', () => {
  test.use({ serviceWorkers: 'block' });

  test('tabs by mouse and keyboard, dark mode: the app’s states and stored choices, taken over unchanged', async ({ page }) => {
    const release = await holdApp(page);
    await page.goto(POST_PATH);
    await intent(page);
    const text = page.getByRole('tab', { name: 'Text' });
    const video = page.getByRole('tab', { name: 'Video' });
    await video.click();
    await expect(video).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('.quote')).toBeHidden();
    await expect(page.locator('#panel-video video')).toHaveCount(1);
    expect(await storedEntries(page, `goosebumps/v1/view/`)).toEqual([[KEY.view, 'video']]);
    await page.keyboard.press('ArrowLeft');
    await expect(text).toBeFocused();
    await expect(text).toHaveAttribute('aria-selected', 'true');
    await expect(text).toHaveAttribute('tabindex', '0');
    await expect(video).toHaveAttribute('tabindex', '-1');
    await expect(page.locator('.quote')).toBeVisible();
    await page.keyboard.press('End');
    await expect(video).toBeFocused();
    await page.keyboard.press('Home');
    await expect(text).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(video).toHaveAttribute('aria-selected', 'true');
    // The transcript button goes back to the text.
    await page.getByRole('button', { name: 'Read the transcript' }).click();
    await expect(text).toBeFocused();
    await video.click();

    const darkMode = page.getByRole('button', { name: 'Dark mode' });
    await darkMode.click();
    await expect(darkMode).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await storedEntries(page, THEME)).toEqual([[THEME, 'dark']]);
    await expect(page.locator('html')).toHaveAttribute('data-app', 'loading');

    // The app takes over: the same view and scheme, the very same video element.
    await page.evaluate(() => ((document.querySelector('#panel-video video') as any).__early = true));
    release();
    await live(page);
    await expect(page.getByRole('tab', { name: 'Video' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await page.evaluate(() => (document.querySelector('#panel-video video') as any).__early)).toBe(true);
    await page.getByRole('tab', { name: 'Text' }).click();
    await expect(page.locator('.quote')).toBeVisible();
    await expect(page.locator('#panel-video')).toBeHidden();
  });

  test('the stored view and scheme are shown at once on the next visit, without the app', async ({ page }) => {
    await page.goto(POST_PATH);
    await page.evaluate(([view, theme]) => {
      localStorage.setItem(view, 'video');
      localStorage.setItem(theme, 'dark');
    }, [KEY.view, THEME]);
    const seen = requests(page);
    await page.reload();
    await expect(page.getByRole('tab', { name: 'Video' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.waitForTimeout(800);
    expect(seen.filter(isCode)).toEqual([]);
  });

  test('typed text stays, survives a reload, and becomes the draft with focus and caret kept', async ({ page }) => {
    let release = await holdApp(page);
    await page.goto(POST_PATH);
    const box = page.getByRole('textbox', { name: 'Comment' });
    await expect(box).toBeEditable();
    await box.click();
    await page.keyboard.type('Typed before the app');
    await page.getByRole('textbox', { name: 'Name' }).fill('Early Ana');
    await expect(page.locator('html')).toHaveAttribute('data-app', 'loading');
    // Reloaded before the app arrived: the text is still there.
    await page.waitForTimeout(400);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    release = await holdApp(page);
    await page.reload();
    await expect(box).toHaveValue('Typed before the app');
    await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('Early Ana');
    // Typing on, the caret in the middle.
    await box.click();
    await page.keyboard.press('End');
    await page.keyboard.type(', and more');
    await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(5, 5));
    release();
    await live(page);
    await expect(box).toHaveValue('Typed before the app, and more');
    await expect(box).toBeFocused();
    expect(await box.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd])).toEqual([5, 5]);
    // Typing goes on where the caret was, in the app's form.
    await page.keyboard.type('X');
    await expect(box).toHaveValue('TypedX before the app, and more');
    // The draft is the app's now; the pre-app copy is gone.
    await expect
      .poll(async () => JSON.parse((await storedEntries(page, KEY.draft))[0]?.[1] ?? '{}'))
      .toMatchObject({ comment: 'TypedX before the app, and more', author: 'Early Ana' });
    expect(await storedEntries(page, `goosebumps/v1/early/`)).toEqual([]);
  });

  test('what is typed into the app’s form as it comes stays: the early text does not overwrite it', async ({ page }) => {
    const release = await holdApp(page);
    await page.goto(POST_PATH);
    await page.getByRole('textbox', { name: 'Comment' }).fill('Typed before the app');
    // The reader types into the app's Name field the moment it is there, before
    // reader.js hands the early text over (its hand-over waits a task).
    await page.evaluate(() => {
      const early = document.getElementById('commentform');
      new MutationObserver((_, observer) => {
        const form = document.getElementById('commentform') as HTMLFormElement | null;
        const name = form?.elements.namedItem('author') as HTMLInputElement | null;
        if (!form || form === early || !name) return;
        observer.disconnect();
        name.value = 'Typed as it came';
        name.dispatchEvent(new Event('input', { bubbles: true }));
      }).observe(document.body, { childList: true, subtree: true });
    });
    release();
    await live(page);
    await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue('Typed before the app');
    await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('Typed as it came');
  });

  test('Post Comment pressed before the app says it is working, and posts exactly once', async ({ page }) => {
    const release = await holdApp(page);
    await page.goto(POST_PATH);
    await page.getByRole('textbox', { name: 'Comment' }).fill('Posted before the app was there');
    await page.getByRole('textbox', { name: 'Name' }).fill('Ana');
    await page.getByRole('textbox', { name: 'Email' }).fill('ana@example.com');
    const submit = page.getByRole('button', { name: 'Post Comment' });
    await expect(submit).toBeEnabled();
    await submit.click();
    await expect(page.locator('.form-status')).toHaveText('Posting…');
    // Pressed again, and Enter in a field: still one.
    await submit.click();
    await page.getByRole('textbox', { name: 'Name' }).press('Enter');
    release();
    await live(page);
    await expect(page.locator('.comment-content', { hasText: 'Posted before the app was there' })).toHaveCount(1);
    await expect(page.getByRole('heading', { name: heading(1) })).toBeVisible();
    await page.waitForTimeout(500);
    expect((await storedEntries(page, `goosebumps/v1/comment/${POST}/`)).length).toBe(1);
    await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue('');
  });

  test('the language switch pressed before the app applies once', async ({ page }) => {
    const release = await holdApp(page);
    await page.goto(POST_PATH);
    await page.getByRole('button', { name: 'Español' }).click();
    release();
    await live(page);
    await expect(page.getByRole('button', { name: 'Publicar el comentario' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'English' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    expect(await storedEntries(page, LANG)).toEqual([[LANG, 'es']]);
  });

  test('a returning writer’s replies appear with no action', async ({ page }) => {
    await page.goto(POST_PATH);
    await seed(page, 2);
    await page.reload();
    await expect(page.getByRole('heading', { name: heading(2) })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-app', 'live');
  });
});

test.describe('offline', () => {
  test('after a reading visit every page reads offline; writing says it needs one visit online', async ({ page, context, problems }) => {
    const seen = requests(page);
    await page.goto(POST_PATH);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await context.setOffline(true);
    for (const [path, text] of [
      ['/', 'Goosebumps'],
      [POST_PATH, 'Hello! My name is John Amato'],
      ['/no-such-page/', 'Goosebumps'],
    ]) {
      await page.goto(path);
      await expect(page.locator('body')).toContainText(text);
    }
    await page.goto(POST_PATH);
    await page.getByRole('textbox', { name: 'Comment' }).fill('Typed offline');
    await expect(page.getByRole('status').filter({ hasText: 'Writing a reply needs one visit online first' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue('Typed offline');
    expect(seen.filter(isCode)).toEqual([]);
    await context.setOffline(false);
    notFoundSaid(problems);
  });

  test('after a visit that wrote, a reply can be posted offline', async ({ page, context }) => {
    await open(page);
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    // The code is kept once fetched (the page asked the worker: it fetched it first).
    await expect
      .poll(() => page.evaluate(async () => (await Promise.all([...document.scripts].filter((s) => s.type === 'module').map(() => caches.keys()))).flat().length))
      .toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(async () => Boolean(await caches.match(performance.getEntriesByType('resource').map((e) => e.name).find((n) => n.endsWith('.wasm'))!)))).toBe(true);
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    await page.getByRole('textbox', { name: 'Comment' }).fill('Written offline');
    await page.getByRole('textbox', { name: 'Name' }).fill('Ana');
    await page.getByRole('textbox', { name: 'Email' }).fill('ana@example.com');
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.locator('.comment-content', { hasText: 'Written offline' })).toBeVisible();
    await context.setOffline(false);
  });
});

// A post with published replies (dist-published): its first page is in the HTML.
const PUBLISHED_PORT = Number(process.env.E2E_INTENT_PUBLISHED_PORT ?? 4199);
test.describe('permalinks', () => {
  test.describe.configure({ mode: 'serial' });
  serveBuild(process.env.E2E_INTENT_PUBLISHED_DIR ?? 'dist-published', PUBLISHED_PORT);
  const at = (path: string) => `http://127.0.0.1:${PUBLISHED_PORT}${path}`;

  test('a permalink to a built comment works from the HTML, with no code', async ({ page }) => {
    const seen = requests(page);
    await page.goto(at(`${POST_PATH}#comment-wp-2`));
    await expect(page.locator('#comment-wp-2')).toBeInViewport();
    await page.locator('#comment-wp-3 .comment-permalink').click();
    await expect(page).toHaveURL(/#comment-wp-3$/);
    await expect(page.locator('#comment-wp-3')).toBeInViewport();
    await page.waitForTimeout(800);
    expect(seen.filter(isCode)).toEqual([]);
  });

  test('a permalink to a comment the build did not render starts the app at once', async ({ page }) => {
    await page.goto(at(POST_PATH));
    await seed(page, 1);
    const id = (await storedEntries(page, `goosebumps/v1/comment/${POST}/`))[0][0].split('/').pop();
    await page.evaluate(() => localStorage.clear());
    await page.goto(at(`${POST_PATH}#comment-${id}`));
    await expect(page.locator('html')).toHaveAttribute('data-app', 'live');
  });

  test('Reply pressed before the app acts once it is live', async ({ page }) => {
    const release = await holdApp(page);
    await page.goto(at(POST_PATH));
    await page.getByRole('button', { name: 'Reply to Maria Camilleri' }).click();
    release();
    await live(page);
    await expect(page.getByRole('heading', { name: /Leave a Reply to Maria Camilleri/ })).toBeVisible();
  });
});
