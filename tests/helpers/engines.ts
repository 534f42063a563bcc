import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics } from '@/lib/catalog/topics';
import { ingest } from '@/lib/ingest/pipeline';
import type { Post } from '@/lib/posts/schema';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import { MeilisearchEngine } from '@/lib/search/meilisearch/engine';
import type { SearchEngine } from '@/lib/search/types';
import { DUMP_PATH, tempDir } from './fixtures';

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

/** The engines the contract suite runs on: embedded always, Meilisearch where MEILI_HOST is set. */
export const ENGINE_FACTORIES: Array<[string, () => SearchEngine]> = [
  ['embedded', () => new EmbeddedEngine(tempDir('ne-engine-'))],
  ...(process.env.MEILI_HOST
    ? ([
        [
          'meilisearch',
          () =>
            new MeilisearchEngine({
              host: process.env.MEILI_HOST!,
              indexName: `contract_${process.pid}_${Date.now()}`,
              ...(process.env.MEILI_MASTER_KEY ? { apiKey: process.env.MEILI_MASTER_KEY } : {}),
            }),
        ],
      ] as Array<[string, () => SearchEngine]>)
    : []),
];
