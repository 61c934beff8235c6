// How the size guard (tests/size-budget.test.mjs) and the benchmarks (tests/bench/)
// measure the release build: each file compressed as a host would serve it, brotli
// at quality 11 (and gzip -9 for the benchmarks' table).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

/** Brotli at quality 11, as the static server (tests/e2e/serve.mjs) compresses. */
export const brotli = (body) =>
  brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } });

/** The size of `file` in bytes: as it is, gzip -9 and brotli 11. */
export function fileSizes(file) {
  const body = readFileSync(file);
  return { raw: body.length, gzip: gzipSync(body, { level: 9 }).length, brotli: brotli(body).length };
}

/** The brotli-compressed size of `file` in bytes. */
export const brotliSize = (file) => brotli(readFileSync(file)).length;

/** Every file below `dir`, in sorted order. */
export function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(path) : [path];
    })
    .sort();
}
