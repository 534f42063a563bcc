import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('hostile content and failures', () => {
  it('renders a post holding <script> and <img onerror> inert: no dialog, no script run, shown as text', async () => {
    const base = inject('xssUrl');
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${base}/?q=hostile`);
    const link = page.locator('.hits .hit h3 a').first();
    expect(await link.textContent()).toEqual(
      "Hostile title <script>window.__xss = 'title'</script> NWConnection",
    );
    await Promise.all([page.waitForURL(/\/posts\//), link.click()]);
    await page.locator('h1#post-title').waitFor();
    await page.reload();
    await page.waitForTimeout(300);
    const body = page.locator('.post-body');
    expect({
      dialogs,
      xss: await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null),
      elements: await body.locator('script, img, svg, iframe').count(),
      javascriptLinks: await body.locator('a[href^="javascript:"]').count(),
      showsScriptAsText: (await body.textContent())?.includes(
        "<script>window.__xss = 'body'; alert(1)</script>",
      ),
      showsPrivateAsText: (await body.textContent())?.includes('<private>'),
    }).toEqual({
      dialogs: [],
      xss: null,
      elements: 0,
      javascriptLinks: 0,
      showsScriptAsText: true,
      showsPrivateAsText: true,
    });
    await page.close();
  });

  it('serves a clear 503 page, and 503 JSON, when the engine has no index', async () => {
    const base = inject('downUrl');
    const page = await browser.newPage();
    const response = await page.goto(`${base}/?q=vpn`);
    expect(response?.status()).toEqual(503);
    expect(await page.locator('h1').textContent()).toEqual('Search is temporarily unavailable');
    const api = await fetch(`${base}/api/search?q=vpn`);
    expect([api.status, await api.json()]).toEqual([
      503,
      { error: { status: 503, message: 'The search engine is unavailable; try again shortly.' } },
    ]);
    const health = await fetch(`${base}/api/health`);
    expect([health.status, await health.json()]).toEqual([
      503,
      { error: { status: 503, message: 'The search engine is unavailable; try again shortly.' } },
    ]);
    await page.close();
  });

  it('reports health 200 while the engine answers', async () => {
    const health = await fetch(`${inject('mainUrl')}/api/health`);
    expect([health.status, health.headers.get('cache-control'), await health.json()]).toEqual([
      200,
      'no-store',
      { status: 'ok' },
    ]);
  });

  it('answers HEAD /api/search with the headers of GET and no body', async () => {
    const base = inject('mainUrl');
    const [get, head] = await Promise.all([
      fetch(`${base}/api/search?q=-9836`),
      fetch(`${base}/api/search?q=-9836`, { method: 'HEAD' }),
    ]);
    const getBody = await get.text();
    const headers = (r: Response) => ['content-type', 'cache-control'].map((h) => r.headers.get(h));
    expect([head.status, ...headers(head), await head.text()]).toEqual([
      200,
      'application/json',
      'no-store',
      '',
    ]);
    expect([get.status, ...headers(get), (JSON.parse(getBody) as { total: number }).total]).toEqual([
      200,
      'application/json',
      'no-store',
      1,
    ]);
  });

  it('answers bad API parameters with 400 naming the parameter, and hostile values never with 500', async () => {
    const base = inject('mainUrl');
    const bad = await fetch(`${base}/api/search?page=-1`);
    expect([bad.status, await bad.json()]).toEqual([
      400,
      {
        error: {
          status: 400,
          message: 'Invalid parameter "page": expected a whole number from 1 to 1000',
          param: 'page',
        },
      },
    ]);
    const statuses = await Promise.all(
      [
        'q=%22%29%20OR%20%28',
        'api=a%22b',
        'code=%00',
        'os=iOS%2099999',
        'q=' + 'x'.repeat(400),
        'topic=..%2F..',
      ].map(async (qs) => (await fetch(`${base}/api/search?${qs}`)).status),
    );
    expect(statuses).toEqual([200, 400, 400, 400, 200, 400]);
  });

  it('cuts API facets to facetLimit values and says how many each facet has', async () => {
    const base = inject('mainUrl');
    const response = await fetch(`${base}/api/search?facetLimit=1`);
    const body = (await response.json()) as { facets: unknown; facetTotals: unknown };
    expect([response.status, body.facets, body.facetTotals]).toEqual([
      200,
      {
        topic: { 'packet-tunnel-vpn': 8 },
        api: { NEPacketTunnelProvider: 4 },
        os: { 'iOS 16': 1 },
        code: { '-9836': 1 },
        forum: { 'Network Extension': 20 },
      },
      { topic: 9, api: 45, os: 7, code: 3, forum: 1 },
    ]);
    const bad = await fetch(`${base}/api/search?facetLimit=5000`);
    expect([bad.status, ((await bad.json()) as { error: { param: string } }).error.param]).toEqual([
      400,
      'facetLimit',
    ]);
  });

  it('serves an Atom feed of a search', async () => {
    const base = inject('mainUrl');
    const response = await fetch(`${base}/feed.xml?q=-9836`);
    const xml = await response.text();
    expect([response.status, response.headers.get('content-type')]).toEqual([
      200,
      'application/atom+xml; charset=utf-8',
    ]);
    expect(xml.match(/<title>[^<]*<\/title>/g)).toEqual([
      '<title>NE Forum Search: “-9836”</title>',
      '<title>TLS communication error between iPhone and iPad</title>',
    ]);
  });
});
