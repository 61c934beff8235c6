// Every relative link of the docs (README.md, docs/*.md, BENCHMARKS.md) resolves:
// the file exists, and a `#fragment` names a heading of it (GitHub's anchors).
// `node --test tests/docs.test.mjs` (cargo xtask test runs it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const DOCS = ['README.md', 'BENCHMARKS.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** The text outside fenced code blocks. */
const prose = (text) => text.split(/^```.*$/m).filter((_, i) => i % 2 === 0).join('\n');

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchor = (heading) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\- _]/gu, '')
    .replace(/ /g, '-');

const anchorsOf = (file) =>
  new Set([...prose(readFileSync(file, 'utf8')).matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchor(m[1])));

test('every relative link in the docs names a file that exists, and a heading it has', () => {
  const broken = [];
  let checked = 0;
  for (const doc of DOCS) {
    const from = join(ROOT, doc);
    for (const [, target] of prose(readFileSync(from, 'utf8')).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:…
      checked += 1;
      const [path, fragment] = target.split('#');
      const file = path ? resolve(dirname(from), path) : from;
      if (!existsSync(file)) {
        broken.push(`${doc}: ${target} (no such file)`);
        continue;
      }
      if (fragment && statSync(file).isFile() && file.endsWith('.md') && !anchorsOf(file).has(fragment)) {
        broken.push(`${doc}: ${target} (no such heading)`);
      }
    }
  }
  assert.deepEqual(broken, []);
  assert.ok(checked > 20, `only ${checked} links checked`);
});

test('the README stays short: what it is, the two commands, where things are, the docs', () => {
  const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n').length;
  assert.ok(lines <= 150, `README.md has ${lines} lines`);
});
