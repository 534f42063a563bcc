import type { ShareCardData } from '@/components/og/share-card';
import type { Post } from '@/lib/posts/schema';
import { plural } from './format';
import { siteConfig } from './site-config';

/** Where every thread comes from; the card says it once, before the forums, unless the site's name already does. */
const SOURCE = 'Apple Developer Forums';

/**
 * What a thread's link-preview card shows under the site's name `site`: the forums it was seen under (the
 * bundled forum when the post names none), its title, reply and view counts, its error codes and API classes.
 */
export function threadShareCard(post: Post, site: string): ShareCardData {
  const forums = post.forums.length ? post.forums.map((forum) => forum.name).join(', ') : siteConfig.forum;
  return {
    kicker: site.includes(SOURCE) ? forums : `${SOURCE} · ${forums}`,
    title: post.title,
    facts: [plural(post.replies, 'reply', 'replies'), plural(post.views, 'view', 'views')],
    tags: [...post.errorCodes, ...post.apiClasses],
  };
}
