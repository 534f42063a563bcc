import type { Settings } from 'meilisearch';
import { Post, type Platform } from '../../posts/schema';
import { SEARCHABLE_FIELD_NAMES } from '../fields';
import type { FacetName, SortOrder } from '../types';

/**
 * The Meilisearch index layout: every attribute name the adapter ever sends lives here, so a filter,
 * sort or facet never names an attribute that came from a request.
 */

/** The document primary key. */
export const PRIMARY_KEY = 'id';

/** Numeric per-platform OS attribute of each platform: `iOS` → `os_iOS`. */
export const OS_ATTRIBUTES = {
  iOS: 'os_iOS',
  iPadOS: 'os_iPadOS',
  macOS: 'os_macOS',
  watchOS: 'os_watchOS',
  tvOS: 'os_tvOS',
  visionOS: 'os_visionOS',
} as const satisfies Record<Platform, `os_${Platform}`>;

/** Every attribute a filter may name. */
export const FILTERABLE_ATTRIBUTES = [
  'topics',
  'apiClasses',
  'osVersions',
  'errorCodes',
  'forumNames',
  'forumKinds',
  ...Object.values(OS_ATTRIBUTES),
  'activityKey',
  'slug',
  'id',
] as const;
export type FilterableAttribute = (typeof FILTERABLE_ATTRIBUTES)[number];

/** Attributes a sort may name. */
export const SORTABLE_ATTRIBUTES = ['activityKey', 'views', 'replies', 'boosts'] as const;

/** The Meilisearch attribute holding each facet's values. */
export const FACET_ATTRIBUTES = {
  topic: 'topics',
  api: 'apiClasses',
  os: 'osVersions',
  code: 'errorCodes',
  forum: 'forumNames',
} as const satisfies Record<FacetName, FilterableAttribute>;
export type FacetAttribute = (typeof FACET_ATTRIBUTES)[FacetName];

/** The fields of a stored Post: a hit is read back into a Post from these. */
export const POST_FIELDS: readonly (keyof Post)[] = Post.keyof().options;

/**
 * Returned attributes: the Post plus the two code/API search fields, whose match positions feed highlighting
 * (Meilisearch reports `_matchesPosition` for displayed attributes only).
 */
export const DISPLAYED_ATTRIBUTES = [...POST_FIELDS, 'codeTerms', 'apiTerms'];

/**
 * Fewest hits a total can reach before Meilisearch caps it: `pagination.maxTotalHits` (server default 1,000;
 * the reported total is `min(candidates, maxTotalHits)` and pages past it are empty, v1.15.2
 * `crates/meilisearch/src/search/mod.rs`). {@link meiliSettings} raises it to the number of posts ingested.
 */
export const MIN_MAX_TOTAL_HITS = 10_000;

/** Values per facet Meilisearch returns (`faceting.maxValuesPerFacet`; server default 100). */
export const MAX_VALUES_PER_FACET = 1000;

/**
 * The whole settings object for an index of `postCount` posts, applied to a fresh index before any document:
 * - `pagination.maxTotalHits` at least the post count, so totals and the last pages are right;
 * - facet values most frequent first (`sortFacetValuesBy`; the server's default, in v1.15.2
 *   `crates/milli/src/order_by_map.rs`, is alphabetical), so the values cut at `maxValuesPerFacet` are the rarest;
 * - `facetSearch: false`: we never call facet search, and it costs indexing work on every filterable attribute.
 */
export function meiliSettings(postCount: number) {
  return {
    searchableAttributes: [...SEARCHABLE_FIELD_NAMES],
    filterableAttributes: [...FILTERABLE_ATTRIBUTES],
    sortableAttributes: [...SORTABLE_ATTRIBUTES],
    displayedAttributes: DISPLAYED_ATTRIBUTES,
    // `sort` right after `words`, not Meilisearch's default 5th place (where it only breaks ties of `attribute`):
    // a chosen order (views, activity…) is then the real order of the hits. With matchingStrategy `all` every hit
    // is in the one `words` bucket; without a sort parameter the rule is a no-op, so relevance is unchanged.
    rankingRules: ['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness'],
    // `disableOnNumbers` (Meilisearch 1.15+) stops `2024` matching `2025`; codes and API names never allow typos.
    typoTolerance: { enabled: true, disableOnNumbers: true, disableOnAttributes: ['codeTerms', 'apiTerms'] },
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET, sortFacetValuesBy: { '*': 'count' } },
    facetSearch: false,
    pagination: { maxTotalHits: Math.max(MIN_MAX_TOTAL_HITS, postCount) },
  } satisfies Settings;
}

/** The settings of an index of up to {@link MIN_MAX_TOTAL_HITS} posts. */
export const MEILI_SETTINGS = meiliSettings(0);

/** Meilisearch sort expressions for a sort order; relevance sends none. */
export function meiliSort(sort: SortOrder): string[] {
  switch (sort) {
    case 'relevance':
      return [];
    case 'activity':
      return ['activityKey:desc', 'views:desc'];
    case 'views':
    case 'replies':
    case 'boosts':
      return [`${sort}:desc`];
  }
}
