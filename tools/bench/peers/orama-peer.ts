import { create, insertMultiple, search, type Orama } from '@orama/orama';
import type { Post } from '../../../lib/posts/schema';
import type { BenchQuery } from '../workloads';
import { toPeerDoc, type BenchEngine, type BenchResult } from './bench-engine';

const SCHEMA = {
  title: 'string',
  content: 'string',
  topics: 'enum[]',
  apiClasses: 'enum[]',
  osVersions: 'enum[]',
  errorCodes: 'enum[]',
} as const;

const FACET_LIMIT = 10_000;

/**
 * Orama 3 as its documentation recommends: `enum[]` facet fields, `where` with `containsAny` for filters and
 * native `facets` for counts; all words required (`threshold: 0`), title boosted, typo tolerance 1.
 */
export class OramaPeer implements BenchEngine {
  readonly name = 'orama';
  private db: Orama<typeof SCHEMA> | undefined;

  async build(posts: readonly Post[]): Promise<void> {
    const db = create({ schema: SCHEMA });
    await insertMultiple(db, posts.map(toPeerDoc), 1000);
    this.db = db;
  }

  async search(query: BenchQuery): Promise<BenchResult> {
    if (!this.db) throw new Error('OramaPeer.search before build');
    const f = query.filters;
    const where = {
      ...(f.topic.length > 0 ? { topics: { containsAny: f.topic } } : {}),
      ...(f.api.length > 0 ? { apiClasses: { containsAny: f.api } } : {}),
      ...(f.os.length > 0 ? { osVersions: { containsAny: f.os } } : {}),
      ...(f.code.length > 0 ? { errorCodes: { containsAny: f.code } } : {}),
    };
    const result = await search(this.db, {
      term: query.q,
      properties: ['title', 'content'],
      boost: { title: 2 },
      tolerance: 1,
      threshold: 0,
      limit: query.limit,
      ...(Object.keys(where).length > 0 ? { where } : {}),
      ...(query.facets
        ? {
            facets: {
              topics: { limit: FACET_LIMIT },
              apiClasses: { limit: FACET_LIMIT },
              osVersions: { limit: FACET_LIMIT },
              errorCodes: { limit: FACET_LIMIT },
            },
          }
        : {}),
    });
    return { total: result.count, ids: result.hits.map((hit) => String(hit.document.id)) };
  }

  dispose(): void {
    this.db = undefined;
  }
}
