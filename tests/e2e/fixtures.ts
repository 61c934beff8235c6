import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { POST, POST_PATH, KEY, commentId, createdAt, storedComment, recordValue, commentEntry } from '../support/records.mjs';

/** Prefix of the `problems` entries for Content-Security-Policy violations. */
export const CSP_VIOLATION = 'CSP violation:';

// Every test fails on a console error, an uncaught exception, a dialog (an
// injected `alert` would open one) or a Content-Security-Policy violation (an
// init script reports each `securitypolicyviolation` event of every page of the
// context), so no flow passes while something breaks or is blocked. A test that
// provokes a violation on purpose takes its expected entries out of `problems`.
export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page, context }, use) => {
      const problems: string[] = [];
      await context.exposeFunction('__reportCspViolation', (violation: string) =>
        problems.push(`${CSP_VIOLATION} ${violation}`),
      );
      await context.addInitScript(() => {
        document.addEventListener(
          'securitypolicyviolation',
          (e) => {
            const where = e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : '';
            const sample = e.sample ? ` (“${e.sample}”)` : '';
            // Set by exposeFunction above; typed loosely as this runs in the page.
            (window as unknown as { __reportCspViolation(v: string): void }).__reportCspViolation(
              `${e.effectiveDirective} blocked ${e.blockedURI || '(none)'}${where}${sample}`,
            );
          },
          true,
        );
      });
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('dialog', async (dialog) => {
        problems.push(`dialog opened: ${dialog.message()}`);
        await dialog.dismiss();
      });
      await use(problems);
      expect(problems, 'no console errors, exceptions, dialogs or CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** How `ready` knows that the app has started. */
export type ReadyOptions = {
  /** Accept the form's button in either language (English or Spanish), not only in English. */
  anyLanguage?: boolean;
};

/** Opens the page, shows the intent to write (the app then loads) and waits until it is live. */
export async function open(page: Page, path = POST_PATH, options: ReadyOptions = {}) {
  await page.goto(path);
  await ready(page, options);
}

/**
 * Shows the intent to write, as a pointer moving over the reply form does (public/reader.js
 * then starts the app; no scroll, no focus moves), and waits until the app is live:
 * reader.js marks `<html data-app="live">` once the app has started and built the
 * comments in place of the build-time ones. (The build-time form already works: only
 * the app's marks tell the two apart.)
 */
export async function ready(page: Page, { anyLanguage = false }: ReadyOptions = {}) {
  await intent(page);
  await expect(page.locator('html'), 'the app is live').toHaveAttribute('data-app', 'live', { timeout: 15_000 });
  const name = anyLanguage ? /^(Post Comment|Publicar el comentario)$/ : 'Post Comment';
  await expect(page.getByRole('button', { name })).toBeEnabled();
}

/** The reader's intent to write: a pointer moving over the reply form (reader.js starts the app). */
export async function intent(page: Page) {
  await page.locator('#respond').first().dispatchEvent('pointermove');
}

export async function fillComment(page: Page, fields: { comment?: string; name?: string; email?: string; website?: string }) {
  if (fields.comment !== undefined) await page.getByRole('textbox', { name: 'Comment' }).fill(fields.comment);
  if (fields.name !== undefined) await page.getByRole('textbox', { name: 'Name' }).fill(fields.name);
  if (fields.email !== undefined) await page.getByRole('textbox', { name: 'Email' }).fill(fields.email);
  if (fields.website !== undefined) await page.getByRole('textbox', { name: 'Website' }).fill(fields.website);
}

export { POST, POST_PATH, KEY, commentId, createdAt, storedComment, recordValue, commentEntry };

/** The comments heading once there are `n` (n ≥ 1): "N thoughts on …". */
export function heading(n: number) {
  return n === 1 ? 'One thought on “Miracle in cell no. 7”' : `${n} thoughts on “Miracle in cell no. 7”`;
}

/** What `post` fills in, how it posts, and what it waits for; each has the default most tests use. */
export type PostOptions = {
  /** The name (default Ana). */
  name?: string;
  /** The email (default the name, lower case, at example.com). */
  email?: string;
  /** A website, filled in only when given. */
  website?: string;
  /** How far the clock moves on first, past the 15 s flood guard (default 16 s). */
  clock?: string;
  /**
   * Brings the tab to the front first, as a reader would (Chromium delays clicks in a
   * tab that is not in front).
   */
  front?: boolean;
  /**
   * What shows that it was posted: a comment text containing it is visible
   * (`shown`, the default), the comment whose own text is exactly it is visible
   * (`shown exactly`), or the Comment box is empty again (`accepted`).
   */
  until?: 'shown' | 'shown exactly' | 'accepted';
};

/**
 * Posts a comment with the open form, moving the clock past the 15 s flood guard
 * first. The third argument is the name, or the options.
 */
export async function post(page: Page, text: string, nameOrOptions: string | PostOptions = {}) {
  const options = typeof nameOrOptions === 'string' ? { name: nameOrOptions } : nameOrOptions;
  const { name = 'Ana', email = `${name.toLowerCase()}@example.com`, website, clock = '00:16', front = false, until = 'shown' } = options;
  if (front) await page.bringToFront();
  await page.clock.fastForward(clock);
  await fillComment(page, { comment: text, name, email, website });
  await page.getByRole('button', { name: 'Post Comment' }).click();
  if (until === 'accepted') {
    await expect(page.getByRole('textbox', { name: 'Comment' }), 'the comment was accepted').toHaveValue('');
  } else if (until === 'shown exactly') {
    await expect(comment(page, text, { exact: true })).toBeVisible();
  } else {
    await expect(page.locator('.comment-content', { hasText: text }).first()).toBeVisible();
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The comment (list item) whose own text contains `text`, or (`exact`) is exactly `text`. */
export function comment(page: Page, text: string, { exact = false } = {}) {
  const hasText = exact ? new RegExp(`^${escapeRegExp(text)}$`) : text;
  return page.locator('li.comment').filter({ has: page.locator(':scope > article .comment-content', { hasText }) });
}

/** Writes `entries` (key → value) into localStorage (the page must be open at the origin). */
export async function put(page: Page, entries: Record<string, string>) {
  await page.evaluate((entries) => {
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, entries);
}

/** Every key and value in localStorage whose key starts with `prefix`, sorted by key. */
export async function storedEntries(page: Page, prefix = '') {
  return page.evaluate(
    (prefix) =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith(prefix))
        .sort()
        .map((k) => [k, localStorage.getItem(k)] as const),
    prefix,
  );
}

/** Seeds `n` top-level comments straight into storage (schema v1), one minute apart, oldest first. */
export async function seed(page: Page, n: number) {
  const start = Date.UTC(2025, 0, 1);
  const comments = Array.from({ length: n }, (_, i) => {
    const created = start + i * 60_000;
    const id = commentId(created, i);
    return storedComment({ id, author: `Reader ${i + 1}`, email: `r${i}@example.com`, content: `Seeded comment number ${i + 1}`, created_ms: created });
  });
  await put(page, Object.fromEntries(comments.map((c) => commentEntry(c))));
}

/**
 * From the next navigation on, `page` sees localStorage as blocked (reading it throws
 * a SecurityError with `message`), as a browser that blocks storage for the site does.
 */
export async function blockStorage(page: Page, message: string) {
  await page.addInitScript((message) => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException(message, 'SecurityError');
      },
    });
  }, message);
}

/** The project's root, where the builds (dist/, dist-published/, dist-site/) are. */
export const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * Serves another build of the project (`dir`, e.g. `dist-site`) on `port` for a
 * serial group of tests, as `serve.mjs` serves dist/: call it at the group's top.
 * A missing build fails the group with a sentence saying how to make it (never a
 * silent skip: `cargo xtask test` always builds it).
 */
export function serveBuild(dir: string, port: number) {
  let server: ChildProcess | undefined;
  test.beforeAll(async () => {
    if (!existsSync(join(ROOT, dir, 'index.html'))) {
      throw new Error(`${dir}/ is not built: run \`cargo xtask test\`, which builds it before these tests`);
    }
    // A port already answered (another spec's server, one left running) would serve
    // another build under this one's name: said, not tested against.
    const taken = await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    );
    if (taken) throw new Error(`port ${port} is already served (another spec's server?): ${dir}/ needs a port of its own`);
    server = spawn('node', ['tests/e2e/serve.mjs'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), SERVE_DIR: dir },
      stdio: 'ignore',
    });
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the server for ${dir}/ did not start`);
  });
  test.afterAll(() => {
    server?.kill();
  });
}

/** The WCAG levels (and axe's best practices) every axe check holds the pages to. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Fails listing each axe violation (rule and nodes) on the page as it is now. */
export async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
}
