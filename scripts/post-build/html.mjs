// Just enough HTML reading for the post-build steps: the built index.html is
// Trunk's output of our own index.html, not arbitrary HTML, so a careful scanner
// over its start tags, comments and raw-text elements is all that is needed.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const readIndex = (dir, file = 'index.html') => readFile(join(dir, file), 'utf8');
export const writeIndex = (dir, html, file = 'index.html') => writeFile(join(dir, file), html);

/** Every file of the build, as paths relative to `dir` with `/`, sorted. */
export async function builtFiles(dir) {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(dir.length + 1).split('\\').join('/'))
    .sort();
}

/** Every page of the build (`index.html`, `<slug>/index.html`, `404.html`…), sorted. */
export async function pages(dir) {
  const found = (await builtFiles(dir)).filter((file) => file.endsWith('.html'));
  if (!found.includes('index.html')) throw new Error('the build has no index.html');
  return found;
}

const ATTRS = String.raw`((?:[^>"']|"[^"]*"|'[^']*')*)`;
// A comment | a raw-text element (its start tag, text, end tag) | any other start tag.
const TOKEN = new RegExp(
  String.raw`<!--[\s\S]*?-->` +
    String.raw`|<(script|style)(?=[\s/>])${ATTRS}>([\s\S]*?)(<\/\1(?=[\s/>])[^>]*>)` +
    String.raw`|<([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])${ATTRS}>`,
  'gi',
);

/** Every element's start tag, in order: { name, attrs (raw), start, end, text? }.
 *  `text` is the exact source text of a <script> or <style> element. */
export function* elements(html) {
  for (const m of html.matchAll(TOKEN)) {
    if (m[1]) {
      const startTag = `<${m[1]}${m[2]}>`;
      yield { name: m[1].toLowerCase(), attrs: m[2], start: m.index, end: m.index + startTag.length, text: m[3] };
    } else if (m[5]) {
      yield { name: m[5].toLowerCase(), attrs: m[6], start: m.index, end: m.index + m[0].length };
    }
  }
}

const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The attributes of a start tag: [{ name, value, start, end }] (offsets within `attrs`). */
export function attributes(attrs) {
  return [...attrs.matchAll(ATTR)].map((m) => ({
    name: m[1].toLowerCase(),
    value: m[2] ?? m[3] ?? m[4] ?? '',
    start: m.index,
    end: m.index + m[0].length,
  }));
}

export const attribute = (el, name) => attributes(el.attrs).find((a) => a.name === name);

/** The elements inside <head>…</head> (the start of <body> ends it if </head> is left out). */
export function headElements(html) {
  const all = [...elements(html)];
  const head = all.find((el) => el.name === 'head');
  if (!head) throw new Error('index.html has no <head>');
  const body = all.find((el) => el.name === 'body');
  const close = html.search(/<\/head\s*>/i);
  const end = close >= 0 ? close : body ? body.start : html.length;
  return { head, elements: all.filter((el) => el.start > head.start && el.start < end) };
}

/** `html` with each replacement { start, end, text } applied (ranges must not overlap). */
export function splice(html, replacements) {
  let out = html;
  for (const r of [...replacements].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, r.start) + r.text + out.slice(r.end);
  }
  return out;
}

/** The text the browser gets from a script or style element's source (the parser
 *  turns CR LF and lone CR into LF), as CSP hashes it. */
export const domText = (source) => source.replace(/\r\n?/g, '\n');
