import { plural } from '@/lib/web/format';
import { loadPost } from '@/lib/web/post-loader';
import { SHARE_IMAGE_SIZE, shareImage } from '@/lib/web/share-image';

export const size = SHARE_IMAGE_SIZE;
export const contentType = 'image/png';
export const alt = 'The thread’s title, counts, error codes and API classes';

/** The thread's link-preview card: title, forum, counts, error codes and API classes. */
export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const post = await loadPost((await params).slug).catch(() => null);
  if (!post)
    return shareImage({ kicker: 'Network Extension', title: 'Thread not found', facts: [], tags: [] });
  return shareImage({
    kicker: 'Apple Developer Forums · Network Extension',
    title: post.title,
    facts: [plural(post.replies, 'reply', 'replies'), plural(post.views, 'view', 'views')],
    tags: [...post.errorCodes, ...post.apiClasses],
  });
}
