import { codeSlug } from '@/lib/catalog/error-catalog';
import type { FacetName } from '@/lib/search/types';
import { matchId } from './match-id';
import { EMPTY_STATE } from './search-params';
import { searchHref } from './search-url';

/**
 * The permalink of a thread; with a hit's `highlight` as `?hl=` (what its snippet marks, `highlightParam`), it
 * lands on the first match (`#match-1`), with or without JavaScript.
 */
export function postHref(slug: string, hl = ''): string {
  return hl ? `/posts/${slug}?${new URLSearchParams({ hl }).toString()}#${matchId(1)}` : `/posts/${slug}`;
}

/** The search filtered by one facet value. */
export function facetSearchHref(facet: FacetName, value: string): string {
  return searchHref({ ...EMPTY_STATE, [facet]: [value] });
}

/** The page of an error code: `/errors/-9836`. */
export function errorHref(code: string): string {
  return `/errors/${codeSlug(code)}`;
}

/** The page of an API: `/apis/NWConnection`. */
export function apiHref(name: string): string {
  return `/apis/${encodeURIComponent(name)}`;
}

/** The page of a topic: `/topics/dns-proxy`. */
export function topicHref(slug: string): string {
  return `/topics/${slug}`;
}
