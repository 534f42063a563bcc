import { it } from 'vitest';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics } from '@/lib/catalog/topics';
import { ingest } from '@/lib/ingest/pipeline';
import type { Post } from '@/lib/posts/schema';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import { Meilisearch } from 'meilisearch';
import { MeilisearchEngine, ledgerIndexOf } from '@/lib/search/meilisearch/engine';
import { vocabularyIndexOf } from '@/lib/search/meilisearch/vocabulary-index';
import type { SearchEngine } from '@/lib/search/types';
import { DUMP_PATH, tempDir } from './fixtures';
import path from 'node:path';
import { loadEnv } from 'vite';

/** The posts of the real dump, ingested once per test file. */
export async function realPosts(): Promise<Post[]> {
  const { posts } = await ingest(
    [DUMP_PATH],
    { catalog: loadErrorCatalog(), topics: loadTopics() },
    {
      asOf: new Date('2025-06-01T00:00:00Z'),
    },
  );
  return posts;
}

/** The hand-written captures of every listing kind (tests/fixtures/captures). */
export const CAPTURES_PATH = path.resolve(__dirname, '../fixtures/captures');

/** The posts of the real dump and of the hand-written captures, ingested together (the natural-language table's corpus). */
export async function dumpAndCapturePosts(): Promise<Post[]> {
  const { posts } = await ingest(
    [DUMP_PATH, CAPTURES_PATH],
    { catalog: loadErrorCatalog(), topics: loadTopics() },
    { asOf: new Date('2025-06-01T00:00:00Z') },
  );
  return posts;
}

/** A Meilisearch server to run the live suite against. */
export type LiveMeili = { host: string; apiKey?: string; timeoutMs?: string };

/**
 * MEILI_HOST, MEILI_MASTER_KEY and MEILI_TIMEOUT_MS from the environment, else from `.env` in `envDir` (the file
 * docker compose reads; vite's loadEnv, the environment wins), or undefined when MEILI_HOST is set in neither.
 */
export function liveMeiliConfig(envDir: string): LiveMeili | undefined {
  const env = loadEnv('test', envDir, 'MEILI_');
  if (!env.MEILI_HOST) return undefined;
  return {
    host: env.MEILI_HOST,
    ...(env.MEILI_MASTER_KEY ? { apiKey: env.MEILI_MASTER_KEY } : {}),
    ...(env.MEILI_TIMEOUT_MS ? { timeoutMs: env.MEILI_TIMEOUT_MS } : {}),
  };
}

/** The server of the live suite, from the environment or the project's `.env`. */
export const LIVE_MEILI = liveMeiliConfig(path.resolve(__dirname, '../..'));

/** The line a run without a server shows instead of the Meilisearch half of the live suite. */
export const LIVE_MEILI_SKIPPED =
  'Meilisearch live suite skipped: MEILI_HOST is unset (set MEILI_HOST and MEILI_MASTER_KEY in the environment or .env, then npm run test:meili)';

/** A fresh index name on the live server for one suite: `<prefix>_<pid>_<ms>`. */
export const liveIndexName = (prefix: string) => `${prefix}_${process.pid}_${Date.now()}`;

/** A Meilisearch engine on the live server (`LIVE_MEILI`, which must be set) over index `indexName`. */
export function liveMeiliEngine(indexName: string): MeilisearchEngine {
  if (!LIVE_MEILI) throw new Error(LIVE_MEILI_SKIPPED);
  return new MeilisearchEngine({
    host: LIVE_MEILI.host,
    indexName,
    keyVariable: 'MEILI_MASTER_KEY',
    ...(LIVE_MEILI.apiKey ? { apiKey: LIVE_MEILI.apiKey } : {}),
    ...(LIVE_MEILI.timeoutMs ? { requestTimeoutMs: Number(LIVE_MEILI.timeoutMs) } : {}),
  });
}

/** Delete a live index and the vocabulary and ledger indexes `replaceAll` made beside it, waiting for each. */
export async function deleteLiveIndexes(indexName: string): Promise<void> {
  if (!LIVE_MEILI) return;
  const client = new Meilisearch({
    host: LIVE_MEILI.host,
    ...(LIVE_MEILI.apiKey ? { apiKey: LIVE_MEILI.apiKey } : {}),
  });
  for (const uid of [indexName, vocabularyIndexOf(indexName), ledgerIndexOf(indexName)])
    await client.deleteIndex(uid).waitTask();
}

/** The engines the contract suite runs on: embedded always, Meilisearch where MEILI_HOST is set (or in .env). */
export const ENGINE_FACTORIES: Array<[string, () => SearchEngine]> = [
  ['embedded', () => new EmbeddedEngine(tempDir('ne-engine-'))],
  ...(LIVE_MEILI
    ? ([['meilisearch', () => liveMeiliEngine(liveIndexName('contract'))]] as Array<
        [string, () => SearchEngine]
      >)
    : []),
];

/** Say, on the test output and as a skipped test, that the live Meilisearch half of a suite does not run here. */
export function reportLiveMeiliSkipped(): void {
  if (LIVE_MEILI) return;
  console.warn(LIVE_MEILI_SKIPPED);
  it.skip(LIVE_MEILI_SKIPPED, () => {});
}
