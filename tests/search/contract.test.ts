import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics } from '@/lib/catalog/topics';
import { ingest } from '@/lib/ingest/pipeline';
import { parseOsLabel } from '@/lib/posts/os-labels';
import type { Post } from '@/lib/posts/schema';
import { didYouMean } from '@/lib/search/did-you-mean-search';
import type { SearchEngine, SearchRequest } from '@/lib/search/types';
import { buildVocabulary } from '@/lib/search/vocabulary';
import { BUNDLED_IDS } from '../helpers/bundled-ids';
import { ENGINE_FACTORIES, realPosts, reportLiveMeiliSkipped } from '../helpers/engines';

const TLS = 'TLS communication error between iPhone and iPad';
const VOIP = '0xBAADCA11 Occurs when VoIP Call Incoming (APNs Push Notification)';
/** The bundled threads that write `wifi`, `WIFI` or `Wi-Fi` (bd01fc only `Wi-Fi`, 24ba91 only `wifi`). */
const WIFI_THREADS = ['8b8602', '211d78', '8c64c2', 'bd01fc', '24ba91'].map(
  (tail) => BUNDLED_IDS.find(([, slug]) => slug.endsWith(tail))![0],
);

reportLiveMeiliSkipped();

describe.each(ENGINE_FACTORIES)('SearchEngine contract: %s', (_name, create) => {
  let engine: SearchEngine;
  let posts: Post[];
  const titles = async (request: SearchRequest) =>
    (await engine.search(request)).hits.map((h) => h.post.title);
  const countWhere = (pred: (p: Post) => boolean) => posts.filter(pred).length;

  beforeAll(async () => {
    posts = await realPosts();
    engine = create();
    await engine.replaceAll(posts);
  }, 120_000);

  it('holds every post and finds one by id and by slug', async () => {
    expect(await engine.count()).toBe(20);
    const tls = posts.find((p) => p.title === TLS)!;
    expect(await engine.getPost(tls.id)).toEqual(tls);
    expect(await engine.getPost(tls.slug)).toEqual(tls);
    expect(await engine.getPost('no-such-post')).toBeNull();
  });

  it('lists every post’s slug exactly once', async () => {
    const slugs = await engine.slugs();
    expect([...slugs].sort()).toEqual(posts.map((p) => p.slug).sort());
    expect(slugs.length).toEqual(20);
  });

  it('answers a ping once the index exists', async () => {
    await expect(engine.ping()).resolves.toBeUndefined();
  });

  it('never treats a leading minus on a number as an exclusion', async () => {
    const result = await engine.search({ q: '-9836' });
    expect(result.total).toBe(1);
    expect(result.hits[0]!.post.title).toBe(TLS);
  });

  it('matches error codes in any written form', async () => {
    for (const q of ['-9836', '9836', 'errSSLPeerProtocolVersion', 'errsslpeerprotocolversion']) {
      expect((await titles({ q }))[0]).toBe(TLS);
    }
    for (const q of ['0xBAADCA11', '0xbaadca11', 'baadca11', 'BAADCA11']) {
      expect((await titles({ q }))[0]).toBe(VOIP);
    }
  });

  it('matches identifiers whole and in parts', async () => {
    expect(await titles({ q: 'NWProtocolTLS.Options' })).toEqual([TLS]);
    expect((await titles({ q: 'IP_RECVIF' }))[0]).toBe(
      'Non-functioning IP_RECVIF on sockets proxied with NETransparentProxyProvider',
    );
    expect((await titles({ q: 'recvif' }))[0]).toBe(
      'Non-functioning IP_RECVIF on sockets proxied with NETransparentProxyProvider',
    );
  });

  it('finds every Wi-Fi thread however the query writes it: wifi, WiFi, wi-fi, Wi-Fi', async () => {
    for (const q of ['wifi', 'WiFi', 'wi-fi', 'Wi-Fi']) {
      const result = await engine.search({ q });
      expect({ q, ids: result.hits.map((h) => h.post.id).sort() }).toEqual({
        q,
        ids: [...WIFI_THREADS].sort(),
      });
    }
  });

  it('returns everything for an empty query, with facet counts over all posts', async () => {
    const result = await engine.search({ q: '', perPage: 100 });
    expect(result.total).toBe(20);
    expect(result.facets.api['NEPacketTunnelProvider']).toBe(
      countWhere((p) => p.apiClasses.includes('NEPacketTunnelProvider')),
    );
    expect(result.facets.code).toEqual({ '-9836': 1, '0xBAADCA11': 1, 'OSSystemExtensionErrorDomain 1': 1 });
    expect(result.facets.os).toEqual({
      'iPadOS 16.6': 1,
      'iOS 18.3.2': 1,
      'iOS 16': 1,
      'macOS 15.0': 1,
      'iOS 17.1.1': 1,
      'iOS 18.5': 1,
      'iOS 17': 1,
    });
  });

  it('combines values of one facet with OR and facets with AND, counting each facet without its own selection', async () => {
    const both = await engine.search({ filters: { api: ['NEPacketTunnelProvider', 'NEHotspotHelper'] } });
    expect(both.total).toBe(
      countWhere(
        (p) => p.apiClasses.includes('NEPacketTunnelProvider') || p.apiClasses.includes('NEHotspotHelper'),
      ),
    );
    const all = await engine.search({});
    expect(both.facets.api).toEqual(all.facets.api);
    const anded = await engine.search({
      filters: { api: ['NEPacketTunnelProvider'], topic: [posts[0]!.topics[0]!] },
    });
    expect(anded.total).toBe(
      countWhere(
        (p) => p.apiClasses.includes('NEPacketTunnelProvider') && p.topics.includes(posts[0]!.topics[0]!),
      ),
    );
  });

  it('filters by error code in any form and by OS version label and range', async () => {
    expect(await titles({ filters: { code: ['9836'] } })).toEqual([TLS]);
    expect(await titles({ q: 'code:0xbaadca11' })).toEqual([VOIP]);
    expect((await engine.search({ filters: { os: ['iOS 17'] } })).total).toBe(2);
    expect((await engine.search({ filters: { os: ['iOS 18.3.2'] } })).total).toBe(1);
    expect((await engine.search({ filters: { osRange: { platform: 'iOS', min: 17_000_000 } } })).total).toBe(
      4,
    );
    expect((await engine.search({ q: 'os:"iPadOS 16"' })).hits.map((h) => h.post.title)).toEqual([TLS]);
  });

  it('filters by an os: range operator, intersecting a range on the same platform, AND across platforms', async () => {
    const has = (p: Post, platform: string, test: (n: number) => boolean) =>
      p.osVersions.some((label) => {
        const os = parseOsLabel(label);
        return os !== null && os.platform === platform && test(os.number);
      });
    const total = async (request: SearchRequest) => (await engine.search({ perPage: 100, ...request })).total;
    expect(await total({ q: 'os:"iOS>=17"' })).toBe(4);
    expect(await total({ q: 'os:iOS>=17' })).toBe(4);
    expect(await total({ q: 'os:"macOS<15"' })).toBe(countWhere((p) => has(p, 'macOS', (n) => n < 15e6)));
    expect(await total({ q: 'os:"macOS<=15"' })).toBeGreaterThan(0);
    expect(await total({ q: 'os:"iOS>17"' })).toBe(countWhere((p) => has(p, 'iOS', (n) => n >= 18e6)));
    expect(
      await total({ q: 'os:"iOS<=17"', filters: { osRange: { platform: 'iOS', min: 17_000_000 } } }),
    ).toBe(countWhere((p) => has(p, 'iOS', (n) => n >= 17e6 && n < 18e6)));
    expect(await total({ q: 'os:"iOS>=18" os:"iOS<17"' })).toBe(0);
    expect(await total({ q: 'os:"iOS>=17" os:"iPadOS>=16"' })).toBe(
      countWhere((p) => has(p, 'iOS', (n) => n >= 17e6) && has(p, 'iPadOS', (n) => n >= 16e6)),
    );
  });

  it('filters by activity month', async () => {
    const april = await engine.search({ filters: { activityFrom: '2025-04', activityTo: '2025-04' } });
    expect(april.total).toBe(3);
  });

  it('filters by after: and before: as the activity filter does', async () => {
    const byFilter = await engine.search({
      q: '',
      filters: { activityFrom: '2025-05', activityTo: '2025-05' },
    });
    const byOperators = await engine.search({ q: 'after:2025-05 before:2025-06' });
    expect(byOperators.hits.map((h) => h.post.id)).toEqual(byFilter.hits.map((h) => h.post.id));
    expect(byOperators.total).toEqual(byFilter.total);
    expect(byOperators.total).toBeGreaterThan(0);
  });

  it('sorts by views, replies, boosts and activity', async () => {
    expect(await titles({ sort: 'views', perPage: 2 })).toEqual([VOIP, 'Getting WIFI SSID']);
    expect(await titles({ sort: 'replies', perPage: 1 })).toEqual([VOIP]);
    expect(await titles({ sort: 'boosts', perPage: 1 })).toEqual([
      'Non-functioning IP_RECVIF on sockets proxied with NETransparentProxyProvider',
    ]);
    const byActivity = await engine.search({ sort: 'activity', perPage: 20 });
    expect(byActivity.hits.slice(-3).map((h) => h.post.activity)).toEqual(['2025-04', '2025-04', '2025-04']);
  });

  it('pages through results', async () => {
    const page4 = await engine.search({ page: 4, perPage: 5 });
    expect({ total: page4.total, page: page4.page, hitsLength: page4.hits.length }).toEqual({
      total: 20,
      page: 4,
      hitsLength: 5,
    });
    const page5 = await engine.search({ page: 5, perPage: 5 });
    expect({ total: page5.total, hitsLength: page5.hits.length }).toEqual({ total: 20, hitsLength: 0 });
  });

  it('excludes an explicit -word and honours "exact phrases"', async () => {
    const withProxy = await engine.search({ q: 'tunnel', perPage: 100 });
    const withoutProxy = await engine.search({ q: 'tunnel -proxy', perPage: 100 });
    expect({ withProxy: withProxy.total, withoutProxy: withoutProxy.total }).toEqual({
      withProxy: 8,
      withoutProxy: 7,
    });
    for (const hit of withoutProxy.hits)
      expect(`${hit.post.title} ${hit.post.body}`.toLowerCase()).not.toMatch(/\bproxy\b/);
    const phrase = await engine.search({ q: '"per-app vpn"', perPage: 100 });
    expect(phrase.hits.map((h) => h.post.title).sort()).toEqual([
      'Packet Tunnel Provider with Per App VPN debugging',
      'Packet Tunnel Provider with Per App VPN debugging',
    ]);
  });

  it('excludes a quoted phrase -"two words", a quoted word -"word", and a lone exclusion', async () => {
    const vpn = await engine.search({ q: 'vpn', perPage: 100 });
    const withoutPerApp = await engine.search({ q: 'vpn -"per app"', perPage: 100 });
    const perApp = (h: (typeof vpn.hits)[number]) =>
      / per[\s-]app /i.test(` ${h.post.title} ${h.post.body} `.replace(/[^\p{L}\p{N}]+/gu, ' '));
    expect({
      vpn: vpn.total,
      withoutPerApp: withoutPerApp.total,
      perAppLeft: withoutPerApp.hits.filter(perApp).length,
    }).toEqual({ vpn: vpn.total, withoutPerApp: vpn.total - vpn.hits.filter(perApp).length, perAppLeft: 0 });
    expect(vpn.hits.filter(perApp).length).toBeGreaterThan(1);
    const quotedWord = await engine.search({ q: 'tunnel -"proxy"', perPage: 100 });
    expect(quotedWord.total).toEqual(7);
    const all = await engine.search({ q: '' });
    const lone = await engine.search({ q: '-proxy' });
    expect(lone.total).toEqual(all.total - (await engine.search({ q: 'proxy' })).total);
  });

  it('takes api: in every form plain search accepts, and os: with a platform alone', async () => {
    const canonical = await engine.search({ q: 'api:NEPacketTunnelProvider', perPage: 100 });
    expect(canonical.total).toBeGreaterThan(1);
    for (const q of ['api:PacketTunnelProvider', 'api:nepackettunnelprovider', 'api:packettunnelprovider'])
      expect({ q, ids: (await engine.search({ q, perPage: 100 })).hits.map((h) => h.post.id) }).toEqual({
        q,
        ids: canonical.hits.map((h) => h.post.id),
      });
    const macos = await engine.search({ q: 'os:macOS', perPage: 100 });
    expect(macos.hits.map((h) => h.post.osVersions.some((v) => v.startsWith('macOS ')))).toEqual(
      macos.hits.map(() => true),
    );
    expect(macos.total).toEqual(
      (await engine.search({ q: '', perPage: 100 })).hits.filter((h) =>
        h.post.osVersions.some((v) => v.startsWith('macOS ')),
      ).length,
    );
    expect(macos.total).toBeGreaterThan(0);
  });

  it('returns an escaped snippet with the matches marked', async () => {
    const result = await engine.search({ q: 'private evaluator' });
    expect(result.hits[0]!.post.title).toBe(
      'BGAppRefreshTask Canceled Immediately by dasd in Network Extension',
    );
    expect(result.hits[0]!.snippet).toContain(
      '<mark>evaluator</mark> 0x16d541720: &lt;<mark>private</mark>&gt;',
    );
    expect(result.hits[0]!.snippet).not.toContain('<private>');
  });

  it('counts every facet value over the whole index', async () => {
    const counts = await engine.facetValues('api');
    expect(counts['NETransparentProxyProvider']).toBe(
      countWhere((p) => p.apiClasses.includes('NETransparentProxyProvider')),
    );
  });

  it('answers the vocabulary the ingest built, and the same did-you-mean', async () => {
    expect(await engine.vocabulary()).toEqual(buildVocabulary(posts));
    const suggestion = async (q: string) => didYouMean(engine, { q }, await engine.search({ q }));
    expect([await suggestion('vpm'), await suggestion('contnet fitler provdr')]).toEqual([
      'vpn',
      'content filter provider',
    ]);
  });

  it('replaces the whole index', async () => {
    const fresh = create();
    await fresh.replaceAll(posts.slice(0, 3));
    expect(await fresh.count()).toBe(3);
    await fresh.replaceAll(posts);
    expect(await fresh.count()).toBe(20);
  }, 120_000);
});

/** The posts of the hand-written captures of every listing kind: nine posts under six forums. */
async function capturePosts(): Promise<Post[]> {
  const { posts } = await ingest(
    [path.resolve(__dirname, '../fixtures/captures')],
    { catalog: loadErrorCatalog(), topics: loadTopics() },
    { asOf: new Date('2026-03-20T00:00:00Z'), workers: 0 },
  );
  return posts;
}

describe.each(ENGINE_FACTORIES)('SearchEngine contract, forum facet: %s', (_name, create) => {
  let engine: SearchEngine;
  const ids = async (request: SearchRequest) =>
    (await engine.search({ perPage: 100, ...request })).hits.map((h) => h.post.title.slice(0, 20)).sort();

  beforeAll(async () => {
    engine = create();
    await engine.replaceAll(await capturePosts());
  }, 120_000);

  it('lists every forum with its kinds and thread count, most threads first, then by name', async () => {
    expect(await engine.forums()).toEqual([
      { name: 'Networking', kinds: ['subtopic'], count: 3 },
      { name: 'General', kinds: ['subtopic'], count: 2 },
      { name: 'Network Extension', kinds: ['tag'], count: 2 },
      { name: 'Privacy & Security', kinds: ['topic'], count: 2 },
      { name: 'WWDC25', kinds: ['event'], count: 2 },
      { name: 'App & System Services', kinds: ['topic'], count: 1 },
    ]);
    expect(await engine.facetValues('forum')).toEqual({
      Networking: 3,
      General: 2,
      'Network Extension': 2,
      'Privacy & Security': 2,
      WWDC25: 2,
      'App & System Services': 1,
    });
  });

  it('filters by forum: values OR-ed, facets AND-ed, the forum counts ignoring their own selection', async () => {
    const all = await engine.search({});
    const two = await engine.search({ filters: { forum: ['Network Extension', 'WWDC25'] } });
    expect(await ids({ filters: { forum: ['Network Extension', 'WWDC25'] } })).toEqual([
      'Content filter block',
      'NEHotspotHelper enti',
      'Per-app VPN rules no',
      'Transparent proxy an',
    ]);
    expect({ total: two.total, forum: two.facets.forum }).toEqual({ total: 4, forum: all.facets.forum });
    expect(two.facets.topic).not.toEqual(all.facets.topic);
    const anded = await engine.search({ filters: { forum: ['Networking'], topic: ['local-network'] } });
    expect(anded.total).toBeGreaterThan(0);
    expect(anded.hits.map((h) => h.post.title.slice(0, 20))).toEqual(
      (await engine.search({ filters: { forum: ['Networking'] }, perPage: 100 })).hits
        .filter((h) => h.post.topics.includes('local-network'))
        .map((h) => h.post.title.slice(0, 20)),
    );
    expect(anded.facets.forum).toEqual(
      (await engine.search({ filters: { topic: ['local-network'] } })).facets.forum,
    );
  });

  it('takes forum: in any case, quoted or bare, as the forum filter does', async () => {
    const byFilter = await ids({ filters: { forum: ['Privacy & Security'] } });
    expect(byFilter).toEqual(['Keychain item not fo', 'SecTrustEvaluateWith']);
    expect(await ids({ q: 'forum:"privacy & security"' })).toEqual(byFilter);
    expect(await ids({ q: 'FORUM:wwdc25' })).toEqual(['NEHotspotHelper enti', 'Per-app VPN rules no']);
    expect(await ids({ filters: { forum: ['NETWORK  extension'] } })).toEqual([
      'Content filter block',
      'Transparent proxy an',
    ]);
    expect((await engine.search({ q: 'forum:"No such forum"' })).total).toEqual(0);
  });
});

describe.each(ENGINE_FACTORIES)('SearchEngine contract, adding to an index: %s', (_name, create) => {
  const entry = (file: string, sha: string) => ({
    file,
    size: 100,
    sha256: sha.repeat(64),
    capturedAt: '2025-06-01T00:00:00.000Z',
    read: 2,
    accepted: 1,
    merged: 1,
    rejected: 0,
  });
  const byId = (list: Post[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

  it('upserts posts by id, reads them back by id and all, and appends to the ledger', async () => {
    const posts = await realPosts();
    const engine = create();
    expect([await engine.readPosts(), await engine.ledger()]).toEqual([[], []]);
    await engine.replaceAll(posts.slice(0, 18), [entry('a.txt', 'a')]);
    const changed = { ...posts[0]!, views: 9_999_999 };
    await engine.upsertPosts([changed, posts[18]!, posts[19]!], [entry('b.txt', 'b')]);
    expect(await engine.count()).toEqual(20);
    expect(await engine.readPosts([posts[19]!.id, 'ffffffffffff', changed.id])).toEqual([posts[19], changed]);
    expect(byId(await engine.readPosts())).toEqual(byId([changed, ...posts.slice(1)]));
    expect(await engine.getPost(changed.slug)).toEqual(changed);
    expect((await engine.search({ q: '', sort: 'views' })).hits[0]!.post.id).toEqual(changed.id);
    expect(await engine.ledger()).toEqual([entry('a.txt', 'a'), entry('b.txt', 'b')]);
    await engine.replaceAll(posts, [entry('c.txt', 'c')]);
    expect(await engine.ledger()).toEqual([entry('c.txt', 'c')]);
  }, 120_000);
});
