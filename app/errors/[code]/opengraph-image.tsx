import { threadsWith } from '@/lib/web/browse';
import { resolveErrorSegment } from '@/lib/web/error-code-route';
import { errorShareCard } from '@/lib/web/error-share-card';
import { facetLabels, safeErrorCatalog } from '@/lib/web/labels';
import { errorResponse, notFoundText } from '@/lib/web/route-responses';
import { SHARE_IMAGE_SIZE, shareImage } from '@/lib/web/share-image';
import { currentSiteIdentity } from '@/lib/web/site-forums';

export const size = SHARE_IMAGE_SIZE;
export const contentType = 'image/png';
export const alt = 'The error code, its domain and meaning, and the threads that mention it';

/**
 * The error code's link-preview card. A 404 where the page is one (no code, or a code neither catalogued nor
 * mentioned); a 503 while the engine is unavailable, so no preview caches a card without its threads.
 */
export default async function Image({ params }: { params: Promise<{ code: string }> }) {
  const found = resolveErrorSegment((await params).code, safeErrorCatalog());
  if (!found) return notFoundText('No such error code.');
  try {
    const threads = await threadsWith('code', found.code);
    if (!found.entry && threads.total === 0) return notFoundText('No such error code.');
    return shareImage(
      errorShareCard(found, threads, facetLabels().topic),
      (await currentSiteIdentity()).name,
    );
  } catch (error) {
    return errorResponse(error);
  }
}
