import type { MultiSearchQuery } from 'meilisearch';
import type { MeiliSearchResponse } from './client';
import { buildMultiSearch } from './query';
import type { SearchPlan } from '../plan';
import { equalsClause } from './filters';
import { droppableTerms, isMandatoryTerm } from '../relax';

/**
 * The partial-match fallback on Meilisearch, sent only when the all-words search found nothing: the same search
 * with `matchingStrategy: 'frequency'` (mandatory terms sent as one-word phrases, which Meilisearch never drops:
 * `query_graph.rs` skips phrases in its removal order). Meilisearch says nothing of the words it dropped: the
 * adapter asks afterwards which words its best hit holds ({@link buildHeldProbes}).
 */
export function buildRelaxedSearch(plan: SearchPlan, indexUid: string): { queries: MultiSearchQuery[] } {
  const { terms } = plan.parsed;
  const mandatory = terms.filter(isMandatoryTerm);
  const parsed = {
    ...plan.parsed,
    terms: terms.filter((t) => !isMandatoryTerm(t)),
    phrases: [...mandatory.map((t) => [t]), ...plan.parsed.phrases],
  };
  const queries = buildMultiSearch({ ...plan, parsed }, indexUid).queries.map((query): MultiSearchQuery => ({
    ...query,
    matchingStrategy: 'frequency',
  }));
  return { queries };
}

/**
 * One `limit: 0` probe per droppable word, filtered to one post: its total says whether the post holds the word
 * as the server matches it (typos, prefix on the last word only: a trailing space makes a word no prefix,
 * `parse_query.rs`). Sent for the best hit of a relaxed search, whose lacking words are the dropped words on
 * both engines ("the words the best hit does without").
 */
export function buildHeldProbes(
  plan: SearchPlan,
  indexUid: string,
  postId: string,
): { queries: MultiSearchQuery[] } {
  const last = plan.parsed.terms.at(-1);
  const filter = equalsClause('id', postId);
  const queries = droppableTerms(plan.parsed).map((word): MultiSearchQuery => ({
    indexUid,
    q: word === last ? word : `${word} `,
    filter,
    limit: 0,
    matchingStrategy: 'all',
  }));
  return { queries };
}

/** The droppable words whose probe ({@link buildHeldProbes}) found nothing: the words the best hit lacks. */
export function lackedWordsOf(plan: SearchPlan, probes: readonly MeiliSearchResponse[]): string[] {
  return droppableTerms(plan.parsed).filter((_, i) => {
    const probe = probes[i];
    return (probe?.totalHits ?? probe?.estimatedTotalHits ?? 0) === 0;
  });
}
