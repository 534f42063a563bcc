import { suggestQuery } from './did-you-mean';
import type { SearchEngine, SearchRequest, SearchResult } from './types';

/** At most this many results is "very few": the search also tries its corrected query. */
export const FEW_RESULTS = 2;

/** How many threads of a result hold every word read (none when the result had to drop words). */
const fullMatches = (result: SearchResult) => (result.relaxedWords ? 0 : result.total);

/** Whether a result is worth a did-you-mean: no or very few threads, or only partial matches. */
export function wantsSuggestion(request: SearchRequest, result: SearchResult): boolean {
  return Boolean(request.q?.trim()) && (result.total <= FEW_RESULTS || result.relaxedWords !== undefined);
}

/**
 * The corrected query of a search that found no, very few or only partial matches, when it finds more threads
 * with every word than the query did (same filters, every word required); else undefined. One extra search,
 * and only when the vocabulary changes a word.
 */
export async function didYouMean(
  engine: SearchEngine,
  request: SearchRequest,
  result: SearchResult,
): Promise<string | undefined> {
  if (!wantsSuggestion(request, result)) return undefined;
  const suggestion = suggestQuery(request.q!, await engine.vocabulary());
  if (!suggestion) return undefined;
  const check = await engine.search({ ...request, q: suggestion, page: 1, perPage: 1, strict: true });
  return check.total > fullMatches(result) ? suggestion : undefined;
}
