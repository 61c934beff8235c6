// A release never holds a draft: the last step of every build that does not show
// drafts (GOOSEBUMPS_DRAFTS unset: `cargo xtask dist` and the test builds) reads
// the posts folder and fails the build, naming the draft and the file, if a
// draft's page, its address, or any of its longer texts (title, kicker,
// description, headline, quote) is found in any built file, the wasm included.
// build.rs and the pre-render step already leave drafts out; this checks the
// result, so a mistake anywhere upstream cannot publish one.
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { builtFiles } from './html.mjs';

/** Texts shorter than this could occur anywhere by chance: not searched for. */
const MIN_TEXT = 16;

export async function drafts({ dir, sourceDir }) {
  if (process.env.GOOSEBUMPS_DRAFTS === '1') return 'drafts are shown in this build (cargo xtask serve)';
  const from = process.env.GOOSEBUMPS_POSTS_DIR ? resolve(sourceDir, process.env.GOOSEBUMPS_POSTS_DIR) : join(sourceDir, 'src', 'content', 'posts');
  const found = [];
  for (const name of (await readdir(from)).filter((n) => n.endsWith('.json')).sort()) {
    let post;
    try {
      post = JSON.parse(await readFile(join(from, name), 'utf8'));
    } catch {
      continue; // Not JSON: not a draft the build could have read (the check step says why).
    }
    if (post?.draft === true) found.push({ name, post });
  }
  if (found.length === 0) return 'no drafts';
  const files = await builtFiles(dir);
  const contents = await Promise.all(files.map((file) => readFile(join(dir, file))));
  const problems = [];
  for (const { name, post } of found) {
    const slug = typeof post.slug === 'string' ? post.slug : undefined;
    const needles = [post.title, post.kicker, post.description, post.testimonial?.headline, post.testimonial?.quote]
      .filter((t) => typeof t === 'string' && t.length >= MIN_TEXT)
      .map((t) => Buffer.from(t));
    if (slug) needles.push(Buffer.from(`/${slug}/`));
    files.forEach((file, i) => {
      if (slug && (file.startsWith(`${slug}/`) || file === `replies/${slug}.json`)) {
        problems.push(`${file} is the draft ${name}'s`);
        return;
      }
      const hit = needles.find((n) => contents[i].includes(n));
      if (hit) problems.push(`${file} holds the draft ${name}'s ${JSON.stringify(hit.toString().slice(0, 60))}`);
    });
  }
  if (problems.length) throw new Error(`a draft is in the build:\n  ${problems.join('\n  ')}`);
  return `${found.length} draft(s) checked: in no built file`;
}
