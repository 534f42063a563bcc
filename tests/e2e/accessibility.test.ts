import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, screenshot } from './browser';

const base = inject('mainUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const THREAD = '/posts/tls-communication-error-between-iphone-and-ipad-04be19?hl=9836';

describe('accessibility and appearance', () => {
  it.each([
    ['search-light', '/?q=tunnel', 'light', 1280],
    ['search-dark', '/?q=tunnel&api=NEPacketTunnelProvider', 'dark', 1280],
    ['search-phone', '/?q=vpn', 'light', 390],
    ['thread-light', THREAD, 'light', 1280],
    ['thread-dark', THREAD, 'dark', 1280],
    ['errors-dark', '/errors/-9836', 'dark', 1280],
    ['search-code-answer-dark', '/?q=-9816', 'dark', 1280],
    ['thread-code-light', '/posts/ne-system-extension-stuck-on-validation-by-category-9b2f22', 'light', 1280],
    ['thread-code-dark', '/posts/ne-system-extension-stuck-on-validation-by-category-9b2f22', 'dark', 1280],
    ['thread-phone-dark', THREAD, 'dark', 320],
    ['errors-phone', '/errors', 'light', 320],
    ['forums-light', '/forums', 'light', 1280],
    ['forums-phone-dark', '/forums', 'dark', 320],
    ['search-did-you-mean-dark', '/?q=vpm', 'dark', 1280],
    ['search-partial-light', '/?q=contnet+fitler+provdr', 'light', 1280],
    ['search-partial-dark', '/?q=contnet+fitler+provdr', 'dark', 320],
    ['search-out-of-range-dark', '/?page=5', 'dark', 1280],
  ] as const)('%s has no axe violations (screenshot saved)', async (name, path, scheme, width) => {
    // axe-core goes in as an inline script, which the site's CSP (tests/e2e/csp.test.ts) rightly blocks.
    const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
    await page.emulateMedia({ colorScheme: scheme });
    const response = await page.goto(`${base}${path}`);
    expect(response?.status()).toEqual(200);
    await screenshot(page, name);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
