// After one visit, the page opens and takes replies with no network (the service
// worker). "No network" here: the test server drops every connection of the site.
import assert from 'node:assert/strict';
import { click, allByRole, byRole, fillComment, ready, until } from './page.mjs';
import { POST_PATH } from '../support/records.mjs';

export const tests = [
  {
    name: 'after one visit the page opens and takes replies with no network',
    skip: (engine) => !engine.serviceWorkers && `${engine.name} runs no service worker under automation`,
    async run(b, site) {
      const d = b.driver;
      await b.open(POST_PATH);
      await ready(d);
      const scope = await until(
        () => d.executeAsyncScript((done) => {
          if (!navigator.serviceWorker) return done('no navigator.serviceWorker');
          navigator.serviceWorker.ready.then((r) => done(navigator.serviceWorker.controller ? r.scope : null), (e) => done(String(e)));
          setTimeout(() => done(null), 2000);
        }),
        'the service worker to control the page',
        30_000,
      );
      assert.equal(new URL(scope).pathname, '/', `scope ${scope}`);

      site.setOffline(true);
      try {
        const probe = await d.executeAsyncScript((done) => fetch('/favicon.svg?not-precached').then(() => done('online'), () => done('offline')));
        assert.equal(probe, 'offline', 'really offline');
        // The probe's fetch failed on purpose: not a problem of the page.
        await b.problems();
        await b.reload();
        await ready(d);
        await byRole(d, 'heading', 'Miracle in cell no. 7', { level: 1 });
        await byRole(d, 'heading', 'A heartbreaking film', { level: 2 });
        const flag = await byRole(d, 'img', 'Malta');
        assert.ok(await d.executeScript((img) => img.complete && img.naturalWidth > 0, flag), 'the flag came from the cache');
        await fillComment(d, { comment: 'Written on a train, offline.', name: 'Offline', email: 'offline@example.com' });
        await click(d, await byRole(d, 'button', 'Post Comment'));
        await until(async () => (await allByRole(d, 'listitem', /Written on a train, offline\./)).length > 0, 'the offline reply');
      } finally {
        site.setOffline(false);
      }
      await b.reload();
      await ready(d);
      await until(async () => (await allByRole(d, 'listitem', /Written on a train, offline\./)).length > 0, 'the offline reply, back online');
    },
  },
];
