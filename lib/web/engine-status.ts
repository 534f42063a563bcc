import { EngineUnavailableError } from '@/lib/errors';

/** True when an error means the search engine cannot be reached or has no index. */
export function isEngineUnavailable(error: unknown): error is EngineUnavailableError {
  return (
    error instanceof EngineUnavailableError ||
    (error instanceof Error && error.name === 'EngineUnavailableError')
  );
}
