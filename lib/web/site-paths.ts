import { getSearchEngine } from '@/lib/search/create-engine';
import { facetCounts } from './browse';
import { safeErrorCatalog, safeTopics } from './labels';
import { apiHref, errorHref, topicHref } from './post-links';

const PAGE = 100;

/** Every page worth indexing: the lists (forums too), each thread, error code (catalogued or seen), API and topic. */
export async function sitePaths(): Promise<string[]> {
  const engine = await getSearchEngine();
  const threads: string[] = [];
  for (let page = 1; ; page++) {
    const result = await engine.search({ q: '', filters: {}, sort: 'activity', page, perPage: PAGE });
    threads.push(...result.hits.map((h) => `/posts/${h.post.slug}`));
    if (result.hits.length < PAGE || threads.length >= result.total) break;
  }
  const [codes, apis] = await Promise.all([facetCounts('code'), facetCounts('api')]);
  const errorCodes = new Set([...safeErrorCatalog().entries.map((e) => e.code), ...Object.keys(codes)]);
  return [
    '/',
    '/errors',
    '/apis',
    '/topics',
    '/forums',
    ...threads,
    ...[...errorCodes].sort().map(errorHref),
    ...Object.keys(apis).sort().map(apiHref),
    ...safeTopics().map((t) => topicHref(t.slug)),
  ];
}
