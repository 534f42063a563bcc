import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot } from './browser';

const base = inject('mainUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Every kind of page, with the longest content the dump has for it. */
const PAGES = [
  ['search', '/?q=tunnel'],
  ['search-page-2', '/?page=2'],
  ['search-did-you-mean', '/?q=vpm'],
  ['search-partial', '/?q=contnet+fitler+provdr'],
  ['search-out-of-range', '/?page=5'],
  ['thread-tls', '/posts/tls-communication-error-between-iphone-and-ipad-04be19?hl=9836#match-1'],
  ['thread-sysext', '/posts/ne-system-extension-stuck-on-validation-by-category-9b2f22'],
  ['errors', '/errors'],
  ['error-9836', '/errors/-9836'],
  ['apis', '/apis'],
  ['api', '/apis/NETransparentProxyProvider'],
  ['topics', '/topics'],
  ['topic', '/topics/tls-certificates'],
  ['forums', '/forums'],
] as const;

describe('phone widths', () => {
  it.each(PAGES)(
    '%s scrolls only vertically at 320 and 390 px (screenshots at 320, light and dark)',
    async (name, path) => {
      const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
      for (const width of [320, 390]) {
        await page.setViewportSize({ width, height: 700 });
        await page.goto(`${base}${path}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect({ width, overflow }).toEqual({ width, overflow: 0 });
      }
      await page.setViewportSize({ width: 320, height: 700 });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await screenshot(page, `phone-320-${name}-${scheme}`);
      }
      await page.close();
    },
  );

  it('keeps each month field of the Activity filter on the line of its label, inside the form, at 320 and 390 px', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
    for (const width of [320, 390]) {
      await page.setViewportSize({ width, height: 700 });
      await page.goto(`${base}/?q=tunnel`);
      await page.locator('.filters > summary').click();
      const layout = await page.locator('form.activity-range').evaluate((form) => {
        const box = form.getBoundingClientRect();
        const fields = [...form.querySelectorAll('input[type="month"]')].map((input) => {
          const field = input.getBoundingClientRect();
          const label = form.querySelector(`label[for="${input.id}"]`)!.getBoundingClientRect();
          const sameLine = label.top < field.bottom && field.top < label.bottom;
          return [input.id, sameLine, field.right <= box.right];
        });
        return { fields, overflow: form.scrollWidth - form.clientWidth };
      });
      expect({ width, ...layout }).toEqual({
        width,
        fields: [
          ['after', true, true],
          ['before', true, true],
        ],
        overflow: 0,
      });
    }
    await page.close();
  });

  it('keeps each syntax example of the search hint on one line at 320 px', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
    await page.goto(`${base}/`);
    const lines = await page
      .locator('.search-hint code')
      .evaluateAll((codes) => codes.map((code) => [code.textContent, code.getClientRects().length]));
    expect(lines).toEqual([
      ['-9836', 1],
      ['NEHotspotHelper', 1],
      ['"exact phrase"', 1],
      ['api:NWConnection', 1],
      ['os:"iOS 18"', 1],
      ['-word', 1],
    ]);
    await page.close();
  });
});
