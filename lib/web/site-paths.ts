import { getSearchEngine } from '@/lib/search/create-engine';
import type { SearchEngine } from '@/lib/search/types';
import { safeErrorCatalog, safeTopics } from './labels';
import { apiHref, errorHref, postHref, topicHref } from './post-links';

/** Where the site's pages come from: the engine's threads and facets, the catalog's codes, the taxonomy's topics. */
export type SiteSources = {
  engine: SearchEngine;
  catalogCodes: readonly string[];
  topicSlugs: readonly string[];
};

/**
 * Every page worth indexing, each once: the lists (forums too), each thread (in the index's order), error code (catalogued
 * or seen), API and topic.
 */
export async function collectSitePaths({ engine, catalogCodes, topicSlugs }: SiteSources): Promise<string[]> {
  const threads = [...new Set(await engine.slugs())].map((slug) => postHref(slug));
  const [codes, apis] = await Promise.all([engine.facetValues('code'), engine.facetValues('api')]);
  const errorCodes = new Set([...catalogCodes, ...Object.keys(codes)]);
  return [
    '/',
    '/errors',
    '/apis',
    '/topics',
    '/forums',
    ...threads,
    ...[...errorCodes].sort().map(errorHref),
    ...Object.keys(apis).sort().map(apiHref),
    ...topicSlugs.map(topicHref),
  ];
}

/** Every page worth indexing on the running site: its engine, the error catalog and the topic taxonomy. */
export async function sitePaths(): Promise<string[]> {
  return collectSitePaths({
    engine: await getSearchEngine(),
    catalogCodes: safeErrorCatalog().entries.map((e) => e.code),
    topicSlugs: safeTopics().map((t) => t.slug),
  });
}
