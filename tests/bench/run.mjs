// The benchmarks behind `cargo xtask bench`: they print numbers, they do not pass or
// fail. Expects the release build in dist/ (xtask builds it first). Writes
// BENCHMARKS.md at the repo root and prints the same tables to stdout; progress goes
// to stderr. Everything is served from 127.0.0.1 and every server and browser it
// starts is stopped before it exits.
//
//   node tests/bench/run.mjs
//   BENCH_QUICK=1 BENCH_ONLY=sizes,startup node tests/bench/run.mjs   (while working on it;
//   writes test-results/bench-partial.md instead of BENCHMARKS.md)
//
// Sections, each in its own module over lib.mjs (the shared library): sizes.mjs,
// lighthouse.mjs (with the floor), startup.mjs, scale.mjs, typing.mjs, published.mjs. This file runs
// them in that order and writes the report.

import { execFileSync } from 'node:child_process';
import { mkdir, readFile, stat, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { CHROMIUM, DIST, LIGHTHOUSE_CLI, NODE22, QUICK, ROOT, launch, loadavg, log, serve, stopAll, table } from './lib.mjs';
import { sizes } from './sizes.mjs';
import { FLOOR, lighthouse, makeFloor } from './lighthouse.mjs';
import { startup } from './startup.mjs';
import { scale } from './scale.mjs';
import { published } from './published.mjs';
import { typing } from './typing.mjs';
import { intent } from './intent.mjs';
import { POST } from '../support/records.mjs';

const ALL_SECTIONS = ['sizes', 'lighthouse', 'startup', 'scale', 'typing', 'published', 'intent'];
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((s) => s.trim()) : ALL_SECTIONS;
const PARTIAL = QUICK || ONLY.length < ALL_SECTIONS.length;
const OUT = resolve(ROOT, process.env.BENCH_OUT ?? (PARTIAL ? 'test-results/bench-partial.md' : 'BENCHMARKS.md'));

// ---------------------------------------------------------------- machine

async function machine(browserVersion) {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  const cpu = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {}
  const lighthouse = JSON.parse(await readFile(join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')).version;
  const node22 = execFileSync(NODE22, ['--version'], { encoding: 'utf8' }).trim();
  return (
    [
      ['Date', new Date().toISOString().replace(/\.\d+Z$/, 'Z')],
      ['Commit', commit],
      ['CPU', cpu],
      ['Cores', String(os.cpus().length)],
      ['Memory', `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`],
      ['Chromium', `${browserVersion} (${CHROMIUM}, headless)`],
      ['Node', `${process.version} (this script), ${node22} (Lighthouse)`],
      ['Lighthouse', lighthouse],
      ['Load average at start (1/5/15 min)', loadavg()],
    ]
  );
}

// ---------------------------------------------------------------- main

async function main() {
  const began = Date.now();
  for (const file of [DIST, join(DIST, 'index.html'), join(DIST, POST, 'index.html')]) {
    await stat(file).catch(() => {
      throw new Error(`${relative(ROOT, file)} is missing: build first (cargo xtask bench does)`);
    });
  }
  for (const file of [NODE22, LIGHTHOUSE_CLI]) {
    await stat(file).catch(() => {
      throw new Error(`${relative(ROOT, file)} is missing: run npm ci`);
    });
  }
  const sections = [];
  const headline = {};
  let browser;
  try {
    browser = await launch();
    const machineRows = await machine(browser.version());
    const busyAtStart = os.loadavg()[0] > 1.5;

    if (ONLY.includes('sizes')) {
      const s = await sizes();
      sections.push(['1. Sizes of the release build (`dist/`)', s.md]);
      Object.assign(headline, s.headline);
    }

    const floorInfo = await makeFloor();
    const app = await serve(relative(ROOT, DIST));
    const floor = await serve(relative(ROOT, FLOOR));

    if (ONLY.includes('lighthouse')) {
      // Lighthouse starts its own Chromium: close ours meanwhile, the machine has 2 cores.
      await browser.close();
      browser = null;
      // The post's page and the home page, each against its own floor.
      const l = await lighthouse(`${app.url}${POST}/`, `${floor.url}${POST}/`, floorInfo[`${POST}/index.html`]);
      sections.push(['2. Lighthouse, and 3. against the floor: the post', l.md]);
      headline.lighthouse = l.summary;
      headline.floorRatios = l.ratioRows;
      const h = await lighthouse(app.url, floor.url, floorInfo['index.html']);
      sections.push(['2. Lighthouse, and 3. against the floor: the home page', h.md]);
      headline.homeLighthouse = h.summary;
      headline.homeFloorRatios = h.ratioRows;
      browser = await launch();
    }
    if (ONLY.includes('startup')) {
      const s = await startup(browser, `${app.url}${POST}/`);
      sections.push(['4. Start-up: navigation to interactive', s.md]);
      headline.startup = s.summary;
    }
    if (ONLY.includes('scale')) {
      const s = await scale(browser, `${app.url}${POST}/`);
      sections.push(['5. Comment scale', s.md]);
      headline.scale = { startRatio: s.startRatio, postRatio: s.postRatio };
    }
    if (ONLY.includes('typing')) {
      const t = await typing(browser, `${app.url}${POST}/`);
      sections.push(['6. Typing into a long comment', t.md]);
      headline.typing = t.results;
    }

    if (ONLY.includes('published')) {
      const p = await published(browser);
      sections.push(['7. Published replies: start-up with 10, 1,000 and 10,000', p.md]);
      headline.published = { startRatio: p.startRatio };
    }
    if (ONLY.includes('intent')) {
      const t = await intent(browser, `${app.url}${POST}/`);
      sections.push(['8. Intent → live: the app on the reader\'s intent', t.md]);
    }

    const minutes = ((Date.now() - began) / 60_000).toFixed(1);
    const md = [
      '# Benchmarks',
      '',
      `Made by \`cargo xtask bench\` (\`tests/bench/run.mjs\`) in ${minutes} minutes` +
        (PARTIAL ? ` — a partial run (BENCH_QUICK/BENCH_ONLY: ${ONLY.join(', ')})` : '') +
        '. Numbers, not pass/fail tests.',
      '',
      '> **Absolute times vary between runs and between machines** (this one is small and shared). Compare the ' +
        '**ratios** (app/floor, 10,000/10 comments) and the same figure before and after a change, measured on the same machine.',
      '',
      '## Machine',
      '',
      table(['', ''], [...machineRows, ['Load average at end', loadavg()]], { numeric: false }),
      '',
      ...(busyAtStart || os.loadavg()[0] > 1.5
        ? ['Other processes were busy on this machine during the run (see the load), so the times are noisier than usual.', '']
        : []),
      ...sections.flatMap(([title, body]) => [`## ${title}`, '', body, '']),
    ].join('\n');
    await mkdir(dirname(OUT), { recursive: true });
    await writeFile(OUT, md);
    console.log(md);
    log(`wrote ${relative(ROOT, OUT)} in ${minutes} minutes`);
  } finally {
    if (browser) await browser.close();
    stopAll();
    await rm(FLOOR, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    stopAll();
    process.exit(1);
  },
);
