import { test as base, expect, type Page } from '@playwright/test';

// Every test fails on a console error, an uncaught exception or a dialog (an
// injected `alert` would open one), so no flow passes while something breaks.
export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('dialog', async (dialog) => {
        problems.push(`dialog opened: ${dialog.message()}`);
        await dialog.dismiss();
      });
      await use(problems);
      expect(problems, 'no console errors, exceptions or dialogs').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the page and waits until the app has started (the form is interactive). */
export async function open(page: Page, path = '/') {
  await page.goto(path);
  await expect(page.getByRole('button', { name: 'Post Comment' })).toBeVisible();
}

export async function fillComment(page: Page, fields: { comment?: string; name?: string; email?: string; website?: string }) {
  if (fields.comment !== undefined) await page.getByRole('textbox', { name: 'Comment' }).fill(fields.comment);
  if (fields.name !== undefined) await page.getByRole('textbox', { name: 'Name' }).fill(fields.name);
  if (fields.email !== undefined) await page.getByRole('textbox', { name: 'Email' }).fill(fields.email);
  if (fields.website !== undefined) await page.getByRole('textbox', { name: 'Website' }).fill(fields.website);
}
