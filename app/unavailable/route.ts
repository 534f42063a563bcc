import { unavailablePageHtml } from '@/lib/web/unavailable-page';

export const dynamic = 'force-dynamic';

/** Where the proxy rewrites page requests while the search engine is unreachable: an HTML page with status 503. */
export function GET(): Response {
  return new Response(unavailablePageHtml(), {
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': '30' },
  });
}
