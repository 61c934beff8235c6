// The reader's choices: the interface language and the colour scheme, remembered.
import assert from 'node:assert/strict';
import { click, byRole, ready, until } from './page.mjs';
import { POST_PATH } from '../support/records.mjs';

export const tests = [
  {
    name: 'the language switch and the dark mode toggle work and are remembered',
    async run(b) {
      const d = b.driver;
      await b.open(POST_PATH);
      await ready(d);
      const lightBackground = await d.executeScript(() => getComputedStyle(document.body).backgroundColor);
      await click(d, await byRole(d, 'button', 'Español'));
      await byRole(d, 'button', 'Publicar el comentario');
      await click(d, await byRole(d, 'button', 'Modo oscuro'));
      await until(() => d.executeScript(() => document.documentElement.dataset.theme === 'dark'), 'data-theme="dark"');
      assert.equal(await (await byRole(d, 'button', 'Modo oscuro')).getAttribute('aria-pressed'), 'true');

      await b.reload();
      await byRole(d, 'button', 'Publicar el comentario', { timeout: 20_000 });
      assert.equal(await d.executeScript(() => document.documentElement.dataset.theme), 'dark');
      const background = await d.executeScript(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(background, 'rgb(18, 20, 23)');
      assert.notEqual(background, lightBackground);
      assert.equal(await d.executeScript(() => getComputedStyle(document.documentElement).colorScheme), 'dark');

      await click(d, await byRole(d, 'button', 'English'));
      await byRole(d, 'button', 'Post Comment');
      assert.equal(await d.executeScript(() => document.documentElement.lang), 'en');
    },
  },
];
