import { jsonReply, replyResponse, type ApiReply } from './api-reply';
import { isEngineUnavailable, RETRY_AFTER_SECONDS } from './engine-status';
import { ParamError } from '@/lib/errors';

/** A JSON error reply: `{ error: { status, message, param? } }`; a 503 says when to retry. */
export function jsonErrorReply(status: number, message: string, param?: string): ApiReply {
  const reply = jsonReply(
    status,
    JSON.stringify({ error: { status, message, ...(param ? { param } : {}) } }),
  );
  if (status === 503) reply.headers['Retry-After'] = RETRY_AFTER_SECONDS;
  return reply;
}

/** Map an error from a route to a reply: 400 naming the parameter, 503 when the engine is down, else 500 without details. */
export function errorReply(error: unknown): ApiReply {
  if (error instanceof ParamError) return jsonErrorReply(400, error.message, error.param);
  if (isEngineUnavailable(error))
    return jsonErrorReply(503, 'The search engine is unavailable; try again shortly.');
  console.error('route handler failed:', error);
  return jsonErrorReply(500, 'Internal error.');
}

/** jsonErrorReply as a `Response`. */
export function jsonError(status: number, message: string, param?: string): Response {
  return replyResponse(jsonErrorReply(status, message, param));
}

/** errorReply as a `Response`. */
export function errorResponse(error: unknown): Response {
  return replyResponse(errorReply(error));
}

/** A plain-text 404 for a route that is not JSON (a sitemap part, an image): `message` and a newline. */
export function notFoundText(message: string): Response {
  return new Response(`${message}\n`, {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
