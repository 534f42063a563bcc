import { MeilisearchApiError, type MultiSearchQuery, type SearchParams } from 'meilisearch';
import {
  MeilisearchEngine,
  type MeiliClientLike,
  type MeiliIndexLike,
  type MeiliSearchResponse,
  type MeiliTaskOutcome,
  type MeilisearchEngineOptions,
} from '@/lib/search/meilisearch/engine';

/** One call the engine made: method, index uid, arguments. */
export type Call = { method: string; uid?: string; args: unknown[] };

/** A Meilisearch error body. */
export type ErrorBody = { message: string; code: string; type: string; link: string };

export const NOT_FOUND: ErrorBody = {
  message: 'Index `posts` not found.',
  code: 'index_not_found',
  type: 'invalid_request',
  link: '',
};

/** 401 and 403 as Meilisearch v1.15 sends them (`crates/meilisearch/src/extractors/authentication/error.rs`). */
export const MISSING_KEY: ErrorBody = {
  message: 'The Authorization header is missing. It must use the bearer authorization method.',
  code: 'missing_authorization_header',
  type: 'auth',
  link: 'https://docs.meilisearch.com/errors#missing_authorization_header',
};
export const INVALID_KEY: ErrorBody = {
  message: 'The provided API key is invalid.',
  code: 'invalid_api_key',
  type: 'auth',
  link: 'https://docs.meilisearch.com/errors#invalid_api_key',
};

export function apiError(status: number, body: ErrorBody): MeilisearchApiError {
  return new MeilisearchApiError(new Response(null, { status }), body);
}

/** A fake client that records calls and returns canned responses; tasks succeed unless told otherwise. */
export class FakeMeili implements MeiliClientLike {
  readonly calls: Call[] = [];
  readonly existing = new Set<string>();
  /** What `getDocuments` answers per index uid (every document, whatever the filter; paged by offset and limit). */
  readonly documents = new Map<string, Array<Record<string, unknown>>>();
  multiSearchResults: MeiliSearchResponse[] = [];
  searchResponse: MeiliSearchResponse = { hits: [], processingTimeMs: 0 };
  /** Thrown by every request when set. */
  failure: Error | undefined;
  /** Ends the task of the first call of this method as failed. */
  failingMethod: string | undefined;
  /** Ends the task of the first call on this index as failed. */
  failingIndex: string | undefined;
  /** The task of the first call of this method stays `processing` forever. */
  stuckMethod: string | undefined;
  /** Polls of the task of the first call of this method never answer (until their signal aborts). */
  hangingMethod: string | undefined;
  /** Thrown when a task of this method is enqueued. */
  enqueueFailure: { method: string; error: Error } | undefined;
  statsError: Error | undefined;
  /** What `getStats` says the index holds. */
  numberOfDocuments = 42;
  /** Polls per task uid. */
  readonly polls = new Map<number, number>();
  private readonly outcomes = new Map<number, MeiliTaskOutcome>();
  private readonly hanging = new Set<number>();

  private record(method: string, uid: string | undefined, args: unknown[]): void {
    this.calls.push({ method, ...(uid === undefined ? {} : { uid }), args });
    if (this.failure) throw this.failure;
  }

  private enqueue(method: string, uid: string | undefined, type: MeiliTaskOutcome['type'], args: unknown[]) {
    try {
      this.record(method, uid, args);
      if (this.enqueueFailure?.method === method) throw this.enqueueFailure.error;
    } catch (error) {
      return Promise.reject(error);
    }
    const taskUid = this.outcomes.size + 1;
    const failsHere = uid !== undefined && this.failingIndex === uid;
    if (failsHere) this.failingIndex = undefined;
    const fails = this.failingMethod === method || failsHere;
    if (this.failingMethod === method) this.failingMethod = undefined;
    const stuck = this.stuckMethod === method;
    if (stuck) this.stuckMethod = undefined;
    if (this.hangingMethod === method) {
      this.hangingMethod = undefined;
      this.hanging.add(taskUid);
    }
    this.outcomes.set(taskUid, {
      uid: taskUid,
      indexUid: uid ?? null,
      type,
      status: stuck ? 'processing' : fails ? 'failed' : 'succeeded',
      error: fails
        ? {
            message: 'Document `x` has an invalid field.',
            code: 'invalid_document_fields',
            type: 'invalid_request',
            link: '',
          }
        : null,
    });
    return Promise.resolve({ taskUid });
  }

  index(uid: string): MeiliIndexLike {
    return {
      updateSettings: (settings) => this.enqueue('updateSettings', uid, 'settingsUpdate', [settings]),
      addDocuments: (documents, options) =>
        this.enqueue('addDocuments', uid, 'documentAdditionOrUpdate', [documents, options]),
      search: async (query: string, params: SearchParams) => {
        this.record('search', uid, [query, params]);
        return this.searchResponse;
      },
      getDocuments: async (params) => {
        this.record('getDocuments', uid, [params]);
        if (!this.existing.has(uid)) throw apiError(404, NOT_FOUND);
        const results = this.documents.get(uid) ?? [];
        return { results: results.slice(params.offset, params.offset + params.limit), total: results.length };
      },
      getStats: async () => {
        this.record('getStats', uid, []);
        if (this.statsError) throw this.statsError;
        return { numberOfDocuments: this.numberOfDocuments };
      },
    };
  }

  async getRawIndex(uid: string) {
    this.record('getRawIndex', uid, []);
    if (!this.existing.has(uid)) throw apiError(404, NOT_FOUND);
    return { uid };
  }

  createIndex(uid: string, options: { primaryKey: string }) {
    return this.enqueue('createIndex', uid, 'indexCreation', [options]);
  }

  deleteIndex(uid: string) {
    return this.enqueue('deleteIndex', uid, 'indexDeletion', []);
  }

  swapIndexes(swaps: Array<{ indexes: [string, string] }>) {
    return this.enqueue('swapIndexes', undefined, 'indexSwap', [swaps]);
  }

  async multiSearch(params: { queries: MultiSearchQuery[] }) {
    this.record('multiSearch', undefined, [params]);
    return { results: this.multiSearchResults };
  }

  readonly tasks = {
    getTask: (taskUid: number, init?: { signal?: AbortSignal }): Promise<MeiliTaskOutcome> => {
      this.polls.set(taskUid, (this.polls.get(taskUid) ?? 0) + 1);
      const outcome = this.outcomes.get(taskUid);
      if (!outcome) return Promise.reject(new Error(`unknown task ${taskUid}`));
      if (!this.hanging.has(taskUid)) return Promise.resolve(outcome);
      // A hung server: no answer until the caller's signal gives up, as fetch rejects with the signal's reason.
      return new Promise((_, reject) => {
        const signal = init?.signal;
        if (!signal) return;
        signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
      });
    },
  };

  /** `method uid` of every call, for order assertions. */
  get trace(): string[] {
    return this.calls.map((c) => (c.uid === undefined ? c.method : `${c.method} ${c.uid}`));
  }
}

/** An engine on a fake client, index `posts`, host `http://meili.test:7700`. */
export function engineWith(
  fake: FakeMeili,
  options: Partial<Omit<MeilisearchEngineOptions, 'client'>> = {},
): MeilisearchEngine {
  return new MeilisearchEngine({
    host: 'http://meili.test:7700',
    indexName: 'posts',
    client: fake,
    pollIntervalMs: 1,
    ...options,
  });
}
