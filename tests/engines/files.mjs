// Saving a file: "Export comments" downloads the comments as JSON (the publishing
// issue's "save the file" and published thread are tested here once they exist).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { click, allByRole, byRole, fillComment, ready, until, POST } from './page.mjs';

export const tests = [
  {
    name: 'Export comments saves the file',
    async run(b) {
      const d = b.driver;
      await b.open('/');
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
    name: 'publishing: save the thread as a file, and a published thread reads back',
    async run(b, site, t) {
      const d = b.driver;
      await b.open('/');
      await ready(d);
      if ((await allByRole(d, 'button', /^Publish/)).length === 0) {
        t.skip('publishing is not in this build yet (its issue adds it; this test is to be written with it)');
        return;
      }
      assert.fail('publishing exists now: write this test (save the file, open the published thread)');
    },
  },
];
