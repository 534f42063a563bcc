import type {
  EnqueuedTask,
  IndexObject,
  IndexStats,
  MultiSearchQuery,
  SearchParams,
  Settings,
  Task,
} from 'meilisearch';
import type { Post } from '../../posts/schema';
import type { IndexDocument } from '../document';

/** The stored document: the whole Post (read back by `getPost` and hits) plus the index fields. */
export type MeiliDocument = Post & IndexDocument;

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

/** The hit count of a response: exact (`totalHits`, page mode), else the estimate, else the hits it holds. */
export function totalOf(response: MeiliSearchResponse | undefined): number {
  return response?.totalHits ?? response?.estimatedTotalHits ?? response?.hits.length ?? 0;
}

/** The finished task fields the engine checks. */
export type MeiliTaskOutcome = Pick<Task, 'uid' | 'indexUid' | 'status' | 'type' | 'error'>;

export type Enqueued = Promise<Pick<EnqueuedTask, 'taskUid'>>;

/**
 * A page of stored documents: `GET /indexes/{uid}/documents`, or with a filter `POST /indexes/{uid}/documents/fetch`
 * (meilisearch-js 0.62 picks the route by whether `filter` is set).
 */
export type DocumentsPage = { results: Array<Record<string, unknown>>; total: number };

/** The part of a Meilisearch index the engine uses. */
export interface MeiliIndexLike {
  updateSettings(settings: Settings): Enqueued;
  addDocuments(documents: Array<Record<string, unknown>>, options: { primaryKey: string }): Enqueued;
  getDocuments(params: { filter?: string; limit: number; offset: number }): Promise<DocumentsPage>;
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
  /** One task by uid; the engine polls it itself, with a signal that bounds each request. */
  readonly tasks: { getTask(taskUid: number, init?: { signal?: AbortSignal }): Promise<MeiliTaskOutcome> };
}
