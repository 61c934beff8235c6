// Goosebumps: the quiet "A new version is available — Reload" bar. Loaded by
// reader.js only when a new deployment's service worker is installed and waits
// behind the one serving this page (or another tab switched to it), so a reading
// visit never fetches it. Its stylesheet (sw-prompt.css) and the worker's scope
// are resolved against this file's own URL (/ or a sub-path such as /sub/).
(() => {
  const here = document.currentScript.src;
  const workers = navigator.serviceWorker;
  // The bar's words in the interface language, which the app puts on <html lang>
  // (English, the page's language, until it runs).
  const es = document.documentElement.lang === 'es';
  const bar = document.createElement('div');

  // Lets the waiting worker take over, then reloads (reader.js does, on
  // controllerchange), so the page never runs with a mix of old and new files.
  async function reload() {
    const registration = await workers.getRegistration(new URL('./', here).href);
    const waiting = registration && registration.waiting;
    if (!waiting) {
      window.location.reload();
      return;
    }
    window.goosebumpsUpdating = true;
    waiting.postMessage({ type: 'SKIP_WAITING' });
    // Should the worker never take over (it became redundant), reload anyway.
    setTimeout(() => window.location.reload(), 5000);
  }

  function show() {
    bar.className = 'sw-update';
    bar.setAttribute('role', 'status');
    document.body.append(bar);
    // Filled in after the (empty) live region is in the page, so it is announced.
    setTimeout(() => {
      const message = document.createElement('p');
      message.className = 'sw-update-message';
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = es ? 'Recargar' : 'Reload';
      button.addEventListener('click', reload);
      message.append(es ? 'Hay una versión nueva disponible — ' : 'A new version is available — ', button);
      bar.append(message);
    }, 100);
  }

  // Shown once its stylesheet has loaded (only fetched when needed).
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = new URL('sw-prompt.css', here).href;
  css.addEventListener('load', show, { once: true });
  css.addEventListener('error', show, { once: true });
  document.head.append(css);
})();
