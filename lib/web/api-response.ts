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

const hitsJson = new WeakMap<readonly SearchHit[], string>();
const facetsJson = new WeakMap<SearchResult['facets'], string>();

function memoJson<K extends object>(memo: WeakMap<K, string>, key: K, json: () => string): string {
  let text = memo.get(key);
  if (text === undefined) {
    text = json();
    memo.set(key, text);
  }
  return text;
}

/**
 * `JSON.stringify(toApiSearchResponse(result))`, with the hits and facets serialised once per object: a result
 * the engine answers from its cache shares them, so a repeated search costs a few string concatenations
 * instead of serialising ~30 kB again (the most expensive step of a cached `/api/search` under load).
 */
export function apiSearchResponseJson(result: SearchResult): string {
  const hits = memoJson(hitsJson, result.hits, () => JSON.stringify(result.hits.map(toApiHit)));
  const facets = memoJson(facetsJson, result.facets, () => JSON.stringify(result.facets));
  const head = JSON.stringify({ total: result.total, page: result.page, tookMs: result.tookMs });
  return `${head.slice(0, -1)},"hits":${hits},"facets":${facets}}`;
}

/** A post as `GET /api/posts/[slug]` returns it (the index-only fields left out). */
export function toApiPost(post: Post): Omit<Post, 'errorCodeVariants'> {
  const { errorCodeVariants: _variants, ...rest } = post;
  void _variants;
  return rest;
}
