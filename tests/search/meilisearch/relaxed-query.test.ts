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

  it('reads per droppable word its posts with the mandatory part, the mandatory part, the frequencies, the facets', () => {
    const { queries } = buildCandidateSearch(plan, 'posts');
    const read = {
      indexUid: 'posts',
      limit: CANDIDATES_PER_WORD,
      attributesToRetrieve: ['id', 'views', 'replies', 'boosts', 'activity', 'created'],
      showRankingScore: true,
      matchingStrategy: 'all',
    };
    const count = { indexUid: 'posts', limit: 0, matchingStrategy: 'all' };
    expect(queries).toEqual([
      { ...read, q: '"packettunnelprovider" memory ' },
      { ...read, q: '"packettunnelprovider" never ' },
      { ...read, q: '"packettunnelprovider" released' },
      { ...read, q: '"packettunnelprovider" ' },
      { ...count, q: 'memory ' },
      { ...count, q: 'never ' },
      { ...count, q: 'released' },
      {
        indexUid: 'posts',
        q: '"packettunnelprovider" memory never released',
        facets: ['topics', 'apiClasses', 'osVersions', 'errorCodes', 'forumNames'],
        limit: 0,
        matchingStrategy: 'frequency',
      },
    ]);
  });

  it('keeps the prefix on the query’s own last word only', () => {
    const bare = planSearch({ q: 'memory never released' });
    expect(['memory', 'released'].map((w) => partQuery(bare, [w]))).toEqual(['memory ', 'released']);
    expect(partQuery(planSearch({ q: 'memory never released ' }), ['released'])).toBe('released ');
  });

  it('ranks the candidates by the shared rule: fewest words lacking, then the rarer word held, then score', () => {
    // memory in 30 posts, never in 20, released in 10 (with the mandatory part: the query has one, so no group is kept).
    const results = [
      response([
        { id: 'a', _rankingScore: 0.9 },
        { id: 'b', _rankingScore: 0.5 },
      ]),
      response([
        { id: 'b', _rankingScore: 0.5 },
        { id: 'c', _rankingScore: 0.4 },
      ]),
      response([
        { id: 'c', _rankingScore: 0.3 },
        { id: 'd', _rankingScore: 0.2 },
      ]),
      response([
        { id: 'a', _rankingScore: 0.1 },
        { id: 'b', _rankingScore: 0.1 },
        { id: 'c', _rankingScore: 0.1 },
        { id: 'd', _rankingScore: 0.1 },
        { id: 'e', _rankingScore: 0.9 },
      ]),
      response([], 30),
      response([], 20),
      response([], 10),
      response([]),
    ];
    const ranked = rankCandidates(plan, results)!;
    // c and b lack one word (c lacks the most frequent, memory: first); then d and a lack two (d holds the rarest).
    expect(ranked.order).toEqual(['c', 'b', 'd', 'a', 'e']);
    expect(Object.fromEntries(ranked.held)).toEqual({ a: 0b001, b: 0b011, c: 0b110, d: 0b100, e: 0 });
    expect(lackedWords(plan, ranked.held.get('c')!)).toEqual(['memory']);
    expect(ranked.facets).toEqual([response([])]);
  });

  it('fetches the page’s posts per word they hold, and the mandatory part over the whole page', () => {
    const held = new Map([
      ['a', 0b001],
      ['b', 0b110],
    ]);
    const fetch = { indexUid: 'posts', showMatchesPosition: true, matchingStrategy: 'all' };
    expect(buildPageFetch(plan, 'posts', ['a', 'b'], held).queries).toEqual([
      { ...fetch, q: '"packettunnelprovider" memory ', filter: 'id IN ["a"]', limit: 1 },
      { ...fetch, q: '"packettunnelprovider" never ', filter: 'id IN ["b"]', limit: 1 },
      { ...fetch, q: '"packettunnelprovider" released', filter: 'id IN ["b"]', limit: 1 },
      { ...fetch, q: '"packettunnelprovider" ', filter: 'id IN ["a", "b"]', limit: 2 },
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
