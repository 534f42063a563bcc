import type { SearchResult } from '@/lib/search/types';
import { buildAtomFeed, monthToTimestamp, rfc3339 } from './feed';
import { excerpt } from './format';
import type { SearchState } from './search-params';
import { searchHref, stateToParams } from './search-url';
import type { SiteIdentity } from './site-identity';

/** Describe a search in words for a feed title: `“-9836” · API class NWConnection`. */
export function describeSearch(state: SearchState): string {
  const parts = [
    state.q ? `“${state.q}”` : '',
    ...state.topic.map((v) => `topic ${v}`),
    ...state.api.map((v) => `API ${v}`),
    ...state.os.map((v) => v),
    ...state.code.map((v) => `code ${v}`),
    ...state.forum.map((v) => `forum ${v}`),
    state.osmin ? `${state.osmin} or later` : '',
    state.after ? `active from ${state.after}` : '',
    state.before ? `active before ${state.before}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'All threads';
}

/** The Atom feed of a search result; `absolute` turns a site path into an absolute URL. */
export function searchFeedXml(
  state: SearchState,
  result: SearchResult,
  absolute: (path: string) => string,
  site: Pick<SiteIdentity, 'name' | 'description'>,
  now: Date = new Date(),
): string {
  const qs = stateToParams({ ...state, page: 1 }).toString();
  const selfUrl = absolute(qs ? `/feed.xml?${qs}` : '/feed.xml');
  return buildAtomFeed({
    id: selfUrl,
    title: `${site.name}: ${describeSearch(state)}`,
    subtitle: site.description,
    selfUrl,
    alternateUrl: absolute(searchHref({ ...state, page: 1 })),
    author: site.name,
    generatedAt: rfc3339(now),
    entries: result.hits.map((hit) => ({
      id: absolute(`/posts/${hit.post.slug}`),
      title: hit.post.title,
      link: absolute(`/posts/${hit.post.slug}`),
      updated: monthToTimestamp(hit.post.activity ?? hit.post.created),
      summary: excerpt(hit.post.body, 400),
      categories: [...hit.post.topics, ...hit.post.apiClasses],
    })),
  });
}
