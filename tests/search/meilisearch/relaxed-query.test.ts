import type { MultiSearchQuery } from 'meilisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import type { MeiliSearchResponse } from '@/lib/search/meilisearch/client';
import { MeilisearchEngine } from '@/lib/search/meilisearch/engine';
import { buildHeldProbes, buildRelaxedSearch, lackedWordsOf } from '@/lib/search/meilisearch/relaxed-query';
import { planSearch } from '@/lib/search/plan';
import type { Post } from '@/lib/posts/schema';
import { FakeMeili } from '../../helpers/fake-meili';
import { dumpAndCapturePosts } from '../../helpers/engines';
import { tempDir } from '../../helpers/fixtures';
import { NATURAL_TABLE } from '../../helpers/natural-queries';

/**
 * A fake server that ranks as the embedded engine does over the same posts: the relaxed search answers with the
 * embedded engine's best hit, a held-word probe (`id = "…"` filter) says whether the embedded engine matches the
 * word in that post.
 */
class EmbeddedBackedMeili extends FakeMeili {
  constructor(
    private readonly embedded: EmbeddedEngine,
    private readonly posts: Post[],
    private readonly q: string,
  ) {
    super();
  }

  override async multiSearch(params: { queries: MultiSearchQuery[] }) {
    const results = await Promise.all(
      params.queries.map(async (query): Promise<MeiliSearchResponse> => {
        const held = typeof query.filter === 'string' ? /^id = "(.*)"$/.exec(query.filter) : null;
        if (held) {
          const found = await this.embedded.search({ q: query.q ?? '', strict: true, perPage: 100 });
          const holds = found.hits.some((h) => h.post.id === held[1]);
          return { hits: [], processingTimeMs: 0, totalHits: holds ? 1 : 0 };
        }
        if (query.matchingStrategy !== 'frequency') return { hits: [], processingTimeMs: 0, totalHits: 0 };
        const result = await this.embedded.search({ q: this.q });
        const best = result.hits[0] && this.posts.find((p) => p.id === result.hits[0]!.post.id)!;
        return { hits: best ? [best] : [], processingTimeMs: 0, totalHits: result.total };
      }),
    );
    return { results };
  }
}

describe('the Meilisearch partial-match fallback', () => {
  let posts: Post[];
  let embedded: EmbeddedEngine;
  beforeAll(async () => {
    posts = await dumpAndCapturePosts();
    embedded = new EmbeddedEngine(tempDir('ne-relaxed-meili-'));
    await embedded.replaceAll(posts);
  }, 120_000);

  it('sends the frequency strategy with mandatory words as phrases', () => {
    const { queries } = buildRelaxedSearch(
      planSearch({ q: 'packettunnelprovider memory never released' }),
      'posts',
    );
    expect(queries.map((q) => ({ q: q.q, strategy: q.matchingStrategy, limit: q.limit }))).toEqual([
      { q: '"packettunnelprovider" memory never released', strategy: 'frequency', limit: undefined },
    ]);
  });

  it('probes the best hit for each droppable word, the last one as a prefix', () => {
    const plan = planSearch({ q: 'packettunnelprovider memory never released' });
    const { queries } = buildHeldProbes(plan, 'posts', 'a"b');
    expect(queries).toEqual(
      ['memory ', 'never ', 'released'].map((q) => ({
        indexUid: 'posts',
        q,
        filter: 'id = "a\\"b"',
        limit: 0,
        matchingStrategy: 'all',
      })),
    );
    const probe = (totalHits: number) => ({ hits: [], processingTimeMs: 0, totalHits });
    expect(lackedWordsOf(plan, [probe(1), probe(0), probe(0)])).toEqual(['never', 'released']);
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
