import type { MultiSearchQuery } from 'meilisearch';
import { Post } from '../../posts/schema';
import { totalOf, type MatchPosition, type MeiliHit, type MeiliSearchResponse } from './client';
import { meiliQueryString, selectedFacets } from './query';
import type { SearchPlan } from '../plan';
import type { ParsedQuery } from '../query';
import { activityKeyOf, facetValuesOf } from '../document';
import { buildFilter, inClause } from './filters';
import { FACET_ATTRIBUTES } from './settings';
import { droppableTerms, hasMandatoryPart, isMandatoryTerm, partialRanks, removalGroups } from '../relax';
import { FACETS, type FacetName } from '../types';

/**
 * The partial-match fallback on Meilisearch, sent only when the all-words search found nothing. Meilisearch's own
 * `matchingStrategy: 'frequency'` cannot stand in for the shared rule (`relax.ts`): without a phrase it never drops
 * the rarest words (`query_graph.rs` pops the last removal group, and the universe is the maximally reduced query
 * graph), so a post lacking one of them is never returned; and its words rule charges a skipped word with every
 * later, more frequent word (`cheapest_paths.rs`: `nodes_to_skip`), so its buckets are not "fewest words lacking".
 * So the server finds the candidates and which words each holds, and the ranking is the shared rule's:
 * 1. one multi-search ({@link buildCandidateSearch}): the {@link candidateReads} (per droppable word, per pair of
 *    adjacent droppable words, the mandatory part alone), each read as the posts holding it with the mandatory
 *    part (ids, ranking and facet fields, at most {@link CANDIDATES_PER_WORD}) under the plan's filter, and again
 *    under each selected facet's filter left out (its disjunctive counts); then each word's frequency;
 * 2. only when a read holds more than {@link CANDIDATES_PER_WORD} posts, one multi-search
 *    ({@link buildResolveSearch}): which of the other candidates that read matches, and the counts that make the
 *    total exact;
 * 3. {@link rankCandidates}: held words per post as bit masks, ranked by `partialRanks`, equal ranks by the sum of
 *    the ranking scores of the reads matched (the embedded engine sums its per-word scores) or by the sort, then
 *    id; the facet counts over the candidates, as the embedded engine counts them;
 * 4. one multi-search for the page's posts with their match positions ({@link buildPageFetch}).
 * A relaxed search costs three requests (the all-words search, then 1 and 4), four when a read was capped.
 * What stays inexact at scale: a post held only by capped reads and outside each one's first
 * {@link CANDIDATES_PER_WORD} is counted in the total (exactly, see {@link totalCandidates}) but not ranked
 * (never on a page) nor in the facet counts.
 */

/** Posts per read the candidate search reads; a read that matches more is resolved ({@link buildResolveSearch}). */
export const CANDIDATES_PER_WORD = 1000;

/** Ids per query when resolving a capped read over the other candidates (the `id IN [...]` filter's length). */
export const RESOLVE_CHUNK = 1000;

/** Capped reads whose union is counted exactly (2^k − k − 1 count queries); past it the total is a lower bound. */
export const MAX_COUNTED_CAPPED = 4;

/** What a candidate is read with: its id, what orders equal ranks under each sort, and its facet values. */
const Candidate = Post.pick({
  id: true,
  views: true,
  replies: true,
  boosts: true,
  activity: true,
  created: true,
  topics: true,
  apiClasses: true,
  osVersions: true,
  errorCodes: true,
  forums: true,
});
type Candidate = ReturnType<typeof Candidate.parse>;
const CANDIDATE_FIELDS = Object.keys(Candidate.shape);

/** The mandatory terms of a query as one-word phrases (which Meilisearch matches exactly), then its phrases. */
function mandatoryPhrases(parsed: ParsedQuery): string[][] {
  return [...parsed.terms.filter(isMandatoryTerm).map((t) => [t]), ...parsed.phrases];
}

/**
 * Whether the last of `words` is matched as a prefix: only when it is the query's own last word and the query
 * does not end with a space (a trailing space ends any other, `parse_query.rs`).
 */
function prefixOn(parsed: ParsedQuery, words: readonly string[]): boolean {
  return !parsed.noPrefix && words.length > 0 && words.at(-1) === parsed.terms.at(-1);
}

/** A parsed query ending with a space unless its last word is a prefix by {@link prefixOn}. */
function withPrefixRule(parsed: ParsedQuery, source: ParsedQuery, words: readonly string[]): ParsedQuery {
  const rest = { ...parsed };
  delete rest.noPrefix;
  return prefixOn(source, words) ? rest : { ...rest, noPrefix: true };
}

/**
 * The plan's query with `words` as its only droppable terms, mandatory terms sent as one-word phrases (as the
 * all-words fallback always sent them), its phrases and exclusions; the last word a prefix by {@link prefixOn}.
 */
export function partQuery(plan: SearchPlan, words: readonly string[]): string {
  const parsed = { ...plan.parsed, terms: [...words], phrases: mandatoryPhrases(plan.parsed) };
  return meiliQueryString(withPrefixRule(parsed, plan.parsed, words));
}

/** A word alone, as it is matched inside the query: what its frequency counts. */
function wordQuery(plan: SearchPlan, word: string): string {
  const parsed = {
    terms: [word],
    phrases: [],
    excludes: [],
    excludedPhrases: [],
    operators: plan.parsed.operators,
  };
  return meiliQueryString(withPrefixRule(parsed, plan.parsed, [word]));
}

/** One candidate read: the droppable words it stands for (`bits`, bit i for word i) and those words. */
export type CandidateRead = { bits: number; words: string[] };

/**
 * The reads of the candidate search: per droppable word; per two droppable words adjacent in the query, the pair
 * (which Meilisearch also matches as one joined word: `wi fi` → `wifi`, its 2-word ngrams), setting both bits as
 * the embedded engine credits a joined word to both (`withJoins`); the mandatory part alone when the query has one.
 */
export function candidateReads(plan: SearchPlan): CandidateRead[] {
  const { terms } = plan.parsed;
  const words = droppableTerms(plan.parsed);
  const reads: CandidateRead[] = words.map((word, w) => ({ bits: 1 << w, words: [word] }));
  let w = -1;
  terms.forEach((term, i) => {
    if (isMandatoryTerm(term)) return;
    w++;
    const next = terms[i + 1];
    if (next !== undefined && !isMandatoryTerm(next)) reads.push({ bits: 0b11 << w, words: [term, next] });
  });
  if (hasMandatoryPart(plan.parsed)) reads.push({ bits: 0, words: [] });
  return reads;
}

/** The filters the candidates are read under: the plan's, then per selected facet the plan's without it. */
function filterVariants(plan: SearchPlan): Array<{ facet: FacetName | null; filter: string | undefined }> {
  return [
    { facet: null, filter: buildFilter(plan) },
    ...selectedFacets(plan).map((facet) => ({ facet, filter: buildFilter(plan, facet) })),
  ];
}

/**
 * The candidate search: every read ({@link candidateReads}) under each filter variant (the plan's first, then one
 * per selected facet), then per word a `limit: 0` count over the whole index (its frequency, as the embedded
 * engine counts it: no filter, no exclusion). At most (10 + 9 + 1) × 6 + 10 queries, in one request.
 */
export function buildCandidateSearch(plan: SearchPlan, indexUid: string): { queries: MultiSearchQuery[] } {
  const reads = candidateReads(plan);
  const queries = filterVariants(plan).flatMap(({ facet, filter }) =>
    reads.map((read): MultiSearchQuery => ({
      indexUid,
      q: partQuery(plan, read.words),
      ...(filter ? { filter } : {}),
      page: 1,
      hitsPerPage: CANDIDATES_PER_WORD,
      attributesToRetrieve: CANDIDATE_FIELDS,
      ...(facet === null ? { showRankingScore: true } : {}),
      matchingStrategy: 'all',
    })),
  );
  const frequencies = droppableTerms(plan.parsed).map((word): MultiSearchQuery => ({
    indexUid,
    q: wordQuery(plan, word),
    limit: 0,
    matchingStrategy: 'all',
  }));
  return { queries: [...queries, ...frequencies] };
}

/** A candidate under the plan's filter: the words it holds, the reads that matched it, its summed score. */
type Held = { held: number; reads: number; score: number; post: Candidate };

/** What the candidate search found, before ranking. */
export type CandidatePool = {
  /** Per word (query order), how many posts of the whole index hold it. */
  frequencies: number[];
  /** Per read, how many posts it matches under the plan's filter. */
  totals: number[];
  /** The candidates under the plan's filter, in the order first read. */
  candidates: Map<string, Held>;
  /** Per selected facet, the candidates under the plan's filter without that facet's selection. */
  byFacet: Map<FacetName, Map<string, Candidate>>;
  /** Candidates matched by capped reads only and outside their first pages: counted, never read. */
  unread: number;
};

/** A number field of a hit, 0 when absent. */
function numberOf(hit: MeiliHit, field: string): number {
  const value = hit[field];
  return typeof value === 'number' ? value : 0;
}

/** How many bits a mask has set. */
function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

/**
 * Credit a candidate with a read that matched it: its words, the read, and its score once per word it adds (a
 * word read always; a pair for a joined word, scored for both words as the embedded engine scores a join), so a
 * post scores the sum over the words it holds.
 */
function credit(c: Held, read: CandidateRead, r: number, hit: MeiliHit): void {
  const added = read.words.length < 2 ? 1 : bitCount(read.bits & ~c.held);
  c.score += added * numberOf(hit, '_rankingScore');
  c.held |= read.bits;
  c.reads |= 1 << r;
}

/** Gather the responses of {@link buildCandidateSearch} into a pool (before any resolution). */
export function readCandidates(plan: SearchPlan, results: readonly MeiliSearchResponse[]): CandidatePool {
  const reads = candidateReads(plan);
  const variants = filterVariants(plan);
  const candidates = new Map<string, Held>();
  results.slice(0, reads.length).forEach((response, r) => {
    for (const hit of response.hits) {
      const id = String(hit.id);
      const seen = candidates.get(id) ?? { held: 0, reads: 0, score: 0, post: Candidate.parse(hit) };
      credit(seen, reads[r]!, r, hit);
      candidates.set(id, seen);
    }
  });
  const byFacet = new Map<FacetName, Map<string, Candidate>>();
  variants.forEach(({ facet }, v) => {
    if (facet === null) return;
    const pool = new Map<string, Candidate>();
    for (const response of results.slice(v * reads.length, (v + 1) * reads.length))
      for (const hit of response.hits) pool.set(String(hit.id), Candidate.parse(hit));
    byFacet.set(facet, pool);
  });
  const totals = results.slice(0, reads.length).map(totalOf);
  const at = variants.length * reads.length;
  const frequencies = results.slice(at, at + droppableTerms(plan.parsed).length).map(totalOf);
  return { frequencies, totals, candidates, byFacet, unread: 0 };
}

/** The reads (by index) that matched more posts than were read. */
function cappedReads(pool: CandidatePool): number[] {
  return pool.totals.flatMap((total, r) => (total > CANDIDATES_PER_WORD ? [r] : []));
}

/** Every subset of two or more of `items`, smallest first. */
function subsetsOfTwoOrMore<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let mask = 1; mask < 1 << items.length; mask++) {
    const subset = items.filter((_, i) => (mask & (1 << i)) !== 0);
    if (subset.length >= 2) out.push(subset);
  }
  return out.sort((a, b) => a.length - b.length);
}

/** The count queries of {@link buildResolveSearch}: per subset of two or more capped reads, its intersection. */
function unionCounts(plan: SearchPlan, pool: CandidatePool): number[][] {
  const capped = cappedReads(pool);
  if (hasMandatoryPart(plan.parsed) || capped.length > MAX_COUNTED_CAPPED) return [];
  return subsetsOfTwoOrMore(capped);
}

/** The words of several reads, in query order, each once. */
function wordsOf(plan: SearchPlan, reads: readonly number[]): string[] {
  const all = candidateReads(plan);
  const bits = reads.reduce((mask, r) => mask | all[r]!.bits, 0);
  return droppableTerms(plan.parsed).filter((_, w) => (bits & (1 << w)) !== 0);
}

/**
 * The resolution of capped reads, null when none is capped: per capped read (but the mandatory part's), the other
 * candidates it matches (`id IN [chunk]`, {@link RESOLVE_CHUNK} ids a query; at most 20 reads × 20 chunks), so
 * every candidate's held words are exact; then, without a mandatory part and for at most
 * {@link MAX_COUNTED_CAPPED} capped reads, the size of each intersection of two or more of them (at most 11
 * counts), from which the total is exact ({@link totalCandidates}). One request.
 */
export function buildResolveSearch(
  plan: SearchPlan,
  indexUid: string,
  pool: CandidatePool,
): { queries: MultiSearchQuery[] } | null {
  const capped = cappedReads(pool);
  if (capped.length === 0) return null;
  const reads = candidateReads(plan);
  const filter = buildFilter(plan);
  const queries: MultiSearchQuery[] = [];
  for (const r of capped) {
    if (reads[r]!.bits === 0) continue;
    const others = [...pool.candidates].filter(([, c]) => (c.reads & (1 << r)) === 0).map(([id]) => id);
    for (let from = 0; from < others.length; from += RESOLVE_CHUNK) {
      const chunk = others.slice(from, from + RESOLVE_CHUNK);
      queries.push({
        indexUid,
        q: partQuery(plan, reads[r]!.words),
        filter: inClause('id', chunk),
        page: 1,
        hitsPerPage: chunk.length,
        attributesToRetrieve: ['id'],
        showRankingScore: true,
        matchingStrategy: 'all',
      });
    }
  }
  for (const subset of unionCounts(plan, pool))
    queries.push({
      indexUid,
      q: partQuery(plan, wordsOf(plan, subset)),
      ...(filter ? { filter } : {}),
      page: 1,
      hitsPerPage: 0,
      matchingStrategy: 'all',
    });
  return { queries };
}

/** Apply {@link buildResolveSearch}'s responses: held words, reads and scores of the candidates, the unread count. */
export function resolveCandidates(
  plan: SearchPlan,
  pool: CandidatePool,
  results: readonly MeiliSearchResponse[],
): CandidatePool {
  const capped = cappedReads(pool);
  const reads = candidateReads(plan);
  const candidates = new Map([...pool.candidates].map(([id, c]) => [id, { ...c }]));
  let at = 0;
  for (const r of capped) {
    if (reads[r]!.bits === 0) continue;
    const others = [...pool.candidates.values()].filter((c) => (c.reads & (1 << r)) === 0).length;
    for (let from = 0; from < others; from += RESOLVE_CHUNK) {
      for (const hit of results[at++]?.hits ?? []) {
        const c = candidates.get(String(hit.id));
        if (!c) continue;
        credit(c, reads[r]!, r, hit);
      }
    }
  }
  const counts = unionCounts(plan, pool).map((subset, i) => ({ subset, size: totalOf(results[at + i]) }));
  return { ...pool, candidates, unread: unreadCount(plan, { ...pool, candidates }, counts) };
}

/**
 * The candidates no read returned: with a mandatory part, the mandatory part's total less those read; without
 * one, the posts of the capped reads' union (inclusion–exclusion over `counts`, the intersections) less those
 * read. With more than {@link MAX_COUNTED_CAPPED} capped reads (no counts), the largest capped read's unread
 * posts: a lower bound.
 */
function unreadCount(
  plan: SearchPlan,
  pool: CandidatePool,
  counts: ReadonlyArray<{ subset: number[]; size: number }>,
): number {
  const capped = cappedReads(pool);
  const readOf = (r: number) =>
    [...pool.candidates.values()].filter((c) => (c.reads & (1 << r)) !== 0).length;
  if (hasMandatoryPart(plan.parsed)) {
    const mandatory = candidateReads(plan).findIndex((read) => read.bits === 0);
    return Math.max(0, pool.totals[mandatory]! - pool.candidates.size);
  }
  if (capped.length > MAX_COUNTED_CAPPED)
    return Math.max(0, ...capped.map((r) => pool.totals[r]! - readOf(r)));
  let union = capped.reduce((sum, r) => sum + pool.totals[r]!, 0);
  for (const { subset, size } of counts) union += (subset.length % 2 === 0 ? -1 : 1) * size;
  const mask = capped.reduce((m, r) => m | (1 << r), 0);
  const read = [...pool.candidates.values()].filter((c) => (c.reads & mask) !== 0).length;
  return Math.max(0, union - read);
}

/** Every candidate a relaxed search counts: those read, and those only counted ({@link CandidatePool.unread}). */
export function totalCandidates(pool: CandidatePool): number {
  return pool.candidates.size + pool.unread;
}

/** Value → count over candidates, most frequent first, then by value (as the embedded engine's `countValues`). */
function countFacet(posts: Iterable<Candidate>, facet: FacetName): Record<string, number> {
  const counts = new Map<string, number>();
  for (const post of posts)
    for (const value of new Set(facetValuesOf(post, facet))) counts.set(value, (counts.get(value) ?? 0) + 1);
  return Object.fromEntries(
    [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
  );
}

/** The candidates of a relaxed search in the shared order, what each holds, the total and the facet responses. */
export type RankedCandidates = {
  /** Post ids, best first. */
  order: string[];
  /** Per post id, the bit mask of the droppable words it holds (bit i for word i in query order). */
  held: Map<string, number>;
  /** Per post id, the bit mask of the reads that matched it (bit r for `candidateReads(plan)[r]`). */
  matched: Map<string, number>;
  total: number;
  /**
   * The facet counts as responses `reshapeSearch` reads: the main one (facets without a selection, over the
   * candidates), then one per selected facet (over the candidates without that facet's selection).
   */
  facets: MeiliSearchResponse[];
};

/**
 * Rank a pool by the shared rule: `partialRanks` over the droppable words (groups from the frequencies the server
 * counted), equal ranks by the summed ranking score (relevance) or by the sort's column then that score, then
 * views, then id (the embedded engine's `idRank`). Null when the query has no droppable word.
 */
export function rankCandidates(plan: SearchPlan, pool: CandidatePool): RankedCandidates | null {
  const words = droppableTerms(plan.parsed);
  const ranks = partialRanks(words, removalGroups(words, pool.frequencies, hasMandatoryPart(plan.parsed)));
  if (!ranks) return null;
  const { sort } = plan;
  // The embedded engine's order of equal ranks (`orderOf`): the sort's column, then score; by relevance, score
  // then views; id last.
  const column = (c: Held) =>
    sort === 'relevance' ? 0 : sort === 'activity' ? activityKeyOf(c.post) : c.post[sort];
  const order = [...pool.candidates.values()]
    .sort(
      (a, b) =>
        ranks[a.held]! - ranks[b.held]! ||
        column(b) - column(a) ||
        b.score - a.score ||
        b.post.views - a.post.views ||
        (a.post.id < b.post.id ? -1 : a.post.id > b.post.id ? 1 : 0),
    )
    .map((c) => c.post.id);
  const held = new Map([...pool.candidates].map(([id, c]) => [id, c.held]));
  const matched = new Map([...pool.candidates].map(([id, c]) => [id, c.reads]));
  const posts = [...pool.candidates.values()].map((c) => c.post);
  const selected = selectedFacets(plan);
  const distribution = (facets: readonly FacetName[], of: Iterable<Candidate>) =>
    Object.fromEntries(facets.map((f) => [FACET_ATTRIBUTES[f], countFacet(of, f)]));
  const main: MeiliSearchResponse = {
    hits: [],
    processingTimeMs: 0,
    facetDistribution: distribution(
      FACETS.filter((f) => !selected.includes(f)),
      posts,
    ),
  };
  const counts = selected.map((facet): MeiliSearchResponse => ({
    hits: [],
    processingTimeMs: 0,
    facetDistribution: distribution([facet], pool.byFacet.get(facet)?.values() ?? []),
  }));
  return { order, held, matched, total: totalCandidates(pool), facets: [main, ...counts] };
}

/** The droppable words a candidate lacks, in query order. */
export function lackedWords(plan: SearchPlan, mask: number): string[] {
  return droppableTerms(plan.parsed).filter((_, w) => (mask & (1 << w)) === 0);
}

/**
 * The page's posts with their match positions: per read ({@link candidateReads}) but the mandatory part's, the
 * page's posts it matched, searched with its words (and the mandatory part); a pair only for the posts that one of
 * its words' own reads missed (a joined word); then the mandatory part alone over the whole page when the query
 * has one (a post may hold none of the droppable words). At most 20 queries, in one request.
 */
export function buildPageFetch(
  plan: SearchPlan,
  indexUid: string,
  ids: readonly string[],
  matched: ReadonlyMap<string, number>,
): { queries: MultiSearchQuery[] } {
  const fetch = (q: string, of: readonly string[]): MultiSearchQuery => ({
    indexUid,
    q,
    filter: inClause('id', of),
    limit: of.length,
    showMatchesPosition: true,
    matchingStrategy: 'all',
  });
  const reads = candidateReads(plan);
  const single = (bits: number) => reads.findIndex((read) => read.bits === bits);
  const queries = reads.flatMap((read, r) => {
    if (read.bits === 0) return [];
    const by = (id: string, k: number) => ((matched.get(id) ?? 0) & (1 << k)) !== 0;
    const low = read.bits & -read.bits;
    const halves = read.words.length > 1 ? [single(low), single(low << 1)] : [];
    const of = ids.filter((id) => by(id, r) && (halves.length === 0 || !halves.every((k) => by(id, k))));
    return of.length > 0 ? [fetch(partQuery(plan, read.words), of)] : [];
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
