// 2. Lighthouse (mobile and desktop presets) on the app, and 3. the same on the
// floor: dist/ as plain HTML and CSS, its scripts taken out (dist-floor/), with the
// app/floor FCP and LCP ratios. Lighthouse runs on the Node 22 that npm installs.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { CHROME_FLAGS, CHROMIUM, DIST, LIGHTHOUSE_CLI, NODE22, ROOT, RUNS, fmtRatio, group, kb, log, median, ms, ratio, table, track } from './lib.mjs';

export const FLOOR = join(ROOT, 'dist-floor');

/** dist/ as plain HTML + CSS: every page without its scripts and script/wasm
 *  preloads; what the floor of `page` (`index.html`, `<slug>/index.html`) is. */
export async function makeFloor() {
  await rm(FLOOR, { recursive: true, force: true });
  await cp(DIST, FLOOR, { recursive: true });
  const info = {};
  for (const page of (await readdir(DIST, { recursive: true })).filter((f) => f.endsWith('.html'))) {
    info[page] = await floorOf(page);
  }
  return info;
}

async function floorOf(page) {
  const html = await readFile(join(DIST, page), 'utf8');
  let scripts = 0;
  let preloads = 0;
  const floor = html
    // Comments first: one that mentions a tag would otherwise start a match.
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, () => {
      scripts++;
      return '';
    })
    .replace(/<link\b[^>]*>/gi, (tag) => {
      const rel = (/\brel\s*=\s*["']?([^"'>]+)/i.exec(tag)?.[1] ?? '').toLowerCase().split(/\s+/);
      const href = /\bhref\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1] ?? '';
      if (rel.includes('modulepreload') || (rel.includes('preload') && /\.(wasm|m?js)(\?|#|$)/i.test(href))) {
        preloads++;
        return '';
      }
      return tag;
    });
  await writeFile(join(FLOOR, page), floor);
  const text = floor
    .replace(/<(script|style|noscript|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { page, scripts, preloads, visibleChars: text.length };
}

function lighthouseOnce(url, preset, outPath) {
  const args = [
    LIGHTHOUSE_CLI,
    url,
    '--output=json',
    `--output-path=${outPath}`,
    '--quiet',
    `--chrome-flags=${[...CHROME_FLAGS, '--headless=new'].join(' ')}`,
    '--only-categories=performance,accessibility,best-practices,seo',
  ];
  if (preset === 'desktop') args.push('--preset=desktop');
  return new Promise((res) => {
    const child = track(
      spawn(NODE22, args, { cwd: ROOT, env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ['ignore', 'ignore', 'pipe'] }),
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      stderr += '\n(timed out after 180 s)';
      child.kill('SIGINT'); // Lighthouse closes its Chrome on SIGINT
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    }, 180_000);
    child.once('exit', async (code) => {
      clearTimeout(timer);
      try {
        res({ lhr: JSON.parse(await readFile(outPath, 'utf8')), code, stderr });
      } catch {
        res({ lhr: null, code, stderr });
      }
    });
  });
}

function readLhr(lhr) {
  const audit = (id) => lhr.audits?.[id]?.numericValue ?? null;
  const score = (id) => (lhr.categories?.[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    bytes: audit('total-byte-weight'),
    // What the page fetched as script (reader.js; the app only on intent), compressed.
    scriptBytes: lhr.audits?.['resource-summary']?.details?.items?.find((i) => i.resourceType === 'script')?.transferSize ?? null,
    requests: lhr.audits?.['network-requests']?.details?.items?.length ?? null,
    error: lhr.runtimeError?.code ?? null,
  };
}

export async function lighthouse(appUrl, floorUrl, floorInfo) {
  const tmp = await mkdtemp(join(os.tmpdir(), 'goosebumps-lh-'));
  const results = {};
  try {
    for (const preset of ['mobile', 'desktop']) {
      results[preset] = { app: [], floor: [], floorErrors: [] };
      let floorPaints = true;
      // App and floor alternate, so drift in the machine hits both alike.
      for (let i = 0; i < RUNS.lighthouse; i++) {
        for (const [which, url] of [['app', appUrl], ['floor', floorUrl]]) {
          if (which === 'floor' && !floorPaints) continue;
          log(`lighthouse ${preset} ${which} run ${i + 1}/${RUNS.lighthouse}`);
          const out = join(tmp, `${preset}-${which}-${i}.json`);
          const { lhr, code, stderr } = await lighthouseOnce(url, preset, out);
          if (!lhr) {
            log(`lighthouse failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' / ')}`);
            results[preset][which === 'app' ? 'app' : 'floorErrors'].push({ error: `exit ${code}` });
            continue;
          }
          const r = readLhr(lhr);
          results[preset][which].push(r);
          if (which === 'floor' && (r.error || r.fcp == null)) {
            // A page that paints nothing makes Lighthouse wait for a paint that never
            // comes; once is enough to know.
            floorPaints = false;
            results[preset].floorErrors.push(r.error ?? 'no FCP');
          }
        }
      }
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }

  const med = (list, key) => median(list.map((r) => r[key]).filter((x) => x != null));
  const cols = ['performance', 'accessibility', 'bestPractices', 'seo', 'fcp', 'lcp', 'tbt', 'cls', 'bytes', 'scriptBytes', 'requests'];
  const summary = {};
  const rows = [];
  for (const preset of ['mobile', 'desktop']) {
    for (const which of ['app', 'floor']) {
      const list = results[preset][which].filter((r) => !r.error || r.fcp != null);
      const m = Object.fromEntries(cols.map((c) => [c, med(list, c)]));
      summary[`${preset}-${which}`] = m;
      const n = results[preset][which].length;
      const error = results[preset][which].find((r) => r.error)?.error;
      rows.push([
        `${preset} — ${which === 'app' ? 'app' : 'floor'}`,
        m.performance ?? '—',
        m.accessibility ?? '—',
        m.bestPractices ?? '—',
        m.seo ?? '—',
        m.fcp == null ? (error ? `— (${error})` : '—') : ms(m.fcp),
        m.lcp == null ? (error ? `— (${error})` : '—') : ms(m.lcp),
        ms(m.tbt),
        m.cls == null ? '—' : m.cls.toFixed(3),
        kb(m.bytes),
        kb(m.scriptBytes),
        m.requests ?? '—',
        String(n),
      ]);
    }
  }
  const ratioRows = ['mobile', 'desktop'].map((preset) => {
    const app = summary[`${preset}-app`];
    const floor = summary[`${preset}-floor`];
    const fcp = ratio(app.fcp, floor.fcp);
    const lcp = ratio(app.lcp, floor.lcp);
    const why = floor.fcp == null ? 'n/a: the floor paints nothing' : '—';
    return [
      preset,
      fcp == null ? why : `${fmtRatio(fcp)} ${fcp <= 1.05 ? '(pass)' : '(over)'}`,
      lcp == null ? why : `${fmtRatio(lcp)} ${lcp <= 1.05 ? '(pass)' : '(over)'}`,
    ];
  });
  const md = [
    table(
      ['preset — page', 'perf', 'a11y', 'best pr.', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS', 'transferred', 'script', 'requests', 'runs'],
      rows,
    ),
    '',
    `Lighthouse's own throttling (simulated; mobile: slow 4G and 4× CPU, desktop: its desktop preset), ` +
      `Debian Chromium \`--headless=new\`, median of ${RUNS.lighthouse} runs each; app and floor runs alternate. ` +
      'The static server compresses (brotli/gzip, as the browser accepts), as real hosts do, so "transferred" is compressed bytes.',
    '',
    `**The floor** is the same \`dist/${floorInfo.page}\` with its ${floorInfo.scripts} \`<script>\` tag(s) and ` +
      `${floorInfo.preloads} wasm/JS preload(s) removed (in \`dist-floor/\`): the plain HTML and CSS that the page ships, ` +
      `served and measured the same way. It has ${group(floorInfo.visibleChars)} characters of visible text` +
      (floorInfo.visibleChars === 0
        ? ' (the app renders everything client-side, and `<noscript>` is not shown while JavaScript runs), so it paints nothing ' +
          'and Lighthouse reports no FCP/LCP for it (it is then run once per preset: Lighthouse waits long for a paint that never comes).'
        : '.'),
    '',
    '### App / floor (target ≤ 1.05)',
    '',
    table(['preset', 'FCP app/floor', 'LCP app/floor'], ratioRows),
  ].join('\n');
  return { md, summary, ratioRows };
}
