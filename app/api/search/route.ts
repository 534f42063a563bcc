import { getSearchEngine } from '@/lib/search/create-engine';
import { apiSearchResponseJson } from '@/lib/web/api-response';
import { errorResponse } from '@/lib/web/route-responses';
import { parseSearchParams } from '@/lib/web/search-params';
import { toSearchRequest } from '@/lib/web/search-url';

export const dynamic = 'force-dynamic';

/** `GET /api/search?q=…&topic=…&api=…&os=…&code=…&osmin=…&sort=…&page=…&limit=…` → results and facet counts as JSON. */
export async function GET(request: Request): Promise<Response> {
  try {
    const { state, limit } = parseSearchParams(new URL(request.url).searchParams);
    const engine = await getSearchEngine();
    const result = await engine.search(toSearchRequest(state, limit));
    return new Response(apiSearchResponseJson(result), {
      headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
