import type { Browser, Page } from 'playwright-core';
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

/** The titles of the hits on the page, in order. */
async function titles(page: Page): Promise<string[]> {
  return page.locator('.hits .hit h3').allTextContents();
}

/** The result count shown on the page. */
async function shownTotal(page: Page): Promise<number> {
  return Number((await page.locator('.result-count strong').textContent())?.replace(/,/g, ''));
}

describe('search page in a real browser', () => {
  it('typing -9836 updates the results as you type, TLS thread first with the match marked, history not piled up', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    const historyBefore = await page.evaluate(() => history.length);
    // The `/` shortcut works once the page has hydrated, which can come after the load event on a busy machine.
    await expect
      .poll(async () => {
        await page.keyboard.press('/');
        return page.evaluate(() => document.activeElement?.id);
      })
      .toEqual('q');
    await page.keyboard.type('-9836', { delay: 40 });
    await page.waitForURL((url) => url.searchParams.get('q') === '-9836');
    await page.locator('.hits .hit h3', { hasText: 'TLS communication error' }).first().waitFor();
    expect((await titles(page))[0]).toEqual('TLS communication error between iPhone and iPad');
    expect(await page.locator('.hits .hit').first().locator('.snippet mark').first().textContent()).toEqual(
      '9836',
    );
    expect(await page.evaluate(() => history.length)).toEqual(historyBefore);
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => !url.searchParams.has('q'));
    expect(await page.inputValue('#q')).toEqual('');
    await page.close();
  });

  it('answers a query that is one error code with its meaning, even when no thread mentions it', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/?q=errSSLClosedNoNotify`);
    const card = page.locator('aside.answer');
    expect([
      await card.locator('h2').textContent(),
      await card.locator('p').first().textContent(),
      await card.locator('a').getAttribute('href'),
      await page.locator('.notice h2').textContent(),
    ]).toEqual([
      '-9816 errSSLClosedNoNotify',
      'SecureTransport (OSStatus): The peer closed the connection without sending close_notify.',
      '/errors/-9816',
      'No threads match “errSSLClosedNoNotify”',
    ]);
    await Promise.all([page.waitForURL(`${base}/errors/-9816`), card.locator('a').click()]);
    expect(await page.locator('h1').textContent()).toEqual('-9816 errSSLClosedNoNotify');
    await page.goto(`${base}/?q=9836`);
    expect([await card.locator('h2').textContent(), (await titles(page))[0]]).toEqual([
      '-9836 errSSLPeerProtocolVersion',
      'TLS communication error between iPhone and iPad',
    ]);
    await page.close();
  });

  it('expand=api opens the filters on a phone and keeps the facet expanded when a value is picked', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${base}/?expand=api`);
    expect(await page.locator('details.filters').evaluate((d) => (d as HTMLDetailsElement).open)).toEqual(
      true,
    );
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('api') === 'NEPacketTunnelProvider'),
      page.locator('#facet-api ~ * a', { hasText: 'NEPacketTunnelProvider' }).first().click(),
    ]);
    expect(new URL(page.url()).search).toEqual('?api=NEPacketTunnelProvider&expand=api');
    await page.goto(`${base}/?expand=apis`);
    expect(await page.locator('[role="alert"] p').first().textContent()).toEqual(
      'Parameter expand: expected one of topic, api, os, code, forum.',
    );
    await page.close();
  });

  it.each([
    ['0xbaadca11', '0xBAADCA11 Occurs when VoIP Call Incoming (APNs Push Notification)'],
    ['NEHotspotHelper', 'App occassionally crashing while connecting to public wifi'],
    ['IP_RECVIF', 'Non-functioning IP_RECVIF on sockets proxied with NETransparentProxyProvider'],
  ])('finds the thread for %s first', async (q, title) => {
    const page = await browser.newPage();
    await page.goto(`${base}/?q=${encodeURIComponent(q)}`);
    expect((await titles(page))[0]).toEqual(title);
    await page.close();
  });

  it('picking an API facet puts it in the URL and updates counts; back restores the previous search', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/?q=tunnel`);
    const before = await shownTotal(page);
    const facet = page.locator('#facet-api ~ * a', { hasText: 'NEPacketTunnelProvider' }).first();
    const facetCount = Number(await facet.locator('.count').evaluate((el) => el.firstChild?.textContent));
    await facet.click();
    await page.waitForURL((url) => url.searchParams.getAll('api').includes('NEPacketTunnelProvider'));
    await page.locator('.active-filters').waitFor();
    expect(await shownTotal(page)).toEqual(facetCount);
    expect(facetCount).toBeLessThan(before);
    expect(
      await page.locator('a[data-selected="true"]', { hasText: 'NEPacketTunnelProvider' }).count(),
    ).toEqual(1);
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('api'));
    await page.locator('.active-filters').waitFor({ state: 'detached' });
    expect(await shownTotal(page)).toEqual(before);
    await page.close();
  });

  it('works without JavaScript: the GET form searches and facet links filter', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.fill('#q', '-9836');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('q') === '-9836'),
      page.press('#q', 'Enter'),
    ]);
    expect((await titles(page))[0]).toEqual('TLS communication error between iPhone and iPad');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.has('topic')),
      page.locator('#facet-topic ~ * a').first().click(),
    ]);
    expect(await shownTotal(page)).toEqual(1);
    await context.close();
  });

  it('bounds activity months without JavaScript: the form sets after/before, the chips and the feed keep them', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/?sort=views`);
    await page.fill('#after', '2025-04');
    await page.fill('#before', '2025-05');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('before') === '2025-05'),
      page.locator('.activity-range button').click(),
    ]);
    expect(new URL(page.url()).search).toEqual('?sort=views&after=2025-04&before=2025-05');
    const api = (await (
      await fetch(`${base}/api/search?sort=views&after=2025-04&before=2025-05`)
    ).json()) as {
      total: number;
      hits: Array<{ title: string; activity: string }>;
    };
    const operators = (await (
      await fetch(`${base}/api/search?sort=views&q=${encodeURIComponent('after:2025-04 before:2025-05')}`)
    ).json()) as typeof api;
    expect(api).toMatchObject({ total: operators.total, hits: operators.hits });
    expect(api.hits.map((h) => h.activity)).toEqual(api.hits.map(() => '2025-04'));
    expect(await shownTotal(page)).toEqual(api.total);
    expect(await titles(page)).toEqual(api.hits.slice(0, 20).map((h) => h.title));
    expect(await page.locator('.active-filters .chip').allTextContents()).toEqual([
      'Active from 2025-04 × (remove)',
      'Active before 2025-05 × (remove)',
    ]);
    const feedHref = await page.locator('link[type="application/atom+xml"]').getAttribute('href');
    expect(feedHref).toContain('after=2025-04&before=2025-05');
    const feed = await (await fetch(`${base}/feed.xml?after=2025-04&before=2025-05&sort=views`)).text();
    expect([...feed.matchAll(/<entry>/g)].length).toEqual(api.total);
    expect(feed).toContain('active from 2025-04 · active before 2025-05');
    await context.close();
  });

  it('refuses a bad month on the API and the feed, naming the parameter', async () => {
    const api = await fetch(`${base}/api/search?after=2025-13`);
    expect(api.status).toEqual(400);
    expect(JSON.stringify(await api.json())).toContain('after');
    expect((await fetch(`${base}/feed.xml?before=soon`)).status).toEqual(400);
  });

  it('offers a did-you-mean that finds threads', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/?q=cnofgiruation%20extensn`);
    const suggestion = page.getByTestId('did-you-mean');
    expect(await page.locator('.notice h2').textContent()).toEqual(
      'No threads match “cnofgiruation extensn”',
    );
    expect(await suggestion.textContent()).toEqual('configuration extension');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('q') === 'configuration extension'),
      suggestion.click(),
    ]);
    await page.locator('.hits .hit').first().waitFor();
    expect(await shownTotal(page)).toBeGreaterThan(0);
    await page.close();
  });

  it('offers vpn for vpm, and the corrected sentence above partial matches', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/?q=vpm`);
    const link = page.getByTestId('did-you-mean');
    expect([await link.textContent(), await link.getAttribute('href')]).toEqual(['vpn', '/?q=vpn']);
    await page.goto(`${base}/?q=contnet+fitler+provdr`);
    expect([
      await page.locator('.did-you-mean').textContent(),
      await link.getAttribute('href'),
      await page.locator('.hits .hit').count(),
    ]).toEqual(['Did you mean content filter provider?', '/?q=content+filter+provider', 1]);
    await page.close();
  });

  it('says when nothing matches and offers the search without filters', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/?q=hotspt%20helpr%20zzqx&topic=content-filter`);
    expect(await page.locator('.notice h2').textContent()).toEqual('No threads match “hotspt helpr zzqx”');
    expect(
      await page
        .getByRole('link', { name: 'Search “hotspt helpr zzqx” without filters' })
        .getAttribute('href'),
    ).toEqual('/?q=hotspt+helpr+zzqx');
    await page.close();
  });

  it('shows a bad parameter by name instead of results', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/?sort=sideways`);
    expect(await page.locator('[role=alert] p').first().textContent()).toEqual(
      'Parameter sort: expected one of relevance, activity, views, replies, boosts.',
    );
    await page.close();
  });
});
