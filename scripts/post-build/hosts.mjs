// nginx.conf and .htaccess: the configuration of the two common self-hosted web
// servers, made from _headers (the step before), so each header has one source:
// the Content-Security-Policy of csp.mjs, the other security headers and the
// caching rules of headers.mjs. Both files are made again by every build, and the
// policy changes with every new post (it holds the hashes of the pages' inline
// scripts): the owner copies them with each deployment (README, "Deploying").
//
// nginx.conf is a snippet to `include` inside a `server { }` block. nginx gives a
// block with its own add_header none of the block around it, so every location
// repeats the security headers. .htaccess is read by Apache where it lies, at the
// top of the published folder; other hosts ignore it, and at worst serve it (it holds
// only the headers every response shows). Neither is for readers: both servers
// answer 404 for _headers and nginx.conf (Apache's own rule refuses .htaccess), and
// the service worker never precaches them (it skips dot-files, and runs before this
// step). tests/e2e/hosts.spec.ts serves a build through real nginx and Apache.
import { readFile, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { builtFiles } from './html.mjs';
import { headersFor, parseHeaders } from './headers.mjs';

/** Media types some servers' defaults lack or get wrong: by extension, or by name. */
export const TYPES = [
  { extension: '.webmanifest', type: 'application/manifest+json' },
  { extension: '.wasm', type: 'application/wasm' },
  // The videos' captions (<track>): nginx's mime.types before 1.25 lacks them, and
  // with nosniff a caption sent as application/octet-stream is not a caption.
  { extension: '.vtt', type: 'text/vtt' },
  // The Atom feeds (prerender.mjs): the site's and each post's. Not every `.xml`
  // (sitemap.xml keeps the server's XML type).
  { name: 'feed.xml', type: 'application/atom+xml' },
];

/** The type a file must be served with, if the server's default is not enough. */
export const typeOf = (file) =>
  TYPES.find(({ extension, name }) => (extension ? posix.extname(file) === extension : posix.basename(file) === name))?.type;

/** Files of the build that configure hosts: never served (404 on both servers). */
export const HOST_FILES = ['_headers', 'nginx.conf', '.htaccess'];

export async function hosts({ dir, publicUrl }) {
  const base = publicUrl.startsWith('/') ? publicUrl : '/';
  const rules = parseHeaders(await readFile(join(dir, '_headers'), 'utf8'));
  const files = (await builtFiles(dir)).filter((file) => !HOST_FILES.includes(file));
  const site = { base, rules, files };
  const nginx = nginxConf(site);
  const apache = htaccess(site);
  await writeFile(join(dir, 'nginx.conf'), nginx.text);
  await writeFile(join(dir, '.htaccess'), apache.text);
  return `nginx.conf (${nginx.locations} locations) and .htaccess (${apache.groups} caching groups) for ${base}, from _headers`;
}

/** The rule for the whole site (`<base>*`): the headers every response gets. */
function siteRule({ base, rules }) {
  const rule = rules.find((r) => r.path === `${base}*`);
  if (!rule) throw new Error(`_headers has no rule for ${base}* (the security headers)`);
  for (const r of rules) {
    if (!r.path.startsWith(base)) throw new Error(`_headers: ${r.path} is outside the public URL ${base}`);
    if (r.path.slice(0, -1).includes('*')) throw new Error(`_headers: ${r.path}: only a trailing * can be written for nginx and Apache`);
  }
  return rule;
}

/** Every header _headers gives `path` (as `headersFor`), named as _headers names them. */
function headersOf(rules, path) {
  const names = new Map(rules.flatMap((r) => r.headers.map(([name]) => [name.toLowerCase(), name])));
  return Object.entries(headersFor(rules, path)).map(([name, value]) => [names.get(name) ?? name, value]);
}

const comment = (lines) => lines.map((line) => (line ? `# ${line}` : '#'));

/** A value as an nginx string: in double quotes; `$` would be a variable, so refused. */
function nginxString(value) {
  if (/[$\\\r\n]/.test(value)) throw new Error(`a header value nginx cannot hold as it is: ${value}`);
  return `"${value.replaceAll('"', '\\"')}"`;
}

/** A value as an Apache mod_headers string: `%` starts a format (so `%%`). */
function apacheString(value) {
  if (/[$\\\r\n]/.test(value)) throw new Error(`a header value Apache cannot hold as it is: ${value}`);
  return `"${value.replaceAll('%', '%%').replaceAll('"', '\\"')}"`;
}

const regexEscape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function nginxConf(site) {
  const { base, rules, files } = site;
  const everywhere = siteRule(site);
  const addHeaders = (headers, indent) =>
    headers.map(([name, value]) => `${indent}add_header ${name} ${nginxString(value)} always;`);

  // One location per rule (a trailing * is a prefix), and one per file whose type
  // must be set; each with every header _headers gives its address.
  const locations = new Map();
  for (const rule of rules) {
    if (rule === everywhere) continue;
    const prefix = rule.path.endsWith('*');
    const path = prefix ? rule.path.slice(0, -1) : rule.path;
    locations.set(`${prefix ? '^~' : '='} ${path}`, { path, headers: headersOf(rules, path) });
  }
  for (const file of files) {
    const type = typeOf(file);
    if (!type) continue;
    const path = `${base}${encodeURI(file)}`;
    const key = `= ${path}`;
    locations.set(key, { path, headers: locations.get(key)?.headers ?? headersOf(rules, path), type });
  }

  const notFound = `${base}404.html`;
  const lines = [
    ...comment([
      `nginx: Goosebumps built for ${base}. Made by scripts/post-build/hosts.mjs from _headers`,
      '(the same security headers and caching); made again by every build. The',
      'Content-Security-Policy changes with every new post (it hashes the pages\' inline scripts),',
      'so copy this file with every deployment, then `nginx -t && nginx -s reload`.',
      '',
      'Include it inside the server { } block of the site. nginx finds the files under that',
      `server's root: put dist/ at <root>${base} (or make that a symbolic link to it).`,
      '',
      '    server {',
      '        listen 443 ssl;',
      '        server_name example.org;',
      `        root /var/www/html;                       # dist/ copied to /var/www/html${base}`,
      `        include /var/www/html${base}nginx.conf;    # this file`,
      '    }',
      '',
      ...(base === '/'
        ? ['Built for the root: the server must have no `location /` of its own.', '']
        : []),
      'nginx gives a block with its own add_header none of the block around it: every',
      'location below repeats the security headers.',
    ]),
    '',
    ...(base === '/'
      ? []
      : [
          `location = ${base.slice(0, -1)} {`,
          '    absolute_redirect off;',
          ...addHeaders(everywhere.headers, '    '),
          `    return 301 ${base};`,
          '}',
          '',
        ]),
    // ^~: no regex location of the server (a common `~* \.(js|css)$`) takes the site's files.
    `location ^~ ${base} {`,
    '    index index.html;',
    '    autoindex off;',
    '    # A folder\'s address without its slash is sent to it (301), as a relative Location.',
    '    absolute_redirect off;',
    '    charset utf-8;',
    '    # The site\'s own 404 page, with the status 404; a folder without index.html',
    `    # (${base}replies/, ${base}flags/) gives it too, not nginx's 403.`,
    `    error_page 404 ${notFound};`,
    `    error_page 403 =404 ${notFound};`,
    ...addHeaders(everywhere.headers, '    '),
    '',
    '    # The hosts\' configuration, not for readers.',
    ...HOST_FILES.map((file) => `    location = ${base}${file} { return 404; }`),
    ...[...locations].flatMap(([key, { headers, type }]) => [
      '',
      `    location ${key} {`,
      ...(type ? [`        types { }`, `        default_type ${type};`] : []),
      ...addHeaders(headers, '        '),
      '    }',
    ]),
    '}',
    '',
  ];
  return { text: lines.join('\n'), locations: locations.size + HOST_FILES.length + 1 };
}

export function htaccess(site) {
  const { base, rules, files } = site;
  const everywhere = siteRule(site);
  const setHeaders = (headers, indent, always = '') =>
    headers.map(([name, value]) => `${indent}Header ${always}set ${name} ${apacheString(value)}`);

  // Apache matches a file by its name (<FilesMatch>): the rules for files are
  // grouped by their headers; a trailing * (a folder's files) is matched on the
  // address (<If>); a folder's address is served by its index.html's rules.
  const groups = new Map();
  const prefixes = [];
  for (const rule of rules) {
    if (rule === everywhere) continue;
    if (rule.path.endsWith('*')) {
      prefixes.push(rule);
    } else if (rule.path.endsWith('/')) {
      const own = JSON.stringify(headersFor(rules, rule.path));
      if (own !== JSON.stringify(headersFor(rules, `${rule.path}index.html`))) {
        throw new Error(`_headers: ${rule.path} has other headers than ${rule.path}index.html, which Apache serves there`);
      }
    } else {
      const key = JSON.stringify(rule.headers);
      if (!groups.has(key)) groups.set(key, { headers: rule.headers, names: new Set() });
      groups.get(key).names.add(decodeURI(posix.basename(rule.path)));
    }
  }
  // A name matches in every folder: each file of that name must want those headers.
  for (const { headers, names } of groups.values()) {
    for (const file of files.filter((f) => names.has(posix.basename(f)))) {
      const wanted = headersFor(rules, `${base}${encodeURI(file)}`);
      for (const [name, value] of headers) {
        if (wanted[name.toLowerCase()] !== value) {
          throw new Error(`${file}: Apache would send ${name}: ${value} (the rule for its name), _headers says ${wanted[name.toLowerCase()]}`);
        }
      }
    }
  }
  const lines = [
    ...comment([
      `Apache: Goosebumps built for ${base}. Made by scripts/post-build/hosts.mjs from _headers`,
      '(the same security headers and caching); made again by every build. The',
      'Content-Security-Policy changes with every new post (it hashes the pages\' inline scripts),',
      'so copy this file with every deployment (it goes with dist/, at its top).',
      '',
      `It works where it lies, in the folder served at ${base}, when the server lets it:`,
      '',
      `    <Directory /var/www/html${base}>`,
      '        AllowOverride FileInfo Indexes Options=Indexes',
      '    </Directory>',
      '',
      'with mod_headers (`a2enmod headers`), mod_mime, mod_dir and mod_alias. A line the',
      'server does not allow or know makes every address here an error 500 (the error log',
      'says which). Other hosts ignore this file.',
    ]),
    '',
    `ErrorDocument 404 ${base}404.html`,
    'Options -Indexes',
    'DirectoryIndex index.html',
    '# A folder\'s address without its slash is sent to it (301).',
    'DirectorySlash On',
    `# A folder without index.html (${base}replies/, ${base}flags/) is not found: the site's`,
    '# 404 page, not a listing or a 403 (the default handler answers 404 for a folder).',
    '<If "-d %{REQUEST_FILENAME} && ! -f \'%{REQUEST_FILENAME}/index.html\'">',
    '    SetHandler default-handler',
    '</If>',
    '# The hosts\' configuration, not for readers.',
    `RedirectMatch 404 "^${regexEscape(base)}(?:${HOST_FILES.map(regexEscape).join('|')})$"`,
    '',
    'AddDefaultCharset utf-8',
    ...TYPES.filter((t) => t.extension).map(({ extension, type }) => `AddType ${type} ${extension}`),
    ...TYPES.filter((t) => t.name).flatMap(({ name, type }) => [`<Files "${name}">`, `    ForceType ${type}`, '</Files>']),
    '',
    ...setHeaders(everywhere.headers, '', 'always '),
    ...[...groups.values()].flatMap(({ headers, names }) => [
      '',
      `<FilesMatch "^(?:${[...names].sort().map(regexEscape).join('|')})$">`,
      ...setHeaders(headers, '    '),
      '</FilesMatch>',
    ]),
    ...prefixes.flatMap((rule) => [
      '',
      `<If "%{REQUEST_URI} =~ m#^${regexEscape(decodeURI(rule.path.slice(0, -1)))}#">`,
      ...setHeaders(rule.headers, '    '),
      '</If>',
    ]),
    '',
  ];
  return { text: lines.join('\n'), groups: groups.size + prefixes.length };
}
