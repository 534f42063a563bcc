import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics } from '@/lib/catalog/topics';
import { ingest } from '@/lib/ingest/pipeline';
import type { Post } from '@/lib/posts/schema';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import { MeilisearchEngine, SLUG_PAGE } from '@/lib/search/meilisearch/engine';
import { VOCABULARY_CHUNK_WORDS } from '@/lib/search/meilisearch/vocabulary-index';
import { buildVocabulary, type Vocabulary } from '@/lib/search/vocabulary';
import { meiliQueryString, toMeiliDocument } from '@/lib/search/meilisearch/query';
import { planSearch } from '@/lib/search/plan';
import { FACET_ATTRIBUTES } from '@/lib/search/meilisearch/settings';
import { parseQuery } from '@/lib/search/query';
import { queryTokens } from '@/lib/search/tokenize';
import { FACETS } from '@/lib/search/types';
import { writeCorpus } from '@/tools/corpus/dump-writer';
import { buildWordPools } from '@/tools/corpus/word-pools';
import { realPosts } from '../../helpers/engines';
import { tempDir } from '../../helpers/fixtures';
import {
  STUB_MASTER_KEY,
  STUB_SEARCH_KEY,
  startMeiliStub,
  type MeiliStub,
  type SeenRequest,
} from '../../helpers/meili-v115-stub';

/*
 * What Meilisearch v1.15.2 does with what the adapter sends, from its source (github.com/meilisearch/meilisearch at
 * tag v1.15.2, tokenizer github.com/meilisearch/charabia at v0.9.6). Each rule names the file it comes from.
 */
const V115 = {
  /** `Settings` is `deny_unknown_fields, rename_all = camelCase` (crates/meilisearch-types/src/settings.rs). */
  settingsKeys: [
    'displayedAttributes',
    'searchableAttributes',
    'filterableAttributes',
    'sortableAttributes',
    'rankingRules',
    'stopWords',
    'nonSeparatorTokens',
    'separatorTokens',
    'dictionary',
    'synonyms',
    'distinctAttribute',
    'proximityPrecision',
    'typoTolerance',
    'faceting',
    'pagination',
    'embedders',
    'searchCutoffMs',
    'localizedAttributes',
    'facetSearch',
    'prefixSearch',
    'chat',
  ],
  /** A total is `min(candidates, maxTotalHits)`, and `offset = min(offset, maxTotalHits)` (crates/meilisearch/src/search/mod.rs). */
  defaultMaxTotalHits: 1000,
  /** `faceting.maxValuesPerFacet` default (`DEFAULT_VALUES_PER_FACET`, crates/milli/src/search/facet/facet_distribution.rs). */
  defaultMaxValuesPerFacet: 100,
  /** A document id: ASCII alphanumerics, `-` and `_`, 1 to 511 bytes (`validate_document_id_str`, crates/milli/src/documents/primary_key.rs). */
  documentId: /^[A-Za-z0-9_-]{1,511}$/,
  /** `DEFAULT_HTTP_PAYLOAD_SIZE_LIMIT: "100 MB"` (crates/meilisearch/src/option.rs), in bytes (byte-unit: MB is 10^6). */
  payloadLimit: 100_000_000,
  /** `words_limit: 10` (crates/milli/src/search/mod.rs), applied in crates/milli/src/search/new/query_term/parse_query.rs. */
  wordsLimit: 10,
} as const;

/**
 * The query as Meilisearch reads it, after `located_query_terms_from_tokens` (parse_query.rs) over charabia's
 * tokens. charabia (src/separators.rs, src/normalizer/classify.rs) makes every punctuation, math symbol and space
 * character a separator token of its own (`-`, `_`, `.`, `"` included), `. ` and `, ` being one hard separator;
 * camelCase is not split (the `latin-camelcase` feature is off). The parser then:
 * - stops, dropping the rest of the query, once it holds `wordsLimit` terms (a word or a whole phrase is one term);
 * - makes the next word negative after a `-` token that follows white space (or starts the query), and the next
 *   phrase negative when that `-` is followed by an opening quote;
 * - collects the words between quotes into one phrase, closing it at the next quote (or the end of the query).
 * The server's own tests pin the same behaviour: `negative_phrase_search`, `negative_word_search` and
 * `non_negative_search` in crates/meilisearch/tests/search/mod.rs.
 */
function readLikeMeilisearch(q: string) {
  const tokens: Array<{ word: string } | { sep: string }> = [];
  const chars = [...q];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (/[\s\p{P}\p{Sm}]/u.test(c)) {
      if ((c === '.' || c === ',') && chars[i + 1] === ' ') tokens.push({ sep: c + chars[++i] });
      else tokens.push({ sep: c });
      continue;
    }
    const last = tokens.at(-1);
    if (last && 'word' in last) last.word += c;
    else tokens.push({ word: c });
  }
  const terms: string[] = [];
  const negativeWords: string[] = [];
  const negativePhrases: string[] = [];
  let unread: string[] = [];
  let phrase: string[] | null = null;
  let negativePhrase = false;
  let negativeNext = false;
  let afterWhitespace = true;
  const closePhrase = (words: string[]) => {
    if (words.length === 0) return;
    if (negativePhrase) negativePhrases.push(words.join(' '));
    else terms.push(`"${words.join(' ')}"`);
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (terms.length >= V115.wordsLimit) {
      unread = tokens.slice(i).flatMap((t) => ('word' in t ? [t.word] : []));
      break;
    }
    if ('word' in token) {
      if (phrase) phrase.push(token.word);
      else if (negativeNext) {
        negativeWords.push(token.word);
        negativeNext = false;
      } else terms.push(token.word);
      afterWhitespace = false;
      continue;
    }
    const hard = token.sep === '. ' || token.sep === ', ';
    if (hard && phrase) {
      closePhrase(phrase);
      phrase = [];
    } else if (hard) phrase = null;
    let quotes = [...token.sep].filter((c) => c === '"').length;
    if (quotes > 0) {
      if (phrase) {
        quotes--;
        closePhrase(phrase);
        negativePhrase = false;
      }
      phrase = null;
      if (quotes % 2 === 1) {
        negativePhrase = negativeNext;
        phrase = [];
      }
    }
    negativeNext = phrase === null && token.sep === '-' && afterWhitespace;
    afterWhitespace = /\s$/u.test(token.sep);
  }
  if (unread.length === 0 && phrase) closePhrase(phrase);
  return { terms, negativeWords, negativePhrases, unread };
}

/** The charabia words of a user's word: `IP_RECVIF` → `ip recvif`. */
const charabiaWords = (word: string) => queryTokens(word).flatMap((t) => t.split(/[._]+/).filter(Boolean));

describe('readLikeMeilisearch, the reference model of parse_query.rs', () => {
  it('negates only the first word of a split identifier, and a whole quoted phrase', () => {
    expect(readLikeMeilisearch('-ip_recvif socket')).toEqual({
      terms: ['recvif', 'socket'],
      negativeWords: ['ip'],
      negativePhrases: [],
      unread: [],
    });
    expect(readLikeMeilisearch('-"ip recvif" socket')).toEqual({
      terms: ['socket'],
      negativeWords: [],
      negativePhrases: ['ip recvif'],
      unread: [],
    });
  });

  it('reads `- escape` as a search for escape, as the server test non_negative_search pins', () => {
    expect(readLikeMeilisearch('- escape')).toEqual({
      terms: ['escape'],
      negativeWords: [],
      negativePhrases: [],
      unread: [],
    });
  });

  it('reads 10 terms and drops the rest; a.b is two words, 18.3.2 three, a phrase one', () => {
    expect(readLikeMeilisearch('ios 18.3.2 a.b "x y z" c d e f')).toEqual({
      terms: ['ios', '18', '3', '2', 'a', 'b', '"x y z"', 'c', 'd', 'e'],
      negativeWords: [],
      negativePhrases: [],
      unread: ['f'],
    });
  });
});

const catalog = loadErrorCatalog();
const topics = loadTopics();

async function syntheticPosts(): Promise<Post[]> {
  const file = path.join(tempDir('meili-rules-'), 'corpus.txt');
  await writeCorpus(file, { posts: 12_000, seed: 'issue-15' }, buildWordPools(catalog, topics));
  const { posts } = await ingest([file], { catalog, topics }, { asOf: new Date('2025-06-01T00:00:00Z') });
  return posts;
}

/** Queries a user could type about these posts: long titles, identifiers excluded, codes, phrases. */
function queriesFor(posts: readonly Post[]): string[] {
  const withApi = posts.filter((p) => p.apiClasses.some((a) => /[._]/.test(a))).slice(0, 3);
  const longTitles = posts
    .map((p) => p.title)
    .filter((t) => t.split(/\s+/).length > 8)
    .slice(0, 5);
  return [
    ...longTitles,
    ...longTitles.map((t) => `-IP_RECVIF ${t}`),
    ...withApi.map((p) => `vpn -${p.apiClasses.find((a) => /[._]/.test(a))}`),
    'socket -IP_RECVIF -NWProtocolTLS.Options "packet tunnel provider" iOS 18.3.2 on-demand rules',
    '-9836 errSSLPeerProtocolVersion TLS handshake fails with iPadOS 16.6 and iOS 18.3.2 after update',
    'one two three four five six seven eight nine ten eleven twelve thirteen',
  ];
}

/** Distinct values of a facet attribute over the posts' documents, with their counts. */
function facetCounts(
  posts: readonly Post[],
  attribute: (typeof FACET_ATTRIBUTES)[keyof typeof FACET_ATTRIBUTES],
) {
  const counts = new Map<string, number>();
  for (const post of posts)
    for (const v of toMeiliDocument(post)[attribute] as string[]) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

const CORPORA: Array<[string, () => Promise<Post[]>]> = [
  ['the bundled dump', realPosts],
  ['a 12k-post synthetic corpus', syntheticPosts],
];

describe.each(CORPORA)('requests to Meilisearch v1.15 for %s', (_name, load) => {
  let posts: Post[];
  let stub: MeiliStub;
  let ingestRequests: SeenRequest[];
  let reader: MeilisearchEngine;
  let expectedVocabulary: Vocabulary;
  const BATCH_BYTES = 4_000_000;

  beforeAll(async () => {
    posts = await load();
    stub = await startMeiliStub();
    const admin = new MeilisearchEngine({
      host: stub.host,
      apiKey: STUB_MASTER_KEY,
      keyVariable: 'MEILI_MASTER_KEY',
      indexName: 'posts',
      batchBytes: BATCH_BYTES,
      pollIntervalMs: 1,
    });
    await admin.replaceAll(posts);
    ingestRequests = [...stub.seen];
    // Built before the reader's first request: a pause between two of its requests could outlast a keep-alive.
    expectedVocabulary = buildVocabulary(posts);
    reader = new MeilisearchEngine({ host: stub.host, apiKey: STUB_SEARCH_KEY, indexName: 'posts' });
  }, 60_000);

  afterAll(async () => {
    await stub.close();
  });

  const settingsBody = () =>
    ingestRequests.find((r) => r.method === 'PATCH' && r.path.endsWith('/settings'))!.body as Record<
      string,
      unknown
    > & {
      pagination: { maxTotalHits: number };
      faceting: { maxValuesPerFacet: number; sortFacetValuesBy: Record<string, string> };
    };

  it('sends only settings keys v1.15 accepts, with totals up to the post count, values by count, facet search off', () => {
    const settings = settingsBody();
    expect(
      Object.keys(settings).filter((k) => !(V115.settingsKeys as readonly string[]).includes(k)),
    ).toEqual([]);
    expect(settings.pagination.maxTotalHits).toBeGreaterThanOrEqual(posts.length);
    expect(settings.pagination.maxTotalHits).toBeGreaterThan(V115.defaultMaxTotalHits);
    expect(settings.faceting).toEqual({ maxValuesPerFacet: 1000, sortFacetValuesBy: { '*': 'count' } });
    expect(settings.facetSearch).toEqual(false);
  });

  it('sends every post once, with valid ids, in payloads under MEILI_BATCH_BYTES and the 100 MB limit', () => {
    const batches = ingestRequests.filter(
      (r) => r.method === 'POST' && /^\/indexes\/posts_\d+\/documents$/.test(r.path),
    );
    const ids = batches.flatMap((b) => (b.body as Array<{ id: string }>).map((d) => d.id));
    expect(ids.length).toEqual(posts.length);
    expect(new Set(ids).size).toEqual(posts.length);
    expect(ids.filter((id) => !V115.documentId.test(id))).toEqual([]);
    expect(batches.filter((b) => b.bytes > BATCH_BYTES || b.bytes > V115.payloadLimit)).toEqual([]);
    // Settings before any document, into the fresh index; then the swap; then the old index is deleted.
    const order = ingestRequests
      .filter((r) => !r.path.startsWith('/tasks/'))
      .map((r) => `${r.method} ${r.path.replace(/_\d+/, '_N')}`);
    expect([...new Set(order)]).toEqual([
      'POST /indexes',
      'PATCH /indexes/posts_N/settings',
      'POST /indexes/posts_N/documents',
      'PATCH /indexes/posts-vocabulary_N/settings',
      'POST /indexes/posts-vocabulary_N/documents',
      'GET /indexes/posts',
      'GET /indexes/posts-vocabulary',
      'GET /indexes/posts-ledger',
      'POST /swap-indexes',
      'DELETE /indexes/posts_N',
      'DELETE /indexes/posts-vocabulary_N',
      'DELETE /indexes/posts-ledger_N',
    ]);
    const swap = ingestRequests.find((r) => r.path === '/swap-indexes')!;
    expect(swap.body).toEqual([
      { indexes: ['posts', expect.stringMatching(/^posts_\d+$/)] },
      { indexes: ['posts-vocabulary', expect.stringMatching(/^posts-vocabulary_\d+$/)] },
      { indexes: ['posts-ledger', expect.stringMatching(/^posts-ledger_\d+$/)] },
    ]);
  });

  it('stores the vocabulary of the posts in one request of chunks, and reads it back in one search with a search-only key', async () => {
    const vocabularyWrites = ingestRequests.filter(
      (r) => r.method === 'POST' && /^\/indexes\/posts-vocabulary_\d+\/documents$/.test(r.path),
    );
    const expected = expectedVocabulary;
    const chunks = Math.ceil(expected.size / VOCABULARY_CHUNK_WORDS);
    expect(vocabularyWrites.map((r) => (r.body as unknown[]).length)).toEqual([chunks]);
    expect(vocabularyWrites.every((r) => r.bytes < BATCH_BYTES)).toEqual(true);
    const before = stub.seen.length;
    const vocabulary = await reader.vocabulary();
    expect(stub.seen.slice(before).map((r) => `${r.method} ${r.path} ${r.key}`)).toEqual([
      `POST /indexes/posts-vocabulary/search ${STUB_SEARCH_KEY}`,
    ]);
    expect(vocabulary).toEqual(expected);
    await reader.vocabulary();
    expect(stub.seen.length).toEqual(before + 1);
  });

  it('polls every task it enqueued, one GET /tasks/:uid each here (tasks finish at once)', () => {
    const enqueuing = ingestRequests.filter((r) => r.method !== 'GET' && !r.path.startsWith('/tasks/'));
    const polls = ingestRequests.filter((r) => r.path.startsWith('/tasks/')).map((r) => r.path);
    expect(polls).toEqual(enqueuing.map((_, i) => `/tasks/${i + 1}`));
  });

  it('counts every post with a search-only key: the total is not capped at maxTotalHits', async () => {
    expect(await reader.count()).toEqual(posts.length);
  });

  it('lists every slug once with a search-only key, 5,000 a search, only the slug retrieved', async () => {
    const before = stub.seen.length;
    const slugs = await reader.slugs();
    expect(slugs.length).toEqual(posts.length);
    expect(new Set(slugs)).toEqual(new Set(posts.map((p) => p.slug)));
    const searches = stub.seen.slice(before).map((r) => r.body);
    expect(searches).toEqual(
      Array.from({ length: Math.floor(posts.length / SLUG_PAGE) + 1 }, (_, i) => ({
        q: '',
        attributesToRetrieve: ['slug'],
        limit: SLUG_PAGE,
        offset: i * SLUG_PAGE,
      })),
    );
  });

  it('lists every value of each facet, most frequent first', async () => {
    for (const facet of FACETS) {
      const attribute = FACET_ATTRIBUTES[facet];
      const expected = facetCounts(posts, attribute);
      const values = await reader.facetValues(facet);
      const shown = Math.min(expected.size, 1000);
      expect(Object.keys(values).length).toEqual(shown);
      const counts = Object.values(values);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      const top = [...expected.values()].sort((a, b) => b - a).slice(0, shown);
      expect(counts).toEqual(top);
    }
  });

  it('sends at most 10 words as parse_query.rs reads them, exclusions as negative words and phrases', async () => {
    for (const q of queriesFor(posts)) {
      const before = stub.seen.length;
      const result = await reader.search({ q });
      const sent = stub.seen.slice(before).find((r) => r.path === '/multi-search')!;
      const { queries } = sent.body as { queries: Array<{ q: string }> };
      for (const query of queries) {
        const read = readLikeMeilisearch(query.q);
        expect({ q, unread: read.unread }).toEqual({ q, unread: [] });
        expect(read.terms.length).toBeLessThanOrEqual(V115.wordsLimit);
        // Every exclusion of the user's query is read as a whole: one word, or a phrase of its parts.
        const parsed = parseQuery(q);
        expect(read.negativeWords.concat(read.negativePhrases)).toEqual(
          parsed.excludes.map((word) => charabiaWords(word).join(' ')),
        );
        // What Meilisearch does not read is what the adapter reports as dropped.
        const units = (query.q.match(/-?"[^"]*"|\S+/g) ?? []).filter((u) => !u.startsWith('-'));
        const asked = [...parsed.phrases.map((p) => `"${p.join(' ')}"`), ...parsed.terms];
        expect(asked.filter((w) => !units.includes(w))).toEqual(result.droppedWords ?? []);
      }
    }
  });

  it('keeps the last page of an empty query reachable (offset below maxTotalHits)', () => {
    const perPage = 20;
    const lastPage = Math.ceil(posts.length / perPage);
    expect((lastPage - 1) * perPage).toBeLessThan(settingsBody().pagination.maxTotalHits);
  });

  it('both engines read the same words of a long query and report the same ones as dropped', async () => {
    const embedded = new EmbeddedEngine(tempDir('ne-embedded-'));
    await embedded.replaceAll(posts.slice(0, 500));
    for (const q of queriesFor(posts)) {
      const meili = await reader.search({ q, strict: true });
      const local = await embedded.search({ q, strict: true });
      expect({ q, dropped: local.droppedWords ?? [] }).toEqual({ q, dropped: meili.droppedWords ?? [] });
      // The words the embedded engine reads are the ones sent to Meilisearch, no more.
      const { parsed } = planSearch({ q });
      const sent = stub.seen.filter((r) => r.path === '/multi-search').at(-1)!.body as {
        queries: Array<{ q: string }>;
      };
      expect(sent.queries[0]!.q).toEqual(meiliQueryString(parsed));
    }
  });
});

describe('forums on Meilisearch v1.15, for the captures of every listing kind', () => {
  let stub: MeiliStub;
  let embedded: EmbeddedEngine;
  let reader: MeilisearchEngine;

  beforeAll(async () => {
    const { posts } = await ingest(
      [path.resolve(__dirname, '../../fixtures/captures')],
      { catalog: loadErrorCatalog(), topics: loadTopics() },
      { asOf: new Date('2026-03-20T00:00:00Z'), workers: 0 },
    );
    stub = await startMeiliStub();
    await new MeilisearchEngine({
      host: stub.host,
      apiKey: STUB_MASTER_KEY,
      keyVariable: 'MEILI_MASTER_KEY',
      indexName: 'posts',
      pollIntervalMs: 1,
    }).replaceAll(posts);
    reader = new MeilisearchEngine({ host: stub.host, apiKey: STUB_SEARCH_KEY, indexName: 'posts' });
    embedded = new EmbeddedEngine(tempDir('ne-embedded-'));
    await embedded.replaceAll(posts);
  });

  afterAll(async () => {
    await stub.close();
  });

  it('makes forum names and kinds filterable, so they can be faceted', () => {
    const settings = stub.seen.find((r) => r.method === 'PATCH')!.body as { filterableAttributes: string[] };
    expect(settings.filterableAttributes.filter((a) => a.startsWith('forum'))).toEqual([
      'forumNames',
      'forumKinds',
    ]);
  });

  it('lists the same forums, kinds and counts as the embedded engine, with a search-only key', async () => {
    const forums = await reader.forums();
    expect(forums).toEqual(await embedded.forums());
    expect(forums.map((f) => `${f.kinds.join(',')}:${f.name}:${f.count}`)).toEqual([
      'subtopic:Networking:3',
      'subtopic:General:2',
      'tag:Network Extension:2',
      'topic:Privacy & Security:2',
      'event:WWDC25:2',
      'topic:App & System Services:1',
    ]);
    expect(await reader.facetValues('forum')).toEqual(await embedded.facetValues('forum'));
  });
});
