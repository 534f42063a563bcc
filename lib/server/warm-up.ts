import { getSearchEngine } from '@/lib/search/create-engine';
import { isEngineUnavailable } from '@/lib/web/engine-status';

/**
 * Load the search index in the background once the server listens, with one cheap search, so the first visitor
 * does not wait for it (about 0.7 s at 100k posts). A missing index is left to the requests, which answer 503;
 * any other failure is logged here and reported again by the first request.
 */
export async function warmSearchEngine(log: (line: string) => void = console.error): Promise<void> {
  try {
    const engine = await getSearchEngine();
    await engine.search({ q: '', perPage: 1 });
  } catch (error) {
    if (isEngineUnavailable(error)) return;
    log(`search index warm-up failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
