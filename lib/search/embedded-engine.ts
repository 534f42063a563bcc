import MiniSearch from 'minisearch';
import type { Post } from '../posts/schema';
import { facetValuesOf, filterAndCount } from './embedded-filters';
import { buildTextIndex, FIELD_BOOSTS, MINISEARCH_OPTIONS, textQuery } from './embedded-index';
import { indexMtime, loadIndex, saveIndex } from './embedded-store';
import { toSearchHit } from './hit';
import { planSearch, type SearchPlan } from './plan';
import { queryTokens } from './tokenize';
import type { FacetName, SearchEngine, SearchRequest, SearchResult } from './types';

type Match = { post: Post; score: number; terms: string[] };
type State = {
  posts: Post[];
  byId: Map<string, Post>;
  bySlug: Map<string, Post>;
  text: MiniSearch;
  mtime: number;
};

const SORT_KEYS: Record<Exclude<SearchPlan['sort'], 'relevance'>, (p: Post) => number> = {
  activity: (p) => (p.activity ? Number(p.activity.replace('-', '')) : 0),
  views: (p) => p.views,
  replies: (p) => p.replies,
  boosts: (p) => p.boosts,
};

function stateOf(posts: Post[], text: MiniSearch, mtime: number): State {
  return {
    posts,
    byId: new Map(posts.map((p) => [p.id, p])),
    bySlug: new Map(posts.map((p) => [p.slug, p])),
    text,
    mtime,
  };
}

/** Whether a post's text holds the phrase's words in order. */
function hasPhrase(post: Post, phrase: string[]): boolean {
  const words = ` ${queryTokens(`${post.title} ${post.body}`).join(' ')} `;
  return words.includes(` ${phrase.join(' ')} `);
}

/**
 * The in-process engine, the default when no Meilisearch is configured: MiniSearch for full text
 * (typos, prefixes, field boosts), our own code for filters, disjunctive facet counts and sorting.
 * Its index is a JSON file in a data folder, replaced atomically, reloaded when it changes on disk.
 */
export class EmbeddedEngine implements SearchEngine {
  readonly kind = 'embedded' as const;
  private state: State | undefined;
  private checkedAt = 0;

  constructor(private readonly dataDir: string) {}

  /** Build an index from posts and save it to the data folder (write, then rename). */
  async replaceAll(posts: readonly Post[]): Promise<void> {
    const list = [...posts];
    const text = buildTextIndex(list);
    await saveIndex(this.dataDir, {
      format: 1,
      createdAt: new Date().toISOString(),
      posts: list,
      text: JSON.stringify(text),
    });
    this.state = stateOf(list, text, await indexMtime(this.dataDir));
  }

  /** The loaded index, reloaded at most once a second when the file on disk has changed. */
  private async load(): Promise<State> {
    const now = Date.now();
    if (this.state && now - this.checkedAt < 1000) return this.state;
    this.checkedAt = now;
    const mtime = await indexMtime(this.dataDir);
    if (this.state && mtime === this.state.mtime) return this.state;
    const saved = await loadIndex(this.dataDir);
    this.state = stateOf(saved.posts, MiniSearch.loadJSON(saved.text, MINISEARCH_OPTIONS), mtime);
    return this.state;
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const state = await this.load();
    const started = performance.now();
    const plan = planSearch(request);
    const matches = this.match(state, plan);
    const { kept, facets } = filterAndCount(matches, plan);
    this.sort(kept, plan);
    const from = (plan.page - 1) * plan.perPage;
    const hits = kept.slice(from, from + plan.perPage).map((m) => toSearchHit(m.post, m.terms));
    return {
      total: kept.length,
      page: plan.page,
      perPage: plan.perPage,
      tookMs: Math.round((performance.now() - started) * 100) / 100,
      hits,
      facets,
    };
  }

  private match(state: State, plan: SearchPlan): Match[] {
    const query = textQuery(plan.parsed);
    if (!query) return state.posts.map((post) => ({ post, score: 0, terms: [] }));
    const results = state.text.search(query, { boost: FIELD_BOOSTS });
    const matches: Match[] = [];
    for (const r of results) {
      const post = state.byId.get(String(r.id));
      if (!post) continue;
      if (!plan.parsed.phrases.every((phrase) => hasPhrase(post, phrase))) continue;
      matches.push({ post, score: r.score, terms: r.terms });
    }
    return matches;
  }

  private sort(matches: Match[], plan: SearchPlan): void {
    if (plan.sort === 'relevance') {
      matches.sort(
        (a, b) => b.score - a.score || b.post.views - a.post.views || a.post.id.localeCompare(b.post.id),
      );
      return;
    }
    const key = SORT_KEYS[plan.sort];
    matches.sort(
      (a, b) => key(b.post) - key(a.post) || b.score - a.score || a.post.id.localeCompare(b.post.id),
    );
  }

  async getPost(idOrSlug: string): Promise<Post | null> {
    const state = await this.load();
    return state.bySlug.get(idOrSlug) ?? state.byId.get(idOrSlug) ?? null;
  }

  async facetValues(facet: FacetName): Promise<Record<string, number>> {
    const state = await this.load();
    const counts: Record<string, number> = {};
    for (const post of state.posts) {
      for (const value of new Set(facetValuesOf(post, facet))) counts[value] = (counts[value] ?? 0) + 1;
    }
    return counts;
  }

  async count(): Promise<number> {
    return (await this.load()).posts.length;
  }
}
