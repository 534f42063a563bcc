import { cache } from 'react';
import { getSearchEngine } from '@/lib/search/create-engine';
import type { Post } from '@/lib/posts/schema';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** One post by slug for this request (deduplicated between metadata and page); null for an unknown or malformed slug. */
export const loadPost = cache(async (slug: string): Promise<Post | null> => {
  if (slug.length > 200 || !SLUG.test(slug)) return null;
  const engine = await getSearchEngine();
  const post = await engine.getPost(slug);
  return post && post.slug === slug ? post : null;
});
