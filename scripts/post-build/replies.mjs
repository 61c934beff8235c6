// Published replies: each post's file of them (src/content/replies/<slug>.json, or
// the folder GOOSEBUMPS_REPLIES_DIR names, e.g. a test's fixtures) is copied to
// replies/<slug>.json beside the page, without the indentation that keeps the
// source easy to review (the app parses every byte of it at start-up: 10,000
// replies are 1.4 MB instead of 2.0 MB). The page's HTML already shows their
// first page (the prerender step reads the same files); the app reads the whole
// file at start-up, and the service worker precaches it (it runs after this step),
// so published replies read offline too and the .wasm does not grow with them.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export async function replies({ dir, sourceDir }) {
  const from = process.env.GOOSEBUMPS_REPLIES_DIR
    ? resolve(sourceDir, process.env.GOOSEBUMPS_REPLIES_DIR)
    : join(sourceDir, 'src', 'content', 'replies');
  let files;
  try {
    files = (await readdir(from)).filter((name) => /^[a-z0-9-]+\.json$/.test(name)).sort();
  } catch (error) {
    if (error.code === 'ENOENT') return 'no published replies';
    throw error;
  }
  if (files.length === 0) return 'no published replies';
  await mkdir(join(dir, 'replies'), { recursive: true });
  for (const name of files) {
    const text = await readFile(join(from, name), 'utf8');
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      // The pre-render step read the same file and says where; this is a backstop.
      throw new Error(`${join(from, name)} is not JSON: ${error.message}`);
    }
    await writeFile(join(dir, 'replies', name), JSON.stringify(parsed));
  }
  return `${files.length} file(s) of published replies into replies/`;
}
