import { getSearchEngine } from '@/lib/search/create-engine';
import { onOrigin } from '@/lib/web/absolute-url';
import { requestOrigin } from '@/lib/web/request-origin';
import { errorResponse } from '@/lib/web/route-responses';
import { parseSearchParams } from '@/lib/web/search-params';
import { toSearchRequest } from '@/lib/web/search-url';
import { searchFeedXml } from '@/lib/web/search-feed';
import { currentSiteIdentity } from '@/lib/web/site-forums';

export const dynamic = 'force-dynamic';

/** `GET /feed.xml?…` with the search page's parameters → an Atom feed of the first 50 results (newest activity unless sorted otherwise). */
export async function GET(request: Request): Promise<Response> {
  try {
    const params = new URL(request.url).searchParams;
    const { state } = parseSearchParams(params);
    const feedState = { ...state, page: 1, sort: params.has('sort') ? state.sort : ('activity' as const) };
    const engine = await getSearchEngine();
    const result = await engine.search(toSearchRequest(feedState, 50));
    return new Response(
      searchFeedXml(state, result, onOrigin(await requestOrigin()), await currentSiteIdentity()),
      {
        headers: {
          'Content-Type': 'application/atom+xml; charset=utf-8',
          'Cache-Control': 'public, max-age=300',
        },
      },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
