import type { Post } from '@/lib/posts/schema';
import { toHitSummary, type HitSummary } from '@/lib/search/hit';
import type { FacetCounts, SearchHit, SearchResult } from '@/lib/search/types';
import { DEFAULT_FACET_LIMIT, facetTotals, limitFacets } from './facet-limit';

/** One hit as the JSON API returns it: the post's public fields flattened beside the snippet. */
export type ApiHit = HitSummary;

/** The body of `GET /api/search`. */
export type ApiSearchResponse = {
  total: number;
  page: number;
  tookMs: number;
  hits: ApiHit[];
  /** Per facet, its `facetLimit` most frequent values with their counts. */
  facets: FacetCounts;
  /** Per facet, how many distinct values it has in this result (more than `facets` lists when cut). */
  facetTotals: Record<keyof FacetCounts, number>;
  /** Query terms and phrases the hits do without (past the word limit, then `relaxedWords`); only when some. */
  droppedWords?: string[];
  /** The words dropped because no thread has every word (never with `strict=1`); only when some. */
  relaxedWords?: string[];
  /**
   * Did you mean: the query with its misspelt words corrected, when the search found no, very few or only
   * partial matches and the corrected query finds more threads with every word; absent otherwise.
   */
  suggestion?: string;
};

/** Flatten a hit for the JSON API (the same shape as the CLI's `--json`). */
export const toApiHit: (hit: SearchHit) => ApiHit = toHitSummary;

/** The JSON API's view of a search result, with at most `facetLimit` values per facet. */
export function toApiSearchResponse(
  result: SearchResult,
  facetLimit = DEFAULT_FACET_LIMIT,
  suggestion?: string,
): ApiSearchResponse {
  return {
    total: result.total,
    page: result.page,
    tookMs: result.tookMs,
    hits: result.hits.map(toApiHit),
    facets: limitFacets(result.facets, facetLimit),
    facetTotals: facetTotals(result.facets),
    ...(result.droppedWords ? { droppedWords: result.droppedWords } : {}),
    ...(result.relaxedWords ? { relaxedWords: result.relaxedWords } : {}),
    ...(suggestion ? { suggestion } : {}),
  };
}

const hitsBytes = new WeakMap<readonly SearchHit[], Buffer>();
/** Per facets object, per facet limit: the bytes of `"facets":…,"facetTotals":…`'s two values. */
const facetsBytes = new WeakMap<FacetCounts, Map<number, Buffer>>();

function memoBytes<K extends object>(memo: WeakMap<K, Buffer>, key: K, json: () => string): Buffer {
  let bytes = memo.get(key);
  if (bytes === undefined) {
    bytes = Buffer.from(json());
    memo.set(key, bytes);
  }
  return bytes;
}

function memoFacetBytes(facets: FacetCounts, limit: number): Buffer {
  let byLimit = facetsBytes.get(facets);
  if (byLimit === undefined) facetsBytes.set(facets, (byLimit = new Map()));
  let bytes = byLimit.get(limit);
  if (bytes === undefined) {
    const json = `${JSON.stringify(limitFacets(facets, limit))},"facetTotals":${JSON.stringify(facetTotals(facets))}`;
    bytes = Buffer.from(json);
    byLimit.set(limit, bytes);
  }
  return bytes;
}

const HITS = Buffer.from(',"hits":');
const FACETS = Buffer.from(',"facets":');
const END = Buffer.from('}');
const DROPPED = Buffer.from(',"droppedWords":');
const RELAXED = Buffer.from(',"relaxedWords":');
const SUGGESTION = Buffer.from(',"suggestion":');

/**
 * The UTF-8 bytes of `JSON.stringify(toApiSearchResponse(result, facetLimit, suggestion))`, with the hits and facets
 * serialised and encoded once per object (and facet limit): a result the engine answers from its cache shares them, so a repeated search costs
 * one copy of ~30 kB instead of serialising, checking and encoding it again (the most expensive steps of a
 * cached `/api/search` under load).
 */
export function apiSearchResponseBody(
  result: SearchResult,
  facetLimit = DEFAULT_FACET_LIMIT,
  suggestion?: string,
): Buffer {
  const hits = memoBytes(hitsBytes, result.hits, () => JSON.stringify(result.hits.map(toApiHit)));
  const facets = memoFacetBytes(result.facets, facetLimit);
  const head = JSON.stringify({ total: result.total, page: result.page, tookMs: result.tookMs });
  const dropped = result.droppedWords ? [DROPPED, Buffer.from(JSON.stringify(result.droppedWords))] : [];
  const relaxed = result.relaxedWords ? [RELAXED, Buffer.from(JSON.stringify(result.relaxedWords))] : [];
  const suggested = suggestion ? [SUGGESTION, Buffer.from(JSON.stringify(suggestion))] : [];
  return Buffer.concat([
    Buffer.from(head.slice(0, -1)),
    HITS,
    hits,
    FACETS,
    facets,
    ...dropped,
    ...relaxed,
    ...suggested,
    END,
  ]);
}

/** A post as `GET /api/posts/[slug]` returns it (the index-only fields left out). */
export function toApiPost(post: Post): Omit<Post, 'errorCodeVariants'> {
  const { errorCodeVariants: _variants, ...rest } = post;
  void _variants;
  return rest;
}
