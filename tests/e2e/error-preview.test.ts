import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { ROOT } from './servers';

const base = inject('mainUrl');
const CODE_PAGE = '/errors/-9836';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page that may load only from the app under test; every other request is refused and listed. */
async function offlinePage(): Promise<{ page: Page; refused: string[] }> {
  const page = await browser.newPage();
  const refused: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${base}/`)) return route.continue();
    refused.push(url);
    return route.abort();
  });
  return { page, refused };
}

/** The content of a `<meta>` in the page's head. */
const meta = (page: Page, selector: string) => page.locator(`head meta${selector}`).getAttribute('content');

describe('an error code’s link preview', () => {
  it('the page’s head points og:image and twitter:image at its 1200×630 PNG card on the served host', async () => {
    const { page, refused } = await offlinePage();
    await page.goto(`${base}${CODE_PAGE}`);
    const image = await meta(page, '[property="og:image"]');
    expect(image).toMatch(
      new RegExp(`^${base.replace(/[.]/g, '\\.')}${CODE_PAGE}/opengraph-image(\\?[0-9a-z]+)?$`),
    );
    expect(await meta(page, '[name="twitter:image"]')).toEqual(image);
    expect(await meta(page, '[property="og:image:type"]')).toEqual('image/png');
    expect(await meta(page, '[property="og:image:width"]')).toEqual('1200');
    expect(await meta(page, '[property="og:image:height"]')).toEqual('630');
    expect(await meta(page, '[property="og:site_name"]')).toEqual('NE Forum Search');
    expect(await meta(page, '[name="twitter:card"]')).toEqual('summary_large_image');
    const size = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, image!);
    expect(size).toEqual([1200, 630]);
    expect(refused).toEqual([]);
    const response = await fetch(image!);
    expect(response.status).toEqual(200);
    expect(response.headers.get('content-type')).toEqual('image/png');
    const png = Buffer.from(await response.arrayBuffer());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // For a look: tmp/screenshots/error-card-9836.png.
    mkdirSync(path.join(ROOT, 'tmp', 'screenshots'), { recursive: true });
    writeFileSync(path.join(ROOT, 'tmp', 'screenshots', 'error-card-9836.png'), png);
    await page.close();
  });

  it('a code in another written form gets the same card; no code, or one nobody knows, a 404 as the page', async () => {
    const card = await fetch(`${base}/errors/errSSLPeerProtocolVersion/opengraph-image`);
    expect([card.status, card.headers.get('content-type')]).toEqual([200, 'image/png']);
    for (const segment of ['-99999', 'not-a-code']) {
      const [page, image] = await Promise.all([
        fetch(`${base}/errors/${segment}`),
        fetch(`${base}/errors/${segment}/opengraph-image`),
      ]);
      expect({ segment, page: page.status, image: image.status }).toEqual({ segment, page: 404, image: 404 });
      expect(await image.text()).toEqual('No such error code.\n');
    }
  });
});

describe('the sitemap of the bundled dump', () => {
  it('is one well-formed urlset with the error page; ?part= past it or not a number is a 404', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    const xml = await (await fetch(`${base}/sitemap.xml`)).text();
    const read = await page.evaluate((text) => {
      const document = new DOMParser().parseFromString(text, 'application/xml');
      return {
        errors: document.getElementsByTagName('parsererror').length,
        root: document.documentElement.tagName,
        locs: [...document.getElementsByTagName('loc')].map((loc) => loc.textContent),
      };
    }, xml);
    expect({ errors: read.errors, root: read.root }).toEqual({ errors: 0, root: 'urlset' });
    expect(read.locs.filter((loc) => loc === `${base}${CODE_PAGE}`)).toEqual([`${base}${CODE_PAGE}`]);
    expect(read.locs.filter((loc) => loc?.startsWith(`${base}/posts/`)).length).toEqual(20);
    for (const part of ['0', '1', '2', 'abc', '-1', '01', '']) {
      const response = await fetch(`${base}/sitemap.xml?part=${part}`);
      expect({ part, status: response.status }).toEqual({ part, status: 404 });
    }
    await page.close();
  });
});
