import type { MultiSearchQuery } from 'meilisearch';
import type { MeiliSearchResponse } from './client';
import { buildMultiSearch } from './query';
import type { SearchPlan } from '../plan';
import { droppableTerms, droppedByCount, hasMandatoryPart, isMandatoryTerm, removalGroups } from '../relax';

/**
 * The partial-match fallback on Meilisearch, sent only when the all-words search found nothing: the same search
 * with `matchingStrategy: 'frequency'` (mandatory terms sent as one-word phrases, which Meilisearch never drops:
 * `query_graph.rs` skips phrases in its removal order), and one `limit: 0` probe per droppable word, whose total
 * is the word's frequency as the server counts it (typos, prefix on the last word only: a trailing space makes a
 * word no prefix, `parse_query.rs`). Meilisearch says nothing of the words it dropped; the adapter works them out
 * with the shared rule (`relax.ts`) over the probes and the best hit's `words` score.
 */
export function buildRelaxedSearch(plan: SearchPlan, indexUid: string): { queries: MultiSearchQuery[] } {
  const { terms } = plan.parsed;
  const mandatory = terms.filter(isMandatoryTerm);
  const parsed = {
    ...plan.parsed,
    terms: terms.filter((t) => !isMandatoryTerm(t)),
    phrases: [...mandatory.map((t) => [t]), ...plan.parsed.phrases],
  };
  const queries = buildMultiSearch({ ...plan, parsed }, indexUid).queries.map(
    (query, i): MultiSearchQuery => ({
      ...query,
      matchingStrategy: 'frequency',
      ...(i === 0 ? { showRankingScoreDetails: true } : {}),
    }),
  );
  const last = terms.at(-1);
  const probes = droppableTerms(plan.parsed).map((word): MultiSearchQuery => ({
    indexUid,
    q: word === last ? word : `${word} `,
    limit: 0,
    matchingStrategy: 'all',
  }));
  return { queries: [...queries, ...probes] };
}

/** How many words the best hit lacks, from its `words` ranking score details; 0 without them. */
function lackingWords(response: MeiliSearchResponse | undefined): number {
  const details = response?.hits[0]?._rankingScoreDetails as
    { words?: { matchingWords?: number; maxMatchingWords?: number } } | undefined;
  const words = details?.words;
  return words?.matchingWords !== undefined && words.maxMatchingWords !== undefined
    ? words.maxMatchingWords - words.matchingWords
    : 0;
}

/**
 * The words the best hits of a relaxed search do without, in query order: the removal groups of the probes'
 * frequencies (the same rule as the embedded engine), as many as the best hit lacks words.
 */
export function relaxedWordsOf(plan: SearchPlan, results: readonly MeiliSearchResponse[]): string[] {
  const droppable = droppableTerms(plan.parsed);
  const probes = results.slice(results.length - droppable.length);
  const frequencies = probes.map((r) => r.totalHits ?? r.estimatedTotalHits ?? 0);
  const groups = removalGroups(droppable, frequencies, hasMandatoryPart(plan.parsed));
  return droppedByCount(groups, lackingWords(results[0]), plan.parsed.terms);
}
