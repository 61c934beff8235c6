import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_FLAGS } from '../support/browsers.mjs';

// End-to-end tests against the release build (dist/, dist-sub/) served as static
// files, in Debian's Chromium (Playwright never downloads a browser here).
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results',
  timeout: 30_000,
  fullyParallel: true,
  workers: 2,
  // One retry, reported as "flaky" in the output (never silent): two paging tests
  // (comment-pages.spec "a page link opens that page… Back returns", comments.spec
  // "pages of 50 threads, a permalink to page 2") sometimes miss a page link clicked
  // just as the app goes live; open work, named in the session-8 closing note.
  retries: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [...CHROMIUM_FLAGS, '--autoplay-policy=no-user-gesture-required'],
    },
  },
  webServer: {
    command: `node tests/e2e/serve.mjs`,
    cwd: '../..',
    env: { PORT: String(port) },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
  },
});
