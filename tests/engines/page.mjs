// Finding things as a reader (or a screen reader) does: by role and accessible name.
// Selenium has no getByRole, so `byRole` runs a small lookup in the page: elements
// of the role (native or `role=`), visible, whose accessible name — aria-labelledby,
// aria-label, a <label> (for= or wrapping), alt, else the text — contains the name
// (white space collapsed, any case, as Playwright's getByRole) or matches it (a RegExp).
import assert from 'node:assert/strict';
import { Key } from 'selenium-webdriver';

export { Key };

const ROLES = {
  button: 'button, [role="button"], input[type="button"], input[type="submit"]',
  tab: '[role="tab"]',
  tabpanel: '[role="tabpanel"]',
  textbox: 'textarea, input:not([type]), input[type="text"], input[type="email"], input[type="url"], input[type="search"], [role="textbox"]',
  checkbox: 'input[type="checkbox"], [role="checkbox"]',
  heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
  link: 'a[href], [role="link"]',
  img: 'img[alt]:not([alt=""]), [role="img"]',
  status: '[role="status"], output',
  alert: '[role="alert"]',
  listitem: 'li, [role="listitem"]',
  complementary: 'aside, [role="complementary"]',
  region: 'section[aria-label], section[aria-labelledby], [role="region"]',
};

// Runs in the page: (selector, name source, name flags | null, level, hidden ok).
function lookup(selector, source, flags, level, includeHidden) {
  const squash = (s) => s.replace(/\s+/g, ' ').trim();
  const text = (el) => squash(el.textContent || '');
  const nameOf = (el) => {
    const by = el.getAttribute('aria-labelledby');
    if (by) return squash(by.split(/\s+/).map((id) => document.getElementById(id)).filter(Boolean).map((n) => n.textContent).join(' '));
    const aria = el.getAttribute('aria-label');
    if (aria) return squash(aria);
    if (el.labels && el.labels.length) return squash([...el.labels].map((l) => l.textContent).join(' '));
    if (el.localName === 'img') return squash(el.alt || '');
    if (el.localName === 'input' && /^(submit|button)$/.test(el.type)) return squash(el.value);
    return text(el);
  };
  // As Playwright's getByRole: a string matches a part of the name, ignoring case.
  const wanted = flags === null ? (n) => n.toLowerCase().includes(squash(source).toLowerCase()) : ((re) => (n) => re.test(n))(new RegExp(source, flags));
  return [...document.querySelectorAll(selector)].filter((el) => {
    if (!includeHidden && !(el.checkVisibility ? el.checkVisibility() : el.offsetParent !== null || el.localName === 'body')) return false;
    if (level && !(el.localName === `h${level}` || el.getAttribute('aria-level') === String(level))) return false;
    return wanted(nameOf(el));
  });
}

/** The elements of `role` named `name` (a string or RegExp); `{ level, hidden }`. */
export async function allByRole(driver, role, name, { level = 0, hidden = false } = {}) {
  const selector = ROLES[role];
  if (!selector) throw new Error(`no selector for role ${role}`);
  const [source, flags] = name instanceof RegExp ? [name.source, name.flags] : [name ?? '', null];
  if (name === undefined) return driver.executeScript(lookup, selector, '[\\s\\S]*', '', level, hidden);
  return driver.executeScript(lookup, selector, source, flags, level, hidden);
}

/** Waits until `fn` returns a truthy value (polling), and returns it. */
export async function until(fn, what, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
      last = value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The one element of `role` named `name`, once it is there (and visible). */
export async function byRole(driver, role, name, options = {}) {
  return until(async () => {
    const found = await allByRole(driver, role, name, options);
    if (found.length > 1) throw new Error(`${found.length} ${role}s named ${name}`);
    return found[0];
  }, `the ${role} ${name}`, options.timeout);
}

/** Whether no visible element of `role` is named `name`, now. */
export async function noneByRole(driver, role, name, options = {}) {
  return (await allByRole(driver, role, name, options)).length === 0;
}

/** Visible text of the page contains `text` (string) or matches it (RegExp), waiting for it. */
export async function seeText(driver, text, timeout) {
  return until(async () => {
    // innerText (what is rendered), compared ignoring case: it follows text-transform.
    const body = await driver.executeScript(() => document.body.innerText.replace(/\s+/g, ' '));
    return text instanceof RegExp ? text.test(body) : body.toLowerCase().includes(text.toLowerCase());
  }, `the text ${text}`, timeout);
}

/**
 * Shows the intent to write (a pointer over the reply form: public/reader.js then
 * starts the app) and waits until the app is live (reader.js marks
 * `<html data-app="live">` once it has built the comments in place of the build-time ones).
 */
export async function ready(driver) {
  await until(
    () => driver.executeScript(() => {
      document.getElementById('respond')?.dispatchEvent(new PointerEvent('pointermove', { bubbles: true }));
      return document.documentElement.dataset.app === 'live';
    }),
    'the app to start (html[data-app=live])',
    20_000,
  );
  await byRole(driver, 'button', 'Post Comment');
}

export const attr = (el, name) => el.getAttribute(name);

/**
 * Clicks an element as a reader would, scrolled to the middle of the view first, at
 * once: the page scrolls smoothly (without prefers-reduced-motion), and WebKitWebDriver
 * checks the element is in view before its own smooth scroll has got there.
 */
export async function click(driver, element) {
  await driver.executeScript((el) => el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' }), element);
  await element.click();
}

/** The focused element's accessible name and role-ish tag. */
export async function focused(driver) {
  return driver.executeScript(() => {
    const el = document.activeElement;
    return el ? { id: el.id, tag: el.localName, role: el.getAttribute('role'), text: el.textContent.trim().slice(0, 60) } : null;
  });
}

/** Types into the field labelled `label` (after clearing it). */
export async function fill(driver, label, value) {
  const field = await byRole(driver, 'textbox', label);
  // Cleared with keys, as a reader would (WebDriver's clear() fires no input event).
  if (await driver.executeScript((el) => el.value !== '', field)) {
    await field.sendKeys(Key.chord(Key.CONTROL, 'a'), Key.BACK_SPACE);
  }
  if (value) await field.sendKeys(value);
  return field;
}

export async function fillComment(driver, { comment, name, email, website }) {
  if (comment !== undefined) await fill(driver, 'Comment', comment);
  if (name !== undefined) await fill(driver, 'Name', name);
  if (email !== undefined) await fill(driver, 'Email', email);
  if (website !== undefined) await fill(driver, 'Website', website);
}

/** The value of the field labelled `label`. */
export async function valueOf(driver, label) {
  return driver.executeScript((el) => el.value, await byRole(driver, 'textbox', label));
}

/** Sets a field's value as a paste would (long or unusual text, which sendKeys types slowly or not at all). */
export async function paste(driver, label, value) {
  const field = await byRole(driver, 'textbox', label);
  await driver.executeScript(
    (el, v) => {
      el.focus();
      el.value = v;
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: v }));
    },
    field,
    value,
  );
  return field;
}

export const POST = 'miracle-in-cell-no-7';

/** Writes comments (schema v1 records) straight into storage; the page must be open at the origin. */
export async function seed(driver, comments) {
  await driver.executeScript(
    (comments, post) => {
      comments.forEach((c, i) => {
        const created = c.created_ms ?? Date.UTC(2025, 0, 1) + i * 60_000;
        const id = created.toString(36).padStart(9, '0') + i.toString(36).padStart(6, '0');
        const comment = { id, post, parent_id: null, author: c.author, email: 'seed@example.com', url: c.url ?? null, content: c.content, created_ms: created };
        localStorage.setItem(`goosebumps/v1/comment/${post}/${id}`, JSON.stringify({ v: 1, comment }));
      });
    },
    comments,
    POST,
  );
}

/** Asserts the page recorded no error, rejection or CSP violation. */
export async function assertNoProblems(browser) {
  assert.deepEqual(await browser.problems(), [], 'no JS errors, unhandled rejections or CSP violations');
}
