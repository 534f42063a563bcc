import { serverEnv, type ServerEnv } from '../env';
import { EmbeddedEngine } from './embedded/engine';
import type { PostingsCollector } from './embedded/snapshot';
import { MeilisearchEngine } from './meilisearch/engine';
import { EngineConfigError } from '../errors';
import type { EngineKind, SearchEngine } from './types';

export type EngineOptions = {
  /** Which engine; defaults to SEARCH_ENGINE, else Meilisearch when MEILI_HOST is set, else embedded. */
  kind?: EngineKind;
  /** The embedded engine's data folder; defaults to DATA_DIR. */
  dataDir?: string;
  /** `admin` (ingestion: the master key) or `search` (everything else: the search-only key). */
  role: 'admin' | 'search';
  env?: ServerEnv;
  /** How the embedded engine tokenises when it builds an index (ingestion passes a two-thread one). */
  collectPostings?: PostingsCollector;
};

/** Which engine a configuration selects. */
export function engineKind(options: Pick<EngineOptions, 'kind' | 'env'>): EngineKind {
  const env = options.env ?? serverEnv();
  return options.kind ?? env.SEARCH_ENGINE ?? (env.MEILI_HOST ? 'meilisearch' : 'embedded');
}

/** Create the engine a configuration selects. */
export function createEngine(options: EngineOptions): SearchEngine {
  const env = options.env ?? serverEnv();
  const kind = engineKind(options);
  if (kind === 'embedded')
    return new EmbeddedEngine(options.dataDir ?? env.DATA_DIR, {
      cacheEntries: env.SEARCH_CACHE_ENTRIES,
      ...(options.collectPostings ? { collectPostings: options.collectPostings } : {}),
    });
  if (!env.MEILI_HOST)
    throw new EngineConfigError(
      'The Meilisearch engine needs MEILI_HOST (for example http://localhost:7700).',
    );
  const keyVariable = options.role === 'admin' ? 'MEILI_MASTER_KEY' : 'MEILI_SEARCH_KEY';
  const apiKey = env[keyVariable];
  return new MeilisearchEngine({
    host: env.MEILI_HOST,
    indexName: env.MEILI_INDEX,
    keyVariable,
    ...(apiKey ? { apiKey } : {}),
    requestTimeoutMs: env.MEILI_TIMEOUT_MS,
    taskTimeoutMs: env.MEILI_TASK_TIMEOUT_MS,
    batchBytes: env.MEILI_BATCH_BYTES,
  });
}

/**
 * The process-wide slot of the web server's engine. Next.js bundles its own copy of this module beside the one
 * the web server imports for its direct routes; both find the one engine (and its one loaded index) here.
 */
const SHARED_ENGINE = Symbol.for('ne-forum-search.search-engine');
type EngineSlot = { [SHARED_ENGINE]?: SearchEngine };

/** The web server's engine (search role), created once per process. */
export async function getSearchEngine(): Promise<SearchEngine> {
  const slot = globalThis as EngineSlot;
  slot[SHARED_ENGINE] ??= createEngine({ role: 'search' });
  return slot[SHARED_ENGINE];
}
