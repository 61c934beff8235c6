// Before the app, in every engine (issue 25): a reading visit fetches no app code
// and its Text / Video tabs work by mouse and keyboard from reader.js alone; text
// typed while the app's code is on its way stays, keeps focus and becomes the app's
// draft; Post Comment pressed before the app posts exactly once when it is live.
// The proxy holds the app's `.wasm` back (site.holdCode) as a slow network would.
import assert from 'node:assert/strict';
import { click, byRole, allByRole, fillComment, focused, Key, ready, until, valueOf } from './page.mjs';
import { POST_PATH } from '../support/records.mjs';

/** The app's code the page has fetched (its `.wasm` and wasm-bindgen's JavaScript). */
const codeFetched = (d) =>
  d.executeScript(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => /\.wasm$|goosebumps-[0-9a-f]+\.js$/.test(p)),
  );
const appState = (d) => d.executeScript(() => document.documentElement.dataset.app ?? null);

/** Opens the post and runs `act` while the app's code is held back (the app on its way, not live); then lets it come and waits until it is live. */
async function beforeTheApp(b, site, act) {
  const d = b.driver;
  site.holdCode(true);
  try {
    await b.open(POST_PATH);
    await act(d);
    assert.equal(await appState(d), 'loading', 'the app is on its way, not live');
  } finally {
    site.holdCode(false);
  }
  await until(async () => (await appState(d)) === 'live', 'the app live (html[data-app=live])', 20_000);
}

export const tests = [
  {
    name: 'before the app: a reading visit fetches no app code, and the tabs work by mouse and keyboard',
    async run(b) {
      const d = b.driver;
      await b.open(POST_PATH);
      const text = await byRole(d, 'tab', 'Text');
      const video = await byRole(d, 'tab', 'Video');
      await click(d, video);
      await until(async () => (await video.getAttribute('aria-selected')) === 'true', 'Video selected');
      await byRole(d, 'tabpanel', 'Video');
      assert.equal((await allByRole(d, 'tabpanel', 'Text')).length, 0, 'the Text panel is hidden');
      const keys = (k) => d.actions().sendKeys(k).perform();
      await keys(Key.ARROW_LEFT);
      await until(async () => (await text.getAttribute('aria-selected')) === 'true' && (await focused(d))?.text === 'Text', 'ArrowLeft selects and focuses Text');
      await keys(Key.END);
      await until(async () => (await video.getAttribute('aria-selected')) === 'true', 'End selects Video');
      await byRole(d, 'tabpanel', 'Video');
      await new Promise((r) => setTimeout(r, 1000));
      assert.deepEqual(await codeFetched(d), [], 'no app code fetched');
      assert.equal(await appState(d), null, 'the app was not started');
    },
  },
  {
    name: 'typing before the app: the text stays, focus stays, and it becomes the app’s draft',
    async run(b, site) {
      const d = b.driver;
      await beforeTheApp(b, site, async () => {
        await (await byRole(d, 'textbox', 'Comment')).sendKeys('Typed before the app');
        assert.equal(await valueOf(d, 'Comment'), 'Typed before the app');
      });
      await until(async () => (await valueOf(d, 'Comment')) === 'Typed before the app', 'the text in the app’s form');
      assert.equal((await focused(d))?.id, 'comment', 'focus is still in the comment box');
      // The app's draft now: back after a reload.
      await new Promise((r) => setTimeout(r, 800));
      await b.reload();
      await ready(d);
      await until(async () => (await valueOf(d, 'Comment')) === 'Typed before the app', 'the draft after a reload');
    },
  },
  {
    name: 'Post Comment pressed before the app posts exactly once when it is live',
    async run(b, site) {
      const d = b.driver;
      await beforeTheApp(b, site, async () => {
        await fillComment(d, { comment: 'Posted before the app was there', name: 'Ana', email: 'ana@example.com' });
        const submit = await byRole(d, 'button', 'Post Comment');
        await click(d, submit);
        await click(d, submit);
      });
      const posted = () => d.executeScript(() => [...document.querySelectorAll('.comment-content')].filter((c) => c.textContent.includes('Posted before the app was there')).length);
      await until(async () => (await posted()) === 1, 'the reply posted');
      await byRole(d, 'heading', 'One thought on “Miracle in cell no. 7”');
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(await posted(), 1, 'posted once');
      await b.reload();
      await ready(d);
      await until(async () => (await posted()) === 1, 'one reply after a reload');
    },
  },
];
