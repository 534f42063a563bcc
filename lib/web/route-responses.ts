import { isEngineUnavailable } from './engine-status';
import { ParamError } from './search-params';

/** A JSON error body: `{ error: { status, message, param? } }`. */
export function jsonError(status: number, message: string, param?: string): Response {
  return Response.json(
    { error: { status, message, ...(param ? { param } : {}) } },
    { status, headers: { 'Cache-Control': 'no-store' } },
  );
}

/** Map an error from a route handler to a response: 400 naming the parameter, 503 when the engine is down, else 500 without details. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ParamError) return jsonError(400, error.message, error.param);
  if (isEngineUnavailable(error))
    return jsonError(503, 'The search engine is unavailable; try again shortly.');
  console.error('route handler failed:', error);
  return jsonError(500, 'Internal error.');
}
