import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DUMP_PATH } from '../../helpers/fixtures';
import { MeilisearchRequestError } from 'meilisearch';
import {
  FakeMeili,
  INVALID_KEY,
  MISSING_KEY,
  NOT_FOUND,
  apiError,
  engineWith,
} from '../../helpers/fake-meili';
import type { LedgerEntry } from '@/lib/posts/ledger';
import type { Post } from '@/lib/posts/schema';
import { prepareHighlight } from '@/lib/search/highlight-query';
import { toSearchHit } from '@/lib/search/hit';
import { planSearch } from '@/lib/search/plan';
import { parseQuery } from '@/lib/search/query';
import { EngineError, EngineTimeoutError, EngineUnavailableError } from '@/lib/errors';
import { MEILI_SETTINGS, POST_FIELDS, meiliSort } from '@/lib/search/meilisearch/settings';
import { queryWords as meiliWords } from '@/lib/search/word-limit';
import { buildVocabulary, storedVocabulary } from '@/lib/search/vocabulary';
import {
  vocabularyChunks,
  vocabularyOfChunks,
  type VocabularyChunk,
} from '@/lib/search/meilisearch/vocabulary-index';
import {
  MeilisearchEngine,
  MeilisearchTaskError,
  VOCABULARY_TTL_MS,
  buildMultiSearch,
  documentBatches,
  matchedTermsOf,
  meiliQuery,
  meiliQueryString,
  toMeiliDocument,
  type MeiliDocument,
  type MeiliSearchResponse,
} from '@/lib/search/meilisearch/engine';

// ---- fixtures: two posts from the real dump, enriched by hand ----

const DUMP = readFileSync(DUMP_PATH, 'utf8').split(/\r?\n/);

/** Title and body of the compact-layout record whose title is `title`. */
function fromDump(title: string): { title: string; body: string; line: number } {
  const index = DUMP.indexOf(title);
  if (index < 0) throw new Error(`not in dump: ${title}`);
  return { title, body: DUMP[index + 1]!, line: index + 1 };
}

function makePost(title: string, extra: Partial<Post>): Post {
  const { body, line } = fromDump(title);
  return {
    title,
    body,
    replies: 0,
    boosts: 0,
    views: 0,
    activity: '2025-05',
    created: null,
    forums: [],
    source: { file: 'network-extension-forum-dump.txt', line },
    threadId: null,
    id: '000000000000',
    slug: 'post',
    topics: [],
    apiClasses: [],
    osVersions: [],
    os: [],
    errorCodes: [],
    errorCodeVariants: [],
    feedbackIds: [],
    ...extra,
  };
}

const TLS_POST = makePost('TLS communication error between iPhone and iPad', {
  id: 'a1b2c3d4e5f6',
  slug: 'tls-communication-error-between-iphone-and-ipad',
  replies: 3,
  views: 265,
  topics: ['tls'],
  apiClasses: ['NWProtocolTLS.Options'],
  osVersions: ['iPadOS 16.6', 'iOS 18.3.2'],
  os: [
    { platform: 'iPadOS', version: '16.6', label: 'iPadOS 16.6', number: 16006000 },
    { platform: 'iOS', version: '18.3.2', label: 'iOS 18.3.2', number: 18003002 },
  ],
  errorCodes: ['-9836'],
  errorCodeVariants: ['-9836', '9836', 'errsslpeerprotocolversion'],
});

const PROXY_POST = makePost('NWConnections in Network Extension Redirected to Proxy', {
  id: 'f6e5d4c3b2a1',
  slug: 'nwconnections-in-network-extension-redirected-to-proxy',
  replies: 1,
  views: 156,
  topics: ['proxy'],
  apiClasses: ['NWConnection'],
});

/** A stored hit of a post, as Meilisearch returns it (displayed attributes plus match positions). */
function hitOf(post: Post, matches: MeiliSearchResponse['hits'][number]['_matchesPosition']) {
  const doc: MeiliDocument = toMeiliDocument(post);
  return { ...doc, _matchesPosition: matches };
}

afterEach(() => {
  vi.restoreAllMocks();
});

// ---- pure parts ----

describe('MEILI_SETTINGS', () => {
  it('pins the index settings', () => {
    expect(MEILI_SETTINGS).toEqual({
      searchableAttributes: ['codeTerms', 'apiTerms', 'title', 'body'],
      filterableAttributes: [
        'topics',
        'apiClasses',
        'osVersions',
        'errorCodes',
        'forumNames',
        'forumKinds',
        'os_iOS',
        'os_iPadOS',
        'os_macOS',
        'os_watchOS',
        'os_tvOS',
        'os_visionOS',
        'activityKey',
        'slug',
        'id',
      ],
      sortableAttributes: ['activityKey', 'views', 'replies', 'boosts'],
      displayedAttributes: [
        'title',
        'body',
        'replies',
        'boosts',
        'views',
        'activity',
        'created',
        'forums',
        'source',
        'threadId',
        'id',
        'slug',
        'topics',
        'apiClasses',
        'osVersions',
        'os',
        'errorCodes',
        'errorCodeVariants',
        'feedbackIds',
        'codeTerms',
        'apiTerms',
      ],
      rankingRules: ['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness'],
      typoTolerance: {
        enabled: true,
        disableOnNumbers: true,
        disableOnAttributes: ['codeTerms', 'apiTerms'],
      },
      faceting: { maxValuesPerFacet: 1000, sortFacetValuesBy: { '*': 'count' } },
      facetSearch: false,
      pagination: { maxTotalHits: 10000 },
    });
  });

  it('maps sort orders to Meilisearch sort expressions', () => {
    expect(meiliSort('relevance')).toEqual([]);
    expect(meiliSort('activity')).toEqual(['activityKey:desc', 'views:desc']);
    expect(meiliSort('views')).toEqual(['views:desc']);
    expect(meiliSort('replies')).toEqual(['replies:desc']);
    expect(meiliSort('boosts')).toEqual(['boosts:desc']);
  });
});

describe('toMeiliDocument', () => {
  it('stores the whole post next to the index fields', () => {
    const doc = toMeiliDocument(TLS_POST);
    expect(Object.fromEntries(POST_FIELDS.map((f) => [f, doc[f]]))).toEqual(TLS_POST);
    expect(doc.codeTerms).toEqual('-9836 9836 errsslpeerprotocolversion');
    expect(doc.os_iOS).toEqual([18003002]);
    expect(doc.os_iPadOS).toEqual([16006000]);
    expect(doc.activityKey).toEqual(202505);
  });
});

describe('meiliQueryString', () => {
  it('sends an error code without its minus, so Meilisearch does not read it as an exclusion', () => {
    expect(meiliQueryString(parseQuery('-9836'))).toEqual('9836');
  });

  it('keeps phrases quoted and explicit exclusions (first), lowercasing terms', () => {
    expect(meiliQueryString(parseQuery('"exact phrase" -proxy NWConnection'))).toEqual(
      '-proxy "exact phrase" nwconnection',
    );
  });

  it('drops operators, which become filters', () => {
    expect(meiliQueryString(parseQuery('api:NWConnection code:-9806 handshake'))).toEqual('handshake');
  });

  it('excludes an identifier charabia splits (`_`, `.`) as a negative phrase, never as -first-part', () => {
    expect(meiliQueryString(parseQuery('socket -IP_RECVIF'))).toEqual('-"ip_recvif" socket');
    expect(meiliQueryString(parseQuery('tls -NWProtocolTLS.Options -vpn'))).toEqual(
      '-"nwprotocoltls.options" -vpn tls',
    );
    expect(meiliQueryString(parseQuery('-NEPacketTunnelProvider'))).toEqual('-nepackettunnelprovider');
    expect(meiliQueryString(parseQuery('vpn -连接'))).toEqual('-"连接" vpn');
  });

  it('sends a quoted exclusion as a negative phrase, never as an inclusion', () => {
    expect(meiliQueryString(parseQuery('vpn -"per app"'))).toEqual('-"per app" vpn');
    expect(meiliQueryString(parseQuery('vpn -"proxy"'))).toEqual('-proxy vpn');
  });

  it('sends at most 10 words as charabia counts them, exclusions first, and reports the dropped ones', () => {
    expect(meiliQuery(parseQuery('one two three four five six seven eight nine ten eleven twelve'))).toEqual({
      q: 'one two three four five six seven eight nine ten',
      dropped: ['eleven', 'twelve'],
    });
    // `18.3.2` is 3 words and `ip_recvif` 2; a phrase is one term; exclusions do not count.
    expect(
      meiliQuery(parseQuery('-proxy "packet tunnel" iOS 18.3.2 ip_recvif alpha beta gamma delta epsilon')),
    ).toEqual({
      q: '-proxy "packet tunnel" ios 18.3.2 ip_recvif alpha beta gamma',
      dropped: ['delta', 'epsilon'],
    });
    // A term that does not fit is dropped whole, and everything after it too.
    expect(meiliQuery(parseQuery('a b c d e f g h i nwprotocoltls.options j'))).toEqual({
      q: 'a b c d e f g h i',
      dropped: ['nwprotocoltls.options', 'j'],
    });
    expect(meiliQuery(parseQuery('vpn tunnel'))).toEqual({ q: 'vpn tunnel', dropped: [] });
  });

  it('counts words the way charabia makes them', () => {
    expect(meiliWords('ip_recvif')).toEqual(['ip', 'recvif']);
    expect(meiliWords('18.3.2')).toEqual(['18', '3', '2']);
    expect(meiliWords('nepackettunnelprovider')).toEqual(['nepackettunnelprovider']);
    expect(meiliWords('0xbaadca11')).toEqual(['0xbaadca11']);
    // Dictionary-segmented scripts: one word per character at most.
    expect(meiliWords('vpn连接')).toEqual(['vpn', '连', '接']);
  });

  it('never starts a word with a minus unless it is an exclusion', () => {
    const q = meiliQueryString(parseQuery('-0xdead10cc - -- -9806 tls -vpn'));
    expect(q).toEqual('-vpn 0xdead10cc 9806 tls');
  });
});

describe('buildMultiSearch', () => {
  it('asks for hits plus one counts query per selected facet, each without its own selection', () => {
    const plan = planSearch({
      q: 'tls -9836',
      filters: { topic: ['tls'], api: ['NWProtocolTLS.Options'], os: [], code: [], activityFrom: '2025-01' },
      sort: 'activity',
      page: 2,
      perPage: 10,
    });
    expect(buildMultiSearch(plan, 'posts')).toEqual({
      queries: [
        {
          indexUid: 'posts',
          q: 'tls 9836',
          filter: '(topics = "tls") AND (apiClasses = "NWProtocolTLS.Options") AND activityKey >= 202501',
          sort: ['activityKey:desc', 'views:desc'],
          facets: ['osVersions', 'errorCodes', 'forumNames'],
          page: 2,
          hitsPerPage: 10,
          matchingStrategy: 'all',
          showMatchesPosition: true,
        },
        {
          indexUid: 'posts',
          q: 'tls 9836',
          filter: '(apiClasses = "NWProtocolTLS.Options") AND activityKey >= 202501',
          facets: ['topics'],
          limit: 0,
          matchingStrategy: 'all',
        },
        {
          indexUid: 'posts',
          q: 'tls 9836',
          filter: '(topics = "tls") AND activityKey >= 202501',
          facets: ['apiClasses'],
          limit: 0,
          matchingStrategy: 'all',
        },
      ],
    });
  });

  it('sends a single query without filter or sort when nothing is selected', () => {
    expect(buildMultiSearch(planSearch({ q: '' }), 'posts')).toEqual({
      queries: [
        {
          indexUid: 'posts',
          q: '',
          facets: ['topics', 'apiClasses', 'osVersions', 'errorCodes', 'forumNames'],
          page: 1,
          hitsPerPage: 20,
          matchingStrategy: 'all',
          showMatchesPosition: true,
        },
      ],
    });
  });
});

describe('matchedTermsOf', () => {
  it('slices matched words out of title, body and the code/API fields, lowercased and deduplicated', () => {
    const hit = {
      title: 'TLS error',
      body: 'A TLS handshake fails with -9836.',
      codeTerms: '-9836 9836 errsslpeerprotocolversion',
      apiTerms: 'nwprotocoltls.options nwprotocoltls options',
      _matchesPosition: {
        title: [{ start: 0, length: 3 }],
        body: [
          { start: 2, length: 3 },
          { start: 28, length: 4 },
        ],
        codeTerms: [{ start: 6, length: 4 }],
        topics: [{ start: 0, length: 3 }],
      },
    };
    expect(matchedTermsOf(hit)).toEqual(['tls', '9836']);
  });

  it('takes the whole word of a prefix match', () => {
    const hit = { body: 'NWConnection fails', _matchesPosition: { body: [{ start: 0, length: 4 }] } };
    expect(matchedTermsOf(hit)).toEqual(['nwconnection']);
  });

  it('takes both words of a match that spans two, as a split word matches (`wifi` on `Wi-Fi`)', () => {
    const body = 'the Wi-Fi drops, café Wi-Fi';
    const hit = {
      body,
      _matchesPosition: {
        body: [
          { start: 4, length: 5 },
          { start: 23, length: 5 },
        ],
      },
    };
    expect(matchedTermsOf(hit)).toEqual(['wi', 'fi']);
    expect(matchedTermsOf({ body, _matchesPosition: { body: [{ start: 23, length: 2 }] } })).toEqual(['wi']);
  });

  it('reads start offsets as UTF-8 bytes in non-ASCII text', () => {
    // `’` is 3 bytes and `é` 2: `Apple’s café NEVPNManager` puts NEVPNManager at byte 16, string index 13.
    const body = 'Apple’s café NEVPNManager';
    const hit = { body, _matchesPosition: { body: [{ start: 16, length: 12 }] } };
    expect(matchedTermsOf(hit)).toEqual(['nevpnmanager']);
  });

  it('is empty without match positions', () => {
    expect(matchedTermsOf({ title: 'x' })).toEqual([]);
  });
});

// ---- the engine against a fake client ----

describe('MeilisearchEngine.search', () => {
  it('runs one multi-search and reshapes it: posts, own highlights, disjunctive facet counts', async () => {
    const fake = new FakeMeili();
    fake.multiSearchResults = [
      {
        hits: [hitOf(TLS_POST, { title: [{ start: 0, length: 3 }], codeTerms: [{ start: 6, length: 4 }] })],
        processingTimeMs: 3,
        totalHits: 1,
        facetDistribution: {
          osVersions: { 'iOS 18.3.2': 1, 'iPadOS 16.6': 1 },
          errorCodes: { '-9836': 1 },
          forumNames: { 'Network Extension': 1 },
        },
      },
      {
        hits: [],
        processingTimeMs: 1,
        estimatedTotalHits: 2,
        facetDistribution: { topics: { tls: 1, proxy: 1 } },
      },
      { hits: [], processingTimeMs: 1, estimatedTotalHits: 1, facetDistribution: { apiClasses: {} } },
    ];
    const result = await engineWith(fake).search({
      q: 'tls 9836',
      filters: { topic: ['tls'], api: ['NWProtocolTLS.Options'], os: [], code: [] },
    });
    expect(fake.trace).toEqual(['multiSearch']);
    expect(result.total).toEqual(1);
    expect(result.page).toEqual(1);
    expect(result.perPage).toEqual(20);
    expect(result.tookMs).toEqual(5);
    expect(result.facets).toEqual({
      topic: { tls: 1, proxy: 1 },
      api: {},
      os: { 'iOS 18.3.2': 1, 'iPadOS 16.6': 1 },
      code: { '-9836': 1 },
      forum: { 'Network Extension': 1 },
    });
    expect(result.hits).toEqual([
      toSearchHit(TLS_POST, prepareHighlight(parseQuery('tls 9836')), ['tls', '9836']),
    ]);
    expect(result.hits[0]!.titleHtml).toEqual('<mark>TLS</mark> communication error between iPhone and iPad');
  });

  it('throws EngineUnavailableError when the index is missing', async () => {
    const fake = new FakeMeili();
    fake.failure = apiError(404, NOT_FOUND);
    await expect(engineWith(fake).search({ q: 'vpn' })).rejects.toThrow(
      new EngineUnavailableError('Meilisearch index "posts" not found; run npm run ingest'),
    );
  });

  it('throws EngineUnavailableError when the connection is refused', async () => {
    const fake = new FakeMeili();
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7700'), { code: 'ECONNREFUSED' });
    fake.failure = new MeilisearchRequestError(
      'http://meili.test:7700/multi-search',
      new TypeError('fetch failed', { cause: refused }),
    );
    const error = await engineWith(fake)
      .search({ q: 'vpn' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineUnavailableError);
    expect((error as Error).message).toEqual('Meilisearch at http://meili.test:7700 is unreachable');
  });

  it('passes other API errors through unchanged', async () => {
    const fake = new FakeMeili();
    const bad = apiError(400, { ...NOT_FOUND, code: 'invalid_search_filter', message: 'bad filter' });
    fake.failure = bad;
    await expect(engineWith(fake).search({ q: 'vpn' })).rejects.toBe(bad);
  });
});

describe('MeilisearchEngine with the real client and no server', () => {
  it('turns a refused connection into EngineUnavailableError', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const engine = new MeilisearchEngine({ host: `http://127.0.0.1:${port}`, indexName: 'posts' });
    await expect(engine.search({ q: 'vpn' })).rejects.toBeInstanceOf(EngineUnavailableError);
    await expect(engine.count()).rejects.toBeInstanceOf(EngineUnavailableError);
    await expect(engine.replaceAll([TLS_POST])).rejects.toBeInstanceOf(EngineUnavailableError);
  });
});

/** Request lines and bodies seen by a stub speaking just enough of the Meilisearch HTTP API for the real client. */
type Seen = { line: string; body: unknown; auth: string | undefined };

async function withMeiliStub(run: (host: string, seen: Seen[]) => Promise<void>): Promise<void> {
  const seen: Seen[] = [];
  let nextTask = 0;
  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  };
  const server = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const path = (req.url ?? '').replace(/\?.*$/, '');
      const line = `${req.method} ${req.url}`;
      const task = /^\/tasks\/(\d+)$/.exec(path);
      if (task) {
        const uid = Number(task[1]);
        return reply(res, 200, {
          uid,
          indexUid: null,
          status: 'succeeded',
          type: 'indexCreation',
          error: null,
        });
      }
      seen.push({ line, body: raw ? JSON.parse(raw) : undefined, auth: req.headers.authorization });
      if (req.method === 'GET' && /^\/indexes\/[^/]+$/.test(path)) return reply(res, 404, NOT_FOUND);
      if (req.method === 'POST' && path === '/multi-search') {
        return reply(res, 200, {
          results: [
            { indexUid: 'posts', hits: [hitOf(PROXY_POST, undefined)], processingTimeMs: 2, totalHits: 1 },
          ],
        });
      }
      reply(res, 202, {
        taskUid: ++nextTask,
        indexUid: null,
        status: 'enqueued',
        type: 'indexCreation',
        enqueuedAt: '',
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    await run(`http://127.0.0.1:${port}`, seen);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/** A ledger entry as `npm run ingest` writes one. */
const LEDGER_ENTRY: LedgerEntry = {
  file: 'content/dumps/network-extension-forum-dump.txt',
  size: 41_234,
  sha256: 'a'.repeat(64),
  capturedAt: '2025-06-01T00:00:00.000Z',
  read: 39,
  accepted: 20,
  merged: 19,
  rejected: 0,
};

describe('MeilisearchEngine with the real client against an HTTP stub', () => {
  it('sends the expected requests for replaceAll and search', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(42);
    await withMeiliStub(async (host, seen) => {
      const engine = new MeilisearchEngine({ host, apiKey: 'test-key', indexName: 'posts' });
      await engine.replaceAll([TLS_POST], [LEDGER_ENTRY]);
      const result = await engine.search({
        q: 'proxy',
        filters: { topic: ['proxy'], api: [], os: [], code: [] },
      });
      expect(seen.map((s) => s.line)).toEqual([
        'POST /indexes',
        'PATCH /indexes/posts_42/settings',
        'POST /indexes/posts_42/documents?primaryKey=id',
        'POST /indexes',
        'PATCH /indexes/posts-vocabulary_42/settings',
        'POST /indexes/posts-vocabulary_42/documents?primaryKey=id',
        'POST /indexes',
        'POST /indexes/posts-ledger_42/documents?primaryKey=seq',
        'GET /indexes/posts',
        'POST /indexes',
        'GET /indexes/posts-vocabulary',
        'POST /indexes',
        'GET /indexes/posts-ledger',
        'POST /indexes',
        'POST /swap-indexes',
        'DELETE /indexes/posts_42',
        'DELETE /indexes/posts-vocabulary_42',
        'DELETE /indexes/posts-ledger_42',
        'POST /multi-search',
      ]);
      expect(seen.every((s) => s.auth === 'Bearer test-key')).toEqual(true);
      expect(seen[0]!.body).toEqual({ uid: 'posts_42', primaryKey: 'id' });
      expect(seen[1]!.body).toEqual(MEILI_SETTINGS);
      expect(seen[2]!.body).toEqual([toMeiliDocument(TLS_POST)]);
      expect(seen[3]!.body).toEqual({ uid: 'posts-vocabulary_42', primaryKey: 'id' });
      expect(seen[4]!.body).toEqual({ searchableAttributes: ['id'] });
      expect(seen[5]!.body).toEqual([{ id: 0, ...storedVocabulary(buildVocabulary([TLS_POST])) }]);
      expect(seen[6]!.body).toEqual({ uid: 'posts-ledger_42', primaryKey: 'seq' });
      expect(seen[7]!.body).toEqual([{ seq: 0, ...LEDGER_ENTRY }]);
      expect(seen[9]!.body).toEqual({ uid: 'posts', primaryKey: 'id' });
      expect(seen[11]!.body).toEqual({ uid: 'posts-vocabulary', primaryKey: 'id' });
      expect(seen[13]!.body).toEqual({ uid: 'posts-ledger', primaryKey: 'seq' });
      // One swap task: the posts, their vocabulary and their ledger go live together.
      expect(seen[14]!.body).toEqual([
        { indexes: ['posts', 'posts_42'] },
        { indexes: ['posts-vocabulary', 'posts-vocabulary_42'] },
        { indexes: ['posts-ledger', 'posts-ledger_42'] },
      ]);
      expect(result.total).toEqual(1);
      expect(result.hits.map((h) => h.post)).toEqual([PROXY_POST]);
    });
  });
});

describe('MeilisearchEngine.replaceAll', () => {
  it('creates a fresh index, applies settings before documents, swaps last and drops the old index', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(1700000000000);
    const fake = new FakeMeili();
    const posts = [TLS_POST, PROXY_POST, { ...PROXY_POST, id: 'ffffffffffff', slug: 'third' }];
    await engineWith(fake, { batchSize: 2 }).replaceAll(posts);
    expect(fake.trace).toEqual([
      'createIndex posts_1700000000000',
      'updateSettings posts_1700000000000',
      'addDocuments posts_1700000000000',
      'addDocuments posts_1700000000000',
      'createIndex posts-vocabulary_1700000000000',
      'updateSettings posts-vocabulary_1700000000000',
      'addDocuments posts-vocabulary_1700000000000',
      'createIndex posts-ledger_1700000000000',
      'getRawIndex posts',
      'createIndex posts',
      'getRawIndex posts-vocabulary',
      'createIndex posts-vocabulary',
      'getRawIndex posts-ledger',
      'createIndex posts-ledger',
      'swapIndexes',
      'deleteIndex posts_1700000000000',
      'deleteIndex posts-vocabulary_1700000000000',
      'deleteIndex posts-ledger_1700000000000',
    ]);
    expect(fake.calls[0]!.args).toEqual([{ primaryKey: 'id' }]);
    expect(fake.calls[1]!.args).toEqual([MEILI_SETTINGS]);
    expect(fake.calls[2]!.args).toEqual([
      [toMeiliDocument(TLS_POST), toMeiliDocument(PROXY_POST)],
      { primaryKey: 'id' },
    ]);
    expect((fake.calls[3]!.args[0] as MeiliDocument[]).map((d) => d.id)).toEqual(['ffffffffffff']);
    expect(fake.calls[6]!.args).toEqual([
      [{ id: 0, ...storedVocabulary(buildVocabulary(posts)) }],
      { primaryKey: 'id' },
    ]);
    expect(fake.calls[7]!.args).toEqual([{ primaryKey: 'seq' }]);
    expect(fake.calls[14]!.args).toEqual([
      [
        { indexes: ['posts', 'posts_1700000000000'] },
        { indexes: ['posts-vocabulary', 'posts-vocabulary_1700000000000'] },
        { indexes: ['posts-ledger', 'posts-ledger_1700000000000'] },
      ],
    ]);
  });

  it('does not create the live index and its ledger when they exist, and writes a fresh ledger', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(5);
    const fake = new FakeMeili();
    fake.existing.add('posts');
    fake.existing.add('posts-vocabulary');
    fake.existing.add('posts-ledger');
    const second = { ...LEDGER_ENTRY, file: 'b.txt', sha256: 'b'.repeat(64) };
    await engineWith(fake).replaceAll([TLS_POST], [LEDGER_ENTRY, second]);
    expect(fake.trace).toEqual([
      'createIndex posts_5',
      'updateSettings posts_5',
      'addDocuments posts_5',
      'createIndex posts-vocabulary_5',
      'updateSettings posts-vocabulary_5',
      'addDocuments posts-vocabulary_5',
      'createIndex posts-ledger_5',
      'addDocuments posts-ledger_5',
      'getRawIndex posts',
      'getRawIndex posts-vocabulary',
      'getRawIndex posts-ledger',
      'swapIndexes',
      'deleteIndex posts_5',
      'deleteIndex posts-vocabulary_5',
      'deleteIndex posts-ledger_5',
    ]);
    expect(fake.calls[7]!.args).toEqual([
      [
        { seq: 0, ...LEDGER_ENTRY },
        { seq: 1, ...second },
      ],
      { primaryKey: 'seq' },
    ]);
  });

  it('creates the live vocabulary index beside a live index of an earlier version', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(6);
    const fake = new FakeMeili();
    fake.existing.add('posts');
    await engineWith(fake).replaceAll([TLS_POST]);
    expect(fake.trace.slice(7, 13)).toEqual([
      'getRawIndex posts',
      'getRawIndex posts-vocabulary',
      'createIndex posts-vocabulary',
      'getRawIndex posts-ledger',
      'createIndex posts-ledger',
      'swapIndexes',
    ]);
  });

  it('drops the fresh posts and vocabulary indexes when the vocabulary fails, and never swaps', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(8);
    const fake = new FakeMeili();
    fake.failingIndex = 'posts-vocabulary_8';
    const error = await engineWith(fake)
      .replaceAll([TLS_POST])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeilisearchTaskError);
    expect(fake.trace).toEqual([
      'createIndex posts_8',
      'updateSettings posts_8',
      'addDocuments posts_8',
      'createIndex posts-vocabulary_8',
      'deleteIndex posts_8',
      'deleteIndex posts-vocabulary_8',
    ]);
  });

  it('throws MeilisearchTaskError for a failed task, never swaps, and drops the half-built index', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(7);
    const fake = new FakeMeili();
    fake.existing.add('posts');
    fake.failingMethod = 'addDocuments';
    const error = await engineWith(fake)
      .replaceAll([TLS_POST])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeilisearchTaskError);
    const taskError = error as MeilisearchTaskError;
    expect(taskError.message).toEqual(
      'Meilisearch task 3 (documentAdditionOrUpdate on index posts_7) failed: Document `x` has an invalid field.',
    );
    expect({
      taskUid: taskError.taskUid,
      status: taskError.status,
      errorCode: taskError.errorCode,
      errorType: taskError.errorType,
    }).toEqual({
      taskUid: 3,
      status: 'failed',
      errorCode: 'invalid_document_fields',
      errorType: 'invalid_request',
    });
    expect(fake.trace).toEqual([
      'createIndex posts_7',
      'updateSettings posts_7',
      'addDocuments posts_7',
      'deleteIndex posts_7',
    ]);
  });

  it('checks the settings task too', async () => {
    const fake = new FakeMeili();
    fake.failingMethod = 'updateSettings';
    await expect(engineWith(fake).replaceAll([TLS_POST])).rejects.toBeInstanceOf(MeilisearchTaskError);
    expect(fake.trace.some((t) => t.startsWith('addDocuments'))).toEqual(false);
  });
});

describe('MeilisearchEngine.upsertPosts (ingest --add)', () => {
  it('adds the documents to the live index, no swap of the posts, sends the changed words alone, and appends to the ledger after its last entry', async () => {
    const fake = new FakeMeili();
    fake.existing.add('posts');
    fake.existing.add('posts-ledger');
    fake.documents.set('posts-ledger', [
      { seq: 1, ...LEDGER_ENTRY, file: 'b.txt' },
      { seq: 0, ...LEDGER_ENTRY },
    ]);
    // The live index holds TLS_POST, and its vocabulary.
    fake.documents.set('posts', [toMeiliDocument(TLS_POST)]);
    const held = vocabularyChunks(buildVocabulary([TLS_POST]));
    fake.searchResponse = { hits: held, processingTimeMs: 0 };
    const next = { ...LEDGER_ENTRY, file: 'c.txt', sha256: 'c'.repeat(64) };
    await engineWith(fake).upsertPosts([TLS_POST, PROXY_POST], [next]);
    expect(fake.trace).toEqual([
      'getRawIndex posts',
      'getDocuments posts',
      'search posts-vocabulary',
      'addDocuments posts',
      'getStats posts',
      'addDocuments posts-vocabulary',
      'getDocuments posts-ledger',
      'getRawIndex posts-ledger',
      'addDocuments posts-ledger',
    ]);
    expect(fake.calls[1]!.args).toEqual([
      { filter: `id IN ["${TLS_POST.id}", "${PROXY_POST.id}"]`, limit: 2, offset: 0 },
    ]);
    expect(fake.calls[3]!.args).toEqual([
      [toMeiliDocument(TLS_POST), toMeiliDocument(PROXY_POST)],
      { primaryKey: 'id' },
    ]);
    const [sent, options] = fake.calls[5]!.args as [VocabularyChunk[], unknown];
    expect(options).toEqual({ primaryKey: 'id' });
    expect(sent.map((c) => c.id)).toEqual([1000]);
    // The words PROXY_POST brings: each with its count after the upsert; the words TLS_POST alone holds are not sent.
    const after = buildVocabulary([TLS_POST, PROXY_POST]);
    const proxyWords = [...buildVocabulary([PROXY_POST]).keys()];
    expect(sent[0]!.words).toEqual(proxyWords.map((term) => after.get(term)!.form));
    expect(sent[0]!.counts).toEqual(proxyWords.map((term) => after.get(term)!.count));
    expect(vocabularyOfChunks([...held, ...sent])).toEqual(after);
    expect(fake.calls[8]!.args).toEqual([[{ seq: 2, ...next }], { primaryKey: 'seq' }]);
    expect(await engineWith(fake).ledger()).toEqual([LEDGER_ENTRY, { ...LEDGER_ENTRY, file: 'b.txt' }]);
  });

  it('without a vocabulary index to start from, builds the vocabulary of every live post afresh', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(4);
    const fake = new FakeMeili();
    fake.existing.add('posts');
    // What the live index holds once the documents are in (the fake does not store what it is sent).
    fake.documents.set('posts', [toMeiliDocument(TLS_POST), toMeiliDocument(PROXY_POST)]);
    const { search } = fake.index('posts-vocabulary');
    vi.spyOn(fake, 'index').mockImplementation((uid) => ({
      ...FakeMeili.prototype.index.call(fake, uid),
      ...(uid === 'posts-vocabulary'
        ? { search: (q, p) => search(q, p).then(() => Promise.reject(apiError(404, NOT_FOUND))) }
        : {}),
    }));
    await engineWith(fake).upsertPosts([PROXY_POST], []);
    expect(fake.trace.filter((t) => !t.includes('ledger'))).toEqual([
      'getRawIndex posts',
      'getDocuments posts',
      'search posts-vocabulary',
      'addDocuments posts',
      'getStats posts',
      'getDocuments posts',
      'createIndex posts-vocabulary_4',
      'updateSettings posts-vocabulary_4',
      'addDocuments posts-vocabulary_4',
      'getRawIndex posts-vocabulary',
      'createIndex posts-vocabulary',
      'swapIndexes',
      'deleteIndex posts-vocabulary_4',
    ]);
    expect(fake.calls[8]!.args).toEqual([
      vocabularyChunks(buildVocabulary([TLS_POST, PROXY_POST])),
      { primaryKey: 'id' },
    ]);
  });

  it('raises maxTotalHits with the post count past its floor, so totals stay exact', async () => {
    const fake = new FakeMeili();
    fake.existing.add('posts');
    fake.numberOfDocuments = 12_345;
    await engineWith(fake).upsertPosts([TLS_POST], []);
    expect(fake.trace).toEqual([
      'getRawIndex posts',
      'getDocuments posts',
      'search posts-vocabulary',
      'addDocuments posts',
      'getStats posts',
      'updateSettings posts',
      'addDocuments posts-vocabulary',
      'getDocuments posts-ledger',
      'getRawIndex posts-ledger',
      'createIndex posts-ledger',
    ]);
    expect(fake.calls[5]!.args).toEqual([{ pagination: { maxTotalHits: 12_345 } }]);
  });

  it('onto no live index, builds one as replaceAll does', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(3);
    const fake = new FakeMeili();
    await engineWith(fake).upsertPosts([TLS_POST], [LEDGER_ENTRY]);
    expect(fake.trace).toEqual([
      'getRawIndex posts',
      'createIndex posts_3',
      'updateSettings posts_3',
      'addDocuments posts_3',
      'createIndex posts-vocabulary_3',
      'updateSettings posts-vocabulary_3',
      'addDocuments posts-vocabulary_3',
      'createIndex posts-ledger_3',
      'addDocuments posts-ledger_3',
      'getRawIndex posts',
      'createIndex posts',
      'getRawIndex posts-vocabulary',
      'createIndex posts-vocabulary',
      'getRawIndex posts-ledger',
      'createIndex posts-ledger',
      'swapIndexes',
      'deleteIndex posts_3',
      'deleteIndex posts-vocabulary_3',
      'deleteIndex posts-ledger_3',
    ]);
  });

  it('reads posts by id with an `id IN [...]` filter, in the order asked, none for a missing index', async () => {
    const fake = new FakeMeili();
    fake.existing.add('posts');
    fake.documents.set('posts', [toMeiliDocument(PROXY_POST), toMeiliDocument(TLS_POST)]);
    expect(await engineWith(fake).readPosts([TLS_POST.id, 'ffffffffffff', PROXY_POST.id])).toEqual([
      TLS_POST,
      PROXY_POST,
    ]);
    expect(fake.calls).toEqual([
      {
        method: 'getDocuments',
        uid: 'posts',
        args: [
          { filter: `id IN ["${TLS_POST.id}", "ffffffffffff", "${PROXY_POST.id}"]`, limit: 3, offset: 0 },
        ],
      },
    ]);
    expect(await engineWith(new FakeMeili()).readPosts([TLS_POST.id])).toEqual([]);
    expect(await engineWith(new FakeMeili()).ledger()).toEqual([]);
  });
});

describe('MeilisearchEngine reads', () => {
  it('finds a post by slug with a search on id or slug (works with a search-only key)', async () => {
    const fake = new FakeMeili();
    fake.searchResponse = { hits: [hitOf(TLS_POST, undefined)], processingTimeMs: 0 };
    const post = await engineWith(fake).getPost(TLS_POST.slug);
    expect(post).toEqual(TLS_POST);
    expect(fake.calls).toEqual([
      {
        method: 'search',
        uid: 'posts',
        args: [
          '',
          {
            filter:
              'id = "tls-communication-error-between-iphone-and-ipad" OR slug = "tls-communication-error-between-iphone-and-ipad"',
            limit: 2,
          },
        ],
      },
    ]);
  });

  it('prefers the post whose id matches over one whose slug does', async () => {
    const fake = new FakeMeili();
    const slugTwin = { ...PROXY_POST, slug: TLS_POST.id };
    fake.searchResponse = {
      hits: [hitOf(slugTwin, undefined), hitOf(TLS_POST, undefined)],
      processingTimeMs: 0,
    };
    expect(await engineWith(fake).getPost(TLS_POST.id)).toEqual(TLS_POST);
  });

  it('returns null for an unknown post', async () => {
    expect(await engineWith(new FakeMeili()).getPost('nope')).toEqual(null);
  });

  it('lists facet values with a placeholder search', async () => {
    const fake = new FakeMeili();
    fake.searchResponse = {
      hits: [],
      processingTimeMs: 0,
      facetDistribution: { errorCodes: { '-9836': 2 } },
    };
    expect(await engineWith(fake).facetValues('code')).toEqual({ '-9836': 2 });
    expect(fake.calls[0]!.args).toEqual(['', { limit: 0, facets: ['errorCodes'] }]);
  });

  it('counts documents from index stats, 0 when the index is missing', async () => {
    const fake = new FakeMeili();
    expect(await engineWith(fake).count()).toEqual(42);
    fake.statsError = apiError(404, NOT_FOUND);
    expect(await engineWith(fake).count()).toEqual(0);
  });

  it('counts with a placeholder search when the key may not read stats', async () => {
    const fake = new FakeMeili();
    fake.statsError = apiError(403, {
      ...NOT_FOUND,
      code: 'invalid_api_key',
      message: 'The provided API key is invalid.',
    });
    fake.searchResponse = { hits: [], processingTimeMs: 0, estimatedTotalHits: 20 };
    expect(await engineWith(fake).count()).toEqual(20);
    expect(fake.trace).toEqual(['getStats posts', 'search posts']);
  });
});

describe('MeilisearchEngine.vocabulary', () => {
  const chunk = (id: number, words: string[], counts: number[]) => ({ id, words, counts });

  it('reads the chunks of the vocabulary index in one placeholder search', async () => {
    const fake = new FakeMeili();
    fake.searchResponse = {
      hits: [chunk(1, ['tunnel'], [2]), chunk(0, ['vpn', 'NEHotspotHelper'], [9, 3])],
      processingTimeMs: 0,
    };
    const vocabulary = await engineWith(fake).vocabulary();
    expect([...vocabulary]).toEqual([
      ['nehotspothelper', { form: 'NEHotspotHelper', count: 3 }],
      ['tunnel', { form: 'tunnel', count: 2 }],
      ['vpn', { form: 'vpn', count: 9 }],
    ]);
    expect(fake.calls).toEqual([
      {
        method: 'search',
        uid: 'posts-vocabulary',
        args: ['', { limit: 1000, attributesToRetrieve: ['id', 'words', 'counts'] }],
      },
    ]);
  });

  it('keeps what it read for a minute, and reads again after its own ingest', async () => {
    const fake = new FakeMeili();
    fake.searchResponse = { hits: [chunk(0, ['vpn'], [9])], processingTimeMs: 0 };
    const engine = engineWith(fake);
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now);
    await engine.vocabulary();
    clock.mockReturnValue(now + VOCABULARY_TTL_MS - 1);
    await engine.vocabulary();
    expect(fake.trace).toEqual(['search posts-vocabulary']);
    clock.mockReturnValue(now + VOCABULARY_TTL_MS);
    await engine.vocabulary();
    await engine.replaceAll([TLS_POST]);
    await engine.vocabulary();
    expect(fake.trace.filter((t) => t.startsWith('search'))).toEqual([
      'search posts-vocabulary',
      'search posts-vocabulary',
      'search posts-vocabulary',
    ]);
  });

  it('goes on without suggestions, and warns once a minute, when the vocabulary index is missing', async () => {
    const fake = new FakeMeili();
    fake.failure = apiError(404, { ...NOT_FOUND, message: 'Index `posts-vocabulary` not found.' });
    const warnings: string[] = [];
    const engine = engineWith(fake, { warn: (m) => warnings.push(m) });
    expect((await engine.vocabulary()).size).toEqual(0);
    expect((await engine.vocabulary()).size).toEqual(0);
    expect(warnings).toEqual([
      'Warning: Meilisearch index "posts-vocabulary" not found: did-you-mean is off until npm run ingest runs again.',
    ]);
  });

  it('refuses a document that is not a chunk, and a vocabulary with a chunk missing', async () => {
    const fake = new FakeMeili();
    fake.searchResponse = { hits: [chunk(0, ['vpn'], [])], processingTimeMs: 0 };
    await expect(engineWith(fake).vocabulary()).rejects.toThrow(
      'Meilisearch index "posts-vocabulary" holds a document that is not a vocabulary chunk: run npm run ingest again.',
    );
    fake.searchResponse = { hits: [chunk(1, ['vpn'], [9])], processingTimeMs: 0 };
    await expect(engineWith(fake).vocabulary()).rejects.toThrow(
      'Meilisearch index "posts-vocabulary" lacks a chunk of the vocabulary: run npm run ingest again.',
    );
  });
});

describe('MeilisearchEngine keys', () => {
  it.each([
    [401, MISSING_KEY, 'missing_authorization_header'],
    [403, INVALID_KEY, 'invalid_api_key'],
  ])(
    'reports a refused search key (%i) as unavailable on ping and every read',
    async (status, body, code) => {
      const fake = new FakeMeili();
      fake.failure = apiError(status, body);
      const engine = engineWith(fake);
      const expected = new EngineUnavailableError(
        `Meilisearch at http://meili.test:7700 refused the key (${code}): check MEILI_SEARCH_KEY.`,
      );
      await expect(engine.ping()).rejects.toThrow(expected);
      await expect(engine.search({ q: 'vpn' })).rejects.toThrow(expected);
      await expect(engine.getPost('x')).rejects.toThrow(expected);
      await expect(engine.facetValues('api')).rejects.toThrow(expected);
      await expect(engine.count()).rejects.toThrow(expected);
      await expect(engine.ping()).rejects.toBeInstanceOf(EngineUnavailableError);
    },
  );

  it('names MEILI_MASTER_KEY when ingestion is refused', async () => {
    const fake = new FakeMeili();
    fake.failure = apiError(403, INVALID_KEY);
    await expect(
      engineWith(fake, { keyVariable: 'MEILI_MASTER_KEY' }).replaceAll([TLS_POST]),
    ).rejects.toThrow(
      new EngineUnavailableError(
        'Meilisearch at http://meili.test:7700 refused the key (invalid_api_key): check MEILI_MASTER_KEY.',
      ),
    );
  });
});

describe('MeilisearchEngine timeouts', () => {
  it('names the task that did not finish within the task timeout, and drops the fresh index without waiting', async () => {
    vi.spyOn(Date, 'now').mockReturnValueOnce(9);
    const fake = new FakeMeili();
    fake.existing.add('posts');
    fake.stuckMethod = 'addDocuments';
    const error = await engineWith(fake, { taskTimeoutMs: 30 })
      .replaceAll([TLS_POST])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineTimeoutError);
    expect((error as Error).message).toEqual(
      'Meilisearch task 3 (documentAdditionOrUpdate on index posts_9) was still processing after 30 ms (MEILI_TASK_TIMEOUT_MS) (posts 1–1 of 1 into posts_9); see GET /tasks/3.',
    );
    expect(fake.trace).toEqual([
      'createIndex posts_9',
      'updateSettings posts_9',
      'addDocuments posts_9',
      'deleteIndex posts_9',
    ]);
    // The deletes (tasks 4 and 5) were enqueued, never polled: they may be queued behind the stuck task.
    expect([fake.polls.get(4), fake.polls.get(5)]).toEqual([undefined, undefined]);
  });

  it('bounds every poll of a task by the request timeout (a hung server)', async () => {
    vi.spyOn(Date, 'now').mockReturnValueOnce(11);
    const fake = new FakeMeili();
    fake.hangingMethod = 'updateSettings';
    const error = await engineWith(fake, { requestTimeoutMs: 20, taskTimeoutMs: 600_000 })
      .replaceAll([TLS_POST])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineTimeoutError);
    expect((error as Error).message).toEqual(
      'Meilisearch at http://meili.test:7700 did not answer within 20 ms (MEILI_TIMEOUT_MS) about task 2 (the settings of posts_11); see GET /tasks/2.',
    );
    expect(fake.trace).toEqual(['createIndex posts_11', 'updateSettings posts_11', 'deleteIndex posts_11']);
  });

  it('warns, and does not fail, when the old index cannot be deleted after a successful swap', async () => {
    vi.spyOn(Date, 'now').mockReturnValueOnce(13);
    const fake = new FakeMeili();
    fake.existing.add('posts');
    fake.failingMethod = 'deleteIndex';
    const warnings: string[] = [];
    await engineWith(fake, { warn: (m) => warnings.push(m) }).replaceAll([TLS_POST]);
    expect(fake.trace.slice(-4)).toEqual([
      'swapIndexes',
      'deleteIndex posts_13',
      'deleteIndex posts-vocabulary_13',
      'deleteIndex posts-ledger_13',
    ]);
    expect(warnings).toEqual([
      'Warning: the new index is live, but the previous one (posts_13) could not be deleted: Meilisearch task 11 (indexDeletion on index posts_13) failed: Document `x` has an invalid field.. Delete it later with DELETE http://meili.test:7700/indexes/posts_13.',
    ]);
  });
});

describe('MeilisearchEngine with the real client against a server that stops answering', () => {
  const STUCK_AT = 17;

  it('ends a task wait within MEILI_TIMEOUT_MS although meilisearch-js 0.62 drops its timeout while polling', async () => {
    const server = createHttpServer((req, res) => {
      if (req.url?.startsWith('/tasks/')) return; // never answers
      res.writeHead(202, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          taskUid: 7,
          indexUid: 'posts_1',
          status: 'enqueued',
          type: 'indexCreation',
          enqueuedAt: '',
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const host = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      vi.spyOn(Date, 'now').mockReturnValueOnce(STUCK_AT);
      const engine = new MeilisearchEngine({ host, indexName: 'posts', requestTimeoutMs: 200 });
      const error = await engine.replaceAll([TLS_POST]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EngineTimeoutError);
      expect((error as Error).message).toEqual(
        `Meilisearch at ${host} did not answer within 200 ms (MEILI_TIMEOUT_MS) about task 7 (creating posts_${STUCK_AT}); see GET /tasks/7.`,
      );
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('MeilisearchEngine with the real client against a server that never answers', () => {
  it('reports reads as unavailable after MEILI_TIMEOUT_MS, so /api/health is 503', async () => {
    const server = createHttpServer(() => {}); // accepts, never answers
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const host = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const engine = new MeilisearchEngine({ host, indexName: 'posts', requestTimeoutMs: 200 });
      const expected = new EngineUnavailableError(
        `Meilisearch at ${host} did not answer within 200 ms (MEILI_TIMEOUT_MS).`,
      );
      await expect(engine.ping()).rejects.toThrow(expected);
      await expect(engine.search({ q: 'vpn' })).rejects.toThrow(expected);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('documentBatches', () => {
  const posts = [TLS_POST, PROXY_POST, { ...PROXY_POST, id: 'ffffffffffff', slug: 'third' }];
  const sizes = posts.map((p) => Buffer.byteLength(JSON.stringify(toMeiliDocument(p))));

  it('cuts a batch before its JSON array would pass the byte limit', () => {
    // Room for the first two documents: `[a,b]` is 3 bytes plus the two.
    const limit = sizes[0]! + sizes[1]! + 3;
    const batches = [...documentBatches(posts, 100, limit)];
    expect(batches.map((b) => b.map((d) => d.id))).toEqual([
      ['a1b2c3d4e5f6', 'f6e5d4c3b2a1'],
      ['ffffffffffff'],
    ]);
    for (const batch of batches) expect(Buffer.byteLength(JSON.stringify(batch))).toBeLessThanOrEqual(limit);
    expect([...documentBatches(posts, 100, limit - 1)].map((b) => b.length)).toEqual([1, 2]);
  });

  it('cuts by count as well', () => {
    expect([...documentBatches(posts, 2, 1e9)].map((b) => b.length)).toEqual([2, 1]);
  });

  it('refuses a post larger than the limit, naming it and MEILI_BATCH_BYTES', () => {
    expect(() => [...documentBatches(posts, 100, sizes[0]! + 1)]).toThrow(
      new EngineError(
        `Post a1b2c3d4e5f6 (network-extension-forum-dump.txt:${TLS_POST.source.line}) is ${sizes[0]} bytes of JSON, more than MEILI_BATCH_BYTES (${sizes[0]! + 1}).`,
      ),
    );
  });
});
