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
    super(
      `Meilisearch task ${describeTask(task)} ${task.status}: ${task.error?.message ?? 'no error given'}`,
    );
    this.taskUid = task.uid;
    this.taskType = task.type;
    this.status = task.status;
    this.errorCode = task.error?.code;
    this.errorType = task.error?.type;
  }
}

/** `12 (documentAdditionOrUpdate on index posts_42)`. */
export function describeTask(task: Pick<MeiliTaskOutcome, 'uid' | 'type' | 'indexUid'>): string {
  const where = task.indexUid ? ` on index ${task.indexUid}` : '';
  return `${task.uid} (${task.type}${where})`;
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
export function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if ('code' in error && typeof error.code === 'string') return error.code;
  const cause = 'cause' in error ? error.cause : undefined;
  if (typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string') {
    return cause.code;
  }
  return undefined;
}

/** The error and its causes, outermost first (at most 5 deep). */
function causeChain(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let current = error; chain.length < 5 && current instanceof Error; current = current.cause) {
    chain.push(current);
  }
  return chain;
}

/** Whether an error means the server could not be reached: a request that got no response at all. */
export function isConnectionFailure(error: unknown): boolean {
  return causeChain(error).some((current) => {
    if (current.name === 'MeilisearchRequestError') return true;
    if (current instanceof TypeError && current.message === 'fetch failed') return true;
    const code = 'code' in current && typeof current.code === 'string' ? current.code : undefined;
    return code !== undefined && CONNECTION_CODES.has(code);
  });
}

/**
 * Whether a request ended because its time ran out: the client's own timeout (`MeilisearchRequestTimeOutError`)
 * or an `AbortSignal.timeout` the engine passed (`TimeoutError`).
 */
export function isRequestTimeout(error: unknown): boolean {
  return causeChain(error).some(
    (current) => current.name === 'MeilisearchRequestTimeOutError' || current.name === 'TimeoutError',
  );
}

/** Whether a Meilisearch API error says the index does not exist. */
export function isIndexNotFound(error: unknown): boolean {
  return codeOf(error) === 'index_not_found';
}

/** Whether a Meilisearch API error says the key lacks the permission (a search-only key asking for stats). */
export function isForbidden(error: unknown): boolean {
  return codeOf(error) === 'invalid_api_key';
}

/**
 * The code of a Meilisearch authentication error, or undefined: 401 `missing_authorization_header` (no key sent
 * to a server with a master key) or 403 `invalid_api_key` (a wrong key, or one without the action), as in
 * v1.15.2 `crates/meilisearch/src/extractors/authentication/error.rs`.
 */
export function authErrorCode(error: unknown): string | undefined {
  const code = codeOf(error);
  return code === 'missing_authorization_header' || code === 'invalid_api_key' ? code : undefined;
}

/** Whether the server refused a request body as larger than its `MEILI_HTTP_PAYLOAD_SIZE_LIMIT` (413). */
export function isPayloadTooLarge(error: unknown): boolean {
  return codeOf(error) === 'payload_too_large';
}
