// Whatever a reader types is kept exactly (after WordPress's trimming) and shown as
// text: no markup, handler or URL in a comment or a name becomes an element, a link
// or a running script, and nothing pushes the page wider than a small phone.
import { test, expect, open, fillComment, post, KEY, type PostOptions } from './fixtures';
import type { Page } from '@playwright/test';

const COMMENT_PREFIX = KEY.commentPrefix();
const URL_ERROR = 'Please enter a website address that starts with http:// or https://, or leave it empty.';

/**
 * WordPress trims white space and NUL from both ends, and nothing else (the README:
 * PHP's trim() set plus the other Unicode White_Space characters).
 */
function wpTrim(s: string) {
  return s.replace(/^[\0\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+|[\0\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+$/gu, '');
}

/**
 * Posting here: with one email for every name, and posted once the form is empty
 * again (whatever the comment shows as).
 */
const HOSTILE: PostOptions = { email: 'hostile@example.com', until: 'accepted' };

/** The stored record of the comment shown as `item` (an `li.comment`). */
async function storedRecord(page: Page, item: ReturnType<Page['locator']>) {
  const id = (await item.getAttribute('id'))!.replace(/^comment-/, '');
  const raw = await page.evaluate((key) => localStorage.getItem(key), KEY.comment(id));
  expect(raw, `comment ${id} is stored`).not.toBeNull();
  return JSON.parse(raw!).comment as { author: string; content: string; url: string | null };
}

/** Nothing anywhere on the page that reader input could have made into live markup. */
async function expectNothingInjected(page: Page, scriptsBefore: number) {
  expect(await page.locator('script').count(), 'no script element was added').toBe(scriptsBefore);
  await expect(page.locator('#comments').locator('img, iframe, svg, object, embed, style, link, meta, video, audio, form form')).toHaveCount(0);
  await expect(page.locator('[onmouseover], [onclick], [onerror], [onload], [onmousemove], [onfocus], [style*="fixed"]')).toHaveCount(0);
  await expect(page.locator('.comment-content *'), 'a comment holds text only').toHaveCount(0);
  await expect(page.locator('.comment-author .fn > * > *'), 'a name holds text only').toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
}

const cases: { title: string; name: string; text: string }[] = [
  {
    title: 'HTML and <script>',
    name: '<i>Script</i> <script>window.pwned=1</script>Kiddie',
    text: '<p>Hi</p><script>window.pwned=1;alert("script")</script><img src=x onerror=alert("img")><iframe src="javascript:alert(\'frame\')"></iframe><svg onload=alert("svg")></svg><style>body{display:none}</style>',
  },
  {
    title: 'event-handler attributes',
    name: '<b onmouseover=alert(1)>Bee</b>',
    text: '<b onmouseover=alert(1)>hover me</b> <a href="#" onclick="alert(2)">click me</a> <div style="position:fixed;inset:0" onmousemove="alert(3)">cover</div> " onfocus="alert(4)" autofocus x="',
  },
  {
    title: 'javascript: and data: URLs in the text',
    name: 'javascript:alert(1)',
    text: 'javascript:alert(1) data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg== data:text/html,<script>alert(1)</script> https://example.com/?q=<script>alert(1)</script> [link](javascript:alert(1))',
  },
  {
    title: 'Unicode direction overrides (U+202E)',
    name: 'Ann\u202Egnp.exe',
    text: 'Left\u202Eright to left\u202C back \u202Dforced\u202C \u2067isolate\u2069 and an unclosed \u202Eoverride',
  },
  {
    title: 'zero-width characters (U+200B, U+200D)',
    name: 'Zed\u200Bwidth\u200D',
    text: 'zero\u200Bwidth\u200Djoiner\u200Cnon-joiner\u2060word-joiner\uFEFFbom \u200B',
  },
  {
    title: 'combining marks',
    name: 'Z̴̡͇a̷l̸g̶o',
    text: 'Z̴̡͇a̷l̸g̶o: T̸̢̛̤̦͙̰̱̣͇̈́̀͒̋͊ͅh̷̨̪̞̤͕̳̓̍͌e̸̡̛͎͚̼̜̞̽͂̌͝ ̶̧̰̜̮̟̓̄̈̚͜ṅ̴̡̘̭̳̜̏͗̕ą̷̛̘͈̳̯̇̂̅r̸̬̖̄̓͊r̵̼̟̔̇a̶̰̭̓̐t̷̟̀o̶̜͆r̸̙̓',
  },
  {
    title: '4-byte emoji',
    name: 'Emoji 😀',
    text: '😀🎬 🇲🇹 👨‍👩‍👧 🏳️‍🌈 𝕏 𠜎 🫶🏽',
  },
  {
    title: 'control characters (U+0001, U+001F)',
    name: 'Ctl\u0001Name\u001F',
    text: 'ctl\u0001start \u001Funit \u007Fdel \u0008bs \u001B[31mred\u001B[0m \u0085nel',
  },
  {
    // Chromium's textarea and text input keep a NUL typed through fill (checked below).
    title: 'NUL inside and at the ends',
    name: '\u0000Nul Name\u0000',
    text: '\u0000 \n nul\u0000inside \t\u0000',
  },
  {
    title: 'white space at the ends',
    name: '  Spacey\u00A0 ',
    text: ' \n\t\u00A0 kept  inside\n\n  lines \u3000\n',
  },
];

for (const { title, name, text } of cases) {
  test(`${title}: shown and stored exactly as typed, nothing created`, async ({ page }) => {
    await page.clock.install();
    await open(page);
    const scriptsBefore = await page.locator('script').count();
    await fillComment(page, { comment: text, name });
    // What the browser's fields hold is what was typed (a textarea only turns CR LF into LF).
    await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue(text);
    await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue(name);
    await post(page, text, { ...HOSTILE, name });

    const expectedText = wpTrim(text);
    const expectedName = wpTrim(name);
    const check = async () => {
      const item = page.locator('li.comment');
      await expect(item).toHaveCount(1);
      const content = item.locator('.comment-content');
      expect(await content.evaluate((el) => el.textContent)).toBe(expectedText);
      // pre-wrap: what is rendered (innerText) is the same text, line breaks and spaces kept.
      // (In view first: a thread off screen is not rendered yet, see style/main.css.)
      await content.scrollIntoViewIfNeeded();
      expect(await content.evaluate((el) => (el as HTMLElement).innerText)).toBe(expectedText);
      // Text only: no element was made of it. (The browser build marks the end of an
      // element's children with an empty comment node, Leptos's place marker; it
      // holds nothing and is not rendered.)
      expect(
        await content.evaluate((el) =>
          [...el.childNodes].every(
            (n) => n.nodeType === Node.TEXT_NODE || (n.nodeType === Node.COMMENT_NODE && n.nodeValue === ''),
          ),
        ),
      ).toBe(true);
      expect(await content.evaluate((el) => el.querySelectorAll('*').length)).toBe(0);
      expect(await item.locator('.comment-author .fn').evaluate((el) => el.textContent)).toBe(expectedName);
      const stored = await storedRecord(page, item);
      expect(stored.content).toBe(expectedText);
      expect(stored.author).toBe(expectedName);
      // Anything that could fire on a reader's pointer: hover and click the text and the name.
      await content.hover();
      await content.click({ position: { x: 5, y: 5 } });
      await item.locator('.comment-author .fn').hover();
      await expectNothingInjected(page, scriptsBefore);
    };
    await check();
    await page.reload();
    await check();
  });
}

test('a name with markup shows as text in the reply title too', async ({ page }) => {
  await page.clock.install();
  await open(page);
  const name = '<b onmouseover=alert(1)>Bee</b><img src=x onerror=alert(2)>';
  await post(page, 'Reply to me', { ...HOSTILE, name });
  await page.locator('li.comment').getByRole('button', { name: `Reply to ${name}` }).click();
  await expect(page.locator('#reply-title')).toContainText(`Leave a Reply to ${name}`);
  await expect(page.locator('#reply-title *:not(small, button, bdi)')).toHaveCount(0);
  await expect(page.locator('#comments img')).toHaveCount(0);
});

test('a direction override in a name does not turn the words after it around', async ({ page }) => {
  await page.clock.install();
  await open(page);
  await post(page, 'Read the name', { ...HOSTILE, name: 'Ann\u202Egnp.exe' });
  // "says:" is the page's own text after the name: it must still read left to right.
  const order = await page.locator('li.comment .says').evaluate((el) => {
    const node = el.firstChild!;
    const at = (i: number) => {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return range.getBoundingClientRect().left;
    };
    return { s: at(0), colon: at(node.textContent!.length - 1) };
  });
  expect(order.s, '"says:" is not shown as ":syas"').toBeLessThan(order.colon);
});

test('websites other than http/https are refused with a message on the Website field', async ({ page }) => {
  await page.clock.install();
  await open(page);
  const website = page.getByRole('textbox', { name: 'Website' });
  for (const url of [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(document.cookie)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'javascript://example.com/%0Aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '\u0001javascript:alert(1)',
  ]) {
    await fillComment(page, { comment: `Trying ${url}`, name: 'Linker', email: 'linker@example.com', website: url });
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(website, url).toHaveAccessibleDescription(URL_ERROR);
    await expect(website).toHaveAttribute('aria-invalid', 'true');
    await expect(website).toBeFocused();
    await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue(`Trying ${url}`);
    await expect(page.locator('li.comment')).toHaveCount(0);
  }
  expect(await page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)), COMMENT_PREFIX)).toEqual([]);
});

test('only http and https websites become links, with rel "nofollow ugc noopener noreferrer"', async ({ page }) => {
  await page.clock.install();
  await open(page);
  const scriptsBefore = await page.locator('script').count();
  await post(page, 'With a website', { ...HOSTILE, name: 'Linked', website: 'https://ok.example' });
  await post(page, 'Without a website', { ...HOSTILE, name: 'Plain' });
  await post(page, 'A website without a scheme', { ...HOSTILE, name: 'Schemeless', website: 'ok.example/path' });
  const tricky = 'https://ok.example/"><script>window.pwned=1</script><a/href="javascript:alert(1)">';
  await post(page, 'A website that tries to break out of its attribute', { ...HOSTILE, name: 'Quoted', website: tricky });

  const comments = page.locator('#comments');
  const linked = comments.getByRole('link', { name: 'Linked', exact: true });
  await expect(linked).toHaveAttribute('href', 'https://ok.example');
  await expect(linked).toHaveAttribute('rel', 'nofollow ugc noopener noreferrer');
  await expect(comments.getByRole('link', { name: 'Schemeless', exact: true })).toHaveAttribute('href', 'https://ok.example/path');
  const quoted = comments.getByRole('link', { name: 'Quoted', exact: true });
  await expect(quoted).toHaveAttribute('href', tricky);
  await expect(quoted).toHaveAttribute('rel', 'nofollow ugc noopener noreferrer');
  await expect(comments.getByRole('link', { name: 'Plain' })).toHaveCount(0);
  await expect(comments.locator('.fn', { hasText: 'Plain' }).locator('a')).toHaveCount(0);
  // Every link a reader's input made is an http(s) link; the others are the page's own anchors.
  const hrefs = await comments.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|#comment-)/);
  await expect(comments.locator('.comment-author a')).toHaveCount(3);
  await expectNothingInjected(page, scriptsBefore);
});

test('a 65,525-byte single word is accepted; 65,526 bytes is refused', async ({ page }) => {
  await page.clock.install();
  await open(page);
  const box = page.getByRole('textbox', { name: 'Comment' });

  const word = 'W'.repeat(65_525);
  await post(page, word, { ...HOSTILE, name: 'Longest' });
  const item = page.locator('li.comment').first();
  expect(await item.locator('.comment-content').evaluate((el) => el.textContent)).toBe(word);
  expect((await storedRecord(page, item)).content).toBe(word);

  // The limit is in UTF-8 bytes: 65,521 letters and a 4-byte emoji is 65,525 bytes.
  const emojiWord = 'E'.repeat(65_521) + '😀';
  await post(page, emojiWord, { ...HOSTILE, name: 'Longest emoji' });
  await expect(page.locator('li.comment')).toHaveCount(2);
  expect((await storedRecord(page, page.locator('li.comment').nth(1))).content).toBe(emojiWord);

  for (const tooLong of ['X'.repeat(65_526), 'Y'.repeat(65_522) + '😀']) {
    await page.clock.fastForward('00:16');
    await fillComment(page, { comment: tooLong, name: 'Too long', email: 'long@example.com' });
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(box).toHaveAccessibleDescription(/Your comment is too long\./);
    await expect(box).toHaveAccessibleDescription(/65,526 of 65,525 bytes used; 1 too many\./);
    await expect(box).toBeFocused();
    await expect(box).toHaveValue(tooLong);
    await expect(page.locator('li.comment')).toHaveCount(2);
  }
});

test('at 320 px wide nothing overflows: a 65,525-character word, a long URL-like name, deep replies', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.clock.install();
  await open(page);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth);

  const name = 'https://www.an-extremely-long-name-that-looks-like-a-web-address.example/with/a/path/that/goes/on/and/on/without/any/spaces/at/all?and=a&query=string&that=never&ends=0123456789abcdef';
  expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(245);
  const website = 'https://www.a-long-website-address-with-no-spaces.example/' + 'p'.repeat(120);
  expect(new TextEncoder().encode(website).length).toBeLessThanOrEqual(200);
  await post(page, 'W'.repeat(65_525), { ...HOSTILE, name, website });
  await expect(page.locator('li.comment')).toHaveCount(1);
  expect(await overflow()).toBeLessThanOrEqual(320);

  // Replies nest to depth 5, each with a long word and the long name.
  for (let depth = 2; depth <= 5; depth++) {
    await page.locator(`li.comment.depth-${depth - 1}`).getByRole('button', { name: /^Reply to/ }).first().click();
    await expect(page.locator('#reply-title')).toContainText('Leave a Reply to');
    expect(await overflow(), `the reply form at depth ${depth}`).toBeLessThanOrEqual(320);
    await post(page, `${depth}`.repeat(3000), { ...HOSTILE, name: `${name.slice(0, 200)}${depth}`, website });
  }
  await expect(page.locator('li.comment.depth-5')).toHaveCount(1);
  expect(await overflow()).toBeLessThanOrEqual(320);
  await page.reload();
  await expect(page.locator('li.comment')).toHaveCount(5);
  expect(await overflow()).toBeLessThanOrEqual(320);
});
