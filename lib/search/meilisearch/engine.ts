import { Meilisearch, type Settings } from 'meilisearch';
import { z } from 'zod';
import { Ledger, LedgerEntry } from '../../posts/ledger';
import { Post, type ForumKind } from '../../posts/schema';
import {
  totalOf,
  type Enqueued,
  type MeiliClientLike,
  type MeiliDocument,
  type MeiliSearchResponse,
} from './client';
import {
  authErrorCode,
  describeTask,
  isConnectionFailure,
  isForbidden,
  isIndexNotFound,
  isPayloadTooLarge,
  isRequestTimeout,
  MeilisearchTaskError,
} from './errors';
import { idOrSlugFilter } from './filters';
import { buildMultiSearch, reshapeSearch, toMeiliDocument } from './query';
import {
  buildCandidateSearch,
  buildPageFetch,
  buildResolveSearch,
  lackedWords,
  pageHits,
  rankCandidates,
  readCandidates,
  resolveCandidates,
} from './relaxed-query';
import { droppableTerms, hasMandatoryPart } from '../relax';
import { FACET_ATTRIBUTES, meiliSettings, MIN_MAX_TOTAL_HITS, PRIMARY_KEY } from './settings';
import { planSearch } from '../plan';
import { buildVocabulary, vocabularyAfterUpsert, type Vocabulary } from '../vocabulary';
import {
  changeChunk,
  chunksOfHits,
  FIRST_CHANGE_ID,
  isChangeChunk,
  MAX_VOCABULARY_CHANGES,
  MAX_VOCABULARY_CHUNKS,
  VOCABULARY_CHUNK_WORDS,
  VOCABULARY_SETTINGS,
  vocabularyChunks,
  vocabularyIndexOf,
  vocabularyOfChunks,
  type VocabularyChunk,
} from './vocabulary-index';
import { upsertById } from '../../posts/upsert';
import { EngineError, EngineTimeoutError, EngineUnavailableError } from '../../errors';
import { forumCounts, readForumKey } from '../forums';
import {
  type FacetName,
  type ForumCount,
  type SearchEngine,
  type SearchRequest,
  type SearchResult,
  type UpsertOptions,
} from '../types';

export type * from './client';
export { isConnectionFailure, MeilisearchTaskError } from './errors';
export {
  buildMultiSearch,
  matchedTermsOf,
  meiliQuery,
  meiliQueryString,
  reshapeSearch,
  toMeiliDocument,
} from './query';

/** Slugs per search when listing them all: 120,000 posts take 24 requests of about 250 kB. */
export const SLUG_PAGE = 5000;

/** How long `vocabulary()` keeps what it read: another process's ingest is noticed within a minute. */
export const VOCABULARY_TTL_MS = 60_000;

/** Documents per addDocuments task unless MEILI_BATCH_BYTES cuts the batch first. */
export const DEFAULT_BATCH_SIZE = 5000;
/** Bytes per addDocuments payload: half the server's default `MEILI_HTTP_PAYLOAD_SIZE_LIMIT` of 100 MB. */
export const DEFAULT_BATCH_BYTES = 50_000_000;

export type MeilisearchEngineOptions = {
  host: string;
  /** The master/admin key for ingestion; the search-only key for the web server. */
  apiKey?: string;
  /** The variable the key came from, named when the server refuses it; default MEILI_SEARCH_KEY. */
  keyVariable?: 'MEILI_MASTER_KEY' | 'MEILI_SEARCH_KEY';
  /** The live index uid. */
  indexName: string;
  /** A client to use instead of the real one (tests). */
  client?: MeiliClientLike;
  /** Most documents per addDocuments task; default 5000. */
  batchSize?: number;
  /** Most bytes of JSON per addDocuments request (MEILI_BATCH_BYTES); default 50 MB. */
  batchBytes?: number;
  /** How long one task may take (MEILI_TASK_TIMEOUT_MS); default 10 minutes. */
  taskTimeoutMs?: number;
  /** Bound on every HTTP request, task polls included (MEILI_TIMEOUT_MS); default 30 s. */
  requestTimeoutMs?: number;
  /** Pause between two polls of a task; default 100 ms. */
  pollIntervalMs?: number;
  /** Where a warning goes (the old index left behind after a swap, a missing vocabulary); default `console.warn`. */
  warn?: (message: string) => void;
};

/** The documents of `posts` in batches of at most `maxCount` documents and `maxBytes` bytes of JSON array. */
export function documentBatches(
  posts: readonly Post[],
  maxCount: number,
  maxBytes: number,
): Generator<MeiliDocument[]> {
  return jsonBatches(
    (function* () {
      for (const post of posts) yield toMeiliDocument(post);
    })(),
    maxCount,
    maxBytes,
    (post, size) =>
      `Post ${post.id} (${post.source.file}:${post.source.line}) is ${size} bytes of JSON, more than MEILI_BATCH_BYTES (${maxBytes}).`,
  );
}

/**
 * Documents in batches of at most `maxCount` and `maxBytes` bytes of JSON array; one larger than `maxBytes` alone
 * throws EngineError with the sentence `tooLarge` gives (its size in bytes).
 */
function* jsonBatches<D>(
  documents: Iterable<D>,
  maxCount: number,
  maxBytes: number,
  tooLarge: (document: D, size: number) => string,
): Generator<D[]> {
  let batch: D[] = [];
  let bytes = 1; // `[`
  for (const document of documents) {
    const size = Buffer.byteLength(JSON.stringify(document), 'utf8') + 1; // and the `,` or `]` after it
    if (1 + size > maxBytes) throw new EngineError(tooLarge(document, size - 1));
    if (batch.length > 0 && (batch.length >= maxCount || bytes + size > maxBytes)) {
      yield batch;
      batch = [];
      bytes = 1;
    }
    batch.push(document);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The index holding the ledger of a live index (what it was built from): `posts-ledger` for `posts`. */
export const ledgerIndexOf = (live: string) => `${live}-ledger`;
/** The primary key of a ledger document: its place in the ledger, from 0. */
export const LEDGER_KEY = 'seq' as const;
/** Documents per page when reading documents back. */
const READ_PAGE = 1000;
/** Ids per `id IN [...]` filter when fetching posts by id. */
const IDS_PER_FETCH = 1000;

/** A document of the ledger index: a ledger entry and its place (`LEDGER_KEY`). */
const LedgerEntryDocument = LedgerEntry.extend({ seq: z.number().int().nonnegative() });

/** Ledger entries as documents of the ledger index, numbered from `first`. */
const ledgerDocuments = (entries: readonly LedgerEntry[], first: number) =>
  entries.map((entry, i) => ({ [LEDGER_KEY]: first + i, ...entry }));

/**
 * The SearchEngine backed by a Meilisearch server.
 * - A missing index on search, getPost or facetValues throws EngineUnavailableError ("run npm run ingest")
 *   rather than returning an empty result, so a misconfigured deployment is never mistaken for "no matches";
 *   count() returns 0 for it.
 * - An unreachable server, one that does not answer within the request timeout, and a refused key (401/403:
 *   "check MEILI_SEARCH_KEY") throw EngineUnavailableError, so `/api/health` says 503.
 * - A task that ends failed throws MeilisearchTaskError; one that does not end in time, or whose polls go
 *   unanswered, throws EngineTimeoutError naming the task.
 * - Reads use search only (getPost filters on id or slug), so the web server works with a search-only key.
 */
export class MeilisearchEngine implements SearchEngine {
  readonly kind = 'meilisearch';
  private readonly client: MeiliClientLike;
  private readonly host: string;
  private readonly keyVariable: string;
  private readonly indexName: string;
  private readonly batchSize: number;
  private readonly batchBytes: number;
  private readonly taskTimeoutMs: number;
  private readonly requestTimeoutMs: number;
  private readonly pollIntervalMs: number;
  private readonly warn: (message: string) => void;
  /** The vocabulary last read (`vocabulary()`), and when. */
  private vocabularyCache: { at: number; vocabulary: Promise<Vocabulary> } | undefined;

  constructor(options: MeilisearchEngineOptions) {
    this.host = options.host;
    this.keyVariable = options.keyVariable ?? 'MEILI_SEARCH_KEY';
    this.indexName = options.indexName;
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.batchBytes = options.batchBytes ?? DEFAULT_BATCH_BYTES;
    this.taskTimeoutMs = options.taskTimeoutMs ?? 600_000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.warn = options.warn ?? ((message) => console.warn(message));
    this.client =
      options.client ??
      new Meilisearch({ host: options.host, apiKey: options.apiKey, timeout: this.requestTimeoutMs });
  }

  /**
   * Fill a fresh index (settings first, then documents in batches) and a fresh vocabulary index beside it
   * (`vocabulary-index.ts`), swap both with the live ones in one task, drop the old ones. A failure before the
   * swap drops the fresh indexes without waiting (a stuck queue must not stall the error); a failure to drop an
   * old index after the swap is a warning: the new index is already live.
   */
  async replaceAll(posts: readonly Post[], ledger: readonly LedgerEntry[] = []): Promise<void> {
    const live = this.indexName;
    const stamp = Date.now();
    const fresh = `${live}_${stamp}`;
    const liveLedger = ledgerIndexOf(live);
    const freshLedger = `${liveLedger}_${stamp}`;
    const liveVocabulary = vocabularyIndexOf(live);
    const freshVocabulary = `${liveVocabulary}_${stamp}`;
    // Built before the first request: a long pause between two requests could outlast the server's keep-alive.
    const chunks = vocabularyChunks(buildVocabulary(posts));
    const created: string[] = [];
    await this.guard(async () => {
      try {
        await this.fillIndex(
          created,
          fresh,
          PRIMARY_KEY,
          meiliSettings(posts.length),
          documentBatches(posts, this.batchSize, this.batchBytes),
          (batch, sent) => `posts ${sent + 1}–${sent + batch.length} of ${posts.length} into ${fresh}`,
        );
        await this.fillIndex(
          created,
          freshVocabulary,
          PRIMARY_KEY,
          VOCABULARY_SETTINGS,
          this.vocabularyBatches(chunks),
          (batch) => `${batch.length} vocabulary chunks into ${freshVocabulary}`,
        );
        await this.fillIndex(
          created,
          freshLedger,
          LEDGER_KEY,
          undefined,
          ledger.length > 0 ? [ledgerDocuments(ledger, 0)] : [],
          () => `the ledger into ${freshLedger}`,
        );
        await this.ensureIndex(live, PRIMARY_KEY);
        await this.ensureIndex(liveVocabulary, PRIMARY_KEY);
        await this.ensureIndex(liveLedger, LEDGER_KEY);
        // One swap task for all three: the posts, their vocabulary and their ledger go live together.
        await this.waitFor(
          this.client.swapIndexes([
            { indexes: [live, fresh] },
            { indexes: [liveVocabulary, freshVocabulary] },
            { indexes: [liveLedger, freshLedger] },
          ]),
          `swapping ${live} and ${fresh}, ${liveVocabulary} and ${freshVocabulary}, ${liveLedger} and ${freshLedger}`,
        );
      } catch (error) {
        for (const uid of created) await this.dropQuietly(uid);
        throw error;
      }
      this.vocabularyCache = undefined;
      // After the swap, `fresh`, `freshVocabulary` and `freshLedger` name the previous live indexes.
      await this.deletePrevious([fresh, freshVocabulary, freshLedger]);
    }, false);
  }

  /** The vocabulary's chunks in batches under MEILI_BATCH_SIZE and MEILI_BATCH_BYTES. */
  private vocabularyBatches(chunks: readonly VocabularyChunk[]): Iterable<VocabularyChunk[]> {
    return jsonBatches(
      chunks,
      this.batchSize,
      this.batchBytes,
      (chunk, size) =>
        `Chunk ${chunk.id} of the vocabulary is ${size} bytes of JSON, more than MEILI_BATCH_BYTES (${this.batchBytes}).`,
    );
  }

  /** Delete indexes a swap left behind; one that cannot be deleted is a warning naming it, never a failure. */
  private async deletePrevious(uids: readonly string[]): Promise<void> {
    for (const old of uids) {
      try {
        await this.waitFor(this.client.deleteIndex(old), `deleting ${old}`);
      } catch (error) {
        this.warn(
          `Warning: the new index is live, but the previous one (${old}) could not be deleted: ${
            error instanceof Error ? error.message : String(error)
          }. Delete it later with DELETE ${this.host}/indexes/${old}.`,
        );
      }
    }
  }

  /**
   * Bring the vocabulary index up to date after `--add` sent `posts` in place of `replaced` (the live index's
   * versions of those it held), from the chunks it held before (`held`): the changed words alone, in one chunk of
   * changes (`vocabularyAfterUpsert`, `changeChunk`); the whole vocabulary afresh once the chunks of changes would
   * pass {@link MAX_VOCABULARY_CHANGES} or {@link VOCABULARY_CHUNK_WORDS} words. Without chunks to start from (no
   * vocabulary index, or one that does not read), or when a post's API classes changed (and with them, maybe, the
   * spelling of words of other posts), the vocabulary of every live post, read back, afresh.
   */
  private async updateVocabulary(
    held: readonly VocabularyChunk[] | null,
    replaced: readonly Post[],
    posts: readonly Post[],
  ): Promise<void> {
    const latest = new Map(posts.map((post) => [post.id, post]));
    const sameApis = replaced.every(
      (old) => JSON.stringify(old.apiClasses) === JSON.stringify(latest.get(old.id)?.apiClasses),
    );
    if (!held || !sameApis) return this.rewriteVocabulary(buildVocabulary(await this.readPosts()));
    const current = vocabularyOfChunks(held);
    const next = vocabularyAfterUpsert(current, replaced, posts);
    const changes = held.filter(isChangeChunk);
    const change = changeChunk(current, next, FIRST_CHANGE_ID + changes.length);
    if (!change) return;
    const changedWords = changes.reduce((sum, c) => sum + c.words.length, change.words.length);
    if (
      changes.length >= MAX_VOCABULARY_CHANGES ||
      changedWords > VOCABULARY_CHUNK_WORDS ||
      held.length >= MAX_VOCABULARY_CHUNKS
    )
      return this.rewriteVocabulary(next);
    const live = vocabularyIndexOf(this.indexName);
    await this.sendBatches(
      live,
      PRIMARY_KEY,
      this.vocabularyBatches([change]),
      () => `${change.words.length} changed words into ${live}`,
    );
    this.vocabularyCache = undefined;
  }

  /**
   * Replace the vocabulary index with a whole vocabulary: a fresh index filled, then swapped in alone, so
   * suggestions never lose the old words midway.
   */
  private async rewriteVocabulary(vocabulary: Vocabulary): Promise<void> {
    const chunks = vocabularyChunks(vocabulary);
    const live = vocabularyIndexOf(this.indexName);
    const fresh = `${live}_${Date.now()}`;
    const created: string[] = [];
    try {
      await this.fillIndex(
        created,
        fresh,
        PRIMARY_KEY,
        VOCABULARY_SETTINGS,
        this.vocabularyBatches(chunks),
        (batch) => `${batch.length} vocabulary chunks into ${fresh}`,
      );
      await this.ensureIndex(live, PRIMARY_KEY);
      await this.waitFor(
        this.client.swapIndexes([{ indexes: [live, fresh] }]),
        `swapping ${live} and ${fresh}`,
      );
    } catch (error) {
      for (const uid of created) await this.dropQuietly(uid);
      throw error;
    }
    this.vocabularyCache = undefined;
    await this.deletePrevious([fresh]);
  }

  /**
   * Add posts to the live index (same primary key: each replaces the document of its id), update its vocabulary
   * (`updateVocabulary`: the words of the posts replaced out, those of the new ones in; the posts replaced are
   * fetched first), and append ledger entries to its ledger index, no swap of the posts;
   * `pagination.maxTotalHits` follows the post count past its floor. Onto no live index, `replaceAll`. The posts
   * are sent before the ledger, so a ledger never lists a file whose posts did not all arrive. `beforeWrite` gets
   * every post, the live ones read back for it.
   */
  async upsertPosts(
    posts: readonly Post[],
    ledger: readonly LedgerEntry[],
    options: UpsertOptions = {},
  ): Promise<void> {
    const live = this.indexName;
    if (!(await this.guard(() => this.indexExists(live), false))) {
      await options.beforeWrite?.(upsertById([], posts));
      return this.replaceAll(posts, ledger);
    }
    const replaced = await this.readPosts(posts.map((post) => post.id));
    if (options.beforeWrite) await options.beforeWrite(upsertById(await this.readPosts(), posts));
    const held = await this.vocabularyChunksHeld();
    await this.guard(async () => {
      await this.sendBatches(
        live,
        PRIMARY_KEY,
        documentBatches(posts, this.batchSize, this.batchBytes),
        (batch, sent) => `posts ${sent + 1}–${sent + batch.length} of ${posts.length} into ${live}`,
      );
      const { numberOfDocuments } = await this.client.index(live).getStats();
      if (numberOfDocuments > MIN_MAX_TOTAL_HITS) {
        await this.waitFor(
          this.client.index(live).updateSettings({ pagination: meiliSettings(numberOfDocuments).pagination }),
          `the pagination of ${live}`,
        );
      }
      await this.updateVocabulary(held, replaced, posts);
      const liveLedger = ledgerIndexOf(live);
      const entries = await this.ledgerDocuments();
      await this.ensureIndex(liveLedger, LEDGER_KEY);
      if (ledger.length > 0)
        await this.addLedgerDocuments(liveLedger, ledger, (entries.at(-1)?.seq ?? -1) + 1);
    }, false);
  }

  /**
   * Posts by id (`POST /indexes/{uid}/documents/fetch` with `id IN [...]`, a thousand ids a request), in the
   * order asked, those the index holds; or every post, page by page. None when the index does not exist.
   */
  async readPosts(ids?: readonly string[]): Promise<Post[]> {
    const live = this.indexName;
    if (ids === undefined) return (await this.readAll(live)).map((doc) => Post.parse(doc));
    const byId = new Map<string, Post>();
    for (let from = 0; from < ids.length; from += IDS_PER_FETCH) {
      const chunk = ids.slice(from, from + IDS_PER_FETCH);
      const filter = `${PRIMARY_KEY} IN [${chunk.map((id) => JSON.stringify(id)).join(', ')}]`;
      const page = await this.guard(
        () => this.client.index(live).getDocuments({ filter, limit: chunk.length, offset: 0 }),
        false,
      ).catch((error: unknown) => {
        if (isIndexNotFound(error)) return null;
        throw error;
      });
      if (!page) return [];
      for (const doc of page.results) {
        const post = Post.parse(doc);
        byId.set(post.id, post);
      }
    }
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** The ledger, from the ledger index (`posts-ledger`) in `seq` order; none when it does not exist. */
  async ledger(): Promise<LedgerEntry[]> {
    // Parsing as ledger entries drops `seq` (zod objects strip unknown keys).
    return Ledger.parse(await this.ledgerDocuments());
  }

  /** The documents of the ledger index in `seq` order; none when it does not exist. */
  private async ledgerDocuments(): Promise<Array<LedgerEntry & { seq: number }>> {
    const docs = await this.readAll(ledgerIndexOf(this.indexName));
    return docs.map((doc) => LedgerEntryDocument.parse(doc)).sort((a, b) => a.seq - b.seq);
  }

  /** Every document of an index, page by page (`GET /indexes/{uid}/documents`); none when it does not exist. */
  private async readAll(uid: string): Promise<Array<Record<string, unknown>>> {
    const out: Array<Record<string, unknown>> = [];
    for (;;) {
      const page = await this.guard(
        () => this.client.index(uid).getDocuments({ limit: READ_PAGE, offset: out.length }),
        false,
      ).catch((error: unknown) => {
        if (isIndexNotFound(error)) return null;
        throw error;
      });
      if (!page) return [];
      out.push(...page.results);
      if (page.results.length < READ_PAGE || out.length >= page.total) return out;
    }
  }

  /** Add ledger entries to a ledger index, numbered from `first`. */
  private async addLedgerDocuments(uid: string, entries: readonly LedgerEntry[], first: number) {
    await this.sendBatches(
      uid,
      LEDGER_KEY,
      [ledgerDocuments(entries, first)],
      () => `the ledger into ${uid}`,
    );
  }

  /** Create an index unless it exists. */
  private async ensureIndex(uid: string, primaryKey: string): Promise<void> {
    if (!(await this.indexExists(uid)))
      await this.waitFor(this.client.createIndex(uid, { primaryKey }), `creating ${uid}`);
  }

  /**
   * Create an index (its uid added to `created` once asked for), apply its settings if any, then add its
   * documents batch by batch, waiting for each task.
   */
  private async fillIndex<D extends Record<string, unknown>>(
    created: string[],
    uid: string,
    primaryKey: string,
    settings: Settings | undefined,
    batches: Iterable<D[]>,
    describe: (batch: D[], sent: number) => string,
  ): Promise<void> {
    const creation = this.client.createIndex(uid, { primaryKey });
    created.push(uid);
    await this.waitFor(creation, `creating ${uid}`);
    if (settings)
      await this.waitFor(this.client.index(uid).updateSettings(settings), `the settings of ${uid}`);
    await this.sendBatches(uid, primaryKey, batches, describe);
  }

  /** Add documents to an index batch by batch, waiting for each task (`describe` names it in errors). */
  private async sendBatches<D extends Record<string, unknown>>(
    uid: string,
    primaryKey: string,
    batches: Iterable<D[]>,
    describe: (batch: D[], sent: number) => string,
  ): Promise<void> {
    let sent = 0;
    for (const batch of batches) {
      await this.waitFor(this.client.index(uid).addDocuments(batch, { primaryKey }), describe(batch, sent));
      sent += batch.length;
    }
  }

  /**
   * Run a search: one multi-search for hits and disjunctive facet counts; when no post has every word, the
   * partial-match fallback (relaxed-query.ts): two more requests, three when a word matches more posts than are
   * read of it. Its `tookMs` sums the server's time over every request.
   */
  async search(request: SearchRequest): Promise<SearchResult> {
    const plan = planSearch(request);
    const { results } = await this.guard(() =>
      this.client.multiSearch(buildMultiSearch(plan, this.indexName)),
    );
    const droppable = droppableTerms(plan.parsed).length;
    // One droppable word and nothing mandatory: every candidate would hold that word, and none does.
    const pointless = droppable === 0 || (droppable === 1 && !hasMandatoryPart(plan.parsed));
    if (totalOf(results[0]) > 0 || plan.strict || pointless) return reshapeSearch(plan, results);
    const { results: candidates } = await this.guard(() =>
      this.client.multiSearch(buildCandidateSearch(plan, this.indexName)),
    );
    let pool = readCandidates(plan, candidates);
    const resolve = buildResolveSearch(plan, this.indexName, pool);
    const { results: resolved } = resolve
      ? await this.guard(() => this.client.multiSearch(resolve))
      : { results: [] };
    if (resolve) pool = resolveCandidates(plan, pool, resolved);
    const ranked = rankCandidates(plan, pool);
    const best = ranked?.order[0];
    if (!ranked || best === undefined) return reshapeSearch(plan, results);
    const relaxedWords = lackedWords(plan, ranked.held.get(best)!);
    if (relaxedWords.length === 0) return reshapeSearch(plan, results);
    const from = (plan.page - 1) * plan.perPage;
    const ids = ranked.order.slice(from, from + plan.perPage);
    const { results: page } =
      ids.length > 0
        ? await this.guard(() =>
            this.client.multiSearch(buildPageFetch(plan, this.indexName, ids, ranked.matched)),
          )
        : { results: [] };
    const [facets, ...counts] = ranked.facets;
    const main: MeiliSearchResponse = {
      hits: pageHits(ids, page),
      processingTimeMs: [...results, ...candidates, ...resolved, ...page].reduce(
        (sum, r) => sum + r.processingTimeMs,
        0,
      ),
      totalHits: ranked.total,
      ...(facets?.facetDistribution ? { facetDistribution: facets.facetDistribution } : {}),
    };
    const result = reshapeSearch(plan, [main, ...counts]);
    return { ...result, droppedWords: [...(result.droppedWords ?? []), ...relaxedWords], relaxedWords };
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

  /**
   * Every forum with its kinds and thread count: one placeholder search for the distribution of forum names
   * (threads per forum) and of `kind:name` keys (which kinds each name was seen as).
   */
  async forums(): Promise<ForumCount[]> {
    const names = FACET_ATTRIBUTES.forum;
    const response = await this.guard(() =>
      this.client.index(this.indexName).search('', { limit: 0, facets: [names, 'forumKinds'] }),
    );
    const kinds = new Map<string, ForumKind[]>();
    for (const key of Object.keys(response.facetDistribution?.forumKinds ?? {})) {
      const forum = readForumKey(key);
      if (forum) kinds.set(forum.name, [...(kinds.get(forum.name) ?? []), forum.kind]);
    }
    return forumCounts({ ...response.facetDistribution?.[names] }, (name) => kinds.get(name) ?? []);
  }

  /**
   * Every post's slug: placeholder searches of SLUG_PAGE hits that retrieve the slug alone (a search key may
   * not read `/documents`), in the index's own order, until a page comes back short. Every document is
   * reachable: the index's maxTotalHits is at least its document count (`meiliSettings`).
   */
  async slugs(): Promise<string[]> {
    const index = this.client.index(this.indexName);
    const slugs: string[] = [];
    for (let offset = 0; ; offset += SLUG_PAGE) {
      const { hits } = await this.guard(() =>
        index.search('', { attributesToRetrieve: ['slug'], limit: SLUG_PAGE, offset }),
      );
      slugs.push(...hits.map((hit) => String(hit.slug)));
      if (hits.length < SLUG_PAGE) return slugs;
    }
  }

  /**
   * The vocabulary stored beside the live index at ingest: one placeholder search of `<index>-vocabulary` (a
   * search-only key may make it), kept for {@link VOCABULARY_TTL_MS} and dropped by this engine's ingest. A
   * missing vocabulary index (one ingested before it existed) is an empty vocabulary and a warning naming it.
   */
  async vocabulary(): Promise<Vocabulary> {
    const cached = this.vocabularyCache;
    if (cached && Date.now() - cached.at < VOCABULARY_TTL_MS) return cached.vocabulary;
    const uid = vocabularyIndexOf(this.indexName);
    const vocabulary = this.guard(async () => {
      try {
        return vocabularyOfChunks(await this.searchVocabularyChunks(uid));
      } catch (error) {
        if (!isIndexNotFound(error)) throw error;
        // An index ingested before the vocabulary existed: searches go on, without suggestions, and the log says why.
        this.warn(
          `Warning: Meilisearch index "${uid}" not found: did-you-mean is off until npm run ingest runs again.`,
        );
        return new Map() as Vocabulary;
      }
    });
    const entry = { at: Date.now(), vocabulary };
    this.vocabularyCache = entry;
    vocabulary.catch(() => {
      if (this.vocabularyCache === entry) this.vocabularyCache = undefined;
    });
    return vocabulary;
  }

  /** Every chunk of a vocabulary index, in one placeholder search (`chunksOfHits`). */
  private async searchVocabularyChunks(uid: string): Promise<VocabularyChunk[]> {
    const response = await this.client
      .index(uid)
      .search('', { limit: MAX_VOCABULARY_CHUNKS, attributesToRetrieve: ['id', 'words', 'counts'] });
    return chunksOfHits(response.hits, uid);
  }

  /**
   * The chunks of the live vocabulary index, for `--add` to start from; null when it is missing or holds what
   * does not read as a vocabulary (the add then builds the vocabulary afresh).
   */
  private async vocabularyChunksHeld(): Promise<VocabularyChunk[] | null> {
    const uid = vocabularyIndexOf(this.indexName);
    return this.guard(async () => {
      try {
        return await this.searchVocabularyChunks(uid);
      } catch (error) {
        if (isIndexNotFound(error) || error instanceof EngineError) return null;
        throw error;
      }
    }, false);
  }

  /** A search for nothing: throws EngineUnavailableError when the server, the index or the key is wrong. */
  async ping(): Promise<void> {
    await this.guard(() => this.client.index(this.indexName).search('', { limit: 0 }));
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
        // Exact while the index's maxTotalHits is at least its document count, which meiliSettings ensures.
        const response = await index.search('', { limit: 0 });
        return response.estimatedTotalHits ?? response.totalHits ?? 0;
      } catch (error) {
        if (isIndexNotFound(error)) return 0;
        throw error;
      }
    });
  }

  /**
   * Wait for an enqueued task by polling it, each poll bounded by the request timeout (meilisearch-js 0.62's
   * `waitForTask` drops its request timeout once it passes a signal), the whole wait by the task timeout.
   * Throws MeilisearchTaskError unless the task succeeded, EngineTimeoutError naming it (and `what` it does)
   * when time runs out.
   */
  private async waitFor(enqueued: Enqueued, what: string): Promise<void> {
    const { taskUid } = await enqueued;
    const deadline = Date.now() + this.taskTimeoutMs;
    for (;;) {
      let task;
      try {
        task = await this.client.tasks.getTask(taskUid, {
          signal: AbortSignal.timeout(Math.max(1, Math.min(this.requestTimeoutMs, deadline - Date.now()))),
        });
      } catch (error) {
        if (!isRequestTimeout(error)) throw error;
        throw new EngineTimeoutError(
          `Meilisearch at ${this.host} did not answer within ${this.requestTimeoutMs} ms (MEILI_TIMEOUT_MS) about task ${taskUid} (${what}); see GET /tasks/${taskUid}.`,
          { cause: error },
        );
      }
      if (task.status !== 'enqueued' && task.status !== 'processing') {
        if (task.status !== 'succeeded') throw new MeilisearchTaskError(task);
        return;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new EngineTimeoutError(
          `Meilisearch task ${describeTask(task)} was still ${task.status} after ${this.taskTimeoutMs} ms (MEILI_TASK_TIMEOUT_MS) (${what}); see GET /tasks/${taskUid}.`,
        );
      }
      await sleep(Math.min(this.pollIntervalMs, left));
    }
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

  /** Best-effort cleanup of a half-built index: enqueue its deletion, do not wait for it (it may queue behind a stuck task). */
  private async dropQuietly(uid: string): Promise<void> {
    try {
      await this.client.deleteIndex(uid);
    } catch {
      // Ignored: the original error matters more; the index may not exist, or the server may be gone.
    }
  }

  /**
   * Run a call, turning an unreachable or silent server, a refused key and (for reads) a missing index into
   * EngineUnavailableError; an oversized batch names MEILI_BATCH_BYTES.
   */
  private async guard<T>(run: () => Promise<T>, missingIndexIsUnavailable = true): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof EngineError) throw error;
      const authCode = authErrorCode(error);
      if (authCode) {
        throw new EngineUnavailableError(
          `Meilisearch at ${this.host} refused the key (${authCode}): check ${this.keyVariable}.`,
          { cause: error },
        );
      }
      if (isRequestTimeout(error)) {
        throw new EngineUnavailableError(
          `Meilisearch at ${this.host} did not answer within ${this.requestTimeoutMs} ms (MEILI_TIMEOUT_MS).`,
          { cause: error },
        );
      }
      if (isConnectionFailure(error)) {
        throw new EngineUnavailableError(`Meilisearch at ${this.host} is unreachable`, { cause: error });
      }
      if (isPayloadTooLarge(error)) {
        throw new EngineError(
          `Meilisearch at ${this.host} refused a batch of documents as too large: set MEILI_BATCH_BYTES below its MEILI_HTTP_PAYLOAD_SIZE_LIMIT.`,
          { cause: error },
        );
      }
      if (missingIndexIsUnavailable && isIndexNotFound(error)) {
        throw new EngineUnavailableError(
          `Meilisearch index "${this.indexName}" not found; run npm run ingest`,
          { cause: error },
        );
      }
      throw error;
    }
  }
}
