// The error collector. WebDriver (classic) has no init scripts, and a script run with
// executeScript after navigation comes too late for the page's first errors; the
// strict CSP refuses any inline script we could add. So the test server (server.mjs)
// adds one *external* script, this probe, as the first script of every page (right
// after the CSP <meta>, allowed by script-src 'self'). It runs before the page's own
// scripts and records, into `window.__engineProblems`:
//   - uncaught exceptions (`error` on window) and failed loads of scripts, styles,
//     images and media (`error` in the capture phase, from their elements);
//   - unhandled promise rejections (`unhandledrejection`);
//   - Content-Security-Policy violations (`securitypolicyviolation`, both the
//     <meta> and the header policy);
//   - console.error calls (Rust panics reach the console through it).
// The suite reads the list before every navigation and after every test, and fails
// the test on any entry. Limits: messages the browser itself writes to its console
// without an event (e.g. a warning about a header it does not know), errors inside
// the service worker, and errors after the last read of a page that is then left
// are not seen. Geckodriver and WebKitWebDriver have no log endpoint to add them.
//
// The probe also sets up the storage faults the page must survive, when the test
// asks for one with the `engines-fault` cookie (words joined by `+`): `blocked`
// (localStorage throws SecurityError, as with cookies blocked), `no-idle` (no
// requestIdleCallback, as in Safari), `no-sw` (navigator.serviceWorker undefined, as
// in Firefox's private windows).
export const PROBE_PATH = '/__engines/probe.js';

export const PROBE_SOURCE = `(() => {
  const problems = (window.__engineProblems = []);
  const where = (e) => (e.filename ? ' at ' + e.filename + ':' + e.lineno : '');
  addEventListener('error', (e) => {
    if (e.target && e.target !== window) {
      const t = e.target;
      // A <source> the engine cannot play fires "error" and the next one is tried
      // (Firefox without H.264 skips the MP4 so): only a video left with no source
      // at all is a problem (checked when the list is read).
      if (t.localName === 'source') return;
      problems.push('failed to load <' + (t.localName || '?') + '> ' + (t.currentSrc || t.src || t.href || ''));
    } else {
      problems.push('uncaught: ' + (e.error && e.error.stack ? e.error.stack.split('\\n')[0] : e.message) + where(e));
    }
  }, true);
  addEventListener('unhandledrejection', (e) => problems.push('unhandled rejection: ' + String(e.reason && (e.reason.stack || e.reason))));
  document.addEventListener('securitypolicyviolation', (e) => {
    problems.push('CSP violation: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || '(none)') + (e.sourceFile ? ' at ' + e.sourceFile + ':' + e.lineNumber : ''));
  }, true);
  const error = console.error;
  console.error = function (...args) {
    problems.push('console error: ' + args.map((a) => (a && a.stack) || String(a)).join(' '));
    return error.apply(this, args);
  };
  const faults = (/(?:^|; )engines-fault=([^;]*)/.exec(document.cookie) || [])[1] || '';
  // Safari has no requestIdleCallback; Firefox's private windows no service worker.
  if (faults.includes('no-idle')) {
    delete window.requestIdleCallback;
    delete window.cancelIdleCallback;
    delete Window.prototype.requestIdleCallback;
    delete Window.prototype.cancelIdleCallback;
  }
  if (faults.includes('no-sw')) {
    Object.defineProperty(Navigator.prototype, 'serviceWorker', { configurable: true, get() { return undefined; } });
  }
  if (faults.includes('blocked')) {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  }
})();
`;

/** The problems the page recorded since it loaded (and empties the list); null if no probe ran. */
export async function takeProblems(driver) {
  return driver.executeScript(() => {
    const list = window.__engineProblems;
    if (!list) return null;
    for (const media of document.querySelectorAll('video, audio')) {
      // NETWORK_NO_SOURCE after trying every <source>, or a decoding error.
      if (media.networkState === 3 && media.querySelector('source')) list.push(`no playable <source> in <${media.localName}>`);
      if (media.error) list.push(`media error ${media.error.code}: ${media.error.message}`);
    }
    return list.splice(0, list.length);
  });
}
