import { getSearchEngine } from '@/lib/search/create-engine';
import type { FacetName, SearchResult } from '@/lib/search/types';

/** The most viewed threads holding one facet value (first 50). */
export async function threadsWith(facet: FacetName, value: string): Promise<SearchResult> {
  const engine = await getSearchEngine();
  return engine.search({ q: '', filters: { [facet]: [value] }, sort: 'views', perPage: 50 });
}

/** The indexed spelling of a facet value written in any case (`nepackettunnelprovider` → `NEPacketTunnelProvider`), or null. */
export async function canonicalFacetValue(facet: FacetName, value: string): Promise<string | null> {
  const wanted = value.toLowerCase();
  return Object.keys(await facetCounts(facet)).find((v) => v.toLowerCase() === wanted) ?? null;
}

/** Every value of a facet with its thread count. */
export async function facetCounts(facet: FacetName): Promise<Record<string, number>> {
  const engine = await getSearchEngine();
  return engine.facetValues(facet);
}
