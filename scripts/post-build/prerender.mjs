// Pre-renders the page into index.html, from the same Leptos components the app
// runs, so the text is there before any WebAssembly arrives (and without
// JavaScript). The Rust binary `prerender` (src/bin/prerender.rs, built natively
// with the `ssr` feature) does the rendering; this step only runs it on the staged
// index.html. It must run first: the CSP hashes and the service worker's version
// are computed from the final index.html.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export async function prerender({ dir, sourceDir }) {
  const index = join(dir, 'index.html');
  const args = ['run', '--quiet', '--bin', 'prerender', '--no-default-features', '--features', 'ssr', '--', index];
  const run = spawnSync('cargo', args, { cwd: sourceDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.error) throw new Error(`could not run cargo: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`cargo ${args.join(' ')} failed (${run.status})`);
  return run.stdout.trim();
}
