import type { MultiSearchQuery } from 'meilisearch';
import type { MatchPosition, MeiliHit, MeiliSearchResponse } from './client';
import { buildMultiSearch, meiliQueryString } from './query';
import type { SearchPlan } from '../plan';
import { activityKey } from '../document';
import { buildFilter, inClause } from './filters';
import { droppableTerms, hasMandatoryPart, isMandatoryTerm, partialRanks, removalGroups } from '../relax';

/**
 * The partial-match fallback on Meilisearch, sent only when the all-words search found nothing. Meilisearch's own
 * `matchingStrategy: 'frequency'` cannot stand in for the shared rule (`relax.ts`): without a phrase it never drops
 * the rarest words (`query_graph.rs` pops the last removal group, and the universe is the maximally reduced query
 * graph), so a post lacking one of them is never returned; and its words rule charges a skipped word with every
 * later, more frequent word (`cheapest_paths.rs`: `nodes_to_skip`), so its buckets are not "fewest words lacking".
 * So the server finds the candidates and which words each holds, and the ranking is the shared rule's:
 * 1. one multi-search ({@link buildCandidateSearch}): per droppable word, the posts holding it with the mandatory
 *    part (ids and ranking fields, at most {@link CANDIDATES_PER_WORD}), the mandatory part alone, each word's
 *    frequency over the whole index, and the facet counts;
 * 2. {@link rankCandidates}: held words per post as bit masks, ranked by `partialRanks`, equal ranks by the sum of
 *    the ranking scores of the words held (the embedded engine sums its per-word scores) or by the sort;
 * 3. one multi-search for the page's posts with their match positions ({@link buildPageFetch}).
 * A relaxed search costs three requests: the all-words search, then these two.
 */

/** Posts per droppable word the candidate search reads: held-word masks are exact while no word matches more. */
export const CANDIDATES_PER_WORD = 1000;

/** What a candidate is read with: its id and what orders equal ranks under each sort (stored Post fields). */
const CANDIDATE_FIELDS = ['id', 'views', 'replies', 'boosts', 'activity', 'created'];

/**
 * The plan's query with `words` as its only droppable terms, mandatory terms sent as one-word phrases (which
 * Meilisearch matches exactly, as the all-words fallback always sent them), its phrases and exclusions; the last
 * word is a prefix only when it is the query's own last word (a trailing space ends any other,
 * `parse_query.rs`).
 */
export function partQuery(plan: SearchPlan, words: readonly string[]): string {
  const { terms } = plan.parsed;
  const q = meiliQueryString({
    ...plan.parsed,
    terms: [...words],
    phrases: [...terms.filter(isMandatoryTerm).map((t) => [t]), ...plan.parsed.phrases],
  });
  const prefix = !plan.parsed.noPrefix && words.length > 0 && words.at(-1) === terms.at(-1);
  return prefix ? q : `${q} `;
}

/** A word alone, as it is matched inside the query (prefix only as its last word): what its frequency counts. */
function wordQuery(plan: SearchPlan, word: string): string {
  return !plan.parsed.noPrefix && word === plan.parsed.terms.at(-1) ? word : `${word} `;
}

/**
 * The candidate search: per droppable word (query order) the posts holding it and the mandatory part, then the
 * mandatory part alone when the query has one, then per word a `limit: 0` count over the whole index (its
 * frequency, as the embedded engine counts it: no filter, no exclusion), then the facet counts of the
 * frequency-strategy search. At most 2 × 10 + 1 queries and the facet queries, in one request.
 */
export function buildCandidateSearch(plan: SearchPlan, indexUid: string): { queries: MultiSearchQuery[] } {
  const words = droppableTerms(plan.parsed);
  const filter = buildFilter(plan);
  const read = (q: string): MultiSearchQuery => ({
    indexUid,
    q,
    ...(filter ? { filter } : {}),
    limit: CANDIDATES_PER_WORD,
    attributesToRetrieve: CANDIDATE_FIELDS,
    showRankingScore: true,
    matchingStrategy: 'all',
  });
  const held = words.map((word) => read(partQuery(plan, [word])));
  const mandatory = hasMandatoryPart(plan.parsed) ? [read(partQuery(plan, []))] : [];
  const frequencies = words.map((word): MultiSearchQuery => ({
    indexUid,
    q: wordQuery(plan, word),
    limit: 0,
    matchingStrategy: 'all',
  }));
  return { queries: [...held, ...mandatory, ...frequencies, ...facetQueries(plan, indexUid)] };
}

/**
 * The facet counts of a relaxed search: the multi-search of the plan with `matchingStrategy: 'frequency'`, no
 * hits (mandatory terms as one-word phrases, which Meilisearch never drops).
 */
function facetQueries(plan: SearchPlan, indexUid: string): MultiSearchQuery[] {
  const { terms } = plan.parsed;
  const parsed = {
    ...plan.parsed,
    terms: terms.filter((t) => !isMandatoryTerm(t)),
    phrases: [...terms.filter(isMandatoryTerm).map((t) => [t]), ...plan.parsed.phrases],
  };
  return buildMultiSearch({ ...plan, parsed }, indexUid).queries.map((query): MultiSearchQuery => ({
    ...query,
    page: undefined,
    hitsPerPage: undefined,
    showMatchesPosition: undefined,
    limit: 0,
    matchingStrategy: 'frequency',
  }));
}

/** The candidates of a relaxed search in the shared order, what each lacks, and the facet-count responses. */
export type RankedCandidates = {
  /** Post ids, best first. */
  order: string[];
  /** Per post id, the bit mask of the droppable words it holds (bit i for word i in query order). */
  held: Map<string, number>;
  /** The responses of the facet queries: the main one, then one per selected facet. */
  facets: MeiliSearchResponse[];
};

const totalOf = (response: MeiliSearchResponse | undefined) =>
  response?.totalHits ?? response?.estimatedTotalHits ?? 0;

/** A number field of a hit, 0 when absent. */
function numberOf(hit: MeiliHit, field: string): number {
  const value = hit[field];
  return typeof value === 'number' ? value : 0;
}

/**
 * Rank the candidates of {@link buildCandidateSearch}'s responses by the shared rule: `partialRanks` over the
 * droppable words (groups from the frequencies the server counted), equal ranks by the summed ranking score
 * (relevance) or by the sort's column then that score. Null when the query has no droppable word.
 */
export function rankCandidates(
  plan: SearchPlan,
  results: readonly MeiliSearchResponse[],
): RankedCandidates | null {
  const words = droppableTerms(plan.parsed);
  const n = words.length;
  const at = n + (hasMandatoryPart(plan.parsed) ? 1 : 0);
  const frequencies = results.slice(at, at + n).map(totalOf);
  const ranks = partialRanks(words, removalGroups(words, frequencies, hasMandatoryPart(plan.parsed)));
  if (!ranks) return null;
  const held = new Map<string, number>();
  const score = new Map<string, number>();
  const hitOf = new Map<string, MeiliHit>();
  results.slice(0, at).forEach((response, w) => {
    for (const hit of response.hits) {
      const id = String(hit.id);
      held.set(id, (held.get(id) ?? 0) | (w < n ? 1 << w : 0));
      score.set(id, (score.get(id) ?? 0) + numberOf(hit, '_rankingScore'));
      hitOf.set(id, hit);
    }
  });
  const { sort } = plan;
  // The embedded engine's order of equal ranks (`orderOf`): the sort's column, then score; by relevance, score
  // then views.
  const column = (id: string) => {
    const hit = hitOf.get(id)!;
    if (sort === 'relevance') return 0;
    if (sort !== 'activity') return numberOf(hit, sort);
    const month = [hit.activity, hit.created].find((m) => typeof m === 'string');
    return activityKey(month ?? null);
  };
  const order = [...held.keys()].sort(
    (a, b) =>
      ranks[held.get(a)!]! - ranks[held.get(b)!]! ||
      column(b) - column(a) ||
      score.get(b)! - score.get(a)! ||
      numberOf(hitOf.get(b)!, 'views') - numberOf(hitOf.get(a)!, 'views'),
  );
  return { order, held, facets: results.slice(at + n) };
}

/** The droppable words a candidate lacks, in query order. */
export function lackedWords(plan: SearchPlan, mask: number): string[] {
  return droppableTerms(plan.parsed).filter((_, w) => (mask & (1 << w)) === 0);
}

/**
 * The page's posts with their match positions: per droppable word, the page's posts that hold it, searched
 * with that word (and the mandatory part), then the mandatory part alone over the whole page when the query has
 * one (a post may hold none of the droppable words). At most 11 queries, in one request.
 */
export function buildPageFetch(
  plan: SearchPlan,
  indexUid: string,
  ids: readonly string[],
  held: ReadonlyMap<string, number>,
): { queries: MultiSearchQuery[] } {
  const fetch = (q: string, of: readonly string[]): MultiSearchQuery => ({
    indexUid,
    q,
    filter: inClause('id', of),
    limit: of.length,
    showMatchesPosition: true,
    matchingStrategy: 'all',
  });
  const queries = droppableTerms(plan.parsed).flatMap((word, w) => {
    const of = ids.filter((id) => ((held.get(id) ?? 0) & (1 << w)) !== 0);
    return of.length > 0 ? [fetch(partQuery(plan, [word]), of)] : [];
  });
  if (hasMandatoryPart(plan.parsed)) queries.push(fetch(partQuery(plan, []), ids));
  return { queries };
}

/** The page's hits in order from {@link buildPageFetch}'s responses, each with every match position found. */
export function pageHits(ids: readonly string[], results: readonly MeiliSearchResponse[]): MeiliHit[] {
  const byId = new Map<string, MeiliHit>();
  for (const response of results) {
    for (const hit of response.hits) {
      const id = String(hit.id);
      const seen = byId.get(id);
      if (!seen) {
        byId.set(id, hit);
        continue;
      }
      const positions: Partial<Record<string, MatchPosition[]>> = { ...seen._matchesPosition };
      for (const [field, more] of Object.entries(hit._matchesPosition ?? {})) {
        const known = positions[field] ?? [];
        const fresh = (more ?? []).filter((p) => !known.some((k) => k.start === p.start));
        positions[field] = [...known, ...fresh].sort((x, y) => x.start - y.start);
      }
      byId.set(id, { ...seen, _matchesPosition: positions });
    }
  }
  return ids.map((id) => byId.get(id)).filter((hit): hit is MeiliHit => hit !== undefined);
}
