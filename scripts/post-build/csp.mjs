// The Content-Security-Policy: a <meta http-equiv> in index.html, right after
// <meta charset>, before anything that loads; and the same policy as an HTTP
// header in _headers (Netlify, Cloudflare Pages), with frame-ancestors, which
// only works as a header. README, "Security", explains each directive.
//
// It hashes the inline scripts the build means to have, and only those: Trunk's
// loader (the pattern_script of Trunk.toml), the home page's redirect of old
// `/#comment-…` links, and `trunk serve`'s autoreload script. Any other
// executable inline script fails the build, naming its page: content that
// became script at build time would otherwise be allowed by the policy. It
// hashes inline <style>s, and refuses what a hash cannot allow (event-handler and
// style attributes, javascript: URLs, <base>). JSON-LD is data: no hash.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { attribute, attributes, domText, elements, headElements, pages, readIndex, splice, writeIndex } from './html.mjs';

/** The policy, directive by directive; `hashes` are the inline scripts' and styles'. */
export function directives({ scripts = [], styles = [] } = {}) {
  return [
    ['default-src', "'self'"],
    // Trunk's loader is an inline module script (allowed by its hash);
    // 'wasm-unsafe-eval' lets WebAssembly compile, and allows no JS eval.
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...scripts],
    ['style-src', "'self'", ...styles],
    // The stylesheet draws the play icon with a data: SVG.
    ['img-src', "'self'", 'data:'],
    ['media-src', "'self'"],
    // The only video provider; its iframe is made when the reader presses play.
    ['frame-src', 'https://www.youtube-nocookie.com'],
    ['connect-src', "'self'"],
    ['manifest-src', "'self'"],
    ['worker-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
  ];
}

/** Directives a <meta> policy ignores (with a console error): header only. */
export const HEADER_ONLY = [['frame-ancestors', "'none'"]];

export const serialize = (list) => list.map((d) => d.join(' ')).join('; ');

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// `trunk serve` adds an inline autoreload script whose text the dev server fills in
// for each response (its address and WebSocket path), so no hash made here would
// match it. Fill them in now, as the dev server would (the address from the page's
// own URL, the WebSocket under the public URL: Trunk's default without serve-base
// or ws-base in Trunk.toml), so the served text is the hashed text.
function fillInDevServerScript(html, publicUrl) {
  return html
    .replace(/'\{\{__TRUNK_ADDRESS__\}\}'|`\{\{__TRUNK_ADDRESS__\}\}`/g, 'window.location.host')
    .replaceAll('{{__TRUNK_WS_BASE__}}', publicUrl);
}

// The types of <script> a browser runs (the HTML standard's JavaScript MIME
// types, `module`, or none); any other type is data.
const EXECUTABLE = /^(|module|(application|text)\/(x-)?(java|ecma)script|text\/(javascript1\.[0-5]|jscript|livescript))$/i;

/** Whether an element is an inline <script> that runs (no `src`, a type that runs). */
export const isExecutableInline = (el) =>
  el.name === 'script' &&
  el.text !== undefined &&
  !attribute(el, 'src') &&
  EXECUTABLE.test((attribute(el, 'type')?.value ?? '').trim());

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text of Trunk's loader, as a pattern: Trunk.toml's pattern_script with its
 *  `{base}`, `{js}` and `{wasm}` standing for any URL. */
export async function loaderPattern(sourceDir) {
  const toml = await readFile(join(sourceDir, 'Trunk.toml'), 'utf8');
  const script = /^pattern_script\s*=\s*"""([\s\S]*?)"""/m.exec(toml)?.[1];
  const text = script === undefined ? undefined : /^<script[^>]*>([\s\S]*)<\/script>\s*$/.exec(script)?.[1];
  if (text === undefined) throw new Error('Trunk.toml has no pattern_script <script> to recognise the loader by');
  const url = String.raw`[^'"\s<>]*`;
  return new RegExp(`^${escapeRegExp(text).replace(/\\\{(base|js|wasm)\\\}/g, url)}$`);
}

/** The home page's redirect of the old single page's `/#comment-…` links
 *  (src/render/json_ld.rs): its target is a JSON string without `<`, `>` or `&`. */
export const OLD_LINKS = /^if\(\/\^#\(comment\|respond\)\/\.test\(location\.hash\)\)location\.replace\("[^"\\<>&]*"\+location\.hash\)$/;

/** What an inline script is, if the build means to have it: its name, else undefined. */
function expectedScript(text, loader) {
  if (loader.test(text)) return "Trunk's loader";
  if (OLD_LINKS.test(text)) return 'the old-links redirect';
  // `trunk serve`'s autoreload script, before its address is filled in (below).
  if (text.includes('{{__TRUNK_ADDRESS__}}') && text.includes('WebSocket')) return "trunk serve's autoreload";
  return undefined;
}

export async function csp({ dir, publicUrl, sourceDir }) {
  // Each page gets the policy with its own inline scripts' hashes; the header
  // (one for the whole site) allows every page's.
  const all = { scripts: new Set(), styles: new Set() };
  const files = await pages(dir);
  const loader = await loaderPattern(sourceDir);
  let policy;
  for (const file of files) {
    const found = await pagePolicy(dir, file, publicUrl, loader);
    found.scripts.forEach((h) => all.scripts.add(h));
    found.styles.forEach((h) => all.styles.add(h));
    if (file === 'index.html') policy = found.policy;
  }
  const sitePolicy = directives({ scripts: [...all.scripts].sort(), styles: [...all.styles].sort() });

  await writeFile(
    join(dir, '_headers'),
    [
      '# HTTP headers for hosts that read this file (Netlify, Cloudflare Pages); it must sit',
      '# at the root of the published site. Made by scripts/post-build/csp.mjs: the same',
      '# policy as the <meta> of the pages (with every page\'s hashes), plus what only works as a header.',
      // The public URL's path (a relative one, "./", cannot be known: the whole site).
      `${publicUrl.startsWith('/') ? publicUrl : '/'}*`,
      `  Content-Security-Policy: ${serialize([...sitePolicy, ...HEADER_ONLY])}`,
      '',
    ].join('\n'),
  );
  return `${files.length} page(s), ${all.scripts.size} inline script(s), ${all.styles.size} inline style(s) hashed; index.html: ${serialize(policy)}`;
}

/** Puts the policy <meta> into one page; its hashes and policy. */
async function pagePolicy(dir, file, publicUrl, loader) {
  let html = await readIndex(dir, file);

  // Run twice, the result is the same: drop a policy an earlier run inserted.
  html = splice(
    html,
    [...elements(html)]
      .filter((el) => el.name === 'meta' && /^content-security-policy$/i.test(attribute(el, 'http-equiv')?.value ?? ''))
      // With the line break and indentation before it, as inserted below.
      .map((el) => ({ start: el.start - (/\n[ \t]*$/.exec(html.slice(0, el.start))?.[0].length ?? 0), end: el.end, text: '' })),
  );

  const unexpected = [...elements(html)]
    .filter(isExecutableInline)
    .filter((el) => !expectedScript(domText(el.text), loader))
    .map((el) => `<script>${JSON.stringify(domText(el.text).slice(0, 80))}`);
  if (unexpected.length) {
    throw new Error(
      `${file} has an inline script the build does not make (only Trunk's loader and the old-links redirect are allowed):\n  ${unexpected.join('\n  ')}`,
    );
  }

  html = fillInDevServerScript(html, publicUrl);
  const all = [...elements(html)];
  const problems = [];
  for (const el of all) {
    for (const a of attributes(el.attrs)) {
      if (/^on/.test(a.name)) problems.push(`<${el.name} ${a.name}=…> (an inline event handler)`);
      if (a.name === 'style') problems.push(`<${el.name} style="…"> (an inline style attribute)`);
      if (/^\s*javascript:/i.test(a.value)) problems.push(`<${el.name} ${a.name}="javascript:…">`);
    }
    if (el.name === 'base') problems.push("<base> (base-uri 'none')");
  }
  if (problems.length) {
    throw new Error(`${file} has what a strict CSP blocks:\n  ${problems.join('\n  ')}`);
  }

  // Data (JSON-LD) is not script: the policy does not apply to it.
  const scripts = [...new Set(all.filter(isExecutableInline).map((el) => sha256(domText(el.text))))];
  const styles = [...new Set(all.filter((el) => el.name === 'style' && el.text !== undefined).map((el) => sha256(domText(el.text))))];
  const policy = directives({ scripts, styles });

  // Right after <meta charset> (which must stay first), else first in <head>.
  const { head, elements: inHead } = headElements(html);
  const charset = inHead.find((el) => el.name === 'meta' && attribute(el, 'charset'));
  const loadsBefore = charset && inHead.find((el) => ['script', 'link', 'style'].includes(el.name) && el.start < charset.start);
  if (loadsBefore) throw new Error(`${file}: <${loadsBefore.name}> comes before <meta charset>: the policy would come too late`);
  const after = charset ?? head;
  const indent = /\n([ \t]*)$/.exec(html.slice(0, after.start))?.[1] ?? '';
  const meta = `\n${indent}<meta http-equiv="Content-Security-Policy" content="${serialize(policy)}">`;
  html = splice(html, [{ start: after.end, end: after.end, text: meta }]);
  await writeIndex(dir, html, file);
  return { scripts, styles, policy };
}
