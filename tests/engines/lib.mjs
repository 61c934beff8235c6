// Start-up of each engine's WebDriver session: stock Firefox ESR through geckodriver,
// and WebKitGTK's MiniBrowser through WebKitWebDriver under a virtual X display
// (xvfb-run: MiniBrowser has no headless mode). The drivers are started here, by path,
// and selenium-webdriver only connects to them (so its Selenium Manager never runs
// and nothing is downloaded).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder } from 'selenium-webdriver';
import { takeProblems } from './problems.mjs';
import { POST_PATH } from '../support/records.mjs';
import { freePort } from '../support/ports.mjs';

process.env.SE_OFFLINE = 'true';

export const FIREFOX = '/usr/bin/firefox-esr';
export const GECKODRIVER = process.env.GECKODRIVER ?? join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin', 'geckodriver');
export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const XVFB_RUN = '/usr/bin/xvfb-run';

async function waitForDriver(url, child, name) {
  const deadline = Date.now() + 30_000;
  let exited = null;
  child.once('exit', (code) => (exited = code));
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`${name} exited (${exited}) before it was ready`);
    try {
      const res = await fetch(`${url}/status`);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not answer at ${url} within 30 s`);
}

/**
 * The engines. Each `session(options)` starts a driver and a browser and resolves to
 * a selenium WebDriver; options: `storage: 'blocked'` (the engine's real setting),
 * `downloads` (a folder, where the engine lets us choose).
 */
export const ENGINES = {
  firefox: {
    name: 'Firefox',
    available: () => existsSync(FIREFOX) && existsSync(GECKODRIVER),
    missing: `${FIREFOX} and ${GECKODRIVER} (apt-get install firefox-esr; cargo install geckodriver --locked)`,
    // Even headless, Firefox's window keeps a toolbar and is ≥ 500 px wide; without
    // them (userChrome.css, below) the viewport can be as narrow as a phone's.
    minWidth: 0,
    // Service workers run under Marionette, on http://127.0.0.1 (a secure context).
    serviceWorkers: true,
    realStorageBlock: true,
    async session({ storage, downloads } = {}) {
      const port = await freePort();
      const child = spawn(GECKODRIVER, ['--host', '127.0.0.1', '--port', String(port), '--log', 'error'], {
        stdio: 'ignore',
      });
      const url = `http://127.0.0.1:${port}`;
      await waitForDriver(url, child, 'geckodriver');
      const prefs = {
        'intl.accept_languages': 'en-US, en',
        'browser.download.folderList': 2,
        'browser.download.dir': downloads ?? mkdtempSync(join(tmpdir(), 'engines-dl-')),
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.helperApps.neverAsk.saveToDisk': 'application/json',
        // Light until the page is told otherwise (the dark-mode test presses the button).
        'layout.css.prefers-color-scheme.content-override': 1,
        'media.autoplay.default': 0,
        'toolkit.legacyUserProfileCustomizations.stylesheets': true,
      };
      // Cookies (and so site storage) blocked: localStorage throws SecurityError.
      if (storage === 'blocked') prefs['network.cookie.cookieBehavior'] = 2;
      const driver = await new Builder()
        .usingServer(url)
        .withCapabilities({
          browserName: 'firefox',
          'moz:firefoxOptions': { binary: FIREFOX, args: ['-headless', '-profile', bareProfile()], prefs },
        })
        .build();
      return withCleanup(driver, () => child.kill());
    },
  },
  webkit: {
    name: 'WebKit',
    available: () => existsSync(WEBKIT_DRIVER) && existsSync(MINIBROWSER) && existsSync(XVFB_RUN),
    missing: `${WEBKIT_DRIVER}, ${MINIBROWSER} and ${XVFB_RUN} (apt-get install webkit2gtk-driver xvfb)`,
    // MiniBrowser's toolbar keeps its window ≥ 447 px wide; shrunk to nothing by a
    // GTK stylesheet (below), the window (and the viewport) can be as narrow as a phone.
    minWidth: 0,
    serviceWorkers: true,
    realStorageBlock: true,
    async session({ storage } = {}) {
      const port = await freePort();
      // Its own process group, so the X server xvfb-run starts goes with it.
      const child = spawn(XVFB_RUN, ['-a', '-s', '-screen 0 1920x1200x24', WEBKIT_DRIVER, `--port=${port}`], {
        stdio: 'ignore',
        detached: true,
        env: { ...process.env, LANG: 'C.UTF-8', LANGUAGE: 'en_US', XDG_CONFIG_HOME: tinyToolbar() },
      });
      const url = `http://127.0.0.1:${port}`;
      await waitForDriver(url, child, 'WebKitWebDriver');
      // --automation, or the session never starts; local storage off is the real block.
      const args = ['--automation'];
      if (storage === 'blocked') args.push('--enable-html5-local-storage=false');
      const driver = await new Builder()
        .usingServer(url)
        .withCapabilities({
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args },
        })
        .build();
      return withCleanup(driver, () => {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {}
      });
    },
  },
};

/** A fresh Firefox profile whose userChrome.css hides the toolbars and the minimum window size. */
function bareProfile() {
  const dir = mkdtempSync(join(tmpdir(), 'engines-firefox-'));
  mkdirSync(join(dir, 'chrome'));
  writeFileSync(
    join(dir, 'chrome', 'userChrome.css'),
    ':root, window { min-width: 0 !important; min-height: 0 !important; }\n#navigator-toolbox { display: none !important; }\n',
  );
  writeFileSync(join(dir, 'user.js'), 'user_pref("toolkit.legacyUserProfileCustomizations.stylesheets", true);\n');
  return dir;
}

/** A GTK config folder whose stylesheet shrinks MiniBrowser's toolbar to a sliver. */
function tinyToolbar() {
  const dir = mkdtempSync(join(tmpdir(), 'engines-gtk-'));
  mkdirSync(join(dir, 'gtk-3.0'));
  writeFileSync(
    join(dir, 'gtk-3.0', 'gtk.css'),
    '* { min-width: 0; min-height: 0; padding: 0; margin: 0; font-size: 1px; -gtk-icon-transform: scale(0.01); }\n',
  );
  return dir;
}

async function waitFor(fn, what, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function withCleanup(driver, stop) {
  const quit = driver.quit.bind(driver);
  driver.quit = async () => {
    try {
      await Promise.race([quit(), new Promise((r) => setTimeout(r, 10_000))]);
    } finally {
      stop();
    }
  };
  return driver;
}

/** The engines to run: ENGINES=firefox,webkit (default: both). */
export function selectedEngines() {
  const names = (process.env.ENGINES ?? 'firefox,webkit').split(',').map((s) => s.trim()).filter(Boolean);
  return names.map((name) => {
    const engine = ENGINES[name];
    if (!engine) throw new Error(`unknown engine ${name}: firefox or webkit`);
    return { id: name, ...engine };
  });
}

/**
 * A browser for the tests of one engine: one session, reused; `open(path)` loads a
 * page after taking the problems of the one before, `problems()` gathers them all.
 */
export class Browser {
  constructor(engine, driver, origin) {
    this.engine = engine;
    this.driver = driver;
    this.origin = origin;
    this.seen = [];
  }

  async collect() {
    try {
      const list = await takeProblems(this.driver);
      if (list) this.seen.push(...list);
    } catch {}
  }

  /** Loads `path` (after recording the current page's problems). */
  async open(path = POST_PATH) {
    await this.collect();
    await this.driver.get(new URL(path, this.origin).href);
  }

  /**
   * Reloads as the reader's reload button does: `location.reload()` from the page.
   * Not WebDriver's Refresh: geckodriver's bypasses the service worker (offline it
   * reaches Firefox's error page while a reader's reload gets the cached page).
   */
  async reload() {
    await this.collect();
    await this.driver.executeScript(() => {
      window.__engineOldPage = true;
      setTimeout(() => location.reload(), 0);
    });
    await waitFor(
      () => this.driver.executeScript(() => !window.__engineOldPage && document.readyState !== 'loading').catch(() => false),
      'the reloaded page',
    );
  }

  /** Every problem recorded since the last call, and forgets them. */
  async problems() {
    await this.collect();
    return this.seen.splice(0, this.seen.length);
  }

  /** A clean start: the site's storage and cookies gone, no page of it open. */
  async reset() {
    await this.collect();
    this.seen = [];
    await this.driver.get(new URL('/__engines/blank', this.origin).href).catch(() => {});
    await this.driver.manage().deleteAllCookies().catch(() => {});
    await this.driver
      .executeAsyncScript((done) => {
        try {
          localStorage.clear();
        } catch {}
        const workers = navigator.serviceWorker
          ? navigator.serviceWorker.getRegistrations().then((all) => Promise.all(all.map((r) => r.unregister())))
          : Promise.resolve();
        const caches = self.caches ? self.caches.keys().then((keys) => Promise.all(keys.map((k) => self.caches.delete(k)))) : Promise.resolve();
        Promise.all([workers, caches]).then(() => done(), () => done());
      })
      .catch(() => {});
  }

  async setSize(width, height) {
    await this.driver.manage().window().setRect({ width, height });
  }
}
