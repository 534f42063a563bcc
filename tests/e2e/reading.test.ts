import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot } from './browser';
import { startServer, type Server } from './servers';

const base = inject('mainUrl');
const TLS = '/posts/tls-communication-error-between-iphone-and-ipad-04be19';
const SYSEXT = '/posts/ne-system-extension-stuck-on-validation-by-category-9b2f22';
let browser: Browser;
let sited: Server;

beforeAll(async () => {
  [browser, sited] = await Promise.all([
    launchBrowser(),
    startServer('tmp/e2e/main', { SITE_URL: 'https://kb.example.org' }),
  ]);
});
afterAll(async () => {
  sited?.stop();
  await browser?.close();
});

/** The code blocks of the page: language label and line count. */
const blocksOn = (page: import('playwright-core').Page) =>
  page.locator('.code-block').evaluateAll((blocks) =>
    blocks.map((b) => ({
      language: b.querySelector('.code-language')?.textContent,
      lines: (b.querySelector('pre')?.textContent ?? '').replace(/\n$/, '').split('\n').length,
    })),
  );

describe('reading a thread', () => {
  it('shows the TLS listing as one Swift block of 85 highlighted lines, no fences', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}${TLS}`);
    expect(await blocksOn(page)).toEqual([{ language: 'Swift', lines: 85 }]);
    expect(await page.locator('pre code.hljs.language-swift .hljs-keyword').count()).toEqual(92);
    expect(await page.locator('.post-body').textContent()).not.toContain('```');
    expect(await page.locator('.post-body [style]').count()).toEqual(0);
    await page.close();
  });

  it('shows the system extension post as Swift, its sysextd log one entry a line, Swift', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}${SYSEXT}`);
    expect(await blocksOn(page)).toEqual([
      { language: 'Swift', lines: 40 },
      { language: 'Log', lines: 13 },
      { language: 'Swift', lines: 4 },
    ]);
    const text = await page.locator('.post-body').textContent();
    expect(text).not.toContain('```');
    expect(await page.locator('.post-body .code-block').nth(1).textContent()).not.toContain('`');
    await page.close();
  });

  it('copies one block with its Copy button', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const page = await context.newPage();
    await page.goto(`${base}${SYSEXT}`);
    const copy = page.getByRole('button', { name: 'Copy swift block 3 of 3' });
    await copy.click();
    await page.getByText('Copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toEqual(
      'public func request(_: OSSystemExtensionRequest, didFailWithError error: Error) {\n    self.error = error\n    semaphore.signal()\n}',
    );
    await context.close();
  });

  it('without JavaScript: no Copy buttons, the permalink in a read-only field, header search reaches results', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}${SYSEXT}`);
    expect(await page.getByRole('button', { name: /^Copy/ }).count()).toEqual(0);
    expect(await page.getByRole('textbox', { name: 'Link to this thread' }).inputValue()).toEqual(
      `${base}${SYSEXT}`,
    );
    const search = page.getByRole('search', { name: 'Site' });
    await search.getByRole('searchbox').fill('-9836');
    await Promise.all([page.waitForURL(/\/\?q=-9836$/), search.getByRole('button').click()]);
    expect(await page.locator('.hits .hit h3').first().textContent()).toEqual(
      'TLS communication error between iPhone and iPad',
    );
    await context.close();
  });

  it('/ focuses the header search on a thread page', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}${TLS}`);
    // The shortcut works once the page has hydrated, which can come after the load event on a busy machine.
    await expect
      .poll(async () => {
        await page.locator('body').press('/');
        return page.evaluate(() => document.activeElement?.id);
      })
      .toEqual('site-q');
    await page.close();
  });

  it('leads to the replies on the Apple Developer Forums', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}${TLS}`);
    const link = page.getByRole('link', { name: 'Find this thread on Apple Developer Forums' });
    expect(await link.getAttribute('href')).toEqual(
      'https://developer.apple.com/forums/search?q=%22TLS%20communication%20error%20between%20iPhone%20and%20iPad%22',
    );
    expect(await page.locator('.original-thread').textContent()).toMatch(
      /^The (reply lives|\d+ replies live) on the Apple Developer Forums\./,
    );
    await page.close();
  });

  it('a result link lands on the first match, in view, and moves to the next', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}/?q=sec_protocol_options_set_local_identity`);
    await Promise.all([page.waitForURL(/#match-1$/), page.locator('.hits .hit h3 a').first().click()]);
    await page.waitForFunction(() => window.scrollY > 500);
    const inView = () =>
      page.evaluate(() => {
        const r = document.querySelector(window.location.hash)!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
    expect(await inView()).toEqual(true);
    await expect.poll(() => page.locator('.match-nav span').textContent()).toEqual('Match 1 of 1');
    await screenshot(page, 'thread-hl-landing');
    await page.goto(`${base}${TLS}?hl=pkcs12Options#match-1`);
    await expect.poll(() => page.locator('.match-nav span').textContent()).toEqual('Match 1 of 2');
    await page.getByRole('link', { name: 'Next match' }).click();
    await page.waitForURL(/#match-2$/);
    // The count follows the hashchange event, one render after the URL changed.
    await expect.poll(() => page.locator('.match-nav span').textContent()).toEqual('Match 2 of 2');
    await expect.poll(inView).toEqual(true);
    await page.close();
  });

  it('the Copy link, canonical, og:url and feed follow the served host with SITE_URL unset', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}${TLS}`);
    expect(await page.locator('link[rel=canonical]').getAttribute('href')).toEqual(`${base}${TLS}`);
    expect(await page.locator('meta[property="og:url"]').getAttribute('content')).toEqual(`${base}${TLS}`);
    expect(await page.locator('meta[property="og:site_name"]').getAttribute('content')).toEqual(
      'NE Forum Search',
    );
    expect(await page.locator('meta[name="twitter:card"]').getAttribute('content')).toEqual(
      'summary_large_image',
    );
    const feed = await (
      await fetch(`${base}/feed.xml`, { headers: { 'X-Forwarded-Host': 'evil.example' } })
    ).text();
    expect(feed).toContain(`<link rel="self" type="application/atom+xml" href="${base}/feed.xml"/>`);
    expect(feed).not.toContain('evil.example');
    await page.close();
  });

  it('og:image is a 1200×630 PNG card that Chromium renders', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}${TLS}`);
    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(image?.startsWith(`${base}${TLS}/opengraph-image`)).toEqual(true);
    const size = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, image!);
    expect(size).toEqual([1200, 630]);
    const response = await fetch(image!);
    expect(response.headers.get('content-type')).toEqual('image/png');
    // No card for a thread that is not there: a 404, as the page.
    const missing = await fetch(`${base}/posts/no-such-thread-000000/opengraph-image`);
    expect(missing.status).toEqual(404);
    await page.close();
  });

  it('the same links use SITE_URL when it is set', async () => {
    const page = await browser.newPage();
    await page.goto(`${sited.url}${TLS}`);
    expect(await page.locator('link[rel=canonical]').getAttribute('href')).toEqual(
      `https://kb.example.org${TLS}`,
    );
    expect(await page.getByRole('textbox', { name: 'Link to this thread' }).inputValue()).toEqual(
      `https://kb.example.org${TLS}`,
    );
    const feed = await (await fetch(`${sited.url}/feed.xml`)).text();
    expect(feed).toContain('<id>https://kb.example.org/feed.xml</id>');
    await page.close();
  });
});
