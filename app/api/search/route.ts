import { replyResponse } from '@/lib/web/api-reply';
import { searchReply } from '@/lib/web/json-api';

export const dynamic = 'force-dynamic';

/** `GET /api/search?q=…&topic=…&api=…&os=…&code=…&osmin=…&after=…&before=…&sort=…&page=…&limit=…&facetLimit=…` → results and facet counts as JSON. */
export async function GET(request: Request): Promise<Response> {
  return replyResponse(await searchReply(new URL(request.url).searchParams));
}
