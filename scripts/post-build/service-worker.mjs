// sw.js: public/sw.js with BUILD filled in, the files the worker precaches and a
// version. The version hashes the template and every precached file's path and
// bytes, so any change to what is deployed makes a new worker (and a new cache),
// and an unchanged build makes a byte-identical sw.js (no needless update).
// Runs last: the pages must be final. Every page of the site is precached (the
// home page, each post's, 404.html), so after one visit all of them open offline.
// The app's code (Trunk's `<name>-<hash>.js` and its `_bg.wasm`) is not precached:
// a visit that only reads never fetches it; the worker keeps it once fetched
// (`code`), and the version still hashes it.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// Large media, fetched in byte ranges while playing: always from the network.
const NOT_PRECACHED = /\.(?:mp4|webm|ogv|mov|m4v|mp3|m4a|ogg|oga|opus|wav|flac)$/i;
// A post's further comment pages (`<slug>/comment-page-<n>/`): not precached, as
// a post may have hundreds; the worker keeps each one as it is visited (the
// version still hashes them).
const VISITED_ONLY = /(^|\/)comment-page-\d+\/index\.html$/;
const MARKER = /\/\* @build \*\/ \{[^}]*\}/;

export async function serviceWorker({ dir, sourceDir }) {
  const template = await readFile(join(sourceDir, 'public', 'sw.js'), 'utf8');
  const markers = template.match(new RegExp(MARKER, 'g')) ?? [];
  if (markers.length !== 1) throw new Error(`public/sw.js must hold "/* @build */ { … }" exactly once`);

  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(dir.length + 1).split('\\').join('/'))
    .filter((file) => !['sw.js', '_headers'].includes(file))
    .filter((file) => !file.split('/').some((part) => part.startsWith('.')))
    .filter((file) => !NOT_PRECACHED.test(file))
    .sort();
  if (!files.includes('index.html')) throw new Error('there is no index.html to precache');

  const version = createHash('sha256').update(template);
  let bytes = 0;
  for (const file of files) {
    const content = await readFile(join(dir, file));
    bytes += content.length;
    version.update(`${file}\0${createHash('sha256').update(content).digest('hex')}\n`);
  }
  // The app's code: each .wasm, and the JavaScript of the same name that loads it.
  const code = files.filter((f) => f.endsWith('_bg.wasm')).flatMap((f) => [f.replace(/_bg\.wasm$/, '.js'), f]);
  const build = {
    version: version.digest('hex').slice(0, 16),
    // Relative to sw.js; each page is cached as its directory's URL (`./`,
    // `<slug>/`), the URL it is served at (a host may redirect …/index.html there).
    files: ['./', ...files.filter((f) => f !== 'index.html' && !code.includes(f) && !VISITED_ONLY.test(f)).map((file) => encodeURI(file.replace(/(^|\/)index\.html$/, '$1')))],
    code: code.filter((f) => files.includes(f)).map(encodeURI),
  };
  await writeFile(join(dir, 'sw.js'), template.replace(MARKER, JSON.stringify(build, null, 2)));
  return `sw.js version ${build.version}: ${build.files.length} files precached, ${build.code.length} kept once fetched (${Math.round(bytes / 1024)} KiB in all)`;
}
