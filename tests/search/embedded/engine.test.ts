import { readdirSync, readFileSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Post } from '@/lib/posts/schema';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import { FACETS, type FacetCounts, type SearchRequest } from '@/lib/search/types';
import { realPosts } from '../../helpers/engines';
import { tempDir } from '../../helpers/fixtures';

let posts: Post[];
beforeAll(async () => {
  posts = await realPosts();
});

/** Filters and disjunctive facet counts the plain way, over every post: the reference for the engine. */
function referenceCounts(all: Post[], request: SearchRequest): { total: number; facets: FacetCounts } {
  const f = { topic: [], api: [], os: [], code: [], forum: [], ...request.filters };
  const values = (p: Post, facet: (typeof FACETS)[number]) =>
    ({
      topic: p.topics,
      api: p.apiClasses,
      os: p.osVersions,
      code: p.errorCodes,
      forum: p.forums.map((x) => x.name),
    })[facet];
  const passes = (p: Post, facet: (typeof FACETS)[number]) =>
    f[facet].length === 0 || values(p, facet).some((v) => (f[facet] as string[]).includes(v));
  const facets: FacetCounts = { topic: {}, api: {}, os: {}, code: {}, forum: {} };
  let total = 0;
  for (const p of all) {
    const failing = FACETS.filter((facet) => !passes(p, facet));
    if (failing.length === 0) total++;
    for (const facet of FACETS) {
      if (failing.length > 1 || (failing.length === 1 && failing[0] !== facet)) continue;
      for (const v of new Set(values(p, facet))) facets[facet][v] = (facets[facet][v] ?? 0) + 1;
    }
  }
  return { total, facets };
}

describe('embedded engine', () => {
  afterEach(() => vi.restoreAllMocks());

  it('counts facets disjunctively like a plain pass over every post', async () => {
    const engine = new EmbeddedEngine(tempDir('ne-embedded-'));
    await engine.replaceAll(posts);
    const topic = posts[0]!.topics[0]!;
    const requests: SearchRequest[] = [
      {},
      { filters: { topic: [topic] } },
      { filters: { api: ['NEPacketTunnelProvider', 'NEHotspotHelper'] } },
      { filters: { topic: [topic], api: ['NEPacketTunnelProvider'] } },
      { filters: { topic: [topic], code: ['-9836'], api: ['NWConnection'] } },
    ];
    for (const request of requests) {
      const result = await engine.search(request);
      expect({ total: result.total, facets: result.facets }).toEqual(referenceCounts(posts, request));
    }
  });

  it('ranks an exact match above a typo match', async () => {
    const base = posts[0]!;
    const make = (id: string, title: string): Post => ({
      ...base,
      id,
      slug: `post-${id}`,
      title,
      body: title,
      topics: [],
      apiClasses: [],
      errorCodes: [],
      errorCodeVariants: [],
      feedbackIds: [],
      os: [],
      osVersions: [],
    });
    const engine = new EmbeddedEngine(tempDir('ne-embedded-'));
    await engine.replaceAll([
      make('00000000000a', 'captive portal hotspt'),
      make('00000000000b', 'captive portal hotspot'),
    ]);
    const result = await engine.search({ q: 'hotspot' });
    expect(result.hits.map((h) => [h.post.title, h.matchedTerms])).toEqual([
      ['captive portal hotspot', ['hotspot']],
      ['captive portal hotspt', ['hotspt']],
    ]);
    expect(result.hits[1]!.titleHtml).toBe('captive portal <mark>hotspt</mark>');
  });

  it('gives the same results after saving and loading the index', async () => {
    const dir = tempDir('ne-embedded-');
    const built = new EmbeddedEngine(dir);
    await built.replaceAll(posts);
    const loaded = new EmbeddedEngine(dir);
    for (const request of [
      { q: 'tunnel -proxy', perPage: 100 },
      { q: 'hotspt configuraton' },
      { q: '', sort: 'views', page: 2, perPage: 7 },
    ] as SearchRequest[]) {
      expect(await loaded.search(request)).toEqual({
        ...(await built.search(request)),
        tookMs: expect.any(Number),
      });
    }
    expect(await loaded.facetValues('os')).toEqual(await built.facetValues('os'));
    expect(await loaded.getPost(posts[5]!.slug)).toEqual(posts[5]);
  });

  it('reloads the index when another process replaces it, at most once a second', async () => {
    const dir = tempDir('ne-embedded-');
    await new EmbeddedEngine(dir).replaceAll(posts);
    const reader = new EmbeddedEngine(dir);
    expect(await reader.count()).toBe(20);
    await new EmbeddedEngine(dir).replaceAll(posts.slice(0, 3));
    utimesSync(path.join(dir, 'index.json'), new Date(), new Date(Date.now() + 5000));
    expect(await reader.count()).toBe(20);
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 1500);
    expect(await reader.count()).toBe(3);
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
  });

  it('says the index is damaged, or from another version, instead of failing later', async () => {
    const dir = tempDir('ne-embedded-');
    await new EmbeddedEngine(dir).replaceAll(posts);
    const manifest = path.join(dir, 'index.json');
    const data = path.join(
      dir,
      readdirSync(dir).find((f) => f.endsWith('.bin'))!,
    );
    const saved = readFileSync(manifest, 'utf8');
    const damaged = `The search index at ${manifest} is damaged: run \`npm run ingest\` again.`;

    truncateSync(data, 1000);
    await expect(new EmbeddedEngine(dir).count()).rejects.toThrow(damaged);
    writeFileSync(manifest, '{"format": 2, "posts": ');
    await expect(new EmbeddedEngine(dir).count()).rejects.toThrow(damaged);
    writeFileSync(manifest, JSON.stringify({ ...JSON.parse(saved), format: 1 }));
    await expect(new EmbeddedEngine(dir).count()).rejects.toThrow(
      `The search index at ${manifest} is from another version: run \`npm run ingest\` again.`,
    );
    await expect(new EmbeddedEngine(tempDir('ne-embedded-')).count()).rejects.toThrow(
      /^No search index at .*index\.json: run `npm run ingest` first\.$/,
    );
    await expect(new EmbeddedEngine(tempDir('ne-embedded-')).ping()).rejects.toThrow(
      /^No search index at .*index\.json: run `npm run ingest` first\.$/,
    );
    await expect(new EmbeddedEngine(dir).ping()).rejects.toThrow(
      `The search index at ${manifest} is from another version: run \`npm run ingest\` again.`,
    );
  });
});

describe('EmbeddedEngine.upsertPosts (ingest --add)', () => {
  const entry = (file: string) => ({
    file,
    size: 10,
    sha256: 'a'.repeat(64),
    capturedAt: '2025-06-01T00:00:00.000Z',
    read: 1,
    accepted: 1,
    merged: 0,
    rejected: 0,
  });

  it('replaces a post of the same id in place, adds new ones after the rest, appends to the ledger', async () => {
    const dir = tempDir('ne-upsert-');
    await new EmbeddedEngine(dir).replaceAll(posts.slice(0, 3), [entry('a.txt')]);
    const changed = { ...posts[1]!, views: posts[1]!.views + 1_000_000 };
    const engine = new EmbeddedEngine(dir);
    await engine.upsertPosts([posts[3]!, changed], [entry('b.txt')]);
    expect(await engine.readPosts()).toEqual([posts[0], changed, posts[2], posts[3]]);
    expect(await engine.readPosts([posts[3]!.id, 'ffffffffffff', posts[0]!.id])).toEqual([
      posts[3],
      posts[0],
    ]);
    expect((await engine.ledger()).map((e) => e.file)).toEqual(['a.txt', 'b.txt']);
    // The index is rebuilt: search and facets see the new counts.
    expect((await engine.search({ q: '', sort: 'views' })).hits[0]!.post.id).toEqual(changed.id);
    expect(await engine.count()).toEqual(4);
  });

  it('reads no posts and no ledger where there is no index yet', async () => {
    const engine = new EmbeddedEngine(tempDir('ne-upsert-'));
    expect([
      await engine.readPosts(),
      await engine.readPosts(['aaaaaaaaaaaa']),
      await engine.ledger(),
    ]).toEqual([[], [], []]);
  });
});
