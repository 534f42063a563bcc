import type { Post } from '@/lib/posts/schema';
import type { SearchHit, SearchResult } from '@/lib/search/types';

/** One hit as the JSON API returns it: the post's public fields flattened beside the snippet. */
export type ApiHit = {
  id: string;
  slug: string;
  title: string;
  snippet: string;
  replies: number;
  boosts: number;
  views: number;
  activity: string | null;
  topics: string[];
  apiClasses: string[];
  osVersions: string[];
  errorCodes: string[];
};

/** The body of `GET /api/search`. */
export type ApiSearchResponse = {
  total: number;
  page: number;
  tookMs: number;
  hits: ApiHit[];
  facets: SearchResult['facets'];
};

/** Flatten a hit for the JSON API. */
export function toApiHit(hit: SearchHit): ApiHit {
  const p = hit.post;
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    snippet: hit.snippet,
    replies: p.replies,
    boosts: p.boosts,
    views: p.views,
    activity: p.activity,
    topics: p.topics,
    apiClasses: p.apiClasses,
    osVersions: p.osVersions,
    errorCodes: p.errorCodes,
  };
}

/** The JSON API's view of a search result. */
export function toApiSearchResponse(result: SearchResult): ApiSearchResponse {
  return {
    total: result.total,
    page: result.page,
    tookMs: result.tookMs,
    hits: result.hits.map(toApiHit),
    facets: result.facets,
  };
}

/** A post as `GET /api/posts/[slug]` returns it (the index-only fields left out). */
export function toApiPost(post: Post): Omit<Post, 'errorCodeVariants'> {
  const { errorCodeVariants: _variants, ...rest } = post;
  void _variants;
  return rest;
}
