import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserArgs, chooseBrowser, launchBrowser } from './browser';
import { ROOT } from './servers';

const NPM_BROWSER = path.join(ROOT, 'node_modules', '.cache', 'sparticuz-chromium', '143.0.4', 'chromium');

let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
});

describe('the test browser', () => {
  it('is the npm one unless CHROMIUM_PATH names another', () => {
    expect([
      chooseBrowser({}),
      chooseBrowser({ CHROMIUM_PATH: '' }),
      chooseBrowser({ CHROMIUM_PATH: '/usr/bin/chromium' }),
    ]).toEqual([
      { source: '@sparticuz/chromium', executablePath: NPM_BROWSER, version: '143.0.4' },
      { source: '@sparticuz/chromium', executablePath: NPM_BROWSER, version: '143.0.4' },
      { source: 'CHROMIUM_PATH', executablePath: '/usr/bin/chromium' },
    ]);
  });

  it("starts with the package's recommended flags, less the Lambda-only ones, plus ours", () => {
    expect(browserArgs()).toEqual([
      '--ash-no-nudges',
      '--disable-domain-reliability',
      '--disable-print-preview',
      '--disk-cache-size=33554432',
      '--no-default-browser-check',
      '--no-pings',
      '--font-render-hinting=none',
      '--ignore-gpu-blocklist',
      '--in-process-gpu',
      '--disable-webgl',
      '--disable-setuid-sandbox',
      '--no-sandbox',
      '--no-zygote',
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ]);
  });

  it.skipIf(Boolean(process.env.CHROMIUM_PATH))(
    'is Chromium 143.0.7499.0, which sees the fonts of its package (Open Sans) and no system font',
    async () => {
      browser = await launchBrowser();
      const page = await browser.newPage();
      // Every generic family falls back to the one font the browser has: Open Sans.
      const widths = await page.evaluate(`(() => {
        const context = document.createElement('canvas').getContext('2d');
        const width = (family) => {
          context.font = '16px ' + family;
          return context.measureText('Hello, world 0123').width;
        };
        return { openSans: width('"Open Sans"'), sansSerif: width('sans-serif'), serif: width('serif'), monospace: width('monospace') };
      })()`);
      const { openSans } = widths as { openSans: number };
      expect([browser.version(), widths]).toEqual([
        '143.0.7499.0',
        { openSans, sansSerif: openSans, serif: openSans, monospace: openSans },
      ]);
      await page.close();
    },
  );
});
