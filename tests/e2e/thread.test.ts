import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';

const base = inject('mainUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('thread pages and browse pages in a real browser', () => {
  it('opens a thread from the results with the search terms marked, and the permalink survives a reload', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/?q=-9836`);
    await Promise.all([page.waitForURL(/\/posts\//), page.locator('.hits .hit h3 a').first().click()]);
    await page.locator('h1#post-title').waitFor();
    expect(await page.locator('h1#post-title').textContent()).toEqual(
      'TLS communication error between iPhone and iPad',
    );
    expect(await page.locator('.post-body mark').first().textContent()).toEqual('9836');
    const permalink = new URL(page.url()).pathname;
    expect(permalink).toMatch(/^\/posts\/tls-communication-error-between-iphone-and-ipad-[0-9a-f]{6}$/);
    await page.goto(`${base}${permalink}`);
    await page.reload();
    expect(await page.locator('h1#post-title').textContent()).toEqual(
      'TLS communication error between iPhone and iPad',
    );
    expect(await page.locator('link[rel=canonical]').getAttribute('href')).toEqual(`${base}${permalink}`);
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toEqual(
      'TLS communication error between iPhone and iPad',
    );
    expect(await page.locator('meta[name="twitter:description"]').getAttribute('content')).toMatch(
      /^We are implementing a connection between iPad and iPhone devices/,
    );
    expect(await page.locator('.meta-grid a', { hasText: '-9836' }).getAttribute('href')).toEqual(
      '/?code=-9836',
    );
    await page.close();
  });

  it('answers an unknown thread with 404', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${base}/posts/no-such-thread-000000`);
    expect(response?.status()).toEqual(404);
    await page.close();
  });

  it('/errors/-9836 names errSSLPeerProtocolVersion and lists the TLS thread', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/errors/-9836`);
    expect(await page.locator('h1').textContent()).toEqual('-9836 errSSLPeerProtocolVersion');
    expect(await page.locator('.hits .hit h3').first().textContent()).toEqual(
      'TLS communication error between iPhone and iPad',
    );
    await page.goto(`${base}/errors/9836`);
    expect(new URL(page.url()).pathname).toEqual('/errors/-9836');
    await page.close();
  });

  it('/apis/NEHotspotHelper links Apple documentation and its thread', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/apis/NEHotspotHelper`);
    expect(
      await page
        .getByRole('link', { name: 'Apple’s documentation for NEHotspotHelper' })
        .getAttribute('href'),
    ).toEqual('https://developer.apple.com/documentation/networkextension/nehotspothelper');
    expect(await page.locator('.hits .hit h3').allTextContents()).toEqual([
      'App occassionally crashing while connecting to public wifi',
    ]);
    await page.close();
  });
});
