import { rm } from 'node:fs/promises';
import type { Post } from '../../../lib/posts/schema';
import { EmbeddedEngine } from '../../../lib/search/embedded/engine';
import { collectPostingsInParallel } from '../../../lib/search/embedded/parallel-postings';
import type { BenchQuery } from '../workloads';
import type { BenchEngine, BenchResult } from './bench-engine';

/** Our embedded engine, through the SearchEngine port: `build` is `replaceAll` (build and save to `dataDir`). */
export class OursEngine implements BenchEngine {
  readonly name = 'ours';
  private engine: EmbeddedEngine | undefined;

  constructor(private readonly dataDir: string) {}

  async build(posts: readonly Post[]): Promise<void> {
    await rm(this.dataDir, { recursive: true, force: true });
    // No result cache: every timed search runs the whole query.
    // Built as `npm run ingest` builds (two threads).
    const engine = new EmbeddedEngine(this.dataDir, {
      cacheEntries: 0,
      collectPostings: collectPostingsInParallel,
    });
    await engine.replaceAll(posts);
    this.engine = engine;
  }

  async search(query: BenchQuery): Promise<BenchResult> {
    if (!this.engine) throw new Error('OursEngine.search before build');
    const result = await this.engine.search({ q: query.q, filters: query.filters, perPage: query.limit });
    return { total: result.total, ids: result.hits.map((hit) => hit.post.id) };
  }

  dispose(): void {
    this.engine = undefined;
  }
}
