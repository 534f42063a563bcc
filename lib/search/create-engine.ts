import { serverEnv, type ServerEnv } from '../env';
import { lockDataDir, type DataLock } from './embedded/data-lock';
import { EmbeddedEngine } from './embedded/engine';
import type { PostingsCollector } from './embedded/snapshot';
import { dataDirError } from './embedded/store';
import { writeFaultHook } from './embedded/write-faults';
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
      ...(env.INGEST_FAULT ? { fault: writeFaultHook(env.INGEST_FAULT) } : {}),
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

/** A held ingest lock, or nothing to hold. */
export type IngestLock = Pick<DataLock, 'release'>;

/**
 * Hold the target of an ingest for the whole of it: the embedded engine's data folder lock (`data-lock.ts`),
 * so a second ingest into the same folder refuses with one sentence naming the folder and the pid; nothing
 * for Meilisearch, whose index swap is atomic on its server.
 */
export function lockIngestTarget(options: Pick<EngineOptions, 'kind' | 'dataDir' | 'env'>): IngestLock {
  if (engineKind(options) !== 'embedded') return { release: () => {} };
  const dataDir = options.dataDir ?? (options.env ?? serverEnv()).DATA_DIR;
  try {
    return lockDataDir(dataDir);
  } catch (error) {
    throw dataDirError(error, dataDir);
  }
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
