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

describe('small things a reader meets', () => {
  it('a page past the last says so and links to the last page', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/?page=2`);
    expect(await page.locator('.notice h2').textContent()).toEqual('There is no page 2');
    expect(await page.locator('.result-count').textContent()).toEqual(
      '20 threads — there is no page 2; the last is page 1',
    );
    expect(
      await page.locator('.result-count').getByRole('link', { name: 'page 1' }).getAttribute('href'),
    ).toEqual('/');
    expect(await page.getByRole('link', { name: 'Go to page 1, the last' }).getAttribute('href')).toEqual(
      '/',
    );
    await page.close();
  });

  it('/apis/<any case> redirects to the indexed name', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/apis/nepackettunnelprovider`);
    expect(new URL(page.url()).pathname).toEqual('/apis/NEPacketTunnelProvider');
    await page.close();
  });

  it('the footer feed link keeps the search, and the search time has one decimal or is not shown', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/?q=tunnel&topic=packet-tunnel-vpn&page=1`);
    expect(await page.getByRole('link', { name: 'Atom feed of this search' }).getAttribute('href')).toEqual(
      '/feed.xml?q=tunnel&topic=packet-tunnel-vpn',
    );
    expect(await page.locator('.result-count').textContent()).toMatch(/^\d+ threads?( · \d+\.\d ms)?$/);
    await page.close();
  });

  it('after Back the search box shows the query of the page it returned to', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/?q=tunnel`);
    const box = page.getByRole('searchbox', { name: 'Search threads' }).first();
    await box.fill('hotspot');
    await Promise.all([page.waitForURL(/q=hotspot/), box.press('Enter')]);
    await page.waitForFunction(() => document.title.includes('hotspot'));
    await page.goBack();
    await page.waitForURL(/q=tunnel/);
    await page.waitForFunction(() => (document.querySelector('#q') as HTMLInputElement).value === 'tunnel');
    expect(await page.locator('#q').inputValue()).toEqual('tunnel');
    await page.close();
  });
});
