import { Index } from 'flexsearch';
import type { Post } from '../../../lib/posts/schema';
import type { BenchQuery } from '../workloads';
import { countFacets, hasFilters, passesFilters, toPeerDoc } from './bench-engine';
import type { BenchEngine, BenchResult, PeerDoc } from './bench-engine';

/**
 * FlexSearch 0.8 with whole-word tokens (`strict`): the title leads the indexed text (FlexSearch scores earlier
 * words higher). Every match is fetched (`limit` = corpus size) and filtered by hand: its tag filter combined
 * with a query only looks at the first 100 text hits per field (issue #524). No typo tolerance.
 */
export class FlexSearchPeer implements BenchEngine {
  readonly name = 'flexsearch';
  private docs: PeerDoc[] = [];
  private index: Index | undefined;

  async build(posts: readonly Post[]): Promise<void> {
    this.docs = posts.map(toPeerDoc);
    const index = new Index({ tokenize: 'strict' });
    this.docs.forEach((d, i) => index.add(i, `${d.title} ${d.content}`));
    this.index = index;
  }

  async search(query: BenchQuery): Promise<BenchResult> {
    if (!this.index) throw new Error('FlexSearchPeer.search before build');
    const ids = this.index.search(query.q, { limit: Math.max(1, this.docs.length) }) as number[];
    let matches = ids.map((id) => this.docs[id]!);
    if (hasFilters(query.filters)) matches = matches.filter((d) => passesFilters(d, query.filters));
    if (query.facets) countFacets(matches);
    return { total: matches.length, ids: matches.slice(0, query.limit).map((d) => d.id) };
  }

  dispose(): void {
    this.index = undefined;
    this.docs = [];
  }
}
