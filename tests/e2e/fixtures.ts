import { test as base, expect, type Page } from '@playwright/test';

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

/** Opens the page and waits until the app has started (the form is interactive). */
export async function open(page: Page, path = '/') {
  await page.goto(path);
  await ready(page);
}

/**
 * Waits until the app runs: the build-time page (with its form disabled) is there
 * at once, and the app takes over after the first paint.
 */
export async function ready(page: Page) {
  await expect(page.getByRole('button', { name: 'Post Comment' })).toBeEnabled();
}

export async function fillComment(page: Page, fields: { comment?: string; name?: string; email?: string; website?: string }) {
  if (fields.comment !== undefined) await page.getByRole('textbox', { name: 'Comment' }).fill(fields.comment);
  if (fields.name !== undefined) await page.getByRole('textbox', { name: 'Name' }).fill(fields.name);
  if (fields.email !== undefined) await page.getByRole('textbox', { name: 'Email' }).fill(fields.email);
  if (fields.website !== undefined) await page.getByRole('textbox', { name: 'Website' }).fill(fields.website);
}

export const POST = 'miracle-in-cell-no-7';

/** Posts a comment with the open form, moving the clock past the 15 s flood guard first. */
export async function post(page: Page, text: string, name = 'Ana') {
  await page.clock.fastForward('00:16');
  await fillComment(page, { comment: text, name, email: `${name.toLowerCase()}@example.com` });
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.locator('.comment-content', { hasText: text }).first()).toBeVisible();
}

/** The comment (list item) whose own text is `text`. */
export function comment(page: Page, text: string) {
  return page.locator('li.comment').filter({ has: page.locator(':scope > article .comment-content', { hasText: text }) });
}

/** Seeds `n` top-level comments straight into storage (schema v1), one minute apart, oldest first. */
export async function seed(page: Page, n: number) {
  await page.evaluate(
    ({ n, post }) => {
      const start = Date.UTC(2025, 0, 1);
      for (let i = 0; i < n; i++) {
        const created = start + i * 60_000;
        const id = created.toString(36).padStart(9, '0') + i.toString(36).padStart(6, '0');
        const comment = { id, post, parent_id: null, author: `Reader ${i + 1}`, email: `r${i}@example.com`, url: null, content: `Seeded comment number ${i + 1}`, created_ms: created };
        localStorage.setItem(`goosebumps/v1/comment/${post}/${id}`, JSON.stringify({ v: 1, comment }));
      }
    },
    { n, post: POST },
  );
}
