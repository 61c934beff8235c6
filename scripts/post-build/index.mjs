// Trunk's post_build hook (see Trunk.toml): finishes the build in Trunk's staging
// directory, before Trunk moves it to dist/. Plain Node (≥ 20), no packages.
//
// Trunk 0.21 starts all hooks of one stage at the same time, so the steps that
// must run in order are run here, one after the other:
//
//   1. prerender: every page, rendered natively from the app's components (so
//      the steps below see the final HTML), and each built post's published
//      replies as replies/<slug>.json;
//   2. publicUrls: no <base> element; the hand-written URLs of <head> are made
//      absolute with the public URL (Trunk's own already are);
//   3. csp: the Content-Security-Policy <meta>, with the hashes of the inline
//      scripts of the final index.html, and the same policy in _headers;
//   4. reader: reader.js without its comments (the one script a reading visit loads);
//   5. serviceWorker: sw.js with the list of files to precache and a version that
//      hashes their bytes (index.html included, so it comes after the page's steps);
//   6. headers: _headers with the policy of step 3, the other security headers and
//      the caching rules (immutable for hashed files, no-cache for the page, sw.js…).
//   7. hosts: nginx.conf and .htaccess, the same headers, caching, types and 404 page
//      for nginx and Apache, read from the _headers of step 5.
//   8. drafts: a build that does not show drafts fails if a draft's page, address
//      or text is in any built file.
//
// Run by hand: TRUNK_STAGING_DIR=dist TRUNK_PUBLIC_URL=/ node scripts/post-build/index.mjs
import { resolve } from 'node:path';
import { prerender } from './prerender.mjs';
import { publicUrls } from './public-urls.mjs';
import { csp } from './csp.mjs';
import { reader } from './reader.mjs';
import { serviceWorker } from './service-worker.mjs';
import { headers } from './headers.mjs';
import { hosts } from './hosts.mjs';
import { drafts } from './drafts.mjs';

const steps = [prerender, publicUrls, csp, reader, serviceWorker, headers, hosts, drafts];

const build = {
  // The directory being built (Trunk's staging dir, moved to dist/ afterwards).
  dir: resolve(required('TRUNK_STAGING_DIR')),
  // Where the site is served: "/", "/sub/"… (Trunk adds the trailing slash).
  publicUrl: required('TRUNK_PUBLIC_URL'),
  // The project root (index.html's directory).
  sourceDir: resolve(process.env.TRUNK_SOURCE_DIR ?? '.'),
};

if (/^[a-z][a-z0-9+.-]*:/i.test(build.publicUrl)) {
  fail(`the public URL must be a path ("/", "/blog/"), not ${build.publicUrl}: the CSP allows 'self' only`);
}

for (const step of steps) {
  try {
    const note = await step(build);
    console.log(`post-build: ${step.name}: ${note}`);
  } catch (error) {
    fail(`${step.name}: ${error.message}`);
  }
}

function required(name) {
  const value = process.env[name];
  if (!value) fail(`${name} is not set (this script is Trunk's post_build hook)`);
  return value;
}

function fail(message) {
  console.error(`post-build: ${message}`);
  process.exit(1);
}
