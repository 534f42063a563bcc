import MiniSearch from 'minisearch';
import type { Post } from '../../../lib/posts/schema';
import type { BenchQuery } from '../workloads';
import { countFacets, hasFilters, passesFilters, toPeerDoc } from './bench-engine';
import type { BenchEngine, BenchResult, PeerDoc } from './bench-engine';

type MiniDoc = { id: number; title: string; content: string };

/**
 * MiniSearch 7 as a user would set it up: default tokenizer, every word required, title boosted, one typo from
 * four letters, prefix on the last word; filters via its `filter` callback and facet counts by code over the
 * full result list (it has no facets).
 */
export class MiniSearchPeer implements BenchEngine {
  readonly name = 'minisearch';
  private docs: PeerDoc[] = [];
  private index: MiniSearch<MiniDoc> | undefined;

  async build(posts: readonly Post[]): Promise<void> {
    this.docs = posts.map(toPeerDoc);
    const index = new MiniSearch<MiniDoc>({ fields: ['title', 'content'], storeFields: [] });
    index.addAll(this.docs.map((d, i) => ({ id: i, title: d.title, content: d.content })));
    this.index = index;
  }

  async search(query: BenchQuery): Promise<BenchResult> {
    if (!this.index) throw new Error('MiniSearchPeer.search before build');
    const filtered = hasFilters(query.filters);
    const results = this.index.search(query.q, {
      combineWith: 'AND',
      boost: { title: 2 },
      fuzzy: (term) => (term.length >= 4 ? 1 : 0),
      prefix: (_term, i, terms) => i === terms.length - 1,
      ...(filtered ? { filter: (r) => passesFilters(this.docs[r.id as number]!, query.filters) } : {}),
    });
    if (query.facets) countFacets(results.map((r) => this.docs[r.id as number]!));
    const ids = results.slice(0, query.limit).map((r) => this.docs[r.id as number]!.id);
    return { total: results.length, ids };
  }

  dispose(): void {
    this.index = undefined;
    this.docs = [];
  }
}
