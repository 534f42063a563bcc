import { engineIsUp } from '@/lib/web/engine-health';
import { jsonError } from '@/lib/web/route-responses';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/health` → `{"status":"ok"}` while the search engine answers (its remembered ping), else 503: for
 * load balancers and uptime checks, and, being the cheapest route, the benchmark's floor of a Next.js request.
 */
export async function GET(): Promise<Response> {
  if (!(await engineIsUp())) return jsonError(503, 'The search engine is unavailable; try again shortly.');
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
