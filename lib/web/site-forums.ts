import { cache } from 'react';
import { getSearchEngine } from '@/lib/search/create-engine';
import type { ForumCount } from '@/lib/search/types';
import { isEngineUnavailable } from './engine-status';
import { siteIdentity, type SiteIdentity } from './site-identity';

/** The forums of the index for this request (deduplicated between metadata, layout and page). */
export const loadForums = cache(async (): Promise<ForumCount[]> => (await getSearchEngine()).forums());

/**
 * The site's identity for this request's index. An engine that cannot answer gives the identity of the bundled
 * forum: the shell of a page (its header, title, footer) never fails on it; the page itself says what is wrong
 * (and any failure but an unavailable engine is logged here too).
 */
export async function currentSiteIdentity(): Promise<SiteIdentity> {
  try {
    return siteIdentity(await loadForums());
  } catch (error) {
    if (!isEngineUnavailable(error))
      console.error('forums unavailable:', error instanceof Error ? error.message : error);
    return siteIdentity([]);
  }
}
