import { readdirSync, readFileSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Post } from '@/lib/posts/schema';
import { toIndexDocument } from '@/lib/search/document';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import { requiredWords } from '@/lib/search/embedded/query-words';
import { textFieldsOf } from '@/lib/search/embedded/snapshot';
import { expandWord } from '@/lib/search/embedded/inverted/expand';
import { collectTermIds, TermTable } from '@/lib/search/embedded/inverted/terms';
import { typoMatches } from '@/lib/search/embedded/inverted/typos';
import { parseQuery } from '@/lib/search/query';
import { indexTokens, queryTokens, rawTokens, tokenParts } from '@/lib/search/tokenize';
import { FACETS, type FacetCounts, type SearchRequest } from '@/lib/search/types';
import { realPosts } from '../../helpers/engines';
import { tempDir } from '../../helpers/fixtures';

/** The regular-expression tokenizer the char-code scanner replaced: the reference it must agree with. */
const reference = {
  raw: (text: string) =>
    [...text.matchAll(/[\p{L}\p{N}_]+(?:[._][\p{L}\p{N}_]+)*/gu)].map((m) => ({
      token: m[0],
      start: m.index,
      end: m.index + m[0].length,
    })),
  parts(token: string): string[] {
    const parts = new Set<string>();
    for (const piece of token.split(/[._]+/)) {
      if (!piece) continue;
      parts.add(piece.toLowerCase());
      if (/^0x[0-9a-f]+$/i.test(piece)) {
        parts.add(piece.slice(2).toLowerCase());
        continue;
      }
      const camel = piece
        .split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/u)
        .filter((p) => p.length > 1);
      if (camel.length > 1) for (const c of camel) parts.add(c.toLowerCase());
    }
    return [...parts];
  },
  index(text: string): string[] {
    return reference.raw(text).flatMap(({ token }) => {
      const whole = token.toLowerCase();
      return [whole, ...reference.parts(token).filter((p) => p !== whole)];
    });
  },
};

const tricky = fc
  .array(
    fc.constantFrom(
      'a',
      'B',
      'x',
      'X',
      'f',
      '0',
      '9',
      '_',
      '.',
      '-',
      ' ',
      'é',
      'İ',
      'ß',
      '²',
      '\u0301',
      '\u{1D400}',
      '\u{1F600}',
      '\ud800',
      'Ab',
      'AB',
      '0x',
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(''));

let posts: Post[];
beforeAll(async () => {
  posts = await realPosts();
});

describe('tokenizer scanner', () => {
  it('splits text exactly as the regular-expression tokenizer did', () => {
    const texts = fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 40 }));
    fc.assert(
      fc.property(texts, (text) => {
        expect(rawTokens(text)).toEqual(reference.raw(text));
        expect(indexTokens(text)).toEqual(reference.index(text));
        expect(queryTokens(text)).toEqual(reference.raw(text).map((t) => t.token.toLowerCase()));
        for (const { token } of rawTokens(text)) expect(tokenParts(token)).toEqual(reference.parts(token));
      }),
      { numRuns: 3000 },
    );
    for (const p of posts) expect(indexTokens(p.body)).toEqual(reference.index(p.body));
  });

  it('looks up the same terms as indexTokens, in order, through the term table', () => {
    const table = new TermTable();
    const ids = (text: string) => {
      const out = new Int32Array(2 * text.length + 1);
      return Array.from(out.subarray(0, collectTermIds(text, table, out)), (id) => table.terms[id]);
    };
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 40 })), (text) => {
        expect(ids(text)).toEqual(indexTokens(text));
      }),
    );
    for (const p of posts) expect(ids(`${p.title} ${p.body}`)).toEqual(indexTokens(`${p.title} ${p.body}`));
    expect(ids('NEHotspotHelper 0xBAADCA11 hotspot')).toEqual([
      'nehotspothelper',
      'ne',
      'hotspot',
      'helper',
      '0xbaadca11',
      'baadca11',
      'hotspot',
    ]);
  });

  it('indexes the same text fields as toIndexDocument', () => {
    const cache = new Map<string, string[]>();
    for (const p of posts) {
      const d = toIndexDocument(p);
      expect(textFieldsOf(p, cache)).toEqual([d.codeTerms, d.apiTerms, d.title, d.body]);
    }
  });
});

describe('typo and prefix expansion', () => {
  const vocabulary = [
    'configuration',
    'configure',
    'handshake',
    'hotspot',
    'hotspots',
    'packet',
    'pocket',
    'proxy',
  ].sort();

  it('finds terms within the edit budget, a swap of two letters counting as one edit', () => {
    const found = (word: string, max: number) =>
      typoMatches(vocabulary, word, max).map((m) => [vocabulary[m.term], m.distance]);
    expect(found('pakcet', 1)).toEqual([['packet', 1]]);
    expect(found('hotspt', 1)).toEqual([['hotspot', 1]]);
    expect(found('configuraton', 2)).toEqual([['configuration', 1]]);
    expect(found('handshke', 2)).toEqual([['handshake', 1]]);
    expect(found('pcket', 1)).toEqual([
      ['packet', 1],
      ['pocket', 1],
    ]);
    expect(found('proxy', 0)).toEqual([['proxy', 0]]);
  });

  it('agrees with a brute-force edit distance on random vocabularies', () => {
    const osa = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) =>
        Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
      );
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          d[i]![j] = Math.min(
            d[i - 1]![j]! + 1,
            d[i]![j - 1]! + 1,
            d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
            d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      }
      return d[a.length]![b.length]!;
    };
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { maxLength: 40 }),
        word,
        fc.integer({ min: 0, max: 2 }),
        (terms, query, max) => {
          const sorted = [...terms].sort();
          const expected = sorted.flatMap((t, i) =>
            osa(t, query) <= max ? [{ term: i, distance: osa(t, query) }] : [],
          );
          expect(typoMatches(sorted, query, max)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('weighs the word itself above the terms it begins and those above typo matches', () => {
    const [word] = requiredWords(parseQuery('hotspot'));
    const weights = expandWord(vocabulary, word!).map((e) => [
      vocabulary[e.term],
      Math.round(e.weight * 1000) / 1000,
    ]);
    expect(weights).toEqual([
      ['hotspot', 1],
      ['hotspots', 0.361],
    ]);
    const [typo] = requiredWords(parseQuery('pcket'));
    expect(
      expandWord(vocabulary, typo!).map((e) => [vocabulary[e.term], Math.round(e.weight * 1000) / 1000]),
    ).toEqual([
      ['packet', 0.386],
      ['pocket', 0.386],
    ]);
  });
});

/** Filters and disjunctive facet counts the plain way, over every post: the reference for the engine. */
function referenceCounts(all: Post[], request: SearchRequest): { total: number; facets: FacetCounts } {
  const f = { topic: [], api: [], os: [], code: [], ...request.filters };
  const values = (p: Post, facet: (typeof FACETS)[number]) =>
    ({ topic: p.topics, api: p.apiClasses, os: p.osVersions, code: p.errorCodes })[facet];
  const passes = (p: Post, facet: (typeof FACETS)[number]) =>
    f[facet].length === 0 || values(p, facet).some((v) => (f[facet] as string[]).includes(v));
  const facets: FacetCounts = { topic: {}, api: {}, os: {}, code: {} };
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
