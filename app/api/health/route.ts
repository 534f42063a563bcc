import { replyResponse } from '@/lib/web/api-reply';
import { healthReply } from '@/lib/web/json-api';

export const dynamic = 'force-dynamic';

/** `GET /api/health` → 200 `{"status":"ok"}` while the search engine answers, else 503. */
export async function GET(): Promise<Response> {
  return replyResponse(await healthReply());
}
