import type { Post } from '@/lib/posts/schema';
import { toHitSummary, type HitSummary } from '@/lib/search/hit';
import type { SearchHit, SearchResult } from '@/lib/search/types';

/** One hit as the JSON API returns it: the post's public fields flattened beside the snippet. */
export type ApiHit = HitSummary;

/** The body of `GET /api/search`. */
export type ApiSearchResponse = {
  total: number;
  page: number;
  tookMs: number;
  hits: ApiHit[];
  facets: SearchResult['facets'];
};

/** Flatten a hit for the JSON API (the same shape as the CLI's `--json`). */
export const toApiHit: (hit: SearchHit) => ApiHit = toHitSummary;

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
