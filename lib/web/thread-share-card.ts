import type { ShareCardData } from '@/components/og/share-card';
import type { Post } from '@/lib/posts/schema';
import { plural } from './format';
import { siteConfig } from './site-config';

/**
 * What a thread's link-preview card shows: the forums it was seen under (the bundled forum when the post
 * names none), its title, reply and view counts, its error codes and API classes.
 */
export function threadShareCard(post: Post): ShareCardData {
  const forums = post.forums.map((forum) => forum.name);
  return {
    kicker: `Apple Developer Forums · ${forums.length ? forums.join(', ') : siteConfig.forum}`,
    title: post.title,
    facts: [plural(post.replies, 'reply', 'replies'), plural(post.views, 'view', 'views')],
    tags: [...post.errorCodes, ...post.apiClasses],
  };
}
