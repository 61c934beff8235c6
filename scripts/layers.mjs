// Counts how the Rust modules of each crate point at each other (issue 24: layers
// that only point down). Run: `node scripts/layers.mjs` (`--verbose` lists them).
//
// How it counts, per crate (a folder with src/lib.rs or src/main.rs, build.rs aside):
// - a file's module path comes from where it is (`src/comments/export.rs` is
//   `comments::export`, `src/comments/mod.rs` is `comments`);
// - an edge A → B is every path in A's code (not its comments) that starts with
//   `crate::`, `super::` or `self::`, in `use` trees (braces expanded) and in
//   expressions, resolved to the deepest module file it names; a name a `mod.rs`
//   re-exports (`pub use model::Comment`) is followed to the file that defines it;
//   `super::` inside an inline `mod tests { … }` is the file itself;
// - a parent and its descendants never make an edge (a `mod.rs` declares and
//   re-exports its children; a child may use its parent's items);
// - file cycles: strongly connected components of the file graph with more than
//   one file (and the files in them);
// - module pairs: for an edge A → B, the two children of their nearest common
//   module that hold A and B (`i18n` and `comments`, or `components::app` and
//   `components::site_pages`); a pair counts when each side uses the other.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const verbose = process.argv.includes('--verbose');

function rustFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...rustFiles(path));
    else if (name.endsWith('.rs')) out.push(path);
  }
  return out;
}

function crates() {
  const dirs = ['.', 'xtask', 'tools/replies'];
  if (existsSync(join(ROOT, 'crates'))) {
    for (const name of readdirSync(join(ROOT, 'crates'))) dirs.push(join('crates', name));
  }
  return dirs.filter((d) => existsSync(join(ROOT, d, 'src')));
}

/** The module path of a file under `src`, as segments (`[]` for the crate root). */
function modulePath(src, file) {
  const parts = relative(src, file).replace(/\.rs$/, '').split('/');
  const last = parts.at(-1);
  if (last === 'mod' || (parts.length === 1 && ['lib', 'main'].includes(last))) parts.pop();
  if (parts[0] === 'bin') return null; // each bin is its own crate root
  return parts;
}

/** The code of a file without its comments and string literals' contents. */
function code(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((line) => line.replace(/\/\/.*$/, ''))
    .join('\n')
    .replace(/r#*"[\s\S]*?"#*/g, '""')
    .replace(/"(?:[^"\\]|\\.)*"/g, '""');
}

/** Every path of a `use` tree: `a::{b, c::{d, e}}` → a::b, a::c::d, a::c::e. */
function expand(tree) {
  tree = tree.replace(/\s+/g, '');
  const open = tree.indexOf('{');
  if (open < 0) return [tree.replace(/ as \w+$/, '').replace(/as\w+$/, '')];
  const prefix = tree.slice(0, open);
  const inner = tree.slice(open + 1, tree.lastIndexOf('}'));
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '{') depth++;
    else if (inner[i] === '}') depth--;
    else if (inner[i] === ',' && depth === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  return parts.filter((p) => p).flatMap((p) => expand(prefix + p));
}

/** The lines inside inline `mod name { … }` blocks (where `super` is the file). */
function inlineModLines(text) {
  const lines = text.split('\n');
  const inside = new Set();
  let depth = 0;
  const stack = [];
  lines.forEach((line, i) => {
    if (/^\s*(pub(\([^)]*\))?\s+)?mod\s+\w+\s*\{/.test(line)) stack.push(depth);
    if (stack.length) inside.add(i);
    for (const c of line) {
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (stack.length && depth === stack.at(-1)) stack.pop();
      }
    }
  });
  return inside;
}

function analyse(crateDir) {
  const src = join(ROOT, crateDir, 'src');
  const files = new Map(); // key (a::b) → { file, segs, text }
  for (const file of rustFiles(src)) {
    const segs = modulePath(src, file);
    if (!segs) continue;
    files.set(segs.join('::'), { file: relative(ROOT, file), segs, text: code(readFileSync(file, 'utf8')) });
  }
  // Re-exports of each module file: name → full path it stands for.
  const reexports = new Map();
  for (const [key, f] of files) {
    const map = new Map();
    for (const m of f.text.matchAll(/pub(?:\([^)]*\))?\s+use\s+([^;]+);/g)) {
      for (const p of expand(m[1])) {
        const segs = p.split('::');
        const name = segs.at(-1);
        if (name === '*' || name === 'self') continue;
        map.set(name, absolute(f.segs, segs, false));
      }
    }
    reexports.set(key, map);
  }

  function absolute(fileSegs, segs, inInline) {
    segs = [...segs];
    let base;
    if (segs[0] === 'crate') {
      base = [];
      segs.shift();
    } else if (segs[0] === 'super' || segs[0] === 'self') {
      base = [...fileSegs];
      let first = true;
      while (segs[0] === 'super' || segs[0] === 'self') {
        const s = segs.shift();
        if (s === 'super' && !(first && inInline)) base.pop();
        first = false;
      }
    } else {
      // A path relative to the module (a child's name, or an outside crate).
      base = [...fileSegs];
      if (!files.has([...base, segs[0]].join('::'))) return null;
    }
    return [...base, ...segs];
  }

  /** The file (key) a full path resolves to, following re-exports. */
  function resolvePath(full, seen = 0) {
    for (let n = full.length; n >= 0; n--) {
      const key = full.slice(0, n).join('::');
      if (!files.has(key)) continue;
      const rest = full.slice(n);
      if (rest.length && seen < 5) {
        const target = reexports.get(key)?.get(rest[0]);
        if (target) return resolvePath([...target, ...rest.slice(1)], seen + 1) ?? key;
      }
      return key;
    }
    return null;
  }

  const edges = new Map([...files.keys()].map((k) => [k, new Set()]));
  for (const [key, f] of files) {
    const inline = inlineModLines(f.text);
    const lines = f.text.split('\n');
    const lineOf = (index) => f.text.slice(0, index).split('\n').length - 1;
    const paths = [];
    for (const m of f.text.matchAll(/(?:^|[^\w:])use\s+([^;]+);/g)) {
      if (/^\s*(pub\s+)?mod\b/.test(m[1])) continue;
      for (const p of expand(m[1])) paths.push([p.split('::'), inline.has(lineOf(m.index))]);
    }
    const noUse = f.text.replace(/(?:^|[^\w:])use\s+[^;]+;/g, ' ');
    for (const m of noUse.matchAll(/\b(?:crate|super|self)(?:::\w+)+/g)) {
      paths.push([m[0].split('::'), false]);
    }
    void lines;
    for (const [segs, inInline] of paths) {
      const full = absolute(f.segs, segs.filter((s) => s && s !== '*'), inInline);
      if (!full) continue;
      const target = resolvePath(full);
      if (!target || target === key) continue;
      const a = f.segs;
      const b = files.get(target).segs;
      const ancestor = (x, y) => x.length <= y.length && x.every((s, i) => s === y[i]);
      if (ancestor(a, b) || ancestor(b, a)) continue;
      edges.get(key).add(target);
    }
  }

  // Strongly connected components (Tarjan).
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const sccs = [];
  function strong(v) {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v)) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) sccs.push(comp.sort());
    }
  }
  for (const v of edges.keys()) if (!idx.has(v)) strong(v);

  // Module pairs: the children of the nearest common module on each side.
  const uses = new Set();
  for (const [a, targets] of edges) {
    for (const b of targets) {
      const x = files.get(a).segs;
      const y = files.get(b).segs;
      let i = 0;
      while (i < x.length && i < y.length && x[i] === y[i]) i++;
      uses.add(`${x.slice(0, i + 1).join('::')}\u0000${y.slice(0, i + 1).join('::')}`);
    }
  }
  const pairs = [];
  for (const u of uses) {
    const [a, b] = u.split('\u0000');
    if (a < b && uses.has(`${b}\u0000${a}`)) pairs.push(`${a} <-> ${b}`);
  }
  const name = (k) => (k === '' ? '(root)' : k);
  return { crateDir, files: files.size, sccs: sccs.map((c) => c.map(name)), pairs: pairs.sort() };
}

let totalCycles = 0;
let totalPairs = 0;
for (const dir of crates()) {
  const r = analyse(dir);
  const inCycles = r.sccs.reduce((n, c) => n + c.length, 0);
  totalCycles += r.sccs.length;
  totalPairs += r.pairs.length;
  console.log(
    `${r.crateDir}: ${r.files} files, ${r.sccs.length} file cycles (${inCycles} files in them), ${r.pairs.length} module pairs using each other`,
  );
  if (verbose) {
    for (const c of r.sccs) console.log(`  cycle: ${c.join(', ')}`);
    for (const p of r.pairs) console.log(`  pair: ${p}`);
  }
}
console.log(`total: ${totalCycles} file cycles, ${totalPairs} module pairs`);
process.exitCode = 0;
