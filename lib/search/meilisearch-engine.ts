import {
  Meilisearch,
  type EnqueuedTask,
  type IndexObject,
  type IndexStats,
  type MultiSearchQuery,
  type SearchParams,
  type Settings,
  type Task,
  type WaitOptions,
} from 'meilisearch';
import { Post } from '../posts/schema';
import { toIndexDocument, type IndexDocument } from './document';
import { toSearchHit } from './hit';
import { buildFilter, idOrSlugFilter } from './meilisearch-filters';
import { FACET_ATTRIBUTES, MEILI_SETTINGS, PRIMARY_KEY, meiliSort } from './meilisearch-settings';
import { planSearch, type SearchPlan } from './plan';
import type { ParsedQuery } from './query';
import {
  EngineUnavailableError,
  FACETS,
  type FacetCounts,
  type FacetName,
  type SearchEngine,
  type SearchRequest,
  type SearchResult,
} from './types';

/** A match position as Meilisearch reports it: `start` and `length` in UTF-8 bytes. */
export type MatchPosition = { start: number; length: number };

/** One hit as the engine reads it: the stored document plus its match positions. */
export type MeiliHit = Record<string, unknown> & {
  _matchesPosition?: Partial<Record<string, MatchPosition[]>>;
};

/** The part of a search response the engine reads. */
export type MeiliSearchResponse = {
  hits: MeiliHit[];
  processingTimeMs: number;
  totalHits?: number;
  estimatedTotalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
};

/** The finished task fields the engine checks. */
export type MeiliTaskOutcome = Pick<Task, 'uid' | 'indexUid' | 'status' | 'type' | 'error'>;

type Enqueued = Promise<Pick<EnqueuedTask, 'taskUid'>>;

/** The part of a Meilisearch index the engine uses. */
export interface MeiliIndexLike {
  updateSettings(settings: Settings): Enqueued;
  addDocuments(documents: MeiliDocument[], options: { primaryKey: string }): Enqueued;
  search(query: string, params: SearchParams): Promise<MeiliSearchResponse>;
  getStats(): Promise<Pick<IndexStats, 'numberOfDocuments'>>;
}

/** The part of the Meilisearch client the engine uses: the real `Meilisearch` satisfies it; tests pass a fake. */
export interface MeiliClientLike {
  index(uid: string): MeiliIndexLike;
  getRawIndex(uid: string): Promise<Pick<IndexObject, 'uid'>>;
  createIndex(uid: string, options: { primaryKey: string }): Enqueued;
  deleteIndex(uid: string): Enqueued;
  swapIndexes(swaps: Array<{ indexes: [string, string] }>): Enqueued;
  multiSearch(params: { queries: MultiSearchQuery[] }): Promise<{ results: MeiliSearchResponse[] }>;
  readonly tasks: { waitForTask(taskUid: number, options?: WaitOptions): Promise<MeiliTaskOutcome> };
}

/** A Meilisearch task that finished `failed` or `canceled`; carries the task's error message, code and type. */
export class MeilisearchTaskError extends Error {
  override name = 'MeilisearchTaskError';
  readonly taskUid: number;
  readonly taskType: string;
  readonly status: string;
  readonly errorCode: string | undefined;
  readonly errorType: string | undefined;

  constructor(task: MeiliTaskOutcome) {
    const where = task.indexUid ? ` on index ${task.indexUid}` : '';
    super(
      `Meilisearch task ${task.uid} (${task.type}${where}) ${task.status}: ${task.error?.message ?? 'no error given'}`,
    );
    this.taskUid = task.uid;
    this.taskType = task.type;
    this.status = task.status;
    this.errorCode = task.error?.code;
    this.errorType = task.error?.type;
  }
}

/** The stored document: the whole Post (read back by `getPost` and hits) plus the index fields. */
export type MeiliDocument = Post & IndexDocument;

/** Build the stored document of a post. */
export function toMeiliDocument(post: Post): MeiliDocument {
  return { ...post, ...toIndexDocument(post) };
}

/**
 * The query string sent to Meilisearch, rebuilt from the parsed query so no word starts with `-` unless it is an
 * explicit exclusion (`-9836` arrives as the term `9836`): phrases quoted, then `-excludes`, then terms.
 */
export function meiliQueryString(parsed: ParsedQuery): string {
  return [
    ...parsed.phrases.map((words) => `"${words.join(' ')}"`),
    ...parsed.excludes.map((word) => `-${word}`),
    ...parsed.terms,
  ].join(' ');
}

/** Facets with a selection, in facet order: each gets its own counts query. */
function selectedFacets(plan: SearchPlan): FacetName[] {
  return FACETS.filter((facet) => plan.selected[facet].length > 0);
}

/**
 * One multi-search for a plan: the main query (hits, and counts of facets without a selection), then one
 * `limit: 0` query per selected facet, filtered by everything except that facet, so counts are disjunctive.
 */
export function buildMultiSearch(plan: SearchPlan, indexUid: string): { queries: MultiSearchQuery[] } {
  const q = meiliQueryString(plan.parsed);
  const selected = selectedFacets(plan);
  const filter = buildFilter(plan);
  const sort = meiliSort(plan.sort);
  const main: MultiSearchQuery = {
    indexUid,
    q,
    ...(filter ? { filter } : {}),
    ...(sort.length > 0 ? { sort } : {}),
    facets: FACETS.filter((f) => !selected.includes(f)).map((f) => FACET_ATTRIBUTES[f]),
    page: plan.page,
    hitsPerPage: plan.perPage,
    matchingStrategy: 'all',
    showMatchesPosition: true,
  };
  const counts = selected.map((facet): MultiSearchQuery => {
    const without = buildFilter(plan, facet);
    return {
      indexUid,
      q,
      ...(without ? { filter: without } : {}),
      facets: [FACET_ATTRIBUTES[facet]],
      limit: 0,
      matchingStrategy: 'all',
    };
  });
  return { queries: [main, ...counts] };
}

/** Attributes whose matches feed highlighting. */
const MATCH_FIELDS = ['title', 'body', 'codeTerms', 'apiTerms'] as const;
const WORD_AT = /[\p{L}\p{N}]+/uy;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * The lowercased word a match points at. Meilisearch gives UTF-8 byte offsets, and some versions count `length`
 * in characters, so the start is converted to a string index and the whole word there is taken (a prefix or
 * typo match yields the indexed word); the reported length is only a fallback.
 */
function matchedWord(text: string, bytes: Uint8Array | null, position: MatchPosition): string {
  let from = position.start;
  let to = position.start + position.length;
  if (bytes) {
    const decoder = new TextDecoder();
    from = decoder.decode(bytes.subarray(0, position.start)).length;
    to = from + decoder.decode(bytes.subarray(position.start, position.start + position.length)).length;
  }
  WORD_AT.lastIndex = from;
  return (WORD_AT.exec(text)?.[0] ?? text.slice(from, to)).toLowerCase();
}

/** The index terms a hit matched, sliced out of title, body, codeTerms and apiTerms by `_matchesPosition`. */
export function matchedTermsOf(hit: MeiliHit): string[] {
  const terms = new Set<string>();
  for (const field of MATCH_FIELDS) {
    const text = hit[field];
    const positions = hit._matchesPosition?.[field];
    if (typeof text !== 'string' || !positions) continue;
    const bytes = ASCII.test(text) ? null : new TextEncoder().encode(text);
    for (const position of positions) {
      const word = matchedWord(text, bytes, position);
      if (word) terms.add(word);
    }
  }
  return [...terms];
}

/** Turn the multi-search results of a plan into our SearchResult: Posts, our own highlights, disjunctive counts. */
export function reshapeSearch(plan: SearchPlan, results: readonly MeiliSearchResponse[]): SearchResult {
  const [main, ...countResults] = results;
  if (!main) throw new Error('Meilisearch multi-search returned no results');
  const selected = selectedFacets(plan);
  // A selected facet's counts come from its own query (without its selection); the others from the main query.
  const countsOf = (facet: FacetName) => {
    const at = selected.indexOf(facet);
    const source = at < 0 ? main : countResults[at];
    return { ...source?.facetDistribution?.[FACET_ATTRIBUTES[facet]] };
  };
  const facets: FacetCounts = {
    topic: countsOf('topic'),
    api: countsOf('api'),
    os: countsOf('os'),
    code: countsOf('code'),
  };
  const hits = main.hits.map((hit) => toSearchHit(Post.parse(hit), matchedTermsOf(hit)));
  return {
    total: main.totalHits ?? main.estimatedTotalHits ?? hits.length,
    page: plan.page,
    perPage: plan.perPage,
    tookMs: results.reduce((sum, r) => sum + r.processingTimeMs, 0),
    hits,
    facets,
  };
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/** The `code` of an error, or of its Meilisearch error body (`cause.code`), if any. */
function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if ('code' in error && typeof error.code === 'string') return error.code;
  const cause = 'cause' in error ? error.cause : undefined;
  if (typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string') {
    return cause.code;
  }
  return undefined;
}

/** Whether an error means the server could not be reached: a request that got no response at all. */
export function isConnectionFailure(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current.name === 'MeilisearchRequestError') return true;
    if (current instanceof TypeError && current.message === 'fetch failed') return true;
    const code = 'code' in current && typeof current.code === 'string' ? current.code : undefined;
    if (code && CONNECTION_CODES.has(code)) return true;
    current = current.cause;
  }
  return false;
}

/** Whether a Meilisearch API error says the index does not exist. */
function isIndexNotFound(error: unknown): boolean {
  return codeOf(error) === 'index_not_found';
}

/** Whether a Meilisearch API error says the key lacks the permission (a search-only key asking for stats). */
function isForbidden(error: unknown): boolean {
  return codeOf(error) === 'invalid_api_key';
}

export type MeilisearchEngineOptions = {
  host: string;
  /** The master/admin key for ingestion; the search-only key for the web server. */
  apiKey?: string;
  /** The live index uid. */
  indexName: string;
  /** A client to use instead of the real one (tests). */
  client?: MeiliClientLike;
  /** Documents per addDocuments task; default 5000. */
  batchSize?: number;
  /** How long to wait for one task; default 10 minutes. */
  taskTimeoutMs?: number;
  /** HTTP request timeout of the real client; default 30 s. */
  requestTimeoutMs?: number;
};

/**
 * The SearchEngine backed by a Meilisearch server.
 * - A missing index on search, getPost or facetValues throws EngineUnavailableError ("run npm run ingest")
 *   rather than returning an empty result, so a misconfigured deployment is never mistaken for "no matches";
 *   count() returns 0 for it.
 * - An unreachable server throws EngineUnavailableError; a task that ends failed throws MeilisearchTaskError.
 * - Reads use search only (getPost filters on id or slug), so the web server works with a search-only key.
 */
export class MeilisearchEngine implements SearchEngine {
  readonly kind = 'meilisearch';
  private readonly client: MeiliClientLike;
  private readonly host: string;
  private readonly indexName: string;
  private readonly batchSize: number;
  private readonly waitOptions: WaitOptions;

  constructor(options: MeilisearchEngineOptions) {
    this.host = options.host;
    this.indexName = options.indexName;
    this.batchSize = options.batchSize ?? 5000;
    this.waitOptions = { timeout: options.taskTimeoutMs ?? 600_000, interval: 100 };
    this.client =
      options.client ??
      new Meilisearch({
        host: options.host,
        apiKey: options.apiKey,
        timeout: options.requestTimeoutMs ?? 30_000,
      });
  }

  /** Fill a fresh index (settings first, then documents in batches), swap it with the live one, drop the old. */
  async replaceAll(posts: readonly Post[]): Promise<void> {
    const live = this.indexName;
    const fresh = `${live}_${Date.now()}`;
    await this.guard(async () => {
      await this.waitFor(this.client.createIndex(fresh, { primaryKey: PRIMARY_KEY }));
      try {
        await this.waitFor(this.client.index(fresh).updateSettings(MEILI_SETTINGS));
        for (let i = 0; i < posts.length; i += this.batchSize) {
          const batch = posts.slice(i, i + this.batchSize).map(toMeiliDocument);
          await this.waitFor(this.client.index(fresh).addDocuments(batch, { primaryKey: PRIMARY_KEY }));
        }
        if (!(await this.indexExists(live))) {
          await this.waitFor(this.client.createIndex(live, { primaryKey: PRIMARY_KEY }));
        }
        await this.waitFor(this.client.swapIndexes([{ indexes: [live, fresh] }]));
      } catch (error) {
        await this.dropQuietly(fresh);
        throw error;
      }
      // After the swap, `fresh` names the previous live index.
      await this.waitFor(this.client.deleteIndex(fresh));
    }, false);
  }

  /** Run a search: one multi-search for hits and disjunctive facet counts. */
  async search(request: SearchRequest): Promise<SearchResult> {
    const plan = planSearch(request);
    const { results } = await this.guard(() =>
      this.client.multiSearch(buildMultiSearch(plan, this.indexName)),
    );
    return reshapeSearch(plan, results);
  }

  /** One post by id or slug (an id match wins), or null. */
  async getPost(idOrSlug: string): Promise<Post | null> {
    const response = await this.guard(() =>
      this.client.index(this.indexName).search('', { filter: idOrSlugFilter(idOrSlug), limit: 2 }),
    );
    const hit = response.hits.find((h) => h.id === idOrSlug) ?? response.hits[0];
    return hit ? Post.parse(hit) : null;
  }

  /** Every value of a facet with its count over the whole index. */
  async facetValues(facet: FacetName): Promise<Record<string, number>> {
    const attribute = FACET_ATTRIBUTES[facet];
    const response = await this.guard(() =>
      this.client.index(this.indexName).search('', { limit: 0, facets: [attribute] }),
    );
    return { ...response.facetDistribution?.[attribute] };
  }

  /** Documents in the live index (0 when it does not exist); a search-only key falls back to a placeholder search. */
  async count(): Promise<number> {
    const index = this.client.index(this.indexName);
    return this.guard(async () => {
      try {
        return (await index.getStats()).numberOfDocuments;
      } catch (error) {
        if (isIndexNotFound(error)) return 0;
        if (!isForbidden(error)) throw error;
      }
      try {
        const response = await index.search('', { limit: 0 });
        return response.estimatedTotalHits ?? response.totalHits ?? 0;
      } catch (error) {
        if (isIndexNotFound(error)) return 0;
        throw error;
      }
    });
  }

  /** Wait for an enqueued task and throw MeilisearchTaskError unless it succeeded. */
  private async waitFor(enqueued: Enqueued): Promise<void> {
    const { taskUid } = await enqueued;
    const task = await this.client.tasks.waitForTask(taskUid, this.waitOptions);
    if (task.status !== 'succeeded') throw new MeilisearchTaskError(task);
  }

  private async indexExists(uid: string): Promise<boolean> {
    try {
      await this.client.getRawIndex(uid);
      return true;
    } catch (error) {
      if (isIndexNotFound(error)) return false;
      throw error;
    }
  }

  /** Best-effort cleanup of a half-built index; the original error matters more than this one. */
  private async dropQuietly(uid: string): Promise<void> {
    try {
      await this.waitFor(this.client.deleteIndex(uid));
    } catch {
      // Ignored: the index may not exist, or the server may be gone.
    }
  }

  /** Run a call, turning unreachable-server errors (and, for reads, a missing index) into EngineUnavailableError. */
  private async guard<T>(run: () => Promise<T>, missingIndexIsUnavailable = true): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isConnectionFailure(error)) {
        throw new EngineUnavailableError(`Meilisearch at ${this.host} is unreachable`, { cause: error });
      }
      if (missingIndexIsUnavailable && isIndexNotFound(error)) {
        throw new EngineUnavailableError(
          `Meilisearch index "${this.indexName}" not found; run npm run ingest`,
          {
            cause: error,
          },
        );
      }
      throw error;
    }
  }
}
