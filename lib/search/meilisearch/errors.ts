import type { MeiliTaskOutcome } from './client';
import { EngineError } from '../../errors';

/** A Meilisearch task that finished `failed` or `canceled`; carries the task's error message, code and type. */
export class MeilisearchTaskError extends EngineError {
  override name = 'MeilisearchTaskError';
  readonly taskUid: number;
  readonly taskType: string;
  readonly status: string;
  readonly errorCode: string | undefined;
  readonly errorType: string | undefined;

  constructor(task: MeiliTaskOutcome) {
    const where = task.indexUid ? ` on index ${task.indexUid}` : '';
    super(
      `Meilisearch task ${task.uid} (${task.type}${where}) ${task.status}: ${task.error?.message ?? 'no error given'}`,
    );
    this.taskUid = task.uid;
    this.taskType = task.type;
    this.status = task.status;
    this.errorCode = task.error?.code;
    this.errorType = task.error?.type;
  }
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/** The `code` of an error, or of its Meilisearch error body (`cause.code`), if any. */
function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if ('code' in error && typeof error.code === 'string') return error.code;
  const cause = 'cause' in error ? error.cause : undefined;
  if (typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string') {
    return cause.code;
  }
  return undefined;
}

/** Whether an error means the server could not be reached: a request that got no response at all. */
export function isConnectionFailure(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current.name === 'MeilisearchRequestError') return true;
    if (current instanceof TypeError && current.message === 'fetch failed') return true;
    const code = 'code' in current && typeof current.code === 'string' ? current.code : undefined;
    if (code && CONNECTION_CODES.has(code)) return true;
    current = current.cause;
  }
  return false;
}

/** Whether a Meilisearch API error says the index does not exist. */
export function isIndexNotFound(error: unknown): boolean {
  return codeOf(error) === 'index_not_found';
}

/** Whether a Meilisearch API error says the key lacks the permission (a search-only key asking for stats). */
export function isForbidden(error: unknown): boolean {
  return codeOf(error) === 'invalid_api_key';
}
