// A cache in front of binaryen's wasm-opt, for Trunk: the same input bytes with
// the same options give the same output, so a rebuild whose wasm did not change
// (new published replies, a post's text, another test build of the same app)
// copies the optimised file it made before instead of running wasm-opt again
// (about 11 s when the machine is idle, 30 s when it is busy).
//
// `cargo xtask` puts a shim named `wasm-opt` first on PATH
// (target/tool-cache/bin/wasm-opt) that runs: node scripts/wasm-opt-cache.mjs
// <the real wasm-opt> <Trunk's arguments>. Anything that is not one input file
// and one --output (`--version`, `--help`) goes to the real tool as it is.
// The key hashes the tool's version, the options (without the file names) and
// the input's bytes; the cache keeps the 8 newest files in target/wasm-opt-cache/.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [real, ...args] = process.argv.slice(2);
const KEEP = 8;

function passThrough() {
  const run = spawnSync(real, args, { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const outputs = args.filter((a) => a.startsWith('--output=') || a.startsWith('-o='));
const inputs = args.filter((a) => !a.startsWith('-') && a.endsWith('.wasm'));
if (outputs.length !== 1 || inputs.length !== 1 || args.includes('-o')) passThrough();
const output = outputs[0].slice(outputs[0].indexOf('=') + 1);
const input = inputs[0];
const options = args.filter((a) => a !== outputs[0] && a !== input);

const version = spawnSync(real, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
const key = createHash('sha256')
  .update(JSON.stringify({ version, options }))
  .update(readFileSync(input))
  .digest('hex')
  .slice(0, 32);
const dir = resolve(import.meta.dirname, '..', 'target', 'wasm-opt-cache');
const cached = join(dir, `${key}.wasm`);
try {
  copyFileSync(cached, output);
  const now = new Date();
  utimesSync(cached, now, now);
  console.error(`wasm-opt-cache: the same input and options as before: ${key}.wasm`);
  process.exit(0);
} catch {
  // Not cached yet: run it.
}
const run = spawnSync(real, args, { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
mkdirSync(dir, { recursive: true });
// Through a temporary name, so a cut-off copy is never taken for a whole one.
copyFileSync(output, `${cached}.tmp`);
renameSync(`${cached}.tmp`, cached);
const entries = readdirSync(dir)
  .filter((n) => n.endsWith('.wasm'))
  .map((n) => ({ path: join(dir, n), at: statSync(join(dir, n)).mtimeMs }))
  .sort((a, b) => b.at - a.at);
for (const old of entries.slice(KEEP)) rmSync(old.path, { force: true });
