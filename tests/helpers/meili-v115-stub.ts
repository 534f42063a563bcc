import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * An HTTP stub of the parts of Meilisearch v1.15.2 the adapter calls, for the real `meilisearch` client. It keeps
 * indexes, settings and documents, and answers placeholder searches by the server's own rules, each quoted from
 * the file it comes from (tag v1.15.2 of github.com/meilisearch/meilisearch):
 * - totals: `min(candidates, maxTotalHits)`, default 1,000 (`crates/meilisearch/src/search/mod.rs`,
 *   `DEFAULT_PAGINATION_MAX_TOTAL_HITS` in `crates/meilisearch-types/src/settings.rs`);
 * - hits: placeholder searches only, in the order documents were added, `offset` and `limit` (default 20) cut to
 *   `maxTotalHits` (`prepare_search` in `crates/meilisearch/src/search/mod.rs`), `attributesToRetrieve` kept;
 * - facet values: at most `maxValuesPerFacet` (default 100, `DEFAULT_VALUES_PER_FACET` in
 *   `crates/milli/src/search/facet/facet_distribution.rs`), alphabetical unless `sortFacetValuesBy` says `count`
 *   (`crates/milli/src/order_by_map.rs`);
 * - hits of a placeholder search without a filter: the documents in the order they were added (internal document
 *   ids), from `offset` (default 0), at most `limit` (default 20), only the `attributesToRetrieve` when given
 *   (`crates/meilisearch/src/search/mod.rs`, `DEFAULT_SEARCH_LIMIT`); a filtered search gets no hits here;
 * - keys: a request without `Authorization` gets 401 `missing_authorization_header`, a key that may not do the
 *   action 403 `invalid_api_key` (`crates/meilisearch/src/extractors/authentication/error.rs`); here the search
 *   key may only search.
 * Tasks finish at once; every request is recorded with its raw body size.
 */

export type SeenRequest = {
  method: string;
  path: string;
  bytes: number;
  body: unknown;
  key: string | undefined;
};

type StoredIndex = {
  primaryKey: string;
  settings: Record<string, unknown>;
  documents: Map<string, Record<string, unknown>>;
};

/**
 * The one filter the stub reads on `POST /indexes/{uid}/documents/fetch`: `id IN ["a", "b"]` (the `IN` operator of
 * `crates/filter-parser/src/lib.rs`); anything else is a test mistake.
 */
function idsOfFilter(filter: unknown): Set<string> {
  const match = typeof filter === 'string' ? /^id IN \[(.*)\]$/.exec(filter) : null;
  if (!match) throw new Error(`the stub reads only \`id IN [...]\` filters, not ${String(filter)}`);
  return new Set(JSON.parse(`[${match[1]}]`) as string[]);
}

/**
 * A page of documents as `GET /indexes/{uid}/documents` (query parameters) and `POST /indexes/{uid}/documents/fetch`
 * (a JSON body) answer: `results`, `offset`, `limit` (default 20), `total`, in the order the documents were
 * inserted (github.com/meilisearch/specifications, text/0124-documents-api.md, 3.1.1).
 */
function documentsPage(documents: Array<Record<string, unknown>>, offset = 0, limit = 20) {
  return { results: documents.slice(offset, offset + limit), offset, limit, total: documents.length };
}

export type MeiliStub = {
  host: string;
  seen: SeenRequest[];
  indexes: Map<string, StoredIndex>;
  close(): Promise<void>;
};

export const STUB_MASTER_KEY = 'stub-master-key';
export const STUB_SEARCH_KEY = 'stub-search-key';

const NOT_FOUND = (uid: string) => ({
  message: `Index \`${uid}\` not found.`,
  code: 'index_not_found',
  type: 'invalid_request',
  link: '',
});

/** The facet distribution of one attribute over some documents, by the server's rules. */
function facetDistribution(
  documents: Iterable<Record<string, unknown>>,
  attribute: string,
  settings: Record<string, unknown>,
): Record<string, number> {
  const counts = new Map<string, number>();
  for (const doc of documents) {
    const value = doc[attribute];
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
    }
  }
  const faceting = (settings.faceting ?? {}) as {
    maxValuesPerFacet?: number;
    sortFacetValuesBy?: Record<string, string>;
  };
  const max = faceting.maxValuesPerFacet ?? 100;
  const order = faceting.sortFacetValuesBy?.[attribute] ?? faceting.sortFacetValuesBy?.['*'] ?? 'alpha';
  const entries = [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (order === 'count') entries.sort((a, b) => b[1] - a[1]);
  return Object.fromEntries(entries.slice(0, max));
}

/** The fields of a search body the stub reads. */
type SearchBody = {
  q?: string;
  facets?: string[];
  filter?: unknown;
  offset?: number;
  limit?: number;
  attributesToRetrieve?: string[];
};

/** A hit as `attributesToRetrieve` shapes it (default `*`: the whole document). */
function retrieved(doc: Record<string, unknown>, attributes: string[] | undefined): Record<string, unknown> {
  if (!attributes || attributes.includes('*')) return doc;
  return Object.fromEntries(attributes.filter((a) => a in doc).map((a) => [a, doc[a]]));
}

/** Start the stub on a free loopback port. */
export async function startMeiliStub(): Promise<MeiliStub> {
  const seen: SeenRequest[] = [];
  const indexes = new Map<string, StoredIndex>();
  let nextTask = 0;
  const reply = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  const enqueued = (res: ServerResponse, indexUid: string | null) =>
    reply(res, 202, { taskUid: ++nextTask, indexUid, status: 'enqueued', type: 'unknown', enqueuedAt: '' });

  const handle = (req: IncomingMessage, raw: Buffer, res: ServerResponse) => {
    const path = (req.url ?? '').replace(/\?.*$/, '');
    const query = new URL(req.url ?? '/', 'http://stub').searchParams;
    const auth = req.headers.authorization;
    const key = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    const body: unknown = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined;
    seen.push({ method: req.method ?? '', path, bytes: raw.length, body, key });
    if (key === undefined) {
      return reply(res, 401, {
        message: 'The Authorization header is missing. It must use the bearer authorization method.',
        code: 'missing_authorization_header',
        type: 'auth',
        link: '',
      });
    }
    const isSearch = /^\/indexes\/[^/]+\/search$/.test(path) || path === '/multi-search';
    if (key !== STUB_MASTER_KEY && !(key === STUB_SEARCH_KEY && isSearch)) {
      return reply(res, 403, {
        message: 'The provided API key is invalid.',
        code: 'invalid_api_key',
        type: 'auth',
        link: '',
      });
    }
    const task = /^\/tasks\/(\d+)$/.exec(path);
    if (task)
      return reply(res, 200, { uid: Number(task[1]), indexUid: null, status: 'succeeded', type: 'x' });
    if (req.method === 'POST' && path === '/indexes') {
      const { uid, primaryKey } = body as { uid: string; primaryKey: string };
      indexes.set(uid, { primaryKey, settings: {}, documents: new Map() });
      return enqueued(res, uid);
    }
    if (req.method === 'POST' && path === '/swap-indexes') {
      for (const { indexes: pair } of body as Array<{ indexes: [string, string] }>) {
        const [a, b] = [indexes.get(pair[0])!, indexes.get(pair[1])!];
        indexes.set(pair[0], b);
        indexes.set(pair[1], a);
      }
      return enqueued(res, null);
    }
    if (req.method === 'POST' && path === '/multi-search') {
      const { queries } = body as { queries: Array<{ indexUid: string; facets?: string[] }> };
      const results = queries.map((query) => {
        const index = indexes.get(query.indexUid);
        return {
          indexUid: query.indexUid,
          hits: [],
          processingTimeMs: 0,
          totalHits: 0,
          facetDistribution: Object.fromEntries(
            (query.facets ?? []).map((f) => [f, index ? facetDistribution([], f, index.settings) : {}]),
          ),
        };
      });
      return reply(res, 200, { results });
    }
    const route = /^\/indexes\/([^/]+)(\/[a-z]+(?:\/fetch)?)?$/.exec(path);
    const uid = route?.[1] ?? '';
    const index = indexes.get(uid);
    if (!route || !index) return reply(res, 404, NOT_FOUND(uid));
    switch (`${req.method} ${route[2] ?? ''}`) {
      case 'GET ':
        return reply(res, 200, { uid, primaryKey: index.primaryKey });
      case 'DELETE ':
        indexes.delete(uid);
        return enqueued(res, uid);
      case 'PATCH /settings':
        index.settings = { ...index.settings, ...(body as Record<string, unknown>) };
        return enqueued(res, uid);
      case 'POST /documents': {
        // A document replaces the one of its primary key in place (`addDocuments`: replace semantics).
        const key = query.get('primaryKey') ?? index.primaryKey;
        for (const doc of body as Array<Record<string, unknown>>) index.documents.set(String(doc[key]), doc);
        return enqueued(res, uid);
      }
      case 'GET /documents': {
        const [offset, limit] = [Number(query.get('offset') ?? 0), Number(query.get('limit') ?? 20)];
        return reply(res, 200, documentsPage([...index.documents.values()], offset, limit));
      }
      case 'POST /documents/fetch': {
        const { filter, offset, limit } = body as { filter?: unknown; offset?: number; limit?: number };
        const ids = idsOfFilter(filter);
        const found = [...index.documents.values()].filter((doc) => ids.has(String(doc.id)));
        return reply(res, 200, documentsPage(found, offset, limit));
      }
      case 'GET /stats':
        return reply(res, 200, { numberOfDocuments: index.documents.size });
      case 'POST /search': {
        const { q, facets, filter, offset, limit, attributesToRetrieve } = body as SearchBody;
        if (q) throw new Error('the stub answers placeholder searches only');
        const pagination = (index.settings.pagination ?? {}) as { maxTotalHits?: number };
        const maxTotalHits = pagination.maxTotalHits ?? 1000;
        const total = Math.min(index.documents.size, maxTotalHits);
        // `prepare_search`: "a user can't get more documents than the hard limit, we align that on the offset too".
        const from = Math.min(offset ?? 0, maxTotalHits);
        const count = Math.min(limit ?? 20, maxTotalHits - from);
        return reply(res, 200, {
          // A filtered search finds nothing here: the stub does not evaluate filters.
          hits: filter
            ? []
            : [...index.documents.values()]
                .slice(from, from + count)
                .map((doc) => retrieved(doc, attributesToRetrieve)),
          processingTimeMs: 0,
          estimatedTotalHits: total,
          facetDistribution: Object.fromEntries(
            (facets ?? []).map((f) => [f, facetDistribution(index.documents.values(), f, index.settings)]),
          ),
        });
      }
    }
    return reply(res, 404, NOT_FOUND(uid));
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, Buffer.concat(chunks), res));
  });
  // The stub shares its process with the code under test, whose synchronous work (building an index) can hold the
  // event loop past Node's 5 s keep-alive: the client would then reuse a socket the stub is closing.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    host: `http://127.0.0.1:${port}`,
    seen,
    indexes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
