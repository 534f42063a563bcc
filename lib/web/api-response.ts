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

const hitsBytes = new WeakMap<readonly SearchHit[], Buffer>();
const facetsBytes = new WeakMap<SearchResult['facets'], Buffer>();

function memoBytes<K extends object>(memo: WeakMap<K, Buffer>, key: K, json: () => string): Buffer {
  let bytes = memo.get(key);
  if (bytes === undefined) {
    bytes = Buffer.from(json());
    memo.set(key, bytes);
  }
  return bytes;
}

const HITS = Buffer.from(',"hits":');
const FACETS = Buffer.from(',"facets":');
const END = Buffer.from('}');

/**
 * The UTF-8 bytes of `JSON.stringify(toApiSearchResponse(result))`, with the hits and facets serialised and
 * encoded once per object: a result the engine answers from its cache shares them, so a repeated search costs
 * one copy of ~30 kB instead of serialising, checking and encoding it again (the most expensive steps of a
 * cached `/api/search` under load).
 */
export function apiSearchResponseBody(result: SearchResult): Buffer {
  const hits = memoBytes(hitsBytes, result.hits, () => JSON.stringify(result.hits.map(toApiHit)));
  const facets = memoBytes(facetsBytes, result.facets, () => JSON.stringify(result.facets));
  const head = JSON.stringify({ total: result.total, page: result.page, tookMs: result.tookMs });
  return Buffer.concat([Buffer.from(head.slice(0, -1)), HITS, hits, FACETS, facets, END]);
}

/** A post as `GET /api/posts/[slug]` returns it (the index-only fields left out). */
export function toApiPost(post: Post): Omit<Post, 'errorCodeVariants'> {
  const { errorCodeVariants: _variants, ...rest } = post;
  void _variants;
  return rest;
}
