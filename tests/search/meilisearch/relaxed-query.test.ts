import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import type { MeiliSearchResponse } from '@/lib/search/meilisearch/client';
import { MeilisearchEngine } from '@/lib/search/meilisearch/engine';
import {
  CANDIDATES_PER_WORD,
  buildCandidateSearch,
  buildPageFetch,
  lackedWords,
  pageHits,
  partQuery,
  rankCandidates,
  readCandidates,
} from '@/lib/search/meilisearch/relaxed-query';
import { planSearch } from '@/lib/search/plan';
import { droppableTerms } from '@/lib/search/relax';
import type { Post } from '@/lib/posts/schema';
import { dumpAndCapturePosts } from '../../helpers/engines';
import { tempDir } from '../../helpers/fixtures';
import { NATURAL_TABLE } from '../../helpers/natural-queries';
import { SimulatedMeili, frequencyBucket } from '../../helpers/simulated-meili';

const response = (hits: Array<Record<string, unknown>>, totalHits = hits.length): MeiliSearchResponse => ({
  hits,
  processingTimeMs: 0,
  totalHits,
});

describe('the simulated server follows Meilisearch’s words rule for matchingStrategy frequency', () => {
  // Words a, b, c in query order; frequencies 30, 20, 10: a goes first, c (the rarest) is never dropped.
  const f = [30, 20, 10];
  it('never returns a post lacking a word of the rarest group unless the query has a phrase', () => {
    expect(frequencyBucket([false, false, true], f, false)).toBe(null);
    expect(frequencyBucket([false, false, true], f, true)).toBe(1);
    expect(frequencyBucket([true, true, false], [10, 10, 30], false)).toBe(null);
  });

  it('charges a skipped word with every later word of a more frequent group, never an earlier one', () => {
    expect(frequencyBucket([true, false, false], f, false)).toBe(1);
    expect(frequencyBucket([false, true, false], f, false)).toBe(1);
    // Query order c, b, a: skipping b forces skipping a (later, more frequent).
    expect(frequencyBucket([false, true, false], [10, 20, 30], false)).toBe(2);
    expect(frequencyBucket([false, true, true], [10, 20, 30], false)).toBe(2);
    // A word that matches nothing counts as the most frequent.
    expect(frequencyBucket([false, true, false], [10, 20, 0], false)).toBe(2);
  });
});

describe('the Meilisearch partial-match fallback', () => {
  const plan = planSearch({ q: 'packettunnelprovider memory never released' });
  /** A one-letter id back from its 12-character form. */
  const short = (id: string) => id.replace(/^0+/, '');
  /** A candidate as the candidate search reads it (`a` as the id `00000000000a`). */
  const candidate = (id: string, score: number, extra: Record<string, unknown> = {}) => ({
    id: id.padStart(12, '0'),
    views: 0,
    replies: 0,
    boosts: 0,
    activity: null,
    created: null,
    topics: [],
    apiClasses: [],
    osVersions: [],
    errorCodes: [],
    forums: [],
    _rankingScore: score,
    ...extra,
  });

  it('reads per word, per adjacent pair and the mandatory part its posts with the mandatory part, then the frequencies', () => {
    const { queries } = buildCandidateSearch(plan, 'posts');
    const read = {
      indexUid: 'posts',
      page: 1,
      hitsPerPage: CANDIDATES_PER_WORD,
      attributesToRetrieve: [
        'id',
        'views',
        'replies',
        'boosts',
        'activity',
        'created',
        'topics',
        'apiClasses',
        'osVersions',
        'errorCodes',
        'forums',
      ],
      showRankingScore: true,
      matchingStrategy: 'all',
    };
    const count = { indexUid: 'posts', limit: 0, matchingStrategy: 'all' };
    expect(queries).toEqual([
      { ...read, q: '"packettunnelprovider" memory ' },
      { ...read, q: '"packettunnelprovider" never ' },
      { ...read, q: '"packettunnelprovider" released' },
      { ...read, q: '"packettunnelprovider" memory never ' },
      { ...read, q: '"packettunnelprovider" never released' },
      { ...read, q: '"packettunnelprovider" ' },
      { ...count, q: 'memory ' },
      { ...count, q: 'never ' },
      { ...count, q: 'released' },
    ]);
  });

  it('reads the candidates again per selected facet, under the filter without that facet', () => {
    const faceted = planSearch({ q: 'memory released', filters: { topic: ['VPN'] } });
    const { queries } = buildCandidateSearch(faceted, 'posts');
    expect(queries.map((query) => [query.q, query.filter ?? null, query.showRankingScore ?? false])).toEqual([
      ['memory ', '(topics = "vpn")', true],
      ['released', '(topics = "vpn")', true],
      ['memory released', '(topics = "vpn")', true],
      ['memory ', null, false],
      ['released', null, false],
      ['memory released', null, false],
      ['memory ', null, false],
      ['released', null, false],
    ]);
  });

  it('keeps the prefix on the query’s own last word only', () => {
    const bare = planSearch({ q: 'memory never released' });
    expect(['memory', 'released'].map((w) => partQuery(bare, [w]))).toEqual(['memory ', 'released']);
    expect(partQuery(planSearch({ q: 'memory never released ' }), ['released'])).toBe('released ');
  });

  it('ranks the candidates by the shared rule: fewest words lacking, then the rarer word held, then score, then id', () => {
    // memory in 30 posts, never in 20, released in 10 (with the mandatory part: the query has one, so no group is kept).
    const results = [
      response([candidate('a', 0.9), candidate('b', 0.5)]),
      response([candidate('b', 0.5), candidate('c', 0.4)]),
      response([candidate('c', 0.3), candidate('d', 0.2), candidate('f', 0.1)]),
      response([]),
      response([]),
      response([
        candidate('a', 0.1),
        candidate('b', 0.1),
        candidate('c', 0.1),
        candidate('d', 0.1),
        candidate('f', 0.1),
        candidate('e', 0.9),
      ]),
      response([], 30),
      response([], 20),
      response([], 10),
    ];
    const ranked = rankCandidates(plan, readCandidates(plan, results))!;
    // c and b lack one word (c lacks the most frequent, memory: first); then d and a lack two (d holds the rarest);
    // f ties with d on score: id breaks the tie.
    expect(ranked.order.map(short)).toEqual(['c', 'b', 'd', 'f', 'a', 'e']);
    expect(Object.fromEntries([...ranked.held].map(([id, mask]) => [short(id), mask]))).toEqual({
      a: 0b001,
      b: 0b011,
      c: 0b110,
      d: 0b100,
      e: 0,
      f: 0b100,
    });
    expect(lackedWords(plan, ranked.held.get('00000000000c')!)).toEqual(['memory']);
    expect(ranked.total).toBe(6);
  });

  it('breaks equal ranks, scores and views by id, whatever order the server returned them in', () => {
    const bare = planSearch({ q: 'memory released' });
    const results = [
      response([candidate('f', 0.5), candidate('c', 0.5), candidate('a', 0.5)]),
      response([]),
      response([]),
      response([], 3),
      response([], 1),
    ];
    expect(rankCandidates(bare, readCandidates(bare, results))!.order.map(short)).toEqual(['a', 'c', 'f']);
  });

  it('fetches the page’s posts per read that matched them (a pair only where its words’ reads missed), and the mandatory part over the whole page', () => {
    // Reads: memory 0, never 1, released 2, memory never 3, never released 4, the mandatory part 5.
    const matched = new Map([
      ['a', 0b000001],
      ['b', 0b010110],
      ['c', 0b010000],
    ]);
    const fetch = { indexUid: 'posts', showMatchesPosition: true, matchingStrategy: 'all' };
    expect(buildPageFetch(plan, 'posts', ['a', 'b', 'c'], matched).queries).toEqual([
      { ...fetch, q: '"packettunnelprovider" memory ', filter: 'id IN ["a"]', limit: 1 },
      { ...fetch, q: '"packettunnelprovider" never ', filter: 'id IN ["b"]', limit: 1 },
      { ...fetch, q: '"packettunnelprovider" released', filter: 'id IN ["b"]', limit: 1 },
      { ...fetch, q: '"packettunnelprovider" never released', filter: 'id IN ["c"]', limit: 1 },
      { ...fetch, q: '"packettunnelprovider" ', filter: 'id IN ["a", "b", "c"]', limit: 3 },
    ]);
  });

  it('merges the match positions of a post found by several words', () => {
    const hits = pageHits(
      ['b', 'a'],
      [
        response([{ id: 'a', _matchesPosition: { title: [{ start: 4, length: 3 }] } }]),
        response([
          { id: 'b', _matchesPosition: { body: [{ start: 1, length: 2 }] } },
          {
            id: 'a',
            _matchesPosition: { title: [{ start: 0, length: 2 }], body: [{ start: 9, length: 1 }] },
          },
        ]),
        response([{ id: 'a', _matchesPosition: { title: [{ start: 4, length: 3 }] } }]),
      ],
    );
    expect(hits).toEqual([
      { id: 'b', _matchesPosition: { body: [{ start: 1, length: 2 }] } },
      {
        id: 'a',
        _matchesPosition: {
          title: [
            { start: 0, length: 2 },
            { start: 4, length: 3 },
          ],
          body: [{ start: 9, length: 1 }],
        },
      },
    ]);
  });
});

describe('the natural-language table through the Meilisearch engine on a simulated server', () => {
  let posts: Post[];
  let embedded: EmbeddedEngine;
  beforeAll(async () => {
    posts = await dumpAndCapturePosts();
    embedded = new EmbeddedEngine(tempDir('ne-relaxed-meili-'));
    await embedded.replaceAll(posts);
  }, 120_000);

  /** Every post id the embedded engine returns for `q` (partial matches included), best first. */
  const embeddedOrder = async (q: string) => {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const { hits } = await embedded.search({ q, perPage: 100, page });
      ids.push(...hits.map((h) => h.post.id));
      if (hits.length < 100) return ids;
    }
  };

  /** A server over the same posts whose later ranking rules order as the embedded engine's ranking of `q`. */
  const serverFor = async (q: string) => {
    const server = new SimulatedMeili(embedded, posts);
    server.tieOrder = await embeddedOrder(q);
    return server;
  };

  it.each(NATURAL_TABLE)(
    '"$q": the same hits, dropped words and request count as the embedded engine',
    async ({ q, expected, within }) => {
      const server = await serverFor(q);
      const meili = new MeilisearchEngine({ host: 'http://fake', indexName: 'posts', client: server });
      const local = await embedded.search({ q, perPage: 10 });
      const remote = await meili.search({ q, perPage: 10 });
      const relaxed = local.relaxedWords !== undefined;
      expect({
        ids: remote.hits.map((h) => h.post.id),
        relaxed: remote.relaxedWords,
        dropped: remote.droppedWords,
        requests: server.calls.length,
      }).toEqual({
        ids: local.hits.map((h) => h.post.id),
        relaxed: local.relaxedWords,
        dropped: local.droppedWords,
        requests: relaxed ? 3 : 1,
      });
      expect(remote.hits.slice(0, within).map((h) => h.post.title)).toContain(expected);
    },
  );

  it.each([
    { q: 'vpn manager object leaks memory and is never released', sort: 'views', page: 1 },
    { q: 'nwconnection ignores pac proxy inside my extension', sort: 'relevance', page: 2 },
    { q: 'how long does approval of the hotspot helper entitlement take', sort: 'activity', page: 2 },
  ] as const)(
    '"$q" sorted by $sort, page $page: the same hits as the embedded engine',
    async ({ q, sort, page }) => {
      const server = await serverFor(q);
      const meili = new MeilisearchEngine({ host: 'http://fake', indexName: 'posts', client: server });
      const request = { q, sort, page, perPage: 3 };
      const [remote, local] = await Promise.all([meili.search(request), embedded.search(request)]);
      expect(local.hits.length).toBe(3);
      expect({ ids: remote.hits.map((h) => h.post.id), total: remote.total }).toEqual({
        ids: local.hits.map((h) => h.post.id),
        total: local.total,
      });
    },
  );

  /** The table's rows the embedded engine answers with a partial match. */
  const relaxedRows = async () => {
    const rows: string[] = [];
    for (const { q } of NATURAL_TABLE)
      if ((await embedded.search({ q, perPage: 10 })).relaxedWords) rows.push(q);
    return rows;
  };

  it('counts the facets of every relaxed row over its candidates, as the embedded engine does', async () => {
    const rows = await relaxedRows();
    expect(rows.length).toBe(37);
    const differing: string[] = [];
    for (const q of rows) {
      const meili = new MeilisearchEngine({
        host: 'http://fake',
        indexName: 'posts',
        client: await serverFor(q),
      });
      const [remote, local] = await Promise.all([meili.search({ q }), embedded.search({ q })]);
      if (!isDeepStrictEqual(remote.facets, local.facets)) differing.push(q);
    }
    expect(differing).toEqual([]);
    const q = 'voip app killed when call arrives on locked iphone';
    const meili = new MeilisearchEngine({
      host: 'http://fake',
      indexName: 'posts',
      client: await serverFor(q),
    });
    const remote = await meili.search({ q });
    // The review's example: 25 hits, and the sidebar over all of them (it counted 2 posts).
    expect({ total: remote.total, forum: remote.facets.forum }).toEqual({
      total: 25,
      forum: {
        'Network Extension': 20,
        WWDC25: 2,
        Networking: 2,
        'App & System Services': 1,
        'Privacy & Security': 1,
        General: 1,
      },
    });
  });

  it.each([
    {
      q: 'voip app killed when call arrives on locked iphone',
      filters: { topic: ['packet-tunnel-vpn', 'app-proxy'] },
    },
    { q: 'vpn manager object leaks memory and is never released', filters: { forum: ['Network Extension'] } },
  ])(
    '"$q" with $filters selected: the same hits, total and disjunctive facet counts',
    async ({ q, filters }) => {
      const meili = new MeilisearchEngine({
        host: 'http://fake',
        indexName: 'posts',
        client: await serverFor(q),
      });
      const request = { q, filters, perPage: 10 };
      const [remote, local] = await Promise.all([meili.search(request), embedded.search(request)]);
      expect(local.relaxedWords).toBeDefined();
      expect(local.total).toBeGreaterThan(0);
      expect({ ids: remote.hits.map((h) => h.post.id), total: remote.total, facets: remote.facets }).toEqual({
        ids: local.hits.map((h) => h.post.id),
        total: local.total,
        facets: local.facets,
      });
    },
  );

  it('credits a joined word to both query words, as the embedded engine does: `wi fi` finds the posts writing `wifi`', async () => {
    const q = 'wi fi zzqqxxw';
    const meili = new MeilisearchEngine({
      host: 'http://fake',
      indexName: 'posts',
      client: await serverFor(q),
    });
    const [remote, local] = await Promise.all([
      meili.search({ q, perPage: 20 }),
      embedded.search({ q, perPage: 20 }),
    ]);
    expect(local.hits.map((h) => h.post.id)).toContain('8b8602633f27');
    expect({
      ids: remote.hits.map((h) => h.post.id),
      total: remote.total,
      relaxed: remote.relaxedWords,
    }).toEqual({
      ids: local.hits.map((h) => h.post.id),
      total: 7,
      relaxed: ['zzqqxxw'],
    });
  });

  it('sends no fallback for a query of one droppable word that nothing matches', async () => {
    const server = await serverFor('zzqqxxw');
    const meili = new MeilisearchEngine({ host: 'http://fake', indexName: 'posts', client: server });
    const result = await meili.search({ q: 'zzqqxxw' });
    expect({ total: result.total, requests: server.calls.length }).toEqual({ total: 0, requests: 1 });
  });

  it('reports as its time the server’s time over every request of the fallback, the first one included', async () => {
    const q = 'vpn manager object leaks memory and is never released';
    const server = await serverFor(q);
    server.processingTimeMs = 1;
    const meili = new MeilisearchEngine({ host: 'http://fake', indexName: 'posts', client: server });
    const result = await meili.search({ q });
    const queries = server.calls.map((c) => (c.args[0] as { queries: unknown[] }).queries.length);
    expect(queries.length).toBe(3);
    expect(result.tookMs).toBe(queries.reduce((a, b) => a + b, 0));
  });

  it('Meilisearch’s own frequency strategy would put 11 of the 39 threads outside their rank', async () => {
    const outside: string[] = [];
    for (const { q, expected, within } of NATURAL_TABLE) {
      const plan = planSearch({ q, perPage: 10 });
      const server = await serverFor(q);
      const query = { indexUid: 'posts', q: partQuery(plan, droppableTerms(plan.parsed)), limit: within };
      const [all, frequency] = (
        await server.multiSearch({
          queries: [
            { ...query, matchingStrategy: 'all' },
            { ...query, matchingStrategy: 'frequency' },
          ],
        })
      ).results;
      const titles = (all!.totalHits! > 0 ? all! : frequency!).hits.map((h) => (h as Post).title);
      if (!titles.includes(expected)) outside.push(q);
    }
    expect(outside).toEqual([
      'vpn manager object leaks memory and is never released',
      'how do I debug per app vpn routing with my tunnel',
      'settings app does not finish adding the vpn profile',
      'skip traffic to my local server in transparent proxy',
      'utun flow divert changes routing after tunnel starts',
      'tls handshake fails between two devices with a self signed p12',
      'incoming voip push ignored after killing the app with wifi on',
      'memory keeps growing after creating many udp sessions',
      'my proxy captures its own outgoing connections to the remote server',
      'Safari never shows local network permission prompt',
      'content filter cannot see the hostname for dns over https',
    ]);
  });
});

describe('the fallback where a word matches more posts than a read holds (a synthetic index)', () => {
  /** A post of `text` with the id `n` in hex. */
  const post = (n: number, text: string): Post => ({
    title: `Thread ${n}`,
    body: text,
    replies: 0,
    boosts: 0,
    views: 0,
    activity: '2025-05',
    created: null,
    forums: [],
    source: { file: 'synthetic.txt', line: n + 1 },
    threadId: null,
    id: n.toString(16).padStart(12, '0'),
    slug: `thread-${n}`,
    topics: [],
    apiClasses: [],
    osVersions: [],
    os: [],
    errorCodes: [],
    errorCodeVariants: [],
    feedbackIds: [],
  });
  // 1101 posts with alphaword (one of them, the last given, with betaword too), 3 with betaword alone; given in
  // descending id order, so the server's order of equal scores is never the id order.
  const both = post(0xb0_0000, 'alphaword and betaword');
  const posts = [
    ...Array.from({ length: 1100 }, (_, i) => post(0xa0_0000 - i, 'alphaword only')),
    both,
    ...[3, 2, 1].map((n) => post(n, 'betaword only')),
  ];
  let embedded: EmbeddedEngine;
  beforeAll(async () => {
    embedded = new EmbeddedEngine(tempDir('ne-capped-'));
    await embedded.replaceAll(posts);
  }, 120_000);

  it('ranks the post holding both words first, counts every candidate, and resolves the capped word in one more request', async () => {
    const q = 'alphaword betaword zzqqxxw';
    const server = new SimulatedMeili(embedded, posts);
    const meili = new MeilisearchEngine({ host: 'http://fake', indexName: 'posts', client: server });
    const [remote, local] = await Promise.all([meili.search({ q }), embedded.search({ q })]);
    const view = (r: typeof remote) => ({
      first: r.hits.slice(0, 4).map((h) => h.post.id),
      total: r.total,
      relaxed: r.relaxedWords,
    });
    expect(view(local)).toEqual({
      first: [both.id, '000000000001', '000000000002', '000000000003'],
      total: 1104,
      relaxed: ['zzqqxxw'],
    });
    expect({ ...view(remote), requests: server.calls.length }).toEqual({ ...view(local), requests: 4 });
  });

  it('counts exactly the candidates of two capped words: the union, from the counts of their intersection', async () => {
    const q = 'alphaword only zzqqxxw';
    const server = new SimulatedMeili(embedded, posts);
    const meili = new MeilisearchEngine({ host: 'http://fake', indexName: 'posts', client: server });
    const [remote, local] = await Promise.all([meili.search({ q }), embedded.search({ q })]);
    expect({ total: remote.total, relaxed: remote.relaxedWords, requests: server.calls.length }).toEqual({
      total: local.total,
      relaxed: local.relaxedWords,
      requests: 4,
    });
    expect(local.total).toBe(1104);
  });
});
