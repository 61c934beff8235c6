// The page as a new reader finds it: the post reads as the seed page does, and the
// Text / Video tabs work by mouse and keyboard, with a video the engine can play.
import assert from 'node:assert/strict';
import { click, byRole, allByRole, Key, ready, seeText, until } from './page.mjs';
import { POST_PATH } from '../support/records.mjs';

export const tests = [
  {
    name: 'the post reads as the seed page does',
    async run(b) {
      const d = b.driver;
      await b.open(POST_PATH);
      await ready(d);
      assert.match(await d.getTitle(), /Miracle in cell no\. 7/);
      await seeText(d, 'Person from Malta (John)');
      await byRole(d, 'heading', 'Miracle in cell no. 7', { level: 1 });
      const flag = await byRole(d, 'img', 'Malta');
      await until(() => d.executeScript((img) => img.complete && img.naturalWidth > 0, flag), 'the flag to load');
      await byRole(d, 'heading', 'The movie “Miracle in cell number seven” – John’s goosebump moment');
      for (const heading of ['A heartbreaking film', 'What is “Miracle in Cell No. 7” about?', 'A film of great popularity']) {
        await byRole(d, 'heading', heading, { level: 2 });
      }
      const facts = await byRole(d, 'complementary', /More about the movie/);
      const factsText = await facts.getText();
      assert.ok(factsText.includes('Yedinci Koğuştaki Mucize') && factsText.includes('Aras Bulut İynemli as Memo'), factsText);
      await seeText(d, 'Your email address will not be published. Required fields are marked *');
      const remember = await byRole(d, 'checkbox', 'Save my name, email, and website in this browser for the next time I comment.');
      assert.equal(await remember.isSelected(), false);
    },
  },
  {
    name: 'Text and Video switch by mouse and keyboard, the choice survives a reload, and the video loads',
    async run(b) {
      const d = b.driver;
      await b.open(POST_PATH);
      await ready(d);
      const text = await byRole(d, 'tab', 'Text');
      const video = await byRole(d, 'tab', 'Video');
      assert.equal(await text.getAttribute('aria-selected'), 'true');
      assert.match(await (await byRole(d, 'tabpanel', 'Text')).getText(), /Hello! My name is John Amato/);

      await click(d, video);
      await until(async () => (await video.getAttribute('aria-selected')) === 'true', 'Video selected');
      const panel = await byRole(d, 'tabpanel', 'Video');
      assert.equal((await allByRole(d, 'tabpanel', 'Text')).length, 0, 'the Text panel is hidden');
      const player = await panel.findElement({ css: 'video' });
      assert.ok(await player.isDisplayed());

      // Keyboard: arrows, Home and End move the selection and the focus.
      const keys = (k) => d.actions().sendKeys(k).perform();
      const activeName = () => d.executeScript(() => document.activeElement.textContent.trim());
      await keys(Key.ARROW_LEFT);
      await until(async () => (await activeName()) === 'Text' && (await text.getAttribute('aria-selected')) === 'true', 'ArrowLeft selects Text');
      await keys(Key.END);
      await until(async () => (await activeName()) === 'Video', 'End focuses Video');
      await keys(Key.HOME);
      await until(async () => (await text.getAttribute('aria-selected')) === 'true', 'Home selects Text');
      await keys(Key.ARROW_RIGHT);
      await until(async () => (await video.getAttribute('aria-selected')) === 'true', 'ArrowRight selects Video');

      // The engine picks a source it can play and reads its metadata (readyState ≥ 1).
      const state = await until(
        () => d.executeScript(() => {
          const v = document.querySelector('[role="tabpanel"] video');
          return v && v.readyState >= 1 && { readyState: v.readyState, src: v.currentSrc.replace(/^.*\//, ''), duration: v.duration };
        }),
        'the video to reach readyState ≥ 1 (HAVE_METADATA)',
        20_000,
      );
      b.note(`plays ${state.src} (readyState ${state.readyState}, ${state.duration.toFixed(1)} s)`);
      const types = await d.executeScript(() =>
        [...document.querySelectorAll('[role="tabpanel"] video source')].map((s) => [s.type, document.createElement('video').canPlayType(s.type)]),
      );
      b.note(`canPlayType: ${types.map(([t, can]) => `${t.split(';')[0]} → "${can}"`).join(', ')}`);
      assert.match(types[0][0], /^video\/mp4; codecs=/, 'the MP4 (H.264) source comes first');

      await b.reload();
      await ready(d);
      await until(async () => (await (await byRole(d, 'tab', 'Video')).getAttribute('aria-selected')) === 'true', 'Video still selected after a reload');
      await byRole(d, 'tabpanel', 'Video');
    },
  },
  {
    name: 'without requestIdleCallback (Safari) or navigator.serviceWorker (Firefox private windows) the page works and throws nothing',
    async run(b) {
      const d = b.driver;
      await b.fault('no-idle+no-sw');
      await b.open(POST_PATH);
      await ready(d);
      assert.deepEqual(
        await d.executeScript(() => [typeof window.requestIdleCallback, typeof navigator.serviceWorker]),
        ['undefined', 'undefined'],
      );
      await click(d, await byRole(d, 'tab', 'Video'));
      await byRole(d, 'tabpanel', 'Video');
      // The reader script ran (it started the app), and its registration gave up quietly.
      assert.ok(await d.executeScript(() => [...document.scripts].some((s) => /reader\.js$/.test(s.src))), 'reader.js is on the page');
    },
  },
];
