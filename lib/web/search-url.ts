import { osCondition } from '@/lib/posts/os-labels';
import { activityFilters } from '@/lib/search/plan';
import { FACETS, type SearchRequest } from '@/lib/search/types';
import type { SearchState } from './search-params';

/** The canonical query string of a state: defaults left out, parameters in a fixed order, values repeated. */
export function stateToParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const facet of FACETS) {
    for (const value of state[facet]) params.append(facet, value);
  }
  if (state.osmin) params.set('osmin', state.osmin);
  if (state.after) params.set('after', state.after);
  if (state.before) params.set('before', state.before);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.expand) params.set('expand', state.expand);
  if (state.strict) params.set('strict', '1');
  return params;
}

/** The URL of a state under `path` (default the search page): `/?q=…&api=…`, or the bare path for the empty search. */
export function searchHref(state: SearchState, path = '/'): string {
  const qs = stateToParams(state).toString();
  return qs ? `${path}?${qs}` : path;
}

/** What to ask the engine for this state. */
export function toSearchRequest(state: SearchState, perPage = 20): SearchRequest {
  const range = state.osmin ? osCondition(state.osmin) : null;
  return {
    q: state.q,
    filters: {
      topic: state.topic,
      api: state.api,
      os: state.os,
      code: state.code,
      forum: state.forum,
      ...(range ? { osRange: { platform: range.platform, min: range.min } } : {}),
      ...activityFilters(state.after, state.before),
    },
    sort: state.sort,
    page: state.page,
    perPage,
    ...(state.strict ? { strict: true } : {}),
  };
}

/** True when the state narrows by any facet, OS range or activity month. */
export function hasFilters(state: SearchState): boolean {
  return FACETS.some((facet) => state[facet].length > 0) || !!state.osmin || !!state.after || !!state.before;
}
