import type { FacetName, SortOrder } from '@/lib/search/types';
import type { SearchState } from './search-params';

/** Whether `value` is selected in `facet`. */
export function isSelected(state: SearchState, facet: FacetName, value: string): boolean {
  return state[facet].includes(value);
}

/** The state with `value` added to or removed from `facet`, other selections kept, back on page 1. */
export function toggleFacetValue(state: SearchState, facet: FacetName, value: string): SearchState {
  const current = state[facet];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, [facet]: next, page: 1 };
}

/** The state without any facet selection, OS range or activity months (query and sort kept), on page 1. */
export function clearFilters(state: SearchState): SearchState {
  const { osmin: _osmin, after: _after, before: _before, ...rest } = state;
  void [_osmin, _after, _before];
  return { ...rest, topic: [], api: [], os: [], code: [], forum: [], page: 1 };
}

/** The state with a new lower OS bound (or none), on page 1. */
export function withOsMin(state: SearchState, osmin: string | undefined): SearchState {
  const { osmin: _old, ...rest } = state;
  void _old;
  return { ...rest, ...(osmin ? { osmin } : {}), page: 1 };
}

/** The state with new activity months (either or both may be undefined: no bound), on page 1. */
export function withActivity(
  state: SearchState,
  after: string | undefined,
  before: string | undefined,
): SearchState {
  const { after: _after, before: _before, ...rest } = state;
  void [_after, _before];
  return { ...rest, ...(after ? { after } : {}), ...(before ? { before } : {}), page: 1 };
}

/** The state sorted another way, on page 1. */
export function withSort(state: SearchState, sort: SortOrder): SearchState {
  return { ...state, sort, page: 1 };
}

/** The state with one facet listed whole on the search page (or none: every facet cut to its top values). */
export function withExpanded(state: SearchState, facet: FacetName | undefined): SearchState {
  const { expand: _old, ...rest } = state;
  void _old;
  return facet ? { ...rest, expand: facet } : rest;
}

/** The state on another page. */
export function withPage(state: SearchState, page: number): SearchState {
  return { ...state, page };
}

/** The state with another query, filters kept, on page 1. */
export function withQuery(state: SearchState, q: string): SearchState {
  return { ...state, q, page: 1 };
}
