import { EngineUnavailableError } from '@/lib/errors';

/** How long a client should wait before asking again after a 503 (`Retry-After`, in seconds), everywhere. */
export const RETRY_AFTER_SECONDS = '30';

/** True when an error means the search engine cannot be reached or has no index. */
export function isEngineUnavailable(error: unknown): error is EngineUnavailableError {
  return (
    error instanceof EngineUnavailableError ||
    (error instanceof Error && error.name === 'EngineUnavailableError')
  );
}

/** What {@link unlessEngineDown} gives when the engine is unavailable. */
export const ENGINE_DOWN = Symbol('engine unavailable');

/**
 * The value `load` resolves to, or ENGINE_DOWN when it fails because the engine is unavailable (a page then
 * shows the engine-down notice); any other failure is thrown on.
 */
export async function unlessEngineDown<T>(load: Promise<T>): Promise<T | typeof ENGINE_DOWN> {
  try {
    return await load;
  } catch (error) {
    if (isEngineUnavailable(error)) return ENGINE_DOWN;
    throw error;
  }
}
