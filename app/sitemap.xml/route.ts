import { onOrigin } from '@/lib/web/absolute-url';
import { requestOrigin } from '@/lib/web/request-origin';
import { errorResponse, notFoundText } from '@/lib/web/route-responses';
import { sitemapXml } from '@/lib/web/sitemap';
import { sitePaths } from '@/lib/web/site-paths';

export const dynamic = 'force-dynamic';

/** `GET /sitemap.xml` (every thread, error, API and topic page), or past 50,000 URLs an index of `?part=N`. */
export async function GET(request: Request): Promise<Response> {
  try {
    const part = Number(new URL(request.url).searchParams.get('part') ?? 0);
    const xml =
      Number.isInteger(part) && part >= 0
        ? sitemapXml(await sitePaths(), onOrigin(await requestOrigin()), part)
        : null;
    if (xml === null) return notFoundText('No such sitemap.');
    return new Response(xml, {
      headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
