import { test, expect, open, fillComment, CSP_VIOLATION, POST_PATH } from './fixtures';
import type { Page } from '@playwright/test';

const CSP_META = 'meta[http-equiv="Content-Security-Policy"]';

/** A policy as directive → sources. */
function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

/** The SHA-256 of each inline script of the page, as CSP writes it. */
function inlineScriptHashes(page: Page) {
  return page.evaluate(async () => {
    const hashes = [];
    // JSON-LD is data: no policy applies to it, so none hashes it.
    for (const script of document.querySelectorAll('script:not([src]):not([type="application/ld+json"])')) {
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(script.textContent ?? ''));
      hashes.push(`'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`);
    }
    return hashes;
  });
}

for (const path of [POST_PATH, `/sub${POST_PATH}`]) {
  test(`the page at ${path} carries a strict Content-Security-Policy, also in _headers`, async ({ page, request }) => {
    await open(page, path);
    await expect(page.locator(CSP_META)).toHaveCount(1);
    // First after <meta charset>, so it covers everything the page loads.
    const firstInHead = await page.evaluate(() =>
      [...document.head.children].slice(0, 2).map((el) => el.getAttribute('charset') ?? el.getAttribute('http-equiv')),
    );
    expect(firstInHead).toEqual(['utf-8', 'Content-Security-Policy']);
    // base-uri 'none': the page has no <base>; its URLs work without one.
    await expect(page.locator('base')).toHaveCount(0);

    const content = (await page.locator(CSP_META).getAttribute('content')) ?? '';
    const policy = parse(content);
    const sources = [...policy.values()].flat();
    for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'http:', 'https:']) {
      expect(sources, `no ${unsafe}`).not.toContain(unsafe);
    }
    const [self, wasm, ...hashes] = policy.get('script-src') ?? [];
    expect([self, wasm]).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    // Exactly the inline scripts the page has (Trunk's loader), by hash.
    expect(hashes.length).toBeGreaterThan(0);
    expect(hashes.sort()).toEqual((await inlineScriptHashes(page)).sort());
    expect(Object.fromEntries([...policy].filter(([name]) => name !== 'script-src'))).toEqual({
      'default-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'media-src': ["'self'"],
      'frame-src': ['https://www.youtube-nocookie.com'],
      'connect-src': ["'self'"],
      'manifest-src': ["'self'"],
      'worker-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
    });
    // No inline style attributes for style-src 'self' to block.
    await expect(page.locator('[style]')).toHaveCount(0);

    // _headers, at the site's root: the same policy for hosts that send it as a
    // header, with every page's hashes (one header serves the whole site), plus
    // frame-ancestors.
    const siteRoot = path.slice(0, -POST_PATH.length + 1);
    const headers = await (await request.get(`${siteRoot}_headers`)).text();
    const header = new RegExp(`^${siteRoot}\\*\\n  Content-Security-Policy: (.*)$`, 'm').exec(headers)?.[1] ?? '';
    const sent = parse(header);
    expect(sent.get('frame-ancestors')).toEqual(["'none'"]);
    for (const hash of hashes) expect(sent.get('script-src')).toContain(hash);
    for (const [name, sources] of policy) if (name !== 'script-src') expect(sent.get(name), name).toEqual(sources);
  });
}

test('everything works under the policy: posting, the video, the manifest and icons', async ({ page }) => {
  // The `problems` fixture fails this test on any CSP violation.
  await open(page);
  await fillComment(page, { comment: 'Strict and working.', name: 'Csp', email: 'csp@example.com' });
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.locator('li.comment')).toContainText('Strict and working.');

  await page.getByRole('tab', { name: 'Video' }).click();
  const video = page.locator('#panel-video video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 10_000 }).toBeGreaterThan(0);
  // The poster and the captions are allowed too.
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => (v.textTracks[0].mode = 'hidden', v.textTracks[0].cues?.length ?? 0)))
    .toBeGreaterThan(0);

  // The manifest and its icons load (manifest-src, img-src).
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    const json = await (await fetch(link!.href)).json();
    const icons = await Promise.all(
      json.icons.map(
        (icon: { src: string }) =>
          new Promise((resolve) => {
            const img = new Image();
            img.onload = () => resolve(img.naturalWidth);
            img.onerror = () => resolve(0);
            img.src = new URL(icon.src, link!.href).href;
          }),
      ),
    );
    return { name: json.name, icons };
  });
  expect(manifest.name).toBe('Goosebumps — Miracle in cell no. 7');
  expect(manifest.icons.every((width) => (width as number) > 0)).toBe(true);
});

test('an injected inline script is blocked, and the violation is reported', async ({ page, problems }) => {
  await open(page);
  const outcome = await page.evaluate(async () => {
    const violation = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(`${e.effectiveDirective} ${e.blockedURI}`), {
        once: true,
      }),
    );
    const script = document.createElement('script');
    script.textContent = 'window.injectedScriptRan = true;';
    document.body.append(script);
    return { violation: await violation, ran: 'injectedScriptRan' in window };
  });
  expect(outcome).toEqual({ violation: 'script-src-elem inline', ran: false });

  // The fixture saw it too. It is the one violation this test expects: take it
  // (and Chromium's console message about it) out of `problems`, which must then
  // hold nothing else.
  const expected = (p: string) =>
    p.startsWith(`${CSP_VIOLATION} script-src-elem blocked inline`) ||
    (p.startsWith('console error:') && p.includes('inline script') && p.includes('Content Security Policy'));
  await expect.poll(() => problems.filter((p) => p.startsWith(CSP_VIOLATION))).toHaveLength(1);
  expect(problems.filter(expected).length).toBeGreaterThan(0);
  const unexpected = problems.filter((p) => !expected(p));
  problems.splice(0, problems.length, ...unexpected);
});
