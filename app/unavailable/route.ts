import { RETRY_AFTER_SECONDS } from '@/lib/web/engine-status';
import { unavailablePageHtml } from '@/lib/web/unavailable-page';

export const dynamic = 'force-dynamic';

/**
 * Where the proxy rewrites page requests while the search engine is unreachable: an HTML page with status 503.
 * Asked for directly while the engine answers, the proxy makes it a 404 (`proxy.ts`).
 */
export function GET(): Response {
  return new Response(unavailablePageHtml(), {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Retry-After': RETRY_AFTER_SECONDS,
    },
  });
}
