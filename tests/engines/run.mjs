// The cross-engine suite: the release build (dist/), served as static files with
// its `_headers` applied, in stock Firefox ESR and WebKitGTK (Safari's engine),
// driven through WebDriver. `cargo xtask test` runs it after the Playwright suite:
//
//   node --test tests/engines/run.mjs             (both engines)
//   ENGINES=webkit node --test tests/engines/run.mjs
//
// Each engine gets one browser session for most tests (each test starts from a
// clean origin: no storage, cookies or service worker), and its own session for a
// test that needs the engine started otherwise (storage blocked). Every test fails
// on a JS error, an unhandled rejection or a CSP violation (problems.mjs).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Browser, selectedEngines } from './lib.mjs';
import { startSite } from './server.mjs';
import { tests as reading } from './reading.mjs';
import { tests as replies } from './replies.mjs';
import { tests as settings } from './settings.mjs';
import { tests as faults } from './faults.mjs';
import { tests as files } from './files.mjs';
import { tests as offline } from './offline.mjs';
import { tests as early } from './early.mjs';

const root = resolve(import.meta.dirname, '..', '..');
// ONLY=<regex> runs the tests whose name matches (while working on one).
const only = process.env.ONLY ? new RegExp(process.env.ONLY, 'i') : null;
const TESTS = [...reading, ...early, ...replies, ...settings, ...faults, ...files, ...offline].filter((t) => !only || only.test(t.name));

let site;
before(async () => {
  assert.ok(existsSync(join(root, 'dist', 'index.html')), 'dist/ is built (cargo xtask dist)');
  site = await startSite({ port: Number(process.env.ENGINES_PORT ?? 4273) });
});
after(() => site?.stop());

for (const engine of selectedEngines()) {
  describe(engine.name, { skip: !engine.available() && `missing ${engine.missing}` }, () => {
    let browser;
    const start = async (options = {}) => {
      const downloads = engine.id === 'firefox' ? mkdtempSync(join(tmpdir(), `engines-${engine.id}-`)) : null;
      const driver = await engine.session({ ...options, downloads });
      const b = new Browser(engine, driver, site.origin);
      b.downloads = downloads;
      await b.setSize(1280, 900);
      return b;
    };
    before(async () => {
      browser = await start();
    });
    after(() => browser?.driver.quit());

    for (const test of TESTS) {
      const skip = test.skip?.(engine) || false;
      it(test.name, { skip, todo: test.todo?.(engine) || false, timeout: 120_000 }, async (t) => {
        const own = test.session ? await start(test.session) : null;
        const b = own ?? browser;
        b.note = (message) => t.diagnostic(`${engine.name}: ${message}`);
        b.fault = (words) => b.driver.manage().addCookie({ name: 'engines-fault', value: words });
        try {
          await b.reset();
          await test.run(b, site, t);
          assert.deepEqual(await b.problems(), [], 'no JS errors, unhandled rejections or CSP violations');
        } finally {
          if (own) await own.driver.quit();
          else await b.reset().catch(() => {});
        }
      });
    }
  });
}
