import { onOrigin } from '@/lib/web/absolute-url';
import { requestOrigin } from '@/lib/web/request-origin';
import { errorResponse, notFoundText } from '@/lib/web/route-responses';
import { sitemapPart, sitemapXml } from '@/lib/web/sitemap';
import { sitePaths } from '@/lib/web/site-paths';

export const dynamic = 'force-dynamic';

/** `GET /sitemap.xml` (every thread, error, API and topic page), or past 50,000 URLs an index of `?part=N`. */
export async function GET(request: Request): Promise<Response> {
  try {
    const part = sitemapPart(new URL(request.url).searchParams.get('part'));
    const xml = part === null ? null : sitemapXml(await sitePaths(), onOrigin(await requestOrigin()), part);
    if (xml === null) return notFoundText('No such sitemap.');
    return new Response(xml, {
      headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
