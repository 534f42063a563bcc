import { FACETS, type FacetCounts } from '@/lib/search/types';

/** How many facet values the JSON API returns per facet unless `facetLimit` says otherwise (as Meilisearch). */
export const DEFAULT_FACET_LIMIT = 100;

/** Value order for equal counts, so a cut is the same on every request. */
function byValue(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One facet's `limit` most frequent values (ties by value), most frequent first. It finds the count of the
 * `limit`-th value with a numeric sort and then orders only the values it keeps: a facet of 554 values costs a
 * fraction of sorting all its entries, which took 0.6 ms of every uncached `/api/search` at 100k posts.
 */
export function topFacetValues(counts: Record<string, number>, limit: number): Record<string, number> {
  const keys = Object.keys(counts);
  if (keys.length <= limit) return counts;
  const values = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) values[i] = counts[keys[i]!]!;
  const threshold = values.slice().sort()[keys.length - limit]!;
  const above: string[] = [];
  const tied: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    if (values[i]! > threshold) above.push(keys[i]!);
    else if (values[i] === threshold) tied.push(keys[i]!);
  }
  const kept = above.concat(tied.sort(byValue).slice(0, limit - above.length));
  kept.sort((a, b) => counts[b]! - counts[a]! || byValue(a, b));
  // fromEntries, not assignment: a value named `__proto__` stays an ordinary key.
  return Object.fromEntries(kept.map((key) => [key, counts[key]!]));
}

/** Every facet cut to its `limit` most frequent values. */
export function limitFacets(facets: FacetCounts, limit: number): FacetCounts {
  return {
    topic: topFacetValues(facets.topic, limit),
    api: topFacetValues(facets.api, limit),
    os: topFacetValues(facets.os, limit),
    code: topFacetValues(facets.code, limit),
    forum: topFacetValues(facets.forum, limit),
  };
}

/** How many distinct values each facet has (before any cut): tells a client that asked for fewer what it missed. */
export function facetTotals(facets: FacetCounts): Record<keyof FacetCounts, number> {
  return Object.fromEntries(FACETS.map((f) => [f, Object.keys(facets[f]).length])) as Record<
    keyof FacetCounts,
    number
  >;
}
