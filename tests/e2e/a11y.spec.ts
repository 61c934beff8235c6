import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, fillComment, post, comment, seed, blockStorage, POST_PATH } from './fixtures';
import type { Locator, Page } from '@playwright/test';

// Accessibility, proven in the browser: axe-core finds no WCAG 2.2 AA (and
// best-practice) violations in every state the page can be in, the page works by
// keyboard alone with focus always visible, and its structure (headings,
// landmarks, live regions, captions, reduced motion, reflow, text resize) holds.

const TITLE = 'Miracle in cell no. 7';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Runs axe on the whole page and fails listing each violation's rule, help and nodes. */
async function expectNoAxeViolations(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const report = results.violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    ${n.target.join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`)
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
  expect(results.violations, `axe violations in state “${state}”:\n${report}`).toEqual([]);
}

/** The app has replaced the build-time markup once the form's button works, in either language. */
const ANY_LANGUAGE = { anyLanguage: true };

/** Presses `key` until `target` has focus (at most `max` times), by keyboard only. */
async function pressUntilFocused(page: Page, key: string, target: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target, `reached by pressing ${key} at most ${max} times`).toBeFocused();
}

/**
 * The focused element's focus indicator: whether it has a visible outline or
 * box-shadow, and the outline's contrast against the background around it (WCAG
 * 1.4.11 asks 3:1 of the indicator against adjacent colours).
 */
async function focusIndicator(page: Page) {
  return page.evaluate(() => {
    let el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { element: 'body', visible: false, contrast: 0 };
    // The import control is a visually hidden file input; its label shows the focus.
    if (el.matches('input[type="file"].visually-hidden') && el.nextElementSibling) el = el.nextElementSibling as HTMLElement;
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    const shadow = s.boxShadow !== 'none';
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    // The first opaque background behind the element (the outline sits outside it).
    let behind = [255, 255, 255];
    for (let p = el.parentElement; p; p = p.parentElement) {
      const c = rgb(getComputedStyle(p).backgroundColor);
      if (c.length >= 3 && (c.length < 4 || c[3] > 0)) {
        behind = c.slice(0, 3);
        break;
      }
    }
    const [l1, l2] = [luminance(rgb(s.outlineColor)), luminance(behind)].sort((a, b) => b - a);
    const contrast = outline ? (l1 + 0.05) / (l2 + 0.05) : Infinity;
    const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
    const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${text}” (outline ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} on rgb(${behind.join(', ')}))`;
    return { element: name, visible: outline || shadow, contrast };
  });
}

/** The indicator is there, and its outline contrasts 3:1 with the background. */
function expectIndicatorVisible({ element, visible, contrast }: Awaited<ReturnType<typeof focusIndicator>>) {
  expect(visible, `focus indicator (outline or box-shadow) on ${element}`).toBe(true);
  expect(contrast, `focus outline contrast on ${element}`).toBeGreaterThanOrEqual(3);
}

async function expectFocusVisible(page: Page) {
  expectIndicatorVisible(await focusIndicator(page));
}

/** Tabs through every stop of the page, top to bottom, checking each focus indicator. */
async function expectEveryStopFocusVisible(page: Page) {
  // Start at the skip link (the first stop), arriving there by keyboard.
  const skip = page.getByRole('link', { name: /^(Skip to content|Saltar al contenido)$/ });
  await skip.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(skip).toBeFocused();
  const seen: string[] = [];
  for (let i = 0; i < 200; i++) {
    const indicator = await focusIndicator(page);
    const { element } = indicator;
    if (element === 'body' || (seen.length > 0 && element === seen[0])) break;
    seen.push(element);
    expectIndicatorVisible(indicator);
    await page.keyboard.press('Tab');
  }
  expect(seen.length, `Tab stops: ${seen.join('\n')}`).toBeGreaterThan(10);
}

test.describe('axe finds no WCAG 2.2 AA violations', () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.install();
  });

  test('on load (text view)', async ({ page }) => {
    await open(page, POST_PATH, ANY_LANGUAGE);
    await expect(page.getByRole('tab', { name: 'Text' })).toHaveAttribute('aria-selected', 'true');
    await expectNoAxeViolations(page, 'on load');
  });

  test('in the video view', async ({ page }) => {
    await open(page, POST_PATH, ANY_LANGUAGE);
    await page.getByRole('tab', { name: 'Video' }).click();
    const video = page.locator('#panel-video video');
    await expect(video).toBeVisible();
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'video view');
  });

  test('after a refused submit (errors shown)', async ({ page }) => {
    await open(page, POST_PATH, ANY_LANGUAGE);
    await fillComment(page, { email: 'not-an-email' });
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('.field-error')).toHaveCount(3);
    await expectNoAxeViolations(page, 'refused submit');
  });

  test('a thread with a reply form open', async ({ page }) => {
    await open(page, POST_PATH, ANY_LANGUAGE);
    await post(page, 'A thought to answer');
    await comment(page, 'A thought to answer').getByRole('button', { name: 'Reply to Ana' }).click();
    await expect(page.getByRole('heading', { name: /Leave a Reply to Ana/ })).toBeVisible();
    await expectNoAxeViolations(page, 'reply form open');
  });

  test('in dark mode, chosen with the Dark mode button', async ({ page }) => {
    await open(page, POST_PATH, ANY_LANGUAGE);
    await post(page, 'Seen in the dark');
    await page.getByRole('button', { name: 'Dark mode' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectNoAxeViolations(page, 'dark mode (button)');
    // The errors' colours too.
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.locator('.field-error').first()).toBeVisible();
    await expectNoAxeViolations(page, 'dark mode (button), refused submit');
  });

  test('with the storage-blocked notice', async ({ page }) => {
    await blockStorage(page, 'The operation is insecure.');
    await open(page, POST_PATH, ANY_LANGUAGE);
    await expect(page.getByRole('status').filter({ hasText: 'Your browser is blocking storage for this site' })).toBeVisible();
    await expectNoAxeViolations(page, 'storage blocked');
  });

  test('in the Spanish interface', async ({ page }) => {
    await open(page, POST_PATH, ANY_LANGUAGE);
    await page.getByRole('button', { name: 'Español' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('heading', { name: 'Deja una respuesta' })).toBeVisible();
    await expectNoAxeViolations(page, 'Spanish');
  });

  test('with 60 comments (page links shown)', async ({ page }) => {
    await open(page, POST_PATH, ANY_LANGUAGE);
    await seed(page, 60);
    await page.reload();
    await expect(page.locator('#submit')).toBeEnabled();
    await expect(page.getByRole('navigation', { name: 'Comment pages' })).toBeVisible();
    await expect(page.locator('li.comment')).toHaveCount(50);
    await expectNoAxeViolations(page, '60 comments');
  });

  test('with an edit form open', async ({ page }) => {
    await open(page, POST_PATH, ANY_LANGUAGE);
    await post(page, 'About to be edited');
    await comment(page, 'About to be edited').getByRole('button', { name: 'Edit' }).click();
    await expect(page.getByRole('textbox', { name: 'Edit your comment' })).toBeFocused();
    await expectNoAxeViolations(page, 'edit form open');
  });

  test('after a delete (Undo bar shown)', async ({ page }) => {
    await open(page, POST_PATH, ANY_LANGUAGE);
    await post(page, 'About to be deleted');
    await comment(page, 'About to be deleted').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
    await expectNoAxeViolations(page, 'Undo bar');
  });

  test('at 320 px wide', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 720 });
    await open(page, POST_PATH, ANY_LANGUAGE);
    await post(page, 'Read on a small phone');
    await expectNoAxeViolations(page, '320 px');
    await comment(page, 'Read on a small phone').getByRole('button', { name: 'Reply to Ana' }).click();
    await expectNoAxeViolations(page, '320 px, reply form open');
  });
});

test.describe('axe, with the system in dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('finds no violations in a new dark context', async ({ page }) => {
    await page.clock.install();
    await open(page, POST_PATH, ANY_LANGUAGE);
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'true');
    await post(page, 'Dark by default');
    await expectNoAxeViolations(page, 'system dark');
    await page.getByRole('tab', { name: 'Video' }).click();
    await expect(page.locator('#panel-video video')).toBeVisible();
    await expectNoAxeViolations(page, 'system dark, video view');
  });
});

test.describe('by keyboard alone', () => {
  test('skip link, tabs, the reply form, Reply and Cancel reply, with focus always visible', async ({ page }) => {
    await page.clock.install();
    await open(page, POST_PATH, ANY_LANGUAGE);

    // The first Tab stop is the skip link, shown when focused; it moves focus into main.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await expectFocusVisible(page);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#content$/);
    await expect(page.getByRole('main')).toBeFocused();
    // The next Tab goes on from main: to the selected tab, past the header's settings.
    await page.keyboard.press('Tab');
    const textTab = page.getByRole('tab', { name: 'Text' });
    const videoTab = page.getByRole('tab', { name: 'Video' });
    await expect(textTab).toBeFocused();

    // Backwards: the header's settings, the site's name (home), then the skip link;
    // forwards again to the tabs.
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('button', { name: 'Dark mode' })).toBeFocused();
    await expectFocusVisible(page);
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('button', { name: 'Español' })).toBeFocused();
    await expectFocusVisible(page);
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('link', { name: 'Goosebumps' })).toBeFocused();
    await expectFocusVisible(page);
    await page.keyboard.press('Shift+Tab');
    await expect(skip).toBeFocused();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');

    // WAI-ARIA tabs: only the selected tab is in the Tab order; arrows move and select.
    await expect(textTab).toBeFocused();
    await expectFocusVisible(page);
    await expect(textTab).toHaveAttribute('tabindex', '0');
    await expect(videoTab).toHaveAttribute('tabindex', '-1');
    await page.keyboard.press('Tab');
    await expect(videoTab).not.toBeFocused();
    await expect(textTab).not.toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(textTab).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(videoTab).toBeFocused();
    await expect(videoTab).toHaveAttribute('aria-selected', 'true');
    await expect(videoTab).toHaveAttribute('tabindex', '0');
    await expect(textTab).toHaveAttribute('tabindex', '-1');
    await expectFocusVisible(page);
    await page.keyboard.press('ArrowRight');
    await expect(textTab).toBeFocused();
    await expect(textTab).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowLeft');
    await expect(videoTab).toBeFocused();
    await page.keyboard.press('Home');
    await expect(textTab).toBeFocused();
    await expect(textTab).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: 'Text' })).toBeVisible();

    // The whole reply form, filled and posted with Tab, typing, Space and Enter.
    const field = (name: string) => page.getByRole('textbox', { name: new RegExp(`^${name}( \\*)?$`) });
    await pressUntilFocused(page, 'Tab', field('Comment'));
    await expectFocusVisible(page);
    await page.keyboard.type('Typed without a mouse.');
    await page.keyboard.press('Tab');
    await expect(field('Name')).toBeFocused();
    await expectFocusVisible(page);
    await page.keyboard.type('Kim');
    await page.keyboard.press('Tab');
    await expect(field('Email')).toBeFocused();
    await page.keyboard.type('kim@example.com');
    await page.keyboard.press('Tab');
    await expect(field('Website')).toBeFocused();
    await page.keyboard.type('kim.example');
    await page.keyboard.press('Tab');
    const remember = page.getByRole('checkbox', { name: /Save my name, email, and website/ });
    await expect(remember).toBeFocused();
    await expectFocusVisible(page);
    await page.keyboard.press('Space');
    await expect(remember).toBeChecked();
    await page.keyboard.press('Tab');
    const submit = page.getByRole('button', { name: 'Post Comment' });
    await expect(submit).toBeFocused();
    await expectFocusVisible(page);
    await page.keyboard.press('Enter');
    await expect(comment(page, 'Typed without a mouse.')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Your comment was posted.' }).first()).toBeVisible();
    await expect(comment(page, 'Typed without a mouse.').getByRole('link', { name: 'Kim' })).toHaveAttribute('href', 'https://kim.example');

    // Reply by Enter: focus goes into the reply form's Comment field.
    const reply = comment(page, 'Typed without a mouse.').getByRole('button', { name: 'Reply to Kim' });
    await pressUntilFocused(page, 'Shift+Tab', reply);
    await expectFocusVisible(page);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: /Leave a Reply to Kim/ })).toBeVisible();
    await expect(field('Comment')).toBeFocused();
    await expect(comment(page, 'Typed without a mouse.').getByRole('textbox', { name: /^Comment/ })).toBeFocused();
    // Cancel reply by Enter: focus goes back to the Reply control.
    const cancel = page.getByRole('button', { name: 'Cancel reply' });
    await pressUntilFocused(page, 'Shift+Tab', cancel, 5);
    await expectFocusVisible(page);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Leave a Reply', exact: true })).toBeVisible();
    await expect(reply).toBeFocused();
    await expectFocusVisible(page);

    // A reply posted by keyboard too (after the flood guard's 15 s).
    await page.clock.fastForward('00:16');
    await page.keyboard.press('Enter');
    await expect(field('Comment')).toBeFocused();
    await page.keyboard.type('A reply, by keyboard.');
    await pressUntilFocused(page, 'Tab', page.getByRole('button', { name: 'Post Comment' }), 8);
    await page.keyboard.press('Enter');
    await expect(comment(page, 'A reply, by keyboard.')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Your comment was posted.' })).toBeVisible();
  });
});

test.describe('structure', () => {
  test('one h1, h2s for each part, no skipped levels, and the landmarks', async ({ page }) => {
    await open(page, POST_PATH, ANY_LANGUAGE);
    const headings = await page.evaluate(() =>
      Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6')).map((h) => ({ level: Number(h.tagName[1]), text: (h.textContent ?? '').replace(/\s+/g, ' ').trim() })),
    );
    expect(headings.filter((h) => h.level === 1)).toEqual([{ level: 1, text: TITLE }]);
    expect(headings[0]).toEqual({ level: 1, text: TITLE });
    expect(headings.filter((h) => h.level === 2).map((h) => h.text)).toEqual([
      'The movie “Miracle in cell number seven” – John’s goosebump moment',
      'A heartbreaking film',
      'What is “Miracle in Cell No. 7” about?',
      'A film of great popularity',
      'More about the movie “Miracle in cell number seven”',
      'No thoughts yet. Be the first to share yours!',
      'Leave a Reply',
    ]);
    for (let i = 1; i < headings.length; i++) {
      expect(headings[i].level, `“${headings[i].text}” follows “${headings[i - 1].text}” without skipping a level`).toBeLessThanOrEqual(headings[i - 1].level + 1);
    }

    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('banner')).toContainText(TITLE);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveAttribute('id', 'content');
    await expect(page.getByRole('contentinfo')).toHaveCount(1);
    await expect(page.getByRole('complementary', { name: /More about the movie/ })).toHaveCount(1);
    await expect(page.getByRole('region', { name: /thoughts/ })).toHaveCount(1);
  });

  test('posting is announced in a live region that was there before', async ({ page }) => {
    await open(page, POST_PATH, ANY_LANGUAGE);
    // Live regions must exist before their text changes, or nothing is read out.
    const announcement = page.locator('.comments-announcement');
    await expect(announcement).toHaveAttribute('role', 'status');
    await expect(announcement).toHaveText('');
    await fillComment(page, { comment: 'Announced', name: 'Lu', email: 'lu@example.com' });
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your comment was posted.' }).first()).toBeVisible();
    await expect(announcement).toHaveText('Your comment was posted.');
  });

  test('the video has captions on by default, and a control to read the transcript', async ({ page }) => {
    await open(page, POST_PATH, ANY_LANGUAGE);
    await page.getByRole('tab', { name: 'Video' }).click();
    const video = page.locator('#panel-video video');
    await expect(video).toBeVisible();
    const track = video.locator('track');
    await expect(track).toHaveAttribute('kind', 'captions');
    await expect(track).toHaveAttribute('default', '');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.textTracks[0]?.mode), { timeout: 10_000 })
      .toBe('showing');

    const transcript = page.getByRole('tabpanel', { name: 'Video' }).getByRole('button', { name: 'Read the transcript' });
    await expect(transcript).toBeVisible();
    // Under the video, in reading and Tab order.
    const [videoBox, buttonBox] = [await video.boundingBox(), await transcript.boundingBox()];
    expect(buttonBox!.y).toBeGreaterThanOrEqual(videoBox!.y + videoBox!.height);
    await transcript.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tab', { name: 'Text' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tab', { name: 'Text' })).toBeFocused();
    await expect(page.getByRole('tabpanel', { name: 'Text' })).toContainText('Hello! My name is John Amato');
  });

  test('smooth scrolling only for those who do not ask for reduced motion', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await open(page, POST_PATH, ANY_LANGUAGE);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('smooth');
  });

  test('text at 200 % at 1280 px: no horizontal scrolling, and the form fields are visible', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await open(page, POST_PATH, ANY_LANGUAGE);
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe(`${17 * 2}px`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    for (const name of ['Comment', 'Name', 'Email', 'Website']) {
      const field = page.getByRole('textbox', { name: new RegExp(`^${name}( \\*)?$`) });
      await field.scrollIntoViewIfNeeded();
      await expect(field).toBeInViewport();
      const box = (await field.boundingBox())!;
      expect(box.x, `${name} starts on screen`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${name} ends on screen`).toBeLessThanOrEqual(1280);
    }
    await expect(page.getByRole('button', { name: 'Post Comment' })).toBeVisible();
  });

  test('at 320 px wide: no horizontal scrolling (reflow)', async ({ page }) => {
    await page.clock.install();
    await page.setViewportSize({ width: 320, height: 720 });
    await open(page, POST_PATH, ANY_LANGUAGE);
    await post(page, 'A rather long comment with a verylongwordthatwouldnotwrapeasilyonanarrowphonescreenatall');
    await comment(page, 'A rather long comment').getByRole('button', { name: 'Reply to Ana' }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});

test.describe('focus is visible at every Tab stop', () => {
  /** A thread with an author link, the order switch, and the Undo bar after a delete. */
  async function busyPage(page: Page) {
    await page.clock.install();
    await open(page, POST_PATH, ANY_LANGUAGE);
    await post(page, 'First of three');
    await fillComment(page, { website: 'ana.example' });
    await post(page, 'Second of three');
    await post(page, 'Third of three');
    // Deleted by keyboard, so the focus moved to Undo shows (after a click it need not).
    await comment(page, 'Third of three').getByRole('button', { name: 'Delete' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
    await expectFocusVisible(page);
  }

  test('in light mode, with the Undo bar shown', async ({ page }) => {
    await busyPage(page);
    await expectEveryStopFocusVisible(page);
  });

  test('in dark mode, with the Undo bar shown', async ({ page }) => {
    await busyPage(page);
    await page.getByRole('button', { name: 'Dark mode' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectEveryStopFocusVisible(page);
  });
});

test('focus is never hidden under the sticky Undo bar (WCAG 2.4.11)', async ({ page }) => {
  await page.clock.install();
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, POST_PATH, ANY_LANGUAGE);
  await seed(page, 12);
  await page.reload();
  await expect(page.locator('li.comment')).toHaveCount(12);
  await comment(page, 'Seeded comment number 12').getByRole('button', { name: 'Delete' }).focus();
  await page.keyboard.press('Enter');
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  // Tab down through the whole thread from the top, as a reader would, while the bar shows.
  await page.getByRole('tab', { name: 'Text' }).focus();
  const hidden: string[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await undo.evaluate((el) => el === document.activeElement)) break;
    // Measure once the (smooth) scroll that brings the control into view has ended.
    for (let last = -1, now = await page.evaluate(() => scrollY); now !== last; ) {
      await new Promise((r) => setTimeout(r, 60));
      [last, now] = [now, await page.evaluate(() => scrollY)];
    }
    const covered = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const bar = document.querySelector('.undo-bar')!.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      const inside = r.top >= bar.top && r.bottom <= bar.bottom && r.left >= bar.left && r.right <= bar.right;
      return inside ? `${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim()}” at ${Math.round(r.top)}–${Math.round(r.bottom)} under the bar at ${Math.round(bar.top)}–${Math.round(bar.bottom)}` : null;
    });
    if (covered) hidden.push(covered);
  }
  await expect(undo).toBeFocused();
  expect(hidden, 'focused controls entirely hidden by the Undo bar').toEqual([]);

  // The worst case on purpose: a control that lies inside the viewport, but right under
  // the bar, is reached by Tab. The browser must scroll it clear of the bar.
  const target = comment(page, 'Seeded comment number 5').getByRole('button', { name: 'Reply to Reader 5' });
  const before = comment(page, 'Seeded comment number 5').locator('.comment-permalink');
  await page.evaluate(
    ([t, b]) => {
      document.documentElement.style.scrollBehavior = 'auto';
      const bar = document.querySelector('.undo-bar')!;
      const stuckTop = innerHeight - parseFloat(getComputedStyle(bar).bottom) - bar.getBoundingClientRect().height;
      // Put the control's top 8 px below the top of the bar where it sticks, at the viewport's bottom.
      window.scrollBy(0, t.getBoundingClientRect().top - (stuckTop + 8));
      b.focus({ preventScroll: true });
    },
    [await target.elementHandle(), await before.elementHandle()] as const,
  );
  const placed = await target.evaluate((el) => {
    const bar = document.querySelector('.undo-bar')!.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return r.top >= bar.top && r.bottom <= bar.bottom && r.bottom <= innerHeight;
  });
  expect(placed, 'the probe control starts under the bar, inside the viewport').toBe(true);
  await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
  const clear = await target.evaluate((el) => {
    const bar = document.querySelector('.undo-bar')!.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return r.bottom <= bar.top && r.top >= 0;
  });
  expect(clear, 'the focused control was scrolled clear of the Undo bar').toBe(true);
});
