// Goosebumps' reader script: the one script a reading visit loads (plain, copied
// as it is; docs/architecture.md, "How the page comes alive"). Before the app:
// - the Text/Video tabs (keys too), dark mode, the video and its YouTube facade
//   work, with the app's words, states and stored choices (goosebumps/v1/…);
// - the reply form is a plain form: what is typed stays, is kept for a reload
//   (early/<post>), and is typed into the app's form once it is live (the app
//   saves it as its draft), focus and caret kept; Post Comment, Reply, Export…
//   pressed early act then, once;
// - the app (Trunk's loader, Trunk.toml) starts on intent: pointer, touch or
//   focus on the form, a comment's or the tools' controls, the language switch;
//   at once if this browser holds something of this post, another language, or
//   a link to what the build did not render;
// - the service worker is registered (sw-update.js: the "new version" bar).
(() => {
  const d = document;
  const root = d.documentElement;
  const here = d.currentScript.src;
  const page = d.getElementById('prerendered');
  const post = page && page.dataset.post;
  const K = 'goosebumps/v1/';
  let local;
  try {
    local = localStorage;
  } catch {}
  const get = (k) => {
    try {
      return local.getItem(K + k);
    } catch {}
  };
  // (No value: removed.)
  const set = (k, v) => {
    try {
      v == null ? local.removeItem(K + k) : local.setItem(K + k, v);
    } catch {}
  };
  const json = (t) => {
    try {
      return JSON.parse(t);
    } catch {}
  };
  const $ = (s, r = d) => r.querySelector(s);
  const on = (type, f) => d.addEventListener(type, f, true);

  // Framed by another site, nothing acts (see components::mount).
  const framed = () => {
    try {
      for (let w = window; w !== w.parent; w = w.parent) w.parent.location.href;
    } catch {
      return true;
    }
  };
  if (framed()) {
    console.warn("Goosebumps: this page is framed by another site's page: it reads, but its controls do not start");
    for (const c of d.querySelectorAll('[data-live] :is(button,input,textarea,select)')) c.disabled = true;
    return;
  }

  // The build-time parts; an event acts here only while its part is one of them.
  const built = new Set(d.querySelectorAll('[data-live]'));
  const early = (el) => !!el && el.isConnected && built.has(el.closest('[data-live]'));

  // Dark mode: the choice, else the system's.
  const dark = $('[data-live=settings] [aria-pressed]');
  const theme = (t) => {
    if (t) root.dataset.theme = t;
    if (dark) dark.setAttribute('aria-pressed', t ? t === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches);
  };
  theme(get('theme'));

  // The Text/Video tabs (WAI-ARIA), their panels, the stored view.
  const tabs = ['text', 'video'].map((v) => d.getElementById('tab-' + v));
  const choose = (view, focus) => {
    set('view/' + post, view);
    for (const tab of tabs) {
      const shown = tab.id === 'tab-' + view;
      tab.setAttribute('aria-selected', shown);
      tab.tabIndex = shown ? 0 : -1;
      const panel = d.getElementById(tab.getAttribute('aria-controls'));
      panel.hidden = !shown;
      const player = $('template', panel);
      if (shown && player && !('filled' in panel.dataset)) {
        panel.append(player.content.cloneNode(true));
        panel.dataset.filled = '';
      }
      if (shown && focus) tab.focus();
    }
  };
  if (tabs[0] && get('view/' + post) === 'video') choose('video');

  // The reply form: filled as the app would fill it, kept for a reload.
  const form = d.getElementById('commentform');
  const fields = ['comment', 'author', 'email', 'url'];
  const keep = () => {
    if (!early(form)) return;
    const draft = { remember: form['wp-comment-cookies-consent'].checked };
    for (const f of fields) draft[f] = form[f].value;
    set('early/' + post, JSON.stringify(draft));
  };
  if (post && form) {
    const kept = json(get('early/' + post));
    const saved = kept || json(get(`draft/${post}/new`));
    const who = json(get('identity'));
    const fill = saved || (who && { ...who, remember: true });
    if (fill) {
      for (const f of fields) if (fill[f]) form[f].value = fill[f];
      form['wp-comment-cookies-consent'].checked = !!fill.remember;
    }
    if (kept) form.dataset.early = '';
  }
  let timer;
  let focused;
  on('focusin', (e) => early(e.target) && (focused = e.target));
  on('input', (e) => {
    if (form && e.target.form === form && early(form)) {
      form.dataset.early = '';
      clearTimeout(timer);
      timer = setTimeout(keep, 250);
    } else e.target.typed = 1;
  });
  addEventListener('pagehide', () => form && 'early' in form.dataset && keep());

  // Starting the app: Trunk's loader listens (or reads the flag if it runs later).
  let wanted;
  const want = () => {
    if (wanted) return;
    wanted = window.goosebumpsWanted = true;
    root.dataset.app = 'loading';
    new MutationObserver(act).observe(page, { childList: true, subtree: true });
    dispatchEvent(new Event('goosebumps:intent'));
  };

  // What was pressed early, done once its part is live: the same control (found
  // by the nearest id and its place there) is clicked, or given its value.
  const pending = [];
  const same = (at, tag) => [...at.querySelectorAll(tag)].filter((x) => x.parentElement.closest('[id]') === at);
  const later = (el, act) => {
    const at = el.id ? el : el.parentElement.closest('[id]');
    pending.push({ part: el.closest('[data-live]'), id: at.id, tag: el.localName, n: el === at ? -1 : same(at, el.localName).indexOf(el), act });
    want();
  };
  let started;
  addEventListener('TrunkApplicationStarted', () => act((started = 1)));
  // After the app's own first writes (a task later): the typed text, then focus.
  const act = () => setTimeout(live);
  function live() {
    const f = d.getElementById('commentform');
    if (form && !form.isConnected && !form.moved && f) {
      form.moved = 1;
      if ('early' in form.dataset) {
        for (const n of [...fields, 'wp-comment-cookies-consent']) {
          const [a, b] = [form[n], f[n]];
          // (What was typed into the app's field since it came stays.)
          if (b.typed);
          else if (a.type === 'checkbox') a.checked !== b.checked && b.click();
          else if (a.value !== b.value) {
            b.value = a.value;
            b.dispatchEvent(new Event('input', { bubbles: true }));
          }
        }
        set('early/' + post);
      }
    }
    const n = focused && !focused.isConnected && d.getElementById(focused.id);
    if (n) {
      n.focus();
      if (n.setSelectionRange && focused.value === n.value) n.setSelectionRange(focused.selectionStart, focused.selectionEnd);
      focused = 0;
    }
    for (const p of [...pending]) {
      if (p.part.isConnected) continue;
      pending.splice(pending.indexOf(p), 1);
      const at = d.getElementById(p.id);
      const el = at && (p.n < 0 ? at : same(at, p.tag)[p.n]);
      if (el) p.act(el);
    }
    const comments = $('[data-live=comments]');
    if (started && !early(comments)) root.dataset.app = 'live';
  }

  on('click', (e) => {
    const t = e.target.closest('button, label');
    if (!t || !early(t)) return;
    if (t === dark) {
      theme(t.getAttribute('aria-pressed') === 'true' ? 'light' : 'dark');
      set('theme', root.dataset.theme);
    } else if (t.lang && t.closest('[data-live=settings]')) {
      // The language: stored, so the app starts in it; pressed again, back.
      t.ariaBusy = t.ariaBusy ? null : 'true';
      set('lang', t.ariaBusy ? t.lang : root.lang);
      want();
    } else if (t.role === 'tab') {
      choose(t.id.slice(4));
    } else if (t.matches('.transcript-link button')) {
      tabs[0].click();
      tabs[0].focus();
    } else if (t.matches('.video-facade')) {
      const f = d.createElement('iframe');
      Object.assign(f, { src: t.dataset.embed, title: t.dataset.title, width: 640, height: 360, allowFullscreen: true, referrerPolicy: 'strict-origin-when-cross-origin' });
      f.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
      t.replaceWith(f);
    } else if (t.closest('[data-live=comments]') && t.type !== 'submit' && !t.htmlFor) {
      e.preventDefault();
      t.ariaBusy = 'true';
      later(t, (x) => x.click());
    }
  });
  on('keydown', (e) => {
    const list = e.target.closest('[role=tablist]');
    const next = { ArrowLeft: 1, ArrowRight: 1, Home: 'text', End: 'video' }[e.key];
    if (!list || !early(list) || !next) return;
    e.preventDefault();
    choose(next === 1 ? (tabs[0].ariaSelected === 'true' ? 'video' : 'text') : next, true);
  });
  on('submit', (e) => {
    if (e.target !== form || !early(form)) return;
    e.preventDefault();
    keep();
    if ('posting' in form.dataset) return;
    form.dataset.posting = '';
    $('.form-status', form).textContent = 'Posting…';
    later(form, (f) => f.requestSubmit());
  });
  // The app could not be fetched (offline before any visit that wrote).
  addEventListener('goosebumps:unavailable', () => {
    wanted = window.goosebumpsWanted = false;
    if (!early(form) || $('.early-offline', form)) return;
    const note = d.createElement('p');
    Object.assign(note, { className: 'notice notice-warning early-offline', role: 'status', textContent: 'Writing a reply needs one visit online first; your text stays here.' });
    form.prepend(note);
  });

  if (post) {
    const intent = (e) => {
      const t = e.target.closest && e.target.closest('#respond, .comments-tools, .comment-navigation, .comment-actions, #comment-order, [data-live=settings] [lang]');
      if (t && early(t)) want();
    };
    // A pointer moved over them, not pointerover: a browser sends that one too when
    // the page scrolls under a resting pointer (a followed permalink, the wheel),
    // which is reading. (A touch starts with pointerdown.)
    for (const type of ['pointermove', 'pointerdown', 'focusin']) on(type, intent);
  }
  // At once, after the page's own paint: what this browser holds of this post
  // (replies, drafts, sent marks, edits, early text), another language, or a link
  // to a comment or page the build did not render.
  const langs = (navigator.languages || []).map((l) => l.split(/[-_]/)[0].toLowerCase());
  const lang = get('lang') || (post && langs.find((l) => l === 'en' || l === 'es'));
  // A link to a comment or a comments page the build did not render, now or when
  // the address's fragment changes (a permalink followed on this very page).
  // (No element has the id of a comments page.)
  const unrendered = () => post && /^#comment(-|s-page-(?!1$))/.test(location.hash) && !d.getElementById(location.hash.slice(1));
  addEventListener('hashchange', () => unrendered() && want());
  const now =
    (lang && lang !== root.lang) ||
    (post && Object.keys(local || {}).some((k) => k.startsWith(K) && k.split('/')[3] === post && /^(comment|draft|sent|edit|early)$/.test(k.split('/')[2]))) ||
    unrendered();
  const loaded = () =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        register();
        if (now) want();
      }),
    );
  if (d.readyState === 'complete') loaded();
  else addEventListener('load', loaded, { once: true });

  // The service worker (offline reading), with the scope of the public URL. A
  // new deployment waiting behind this one: sw-update.js offers "Reload".
  function register() {
    const workers = navigator.serviceWorker;
    if (!workers) return;
    let had = workers.controller;
    const offer = () => {
      if (offer.on) return;
      d.head.append(Object.assign((offer.on = d.createElement('script')), { src: new URL('sw-update.js', here) }));
    };
    workers.addEventListener('controllerchange', () => {
      if (window.goosebumpsUpdating) location.reload();
      else if (had) offer();
      had = true;
    });
    workers
      .register(new URL('sw.js', here), { scope: new URL('./', here).href })
      .then((reg) => {
        if (reg.waiting && workers.controller) offer();
        reg.onupdatefound = () => {
          const worker = reg.installing;
          if (worker) worker.onstatechange = () => worker.state === 'installed' && workers.controller && offer();
        };
      })
      .catch((e) => console.warn('Goosebumps: no offline reading:', e));
  }
})();
