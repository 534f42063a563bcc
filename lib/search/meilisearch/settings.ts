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
} as const satisfies Record<FacetName, FilterableAttribute>;
export type FacetAttribute = (typeof FACET_ATTRIBUTES)[FacetName];

/** The fields of a stored Post: a hit is read back into a Post from these. */
export const POST_FIELDS: readonly (keyof Post)[] = Post.keyof().options;

/**
 * Returned attributes: the Post plus the two code/API search fields, whose match positions feed highlighting
 * (Meilisearch reports `_matchesPosition` for displayed attributes only).
 */
export const DISPLAYED_ATTRIBUTES = [...POST_FIELDS, 'codeTerms', 'apiTerms'];

/** The whole settings object, applied to a fresh index before any document is added. */
export const MEILI_SETTINGS = {
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
  faceting: { maxValuesPerFacet: 1000 },
  pagination: { maxTotalHits: 10_000 },
} satisfies Settings;

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
