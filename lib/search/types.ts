import { z } from 'zod';
import type { LedgerEntry } from '../posts/ledger';
import { Platform, type ForumKind, type Post } from '../posts/schema';

/** The engines behind the port: our embedded index (the default) and Meilisearch. */
export const ENGINE_KINDS = ['embedded', 'meilisearch'] as const;
export const EngineKind = z.enum(ENGINE_KINDS, { message: 'expected embedded or meilisearch' });
export type EngineKind = z.infer<typeof EngineKind>;

/**
 * The five facets, as named in URLs and JSON. `forum` holds forum names (`Network Extension`): the listings a
 * post was seen under; the kind of each (tag, subtopic, topic, event) comes with {@link SearchEngine.forums}.
 */
export const FACETS = ['topic', 'api', 'os', 'code', 'forum'] as const;
export const FacetName = z.enum(FACETS);
export type FacetName = z.infer<typeof FacetName>;

/** Sort orders; `relevance` is the default. */
export const SORTS = ['relevance', 'activity', 'views', 'replies', 'boosts'] as const;
export const SortOrder = z.enum(SORTS);
export type SortOrder = z.infer<typeof SortOrder>;

/** A numeric OS range: `{ platform: 'iOS', min: 17000000 }` is iOS ≥ 17. */
export const OsRange = z.object({
  platform: Platform,
  min: z.number().int().nonnegative().optional(),
  max: z.number().int().nonnegative().optional(),
});
export type OsRange = z.infer<typeof OsRange>;

/** Filters: values within one facet combine with OR, facets with AND. */
export const SearchFilters = z.object({
  topic: z.array(z.string()).default([]),
  api: z.array(z.string()).default([]),
  os: z.array(z.string()).default([]),
  code: z.array(z.string()).default([]),
  /** Forum names, matched case-insensitively. */
  forum: z.array(z.string()).default([]),
  osRange: OsRange.optional(),
  activityFrom: z.string().optional(),
  activityTo: z.string().optional(),
});
export type SearchFilters = z.infer<typeof SearchFilters>;

/** What a caller asks an engine for. `page` is 1-based. */
export const SearchRequest = z.object({
  q: z.string().default(''),
  filters: SearchFilters.default({ topic: [], api: [], os: [], code: [], forum: [] }),
  sort: SortOrder.default('relevance'),
  page: z.number().int().positive().default(1),
  perPage: z.number().int().positive().max(100).default(20),
  /** Every word must match (`strict=1`); otherwise, when no post has every word, the best partial matches. */
  strict: z.boolean().default(false),
});
export type SearchRequest = z.input<typeof SearchRequest>;
export type NormalizedSearchRequest = z.output<typeof SearchRequest>;

/** One hit: the post, the query terms that matched it, and an HTML-safe snippet with `<mark>` around matches. */
export type SearchHit = {
  post: Post;
  /** Escaped HTML: the body's best passage with matches wrapped in `<mark>`. */
  snippet: string;
  /** Escaped HTML: the title with matches wrapped in `<mark>`. */
  titleHtml: string;
  /** Lowercased index terms that matched (as the engine reports them; the highlight keeps only what matched). */
  matchedTerms: string[];
  /** What the thread page marks, as its link's `?hl=` value (`highlightParam`): the same marks as the snippet. */
  highlight: string;
};

/** value → count, for each facet, computed so each facet ignores its own selection. */
export type FacetCounts = Record<FacetName, Record<string, number>>;

export type SearchResult = {
  total: number;
  page: number;
  perPage: number;
  tookMs: number;
  hits: SearchHit[];
  facets: FacetCounts;
  /**
   * Every query term and phrase the hits do without, in query order; absent when none: the words past the word
   * limit (Meilisearch reads 10), then, when no post has every word, the words the best hits lack (`relaxedWords`).
   */
  droppedWords?: string[];
  /**
   * The part of `droppedWords` dropped because no post has every word (never with `strict`): the best hits
   * match all the other words. Absent when every hit has every word read.
   */
  relaxedWords?: string[];
};

/**
 * The words of an index, for did-you-mean (built at ingest, `vocabulary.ts`): keyed by index term, how to write
 * it and how many posts hold it.
 */
export type Vocabulary = ReadonlyMap<string, VocabularyWord>;
export type VocabularyWord = { form: string; count: number };

/** A forum of the index: its name, the kinds of listing it was seen as (most often one), and its thread count. */
export type ForumCount = { name: string; kinds: ForumKind[]; count: number };

/** What else an upsert does. */
export type UpsertOptions = {
  /**
   * Called once, before the index changes, with every post of the index to be, in the order `readPosts()` will
   * then list them (`upsertById`): what `ingest --add --export` writes. If it throws, the index is left as it was.
   * The embedded engine holds those posts anyway; Meilisearch reads the index's posts for it.
   */
  beforeWrite?: (posts: readonly Post[]) => Promise<void>;
};

/** The port every engine implements. Pages, components and scripts only ever see this. */
export interface SearchEngine {
  /** `embedded` or `meilisearch`. */
  readonly kind: EngineKind;
  /**
   * Replace the whole index with these posts and its ledger with these entries (none by default), atomically:
   * readers see the old index or the new one.
   */
  replaceAll(posts: readonly Post[], ledger?: readonly LedgerEntry[]): Promise<void>;
  /**
   * Add posts to the index, each replacing the post of the same id, and append entries to its ledger; readers
   * see the old index or the new one. Onto no index, the same as `replaceAll`.
   */
  upsertPosts(posts: readonly Post[], ledger: readonly LedgerEntry[], options?: UpsertOptions): Promise<void>;
  /** The posts of the index with these ids (those it holds, in that order), or every post; none without an index. */
  readPosts(ids?: readonly string[]): Promise<Post[]>;
  /** What the index was built from, in ingest order; empty without an index. */
  ledger(): Promise<LedgerEntry[]>;
  /** Run a search. */
  search(request: SearchRequest): Promise<SearchResult>;
  /** One post by id or slug, or null. */
  getPost(idOrSlug: string): Promise<Post | null>;
  /** Every value of a facet with its count over the whole index. */
  facetValues(facet: FacetName): Promise<Record<string, number>>;
  /** Every forum of the index with its kinds and thread count, most threads first, then by name. */
  forums(): Promise<ForumCount[]>;
  /**
   * Every post's slug, each once, in the index's own order: what the sitemap lists. (Paging through a search
   * 100 at a time is quadratic: each page sorts the whole index again.)
   */
  slugs(): Promise<string[]>;
  /** How many posts the index holds. */
  count(): Promise<number>;
  /** Every word of the index with the number of posts holding it, as built at ingest (for did-you-mean). */
  vocabulary(): Promise<Vocabulary>;
  /** Cheaply check the engine can answer (server up, index present); throws EngineUnavailableError if not. */
  ping(): Promise<void>;
}
