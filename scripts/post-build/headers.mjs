// _headers: the HTTP headers a careful host sends, in the format Netlify and
// Cloudflare Pages read (a path line, then indented `Name: value` lines). The csp
// step writes the Content-Security-Policy; this step rewrites the file with it,
// adds the other security headers for every path, and the caching rules: a year
// and `immutable` for the files whose name holds a hash (they never change), and
// `no-cache` (revalidate every time) for the page, the service worker, its
// registration script, any feed, and the published replies (`replies/*`: the owner
// changes them without a code change, and the page's HTML shows the same replies,
// so neither may be kept stale). README, "Browsers, engines and headers", has the
// same headers for nginx and Apache.
//
// Both hosts join a header given by two matching rules (Cloudflare with a comma),
// so each Cache-Control rule names its own files and none is given for `/*`.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Sent with every response. */
export const SECURITY_HEADERS = [
  ['X-Content-Type-Options', 'nosniff'],
  // The YouTube facade's iframe needs the origin as referrer; nothing else leaves.
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  // Everything the page does not use is denied; fullscreen and picture-in-picture
  // for the video, and (only after the reader presses play) the YouTube iframe.
  [
    'Permissions-Policy',
    [
      'accelerometer=()',
      'autoplay=(self "https://www.youtube-nocookie.com")',
      'browsing-topics=()',
      'camera=()',
      'display-capture=()',
      'encrypted-media=(self "https://www.youtube-nocookie.com")',
      'fullscreen=(self "https://www.youtube-nocookie.com")',
      'geolocation=()',
      'gyroscope=()',
      'magnetometer=()',
      'microphone=()',
      'midi=()',
      'payment=()',
      'picture-in-picture=(self "https://www.youtube-nocookie.com")',
      'publickey-credentials-get=()',
      'screen-wake-lock=()',
      'serial=()',
      'usb=()',
      'xr-spatial-tracking=()',
    ].join(', '),
  ],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/**
 * Trunk's hashed output: `name-<hash>.js`, `name-<hash>_bg.wasm`, `name-<hash>.css`,
 * the hash a 64-bit number in hex without leading zeros (so 16 digits or fewer).
 */
export const HASHED = /-[0-9a-f]{8,16}(?:_bg)?\.(?:js|wasm|css)$/;
/** Files a host must revalidate (besides the page at the directory URL). */
const REVALIDATED = /^(?:sw\.js|reader\.js|sw-update\.js|sitemap\.xml|robots\.txt)$|\.html$|(?:^|\/)(?:feed|atom|rss)[^/]*\.(?:xml|json)$|\.(?:rss|atom)$/;
/**
 * The published replies, `replies/<slug>.json`: one rule for the folder (so a post
 * whose first reply is published later is covered too). The service worker fetches
 * them network first, and the page's HTML must agree with them.
 */
export const REPLIES_RULE = 'replies/*';

const block = (path, headers) => [path, ...headers.map(([name, value]) => `  ${name}: ${value}`)];

export async function headers({ dir, publicUrl }) {
  const base = publicUrl.startsWith('/') ? publicUrl : '/';
  const previous = await readFile(join(dir, '_headers'), 'utf8');
  const policy = /^ {2}Content-Security-Policy: (.+)$/m.exec(previous)?.[1];
  if (!policy) throw new Error('_headers has no Content-Security-Policy (the csp step writes it)');

  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(dir.length + 1).split('\\').join('/'))
    .sort();
  const hashed = files.filter((file) => !file.includes('/') && HASHED.test(file));
  // (A replies file is under its folder's rule, whatever its name: never two rules.)
  const revalidated = files.filter((file) => REVALIDATED.test(file) && !file.startsWith('replies/'));
  if (!hashed.length) throw new Error('the build has no hashed .js/.wasm/.css files');

  const lines = [
    '# HTTP headers for hosts that read this file (Netlify, Cloudflare Pages); it must sit',
    '# at the root of the published site. Made by scripts/post-build/csp.mjs and headers.mjs:',
    '# the same policy as the <meta> in index.html, plus what only works as a header.',
    ...block(`${base}*`, [['Content-Security-Policy', policy], ...SECURITY_HEADERS]),
    '',
    '# Named with a hash of their bytes: they never change.',
    ...hashed.flatMap((file) => block(`${base}${encodeURI(file)}`, [['Cache-Control', IMMUTABLE]])),
    '',
    '# Revalidated on every load: the page, the service worker and its registration, feeds,',
    '# the published replies.',
    ...block(base, [['Cache-Control', REVALIDATE]]),
    ...block(`${base}${REPLIES_RULE}`, [['Cache-Control', REVALIDATE]]),
    // A page is also served at its folder's URL (`/<slug>/`).
    ...revalidated.flatMap((file) =>
      (/(^|\/)index\.html$/.test(file) && file !== 'index.html' ? [file.replace(/index\.html$/, ''), file] : [file]).flatMap((f) =>
        block(`${base}${encodeURI(f)}`, [['Cache-Control', REVALIDATE]]),
      ),
    ),
    '',
  ];
  await writeFile(join(dir, '_headers'), lines.join('\n'));
  return `${SECURITY_HEADERS.length + 1} headers for ${base}*; ${hashed.length} immutable, ${revalidated.length + 1} revalidated, and ${base}${REPLIES_RULE}`;
}

/**
 * Reads a `_headers` file into rules `{ path, headers: [[name, value]] }`
 * (the test server applies them as a host would).
 */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (/^\s/.test(line)) {
      const [, name, value] = /^\s+([^:]+):\s*(.*)$/.exec(line) ?? [];
      if (!name || !rules.length) throw new Error(`_headers: a header outside a rule: ${line}`);
      rules.at(-1).headers.push([name, value]);
    } else {
      rules.push({ path: line.trim(), headers: [] });
    }
  }
  return rules;
}

/** Whether a rule's path (`*` matches anything, as Netlify and Cloudflare Pages read it) matches. */
export function matches(rulePath, pathname) {
  const pattern = rulePath.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${pattern}$`).test(pathname);
}

/** The headers a host sends for `pathname`: every matching rule, a header given twice joined with ", ". */
export function headersFor(rules, pathname) {
  const out = new Map();
  for (const rule of rules.filter((r) => matches(r.path, pathname))) {
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out.set(key, out.has(key) ? `${out.get(key)}, ${value}` : value);
    }
  }
  return Object.fromEntries(out);
}
