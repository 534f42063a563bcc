import { requestOrigin } from '@/lib/web/request-origin';

export const dynamic = 'force-dynamic';

/** `GET /robots.txt`: crawl everything but the JSON API, and find the sitemap. */
export async function GET(): Promise<Response> {
  const body = ['User-agent: *', 'Disallow: /api/', `Sitemap: ${await requestOrigin()}/sitemap.xml`, ''].join(
    '\n',
  );
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
