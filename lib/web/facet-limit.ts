import { FACETS, type FacetCounts } from '@/lib/search/types';

/** How many facet values the JSON API returns per facet unless `facetLimit` says otherwise (as Meilisearch). */
export const DEFAULT_FACET_LIMIT = 100;

/** The most frequent values first; equal counts in value order, so a cut is the same on every request. */
function byCountThenValue(a: [string, number], b: [string, number]): number {
  return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

/** One facet's `limit` most frequent values (ties by value), most frequent first. */
export function topFacetValues(counts: Record<string, number>, limit: number): Record<string, number> {
  const entries = Object.entries(counts);
  if (entries.length <= limit) return counts;
  return Object.fromEntries(entries.sort(byCountThenValue).slice(0, limit));
}

/** Every facet cut to its `limit` most frequent values. */
export function limitFacets(facets: FacetCounts, limit: number): FacetCounts {
  return {
    topic: topFacetValues(facets.topic, limit),
    api: topFacetValues(facets.api, limit),
    os: topFacetValues(facets.os, limit),
    code: topFacetValues(facets.code, limit),
  };
}

/** How many distinct values each facet has (before any cut): tells a client that asked for fewer what it missed. */
export function facetTotals(facets: FacetCounts): Record<keyof FacetCounts, number> {
  return Object.fromEntries(FACETS.map((f) => [f, Object.keys(facets[f]).length])) as Record<
    keyof FacetCounts,
    number
  >;
}
