// Replies as a reader writes them: posting (kept after a reload), drafts that
// survive a reload, a refused submit that keeps the text and focuses the field,
// and hostile text that shows as text.
import assert from 'node:assert/strict';
import { click, byRole, allByRole, fillComment, focused, paste, ready, seed, seeText, until, valueOf } from './page.mjs';
import { POST_PATH } from '../support/records.mjs';

const listItem = (d, text) =>
  until(async () => (await allByRole(d, 'listitem', new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))).at(-1), `the reply “${text}”`);

export const tests = [
  {
    name: 'a posted reply is there after a reload',
    async run(b) {
      const d = b.driver;
      await b.open(POST_PATH);
      await ready(d);
      await byRole(d, 'heading', 'No thoughts yet. Be the first to share yours!');
      await fillComment(d, { comment: 'What a scene.', name: 'Maria', email: 'maria@example.com', website: 'maria.example' });
      await click(d, await byRole(d, 'button', 'Post Comment'));
      await listItem(d, 'What a scene.');
      await byRole(d, 'heading', 'One thought on “Miracle in cell no. 7”');
      await byRole(d, 'status', /Your comment was posted\./);
      const author = await byRole(d, 'link', 'Maria');
      assert.equal(await author.getAttribute('href'), 'https://maria.example/');
      assert.equal(await valueOf(d, 'Comment'), '');

      await b.reload();
      await ready(d);
      await listItem(d, 'What a scene.');
      await byRole(d, 'heading', 'One thought on “Miracle in cell no. 7”');
    },
  },
  {
    name: 'a draft survives a reload',
    async run(b) {
      const d = b.driver;
      await b.open(POST_PATH);
      await ready(d);
      await fillComment(d, { comment: 'Half a thought about Ova', name: 'Draft Author' });
      // Saved 250 ms after typing pauses.
      await new Promise((r) => setTimeout(r, 800));
      await b.reload();
      await ready(d);
      await until(async () => (await valueOf(d, 'Comment')) === 'Half a thought about Ova', 'the draft comment back');
      assert.equal(await valueOf(d, 'Name'), 'Draft Author');
    },
  },
  {
    name: 'a refused submit keeps the text and focuses the field at fault',
    async run(b) {
      const d = b.driver;
      await b.open(POST_PATH);
      await ready(d);
      await fillComment(d, { comment: 'Keep me', email: 'not-an-email' });
      await click(d, await byRole(d, 'button', 'Post Comment'));
      await until(async () => (await focused(d))?.id === 'author', 'the Name field focused');
      const name = await byRole(d, 'textbox', 'Name');
      assert.equal(await name.getAttribute('aria-invalid'), 'true');
      const described = await d.executeScript(
        (el) => (el.getAttribute('aria-describedby') || '').split(/\s+/).map((id) => document.getElementById(id)?.textContent.trim()).join(' '),
        name,
      );
      assert.match(described, /Please fill the required fields\./);
      await byRole(d, 'status', /Your comment was not posted\./);
      assert.equal(await valueOf(d, 'Comment'), 'Keep me');
      assert.equal(await valueOf(d, 'Email'), 'not-an-email');

      await fillComment(d, { comment: '', name: 'Ana', email: 'ana@example.com' });
      await click(d, await byRole(d, 'button', 'Post Comment'));
      await until(async () => (await focused(d))?.id === 'comment', 'the Comment field focused');
      await seeText(d, 'Please type your comment text.');
    },
  },
  {
    name: 'hostile text shows as text, never as markup',
    async run(b) {
      const d = b.driver;
      const markup = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold?</b>';
      const bidi = 'left \u202Eright-to-left override\u202C after';
      await b.open('/__engines/blank');
      await seed(d, [{ author: '<i>Mallory</i>', content: markup }]);
      await b.open(POST_PATH);
      await ready(d);
      const seeded = await listItem(d, 'bold?');
      // The stored markup is shown literally, and the javascript: website is no link.
      assert.ok((await seeded.getText()).includes(markup), await seeded.getText());
      assert.ok((await seeded.getText()).includes('<i>Mallory</i>'));
      const markupFound = await d.executeScript(
        (li) => [...li.querySelectorAll('.comment-content img, .comment-content script, .comment-content b, i')].map((el) => el.outerHTML),
        seeded,
      );
      assert.deepEqual(markupFound, []);

      // Typed into the form: the same.
      await paste(d, 'Comment', `${markup} ${bidi}`);
      await fillComment(d, { name: 'Eve', email: 'eve@example.com' });
      await click(d, await byRole(d, 'button', 'Post Comment'));
      const posted = await listItem(d, 'right-to-left override');
      const shown = await d.executeScript((li) => li.querySelector('.comment-content').textContent, posted);
      assert.ok(shown.includes(markup) && shown.includes(bidi), shown);
      assert.equal(await d.executeScript(() => window.__pwned ?? null), null);
    },
  },
  {
    name: 'a stored or imported website that is not http(s) never becomes a link',
    // Found by this suite (in every engine): a stored record (or an imported file)
    // with a `javascript:` website got a link; now only http(s) addresses do.
    async run(b) {
      const d = b.driver;
      await b.open('/__engines/blank');
      await seed(d, [{ author: 'Mallory', content: 'My website is a script.', url: 'javascript:alert(1)' }]);
      await b.open(POST_PATH);
      await ready(d);
      const item = await listItem(d, 'My website is a script.');
      const links = await d.executeScript((li) => [...li.querySelectorAll('a[href^="javascript:"]')].map((a) => a.outerHTML), item);
      assert.deepEqual(links, []);
    },
  },
];
