// No <base> element, and absolute URLs in <head>.
//
// The CSP says `base-uri 'none'`, which blocks any <base> element, so the page has
// none. Trunk already writes its own asset URLs with the public URL in front
// ("/sub/main-….css"); this step does the same for the hand-written ones of
// index.html's <head> (favicon, manifest, apple-touch-icon), so they are right at
// every URL the page is served at. The app's own relative URLs (flags/…, media/…)
// resolve against the page's URL, which is in the public URL's directory.
import { attributes, elements, headElements, pages, readIndex, splice, writeIndex } from './html.mjs';

const ABSOLUTE_OR_SPECIAL = /^(?:[a-z][a-z0-9+.-]*:|\/|#|\?)/i;

export async function publicUrls({ dir, publicUrl }) {
  let count = 0;
  const files = await pages(dir);
  for (const file of files) {
    const html = await readIndex(dir, file);
    if ([...elements(html)].some((el) => el.name === 'base')) {
      throw new Error(
        `${file} has a <base> element, which the CSP (base-uri 'none') blocks; ` +
          'leave it out: asset URLs are made absolute with the public URL instead',
      );
    }
    const changes = [];
    for (const el of headElements(html).elements) {
      const urlAttr = { link: 'href', script: 'src' }[el.name];
      if (!urlAttr) continue;
      const attr = attributes(el.attrs).find((a) => a.name === urlAttr);
      if (!attr || !attr.value || ABSOLUTE_OR_SPECIAL.test(attr.value)) continue;
      const at = el.start + 1 + el.name.length + attr.start;
      const url = `${publicUrl}${attr.value}`.replaceAll('"', '&quot;');
      changes.push({ start: at, end: at + (attr.end - attr.start), text: `${urlAttr}="${url}"` });
    }
    await writeIndex(dir, splice(html, changes), file);
    count += changes.length;
  }
  return `${count} <head> URL(s) in ${files.length} page(s) prefixed with ${publicUrl}`;
}
