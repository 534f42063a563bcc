import type { SearchEngine } from '@/lib/search/types';
import { suggestQuery } from './did-you-mean';
import type { SearchState } from './search-params';
import { toSearchRequest } from './search-url';
import { engineVocabulary } from './vocabulary';

/** A corrected query that really finds threads with the same filters, or null. */
export async function didYouMean(engine: SearchEngine, state: SearchState): Promise<string | null> {
  if (!state.q) return null;
  const suggestion = suggestQuery(state.q, await engineVocabulary(engine));
  if (!suggestion || suggestion.toLowerCase() === state.q.toLowerCase()) return null;
  const check = await engine.search(toSearchRequest({ ...state, q: suggestion, page: 1 }, 1));
  return check.total > 0 ? suggestion : null;
}
