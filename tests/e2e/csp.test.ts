import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page that records every Content-Security-Policy violation it reports, and the console's CSP errors. */
async function watchedPage(): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const page = await browser.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleErrors.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const violations = async () => [
    ...consoleErrors,
    ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])),
  ];
  return { page, violations };
}

const PAGES: Array<[string, number]> = [
  ['/', 200],
  ['/?q=vpn&sort=views', 200],
  ['/?q=-9836&expand=api', 200],
  ['/?page=abc', 400],
  ['/posts/tls-communication-error-between-iphone-and-ipad-3e8b5b?hl=9836', 200],
  ['/errors', 200],
  ['/errors/-9836', 200],
  ['/apis', 200],
  ['/apis/NWConnection', 200],
  ['/topics', 200],
  ['/topics/dns', 200],
  ['/no-such-page', 404],
  ['/unavailable', 404],
];

describe('the Content-Security-Policy', () => {
  it('is on every page, which loads under it with no violation reported', async () => {
    const base = inject('mainUrl');
    const slug = (
      (await (await fetch(`${base}/api/search?q=-9836&limit=1`)).json()) as { hits: Array<{ slug: string }> }
    ).hits[0]!.slug;
    const results: Array<{ path: string; status: number | undefined; csp: boolean; violations: string[] }> =
      [];
    for (const [path] of PAGES) {
      const { page, violations } = await watchedPage();
      const url = `${base}${path.replace(/^\/posts\/[^?]+/, `/posts/${slug}`)}`;
      const response = await page.goto(url, { waitUntil: 'networkidle' });
      const csp = response?.headers()['content-security-policy'] ?? '';
      results.push({
        path,
        status: response?.status(),
        csp: /script-src 'self' 'nonce-[^']+'/.test(csp) && csp.includes("frame-ancestors 'none'"),
        violations: await violations(),
      });
      await page.close();
    }
    expect(results).toEqual(PAGES.map(([path, status]) => ({ path, status, csp: true, violations: [] })));
  });

  it('lets the search box run (typing updates the results) with no violation', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${inject('mainUrl')}/`);
    await expect
      .poll(async () => {
        await page.keyboard.press('/');
        return page.evaluate(() => document.activeElement?.id);
      })
      .toEqual('q');
    await page.keyboard.type('vpn', { delay: 40 });
    await page.waitForURL((url) => url.searchParams.get('q') === 'vpn');
    await page.locator('.hits .hit').first().waitFor();
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it('serves the engine-down page under it with no violation', async () => {
    const { page, violations } = await watchedPage();
    const response = await page.goto(`${inject('downUrl')}/?q=vpn`);
    expect([response?.status(), await page.locator('h1').textContent(), await violations()]).toEqual([
      503,
      'Search is temporarily unavailable',
      [],
    ]);
    await page.close();
  });

  it('cannot be framed, and JSON and the feed carry the same headers', async () => {
    const base = inject('mainUrl');
    const responses = await Promise.all(
      ['/api/search?q=vpn', '/api/health', '/feed.xml', '/api/posts/nope', '/posts/%'].map((p) =>
        fetch(`${base}${p}`),
      ),
    );
    const pick = (r: Response) => ({
      status: r.status,
      frameAncestors: r.headers.get('content-security-policy')?.includes("frame-ancestors 'none'"),
      objectSrc: r.headers.get('content-security-policy')?.includes("object-src 'none'"),
      nosniff: r.headers.get('x-content-type-options'),
      referrer: r.headers.get('referrer-policy'),
      frame: r.headers.get('x-frame-options'),
    });
    const same = {
      frameAncestors: true,
      objectSrc: true,
      nosniff: 'nosniff',
      referrer: 'strict-origin-when-cross-origin',
      frame: 'DENY',
    };
    expect(responses.map(pick)).toEqual([200, 200, 200, 404, 400].map((status) => ({ status, ...same })));
  });
});
