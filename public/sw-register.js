// Goosebumps: registers the service worker, so that after one visit the page opens
// with no network, and offers a quiet "A new version is available — Reload" bar
// when a new deployment has been installed and is waiting.
//
// Plain script, copied as it is to the public URL and added to the page after its
// first paint by the loader in Trunk.toml (so no request of it delays the text). sw.js, sw-prompt.css and the worker's scope are resolved against
// this file's own URL, so the same build works at / and under a sub-path (/sub/).
(() => {
  const script = document.currentScript;
  // Not `'serviceWorker' in navigator`: Firefox's private windows have the property
  // but its value is undefined (no service workers there), as may other browsers'.
  const workers = navigator.serviceWorker;
  if (!workers || !script) return;
  const here = script.src;

  let registration = null;
  let bar = null;
  // True once the reader pressed Reload: the next controller change reloads.
  let updating = false;
  // On the first visit the first worker takes control (clients.claim): no reload then.
  let hadController = Boolean(workers.controller);

  workers.addEventListener('controllerchange', () => {
    if (updating) {
      window.location.reload();
    } else if (hadController) {
      // Another tab switched to the new version: this one still runs the old one.
      offer();
    }
    hadController = true;
  });

  function register() {
    workers
      .register(new URL('sw.js', here), { scope: new URL('./', here).href })
      .then((reg) => {
        registration = reg;
        if (reg.waiting && workers.controller) offer();
        reg.addEventListener('updatefound', () => {
          const worker = reg.installing;
          if (!worker) return;
          worker.addEventListener('statechange', () => {
            // "installed" with a controller: a new version waits behind the current one.
            if (worker.state === 'installed' && workers.controller) offer();
          });
        });
      })
      .catch((error) => console.warn('Goosebumps: offline reading is not available:', error));
  }

  // Shows the bar once its stylesheet has loaded (it is only fetched when needed).
  function offer() {
    if (bar) return;
    bar = document.createElement('div');
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = new URL('sw-prompt.css', here).href;
    css.addEventListener('load', show, { once: true });
    css.addEventListener('error', show, { once: true });
    document.head.append(css);
  }

  // The bar's words in the interface language, which the app puts on <html lang>
  // (English, the page's language, until it runs). Kept here, not in the app's
  // catalogue, because this script runs without the app.
  const WORDS = {
    en: { message: 'A new version is available — ', reload: 'Reload' },
    es: { message: 'Hay una versión nueva disponible — ', reload: 'Recargar' },
  };
  function words() {
    const lang = (document.documentElement.lang || 'en').slice(0, 2).toLowerCase();
    return WORDS[lang] || WORDS.en;
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
      const said = words();
      button.textContent = said.reload;
      button.addEventListener('click', reload);
      message.append(said.message, button);
      bar.append(message);
    }, 100);
  }

  // Lets the waiting worker take over, then reloads (on controllerchange), so the
  // page never runs with a mix of old and new files.
  function reload() {
    const waiting = registration && registration.waiting;
    if (!waiting) {
      window.location.reload();
      return;
    }
    updating = true;
    waiting.postMessage({ type: 'SKIP_WAITING' });
    // Should the worker never take over (it became redundant), reload anyway.
    setTimeout(() => window.location.reload(), 5000);
  }

  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
})();
