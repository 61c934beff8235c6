// 1. Sizes of the release build (dist/): every file raw, gzip -9 and brotli 11 (the
// measure of tests/support/sizes.mjs, as the size guard uses), the WASM+JS and the
// whole page without video against issue 5's budgets.
import { relative } from 'node:path';
import { fileSizes, filesUnder } from '../support/sizes.mjs';
import { DIST, group, kb, log, table, verdict } from './lib.mjs';

const BUDGET = { wasmJs: 100_000, page: 150_000 }; // brotli bytes; 1 KB = 1,000 bytes

export async function sizes() {
  log('sizes');
  const all = filesUnder(DIST).map((file) => ({ name: relative(DIST, file), ...fileSizes(file) }));
  const isVideo = (f) => /^media\/.*\.(webm|mp4)$/i.test(f.name);
  const sum = (name, list) => ({
    name,
    raw: list.reduce((a, f) => a + f.raw, 0),
    gzip: list.reduce((a, f) => a + f.gzip, 0),
    brotli: list.reduce((a, f) => a + f.brotli, 0),
  });
  const pick = (re) => all.filter((f) => !f.name.includes('/') && re.test(f.name));
  const wasm = pick(/\.wasm$/);
  const js = pick(/\.m?js$/);
  const css = pick(/\.css$/);
  const html = all.filter((f) => f.name.endsWith('.html'));
  const wasmJs = sum('**WASM+JS**', [...wasm, ...js]);
  const page = sum('**whole page without video**', all.filter((f) => !isVideo(f)));
  const video = sum('video (media/*.webm, *.mp4; not in the totals)', all.filter(isVideo));
  const row = (f, budget) => [
    f.name.startsWith('**') || f.name.startsWith('video') ? f.name : `\`${f.name}\``,
    group(f.raw),
    group(f.gzip),
    group(f.brotli),
    budget ? `≤ ${kb(budget)} br: **${verdict(f.brotli, budget)}** (${kb(f.brotli)})` : '',
  ];
  const others = all.filter((f) => ![...wasm, ...js, ...css, ...html].includes(f) && !isVideo(f));
  const md = [
    table(
      ['file', 'raw bytes', 'gzip -9 bytes', 'brotli 11 bytes', 'budget'],
      [
        ...wasm.map((f) => row(f)),
        ...js.map((f) => row(f)),
        ...css.map((f) => row(f)),
        ...html.map((f) => row(f)),
        row(wasmJs, BUDGET.wasmJs),
        row(page, BUDGET.page),
        row(video),
      ],
    ),
    '',
    `The page total also counts: ${others.map((f) => `\`${f.name}\` (${group(f.brotli)} br)`).join(', ') || 'nothing else'}. ` +
      'Budgets are brotli bytes with 1 KB = 1,000 bytes; they are shown, never enforced.',
  ].join('\n');
  return {
    md,
    headline: { wasmJsBrotli: wasmJs.brotli, pageBrotli: page.brotli, wasmRaw: wasm.reduce((a, f) => a + f.raw, 0) },
  };
}
