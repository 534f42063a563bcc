import type { Post } from '../posts/schema';
import type { FacetName } from './types';
import { indexTokens } from './tokenize';
import { apiAliases } from './api-aliases';
import { forumKey } from './forums';

/**
 * The flat record Meilisearch indexes, derived from a Post. Its searchable fields (`SEARCHABLE_FIELDS`) are what
 * the embedded engine indexes too, through {@link searchableTexts}; the rest are its filters and sorts (the
 * embedded engine keeps those as columns of its own). Code and API fields hold every written form (`9836`,
 * `errsslpeerprotocolversion`; `nepackettunnelprovider`, `packettunnelprovider`), so an exact code or API match
 * can rank above a passing mention in the body.
 */
export type IndexDocument = {
  id: string;
  slug: string;
  title: string;
  body: string;
  /** Space-separated lowercase forms of every error code, symbol and feedback id. */
  codeTerms: string;
  /** Space-separated lowercase forms of every API class, whole, without prefix, and in parts. */
  apiTerms: string;
  topics: string[];
  apiClasses: string[];
  osVersions: string[];
  errorCodes: string[];
  /** The names of the forums it was seen under: the `forum` facet. */
  forumNames: string[];
  /** Each forum with its kind, `tag:Network Extension` (`forumKey`): what `forums()` reads the kinds from. */
  forumKinds: string[];
  /** Numeric versions per platform for range filters: `os_iOS: [18003002]`. */
  os_iOS: number[];
  os_iPadOS: number[];
  os_macOS: number[];
  os_watchOS: number[];
  os_tvOS: number[];
  os_visionOS: number[];
  /** `YYYYMM` as a number (0 when unknown) of the activity, else of the creation month, for sorting and ranges. */
  activityKey: number;
  views: number;
  replies: number;
  boosts: number;
};

/** `2025-05` → 202505; null → 0. */
export function activityKey(month: string | null): number {
  return month ? Number(month.replace('-', '')) : 0;
}

/** The key a post sorts and filters by under "activity": its last activity's month, else its creation month. */
export function activityKeyOf(post: Pick<Post, 'activity' | 'created'>): number {
  return activityKey(post.activity ?? post.created);
}

/** The fields of a Post the facets read. */
export type FacetFields = Pick<Post, 'topics' | 'apiClasses' | 'osVersions' | 'errorCodes' | 'forums'>;

/** The values a post holds for a facet (the forum facet: its forums' names, repeated when seen as two kinds). */
export function facetValuesOf(post: FacetFields, facet: FacetName): readonly string[] {
  switch (facet) {
    case 'topic':
      return post.topics;
    case 'api':
      return post.apiClasses;
    case 'os':
      return post.osVersions;
    case 'code':
      return post.errorCodes;
    case 'forum':
      return post.forums.map((f) => f.name);
  }
}

/** The index tokens of every alias of an API class (`NEPacketTunnelProvider` → its whole form, unprefixed, parts). */
export function apiClassTokens(api: string): string[] {
  return apiAliases(api).flatMap((alias) => indexTokens(alias));
}

/**
 * A post's searchable texts in `SEARCHABLE_FIELDS` order: `codeTerms` (every lowercase form of its codes and
 * feedback ids), `apiTerms` (the tokens of its API classes' aliases), title, body. `tokensOf` gives the tokens of
 * one API class: {@link apiClassTokens}, or a memo of it when many posts are indexed.
 */
export function searchableTexts(
  post: Post,
  tokensOf: (api: string) => readonly string[] = apiClassTokens,
): [codeTerms: string, apiTerms: string, title: string, body: string] {
  const codeTerms = new Set<string>(post.errorCodeVariants);
  for (const f of post.feedbackIds) codeTerms.add(f.toLowerCase());
  const apiTerms = new Set<string>();
  for (const api of post.apiClasses) for (const t of tokensOf(api)) apiTerms.add(t);
  return [[...codeTerms].join(' '), [...apiTerms].join(' '), post.title, post.body];
}

/** Build the index record of a post. */
export function toIndexDocument(post: Post): IndexDocument {
  const osNumbers = (platform: string) => post.os.filter((o) => o.platform === platform).map((o) => o.number);
  const [codeTerms, apiTerms] = searchableTexts(post);
  return {
    id: post.id,
    slug: post.slug,
    title: post.title,
    body: post.body,
    codeTerms,
    apiTerms,
    topics: post.topics,
    apiClasses: post.apiClasses,
    osVersions: post.osVersions,
    errorCodes: post.errorCodes,
    forumNames: [...new Set(facetValuesOf(post, 'forum'))],
    forumKinds: post.forums.map((f) => forumKey(f.kind, f.name)),
    os_iOS: osNumbers('iOS'),
    os_iPadOS: osNumbers('iPadOS'),
    os_macOS: osNumbers('macOS'),
    os_watchOS: osNumbers('watchOS'),
    os_tvOS: osNumbers('tvOS'),
    os_visionOS: osNumbers('visionOS'),
    activityKey: activityKeyOf(post),
    views: post.views,
    replies: post.replies,
    boosts: post.boosts,
  };
}
