import { Meilisearch, type WaitOptions } from 'meilisearch';
import { Post } from '../../posts/schema';
import type { Enqueued, MeiliClientLike } from './client';
import { isConnectionFailure, isForbidden, isIndexNotFound, MeilisearchTaskError } from './errors';
import { idOrSlugFilter } from './filters';
import { buildMultiSearch, reshapeSearch, toMeiliDocument } from './query';
import { FACET_ATTRIBUTES, MEILI_SETTINGS, PRIMARY_KEY } from './settings';
import { planSearch } from '../plan';
import { EngineUnavailableError } from '../../errors';
import { type FacetName, type SearchEngine, type SearchRequest, type SearchResult } from '../types';

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

  /** A search for nothing: throws EngineUnavailableError when the server or the index is missing. */
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
