import { getSearchEngine } from '@/lib/search/create-engine';
import { didYouMean } from '@/lib/search/did-you-mean-search';
import { apiSearchResponseBody } from './api-response';
import { jsonReply, type ApiReply } from './api-reply';
import { engineIsUp } from './engine-health';
import { errorReply, jsonErrorReply } from './route-responses';
import { parseSearchParams } from './search-params';
import { toSearchRequest } from './search-url';

/**
 * `GET /api/search?q=…&topic=…&api=…&os=…&code=…&osmin=…&after=…&before=…&sort=…&page=…&limit=…&facetLimit=…` → results, the
 * `facetLimit` most frequent values of each facet with counts, and how many values each facet has.
 */
export async function searchReply(params: URLSearchParams): Promise<ApiReply> {
  try {
    const { state, limit, facetLimit } = parseSearchParams(params);
    const engine = await getSearchEngine();
    const request = toSearchRequest(state, limit);
    const result = await engine.search(request);
    const suggestion = await didYouMean(engine, request, result);
    return jsonReply(200, apiSearchResponseBody(result, facetLimit, suggestion));
  } catch (error) {
    return errorReply(error);
  }
}

/**
 * `GET /api/health` → `{"status":"ok"}` while the search engine answers (its remembered ping), else 503: for
 * load balancers and uptime checks, and, being the cheapest route, the benchmark's floor of a request.
 */
export async function healthReply(): Promise<ApiReply> {
  if (!(await engineIsUp()))
    return jsonErrorReply(503, 'The search engine is unavailable; try again shortly.');
  return jsonReply(200, '{"status":"ok"}');
}
