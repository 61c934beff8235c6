// Saving a file: "Export comments" downloads the comments as JSON; "Send for
// publishing → Save the file" downloads one reply file and marks the reply sent.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { click, allByRole, byRole, fillComment, ready, until, POST } from './page.mjs';
import { POST_PATH } from '../support/records.mjs';

export const tests = [
  {
    name: 'Export comments saves the file',
    async run(b) {
      const d = b.driver;
      await b.open(POST_PATH);
      await ready(d);
      await fillComment(d, { comment: 'To be exported.', name: 'Keeper', email: 'keeper@example.com' });
      await click(d, await byRole(d, 'button', 'Post Comment'));
      await until(async () => (await allByRole(d, 'listitem', /To be exported\./)).length > 0, 'the reply');
      await click(d, await byRole(d, 'button', 'Export comments'));
      if (!b.downloads) {
        b.note('this engine’s driver cannot choose a download folder: checked only that the page reports no failure');
        await new Promise((r) => setTimeout(r, 1000));
        assert.equal(await d.executeScript(() => document.body.innerText.includes('did not let the page save the file')), false);
        return;
      }
      const name = await until(
        () => readdirSync(b.downloads).find((f) => f.startsWith(`goosebumps-comments-${POST}-`) && f.endsWith('.json')),
        'the exported file',
      );
      assert.match(name, new RegExp(`^goosebumps-comments-${POST}-\\d{4}-\\d\\d-\\d\\d\\.json$`));
      const file = JSON.parse(await until(() => { const t = readFileSync(join(b.downloads, name), 'utf8'); return t.trim().endsWith('}') && t; }, 'the whole file'));
      assert.equal(file.format, 'goosebumps-comments');
      assert.ok(file.comments.some((c) => c.content === 'To be exported.'));
    },
  },
  {
    name: 'Send for publishing → Save the file: the reply file, and "Sent for publishing" after a reload',
    async run(b) {
      const d = b.driver;
      await b.open(POST_PATH);
      await ready(d);
      await fillComment(d, { comment: 'Please publish me.', name: 'Ana', email: 'ana@example.com' });
      await click(d, await byRole(d, 'button', 'Post Comment'));
      await until(async () => (await allByRole(d, 'listitem', /Please publish me\./)).length > 0, 'the reply');
      await click(d, await byRole(d, 'button', 'Send for publishing'));
      // The native <dialog> opened as a modal, named by its heading.
      await until(() => d.executeScript(() => document.querySelector('dialog.send-panel')?.open), 'the open dialog');
      await click(d, await byRole(d, 'button', 'Save the file'));
      const said = await until(async () => {
        const text = await d.executeScript(() => document.querySelector('dialog.send-panel [role="status"]')?.textContent || '');
        return text.trim() && text;
      }, 'what the dialog says');
      assert.match(said, new RegExp(`^Saved to reply-${POST}-[0-9a-z]+\\.json\\.$`));
      if (b.downloads) {
        const name = await until(
          () => readdirSync(b.downloads).find((f) => f.startsWith(`reply-${POST}-`) && f.endsWith('.json')),
          'the reply file',
        );
        const file = JSON.parse(await until(() => { const t = readFileSync(join(b.downloads, name), 'utf8'); return t.trim().endsWith('}') && t; }, 'the whole file'));
        assert.equal(file.format, 'goosebumps-comments');
        assert.equal(file.comments.length, 1);
        assert.equal(file.comments[0].content, 'Please publish me.');
      } else {
        b.note('this engine’s driver cannot choose a download folder: checked what the dialog says');
      }
      await click(d, await byRole(d, 'button', 'Close'));
      await until(() => d.executeScript(() => !document.querySelector('dialog.send-panel')?.open), 'the closed dialog');
      await b.reload();
      await ready(d);
      await until(async () => (await allByRole(d, 'listitem', /Sent for publishing — waiting for/)).length > 0, 'the sent mark after a reload');
    },
  },
];
