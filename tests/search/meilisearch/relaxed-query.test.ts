import type { MultiSearchQuery } from 'meilisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import type { MeiliSearchResponse } from '@/lib/search/meilisearch/client';
import { MeilisearchEngine } from '@/lib/search/meilisearch/engine';
import { buildRelaxedSearch } from '@/lib/search/meilisearch/relaxed-query';
import { planSearch } from '@/lib/search/plan';
import type { Post } from '@/lib/posts/schema';
import { FakeMeili } from '../../helpers/fake-meili';
import { realPosts } from '../../helpers/engines';
import { tempDir } from '../../helpers/fixtures';
import { NATURAL_TABLE } from '../../helpers/natural-queries';

/** A fake server that answers the adapter's searches with the embedded engine's numbers over the same posts. */
class EmbeddedBackedMeili extends FakeMeili {
  constructor(
    private readonly embedded: EmbeddedEngine,
    private readonly posts: Post[],
    private readonly q: string,
  ) {
    super();
  }

  override async multiSearch(params: { queries: MultiSearchQuery[] }) {
    const result = await this.embedded.search({ q: this.q });
    const results = await Promise.all(
      params.queries.map(async (query, i): Promise<MeiliSearchResponse> => {
        if (query.matchingStrategy === 'all' && query.limit === 0) {
          // A probe: how many posts the word matches, as the server counts it.
          return {
            hits: [],
            processingTimeMs: 0,
            totalHits: (await this.embedded.search({ q: query.q ?? '', strict: true })).total,
          };
        }
        if (query.matchingStrategy === 'all' || i > 0 || result.hits.length === 0)
          return { hits: [], processingTimeMs: 0, totalHits: 0 };
        const words = planSearch({ q: this.q }).parsed;
        const max = words.terms.length + words.phrases.length;
        const lacking = result.relaxedWords?.length ?? 0;
        const post = this.posts.find((p) => p.id === result.hits[0]!.post.id)!;
        return {
          hits: [
            {
              ...post,
              _rankingScoreDetails: { words: { maxMatchingWords: max, matchingWords: max - lacking } },
            },
          ],
          processingTimeMs: 0,
          totalHits: result.total,
        };
      }),
    );
    return { results };
  }
}

describe('the Meilisearch partial-match fallback', () => {
  let posts: Post[];
  let embedded: EmbeddedEngine;
  beforeAll(async () => {
    posts = await realPosts();
    embedded = new EmbeddedEngine(tempDir('ne-relaxed-meili-'));
    await embedded.replaceAll(posts);
  }, 120_000);

  it('sends the frequency strategy, mandatory words as phrases, and one probe per droppable word', () => {
    const { queries } = buildRelaxedSearch(
      planSearch({ q: 'packettunnelprovider memory never released' }),
      'posts',
    );
    expect(queries.map((q) => ({ q: q.q, strategy: q.matchingStrategy, limit: q.limit }))).toEqual([
      { q: '"packettunnelprovider" memory never released', strategy: 'frequency', limit: undefined },
      { q: 'memory ', strategy: 'all', limit: 0 },
      { q: 'never ', strategy: 'all', limit: 0 },
      { q: 'released', strategy: 'all', limit: 0 },
    ]);
    expect(queries[0]!.showRankingScoreDetails).toEqual(true);
  });

  it.each(NATURAL_TABLE)('drops the same words as the embedded engine for "$q"', async ({ q }) => {
    const fake = new EmbeddedBackedMeili(embedded, posts, q);
    const meili = new MeilisearchEngine({ host: 'http://fake', indexName: 'posts', client: fake });
    const local = await embedded.search({ q });
    const remote = await meili.search({ q });
    expect({ q, relaxed: remote.relaxedWords, dropped: remote.droppedWords }).toEqual({
      q,
      relaxed: local.relaxedWords,
      dropped: local.droppedWords,
    });
  });
});
