import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot } from './browser';
import { ROOT } from './servers';

const base = inject('mainUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Open `url` and wait for its fonts; the font files it fetched, by their names without Next's hash. */
async function fontFiles(page: Page, url: string): Promise<string[]> {
  const files: string[] = [];
  page.on('request', (request) => {
    const name = /\/([^/]+)\.[^./]+\.woff2$/.exec(new URL(request.url()).pathname)?.[1];
    if (name) files.push(name);
  });
  await page.goto(url);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return files.sort();
}

/** The fonts that drew the text of the elements matching `selector`: family, self-hosted or not, glyphs. */
async function platformFonts(page: Page, selector: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts
    .map((font) => [font.familyName, font.isCustomFont, font.glyphCount])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

/** The Noto Sans SC slice files that hold `text`'s Chinese characters, from the package's own ranges. */
function scSlicesFor(text: string): string[] {
  const ranges = JSON.parse(
    readFileSync(
      path.join(ROOT, 'node_modules', '@fontsource-variable', 'noto-sans-sc', 'unicode.json'),
      'utf8',
    ),
  ) as Record<string, string>;
  const slices = new Set<string>();
  for (const char of new Set(text.match(/\p{Script=Han}/gu))) {
    const code = char.codePointAt(0)!;
    for (const [slice, range] of Object.entries(ranges)) {
      const holds = range.split(',').some((part) => {
        const [from = '', to = from] = part.replace(/U\+/gi, '').split('-');
        return code >= parseInt(from, 16) && code <= parseInt(to, 16);
      });
      if (holds) slices.add(`noto-sans-sc-${slice.replace(/[[\]]/g, '')}-wght-normal`);
    }
  }
  return [...slices].sort();
}

describe('self-hosted fonts', () => {
  it('a page in English fetches the Latin faces, and of Noto Sans SC only the slice with ≥ (Noto Sans has none)', async () => {
    const page = await browser.newPage();
    // The OS range form says "iOS ≥ 17": U+2265 is in Noto Sans SC's slice 102 (60 KB), in no Noto Sans file.
    expect(await fontFiles(page, `${base}/?q=tunnel`)).toEqual([
      'noto-sans-latin-wght-normal',
      'noto-sans-mono-latin-wght-normal',
      'noto-sans-sc-102-wght-normal',
    ]);
    await page.close();
  });

  it('a page in Chinese draws its Chinese with Noto Sans SC, fetching only the slices that hold it', async () => {
    const query = '网络扩展 连接失败';
    const page = await browser.newPage({ viewport: { width: 1280, height: 700 } });
    const files = await fontFiles(page, `${base}/?q=${encodeURIComponent(query)}`);
    expect(await page.locator('.notice h2').textContent()).toEqual(`No threads match “${query}”`);
    expect({
      files,
      heading: await platformFonts(page, '.notice h2'),
    }).toEqual({
      files: [
        'noto-sans-latin-wght-normal',
        'noto-sans-mono-latin-wght-normal',
        ...scSlicesFor(query),
      ].sort(),
      // Noto Sans SC's variable font names itself after its first instance, Thin.
      heading: [
        ['Noto Sans', true, 20],
        ['Noto Sans SC Thin', true, 8],
      ],
    });
    await screenshot(page, 'search-chinese');
    await page.close();
  });
});
