// When the browser's storage fails: blocked by the engine's own setting (Firefox with
// cookies blocked; WebKit with local storage off), and full (filled to the quota).
import assert from 'node:assert/strict';
import { click, allByRole, byRole, fillComment, ready, seed, until, valueOf } from './page.mjs';
import { POST_PATH } from '../support/records.mjs';

const BLOCKED = 'Your browser is blocking storage for this site, so replies are kept only until this tab is closed.';
const FULL = "Your browser's storage for this site is full, so this reply was not saved.";

export const tests = [
  {
    name: 'storage blocked (the engine’s own setting): the page works, says so, and posting works',
    // Its own session: the engine is started with storage off.
    session: { storage: 'blocked' },
    async run(b) {
      const d = b.driver;
      await b.open(POST_PATH);
      await ready(d);
      const storage = await d.executeScript(() => {
        try {
          return window.localStorage === null ? 'null' : typeof window.localStorage.length;
        } catch (e) {
          return e.name;
        }
      });
      b.note(`window.localStorage with storage blocked: ${storage}`);
      assert.notEqual(storage, 'number', 'storage is really blocked');
      await byRole(d, 'heading', 'Miracle in cell no. 7', { level: 1 });
      await until(async () => (await allByRole(d, 'status', BLOCKED)).length + (await allByRole(d, 'alert', BLOCKED)).length > 0 ||
        (await d.executeScript((t) => document.body.innerText.includes(t), BLOCKED)), 'the storage-blocked notice');

      await fillComment(d, { comment: 'Kept in memory only', name: 'Nomad', email: 'nomad@example.com' });
      await click(d, await byRole(d, 'button', 'Post Comment'));
      await until(async () => (await allByRole(d, 'listitem', /Kept in memory only/)).length > 0, 'the reply shown');
      await byRole(d, 'heading', 'One thought on “Miracle in cell no. 7”');
      await click(d, await byRole(d, 'tab', 'Video'));
      await until(async () => (await (await byRole(d, 'tab', 'Video')).getAttribute('aria-selected')) === 'true', 'Video selected');
    },
  },
  {
    name: 'storage full: the reply is not saved, the reader is told, the text stays, nothing stored is lost',
    async run(b) {
      const d = b.driver;
      await b.open('/__engines/blank');
      await seed(d, [
        { author: 'Reader', content: 'Stored before the storage filled up, one' },
        { author: 'Reader', content: 'Stored before the storage filled up, two' },
      ]);
      await b.open(POST_PATH);
      await ready(d);
      await byRole(d, 'heading', '2 thoughts on “Miracle in cell no. 7”');
      const before = await d.executeScript(() => Object.keys(localStorage).filter((k) => k.startsWith('goosebumps/')).sort().map((k) => [k, localStorage.getItem(k)]));
      const fill = await d.executeScript(() => {
        let size = 1 << 20;
        let n = 0;
        let error = '';
        while (size >= 1) {
          try {
            localStorage.setItem(`filler/${n}`, 'x'.repeat(size));
            n++;
          } catch (e) {
            error = `${e.name} (${e.code})`;
            size = Math.floor(size / 2);
          }
        }
        return { n, error };
      });
      b.note(`filled storage with ${fill.n} values; the engine threw ${fill.error}`);
      assert.ok(fill.n > 0);

      const text = 'This reply will not fit';
      await fillComment(d, { comment: text, name: 'Full', email: 'full@example.com' });
      await click(d, await byRole(d, 'button', 'Post Comment'));
      await byRole(d, 'status', new RegExp(FULL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      assert.equal(await valueOf(d, 'Comment'), text);
      assert.equal(await valueOf(d, 'Name'), 'Full');
      assert.equal((await allByRole(d, 'listitem', /This reply will not fit/)).length, 0);
      await byRole(d, 'heading', '2 thoughts on “Miracle in cell no. 7”');
      const after = await d.executeScript(() => Object.keys(localStorage).filter((k) => k.startsWith('goosebumps/') && !k.startsWith('goosebumps/v1/draft/')).sort().map((k) => [k, localStorage.getItem(k)]));
      assert.deepEqual(after, before.filter(([k]) => !k.startsWith('goosebumps/v1/draft/')));
      await d.executeScript(() => localStorage.clear());
    },
  },
];
