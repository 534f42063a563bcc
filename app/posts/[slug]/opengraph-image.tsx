import { loadPost } from '@/lib/web/post-loader';
import { errorResponse, notFoundText } from '@/lib/web/route-responses';
import { SHARE_IMAGE_SIZE, shareImage } from '@/lib/web/share-image';
import { currentSiteIdentity } from '@/lib/web/site-forums';
import { threadShareCard } from '@/lib/web/thread-share-card';

export const size = SHARE_IMAGE_SIZE;
export const contentType = 'image/png';
export const alt = 'The thread’s title, counts, error codes and API classes';

/**
 * The thread's link-preview card: forum, title, counts, error codes and API classes. A 404 where the page is
 * one; a 503 while the engine is unavailable, so no preview caches a card of the wrong thread.
 */
export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  try {
    const post = await loadPost((await params).slug);
    if (!post) return notFoundText('No such thread.');
    const site = (await currentSiteIdentity()).name;
    return shareImage(threadShareCard(post, site), site);
  } catch (error) {
    return errorResponse(error);
  }
}
