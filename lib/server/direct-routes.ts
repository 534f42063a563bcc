import type { ApiReply } from '@/lib/web/api-reply';
import { healthReply, searchReply } from '@/lib/web/json-api';

/** A JSON route that needs nothing from Next.js: the request's URL in, a reply out. */
export type DirectHandler = (url: URL) => Promise<ApiReply>;

/**
 * The JSON routes the web server answers itself, beside Next.js: the same code the App Router's route handlers
 * (`app/api/search`, `app/api/health`, served by `next dev`) wrap, without Next's per-request machinery, which
 * alone costs more than the 30 ms p99 budget under load.
 */
const DIRECT: ReadonlyMap<string, DirectHandler> = new Map<string, DirectHandler>([
  ['/api/search', (url) => searchReply(url.searchParams)],
  ['/api/health', () => healthReply()],
]);

/** The handler answering GET/HEAD on `pathname` directly, or undefined when Next.js should answer. */
export function directRoute(method: string | undefined, pathname: string): DirectHandler | undefined {
  if (method !== 'GET' && method !== 'HEAD') return undefined;
  return DIRECT.get(pathname);
}
